// The programmes' controllers and editors (issue 11, item 4) over the learning-record
// examples' staff, as of 25/11/2026: the ASYE cohort's rows with their overdue reviews,
// supervision gaps and next review as core reports them; a person's review timeline and
// supervision log with each gap in place; every editor saving through the programme service,
// a refused value shown beside its field; a supervision logged or removed showing at once;
// the apprenticeships with core's on-track word.
#include "common/editorfield.h"
#include "programmes/apprenticeshipscontroller.h"
#include "programmes/asyecohortcontroller.h"
#include "programmes/programmeeditors.h"
#include "programmes/programmepersoncontroller.h"
#include "session/session.h"

#include "ledger.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

namespace {

using namespace testsupport;

const std::string kData = std::string(LEDGER_TEST_DATA) + "/learning-record/";

/// Types `values` into an editor's fields by name.
void fill(RecordForm& form, const QVariantMap& values) {
    for (auto it = values.begin(); it != values.end(); ++it) {
        EditorField* f = form.field(it.key());
        QVERIFY2(f, qPrintable(it.key()));
        f->setText(it.value().toString());
    }
}

QString errorOf(const RecordForm& form, const QString& field) {
    const EditorField* f = form.field(field);
    return f ? f->error() : QStringLiteral("(no such field)");
}

} // namespace

class TestProgrammesModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("programmes.ledger"));
        ledger::Ledger l = ledger::Ledger::create(m_path.toStdString(), kPassphrase, "test");
        l.imports().file(ledger::ImportKind::Staff, kData + "staff.csv", "staff",
                         ledger::makeDate(2026, 11, 25), false, "test");
    }

    void init() {
        m_session = std::make_unique<Session>(kToday);
        QCOMPARE(m_session->open(m_path, QString::fromUtf8(kPassphrase)), QString());
        m_session->setActor(QStringLiteral("Jo Manager"));
    }

    void cleanup() { m_session.reset(); }

    // HW00034 enrolled from 01/07/2026 through the editor; a refused value first: the
    // assessor is the person themself, shown beside the assessor field, nothing written.
    void a_anEnrolmentIsSavedAndARefusedValueShownAtItsField() {
        AsyeEditor editor;
        editor.setSession(m_session.get());
        editor.startNew({});
        QCOMPARE(editor.field(QStringLiteral("start_date"))->text(), QStringLiteral("25/11/2026"));
        QCOMPARE(editor.field(QStringLiteral("protected_time_percent"))->text(),
                 QStringLiteral("10"));
        fill(editor, {{QStringLiteral("employee_id"), QStringLiteral("HW00034")},
                      {QStringLiteral("start_date"), QStringLiteral("01/07/2026")},
                      {QStringLiteral("assessor_id"), QStringLiteral("HW00034")},
                      {QStringLiteral("supervisor_id"), QStringLiteral("HW00012")}});
        QCOMPARE(editor.personName(), QStringLiteral("O'Neill Ní Bhriain"));
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("assessor_id")});
        QVERIFY(!errorOf(editor, QStringLiteral("assessor_id")).isEmpty());
        QVERIFY(!m_session->ledger()->programmes().enrolment("HW00034"));

        // A number out of range is refused at its field too.
        fill(editor, {{QStringLiteral("assessor_id"), QStringLiteral("HW00013")},
                      {QStringLiteral("protected_time_percent"), QStringLiteral("150")}});
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("protected_time_percent")});

        fill(editor, {{QStringLiteral("protected_time_percent"), QStringLiteral("10")}});
        QSignalSpy saved(&editor, &RecordForm::saved);
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QCOMPARE(saved.count(), 1);
        const auto stored = m_session->ledger()->programmes().enrolment("HW00034");
        QVERIFY(stored);
        QCOMPARE(stored->start, ledger::makeDate(2026, 7, 1));
        QCOMPARE(stored->assessorId, std::string("HW00013"));

        // Two supervisions in the first weeks, then none.
        for (const char* date : {"08/07/2026", "15/07/2026"}) {
            SupervisionEditor log;
            log.setSession(m_session.get());
            log.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00034")}});
            QCOMPARE(log.field(QStringLiteral("date"))->text(), QStringLiteral("25/11/2026"));
            fill(log, {{QStringLiteral("date"), QString::fromLatin1(date)}});
            QVERIFY2(log.save(), qPrintable(log.message()));
        }
        // Before the start: refused at the date.
        SupervisionEditor early;
        early.setSession(m_session.get());
        early.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00034")},
                        {QStringLiteral("date"), QStringLiteral("30/06/2026")}});
        QVERIFY(!early.save());
        QCOMPARE(early.fieldsWithErrors(), QStringList{QStringLiteral("date")});
    }

    // The cohort as core reports it: the 3-month review (01/10/2026) overdue, the 6-month
    // next, one gap (from the last supervision to today); those needing action first.
    void b_theCohortShowsOverdueReviewsGapsAndTheNextReview() {
        AsyeCohortController cohort;
        QAbstractItemModelTester tester(cohort.rows(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        cohort.setSession(m_session.get());
        cohort.setActive(true);
        QCOMPARE(cohort.rows()->rowCount(), 1);
        const QVariantMap row = cohort.rows()->get(0);
        QCOMPARE(row.value(QStringLiteral("employeeId")).toString(), QStringLiteral("HW00034"));
        QCOMPARE(row.value(QStringLiteral("name")).toString(),
                 QStringLiteral("O'Neill Ní Bhriain"));
        QCOMPARE(row.value(QStringLiteral("team")).toString(), QStringLiteral("Carers' Support"));
        QCOMPARE(row.value(QStringLiteral("start")).toString(), QStringLiteral("01/07/2026"));
        QCOMPARE(row.value(QStringLiteral("nextReview")).toString(),
                 QStringLiteral("6-month review on 01/01/2027"));
        QCOMPARE(row.value(QStringLiteral("overdue")).toString(),
                 QStringLiteral("3-month review overdue (due 01/10/2026) · 1 supervision gap"));
        QCOMPARE(row.value(QStringLiteral("statusCode")).toString(), QStringLiteral("overdue"));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("Review overdue"));
        QCOMPARE(cohort.needingAction(), 1);
        QCOMPARE(cohort.teams(), QStringList{QStringLiteral("Carers' Support")});
        QCOMPARE(cohort.firstWithGap(), QStringLiteral("HW00034"));

        cohort.setState(QStringLiteral("closed"));
        QCOMPARE(cohort.rows()->rowCount(), 0);
        cohort.setState(QStringLiteral("all"));
        cohort.setTeam(QStringLiteral("Mental Health"));
        QCOMPARE(cohort.rows()->rowCount(), 0);
        cohort.setTeam({});
        QCOMPARE(cohort.rows()->rowCount(), 1);
    }

    // The person's timeline and log; logging a supervision, recording a review outcome and
    // removing the supervision each show at once in the cohort and the person's page.
    void c_thePersonsDetailShowsGapsInPlaceAndFollowsEachWrite() {
        ProgrammePersonController person;
        AsyeCohortController cohort;
        QAbstractItemModelTester reviewsTester(
            person.reviews(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester logTester(person.supervisionLog(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        person.setSession(m_session.get());
        person.setEmployeeId(QStringLiteral("HW00034"));
        person.setActive(true);
        cohort.setSession(m_session.get());
        cohort.setActive(true);
        QVERIFY(person.enrolled());

        QStringList timeline;
        for (const QVariantMap& r : person.reviews()->rows()) {
            timeline << r.value(QStringLiteral("name")).toString() + QLatin1Char(' ') +
                            r.value(QStringLiteral("date")).toString() + QLatin1Char(' ') +
                            r.value(QStringLiteral("stateText")).toString();
        }
        QCOMPARE(timeline, (QStringList{QStringLiteral("3-month review 01/10/2026 Overdue"),
                                        QStringLiteral("6-month review 01/01/2027 Due"),
                                        QStringLiteral("Final review 01/07/2027 Not yet due")}));

        const auto logWords = [&person] {
            QStringList out;
            for (const QVariantMap& r : person.supervisionLog()->rows()) {
                out << r.value(QStringLiteral("date")).toString() + QLatin1Char(' ') +
                           r.value(QStringLiteral("words")).toString();
            }
            return out;
        };
        // Latest first, each gap in place.
        QCOMPARE(logWords(),
                 (QStringList{QStringLiteral("15/07/2026 Gap: no supervision since 15/07/2026, "
                                             "133 days so far (expected weekly)"),
                              QStringLiteral("15/07/2026 Supervision"),
                              QStringLiteral("08/07/2026 Supervision"),
                              QStringLiteral("01/07/2026 The year starts")}));

        // A supervision on 22/07 moves the gap on, in the log and the cohort alike.
        SupervisionEditor log;
        log.setSession(m_session.get());
        log.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00034")},
                      {QStringLiteral("date"), QStringLiteral("22/07/2026")}});
        QSignalSpy changed(&person, &ProgrammePersonController::changed);
        QVERIFY2(log.save(), qPrintable(log.message()));
        QTRY_VERIFY(changed.count() > 0);
        QCOMPARE(logWords().size(), 5);
        QCOMPARE(logWords().first(), QStringLiteral("22/07/2026 Gap: no supervision since "
                                                    "22/07/2026, 126 days so far (expected "
                                                    "weekly)"));

        // The 3-month review's outcome recorded: no longer overdue.
        AsyeEditor enrolment;
        enrolment.setSession(m_session.get());
        QVERIFY(enrolment.load(QStringLiteral("HW00034")));
        QVERIFY(!enrolment.isNew());
        fill(enrolment, {{QStringLiteral("outcome_3m"), QStringLiteral("on_track")}});
        QVERIFY2(enrolment.save(), qPrintable(enrolment.message()));
        QTRY_COMPARE(person.reviews()->get(0).value(QStringLiteral("stateText")).toString(),
                     QStringLiteral("On track"));
        QTRY_COMPARE(cohort.rows()->get(0).value(QStringLiteral("overdue")).toString(),
                     QStringLiteral("1 supervision gap"));
        QCOMPARE(cohort.rows()->get(0).value(QStringLiteral("statusCode")).toString(),
                 QStringLiteral("due_soon"));
        QCOMPARE(cohort.rows()->get(0).value(QStringLiteral("reviewsHeld")).toString(),
                 QStringLiteral("3m On track"));

        // The 22/07 supervision was logged in error: removed, the log is as before.
        QCOMPARE(person.removeSupervision(QStringLiteral("2026-07-22")), QString());
        QTRY_COMPARE(logWords().size(), 4);
        QCOMPARE(person.removeSupervision(QStringLiteral("2026-07-22")),
                 QStringLiteral("That supervision is no longer in the ledger."));
        // And through its editor (the other way the page removes one).
        SupervisionEditor open;
        open.setSession(m_session.get());
        QVERIFY(open.load(QStringLiteral("HW00034|2026-07-15")));
        QVERIFY(open.canRemove());
        QVERIFY(open.remove());
        QTRY_COMPARE(logWords().size(), 3);
    }

    // An apprenticeship with a break, off-the-job hours and a progress review, each through
    // its editor; refused values at their fields; the list shows core's "Behind".
    void d_anApprenticeshipItsHoursAndReviewsAreSavedThroughTheEditors() {
        ApprenticeshipEditor editor;
        editor.setSession(m_session.get());
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00019")}});
        QCOMPARE(editor.field(QStringLiteral("review_interval_weeks"))->text(),
                 QStringLiteral("12"));
        fill(editor, {{QStringLiteral("standard_code"), QStringLiteral("ST510")},
                      {QStringLiteral("standard_title"), QStringLiteral("Social worker (degree)")},
                      {QStringLiteral("provider"), QStringLiteral("Open University")},
                      {QStringLiteral("start_date"), QStringLiteral("01/12/2025")},
                      {QStringLiteral("planned_end_date"), QStringLiteral("30/11/2028")},
                      {QStringLiteral("planned_otj_hours"), QStringLiteral("600")},
                      {QStringLiteral("breaks"), QStringLiteral("01/03/2026 to 31/03/2026")}});
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("standard_code")});
        fill(editor, {{QStringLiteral("standard_code"), QStringLiteral("ST0510")}});
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        const auto stored = m_session->ledger()->programmes().apprenticeships();
        QCOMPARE(stored.size(), std::size_t{1});
        QCOMPARE(stored[0].breaks.size(), std::size_t{1});
        QCOMPARE(stored[0].breaks[0].to, ledger::makeDate(2026, 3, 31));
        ApprenticeshipEditor reopened;
        reopened.setSession(m_session.get());
        QVERIFY(reopened.load(QStringLiteral("HW00019|ST0510")));
        QCOMPARE(reopened.field(QStringLiteral("breaks"))->text(),
                 QStringLiteral("01/03/2026 to 31/03/2026"));

        const QVariantMap key{{QStringLiteral("employee_id"), QStringLiteral("HW00019")},
                              {QStringLiteral("standard_code"), QStringLiteral("ST0510")}};
        OtjEditor otj;
        otj.setSession(m_session.get());
        otj.startNew(key);
        fill(otj, {{QStringLiteral("hours"), QStringLiteral("six")}});
        QVERIFY(!otj.save());
        QCOMPARE(
            errorOf(otj, QStringLiteral("hours")),
            QStringLiteral("Type hours as a number with up to two decimals, for example 7.5."));
        fill(otj, {{QStringLiteral("hours"), QStringLiteral("0")}});
        QVERIFY(!otj.save());
        QCOMPARE(otj.fieldsWithErrors(), QStringList{QStringLiteral("hours")});
        fill(otj, {{QStringLiteral("hours"), QStringLiteral("10")},
                   {QStringLiteral("date"), QStringLiteral("20/11/2026")}});
        QVERIFY2(otj.save(), qPrintable(otj.message()));

        ApprenticeshipReviewEditor review;
        review.setSession(m_session.get());
        review.startNew(key);
        fill(review, {{QStringLiteral("outcome"), QStringLiteral("concerns")},
                      {QStringLiteral("notes"), QStringLiteral("Hours behind plan.")}});
        QVERIFY2(review.save(), qPrintable(review.message()));

        ApprenticeshipsController list;
        QAbstractItemModelTester tester(list.rows(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setSession(m_session.get());
        list.setActive(true);
        QCOMPARE(list.rows()->rowCount(), 1);
        const QVariantMap row = list.rows()->get(0);
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Jean-Luc Okafor"));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("Active"));
        QCOMPARE(row.value(QStringLiteral("logged")).toString(), QStringLiteral("10.00"));
        QCOMPARE(row.value(QStringLiteral("onTrack")).toString(), QStringLiteral("Behind"));
        QCOMPARE(row.value(QStringLiteral("review")).toString(),
                 QStringLiteral("Next review due 17/02/2027"));
        list.setStatus(QStringLiteral("completed"));
        QCOMPARE(list.rows()->rowCount(), 0);

        ProgrammePersonController person;
        person.setSession(m_session.get());
        person.setEmployeeId(QStringLiteral("HW00019"));
        person.setActive(true);
        QVERIFY(!person.enrolled());
        QCOMPARE(person.apprenticeships()->rowCount(), 1);
        const QVariantMap detail = person.apprenticeships()->get(0);
        QCOMPARE(detail.value(QStringLiteral("otj")).toList().size(), 1);
        QCOMPARE(detail.value(QStringLiteral("reviews"))
                     .toList()
                     .first()
                     .toMap()
                     .value(QStringLiteral("outcome")),
                 QVariant(QStringLiteral("Concerns")));
        QCOMPARE(detail.value(QStringLiteral("breaks")).toString(),
                 QStringLiteral("01/03/2026 to 31/03/2026"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestProgrammesModels)
#include "tst_programmes_models.moc"
