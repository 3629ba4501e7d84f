// Sessions as use cases on both engines: the worked booking examples of rules/sessions.md
// section 10 recorded one action at a time (on a server, decided by the server itself), the
// delivered-module rule, series made in one step, the edits a held session refuses, clash
// warnings and theme reach through stored records.

#include "engines.h"
#include "io/csv.h"
#include "ledger.h"
#include "postgres/pg.h"
#include "sessions/session_import.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace ledger {
namespace {

using test::EngineLedger;
using test::EngineTest;

const Date kToday = makeDate(2026, 11, 25);

Staff person(const char* id, const char* team, const char* role) {
    Staff s;
    s.employeeId = id;
    s.fullName = std::string("Person ") + id;
    s.team = team;
    s.role = role;
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

LearningSession sessionS(const std::string& key = "S") {
    LearningSession s;
    s.key = key;
    s.kind = SessionKind::PracticeForum;
    s.title = "Practice forum: charging";
    s.startsAt = "2026-03-10T10:00";
    s.endsAt = "2026-03-10T12:00";
    s.capacity = 2;
    return s;
}

BookingAction act(BookingActionKind kind, const char* who = "") {
    BookingAction a;
    a.kind = kind;
    a.employeeId = who;
    return a;
}

std::string d(int n) {
    return "2026-03-0" + std::to_string(n) + "T09:00";
}

class Sessions : public EngineTest {
protected:
    void SetUp() override {
        EngineTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_ledger.emplace(ledgers().create("test"));
        Module fire;
        fire.code = "FIRE";
        fire.title = "Fire safety";
        fire.renewalMonths = 12;
        l().training().saveModule(fire, true, "test");
        for (const char* id : {"A", "B", "C", "D", "E"}) {
            l().staff().add(person(id, "East", "Social Worker"), kToday, "test");
        }
        l().staff().add(person("F", "West", "Team Manager"), kToday, "test");
        if (GetParam() == test::Engine::Postgres) {
            // The tests' server clock: the `at` each action asks for (only the owner can
            // allow it, and only tests do).
            pg::Connection owner =
                pg::Connection::open(ledgers().scratch().conninfo(ledgers().database()));
            owner.exec("INSERT INTO ledger.meta (key, value) VALUES ('settable_clock', 'yes')");
        }
    }

    Ledger& l() { return *m_ledger; }
    SessionService& sessions() { return l().sessions(); }

    RecordId plan(const LearningSession& s) { return sessions().save(s, kToday, "test"); }

    /// Records `a` at `at`; the refusal's message, or empty when recorded.
    std::string record(RecordId id, BookingAction a, const std::string& at) {
        try {
            sessions().act(id, std::move(a), at, "test");
        } catch (const ActionRefused& e) {
            return e.what();
        }
        return {};
    }

    /// Every row starts with: d1 book A, book B, book C.
    RecordId withABC() {
        const RecordId id = plan(sessionS());
        for (const char* who : {"A", "B", "C"}) {
            EXPECT_EQ(record(id, act(BookingActionKind::Book, who), d(1)), "");
        }
        return id;
    }

    BookingOutcome outcome(RecordId id) { return sessions().find(id)->outcome; }

    void deliveredModuleAcrossTheDay(int others);

    static std::string stateOf(const BookingOutcome& o, const char* who) {
        const Booking* b = o.find(who);
        if (!b) {
            return "none";
        }
        std::string text(bookingStateCode(b->state));
        if (b->state == BookingState::Waiting) {
            text += " " + std::to_string(b->waitingPosition);
        }
        if (b->promotedOn) {
            text += " promoted " + formatIso(*b->promotedOn);
        }
        return text;
    }

    std::optional<Ledger> m_ledger;
};

INSTANTIATE_TEST_SUITE_P(Engines, Sessions, test::kEngines, test::engineName);

TEST_P(Sessions, Example1To3ABookingPastCapacityWaitsAndAFreedPlaceIsTaken) {
    RecordId id = withABC();
    BookingOutcome o = outcome(id);
    EXPECT_EQ(stateOf(o, "A"), "booked");
    EXPECT_EQ(stateOf(o, "B"), "booked");
    EXPECT_EQ(stateOf(o, "C"), "waiting 1");

    EXPECT_EQ(record(id, act(BookingActionKind::Book, "D"), d(2)), "");
    EXPECT_EQ(record(id, act(BookingActionKind::Cancel, "A"), d(3)), "");
    o = outcome(id);
    EXPECT_EQ(stateOf(o, "A"), "cancelled");
    EXPECT_EQ(stateOf(o, "C"), "booked promoted 2026-03-03");
    EXPECT_EQ(stateOf(o, "D"), "waiting 1");

    EXPECT_EQ(record(id, act(BookingActionKind::Apologise, "B"), d(4)), "");
    o = outcome(id);
    EXPECT_EQ(stateOf(o, "B"), "apologised");
    EXPECT_EQ(stateOf(o, "D"), "booked promoted 2026-03-04");
}

TEST_P(Sessions, Example4To6CapacityChangesPromoteOnlyWhenAPlaceIsFree) {
    RecordId id = withABC();
    EXPECT_EQ(record(id, act(BookingActionKind::Book, "D"), d(2)), "");
    BookingAction three = act(BookingActionKind::SetCapacity);
    three.capacity = 3;
    EXPECT_EQ(record(id, three, d(4)), "");
    EXPECT_EQ(stateOf(outcome(id), "C"), "booked promoted 2026-03-04");
    EXPECT_EQ(stateOf(outcome(id), "D"), "waiting 1");
    EXPECT_EQ(record(id, act(BookingActionKind::SetCapacity), d(5)), ""); // unlimited
    EXPECT_EQ(stateOf(outcome(id), "D"), "booked promoted 2026-03-05");
    EXPECT_FALSE(outcome(id).capacity.has_value());

    const RecordId six = plan(sessionS("S6"));
    for (const char* who : {"A", "B", "C"}) {
        ASSERT_EQ(record(six, act(BookingActionKind::Book, who), d(1)), "");
    }
    BookingAction one = act(BookingActionKind::SetCapacity);
    one.capacity = 1;
    EXPECT_EQ(record(six, one, d(2)), "");
    EXPECT_EQ(stateOf(outcome(six), "A"), "booked");
    EXPECT_EQ(stateOf(outcome(six), "B"), "booked");
    EXPECT_EQ(record(six, act(BookingActionKind::Cancel, "B"), d(3)), "");
    EXPECT_EQ(stateOf(outcome(six), "C"), "waiting 1");
    EXPECT_EQ(record(six, act(BookingActionKind::Cancel, "A"), d(4)), "");
    EXPECT_EQ(stateOf(outcome(six), "C"), "booked promoted 2026-03-04");
}

TEST_P(Sessions, Example7To9RejoiningAndACancelledSession) {
    const RecordId seven = withABC();
    EXPECT_EQ(record(seven, act(BookingActionKind::Cancel, "C"), d(2)), "");
    EXPECT_EQ(record(seven, act(BookingActionKind::Book, "C"), d(3)), "");
    EXPECT_EQ(stateOf(outcome(seven), "C"), "waiting 1");

    const RecordId eight = plan(sessionS("S8"));
    for (const char* who : {"A", "B", "C"}) {
        ASSERT_EQ(record(eight, act(BookingActionKind::Book, who), d(1)), "");
    }
    EXPECT_EQ(record(eight, act(BookingActionKind::Cancel, "A"), d(2)), "");
    EXPECT_EQ(record(eight, act(BookingActionKind::Book, "A"), d(3)), "");
    EXPECT_EQ(stateOf(outcome(eight), "C"), "booked promoted 2026-03-02");
    EXPECT_EQ(stateOf(outcome(eight), "A"), "waiting 1");

    const RecordId nine = plan(sessionS("S9"));
    for (const char* who : {"A", "B", "C"}) {
        ASSERT_EQ(record(nine, act(BookingActionKind::Book, who), d(1)), "");
    }
    BookingAction cancel = act(BookingActionKind::CancelSession);
    cancel.reason = "speaker ill";
    EXPECT_EQ(record(nine, cancel, d(5)), "");
    EXPECT_EQ(record(nine, act(BookingActionKind::Book, "E"), d(6)), "session is cancelled");
    const BookingOutcome o = outcome(nine);
    EXPECT_EQ(o.status, SessionStatus::Cancelled);
    EXPECT_EQ(o.cancelReason, "speaker ill");
    for (const char* who : {"A", "B", "C"}) {
        EXPECT_EQ(stateOf(o, who), "cancelled_by_session") << who;
    }
    EXPECT_EQ(sessions().find(nine)->log.size(), 4u); // the refused action was not written
}

TEST_P(Sessions, Example10And11AttendanceAtTheDoorAndTheRefusals) {
    const RecordId ten = withABC();
    EXPECT_EQ(record(ten, act(BookingActionKind::Attend, "A"), "2026-03-10T10:05"), "");
    EXPECT_EQ(record(ten, act(BookingActionKind::Attend, "E"), "2026-03-10T10:05"), "");
    EXPECT_EQ(record(ten, act(BookingActionKind::NoShow, "B"), "2026-03-10T10:06"), "");
    const std::vector<BookingsRow> rows = sessions().bookings(std::nullopt, std::nullopt);
    std::map<std::string, std::string> attendance;
    for (const BookingsRow& r : rows) {
        EXPECT_EQ(r.sessionStatus, SessionStatus::Held);
        attendance[r.employeeId] = r.attendance + (r.walkIn ? " walk-in" : "");
    }
    EXPECT_EQ(attendance,
              (std::map<std::string, std::string>{
                  {"A", "attended"}, {"B", "no_show"}, {"C", ""}, {"E", "attended walk-in"}}));

    const RecordId eleven = plan(sessionS("S11"));
    for (const char* who : {"A", "B", "C"}) {
        ASSERT_EQ(record(eleven, act(BookingActionKind::Book, who), d(1)), "");
    }
    EXPECT_EQ(record(eleven, act(BookingActionKind::Book, "A"), d(2)), "already booked");
    EXPECT_EQ(record(eleven, act(BookingActionKind::Attend, "A"), "2026-03-10T09:59"),
              "session has not started");
    EXPECT_EQ(record(eleven, act(BookingActionKind::Cancel, "A"), "2026-03-10T10:00"),
              "session has started");
}

TEST_P(Sessions, Example12ADeliveredModuleRecordsAndVoidsTheCompletion) {
    LearningSession s = sessionS();
    s.moduleCode = "FIRE";
    const RecordId id = plan(s);
    for (const char* who : {"A", "B", "C"}) {
        ASSERT_EQ(record(id, act(BookingActionKind::Book, who), d(1)), "");
    }
    ASSERT_EQ(record(id, act(BookingActionKind::Attend, "A"), "2026-03-10T10:05"), "");
    auto fire = [&] {
        std::vector<Completion> out;
        for (const Completion& c : l().training().completionsOf("A")) {
            if (c.moduleCode == "FIRE") {
                out.push_back(c);
            }
        }
        return out;
    };
    ASSERT_EQ(fire().size(), 1u);
    EXPECT_EQ(fire()[0].completedOn, makeDate(2026, 3, 10));
    EXPECT_EQ(fire()[0].evidence, "session S");
    EXPECT_FALSE(fire()[0].voided);

    ASSERT_EQ(record(id, act(BookingActionKind::NoShow, "A"), "2026-03-10T10:10"), "");
    ASSERT_EQ(fire().size(), 1u);
    EXPECT_TRUE(fire()[0].voided);
    EXPECT_EQ(fire()[0].voidReason, "attendance withdrawn");

    ASSERT_EQ(record(id, act(BookingActionKind::Attend, "A"), "2026-03-10T10:15"), "");
    ASSERT_EQ(fire().size(), 1u);
    EXPECT_FALSE(fire()[0].voided);
}

/// Two sessions deliver FIRE on 10 March (and `others` more, no one booked), one on the 11th,
/// one with no module on the 10th: A's completion of the 10th follows A's attendance at any
/// session delivering FIRE that day, and only that day.
void Sessions::deliveredModuleAcrossTheDay(int others) {
    LearningSession morning = sessionS("AM");
    morning.moduleCode = "FIRE";
    LearningSession afternoon = sessionS("PM");
    afternoon.moduleCode = "FIRE";
    afternoon.startsAt = "2026-03-10T14:00";
    afternoon.endsAt = "2026-03-10T16:00";
    LearningSession nextDay = sessionS("NEXT");
    nextDay.moduleCode = "FIRE";
    nextDay.startsAt = "2026-03-11T10:00";
    nextDay.endsAt = "2026-03-11T12:00";
    LearningSession noModule = sessionS("PLAIN");
    noModule.startsAt = "2026-03-10T17:00";
    noModule.endsAt = "2026-03-10T18:00";
    const RecordId am = plan(morning);
    const RecordId pm = plan(afternoon);
    const RecordId next = plan(nextDay);
    const RecordId plain = plan(noModule);
    for (int i = 0; i < others; ++i) {
        LearningSession other = sessionS("OTHER" + std::to_string(i));
        other.moduleCode = "FIRE";
        other.startsAt = "2026-03-10T19:" + std::to_string(10 + i);
        other.endsAt = "2026-03-10T20:00";
        plan(other);
    }
    for (const RecordId id : {am, pm, next, plain}) {
        ASSERT_EQ(record(id, act(BookingActionKind::Book, "A"), d(1)), "");
    }
    const auto fireOn = [&](Date day) {
        std::vector<Completion> out;
        for (const Completion& c : l().training().completionsOf("A")) {
            if (c.moduleCode == "FIRE" && c.completedOn == day) {
                out.push_back(c);
            }
        }
        return out;
    };
    const Date tenth = makeDate(2026, 3, 10);

    ASSERT_EQ(record(am, act(BookingActionKind::Attend, "A"), "2026-03-10T10:05"), "");
    ASSERT_EQ(record(plain, act(BookingActionKind::Attend, "A"), "2026-03-10T17:05"), "");
    ASSERT_EQ(record(pm, act(BookingActionKind::Attend, "A"), "2026-03-10T14:05"), "");
    ASSERT_EQ(fireOn(tenth).size(), 1u);
    EXPECT_EQ(fireOn(tenth)[0].evidence, "session AM"); // the afternoon adds none

    // Still attended in the afternoon: the morning's no-show leaves it counting.
    ASSERT_EQ(record(am, act(BookingActionKind::NoShow, "A"), "2026-03-10T14:10"), "");
    ASSERT_EQ(fireOn(tenth).size(), 1u);
    EXPECT_FALSE(fireOn(tenth)[0].voided);

    // Another day's session is not one of them.
    ASSERT_EQ(record(next, act(BookingActionKind::Attend, "A"), "2026-03-11T10:05"), "");
    ASSERT_EQ(fireOn(makeDate(2026, 3, 11)).size(), 1u);
    EXPECT_EQ(fireOn(makeDate(2026, 3, 11))[0].evidence, "session NEXT");

    // Attended at none of the tenth's: the morning's completion is voided, then counts again.
    ASSERT_EQ(record(pm, act(BookingActionKind::NoShow, "A"), "2026-03-10T14:15"), "");
    ASSERT_EQ(fireOn(tenth).size(), 1u);
    EXPECT_TRUE(fireOn(tenth)[0].voided);
    EXPECT_FALSE(fireOn(makeDate(2026, 3, 11))[0].voided);
    ASSERT_EQ(record(pm, act(BookingActionKind::Attend, "A"), "2026-03-10T14:20"), "");
    ASSERT_EQ(fireOn(tenth).size(), 1u);
    EXPECT_FALSE(fireOn(tenth)[0].voided);
    EXPECT_EQ(fireOn(tenth)[0].evidence, "session AM");
}

TEST_P(Sessions, ADeliveredModuleCountsAttendanceAtAnySessionDeliveringItThatDay) {
    deliveredModuleAcrossTheDay(0);
}

TEST_P(Sessions, ADeliveredModuleCountsAttendanceAtAnyOfManySessionsDeliveringItThatDay) {
    deliveredModuleAcrossTheDay(9); // more logs than are read one at a time
}

TEST_P(Sessions, ASessionsImportAddsUpdatesKeepsAndRefusesAHeldSessionsMoveOnItsLine) {
    const RecordId held = plan(sessionS("S"));
    ASSERT_EQ(record(held, act(BookingActionKind::Book, "A"), d(1)), "");
    ASSERT_EQ(record(held, act(BookingActionKind::Attend, "A"), "2026-03-10T10:05"), "");
    LearningSession april = sessionS("T");
    april.startsAt = "2026-04-10T10:00";
    april.endsAt = "2026-04-10T12:00";
    plan(april);
    const auto import = [&](const std::string& rows) {
        const std::string text = "key,kind,title,starts_at,ends_at,facilitator_id,speaker,"
                                 "organisation,capacity,teams,roles,themes,module,repeat,nth,"
                                 "count,until\n" +
                                 rows;
        MemoryCsvSource source(text);
        return l().sessionImport().run(ImportKind::Sessions, "sessions.csv", source, kToday, false,
                                       "test");
    };
    const std::string retitled =
        "T,practice_forum,Forum in April,2026-04-10T10:00,2026-04-10T12:00,,,,2,,,,,,,,\n";
    const std::string added =
        "N,workshop,A workshop,2026-05-01T10:00,2026-05-01T12:00,,,,,,,,,,,,\n";
    const std::string kept = "S,practice_forum,Practice forum: "
                             "charging,2026-03-10T10:00,2026-03-10T12:00,,,,2,,,,,,,,\n";
    const std::string moved = "S,practice_forum,Practice forum: "
                              "charging,2026-03-10T11:00,2026-03-10T12:00,,,,2,,,,,,,,\n";

    try {
        (void)import(retitled + added + moved);
        ADD_FAILURE() << "a held session's move was imported";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.errors(), (std::vector<FieldError>{
                                  {"sessions.csv", 4, "starts_at", "session already held"}}));
    }
    EXPECT_FALSE(sessions().findByKey("N").has_value()); // nothing written
    EXPECT_EQ(sessions().findByKey("T")->session.title, "Practice forum: charging");

    const ImportSummary summary = import(retitled + added + kept);
    EXPECT_EQ(summary.added, 1);
    EXPECT_EQ(summary.updated, 1);
    EXPECT_EQ(summary.unchanged, 1);
    EXPECT_EQ(sessions().findByKey("T")->session.title, "Forum in April");
    ASSERT_TRUE(sessions().findByKey("N").has_value());
    EXPECT_EQ(sessions().findByKey("N")->session.kind, SessionKind::Workshop);
    EXPECT_EQ(sessions().findByKey("S")->log.size(), 2u); // its log kept
}

TEST_P(Sessions, AnActionIsNeverRecordedBeforeTheLogsLastOne) {
    const RecordId id = plan(sessionS());
    ASSERT_EQ(record(id, act(BookingActionKind::Book, "A"), "2026-03-05T09:00"), "");
    // The October hour repeats on the clock: the log's order stands.
    ASSERT_EQ(record(id, act(BookingActionKind::Book, "B"), "2026-03-04T09:00"), "");
    const auto log = sessions().find(id)->log;
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].at, "2026-03-05T09:00");
}

TEST_P(Sessions, ASeriesIsMadeInOneStepOrNotAtAll) {
    LearningSession first = sessionS("FORUM26");
    first.startsAt = "2026-01-31T10:00";
    first.endsAt = "2026-01-31T12:00";
    SeriesRule rule;
    rule.repeat = Repeat::MonthlyDay;
    rule.count = 4;
    const std::vector<RecordId> ids = sessions().saveSeries(first, rule, kToday, "test");
    ASSERT_EQ(ids.size(), 4u);
    std::vector<std::string> made;
    for (const SessionWithBookings& w : sessions().all()) {
        made.push_back(w.session.key + " " + w.session.startsAt + " " + w.session.endsAt);
    }
    EXPECT_EQ(made, (std::vector<std::string>{"FORUM26-001 2026-01-31T10:00 2026-01-31T12:00",
                                              "FORUM26-002 2026-02-28T10:00 2026-02-28T12:00",
                                              "FORUM26-003 2026-03-31T10:00 2026-03-31T12:00",
                                              "FORUM26-004 2026-04-30T10:00 2026-04-30T12:00"}));

    // An occurrence in the hour the clocks skip refuses the whole series.
    LearningSession early = sessionS("EARLY");
    early.startsAt = "2026-03-08T01:30";
    early.endsAt = "2026-03-08T01:50";
    rule.repeat = Repeat::Weekly;
    EXPECT_THROW(sessions().saveSeries(early, rule, kToday, "test"), ValidationError);
    EXPECT_EQ(sessions().all().size(), 4u);
    // And a key already used refuses it too.
    rule.count = 2;
    EXPECT_THROW(sessions().saveSeries(first, rule, kToday, "test"), ValidationError);
    EXPECT_EQ(sessions().all().size(), 4u);
}

TEST_P(Sessions, AHeldSessionKeepsItsTimesAndModuleAndNoEditRefusesARecordedAction) {
    const RecordId id = withABC();
    ASSERT_EQ(record(id, act(BookingActionKind::Attend, "A"), "2026-03-10T10:05"), "");
    LearningSession s = sessions().find(id)->session;
    s.startsAt = "2026-03-10T09:00";
    EXPECT_THROW(sessions().save(s, kToday, "test"), ValidationError);
    s = sessions().find(id)->session;
    s.moduleCode = "FIRE";
    EXPECT_THROW(sessions().save(s, kToday, "test"), ValidationError);
    s = sessions().find(id)->session;
    s.title = "Practice forum: charging and deferred payments";
    s.speaker = "A barrister";
    EXPECT_NO_THROW(sessions().save(s, kToday, "test"));
    EXPECT_EQ(sessions().find(id)->session.speaker, "A barrister");

    // A planned session moved before its bookings would refuse them.
    const RecordId planned = plan(sessionS("LATER"));
    ASSERT_EQ(record(planned, act(BookingActionKind::Book, "A"), d(5)), "");
    LearningSession moved = sessions().find(planned)->session;
    moved.startsAt = "2026-03-04T10:00";
    moved.endsAt = "2026-03-04T12:00";
    EXPECT_THROW(sessions().save(moved, kToday, "test"), ValidationError);
    // A session with bookings is cancelled, not removed.
    EXPECT_THROW(sessions().remove(planned, "test"), ValidationError);
}

TEST_P(Sessions, SavingWarnsOfClashesButNeverRefuses) {
    LearningSession a = sessionS("A1");
    a.facilitatorId = "F";
    a.teams = {"East"};
    plan(a);
    LearningSession b = sessionS("B1");
    b.startsAt = "2026-03-10T11:00";
    b.endsAt = "2026-03-10T13:00";
    b.facilitatorId = "F";
    b.teams = {"East"};
    const std::vector<Clash> clashes = sessions().clashesOf(b);
    EXPECT_EQ(clashes,
              (std::vector<Clash>{{"A1", "B1", "facilitator", "F"}, {"A1", "B1", "team", "East"}}));
    EXPECT_NO_THROW(plan(b));
    EXPECT_EQ(sessions().clashes(std::nullopt, std::nullopt).size(), 2u);
}

TEST_P(Sessions, ThemeReachCountsHeldSessionsAttendedAndCompletionsOfLinkedModules) {
    AuditTheme chg;
    chg.key = "CHG";
    chg.title = "Charging explained poorly";
    chg.raisedOn = makeDate(2025, 1, 1);
    chg.priority = ThemePriority::High;
    chg.moduleCodes = {"FIRE"};
    l().themes().save(chg, kToday, "test");
    LearningSession s = sessionS("F1");
    s.themes = {"CHG"};
    const RecordId id = plan(s);
    ASSERT_EQ(record(id, act(BookingActionKind::Book, "A"), d(1)), "");
    ASSERT_EQ(record(id, act(BookingActionKind::Attend, "A"), "2026-03-10T10:05"), "");
    Completion c;
    c.employeeId = "B";
    c.moduleCode = "FIRE";
    c.completedOn = makeDate(2026, 3, 5);
    l().training().addCompletion(c, kToday, "test");
    const auto rows = themeReportRows(l().themes().all(), sessions().themesWithTouches(),
                                      makeDate(2026, 1, 1), makeDate(2026, 3, 31));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].reach, (ThemeReach{1, 1, 0, 2, makeDate(2026, 3, 10)}));
    const auto suggestions = sessions().suggestions(makeDate(2026, 9, 30), 6);
    ASSERT_EQ(suggestions.size(), 1u);
    EXPECT_TRUE(suggestions[0].stale);

    // A caller holding every session already gets the same without a second read; the
    // sessions it passes are the ones counted.
    const std::vector<SessionWithBookings> held = sessions().all();
    EXPECT_EQ(themeReportRows(l().themes().all(), sessions().themesWithTouches(held),
                              makeDate(2026, 1, 1), makeDate(2026, 3, 31)),
              rows);
    EXPECT_EQ(sessions().suggestions(held, makeDate(2026, 9, 30), 6), suggestions);
    const auto withoutSessions =
        themeReportRows(l().themes().all(), sessions().themesWithTouches({}), makeDate(2026, 1, 1),
                        makeDate(2026, 3, 31));
    ASSERT_EQ(withoutSessions.size(), 1u);
    EXPECT_EQ(withoutSessions[0].reach, (ThemeReach{0, 1, 0, 1, makeDate(2026, 3, 5)}));
}

} // namespace
} // namespace ledger
