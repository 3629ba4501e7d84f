// The Forums & sessions controller over the sessions examples (tests/data/sessions): the
// agenda split into upcoming and past with statuses and places in words, a session's
// bookings with the waiting queue, an action recorded and a refused one explained, and the
// topic suggestions.
#include "common/variantlistmodel.h"
#include "session/session.h"
#include "sessions/sessionscontroller.h"

#include "io/csv.h"
#include "io/importer.h"
#include "ledger.h"

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
};

QTEST_MAIN(TestSessionsModels)
#include "tst_sessions_models.moc"
