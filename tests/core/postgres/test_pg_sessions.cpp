// Sessions on a server: every booking action decided by the server (record_booking_action)
// exactly as core's replayBookings decides it (rules/sessions.md sections 3 and 10), clients
// booking the last place at the same moment never over-book it, who sees what (row-level
// security and tokens for other people in a staff member's view of a log), the delivered
// module's completions written by the server whoever marks attendance, and the upgrade from
// schema 2.

#include "postgres/pg_test_cluster.h"

#include "ledger.h"
#include "postgres/pg_store.h"
#include "postgres/schema.h"
#include "postgres/server_admin.h"
#include "sessions/bookings.h"
#include "sqlcipher/sqlcipher_store.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <cctype>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace ledger::test {
namespace {

constexpr const char* kStart = "2026-03-10T10:00";

using Kind = BookingActionKind;

BookingAction act(const std::string& at, Kind kind, const std::string& person = "",
                  std::optional<int> capacity = std::nullopt, const std::string& reason = "") {
    BookingAction a;
    a.at = at;
    a.kind = kind;
    a.employeeId = person;
    a.capacity = capacity;
    a.reason = reason;
    return a;
}

/// `dN`: 2026-03-0NT09:00.
std::string d(int n) {
    return "2026-03-0" + std::to_string(n) + "T09:00";
}
/// A bare time on 10 March.
std::string t(const std::string& hhmm) {
    return "2026-03-10T" + hhmm;
}

class PgSessions : public PgLedgerTest {
protected:
    /// A new database with a ledger of schema `version`, teams East and West, roles Social
    /// Worker and OT, module FIRE, and people A..E (East, Social Worker), M (manages A), S1
    /// (East), S2, S3, S4 (West, OT), L. With `settableClock`, the owner lets the setting
    /// practice_ledger.now stand for the server's clock.
    std::string newLedger(bool settableClock = true, int version = pg::schema::kVersion) {
        const std::string db = PgLedgerTest::newLedger(version);
        pg::Connection admin = owner(db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East'), ('West')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker'), ('OT')");
        admin.exec(R"sql(
INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, start_date, line_manager_id)
SELECT p.id, 'Person ' || p.id, (SELECT id FROM ledger.team WHERE name = p.team),
       (SELECT id FROM ledger.role WHERE name = p.role), DATE '2020-01-06', p.manager
FROM (VALUES ('A', 'East', 'Social Worker', 'M'), ('B', 'East', 'Social Worker', ''),
             ('C', 'East', 'Social Worker', ''), ('D', 'East', 'Social Worker', ''),
             ('E', 'East', 'Social Worker', ''), ('M', 'East', 'Social Worker', ''),
             ('S1', 'East', 'Social Worker', ''), ('S2', 'West', 'OT', ''),
             ('S3', 'West', 'OT', ''), ('S4', 'West', 'OT', ''), ('L', 'West', 'OT', ''))
     AS p(id, team, role, manager))sql");
        admin.exec("INSERT INTO ledger.module (code, title) VALUES ('FIRE', 'Fire safety')");
        if (settableClock) {
            admin.exec("INSERT INTO ledger.meta (key, value) VALUES ('settable_clock', 'yes')");
        }
        return db;
    }

    /// The store as the administrator (working as the owner), or as `login`.
    std::unique_ptr<pg::PgStore> open(const std::string& db, const std::string& login = "") {
        if (login.empty()) {
            return pg::PgStore::open(scratch().uri(db), std::nullopt, OpenMode::ReadWrite);
        }
        return pg::PgStore::open(scratch().uri(db, login), std::string(kTestPassword),
                                 OpenMode::ReadWrite);
    }

    /// A login `<db>_<employeeid>` (lower case) for `employeeId` with `access`, dropped with
    /// the test.
    std::string account(const std::string& db, const std::string& employeeId, pg::Access access) {
        std::string login = db + "_" + employeeId;
        for (char& c : login) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return addLogin(db, employeeId, login, access);
    }
};

LearningSession sessionS(const std::string& key, std::optional<int> capacity = 2) {
    LearningSession s;
    s.key = key;
    s.kind = SessionKind::PracticeForum;
    s.title = "Forum " + key;
    s.startsAt = kStart;
    s.endsAt = "2026-03-10T12:00";
    s.capacity = capacity;
    s.teams = {"East"};
    return s;
}

void setClock(pg::PgStore& store, const std::string& at) {
    store.connection().execParams("SELECT set_config('practice_ledger.now', $1, false)", {at});
}

/// Records `action` through the store at its `at` (the settable clock); returns the refusal
/// message, "" when recorded. Checks that core's replay of the stored log plus this action
/// decides the same, and that a recorded action is stored at its `at`.
std::string record(pg::PgStore& store, RecordId session, const LearningSession& s,
                   const BookingAction& action) {
    SessionRepository& repo = store.sessions();
    std::vector<BookingAction> log = repo.actionLog(session);
    log.push_back(action);
    const BookingOutcome expected = replayBookings(s.startsAt, s.capacity, log);
    const bool refusedInCore =
        !expected.refused.empty() && expected.refused.back().index == log.size() - 1;
    const std::string coreMessage = refusedInCore ? expected.refused.back().message : "";
    setClock(store, action.at);
    std::string message;
    try {
        const std::string at = repo.recordAction(session, action);
        EXPECT_EQ(at, action.at);
    } catch (const ActionRefused& e) {
        message = e.what();
        EXPECT_FALSE(message.empty());
    }
    EXPECT_EQ(message, coreMessage)
        << bookingActionCode(action.kind) << " " << action.employeeId << " at " << action.at;
    return message;
}

const Booking& of(const BookingOutcome& o, const std::string& id) {
    static const Booking kNone;
    const Booking* b = o.find(id);
    return b ? *b : kNone;
}

// Each worked example 1-12 of rules/sessions.md section 10, through the server.
TEST_F(PgSessions, WorkedExamplesThroughTheServer) {
    const std::string db = newLedger();
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();

    int next = 0;
    // A new session S with the common start (d1 book A, B, C), then `then`; returns the
    // replay of the stored log, checking every refusal against `refusals` (in order).
    const auto example = [&](const std::vector<BookingAction>& then,
                             const std::vector<std::string>& refusals = {},
                             const std::string& module = "") {
        LearningSession s = sessionS("S" + std::to_string(++next));
        s.moduleCode = module;
        s.id = repo.putSession(s);
        std::vector<std::string> refused;
        for (const char* p : {"A", "B", "C"}) {
            EXPECT_EQ(record(*store, s.id, s, act(d(1), Kind::Book, p)), "");
        }
        for (const BookingAction& a : then) {
            std::string m = record(*store, s.id, s, a);
            if (!m.empty()) {
                refused.push_back(m);
            }
        }
        EXPECT_EQ(refused, refusals) << s.key;
        const BookingOutcome o = replayBookings(s.startsAt, s.capacity, repo.actionLog(s.id));
        EXPECT_TRUE(o.refused.empty()) << s.key << ": the stored log holds only accepted actions";
        return std::make_pair(s, o);
    };
    const auto promoted = [](unsigned day) {
        return std::optional<Date>(makeDate(2026, 3, day));
    };

    { // 1
        const auto [s, o] = example({});
        EXPECT_EQ(of(o, "A").state, BookingState::Booked);
        EXPECT_EQ(of(o, "B").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").state, BookingState::Waiting);
        EXPECT_EQ(of(o, "C").waitingPosition, 1);
    }
    { // 2
        const auto [s, o] = example({act(d(2), Kind::Book, "D"), act(d(3), Kind::Cancel, "A")});
        EXPECT_EQ(of(o, "A").state, BookingState::Cancelled);
        EXPECT_EQ(of(o, "B").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").promotedOn, promoted(3));
        EXPECT_EQ(of(o, "D").state, BookingState::Waiting);
        EXPECT_EQ(of(o, "D").waitingPosition, 1);
    }
    { // 3
        const auto [s, o] = example({act(d(2), Kind::Apologise, "B")});
        EXPECT_EQ(of(o, "B").state, BookingState::Apologised);
        EXPECT_EQ(of(o, "C").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").promotedOn, promoted(2));
    }
    { // 4
        const auto [s, o] =
            example({act(d(2), Kind::Book, "D"), act(d(4), Kind::SetCapacity, "", 3)});
        EXPECT_EQ(of(o, "C").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").promotedOn, promoted(4));
        EXPECT_EQ(of(o, "D").state, BookingState::Waiting);
        EXPECT_EQ(of(o, "D").waitingPosition, 1);
        EXPECT_EQ(o.capacity, 3);
    }
    { // 5
        const auto [s, o] =
            example({act(d(2), Kind::Book, "D"), act(d(4), Kind::SetCapacity, "", std::nullopt)});
        EXPECT_EQ(of(o, "C").state, BookingState::Booked);
        EXPECT_EQ(of(o, "D").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").promotedOn, promoted(4));
        EXPECT_EQ(of(o, "D").promotedOn, promoted(4));
        EXPECT_EQ(o.capacity, std::nullopt);
    }
    { // 6
        const auto [s, o] = example({act(d(2), Kind::SetCapacity, "", 1),
                                     act(d(3), Kind::Cancel, "B"), act(d(4), Kind::Cancel, "A")});
        const std::vector<BookingAction> log = repo.actionLog(s.id);
        ASSERT_EQ(log.size(), 6u);
        const BookingOutcome afterD2 =
            replayBookings(s.startsAt, s.capacity, {log.begin(), log.begin() + 4});
        EXPECT_EQ(of(afterD2, "A").state, BookingState::Booked);
        EXPECT_EQ(of(afterD2, "B").state, BookingState::Booked);
        const BookingOutcome afterD3 =
            replayBookings(s.startsAt, s.capacity, {log.begin(), log.begin() + 5});
        EXPECT_EQ(of(afterD3, "C").state, BookingState::Waiting);
        EXPECT_EQ(of(afterD3, "C").waitingPosition, 1);
        EXPECT_EQ(of(o, "C").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").promotedOn, promoted(4));
    }
    { // 7
        const auto [s, o] = example({act(d(2), Kind::Cancel, "C"), act(d(3), Kind::Book, "C")});
        EXPECT_EQ(of(o, "C").state, BookingState::Waiting);
        EXPECT_EQ(of(o, "C").waitingPosition, 1);
        EXPECT_EQ(of(o, "C").promotedOn, std::nullopt);
    }
    { // 8
        const auto [s, o] = example({act(d(2), Kind::Cancel, "A"), act(d(3), Kind::Book, "A")});
        EXPECT_EQ(of(o, "C").state, BookingState::Booked);
        EXPECT_EQ(of(o, "C").promotedOn, promoted(2));
        EXPECT_EQ(of(o, "A").state, BookingState::Waiting);
        EXPECT_EQ(of(o, "A").waitingPosition, 1);
    }
    { // 9
        const auto [s, o] =
            example({act(d(5), Kind::CancelSession, "", std::nullopt, "speaker ill"),
                     act(d(6), Kind::Book, "E")},
                    {"session is cancelled"});
        EXPECT_EQ(o.status, SessionStatus::Cancelled);
        EXPECT_EQ(o.cancelReason, "speaker ill");
        for (const char* p : {"A", "B", "C"}) {
            EXPECT_EQ(of(o, p).state, BookingState::CancelledBySession) << p;
        }
        EXPECT_EQ(o.find("E"), nullptr);
    }
    { // 10
        const auto [s, o] =
            example({act(t("10:05"), Kind::Attend, "A"), act(t("10:05"), Kind::Attend, "E"),
                     act(t("10:06"), Kind::NoShow, "B")});
        EXPECT_EQ(o.status, SessionStatus::Held);
        EXPECT_EQ(of(o, "A").state, BookingState::Attended);
        EXPECT_EQ(of(o, "B").state, BookingState::NoShow);
        EXPECT_EQ(of(o, "C").state, BookingState::Waiting);
        EXPECT_EQ(of(o, "C").waitingPosition, 1);
        EXPECT_EQ(of(o, "E").state, BookingState::Attended);
        EXPECT_TRUE(of(o, "E").walkIn);
        EXPECT_FALSE(of(o, "A").walkIn);
    }
    { // 11
        const auto [s, o] =
            example({act(d(2), Kind::Book, "A"), act(t("09:59"), Kind::Attend, "A"),
                     act(t("10:00"), Kind::Cancel, "A")},
                    {"already booked", "session has not started", "session has started"});
        EXPECT_EQ(of(o, "A").state, BookingState::Booked);
    }
    { // 12: the server records the completion, then voids it.
        pg::Connection raw = owner(db);
        const std::string completion =
            "SELECT c.evidence, c.voided, c.void_reason FROM ledger.completion c "
            "JOIN ledger.staff s ON s.id = c.staff_id JOIN ledger.module m ON m.id = c.module_id "
            "WHERE s.employee_id = 'A' AND m.code = 'FIRE' AND c.completed_on = DATE '2026-03-10'";
        LearningSession s = sessionS("S12");
        s.moduleCode = "FIRE";
        s.id = repo.putSession(s);
        for (const char* p : {"A", "B", "C"}) {
            EXPECT_EQ(record(*store, s.id, s, act(d(1), Kind::Book, p)), "");
        }
        EXPECT_EQ(raw.exec(completion).rows(), 0);
        EXPECT_EQ(record(*store, s.id, s, act(t("10:05"), Kind::Attend, "A")), "");
        pg::Result r = raw.exec(completion);
        ASSERT_EQ(r.rows(), 1);
        EXPECT_EQ(r.text(0, 0), "session S12");
        EXPECT_EQ(r.text(0, 1), "f");
        EXPECT_EQ(record(*store, s.id, s, act(t("10:10"), Kind::NoShow, "A")), "");
        r = raw.exec(completion);
        ASSERT_EQ(r.rows(), 1);
        EXPECT_EQ(r.text(0, 1), "t");
        EXPECT_EQ(r.text(0, 2), "attendance withdrawn");
        // Marked attended again: the same completion counts again.
        EXPECT_EQ(record(*store, s.id, s, act(t("10:15"), Kind::Attend, "A")), "");
        r = raw.exec(completion);
        ASSERT_EQ(r.rows(), 1);
        EXPECT_EQ(r.text(0, 1), "f");
        // Each recorded action has its change-log entry (entity booking, the session's key).
        EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.change_log WHERE entity = 'booking' AND "
                           "record_key = 'S12'")
                      .int64(0, 0),
                  6);
        // ... and each change to the completion its own, in the person's history.
        const pg::Result entries =
            raw.exec("SELECT c.action FROM ledger.change_log c JOIN ledger.staff s ON s.id = "
                     "c.subject_id WHERE c.entity = 'completion' AND c.record_key = "
                     "'A/FIRE/2026-03-10' AND s.employee_id = 'A' ORDER BY c.id");
        ASSERT_EQ(entries.rows(), 3);
        // The values as the file engine's service writes them.
        EXPECT_EQ(raw.exec("SELECT new_values FROM ledger.change_log WHERE entity = 'booking' "
                           "AND record_key = 'S12' ORDER BY id LIMIT 1")
                      .text(0, 0),
                  R"({"at":"2026-03-01T09:00","employee_id":"A"})");
        EXPECT_EQ(raw.exec("SELECT string_agg(new_values, ' ' ORDER BY id) FROM ledger.change_log "
                           "WHERE entity = 'completion'")
                      .text(0, 0),
                  R"({"expires_on":"","evidence":"session S12"} {"reason":"attendance withdrawn"} )"
                  R"({"reason":"attended"})");
        EXPECT_EQ(entries.text(0, 0), "add");
        EXPECT_EQ(entries.text(1, 0), "void");
        EXPECT_EQ(entries.text(2, 0), "restore");
        EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.booking_action b JOIN ledger.session s "
                           "ON s.id = b.session_id WHERE s.key = 'S12' AND b.change_id IS NULL")
                      .int64(0, 0),
                  0);
    }
}

// A completion of the module from elsewhere is left as it is; the clock never goes back.
TEST_F(PgSessions, ACompletionFromElsewhereIsLeftAndTheClockNeverGoesBack) {
    const std::string db = newLedger();
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();
    pg::Connection raw = owner(db);
    raw.exec("INSERT INTO ledger.completion (staff_id, module_id, completed_on, evidence) "
             "SELECT s.id, m.id, DATE '2026-03-10', 'certificate' FROM ledger.staff s, "
             "ledger.module m WHERE s.employee_id = 'B' AND m.code = 'FIRE'");
    LearningSession s = sessionS("ELSE");
    s.moduleCode = "FIRE";
    s.id = repo.putSession(s);
    EXPECT_EQ(record(*store, s.id, s, act(t("10:05"), Kind::Attend, "B")), "");
    EXPECT_EQ(record(*store, s.id, s, act(t("10:06"), Kind::NoShow, "B")), "");
    const pg::Result r = raw.exec("SELECT evidence, voided FROM ledger.completion");
    ASSERT_EQ(r.rows(), 1);
    EXPECT_EQ(r.text(0, 0), "certificate");
    EXPECT_EQ(r.text(0, 1), "f");
    // With the owner's key, the `at` a caller asks for is the clock (a test's ledger).
    EXPECT_EQ(repo.recordAction(s.id, act(t("10:07"), Kind::Attend, "A")), t("10:07"));
    // A clock before the log's last action (October's repeated hour) gives the last `at`.
    setClock(*store, t("10:01"));
    EXPECT_EQ(repo.recordAction(s.id, act("", Kind::Attend, "C")), t("10:07"));
    // Without the owner's key the setting is ignored: the server's own clock (now, after 2026-03).
    raw.exec("DELETE FROM ledger.meta WHERE key = 'settable_clock'");
    setClock(*store, "2026-03-10T10:30");
    const std::string at = repo.recordAction(s.id, act("", Kind::Attend, "D"));
    EXPECT_NE(at, "2026-03-10T10:30");
    EXPECT_GT(at, std::string("2026-03-10T10:30"));
    // ... and so is the `at` a caller asks for.
    EXPECT_GT(repo.recordAction(s.id, act("2026-03-10T10:31", Kind::Attend, "E")),
              std::string("2026-03-10T10:31"));
}

// Two sessions deliver FIRE on one day: the completion the first made counts while the person
// is attended at either.
TEST_F(PgSessions, TheCompletionCountsWhileAttendedAtAnySessionDeliveringTheModuleThatDay) {
    const std::string db = newLedger();
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();
    LearningSession morning = sessionS("DM1");
    morning.moduleCode = "FIRE";
    morning.id = repo.putSession(morning);
    LearningSession afternoon = sessionS("DM2");
    afternoon.startsAt = t("14:00");
    afternoon.endsAt = t("16:00");
    afternoon.moduleCode = "FIRE";
    afternoon.id = repo.putSession(afternoon);
    pg::Connection raw = owner(db);
    const auto completion = [&] {
        const pg::Result r =
            raw.exec("SELECT c.evidence || ' ' || c.voided::text FROM ledger.completion c "
                     "JOIN ledger.staff s ON s.id = c.staff_id WHERE s.employee_id = 'A'");
        EXPECT_LE(r.rows(), 1);
        return r.rows() == 0 ? std::string("none") : r.text(0, 0);
    };
    EXPECT_EQ(record(*store, morning.id, morning, act(t("10:05"), Kind::Attend, "A")), "");
    EXPECT_EQ(completion(), "session DM1 false");
    EXPECT_EQ(record(*store, afternoon.id, afternoon, act(t("14:05"), Kind::Attend, "A")), "");
    EXPECT_EQ(completion(), "session DM1 false");
    EXPECT_EQ(record(*store, morning.id, morning, act(t("14:10"), Kind::NoShow, "A")), "");
    EXPECT_EQ(completion(), "session DM1 false"); // still attended at DM2
    EXPECT_EQ(record(*store, afternoon.id, afternoon, act(t("14:20"), Kind::Absent, "A")), "");
    EXPECT_EQ(completion(), "session DM1 true"); // attended nowhere that day
    EXPECT_EQ(record(*store, afternoon.id, afternoon, act(t("14:30"), Kind::Attend, "A")), "");
    EXPECT_EQ(completion(), "session DM1 false");
}

// Through the sessions service (Ledger): on a server the store decides each action, at its
// own clock, and the service's refusals are the rules' messages.
TEST_F(PgSessions, TheServiceLetsTheServerDecide) {
    const std::string db = newLedger(false); // the server's own clock
    const std::string manager = account(db, "M", pg::Access::Manager);
    const std::string s1 = account(db, "S1", pg::Access::Staff);
    std::unique_ptr<pg::PgStore> admin = open(db);
    LearningSession s = sessionS("SVC", 1);
    s.startsAt = "2099-01-01T10:00";
    s.endsAt = "2099-01-01T12:00";
    s.id = admin->sessions().putSession(s);

    Ledger m = Ledger::open(location(db, manager), kTestPassword, OpenMode::ReadWrite);
    BookingAction book = act("", Kind::Book, "A");
    // `now` is the caller's; without the owner's settable clock the server's decides.
    const std::string at = m.sessions().act(s.id, book, "2026-03-01T09:00", "M");
    EXPECT_GT(at, std::string("2026-11")); // the server's own clock, not the caller's
    Ledger one = Ledger::open(location(db, s1), kTestPassword, OpenMode::ReadWrite);
    const std::optional<SessionWithBookings> seen = one.sessions().find(s.id);
    ASSERT_TRUE(seen.has_value());
    ASSERT_EQ(seen->log.size(), 1u);
    EXPECT_EQ(seen->log[0].employeeId.rfind('~', 0), 0u); // A, as a token
    EXPECT_EQ(seen->outcome.bookedCount(), 1);
    (void)one.sessions().act(s.id, act("", Kind::Book, "S1"), "2026-03-01T09:00", "S1");
    const std::optional<SessionWithBookings> after = one.sessions().find(s.id);
    ASSERT_TRUE(after.has_value());
    ASSERT_NE(after->outcome.find("S1"), nullptr);
    EXPECT_EQ(after->outcome.find("S1")->state, BookingState::Waiting);
    try {
        (void)one.sessions().act(s.id, act("", Kind::Book, "S1"), "2026-03-01T09:00", "S1");
        ADD_FAILURE() << "booked twice";
    } catch (const ActionRefused& e) {
        EXPECT_STREQ(e.what(), "already booked");
    }
}

// What is not an action at all is refused as input, naming the field; nothing is written.
TEST_F(PgSessions, InvalidActionsAreRefusedAsInput) {
    const std::string db = newLedger();
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();
    LearningSession s = sessionS("BAD");
    s.id = repo.putSession(s);
    setClock(*store, d(1));
    const auto field = [&](const BookingAction& a) {
        try {
            (void)repo.recordAction(s.id, a);
        } catch (const ValidationError& e) {
            return e.errors().at(0).field;
        }
        return std::string("accepted");
    };
    EXPECT_EQ(field(act("", Kind::SetCapacity, "", 0)), "value");
    EXPECT_EQ(field(act("", Kind::SetCapacity, "", 1001)), "value");
    EXPECT_EQ(field(act("", Kind::CancelSession, "", std::nullopt, " \t")), "value");
    EXPECT_EQ(field(act("", Kind::Book, "NOBODY")), "employee_id");
    EXPECT_EQ(field(act("", Kind::Book, "")), "employee_id");
    EXPECT_TRUE(repo.actionLog(s.id).empty());
    EXPECT_THROW((void)repo.recordAction(s.id + 1000, act("", Kind::Book, "A")), Conflict);
    EXPECT_EQ(field(act("", Kind::SetCapacity, "", 1000)), "accepted");
}

// Random logs: the server and core decide every action the same way.
TEST_F(PgSessions, RandomLogsAreDecidedAsCoreDecidesThem) {
    const std::string db = newLedger();
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();
    std::mt19937 random(20261130);
    const std::vector<std::string> people{"A", "B", "C", "D", "E"};
    int refusals = 0;
    int actions = 0;
    for (int n = 0; n < 40; ++n) {
        const int capacityPick = static_cast<int>(random() % 4);
        LearningSession s =
            sessionS("R" + std::to_string(n),
                     capacityPick == 0 ? std::nullopt : std::optional<int>(capacityPick));
        s.id = repo.putSession(s);
        // Times from 09:30 to 10:30 on the day, never decreasing; before-start more often.
        int minute = 9 * 60 + 30;
        std::vector<BookingAction> attempted;
        for (int i = 0; i < 30; ++i) {
            minute += static_cast<int>(random() % 5 == 0 ? random() % 12 : 0);
            minute = std::min(minute, 10 * 60 + 30);
            const auto two = [](int v) {
                return std::string(v < 10 ? "0" : "") + std::to_string(v);
            };
            const std::string at = "2026-03-10T" + two(minute / 60) + ":" + two(minute % 60);
            // Weighted: bookings and cancellations most, session actions rarely.
            static const std::vector<Kind> kinds{
                Kind::Book,   Kind::Book,        Kind::Book,          Kind::Cancel,
                Kind::Cancel, Kind::Apologise,   Kind::Attend,        Kind::Absent,
                Kind::NoShow, Kind::SetCapacity, Kind::CancelSession, Kind::MarkHeld};
            Kind kind = kinds[random() % kinds.size()];
            if (kind == Kind::CancelSession && random() % 3 != 0) {
                kind = Kind::Book;
            }
            BookingAction a = act(at, kind);
            if (actionNamesAPerson(kind)) {
                a.employeeId = people[random() % people.size()];
            }
            if (kind == Kind::SetCapacity) {
                const int c = static_cast<int>(random() % 4);
                a.capacity = c == 0 ? std::nullopt : std::optional<int>(c);
            }
            if (kind == Kind::CancelSession) {
                a.reason = "room flooded";
            }
            refusals += record(*store, s.id, s, a).empty() ? 0 : 1;
            ++actions;
            attempted.push_back(a);
        }
        // The stored log replays to what the attempted actions replay to.
        const BookingOutcome all = replayBookings(s.startsAt, s.capacity, attempted);
        const BookingOutcome stored = replayBookings(s.startsAt, s.capacity, repo.actionLog(s.id));
        EXPECT_TRUE(stored.refused.empty());
        EXPECT_EQ(stored.people, all.people) << s.key;
        EXPECT_EQ(stored.status, all.status) << s.key;
        EXPECT_EQ(stored.capacity, all.capacity) << s.key;
    }
    // Both kinds of decision were exercised.
    EXPECT_GT(refusals, 50);
    EXPECT_GT(actions - refusals, 150);
}

// Clients booking the last places at the same moment: exactly `capacity` get one.
TEST_F(PgSessions, ClientsBookingAtTheSameMomentNeverOverBook) {
    constexpr int kClients = 8;
    const std::string db = newLedger(false);
    {
        pg::Connection raw = owner(db);
        raw.exec("INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, start_date) "
                 "SELECT 'K' || n, 'Client ' || n, (SELECT id FROM ledger.team WHERE name = "
                 "'East'), (SELECT id FROM ledger.role WHERE name = 'OT'), DATE '2020-01-06' "
                 "FROM generate_series(0, 7) n");
    }
    std::vector<std::string> logins;
    for (int i = 0; i < kClients; ++i) {
        logins.push_back(account(db, "K" + std::to_string(i), pg::Access::Staff));
    }
    std::unique_ptr<pg::PgStore> admin = open(db);
    for (const int capacity : {1, 3}) {
        LearningSession s = sessionS("RUSH" + std::to_string(capacity), capacity);
        s.startsAt = "2099-01-01T10:00";
        s.endsAt = "2099-01-01T12:00";
        s.id = admin->sessions().putSession(s);

        std::vector<std::string> outcome(kClients);
        std::barrier ready(kClients);
        std::vector<std::thread> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.emplace_back([&, i] {
                const auto u = static_cast<std::size_t>(i);
                try {
                    std::unique_ptr<pg::PgStore> mine = open(db, logins[u]);
                    ready.arrive_and_wait();
                    outcome[u] = mine->sessions().recordAction(
                        s.id, act("", Kind::Book, "K" + std::to_string(i)));
                } catch (const std::exception& e) {
                    outcome[u] = std::string("error: ") + e.what();
                }
            });
        }
        for (std::thread& c : clients) {
            c.join();
        }
        for (const std::string& o : outcome) {
            EXPECT_EQ(o.rfind("error", 0), std::string::npos) << o;
        }
        const std::vector<BookingAction> log = admin->sessions().actionLog(s.id);
        ASSERT_EQ(log.size(), static_cast<std::size_t>(kClients));
        for (std::size_t i = 1; i < log.size(); ++i) {
            EXPECT_LE(log[i - 1].at, log[i].at);
        }
        const BookingOutcome o = replayBookings(s.startsAt, s.capacity, log);
        EXPECT_TRUE(o.refused.empty());
        EXPECT_EQ(o.bookedCount(), capacity);
        int waiting = 0;
        for (const Booking& b : o.people) {
            waiting += b.state == BookingState::Waiting ? 1 : 0;
        }
        EXPECT_EQ(waiting, kClients - capacity);
    }
}

// Who sees what: leads and managers everything (managers every person in a log, through the
// server); staff the sessions they are invited to or in the log of, with tokens for others.
TEST_F(PgSessions, EachAccountSeesWhatItMay) {
    const std::string db = newLedger();
    const std::string lead = account(db, "L", pg::Access::WorkforceLead);
    const std::string manager = account(db, "M", pg::Access::Manager);
    const std::string s1 = account(db, "S1", pg::Access::Staff); // East: invited by team
    const std::string s2 = account(db, "S2", pg::Access::Staff); // West: not invited
    const std::string s3 = account(db, "S3", pg::Access::Staff); // invited by name
    const std::string s4 = account(db, "S4", pg::Access::Staff); // booked by the manager

    // The manager plans: EAST (team East, delivers FIRE) and NAMED (no audience).
    std::unique_ptr<pg::PgStore> m = open(db, manager);
    LearningSession east = sessionS("EAST", 3);
    east.moduleCode = "FIRE";
    east.id = m->sessions().putSession(east);
    LearningSession named = sessionS("NAMED", 5);
    named.teams.clear();
    named.id = m->sessions().putSession(named);
    m->sessions().setInvited(named.id, {"S3"});
    EXPECT_EQ(m->sessions().invited(named.id), std::vector<std::string>{"S3"});
    for (const char* p : {"A", "B", "C", "D"}) { // C and D wait
        EXPECT_EQ(record(*m, east.id, east, act(d(1), Kind::Book, p)), "");
    }
    EXPECT_EQ(record(*m, named.id, named, act(d(1), Kind::Book, "S4")), "");

    // Staff S1 books themselves (waiting 3) and sees EAST only, with tokens for others.
    std::unique_ptr<pg::PgStore> one = open(db, s1);
    EXPECT_EQ(record(*one, east.id, east, act(d(2), Kind::Book, "S1")), "");
    const std::vector<LearningSession> seen = one->sessions().sessions();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].key, "EAST");
    EXPECT_EQ(seen[0].teams, std::vector<std::string>{"East"});
    EXPECT_EQ(seen[0].moduleCode, "FIRE");
    EXPECT_FALSE(one->sessions().session(named.id).has_value());
    const std::vector<BookingAction> tokens = one->sessions().actionLog(east.id);
    const std::vector<BookingAction> real = m->sessions().actionLog(east.id);
    ASSERT_EQ(tokens.size(), real.size());
    for (std::size_t i = 0; i < real.size(); ++i) {
        if (real[i].employeeId == "S1") {
            EXPECT_EQ(tokens[i].employeeId, "S1");
        } else {
            EXPECT_NE(tokens[i].employeeId, real[i].employeeId);
            EXPECT_EQ(tokens[i].employeeId.rfind('~', 0), 0u) << tokens[i].employeeId;
        }
        EXPECT_EQ(tokens[i].at, real[i].at);
        EXPECT_EQ(tokens[i].kind, real[i].kind);
    }
    // Stable: the same person, the same token; a replay gives the same counts and positions.
    EXPECT_EQ(one->sessions().actionLog(east.id), tokens);
    const BookingOutcome viaTokens = replayBookings(east.startsAt, east.capacity, tokens);
    const BookingOutcome viaIds = replayBookings(east.startsAt, east.capacity, real);
    EXPECT_EQ(viaTokens.bookedCount(), viaIds.bookedCount());
    EXPECT_EQ(viaTokens.bookedCount(), 3);
    ASSERT_NE(viaTokens.find("S1"), nullptr);
    EXPECT_EQ(viaTokens.find("S1")->waitingPosition, 2);
    EXPECT_EQ(viaIds.find("S1")->waitingPosition, 2);
    EXPECT_EQ(one->sessions().actionLogs().size(), 1u);

    // What staff may not do.
    EXPECT_THROW((void)one->sessions().recordAction(east.id, act("", Kind::Book, "E")),
                 NotPermitted);
    setClock(*one, t("10:05"));
    EXPECT_THROW((void)one->sessions().recordAction(east.id, act("", Kind::Attend, "S1")),
                 NotPermitted);
    EXPECT_THROW((void)one->sessions().recordAction(named.id, act("", Kind::Book, "S1")),
                 NotPermitted);
    EXPECT_THROW(one->connection().exec("INSERT INTO ledger.booking_action (session_id, seq, at, "
                                        "action, staff_id) SELECT " +
                                        std::to_string(east.id) +
                                        ", 99, '2026-03-01T09:00', 'book', ledger.my_staff_id()"),
                 NotPermitted);
    EXPECT_THROW((void)one->sessions().putSession(sessionS("MINE")), NotPermitted);
    // Nor may a manager write a log directly.
    EXPECT_THROW(m->connection().exec("DELETE FROM ledger.booking_action"), NotPermitted);
    // Staff S1 may give their own feedback, and sees only their own.
    one->sessions().putFeedback(east.id, SessionFeedback{"S1", 4, "useful"});
    EXPECT_THROW(one->sessions().putFeedback(east.id, SessionFeedback{"A", 1, "forged"}),
                 ValidationError); // A is not someone S1 may name
    m->sessions().putFeedback(east.id, SessionFeedback{"M", 5, "mine"});
    EXPECT_EQ(one->sessions().feedback(east.id),
              (std::vector<SessionFeedback>{{"S1", 4, "useful"}}));
    EXPECT_EQ(m->sessions().feedback(east.id).size(), 2u);

    // S2 (West, not invited) sees nothing and may not book.
    EXPECT_EQ(record(*m, named.id, named, act(d(2), Kind::SetCapacity, "", 6)), "");
    std::unique_ptr<pg::PgStore> two = open(db, s2);
    const std::string bookingEntries =
        "SELECT count(*) FROM ledger.change_log WHERE entity = 'booking'";
    EXPECT_EQ(two->connection().exec(bookingEntries).int64(0, 0), 0);
    EXPECT_EQ(one->connection().exec(bookingEntries).int64(0, 0), 1); // their own book
    EXPECT_TRUE(two->sessions().sessions().empty());
    EXPECT_TRUE(two->sessions().actionLog(east.id).empty());
    EXPECT_TRUE(two->sessions().actionLogs().empty());
    EXPECT_THROW((void)two->sessions().recordAction(east.id, act("", Kind::Book, "S2")),
                 NotPermitted);

    // S3 (invited by name) sees NAMED and their own invitation, and may book it.
    std::unique_ptr<pg::PgStore> three = open(db, s3);
    const std::vector<LearningSession> threeSees = three->sessions().sessions();
    ASSERT_EQ(threeSees.size(), 1u);
    EXPECT_EQ(threeSees[0].key, "NAMED");
    EXPECT_EQ(three->sessions().invited(named.id), std::vector<std::string>{"S3"});
    EXPECT_EQ(record(*three, named.id, named, act(d(2), Kind::Book, "S3")), "");

    // S4 (booked by the manager, in no audience) sees NAMED, S3 as a token.
    std::unique_ptr<pg::PgStore> four = open(db, s4);
    const std::vector<LearningSession> fourSees = four->sessions().sessions();
    ASSERT_EQ(fourSees.size(), 1u);
    EXPECT_EQ(fourSees[0].key, "NAMED");
    const std::vector<BookingAction> fourLog = four->sessions().actionLog(named.id);
    ASSERT_EQ(fourLog.size(), 3u);
    EXPECT_EQ(fourLog[0].employeeId, "S4");
    EXPECT_EQ(fourLog[1].employeeId, "");
    EXPECT_EQ(fourLog[2].employeeId.rfind('~', 0), 0u);
    EXPECT_TRUE(four->sessions().invited(named.id).empty());
    // ... and NAMED's own entries (its capacity), not other people's.
    EXPECT_EQ(four->connection().exec(bookingEntries).int64(0, 0), 2);

    // The lead sees both sessions and every id.
    std::unique_ptr<pg::PgStore> l = open(db, lead);
    EXPECT_EQ(l->sessions().sessions().size(), 2u);
    EXPECT_EQ(l->sessions().actionLog(named.id)[2].employeeId, "S3");
    EXPECT_EQ(l->sessions().actionLogs().size(), 2u);

    // The manager sees S4 (outside their tree: M manages only A) in the log, and marking the
    // attendance of S1 (outside it too) still records S1's completion of FIRE, by the server.
    const std::vector<BookingAction> namedLog = m->sessions().actionLog(named.id);
    ASSERT_EQ(namedLog.size(), 3u);
    EXPECT_EQ(namedLog[0].employeeId, "S4");
    EXPECT_EQ(namedLog[2].employeeId, "S3");
    EXPECT_EQ(record(*m, east.id, east, act(t("10:05"), Kind::Attend, "S1")), "");
    pg::Connection raw = owner(db);
    const pg::Result done = raw.exec(
        "SELECT c.evidence, c.voided FROM ledger.completion c JOIN ledger.staff s ON "
        "s.id = c.staff_id WHERE s.employee_id = 'S1' AND c.completed_on = DATE '2026-03-10'");
    ASSERT_EQ(done.rows(), 1);
    EXPECT_EQ(done.text(0, 0), "session EAST");
    EXPECT_EQ(done.text(0, 1), "f");
    // ... which the manager cannot read (S1 is outside their tree), but S1 can.
    EXPECT_EQ(m->connection()
                  .exec("SELECT count(*) FROM ledger.completion c JOIN ledger.staff s ON "
                        "s.id = c.staff_id WHERE s.employee_id = 'S1'")
                  .int64(0, 0),
              0);
    EXPECT_EQ(one->connection().exec("SELECT count(*) FROM ledger.completion").int64(0, 0), 1);
    // Staff cannot read the tokens' key, nor make themselves a settable clock.
    EXPECT_THROW(one->connection().exec("SELECT * FROM ledger.secret"), NotPermitted);
    EXPECT_THROW(m->connection().exec("SELECT * FROM ledger.secret"), NotPermitted);
    EXPECT_THROW(one->connection().exec("INSERT INTO ledger.meta VALUES ('x', 'y')"), NotPermitted);
    // Not even a lead may make the clock settable (only the owner writes ledger.meta).
    EXPECT_THROW(l->connection().exec("INSERT INTO ledger.meta VALUES ('settable_clock', 'no')"),
                 NotPermitted);
    EXPECT_TRUE(l->checkIntegrity().empty());

    // A session for the role OT: S2 (an OT in West) now sees it, and books it.
    LearningSession forOt = sessionS("OT-ONLY", 1);
    forOt.teams.clear();
    forOt.roles = {"OT"};
    forOt.id = m->sessions().putSession(forOt);
    const std::vector<LearningSession> twoSees = two->sessions().sessions();
    ASSERT_EQ(twoSees.size(), 1u);
    EXPECT_EQ(twoSees[0].key, "OT-ONLY");
    EXPECT_EQ(twoSees[0].roles, std::vector<std::string>{"OT"});
    EXPECT_EQ(record(*two, forOt.id, forOt, act(d(3), Kind::Book, "S2")), "");
    EXPECT_EQ(record(*two, forOt.id, forOt, act(d(4), Kind::Cancel, "S2")), "");
    EXPECT_EQ(record(*two, forOt.id, forOt, act(d(4), Kind::Cancel, "S2")), "not booked");
    EXPECT_EQ(record(*two, forOt.id, forOt, act(d(5), Kind::Apologise, "S2")), "not booked");
    // S1 (a social worker in East) does not see it.
    EXPECT_FALSE(one->sessions().session(forOt.id).has_value());
}

// Sessions: saved with their links, version-checked, removed with everything of theirs.
TEST_F(PgSessions, SessionsAreSavedWithTheirLinksAndVersions) {
    const std::string db = newLedger();
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();
    pg::Connection raw = owner(db);
    raw.exec("INSERT INTO ledger.audit_theme (key, title, source, raised_on, priority, status) "
             "VALUES ('CHG', 'Charging', 'complaint', '2025-01-01', 'high', 'open'), "
             "('ADV', 'Advocacy', 'other', '2025-01-01', 'high', 'open')");
    LearningSession s = sessionS("LATE");
    s.startsAt = "2026-04-01T10:00";
    s.endsAt = "2026-04-01T11:00";
    s.teams = {"West", "East"};
    s.roles = {"OT"};
    s.themes = {"CHG", "ADV"};
    s.moduleCode = "FIRE";
    s.facilitatorId = "M";
    s.speaker = "A barrister";
    s.organisation = "Chambers";
    s.id = repo.putSession(s);
    LearningSession early = sessionS("EARLY", std::nullopt);
    early.id = repo.putSession(early);

    const std::vector<LearningSession> all = repo.sessions();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].key, "EARLY");
    EXPECT_EQ(all[0].capacity, std::nullopt);
    const LearningSession& late = all[1];
    EXPECT_EQ(late.teams, (std::vector<std::string>{"East", "West"}));
    EXPECT_EQ(late.roles, std::vector<std::string>{"OT"});
    EXPECT_EQ(late.themes, (std::vector<std::string>{"ADV", "CHG"}));
    EXPECT_EQ(late.moduleCode, "FIRE");
    EXPECT_EQ(late.speaker, "A barrister");
    EXPECT_EQ(late.version.value, 1);
    EXPECT_EQ(repo.sessionByKey("LATE")->id, s.id);

    LearningSession changed = late;
    changed.title = "Legal literacy";
    changed.teams = {"West"};
    repo.putSession(changed);
    EXPECT_EQ(repo.session(s.id)->title, "Legal literacy");
    EXPECT_EQ(repo.session(s.id)->teams, std::vector<std::string>{"West"});
    EXPECT_EQ(repo.session(s.id)->version.value, 2);
    EXPECT_THROW(repo.putSession(late), StaleRecord); // saved over meanwhile
    LearningSession unknown = *repo.session(s.id);
    unknown.themes = {"NOPE"};
    store->begin();
    EXPECT_THROW(repo.putSession(unknown), ValidationError);
    store->rollback();
    EXPECT_EQ(repo.session(s.id)->version.value, 2);

    repo.setInvited(s.id, {"S3", "A"});
    EXPECT_EQ(repo.invited(s.id), (std::vector<std::string>{"A", "S3"}));
    EXPECT_THROW(repo.setInvited(s.id, {"NOBODY"}), ValidationError);
    // An import's log, written directly, read back in order.
    const std::vector<BookingAction> log{act(d(1), Kind::Book, "A"),
                                         act(d(2), Kind::SetCapacity, "", 5),
                                         act(d(3), Kind::CancelSession, "", std::nullopt, "ill")};
    repo.replaceLog(s.id, log, 0);
    EXPECT_EQ(repo.actionLog(s.id), log);
    repo.appendAction(early.id, act(d(1), Kind::Book, "B"), 0);
    EXPECT_EQ(repo.actionLogs().size(), 2u);
    repo.putFeedback(s.id, SessionFeedback{"A", 3, "ok"});
    repo.removeSession(s.id);
    EXPECT_FALSE(repo.session(s.id).has_value());
    EXPECT_EQ(raw.exec("SELECT (SELECT count(*) FROM ledger.booking_action) + (SELECT count(*) "
                       "FROM ledger.session_feedback) + (SELECT count(*) FROM "
                       "ledger.session_invitation) + (SELECT count(*) FROM ledger.session_team)")
                  .int64(0, 0),
              2); // EARLY's one action and its team

    // Theme reach: the non-void completions of modules linked to a theme.
    raw.exec("INSERT INTO ledger.audit_theme_module (theme_id, module_id) SELECT t.id, m.id "
             "FROM ledger.audit_theme t, ledger.module m WHERE t.key = 'CHG'");
    raw.exec("INSERT INTO ledger.completion (staff_id, module_id, completed_on, voided) "
             "SELECT s.id, m.id, DATE '2026-03-05', s.employee_id = 'E' FROM ledger.staff s, "
             "ledger.module m WHERE s.employee_id IN ('B', 'E')");
    const std::vector<ThemeCompletionTouch> touches = repo.themeCompletionTouches();
    ASSERT_EQ(touches.size(), 1u);
    EXPECT_EQ(touches[0].themeKey, "CHG");
    EXPECT_EQ(touches[0].employeeId, "B");
    EXPECT_EQ(touches[0].completedOn, makeDate(2026, 3, 5));
}

// A ledger with sessions goes from a server to a file and on to another server: every session,
// link, log, invitation and feedback as it was.
TEST_F(PgSessions, SessionsGoToAFileAndBackUnchanged) {
    const std::string db = newLedger();
    {
        pg::Connection raw = owner(db);
        raw.exec("INSERT INTO ledger.audit_theme (key, title, source, raised_on, priority, "
                 "status, owner_id) VALUES ('CHG', 'Charging', 'ombudsman', '2025-01-01', "
                 "'high', 'open', 'M')");
    }
    std::unique_ptr<pg::PgStore> store = open(db);
    SessionRepository& repo = store->sessions();
    LearningSession a = sessionS("COPY-A");
    a.themes = {"CHG"};
    a.roles = {"OT"};
    a.moduleCode = "FIRE";
    a.id = repo.putSession(a);
    LearningSession b = sessionS("COPY-B", std::nullopt);
    b.startsAt = "2026-03-11T10:00";
    b.endsAt = "2026-03-11T11:00";
    b.id = repo.putSession(b);
    for (const char* p : {"A", "B", "C"}) {
        EXPECT_EQ(record(*store, a.id, a, act(d(1), Kind::Book, p)), "");
    }
    EXPECT_EQ(record(*store, a.id, a, act(d(2), Kind::SetCapacity, "", 3)), "");
    EXPECT_EQ(record(*store, a.id, a, act(t("10:05"), Kind::Attend, "A")), "");
    EXPECT_EQ(record(*store, b.id, b, act(d(1), Kind::CancelSession, "", std::nullopt, "ill")), "");
    {
        pg::Connection raw = owner(db);
        EXPECT_EQ(raw.exec("SELECT string_agg(new_values, ' ' ORDER BY id) FROM ledger.change_log "
                           "WHERE entity = 'booking' AND action IN ('set_capacity', "
                           "'cancel_session')")
                      .text(0, 0),
                  R"({"at":"2026-03-02T09:00","capacity":"3"} {"at":"2026-03-01T09:00",)"
                  R"("reason":"ill"})");
    }
    repo.setInvited(a.id, {"S3", "S4"});
    repo.putFeedback(a.id, SessionFeedback{"A", 5, "very good"});

    const auto sessions = repo.sessions();
    const auto logs = repo.actionLogs();
    const auto invited = repo.invited(a.id);
    const auto feedback = repo.feedback(a.id);
    const auto themes = store->themes().auditThemes();
    ASSERT_EQ(logs.size(), 2u);
    store.reset();

    ScratchDir dir;
    const auto file = dir / "sessions.ledger";
    {
        Ledger onServer = Ledger::open(location(db), "", OpenMode::ReadOnly);
        onServer.copyTo(Location::file(file), "copy test passphrase 2026");
    }
    const auto same = [&](SessionRepository& copy, ThemeRepository& copiedThemes) {
        const auto copied = copy.sessions();
        ASSERT_EQ(copied.size(), sessions.size());
        for (std::size_t i = 0; i < copied.size(); ++i) {
            EXPECT_EQ(copied[i], sessions[i]) << sessions[i].key;
            EXPECT_EQ(copied[i].id, sessions[i].id);
            EXPECT_EQ(copy.actionLog(copied[i].id), logs.at(sessions[i].id)) << sessions[i].key;
        }
        EXPECT_EQ(copy.invited(a.id), invited);
        EXPECT_EQ(copy.feedback(a.id), feedback);
        EXPECT_EQ(copiedThemes.auditThemes(), themes);
    };
    {
        auto inFile = SqlCipherStore::open(file, "copy test passphrase 2026", true);
        same(inFile->sessions(), inFile->themes());
    }
    const std::string second = createDatabase();
    scratch().trackLedgerRoles(second);
    {
        pg::Connection admin = pg::Connection::open(conninfo(second));
        pg::initServer(admin);
    }
    {
        Ledger inFile = Ledger::open(file, "copy test passphrase 2026", OpenMode::ReadOnly);
        inFile.copyTo(location(second), "");
    }
    std::unique_ptr<pg::PgStore> again = open(second);
    same(again->sessions(), again->themes());
    EXPECT_TRUE(again->checkIntegrity().empty());
    // The copy goes on from the copied ids and logs.
    LearningSession c = sessionS("COPY-C");
    EXPECT_GT(again->sessions().putSession(c), b.id);
    setClock(*again, d(3));
    EXPECT_THROW((void)again->sessions().recordAction(a.id, act("", Kind::Book, "A")),
                 ActionRefused); // held: A attended
}

// The upgrade from schema 2 keeps each theme: key TH-<id>, description from notes, the
// ombudsman source renamed.
TEST_F(PgSessions, UpgradeFromSchemaTwoKeysThemes) {
    const std::string db = createDatabase();
    scratch().trackLedgerRoles(db);
    {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        pg::initServer(admin, 2);
        admin.exec("SET ROLE " + admin.quoteIdentifier(db + "_owner"));
        admin.exec("INSERT INTO ledger.audit_theme (title, source, raised_on, priority, status, "
                   "notes) VALUES ('Charging', 'ombudsman_finding', '2025-01-01', 'high', "
                   "'open', 'From the finding'), ('Carers', 'complaint', '2025-02-01', 'low', "
                   "'closed', '')");
        EXPECT_THROW(open(db), OlderSchema);
        admin.exec("RESET ROLE");
        const pg::Upgrade upgrade = pg::upgradeServer(admin);
        EXPECT_EQ(upgrade.from, 2);
        EXPECT_EQ(upgrade.to, pg::schema::kVersion); // through every later step too
    }
    std::unique_ptr<pg::PgStore> store = open(db);
    const std::vector<AuditTheme> themes = store->themes().auditThemes();
    ASSERT_EQ(themes.size(), 2u);
    EXPECT_EQ(themes[0].key, "TH-" + std::to_string(themes[0].id));
    EXPECT_EQ(themes[0].title, "Charging");
    EXPECT_EQ(themes[0].description, "From the finding");
    EXPECT_EQ(themes[0].source, ThemeSource::Ombudsman);
    EXPECT_EQ(themes[0].ownerId, "");
    EXPECT_EQ(themes[1].key, "TH-" + std::to_string(themes[1].id));
    EXPECT_EQ(themes[1].source, ThemeSource::Complaint);
    EXPECT_TRUE(store->checkIntegrity().empty());
    EXPECT_TRUE(store->sessions().sessions().empty());
    // A new theme gets the new source codes.
    AuditTheme other = themes[1];
    other.id = 0;
    other.key = "OTHER";
    other.source = ThemeSource::Other;
    other.version = {};
    store->themes().putAuditTheme(other);
    EXPECT_EQ(store->themes().auditThemes().size(), 3u);
}

} // namespace
} // namespace ledger::test
