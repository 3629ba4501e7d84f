// Clash warnings (rules/sessions.md section 4): overlap with exclusive ends, the four kinds
// of shared thing, cancelled sessions and empty audiences sharing nothing, and the order.

#include "sessions/clashes.h"

#include <gtest/gtest.h>

#include <vector>

namespace ledger {
namespace {

ClashSession at(const char* key, const char* start, const char* end) {
    ClashSession s;
    s.key = key;
    s.startsAt = start;
    s.endsAt = end;
    return s;
}

TEST(Clashes, EndsAreExclusiveAndEachSharedThingIsOneRowInOrder) {
    ClashSession a = at("B-FORUM", "2026-03-10T10:00", "2026-03-10T12:00");
    a.facilitatorId = "F1";
    a.teams = {"East", "West"};
    a.roles = {"Social Worker"};
    a.people = {"P2", "P1"};
    ClashSession b = at("A-NQ", "2026-03-10T11:00", "2026-03-10T13:00");
    b.facilitatorId = "F1";
    b.teams = {"West"};
    b.roles = {"Occupational Therapist"};
    b.people = {"P1", "F1"};
    ClashSession touching = at("C-LATER", "2026-03-10T12:00", "2026-03-10T13:00");
    touching.teams = {"East"};
    EXPECT_EQ(findClashes({a, b, touching}),
              (std::vector<Clash>{{"A-NQ", "B-FORUM", "facilitator", "F1"},
                                  {"A-NQ", "B-FORUM", "person", "P1"},
                                  {"A-NQ", "B-FORUM", "team", "West"}}));
    // B and C overlap from 12:00 to 13:00 but share nothing: no row.
}

TEST(Clashes, APersonInOneAndFacilitatingTheOtherClashesButNotWhenFacilitatingBoth) {
    ClashSession a = at("A", "2026-03-10T10:00", "2026-03-10T12:00");
    a.facilitatorId = "F1";
    ClashSession b = at("B", "2026-03-10T10:30", "2026-03-10T11:00");
    b.people = {"F1"};
    EXPECT_EQ(findClashes({a, b}), (std::vector<Clash>{{"A", "B", "person", "F1"}}));
    b.facilitatorId = "F1";
    b.people.clear();
    EXPECT_EQ(findClashes({a, b}), (std::vector<Clash>{{"A", "B", "facilitator", "F1"}}));
}

TEST(Clashes, CancelledSessionsAndEmptyAudiencesShareNothing) {
    ClashSession a = at("A", "2026-03-10T10:00", "2026-03-12T12:00"); // spans days
    a.teams = {"East"};
    ClashSession b = at("B", "2026-03-11T09:00", "2026-03-11T10:00");
    b.teams = {"East"};
    EXPECT_EQ(findClashes({a, b}).size(), 1u);
    b.cancelled = true;
    EXPECT_TRUE(findClashes({a, b}).empty());
    b.cancelled = false;
    b.teams.clear();
    EXPECT_TRUE(findClashes({a, b}).empty());
}

TEST(Clashes, ThePeopleInTheRoomAreBookedWaitingOrAttended) {
    BookingOutcome o;
    for (const auto& [id, state] :
         std::vector<std::pair<const char*, BookingState>>{{"A", BookingState::Booked},
                                                           {"B", BookingState::Waiting},
                                                           {"C", BookingState::Attended},
                                                           {"D", BookingState::Cancelled},
                                                           {"E", BookingState::NoShow},
                                                           {"F", BookingState::Apologised}}) {
        Booking b;
        b.employeeId = id;
        b.state = state;
        o.people.push_back(b);
    }
    EXPECT_EQ(peopleForClashes(o), (std::vector<std::string>{"A", "B", "C"}));
}

} // namespace
} // namespace ledger
