// The sessions reports' rows and CSV (rules/sessions.md section 8): the bookings of a held
// session with a walk-in and a waiting person, date filters, order, the clashes and
// suggestions CSV, and spreadsheet-safe text.

#include "reports/session_reports.h"

#include <gtest/gtest.h>

namespace ledger {
namespace {

BookingAction act(const char* at, BookingActionKind kind, const char* who) {
    BookingAction a;
    a.at = at;
    a.kind = kind;
    a.employeeId = who;
    return a;
}

// The rules page's example 10: S on 10 March, capacity 2; A, B, C book on the 1st; at the
// door A and E attend, B is a no-show.
SessionBookings exampleTen() {
    using K = BookingActionKind;
    return SessionBookings{
        "S", "2026-03-10T10:00",
        replayBookings(
            "2026-03-10T10:00", 2,
            {act("2026-03-01T09:00", K::Book, "A"), act("2026-03-01T09:00", K::Book, "B"),
             act("2026-03-01T09:00", K::Book, "C"), act("2026-03-10T10:05", K::Attend, "A"),
             act("2026-03-10T10:05", K::Attend, "E"), act("2026-03-10T10:06", K::NoShow, "B")})};
}

TEST(BookingsReport, AHeldSessionsAttendanceWalkInsAndTheWaitingList) {
    const auto rows = bookingsRows({exampleTen()}, std::nullopt, std::nullopt);
    EXPECT_EQ(formatBookingsCsv(rows),
              "session,starts_at,session_status,employee_id,state,waiting_position,promoted_on,"
              "walk_in,attendance\n"
              "S,2026-03-10T10:00,held,A,attended,,,no,attended\n"
              "S,2026-03-10T10:00,held,B,no_show,,,no,no_show\n"
              "S,2026-03-10T10:00,held,C,waiting,1,,no,\n"
              "S,2026-03-10T10:00,held,E,attended,,,yes,attended\n");
}

TEST(BookingsReport, FiltersBySessionDateAndSortsByStartThenKeyThenPerson) {
    SessionBookings later = exampleTen();
    later.key = "A-LATER";
    later.startsAt = "2026-03-11T09:00";
    SessionBookings sameTime = exampleTen();
    sameTime.key = "R";
    const std::vector<SessionBookings> all{later, exampleTen(), sameTime};
    const auto rows = bookingsRows(all, std::nullopt, std::nullopt);
    ASSERT_EQ(rows.size(), 12u);
    EXPECT_EQ(rows.front().session, "R");
    EXPECT_EQ(rows[4].session, "S");
    EXPECT_EQ(rows.back().session, "A-LATER");
    EXPECT_EQ(bookingsRows(all, makeDate(2026, 3, 11), std::nullopt).size(), 4u);
    EXPECT_EQ(bookingsRows(all, std::nullopt, makeDate(2026, 3, 10)).size(), 8u);
    EXPECT_TRUE(bookingsRows(all, makeDate(2026, 3, 12), std::nullopt).empty());
}

TEST(BookingsReport, APlannedSessionHasNoAttendanceAndKeepsPromotions) {
    using K = BookingActionKind;
    const SessionBookings s{"=S", "2026-03-10T10:00",
                            replayBookings("2026-03-10T10:00", 1,
                                           {act("2026-03-01T09:00", K::Book, "A"),
                                            act("2026-03-01T09:00", K::Book, "B"),
                                            act("2026-03-02T09:00", K::Cancel, "A")})};
    EXPECT_EQ(formatBookingsCsv(bookingsRows({s}, std::nullopt, std::nullopt)),
              "session,starts_at,session_status,employee_id,state,waiting_position,promoted_on,"
              "walk_in,attendance\n"
              "'=S,2026-03-10T10:00,planned,A,cancelled,,,no,\n"
              "'=S,2026-03-10T10:00,planned,B,booked,,2026-03-02,no,\n");
}

TEST(SessionReportsCsv, ClashesAndSuggestions) {
    EXPECT_EQ(formatClashesCsv({{"A", "B", "team", "Équipe Nord, \"pilot\""}}),
              "session,other,shared,value\nA,B,team,\"Équipe Nord, \"\"pilot\"\"\"\n");
    TopicSuggestion s;
    s.rank = 1;
    s.key = "CHG";
    s.title = "Charging, \"fairly\"";
    s.priority = ThemePriority::High;
    s.status = ThemeStatus::BeingAddressed;
    s.stale = true;
    s.lastTouchedOn = makeDate(2026, 3, 20);
    EXPECT_EQ(formatSuggestionsCsv({s}),
              "rank,theme,title,priority,status,stale,last_touched_on,staff_reached\n"
              "1,CHG,\"Charging, \"\"fairly\"\"\",high,being_addressed,yes,2026-03-20,0\n");
}

} // namespace
} // namespace ledger
