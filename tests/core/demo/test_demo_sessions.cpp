// The demo council's year of sessions goes through the import's checks and gives what a
// manager expects to see: forums held with attendance, a cancelled one, a full one with a
// waiting list, NQ group sessions, and the fire forum's completions.

#include "demo/generator.h"
#include "io/csv.h"
#include "ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace ledger {
namespace {

TEST(DemoSessions, AYearOfForumsAndNqSessionsImportsWithEveryKindOfBooking) {
    test::ScratchDir dir;
    GeneratorOptions options;
    options.seed = 2026;
    options.today = makeDate(2026, 11, 29);
    Ledger l = Ledger::create(dir / "demo.ledger", "demo passphrase", "test");
    const LedgerData council = generateCouncil(options);
    l.imports().records(council, options.today, "test");
    for (const AuditTheme& theme : generateAuditThemes(council, options.today)) {
        l.themes().save(theme, options.today, "test");
    }
    const DemoSessions demo = generateSessions(council, options.today, options.seed);
    MemoryCsvSource sessionRows(demo.sessionsCsv);
    const ImportSummary made = l.sessionImport().run(ImportKind::Sessions, "demo sessions",
                                                     sessionRows, options.today, false, "test");
    EXPECT_EQ(made.added, 16 + 12);
    MemoryCsvSource actionRows(demo.actionsCsv);
    ASSERT_NO_THROW(l.sessionImport().run(ImportKind::BookingActions, "demo bookings", actionRows,
                                          options.today, false, "test"));

    int held = 0, cancelled = 0, waiting = 0, attended = 0, walkIns = 0, nq = 0;
    for (const SessionWithBookings& w : l.sessions().all()) {
        held += w.outcome.status == SessionStatus::Held ? 1 : 0;
        cancelled += w.outcome.status == SessionStatus::Cancelled ? 1 : 0;
        nq += w.session.kind == SessionKind::NqSession ? 1 : 0;
        for (const Booking& b : w.outcome.people) {
            waiting += b.state == BookingState::Waiting ? 1 : 0;
            attended += b.state == BookingState::Attended ? 1 : 0;
            walkIns += b.state == BookingState::Attended && b.walkIn ? 1 : 0;
        }
    }
    EXPECT_GE(held, 18);
    EXPECT_EQ(cancelled, 1);
    EXPECT_GT(waiting, 0);
    EXPECT_GT(attended, 100);
    EXPECT_GT(walkIns, 5);
    EXPECT_EQ(nq, 12);
    // The fire forums delivered the module to those who came.
    int fromSessions = 0;
    l.training().forEachCountedCompletion([&](const Completion& c) {
        fromSessions += c.evidence.starts_with("session FORUM-") ? 1 : 0;
    });
    EXPECT_GT(fromSessions, 5);
    // And the suggestions have something to say.
    EXPECT_FALSE(l.sessions().suggestions(options.today).empty());
}

} // namespace
} // namespace ledger
