// The portfolio page's controller over copies of the small council: a person's portfolio
// saved (the passphrase held to the rule, a cancel leaving no file), checked against another
// ledger as someone else there (what would be added, in words with DD/MM/YYYY dates, nothing
// written), imported once, then found already there; a conflict and a wrong passphrase refused
// with nothing written.
#include "portfolio/portfoliocontroller.h"

#include "common/variantlistmodel.h"
#include "session/session.h"

#include "ledger.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "modelsupport.h"
#include "test_support.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

const QString kGood = QStringLiteral("a portfolio passphrase 2026");

ledger::CpdEntry forum(const std::string& who, ledger::Hundredths hours) {
    ledger::CpdEntry e;
    e.employeeId = who;
    e.date = ledger::makeDate(2026, 3, 29);
    e.title = "Practice forum: hoarding";
    e.type = ledger::CpdType::PracticeForum;
    e.hours = hours;
    e.description = "What we did";
    e.learning = "What I learnt";
    e.impact = "The difference";
    e.status = ledger::CpdStatus::Final;
    return e;
}

QStringList column(VariantListModel* model, const char* role) {
    QStringList out;
    for (int i = 0; i < model->rowCount(); ++i) {
        out << model->get(i).value(QString::fromLatin1(role)).toString();
    }
    return out;
}

} // namespace

class TestPortfolioModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
        // HW00001's own ledger: their CPD entry with a file of evidence.
        m_source = m_dir.filePath(QStringLiteral("source.ledger"));
        QVERIFY(QFile::copy(m_council, m_source));
        {
            ledger::Ledger l = ledger::Ledger::open(m_source.toStdString(), kPassphrase, false);
            const ledger::RecordId id =
                l.cpd().save(forum("HW00001", 250), ledger::makeDate(2026, 11, 25), "test");
            l.cpd().attach(ledger::AttachmentOwner::CpdEntry, id, "notes.txt", "text/plain",
                           "what I noted", "test");
        }
        // The next employer's: the same council, where HW00001 is also NEW01.
        m_target = m_dir.filePath(QStringLiteral("target.ledger"));
        QVERIFY(QFile::copy(m_council, m_target));
        {
            ledger::Ledger l = ledger::Ledger::open(m_target.toStdString(), kPassphrase, false);
            ledger::Staff person = l.staff().find("HW00001").value();
            person.id = 0;
            person.version = {};
            person.employeeId = "NEW01";
            person.lineManagerId.clear();
            l.staff().add(person, ledger::makeDate(2026, 11, 25), "test");
        }
        m_file = m_dir.filePath(QStringLiteral("hw00001.plportfolio"));
    }

    void savingHoldsThePassphraseToTheRuleAndACancelLeavesNoFile() {
        Session session(kToday);
        QCOMPARE(session.open(m_source, QLatin1String(kPassphrase)), QString());
        PortfolioController controller;
        controller.setSession(&session);
        controller.setEmployeeId(QStringLiteral("HW00001"));
        QVERIFY(!controller.personName().isEmpty());
        QVERIFY(!controller.passphraseProblem(QStringLiteral("short"), QStringLiteral("short"))
                     .isEmpty());
        QCOMPARE(controller.passphraseProblem(kGood, QStringLiteral("other")),
                 QStringLiteral("The two passphrases differ."));
        QCOMPARE(controller.passphraseProblem(kGood, kGood), QString());

        // A weak passphrase is refused before anything is written.
        const QString weak = m_dir.filePath(QStringLiteral("weak.plportfolio"));
        controller.save(QUrl::fromLocalFile(weak), QStringLiteral("short"));
        QCOMPARE(controller.exportState(), QStringLiteral("failed"));
        QVERIFY(!QFile::exists(weak));

        // A cancel asked for at once is heard before anything is written.
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.plportfolio"));
        controller.save(QUrl::fromLocalFile(cancelled), kGood);
        QVERIFY(controller.busy());
        controller.cancel();
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.exportState(), QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(cancelled));

        controller.save(QUrl::fromLocalFile(m_file), kGood);
        QCOMPARE(controller.exportState(), QStringLiteral("saving"));
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.exportState(), QStringLiteral("saved"));
        QVERIFY2(controller.exportSummary().contains(QStringLiteral("read back whole")),
                 qPrintable(controller.exportSummary()));
        QVERIFY(QFile::exists(m_file));
        QCOMPARE(QFile(m_file).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
    }

    void checkedAsSomeoneElseThenImportedOnceThenAlreadyThere() {
        QVERIFY(QFile::exists(m_file));
        Session session(kToday);
        QCOMPARE(session.open(m_target, QLatin1String(kPassphrase)), QString());
        PortfolioController controller;
        controller.setSession(&session);
        const auto items = watch(controller.items());
        controller.setFileUrl(QUrl::fromLocalFile(m_file));
        QCOMPARE(controller.fileName(), QStringLiteral("hw00001.plportfolio"));
        controller.setAsEmployeeId(QStringLiteral("NEW01"));

        controller.check(QStringLiteral("not the passphrase at all"));
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.importState(), QStringLiteral("failed"));
        QVERIFY(!controller.importSummary().isEmpty());
        QVERIFY(!controller.canImport());

        controller.check(kGood);
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.importState(), QStringLiteral("checked"));
        QVERIFY(controller.canImport());
        const std::size_t completions =
            ledger::Ledger::open(m_source.toStdString(), kPassphrase, true)
                .training()
                .completionsOf("HW00001")
                .size();
        QCOMPARE(controller.items()->rowCount(), static_cast<int>(completions) + 1);
        QCOMPARE(column(controller.items(), "kind").removeDuplicates(),
                 static_cast<qsizetype>(completions)); // every row is "To add"
        QCOMPARE(controller.items()->get(0).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("To add"));
        const QString last = column(controller.items(), "text").last();
        QCOMPARE(last,
                 QStringLiteral(
                     "CPD entry “Practice forum: hoarding” on 29/03/2026, with 1 evidence file"));
        QVERIFY(QRegularExpression(QStringLiteral("^Completion of .* on \\d\\d/\\d\\d/\\d{4}"))
                    .match(column(controller.items(), "text").first())
                    .hasMatch());
        QVERIFY(session.ledger()->training().completionsOf("NEW01").empty()); // nothing written

        controller.runImport(kGood);
        QCOMPARE(controller.importState(), QStringLiteral("importing"));
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.importState(), QStringLiteral("imported"));
        QCOMPARE(session.ledger()->training().completionsOf("NEW01").size(), completions);
        QCOMPARE(session.ledger()->cpd().of("NEW01").size(), std::size_t{1});

        controller.check(kGood);
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.importState(), QStringLiteral("checked"));
        QVERIFY(!controller.canImport());
        QVERIFY(controller.importSummary().contains(QStringLiteral("already here")));
        QCOMPARE(column(controller.items(), "kind").removeDuplicates(),
                 static_cast<qsizetype>(completions));
        QCOMPARE(controller.items()->get(0).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("Already there"));
    }

    void aConflictIsListedInWordsAndNothingCanBeImported() {
        QVERIFY(QFile::exists(m_file));
        const QString path = m_dir.filePath(QStringLiteral("conflict.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        {
            ledger::Ledger l = ledger::Ledger::open(path.toStdString(), kPassphrase, false);
            (void)l.cpd().save(forum("HW00001", 300), ledger::makeDate(2026, 11, 25), "test");
        }
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        PortfolioController controller;
        controller.setSession(&session);
        controller.setFileUrl(QUrl::fromLocalFile(m_file));
        controller.check(kGood);
        QVERIFY(controller.waitForFinished());
        QCOMPARE(controller.importState(), QStringLiteral("invalid"));
        QVERIFY(!controller.canImport());
        QVERIFY2(controller.importSummary().contains(QStringLiteral("1 conflict")),
                 qPrintable(controller.importSummary()));
        const QVariantMap first = controller.items()->get(0);
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("Conflict"));
        QCOMPARE(
            first.value(QStringLiteral("text")).toString(),
            QStringLiteral("CPD entry “Practice forum: hoarding” on 29/03/2026, with 1 evidence "
                           "file: the record here differs in hours, evidence"));
        controller.runImport(kGood); // refused: nothing starts
        QVERIFY(!controller.busy());
        QCOMPARE(session.ledger()->cpd().of("HW00001").front().hours, 300);
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
    QString m_source;
    QString m_target;
    QString m_file;
};

QTEST_MAIN(TestPortfolioModels)
#include "tst_portfolio_models.moc"
