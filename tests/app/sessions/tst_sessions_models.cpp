// The Forums & sessions controller over the sessions examples (tests/data/sessions): the
// agenda split into upcoming and past with statuses and places in words, a session's
// bookings with the waiting queue, an action recorded and a refused one explained, and the
// topic suggestions.
#include "common/variantlistmodel.h"
#include "session/session.h"
#include "sessions/sessioneditor.h"
#include "sessions/sessionscontroller.h"
#include "staff/personcontroller.h"
#include "themes/themecontroller.h"

#include "io/csv.h"
#include "io/importer.h"
#include "ledger.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include "modelsupport.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

const std::string kData = std::string(LEDGER_TEST_DATA) + "/sessions/";

} // namespace

class TestSessionsModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("sessions.ledger"));
        ledger::Ledger l = ledger::Ledger::create(m_path.toStdString(), kPassphrase, "test");
        const ledger::Date today = ledger::makeDate(2026, 11, 25);
        for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
            l.imports().file(*ledger::parseImportKind(kind), kData + kind + ".csv", kind, today,
                             false, "test");
        }
        for (const char* kind : {"themes", "sessions", "booking-actions"}) {
            ledger::ImportFile file(kData + kind + ".csv");
            l.sessionImport().run(*ledger::parseImportKind(kind), kind, file, today, false, "test");
        }
        // The tests that plan sessions work on their own copy.
        m_editorPath = m_dir.filePath(QStringLiteral("editor.ledger"));
        QVERIFY(QFile::copy(m_path, m_editorPath));
    }

    // A theme's page: its links, and its reach over the period asked for as the rules page's
    // examples give it (expected-no-cpd/themes-2026.csv: LEG 2 held, 4 staff, 24/10/2026).
    void aThemePageShowsItsLinksAndItsReachOverTheChosenPeriod() {
        Session session(kToday);
        QCOMPARE(session.open(m_path, QLatin1String(kPassphrase)), QString());
        ThemeController theme;
        auto sessionsTester = watch(theme.sessions());
        theme.setSession(&session);
        // By default the 12 months to today.
        QCOMPARE(theme.from(), QStringLiteral("26/11/2025"));
        QCOMPARE(theme.to(), QStringLiteral("25/11/2026"));
        QVERIFY(!theme.found());
        theme.setSelected(QStringLiteral("LEG"));
        QVERIFY(theme.found());
        theme.setFrom(QStringLiteral("01/01/2026"));
        theme.setTo(QStringLiteral("31/12/2026"));
        QCOMPARE(theme.periodError(), QString());
        QCOMPARE(theme.reach().value(QStringLiteral("sessionsHeld")).toInt(), 2);
        QCOMPARE(theme.reach().value(QStringLiteral("completions")).toInt(), 0);
        QCOMPARE(theme.reach().value(QStringLiteral("staffReached")).toInt(), 4);
        QCOMPARE(theme.reach().value(QStringLiteral("lastTouched")).toString(),
                 QStringLiteral("24/10/2026"));
        QCOMPARE(theme.detail().value(QStringLiteral("source")).toString(),
                 QStringLiteral("safeguarding_adults_review"));
        // Every session linked to it, whatever its date, the latest first.
        QVERIFY(theme.sessions()->rowCount() >= 2);
        const QStringList dates = values(theme.sessions(), "date");
        for (int i = 1; i < dates.size(); ++i) {
            QVERIFY2(QDate::fromString(dates[i - 1], QStringLiteral("dd/MM/yyyy")) >=
                         QDate::fromString(dates[i], QStringLiteral("dd/MM/yyyy")),
                     qPrintable(dates.join(QLatin1Char(' '))));
        }
        // Another period, another figure (themes-2026-10-25-2026-11-25.csv).
        theme.setSelected(QStringLiteral("CHG"));
        QCOMPARE(theme.reach().value(QStringLiteral("sessionsHeld")).toInt(), 1);
        QCOMPARE(theme.reach().value(QStringLiteral("staffReached")).toInt(), 2);
        theme.setFrom(QStringLiteral("31/02/2026"));
        QCOMPARE(theme.periodError(),
                 QStringLiteral("Type both dates of the period as DD/MM/YYYY."));
        QVERIFY(theme.reach().isEmpty());
        theme.setFrom(QStringLiteral("01/01/2027"));
        QCOMPARE(theme.periodError(), QStringLiteral("The period ends before it starts."));
    }

    // A person's page lists the sessions they were booked on, attended or missed, as the
    // bookings report has them (expected-no-cpd/bookings-all.csv: HW00028 has 23 rows, 10
    // attended, 1 no show and 2 absent, 1 booked and 3 waiting).
    void aPersonsPageListsTheirSessions() {
        Session session(kToday);
        QCOMPARE(session.open(m_path, QLatin1String(kPassphrase)), QString());
        PersonController person;
        auto tester = watch(person.sessions());
        person.setSession(&session);
        person.setEmployeeId(QStringLiteral("HW00028"));
        person.setActive(true);
        QCOMPARE(person.sessions()->rowCount(), 23);
        QCOMPARE(person.sessionsSummary(),
                 QStringLiteral("Attended 10 \u00b7 missed 3 \u00b7 booked or waiting 4"));
        QCOMPARE(values(person.sessions(), "stateCode").count(QStringLiteral("no_show")), 1);
        QCOMPARE(values(person.sessions(), "state").count(QStringLiteral("Did not attend")), 1);
        person.setEmployeeId(QStringLiteral("HW00000"));
        QCOMPARE(person.sessions()->rowCount(), 0);
        QCOMPARE(person.sessionsSummary(), QString());
    }

    // The session editor: a monthly series made in one step, its clash with a session at the
    // same time with the same facilitator warned about as it is typed (not refused), each
    // occurrence editable on its own, and problems shown beside their fields.
    void theEditorPlansASeriesWarnsOfClashesAndEditsOneOccurrence() {
        Session session(kToday);
        QCOMPARE(session.open(m_editorPath, QLatin1String(kPassphrase)), QString());
        session.setActor(QStringLiteral("Jo Manager"));
        SessionEditor editor;
        editor.setSession(&session);
        editor.startNew({{QStringLiteral("themes"), QStringLiteral("LEG")},
                         {QStringLiteral("title"), QStringLiteral("Legal literacy forum")}});
        QCOMPARE(editor.field(QStringLiteral("themes"))->text(), QStringLiteral("LEG"));
        QCOMPARE(editor.field(QStringLiteral("repeat"))->text(), QStringLiteral("none"));
        QCOMPARE(editor.clashWarning(), QString());
        editor.field(QStringLiteral("key"))->setText(QStringLiteral("LEGAL"));
        editor.field(QStringLiteral("speaker"))->setText(QStringLiteral("Anna Reid"));
        editor.field(QStringLiteral("organisation"))->setText(QStringLiteral("Garden Chambers"));
        editor.field(QStringLiteral("capacity"))->setText(QStringLiteral("2"));
        // CAP-lower runs 12/01/2027 13:00-15:30 with HW00001 facilitating.
        editor.field(QStringLiteral("date"))->setText(QStringLiteral("12/01/2027"));
        editor.field(QStringLiteral("start_time"))->setText(QStringLiteral("14:00"));
        editor.field(QStringLiteral("end_time"))->setText(QStringLiteral("16:00"));
        QCOMPARE(editor.clashWarning(), QString());
        QCOMPARE(editor.occurrences(), 1);
        editor.field(QStringLiteral("facilitator_id"))->setText(QStringLiteral("HW00001"));
        QVERIFY2(editor.clashWarning().contains(
                     QStringLiteral("(CAP-lower, 12/01/2027 13:00); the same facilitator, "
                                    "Siobh\u00e1n Adeyemi (HW00001).")),
                 qPrintable(editor.clashWarning()));
        // Ends exclusive: from 15:30 there is no clash.
        editor.field(QStringLiteral("start_time"))->setText(QStringLiteral("15:30"));
        QVERIFY2(!editor.clashWarning().contains(QStringLiteral("CAP-lower")),
                 qPrintable(editor.clashWarning()));
        editor.field(QStringLiteral("start_time"))->setText(QStringLiteral("14:00"));

        // The 2nd Tuesday of each month, three times.
        editor.field(QStringLiteral("repeat"))->setText(QStringLiteral("monthly_weekday"));
        editor.field(QStringLiteral("nth"))->setText(QStringLiteral("2"));
        QCOMPARE(editor.occurrences(), 0); // neither a count nor an end yet
        editor.field(QStringLiteral("count"))->setText(QStringLiteral("3"));
        QCOMPARE(editor.occurrences(), 3);
        QVERIFY2(editor.clashWarning().startsWith(QStringLiteral("12/01/2027: overlaps ")),
                 qPrintable(editor.clashWarning()));

        // Problems beside their fields; nothing written.
        editor.field(QStringLiteral("end_time"))->setText(QStringLiteral("4pm"));
        editor.field(QStringLiteral("date"))->setText(QStringLiteral("19/01/2027"));
        QVERIFY(!editor.save());
        QCOMPARE(editor.field(QStringLiteral("end_time"))->error(),
                 QStringLiteral("Type a time as HH:MM, for example 12:00."));
        editor.field(QStringLiteral("end_time"))->setText(QStringLiteral("16:00"));
        QVERIFY(!editor.save());
        QVERIFY2(editor.field(QStringLiteral("date"))
                     ->error()
                     .contains(QStringLiteral("Not the 2nd Tuesday of its month")),
                 qPrintable(editor.field(QStringLiteral("date"))->error()));
        QVERIFY(!session.ledger()->sessions().findByKey("LEGAL-001"));
        editor.field(QStringLiteral("date"))->setText(QStringLiteral("12/01/2027"));
        QVERIFY2(editor.save(), qPrintable(editor.message()));

        SessionsController sessions;
        sessions.setSession(&session);
        for (const auto& [key, when] : {std::pair{"LEGAL-001", "12/01/2027 14:00\u201316:00"},
                                        std::pair{"LEGAL-002", "09/02/2027 14:00\u201316:00"},
                                        std::pair{"LEGAL-003", "09/03/2027 14:00\u201316:00"}}) {
            const QVariantMap row = find(sessions.upcoming(), "key", QString::fromLatin1(key));
            QCOMPARE(row.value(QStringLiteral("when")).toString(), QString::fromUtf8(when));
            QCOMPARE(row.value(QStringLiteral("title")).toString(),
                     QStringLiteral("Legal literacy forum"));
            QCOMPARE(row.value(QStringLiteral("places")).toString(),
                     QStringLiteral("0 of 2 places booked"));
        }
        sessions.setSelected(QStringLiteral("LEGAL-002"));
        QCOMPARE(sessions.detail().value(QStringLiteral("themes")).toString(),
                 QStringLiteral("LEG"));
        QCOMPARE(sessions.detail().value(QStringLiteral("speaker")).toString(),
                 QStringLiteral("Anna Reid"));

        // One occurrence edited on its own.
        SessionEditor second;
        second.setSession(&session);
        QVERIFY(second.load(QStringLiteral("LEGAL-002")));
        QCOMPARE(second.field(QStringLiteral("date"))->text(), QStringLiteral("09/02/2027"));
        QCOMPARE(second.field(QStringLiteral("start_time"))->text(), QStringLiteral("14:00"));
        QCOMPARE(second.field(QStringLiteral("end_date"))->text(), QString());
        second.field(QStringLiteral("title"))
            ->setText(QStringLiteral("Legal literacy: the courts"));
        second.field(QStringLiteral("start_time"))->setText(QStringLiteral("9:30"));
        QVERIFY2(second.save(), qPrintable(second.message()));
        QCOMPARE(session.ledger()->sessions().findByKey("LEGAL-002")->session.startsAt,
                 std::string("2027-02-09T09:30"));
        QCOMPARE(session.ledger()->sessions().findByKey("LEGAL-002")->session.title,
                 std::string("Legal literacy: the courts"));
        QCOMPARE(session.ledger()->sessions().findByKey("LEGAL-001")->session.title,
                 std::string("Legal literacy forum"));
        // A session nobody booked can be removed.
        QVERIFY(second.canRemove());
        QVERIFY(second.load(QStringLiteral("LEGAL-003")));
        QVERIFY2(second.remove(), qPrintable(second.message()));
        QVERIFY(!session.ledger()->sessions().findByKey("LEGAL-003"));
    }

    // Places, a cancelled session with its reason, invitations by name and feedback, from the
    // page's controller.
    void thePageChangesPlacesCancelsInvitesAndTakesFeedback() {
        Session session(kToday);
        QCOMPARE(session.open(m_editorPath, QLatin1String(kPassphrase)), QString());
        session.setActor(QStringLiteral("Jo Manager"));
        SessionsController sessions;
        auto tester = watch(sessions.feedback());
        sessions.setSession(&session);
        sessions.setSelected(QStringLiteral("WAIT.deep"));
        qputenv("PRACTICE_LEDGER_NOW", "2026-11-25T09:30");
        QCOMPARE(sessions.act(QStringLiteral("set_capacity"), {}, QStringLiteral("3")), QString());
        QCOMPARE(sessions.detail().value(QStringLiteral("places")).toString(),
                 QStringLiteral("3 of 3 places booked, 4 waiting"));
        QCOMPARE(sessions.act(QStringLiteral("set_capacity"), {}, QStringLiteral("three")),
                 QStringLiteral(
                     "The capacity is a whole number from 1 to 1000, or empty for no limit."));
        QCOMPARE(sessions.setInvited(QStringLiteral("HW00003, HW00004;HW00005")), QString());
        QCOMPARE(sessions.detail().value(QStringLiteral("invited")).toString(),
                 QStringLiteral("HW00003 HW00004 HW00005"));
        QVERIFY(sessions.setInvited(QStringLiteral("NOBODY")).contains(QStringLiteral("NOBODY")));
        QCOMPARE(sessions.detail().value(QStringLiteral("invited")).toString(),
                 QStringLiteral("HW00003 HW00004 HW00005"));
        QCOMPARE(
            sessions.act(QStringLiteral("cancel_session"), {}, QStringLiteral("Speaker unwell")),
            QString());
        QCOMPARE(sessions.detail().value(QStringLiteral("status")).toString(),
                 QStringLiteral("Cancelled"));
        QCOMPARE(sessions.detail().value(QStringLiteral("cancelReason")).toString(),
                 QStringLiteral("Speaker unwell"));
        QCOMPARE(find(sessions.bookings(), "employeeId", QStringLiteral("HW00056"))
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("Session cancelled"));

        // Feedback only from someone who attended a held session.
        const auto held = session.ledger()->sessions().all();
        QString heldKey, attendee;
        for (const ledger::SessionWithBookings& w : held) {
            if (w.outcome.status != ledger::SessionStatus::Held) {
                continue;
            }
            for (const ledger::Booking& b : w.outcome.people) {
                if (b.state == ledger::BookingState::Attended && attendee.isEmpty()) {
                    heldKey = QString::fromStdString(w.session.key);
                    attendee = QString::fromStdString(b.employeeId);
                }
            }
        }
        QVERIFY(!attendee.isEmpty());
        sessions.setSelected(heldKey);
        const int before = sessions.feedback()->rowCount();
        QCOMPARE(sessions.giveFeedback(attendee, 5, QStringLiteral("Clear and practical")),
                 QString());
        QCOMPARE(sessions.feedback()->rowCount(), before + 1);
        QCOMPARE(find(sessions.feedback(), "employeeId", attendee)
                     .value(QStringLiteral("comment"))
                     .toString(),
                 QStringLiteral("Clear and practical"));
        QVERIFY(sessions.detail()
                    .value(QStringLiteral("feedbackSummary"))
                    .toString()
                    .startsWith(QStringLiteral("Feedback: ")));
        QVERIFY(!sessions.giveFeedback(attendee, 6, {}).isEmpty());
        qunsetenv("PRACTICE_LEDGER_NOW");
    }

    void theAgendaSplitsUpcomingFromPastWithStatusesInWords() {
        Session session(kToday);
        QCOMPARE(session.open(m_path, QLatin1String(kPassphrase)), QString());
        SessionsController sessions;
        std::vector<std::unique_ptr<Tester>> testers;
        for (VariantListModel* m :
             {sessions.upcoming(), sessions.past(), sessions.bookings(), sessions.suggestions()}) {
            testers.push_back(watch(m));
        }
        QSignalSpy changed(&sessions, &SessionsController::changed);
        sessions.setSession(&session);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(sessions.upcoming()->rowCount() + sessions.past()->rowCount(), 795);
        QVERIFY(sessions.past()->rowCount() > 0);
        const QVariantMap wait = find(sessions.upcoming(), "key", QStringLiteral("WAIT.deep"));
        QCOMPARE(wait.value(QStringLiteral("when")).toString(),
                 QStringLiteral("08/12/2026 10:00\u201312:00"));
        QCOMPARE(wait.value(QStringLiteral("status")).toString(), QStringLiteral("Planned"));
        QCOMPARE(wait.value(QStringLiteral("places")).toString(),
                 QStringLiteral("2 of 2 places booked, 5 waiting"));

        sessions.setSelected(QStringLiteral("WAIT.deep"));
        QCOMPARE(sessions.detail().value(QStringLiteral("speaker")).toString(),
                 QStringLiteral("Cllr. O'Neill"));
        QCOMPARE(sessions.bookings()->rowCount(), 9);
        QCOMPARE(find(sessions.bookings(), "employeeId", QStringLiteral("HW00056"))
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("Waiting (1 in the queue)"));

        // A cancellation at the desk promotes the head of the queue.
        qputenv("PRACTICE_LEDGER_NOW", "2026-11-25T09:30");
        QCOMPARE(sessions.act(QStringLiteral("cancel"), QStringLiteral("HW00015")), QString());
        QCOMPARE(find(sessions.bookings(), "employeeId", QStringLiteral("HW00056"))
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("Booked"));
        QCOMPARE(find(sessions.bookings(), "employeeId", QStringLiteral("HW00056"))
                     .value(QStringLiteral("promotedOn"))
                     .toString(),
                 QStringLiteral("25/11/2026"));
        // The rules' refusal, in words.
        QCOMPARE(sessions.act(QStringLiteral("book"), QStringLiteral("HW00024")),
                 QStringLiteral("Not recorded: Already booked."));
        QCOMPARE(sessions.act(QStringLiteral("attend"), QStringLiteral("HW00024")),
                 QStringLiteral("Not recorded: Session has not started."));
        qunsetenv("PRACTICE_LEDGER_NOW");

        QVERIFY(sessions.suggestions()->rowCount() > 0);
        QCOMPARE(sessions.suggestions()->rows().first().value(QStringLiteral("rank")).toInt(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_editorPath;
};

QTEST_MAIN(TestSessionsModels)
#include "tst_sessions_models.moc"
