// The catalog controller over the small council: teams and roles with their people, rules
// with whom they apply to, modules, and changes reaching the lists.
#include "catalog/catalogcontroller.h"
#include "common/variantlistmodel.h"
#include "session/session.h"

#include "ledger.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include "common/convert.h"
#include "modelsupport.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

/// A requirement rule's key as the catalog gives it.
QString ruleKey(const char* module, const char* scope, const char* value) {
    return QStringList{QLatin1String(module), QLatin1String(scope), QString::fromUtf8(value)}.join(
        convert::kRuleKeySeparator);
}

} // namespace

class TestCatalogModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
    }

    // ---- CatalogController -----------------------------------------------------------------

    void catalogListsTeamsRolesWithPeopleAndRulesWithWhomTheyApplyTo() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        CatalogController catalog;
        std::vector<std::unique_ptr<Tester>> testers;
        for (VariantListModel* m : {catalog.teams(), catalog.roles(), catalog.modules(),
                                    catalog.rules(), catalog.themes()}) {
            testers.push_back(watch(m));
        }
        QSignalSpy changed(&catalog, &CatalogController::changed);
        catalog.setSession(&session);
        QCOMPARE(changed.count(), 1);

        QCOMPARE(catalog.teams()->rowCount(), 13);
        QCOMPARE(values(catalog.teams(), "name"), catalog.teamNames());
        QCOMPARE(catalog.teamNames().first(), QStringLiteral("Carers' Support"));
        // Active people only: Older People East has 11 people, 2 of whom have left.
        QCOMPARE(find(catalog.teams(), "name", QStringLiteral("Older People East"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 9);
        QCOMPARE(find(catalog.teams(), "name", QStringLiteral("Carers' Support"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 4);
        int people = 0;
        for (const QVariantMap& t : catalog.teams()->rows()) {
            people += t.value(QStringLiteral("people")).toInt();
        }
        QCOMPARE(people, 55);
        QCOMPARE(find(catalog.roles(), "name", QStringLiteral("Team Manager"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 10);
        QVERIFY(catalog.roleNames().contains(QStringLiteral("OT Assistant")));
        QCOMPARE(values(catalog.roles(), "name"), catalog.roleNames());

        // 18 rules, each saying whom it is for.
        QCOMPARE(catalog.rules()->rowCount(), 18);
        const QVariantMap safe = find(catalog.rules(), "key", ruleKey("SAFE-L3", "all", ""));
        QCOMPARE(safe.value(QStringLiteral("appliesTo")).toString(), QStringLiteral("All staff"));
        QCOMPARE(safe.value(QStringLiteral("dueWithinDays")).toInt(), 90);
        QCOMPARE(safe.value(QStringLiteral("effectiveFrom")).toString(), QString());
        QCOMPARE(find(catalog.rules(), "key", ruleKey("MH", "team", "Reablement"))
                     .value(QStringLiteral("appliesTo"))
                     .toString(),
                 QStringLiteral("Team: Reablement"));
        const QVariantMap otRule =
            find(catalog.rules(), "key", ruleKey("MH", "role", "Occupational Therapist"));
        QCOMPARE(otRule.value(QStringLiteral("appliesTo")).toString(),
                 QStringLiteral("Role: Occupational Therapist"));
        QCOMPARE(otRule.value(QStringLiteral("effectiveFrom")).toString(),
                 QStringLiteral("01/06/2024"));
        QCOMPARE(otRule.value(QStringLiteral("scope")).toString(), QStringLiteral("role"));

        // Modules with their renewal in words and how many rules they have.
        QCOMPARE(catalog.modules()->rowCount(), 12);
        const QVariantMap mh = find(catalog.modules(), "code", QStringLiteral("MH"));
        QCOMPARE(mh.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Moving and handling people"));
        QCOMPARE(mh.value(QStringLiteral("ruleCount")).toInt(), 3);
        QCOMPARE(find(catalog.modules(), "code", QStringLiteral("ED"))
                     .value(QStringLiteral("renewal"))
                     .toString(),
                 QStringLiteral("Never expires"));
        QCOMPARE(catalog.moduleChoices().size(), 12);
        QCOMPARE(catalog.labelOf(catalog.themeSources(), QStringLiteral("complaint")),
                 QStringLiteral("Complaint"));
        QCOMPARE(catalog.labelOf(catalog.registrationBodies(), QStringLiteral("SWE")),
                 QStringLiteral("Social Work England"));
        QCOMPARE(catalog.themes()->rowCount(), 0);

        // A new team shows, with nobody in it; data changes reach the lists.
        QCOMPARE(session.write([](ledger::Ledger& l) { l.staff().addTeam("Front Door", "test"); }),
                 QString());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(catalog.teams()->rowCount(), 14);
        QCOMPARE(find(catalog.teams(), "name", QStringLiteral("Front Door"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 0);
        session.lock();
        QCOMPARE(catalog.teams()->rowCount(), 0);
        QCOMPARE(catalog.rules()->rowCount(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
};

QTEST_MAIN(TestCatalogModels)
#include "tst_catalog_models.moc"
