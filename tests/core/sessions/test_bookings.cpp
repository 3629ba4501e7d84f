// The booking replay (rules/sessions.md section 3), proved on the rules page's worked
// examples (section 10, "Bookings") and on each refusal's message.

#include "sessions/bookings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger {
namespace {

// Session S: 2026-03-10T10:00 to 12:00, capacity 2. dN is 2026-03-0NT09:00; a bare time is
// on 10 March.
constexpr const char* kStart = "2026-03-10T10:00";

std::string d(int n) {
    return "2026-03-0" + std::to_string(n) + "T09:00";
}
std::string on10th(const char* time) {
    return std::string("2026-03-10T") + time;
}

BookingAction act(std::string at, BookingActionKind kind, const char* who = "") {
    BookingAction a;
    a.at = std::move(at);
    a.kind = kind;
    a.employeeId = who;
    return a;
}
BookingAction capacity(std::string at, std::optional<int> value) {
    BookingAction a = act(std::move(at), BookingActionKind::SetCapacity);
    a.capacity = value;
    return a;
}

using K = BookingActionKind;
using S = BookingState;

/// Every example starts with d1 book A, book B, book C.
BookingOutcome example(std::vector<BookingAction> then) {
    std::vector<BookingAction> log{act(d(1), K::Book, "A"), act(d(1), K::Book, "B"),
                                   act(d(1), K::Book, "C")};
    log.insert(log.end(), then.begin(), then.end());
    return replayBookings(kStart, 2, log);
}

S stateOf(const BookingOutcome& o, const char* who) {
    const Booking* b = o.find(who);
    return b ? b->state : S::None;
}
int waitingOf(const BookingOutcome& o, const char* who) {
    return o.find(who)->waitingPosition;
}
std::optional<Date> promotedOf(const BookingOutcome& o, const char* who) {
    return o.find(who)->promotedOn;
}

TEST(Bookings, Example1TwoPlacesThreeBookings) {
    const BookingOutcome o = example({});
    EXPECT_EQ(stateOf(o, "A"), S::Booked);
    EXPECT_EQ(stateOf(o, "B"), S::Booked);
    EXPECT_EQ(stateOf(o, "C"), S::Waiting);
    EXPECT_EQ(waitingOf(o, "C"), 1);
    EXPECT_EQ(o.status, SessionStatus::Planned);
    EXPECT_TRUE(o.refused.empty());
}

TEST(Bookings, Example2ACancellationPromotesTheHeadOfTheList) {
    const BookingOutcome o = example({act(d(2), K::Book, "D"), act(d(3), K::Cancel, "A")});
    EXPECT_EQ(stateOf(o, "A"), S::Cancelled);
    EXPECT_EQ(stateOf(o, "B"), S::Booked);
    EXPECT_EQ(stateOf(o, "C"), S::Booked);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 3));
    EXPECT_EQ(stateOf(o, "D"), S::Waiting);
    EXPECT_EQ(waitingOf(o, "D"), 1);
}

TEST(Bookings, Example3AnApologyPromotesToo) {
    const BookingOutcome o = example({act(d(2), K::Apologise, "B")});
    EXPECT_EQ(stateOf(o, "B"), S::Apologised);
    EXPECT_EQ(stateOf(o, "C"), S::Booked);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 2));
}

TEST(Bookings, Example4MorePlacesPromoteAsManyAsFit) {
    const BookingOutcome o = example({act(d(2), K::Book, "D"), capacity(d(4), 3)});
    EXPECT_EQ(stateOf(o, "C"), S::Booked);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 4));
    EXPECT_EQ(stateOf(o, "D"), S::Waiting);
    EXPECT_EQ(waitingOf(o, "D"), 1);
}

TEST(Bookings, Example5UnlimitedPlacesPromoteEveryone) {
    const BookingOutcome o = example({act(d(2), K::Book, "D"), capacity(d(4), std::nullopt)});
    EXPECT_EQ(stateOf(o, "C"), S::Booked);
    EXPECT_EQ(stateOf(o, "D"), S::Booked);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 4));
    EXPECT_EQ(promotedOf(o, "D"), makeDate(2026, 3, 4));
    EXPECT_EQ(o.capacity, std::nullopt);
}

TEST(Bookings, Example6FewerPlacesMoveNoOneUntilFewerAreBooked) {
    std::vector<BookingAction> then{capacity(d(2), 1)};
    BookingOutcome o = example(then);
    EXPECT_EQ(stateOf(o, "A"), S::Booked);
    EXPECT_EQ(stateOf(o, "B"), S::Booked);
    then.push_back(act(d(3), K::Cancel, "B"));
    o = example(then);
    EXPECT_EQ(stateOf(o, "C"), S::Waiting);
    EXPECT_EQ(waitingOf(o, "C"), 1);
    then.push_back(act(d(4), K::Cancel, "A"));
    o = example(then);
    EXPECT_EQ(stateOf(o, "C"), S::Booked);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 4));
}

TEST(Bookings, Example7RebookingJoinsTheEndOfTheList) {
    const BookingOutcome o = example({act(d(2), K::Cancel, "C"), act(d(3), K::Book, "C")});
    EXPECT_EQ(stateOf(o, "C"), S::Waiting);
    EXPECT_EQ(waitingOf(o, "C"), 1);
    EXPECT_EQ(promotedOf(o, "C"), std::nullopt);
    EXPECT_EQ(stateOf(o, "A"), S::Booked);
}

TEST(Bookings, Example8AFreedPlaceGoesToTheListNotTheOneWhoLeft) {
    const BookingOutcome o = example({act(d(2), K::Cancel, "A"), act(d(3), K::Book, "A")});
    EXPECT_EQ(stateOf(o, "C"), S::Booked);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 2));
    EXPECT_EQ(stateOf(o, "A"), S::Waiting);
    EXPECT_EQ(waitingOf(o, "A"), 1);
}

TEST(Bookings, Example9ACancelledSessionKeepsItsBookingsAndTakesNoMore) {
    BookingAction cancel = act(d(5), K::CancelSession);
    cancel.reason = "speaker ill";
    const BookingOutcome o = example({cancel, act(d(6), K::Book, "E")});
    EXPECT_EQ(o.status, SessionStatus::Cancelled);
    EXPECT_EQ(o.cancelReason, "speaker ill");
    for (const char* who : {"A", "B", "C"}) {
        EXPECT_EQ(stateOf(o, who), S::CancelledBySession) << who;
        EXPECT_EQ(waitingOf(o, who), 0) << who;
    }
    EXPECT_EQ(o.refused, (std::vector<RefusedAction>{{4, "session is cancelled"}}));
    EXPECT_EQ(o.find("E"), nullptr);
}

TEST(Bookings, Example10AttendanceAtTheDoorHoldsTheSession) {
    const BookingOutcome o =
        example({act(on10th("10:05"), K::Attend, "A"), act(on10th("10:05"), K::Attend, "E"),
                 act(on10th("10:06"), K::NoShow, "B")});
    EXPECT_EQ(o.status, SessionStatus::Held);
    EXPECT_EQ(stateOf(o, "A"), S::Attended);
    EXPECT_EQ(stateOf(o, "B"), S::NoShow);
    EXPECT_EQ(stateOf(o, "C"), S::Waiting); // a held session promotes no one
    EXPECT_EQ(waitingOf(o, "C"), 1);
    EXPECT_EQ(stateOf(o, "E"), S::Attended);
    EXPECT_TRUE(o.find("E")->walkIn);
    EXPECT_FALSE(o.find("A")->walkIn);
    EXPECT_TRUE(o.refused.empty());
}

TEST(Bookings, Example11RefusalsSayWhy) {
    EXPECT_EQ(example({act(d(2), K::Book, "A")}).refused,
              (std::vector<RefusedAction>{{3, "already booked"}}));
    EXPECT_EQ(example({act(on10th("09:59"), K::Attend, "A")}).refused,
              (std::vector<RefusedAction>{{3, "session has not started"}}));
    EXPECT_EQ(example({act(on10th("10:00"), K::Cancel, "A")}).refused,
              (std::vector<RefusedAction>{{3, "session has started"}}));
}

TEST(Bookings, EveryOtherRefusalHasItsMessageAndChangesNothing) {
    const auto refusedWith = [](std::vector<BookingAction> then) {
        const BookingOutcome o = example(then);
        return o.refused.empty() ? std::string() : o.refused.back().message;
    };
    EXPECT_EQ(refusedWith({act(d(2), K::Cancel, "Z")}), "not booked");
    EXPECT_EQ(refusedWith({act(on10th("10:05"), K::Absent, "Z")}), "not booked");
    EXPECT_EQ(refusedWith({act(on10th("10:05"), K::Absent, "C")}), "not booked"); // waiting
    EXPECT_EQ(
        refusedWith({act(on10th("10:05"), K::Absent, "A"), act(on10th("10:06"), K::Absent, "A")}),
        "already absent");
    EXPECT_EQ(
        refusedWith({act(on10th("10:05"), K::NoShow, "A"), act(on10th("10:06"), K::NoShow, "A")}),
        "already no_show");
    EXPECT_EQ(
        refusedWith({act(on10th("10:05"), K::Attend, "A"), act(on10th("10:06"), K::Attend, "A")}),
        "already attended");
    EXPECT_EQ(refusedWith({act(on10th("10:05"), K::MarkHeld), act(on10th("10:06"), K::MarkHeld)}),
              "session already held");
    EXPECT_EQ(refusedWith({act(d(2), K::MarkHeld)}), "session has not started");
    EXPECT_EQ(refusedWith({act(on10th("10:05"), K::MarkHeld), capacity(on10th("10:06"), 5)}),
              "session already held");
    EXPECT_EQ(
        refusedWith({act(on10th("10:05"), K::Attend, "A"), act(on10th("10:06"), K::Book, "Q")}),
        "session already held");
    // A refused action changes nothing: the same outcome as without it.
    BookingOutcome with = example({act(d(2), K::Cancel, "Z")});
    with.refused.clear();
    EXPECT_EQ(with.people, example({}).people);
}

TEST(Bookings, PromotedOnStaysThroughLaterStatesUntilTheNextBook) {
    const BookingOutcome o = example({act(d(2), K::Cancel, "A"), act(d(3), K::Cancel, "C"),
                                      act(on10th("10:05"), K::Attend, "C")});
    EXPECT_EQ(stateOf(o, "C"), S::Attended);
    EXPECT_EQ(promotedOf(o, "C"), makeDate(2026, 3, 2));
    const BookingOutcome again =
        example({act(d(2), K::Cancel, "A"), act(d(3), K::Cancel, "C"), act(d(4), K::Book, "C")});
    EXPECT_EQ(promotedOf(again, "C"), std::nullopt);
    EXPECT_EQ(stateOf(again, "C"), S::Booked);
}

TEST(Bookings, Example12ADeliveredModuleIsRecordedAtTheDoorAndVoidedWhenWithdrawn) {
    // S delivers FIRE; 10:05 attend A; 10:10 no_show A.
    const std::vector<BookingAction> first{act(d(1), K::Book, "A"),
                                           act(on10th("10:05"), K::Attend, "A")};
    const BookingOutcome attended = replayBookings(kStart, 2, first);
    const bool attendedNow = stateOf(attended, "A") == S::Attended;
    EXPECT_EQ(deliveredChange(false, false, false, attendedNow), DeliveredChange::Record);
    std::vector<BookingAction> then = first;
    then.push_back(act(on10th("10:10"), K::NoShow, "A"));
    const BookingOutcome withdrawn = replayBookings(kStart, 2, then);
    EXPECT_EQ(stateOf(withdrawn, "A"), S::NoShow);
    // The completion the session made (A, FIRE, 2026-03-10) is voided...
    EXPECT_EQ(deliveredChange(true, true, false, false), DeliveredChange::Void);
    // ...counts again if A is marked attended again (here or at another session of FIRE
    // that day), and one recorded elsewhere is never touched.
    EXPECT_EQ(deliveredChange(true, true, true, true), DeliveredChange::Restore);
    EXPECT_EQ(deliveredChange(true, false, false, false), DeliveredChange::None);
    EXPECT_EQ(deliveredChange(true, false, true, true), DeliveredChange::None);
    EXPECT_EQ(deliveredChange(true, true, false, true), DeliveredChange::None);
    EXPECT_EQ(deliveredChange(false, false, false, false), DeliveredChange::None);
}

TEST(Bookings, CodesRoundTrip) {
    for (int i = 0; i <= static_cast<int>(K::MarkHeld); ++i) {
        const auto kind = static_cast<K>(i);
        EXPECT_EQ(parseBookingAction(bookingActionCode(kind)), kind);
    }
    EXPECT_EQ(parseBookingAction("Book"), std::nullopt);
    EXPECT_EQ(bookingStateCode(S::CancelledBySession), "cancelled_by_session");
    EXPECT_EQ(sessionStatusCode(SessionStatus::Held), "held");
}

} // namespace
} // namespace ledger
