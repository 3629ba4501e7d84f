// The trusted-assessor pages (issue 11) over the learning-record examples as of 25/11/2026:
// the team view's three lists and its filters by team and by category, the 90-day lapsing
// list, the authorisation editor (refreshers typed as UK dates; a sign-off by someone whose
// role may not sign off refused at the field, by the form and by core alike), a new
// equipment category, the Teams and roles page's can-sign-off toggle, and a person's section.
#include "assessors/assessoreditor.h"
#include "assessors/assessorscontroller.h"
#include "assessors/categoryeditor.h"
#include "assessors/personassessorscontroller.h"
#include "catalog/catalogcontroller.h"
#include "session/session.h"

#include "io/importer.h"
#include "ledger.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "modelsupport.h"

namespace {

using namespace testsupport;

const std::string kData = std::string(LEDGER_TEST_DATA) + "/learning-record/";

QStringList keys(const VariantListModel* model) {
    return values(model, "key");
}

} // namespace

class TestAssessorsModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.ledger"));
        ledger::Ledger l = ledger::Ledger::create(m_template.toStdString(), kPassphrase, "test");
        const ledger::Date today = ledger::makeDate(2026, 11, 25);
        l.imports().file(ledger::ImportKind::Staff, kData + "staff.csv", "staff", today, false,
                         "test");
        // roles.csv: the roles that may sign off.
        for (const char* role :
             {"Occupational Therapist", "Senior Occupational Therapist", "Team Manager"}) {
            l.assessors().setRoleCanSignOff(role, true, "test");
        }
        ledger::ImportFile rows(kData + "trusted-assessors.csv");
        l.assessors().importFile("trusted-assessors.csv", rows, today, false, "test");
    }

    void init() {
        const QString path = m_dir.filePath(QStringLiteral("%1.ledger").arg(++m_copies));
        QVERIFY(QFile::copy(m_template, path));
        m_session = std::make_unique<Session>(kToday);
        QCOMPARE(m_session->open(path, QString::fromUtf8(kPassphrase)), QString());
        m_controller = std::make_unique<AssessorsController>();
        m_testers.clear();
        m_testers.push_back(watch(m_controller->authorised()));
        m_testers.push_back(watch(m_controller->lapsing()));
        m_testers.push_back(watch(m_controller->others()));
        m_controller->setSession(m_session.get());
    }

    void cleanup() {
        m_testers.clear();
        m_controller.reset();
        m_session.reset();
    }

    // expected-trusted-assessors-2026-11-25.csv: two authorised, two lapsed, two withdrawn
    // (HW00033 left in 2020: not in the team view).
    void theTeamViewListsWhoMayAssessTodayAndTheRest() {
        QCOMPARE(keys(m_controller->authorised()),
                 (QStringList{QStringLiteral("HW0/in_house"), QStringLiteral("HW00017/level_4")}));
        QCOMPARE(keys(m_controller->lapsing()), QStringList());
        // Lapsed first, then withdrawn; by name within each.
        QCOMPARE(
            keys(m_controller->others()),
            (QStringList{QStringLiteral("HW0/level_3"), QStringLiteral("HW00023/level_4"),
                         QStringLiteral("HW00010/in_house"), QStringLiteral("HW00023/in_house")}));
        const QVariantMap hw0 =
            find(m_controller->authorised(), "key", QStringLiteral("HW0/in_house"));
        QCOMPARE(hw0.value(QStringLiteral("status")).toString(), QStringLiteral("Authorised"));
        QCOMPARE(hw0.value(QStringLiteral("statusCode")).toString(), QStringLiteral("authorised"));
        QCOMPARE(hw0.value(QStringLiteral("badge")).toString(), QStringLiteral("compliant"));
        QCOMPARE(hw0.value(QStringLiteral("refresherDue")).toString(),
                 QStringLiteral("31/10/2027"));
        QCOMPARE(hw0.value(QStringLiteral("when")).toString(),
                 QStringLiteral("Refresher due 31/10/2027"));
        QCOMPARE(hw0.value(QStringLiteral("team")).toString(), QStringLiteral("Mental Health"));
        QCOMPARE(hw0.value(QStringLiteral("level")).toString(), QStringLiteral("In-house"));
        QCOMPARE(hw0.value(QStringLiteral("categories")).toString(),
                 QStringLiteral("Bathing equipment, Grab rails"));
        QCOMPARE(hw0.value(QStringLiteral("signedOff")).toString(),
                 QStringLiteral("Siobhán Smith, Jr on 01/11/2026"));
        const QVariantMap lapsed =
            find(m_controller->others(), "key", QStringLiteral("HW0/level_3"));
        QCOMPARE(lapsed.value(QStringLiteral("status")).toString(), QStringLiteral("Lapsed"));
        QCOMPARE(lapsed.value(QStringLiteral("badge")).toString(), QStringLiteral("overdue"));
        QCOMPARE(lapsed.value(QStringLiteral("when")).toString(),
                 QStringLiteral("Refresher was due 30/08/2026"));
        const QVariantMap withdrawn =
            find(m_controller->others(), "key", QStringLiteral("HW00010/in_house"));
        QCOMPARE(withdrawn.value(QStringLiteral("status")).toString(), QStringLiteral("Withdrawn"));
        QCOMPARE(withdrawn.value(QStringLiteral("when")).toString(),
                 QStringLiteral("Withdrawn 06/09/2026"));
        QCOMPARE(withdrawn.value(QStringLiteral("refresherDue")).toString(), QString());
        for (const VariantListModel* model :
             {m_controller->authorised(), m_controller->lapsing(), m_controller->others()}) {
            for (const QString& due : values(model, "refresherDue")) {
                QVERIFY2(isUkDateOrEmpty(due), qPrintable(due));
            }
        }
        QCOMPARE(m_controller->summary(), QStringLiteral("2 people may assess today · 0 "
                                                         "authorisations lapse within 90 days"));
    }

    void theTeamViewFiltersByTeamAndByCategory() {
        QStringList teams;
        for (const QVariant& c : m_controller->teamChoices()) {
            teams << c.toMap().value(QStringLiteral("label")).toString();
        }
        QCOMPARE(
            teams,
            (QStringList{QStringLiteral("All teams"), QStringLiteral("Hospital Discharge"),
                         QStringLiteral("Learning Disability"), QStringLiteral("Mental Health")}));
        m_controller->setTeam(QStringLiteral("Mental Health"));
        QCOMPARE(keys(m_controller->authorised()), QStringList{QStringLiteral("HW0/in_house")});
        QCOMPARE(keys(m_controller->others()), QStringList{QStringLiteral("HW0/level_3")});

        // Who may assess for grab rails today (mayAssess): HW00017 has no categories.
        m_controller->setTeam(QString());
        m_controller->setCategory(QStringLiteral("grab_rails"));
        QCOMPARE(keys(m_controller->authorised()), QStringList{QStringLiteral("HW0/in_house")});
        QCOMPARE(keys(m_controller->others()), QStringList{QStringLiteral("HW00010/in_house")});
        QCOMPARE(m_controller->summary(), QStringLiteral("1 person may assess today · 0 "
                                                         "authorisations lapse within 90 days"));
        m_controller->setCategory(QStringLiteral("chair_raisers"));
        QCOMPARE(m_controller->authorised()->rowCount(), 0);
        QCOMPARE(m_controller->others()->rowCount(), 0);
        m_controller->setCategory(QString());
        QCOMPARE(m_controller->authorised()->rowCount(), 2);
    }

    // Saved through the editor: signed off 10/12/2025, so the refresher falls due on
    // 09/12/2026, 14 days from today; a refresher on 01/11/2026 (typed as a UK date) moves it
    // to 31/10/2027.
    void anAuthorisationSavedInTheEditorLapsesWithin90DaysUntilItsRefresher() {
        AssessorEditor editor;
        editor.setSession(m_session.get());
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00021")},
                         {QStringLiteral("level"), QStringLiteral("level_3")}});
        QCOMPARE(editor.field(QStringLiteral("refresher_months"))->text(), QStringLiteral("12"));
        QCOMPARE(editor.field(QStringLiteral("trained_on"))->text(), QStringLiteral("25/11/2026"));
        editor.toggleCategory(QStringLiteral("grab_rails"));
        editor.toggleCategory(QStringLiteral("commodes"));
        editor.toggleCategory(QStringLiteral("bed_raisers"));
        editor.toggleCategory(QStringLiteral("bed_raisers"));
        QCOMPARE(editor.field(QStringLiteral("categories"))->text(),
                 QStringLiteral("commodes;grab_rails"));
        QVERIFY(editor.hasCategory(QStringLiteral("commodes")));
        QVERIFY(!editor.hasCategory(QStringLiteral("bed_raisers")));
        editor.field(QStringLiteral("trained_on"))->setText(QStringLiteral("01/12/2025"));
        editor.field(QStringLiteral("observed_assessments"))->setText(QStringLiteral("4"));
        editor.field(QStringLiteral("signed_off_by"))->setText(QStringLiteral("HW00039"));
        editor.field(QStringLiteral("signed_off_on"))->setText(QStringLiteral("10/12/2025"));
        QVERIFY2(editor.save(),
                 qPrintable(editor.message() + editor.fieldsWithErrors().join(u',')));

        QCOMPARE(keys(m_controller->lapsing()), QStringList{QStringLiteral("HW00021/level_3")});
        QVERIFY(keys(m_controller->authorised()).contains(QStringLiteral("HW00021/level_3")));
        const QVariantMap row = m_controller->lapsing()->get(0);
        QCOMPARE(row.value(QStringLiteral("refresherDue")).toString(),
                 QStringLiteral("09/12/2026"));
        QCOMPARE(row.value(QStringLiteral("when")).toString(),
                 QStringLiteral("Refresher due 09/12/2026 (in 14 days)"));
        QCOMPARE(row.value(QStringLiteral("badge")).toString(), QStringLiteral("due_soon"));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("Authorised"));
        QCOMPARE(row.value(QStringLiteral("categories")).toString(),
                 QStringLiteral("Commodes, Grab rails"));
        const auto stored =
            m_session->ledger()->assessors().find("HW00021", ledger::AssessorLevel::Level3);
        QVERIFY(stored);
        QCOMPARE(stored->signedOffBy, std::string("HW00039"));
        QCOMPARE(stored->observedAssessments, 4);

        QVERIFY(editor.load(QStringLiteral("HW00021/level_3")));
        QVERIFY(!editor.isNew());
        QCOMPARE(editor.field(QStringLiteral("signed_off_on"))->text(),
                 QStringLiteral("10/12/2025"));
        editor.field(QStringLiteral("refreshers"))->setText(QStringLiteral("01/11/2026; "));
        QVERIFY2(editor.save(),
                 qPrintable(editor.message() + editor.fieldsWithErrors().join(u',')));
        QCOMPARE(keys(m_controller->lapsing()), QStringList());
        QCOMPARE(find(m_controller->authorised(), "key", QStringLiteral("HW00021/level_3"))
                     .value(QStringLiteral("refresherDue"))
                     .toString(),
                 QStringLiteral("31/10/2027"));
        QVERIFY(editor.load(QStringLiteral("HW00021/level_3")));
        QCOMPARE(editor.field(QStringLiteral("refreshers"))->text(), QStringLiteral("01/11/2026"));

        // A refresher that is not a date, or not after the sign-off, is named at its field.
        editor.field(QStringLiteral("refreshers"))
            ->setText(QStringLiteral("01/11/2026; 31/02/2026"));
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("refreshers")});
        editor.field(QStringLiteral("refreshers"))->setText(QStringLiteral("01/12/2025"));
        QVERIFY(!editor.save());
        QVERIFY2(editor.field(QStringLiteral("refreshers"))
                     ->error()
                     .contains(QLatin1String("is not after the sign-off")),
                 qPrintable(editor.field(QStringLiteral("refreshers"))->error()));
    }

    // HW00019 is an OT Assistant: the role may not sign off. The form offers only people whose
    // role may; typed in anyway, the form refuses it at the field, and so does core.
    void aSignOffByARoleThatMayNotSignOffIsRefusedAtTheField() {
        AssessorEditor editor;
        editor.setSession(m_session.get());
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00032")},
                         {QStringLiteral("level"), QStringLiteral("level_3")}});
        QStringList signers;
        for (const QVariant& c : editor.signerChoices()) {
            signers << c.toMap().value(QStringLiteral("value")).toString();
        }
        QCOMPARE(signers.first(), QString());                  // not signed off yet
        QVERIFY(signers.contains(QStringLiteral("HW00039")));  // Occupational Therapist
        QVERIFY(signers.contains(QStringLiteral("HW00024")));  // Senior Occupational Therapist
        QVERIFY(!signers.contains(QStringLiteral("HW00019"))); // OT Assistant
        QVERIFY(!signers.contains(QStringLiteral("HW00031"))); // an OT who has left
        QVERIFY(!signers.contains(QStringLiteral("HW00032"))); // not the person themselves

        editor.field(QStringLiteral("trained_on"))->setText(QStringLiteral("01/06/2026"));
        editor.field(QStringLiteral("signed_off_by"))->setText(QStringLiteral("HW00019"));
        editor.field(QStringLiteral("signed_off_on"))->setText(QStringLiteral("01/07/2026"));
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("signed_off_by")});
        QCOMPARE(editor.field(QStringLiteral("signed_off_by"))->error(),
                 QStringLiteral("HW00019's role cannot sign off trusted assessors."));
        QCOMPARE(editor.message(), QStringLiteral("Please correct the fields marked below."));
        QVERIFY(!m_session->ledger()->assessors().find("HW00032", ledger::AssessorLevel::Level3));

        // Core refuses it too, naming the same field (the form's check is core's).
        ledger::TrustedAssessor a;
        a.employeeId = "HW00032";
        a.trainedOn = ledger::makeDate(2026, 6, 1);
        a.signedOffBy = "HW00019";
        a.signedOffOn = ledger::makeDate(2026, 7, 1);
        QVariantMap fieldErrors;
        QVERIFY(!m_session
                     ->write(
                         [&](ledger::Ledger& l) {
                             l.assessors().save(a, ledger::makeDate(2026, 11, 25), "test");
                         },
                         &fieldErrors)
                     .isEmpty());
        QCOMPARE(fieldErrors.keys(), QStringList{QStringLiteral("signed_off_by")});
        QCOMPARE(fieldErrors.value(QStringLiteral("signed_off_by")).toString(),
                 QStringLiteral("HW00019's role cannot sign off trusted assessors."));

        // Signed off by an occupational therapist instead, it is saved.
        editor.field(QStringLiteral("signed_off_by"))->setText(QStringLiteral("HW00039"));
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QVERIFY(m_session->ledger()->assessors().find("HW00032", ledger::AssessorLevel::Level3));
    }

    void aCategoryAddedToTheListCanBeChosen() {
        CategoryEditor editor;
        editor.setSession(m_session.get());
        editor.startNew({{QStringLiteral("code"), QStringLiteral("Stair Rails")},
                         {QStringLiteral("label"), QStringLiteral("  ")}});
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(),
                 (QStringList{QStringLiteral("code"), QStringLiteral("label")}));
        QCOMPARE(editor.field(QStringLiteral("code"))->error(),
                 QStringLiteral("A code is 1 to 40 of a-z, 0-9 and _."));

        editor.startNew({{QStringLiteral("code"), QStringLiteral("grab_rails")},
                         {QStringLiteral("label"), QStringLiteral("Rails")}});
        QVERIFY(!editor.save());
        QCOMPARE(editor.field(QStringLiteral("code"))->error(),
                 QStringLiteral("The list already has grab_rails (Grab rails)."));

        editor.startNew({{QStringLiteral("code"), QStringLiteral("stair_rails")},
                         {QStringLiteral("label"), QStringLiteral("Stair rails")}});
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QVERIFY(m_controller->categoryChoices().contains(
            QVariantMap{{QStringLiteral("value"), QStringLiteral("stair_rails")},
                        {QStringLiteral("label"), QStringLiteral("Stair rails")}}));
        QCOMPARE(m_controller->categoryChoices().size(), 10); // "All categories", 8 seeded, 1

        AssessorEditor authorisation;
        authorisation.setSession(m_session.get());
        authorisation.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00021")},
                                {QStringLiteral("level"), QStringLiteral("in_house")}});
        QVERIFY(authorisation.categoryChoices().contains(
            QVariantMap{{QStringLiteral("value"), QStringLiteral("stair_rails")},
                        {QStringLiteral("label"), QStringLiteral("Stair rails")}}));
        authorisation.toggleCategory(QStringLiteral("stair_rails"));
        QVERIFY2(authorisation.save(), qPrintable(authorisation.message()));
        m_controller->setCategory(QStringLiteral("stair_rails"));
        QCOMPARE(keys(m_controller->others()), QStringList{QStringLiteral("HW00021/in_house")});
        QCOMPARE(m_controller->others()->get(0).value(QStringLiteral("statusCode")).toString(),
                 QStringLiteral("in_training"));
        QCOMPARE(m_controller->others()->get(0).value(QStringLiteral("when")).toString(),
                 QStringLiteral("Trained 25/11/2026, not signed off"));
    }

    // The Teams and roles page: each role says whether it may sign off; ticking it lets its
    // holders sign (the editor offers them) and is kept in the ledger.
    void theCanSignOffToggleOfARoleChangesWhoMaySign() {
        CatalogController catalog;
        catalog.setSession(m_session.get());
        QCOMPARE(find(catalog.roles(), "name", QStringLiteral("OT Assistant"))
                     .value(QStringLiteral("canSignOff")),
                 QVariant(false));
        QCOMPARE(find(catalog.roles(), "name", QStringLiteral("Team Manager"))
                     .value(QStringLiteral("canSignOff")),
                 QVariant(true));

        QCOMPARE(catalog.setCanSignOff(QStringLiteral("OT Assistant"), true), QString());
        // The ledger is read again as a task: meanwhile an editor saves nothing and says why.
        QVERIFY(m_session->tasks()->running());
        AssessorEditor meanwhile;
        meanwhile.setSession(m_session.get());
        meanwhile.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00032")}});
        QVERIFY(!meanwhile.save());
        QCOMPARE(meanwhile.message(),
                 QStringLiteral("The ledger is busy. Try again when it has finished."));
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(find(catalog.roles(), "name", QStringLiteral("OT Assistant"))
                     .value(QStringLiteral("canSignOff")),
                 QVariant(true));
        QCOMPARE(m_session->ledger()->assessors().roleCanSignOff("OT Assistant"),
                 std::optional<bool>(true));
        AssessorEditor editor;
        editor.setSession(m_session.get());
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00032")}});
        QStringList signers;
        for (const QVariant& c : editor.signerChoices()) {
            signers << c.toMap().value(QStringLiteral("value")).toString();
        }
        QVERIFY(signers.contains(QStringLiteral("HW00019")));

        QCOMPARE(catalog.setCanSignOff(QStringLiteral("OT Assistant"), false), QString());
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(find(catalog.roles(), "name", QStringLiteral("OT Assistant"))
                     .value(QStringLiteral("canSignOff")),
                 QVariant(false));
        const QString refused = catalog.setCanSignOff(QStringLiteral("Astronaut"), true);
        QCOMPARE(refused, QStringLiteral("No role Astronaut."));
    }

    void aPersonsSectionListsTheirAuthorisations() {
        PersonAssessorsController person;
        auto tester = watch(person.authorisations());
        person.setSession(m_session.get());
        person.setEmployeeId(QStringLiteral("HW0"));
        QCOMPARE(keys(person.authorisations()),
                 (QStringList{QStringLiteral("HW0/in_house"), QStringLiteral("HW0/level_3")}));
        QCOMPARE(values(person.authorisations(), "status"),
                 (QStringList{QStringLiteral("Authorised"), QStringLiteral("Lapsed")}));
        QCOMPARE(values(person.authorisations(), "refresherDue"),
                 (QStringList{QStringLiteral("31/10/2027"), QStringLiteral("30/08/2026")}));
        person.setEmployeeId(QStringLiteral("HW00014"));
        QCOMPARE(person.authorisations()->rowCount(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_template;
    int m_copies = 0;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AssessorsController> m_controller;
    std::vector<std::unique_ptr<Tester>> m_testers;
};

QTEST_MAIN(TestAssessorsModels)
#include "tst_assessors_models.moc"
