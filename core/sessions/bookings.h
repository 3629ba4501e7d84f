#pragma once

// A session's bookings as the result of replaying its action log (rules/sessions.md section
// 3): who holds a place, who waits and in what order, who was promoted when, who attended,
// and each refused action with its message. Pure: no storage, no clock; date-times are
// Europe/London wall-clock text `YYYY-MM-DDTHH:MM`, compared as strings.

#include "base/date.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class SessionStatus { Planned, Held, Cancelled };

/// `planned`, `held`, `cancelled`.
[[nodiscard]] std::string_view sessionStatusCode(SessionStatus status);

enum class BookingState {
    None,
    Booked,
    Waiting,
    Cancelled,
    Apologised,
    Attended,
    Absent,
    NoShow,
    CancelledBySession,
};

/// `none`, `booked`, `waiting`, `cancelled`, `apologised`, `attended`, `absent`, `no_show`,
/// `cancelled_by_session`.
[[nodiscard]] std::string_view bookingStateCode(BookingState state);

enum class BookingActionKind {
    Book,
    Cancel,
    Apologise,
    Attend,
    Absent,
    NoShow,
    SetCapacity,
    CancelSession,
    MarkHeld,
};

/// `book`, `cancel`, `apologise`, `attend`, `absent`, `no_show`, `set_capacity`,
/// `cancel_session`, `mark_held`.
[[nodiscard]] std::string_view bookingActionCode(BookingActionKind kind);
[[nodiscard]] std::optional<BookingActionKind> parseBookingAction(std::string_view code);
/// True for the actions that name a person (all but set_capacity, cancel_session and
/// mark_held).
[[nodiscard]] bool actionNamesAPerson(BookingActionKind kind);

/// One entry of a session's action log.
struct BookingAction {
    std::string at; ///< `YYYY-MM-DDTHH:MM`, never before the previous action's
    BookingActionKind kind = BookingActionKind::Book;
    std::string employeeId;      ///< empty for the session's own actions
    std::optional<int> capacity; ///< set_capacity: the new capacity (nullopt: unlimited)
    std::string reason;          ///< cancel_session: why

    friend bool operator==(const BookingAction&, const BookingAction&) = default;
};

/// One person's place in a session after the replay.
struct Booking {
    std::string employeeId;
    BookingState state = BookingState::None;
    int waitingPosition = 0;        ///< 1 for the head of the list; 0 when not waiting
    std::optional<Date> promotedOn; ///< the day a freed place came to them
    bool walkIn = true;             ///< the log has no `book` by them

    friend bool operator==(const Booking&, const Booking&) = default;
};

/// An action the replay refused: its place in the log and the rules' message.
struct RefusedAction {
    std::size_t index = 0;
    std::string message;

    friend bool operator==(const RefusedAction&, const RefusedAction&) = default;
};

/// A session's state after its log.
struct BookingOutcome {
    SessionStatus status = SessionStatus::Planned;
    std::optional<int> capacity; ///< nullopt: unlimited
    std::string cancelReason;
    std::vector<Booking> people; ///< everyone with an accepted action, by employee id (bytes)
    std::vector<RefusedAction> refused;

    /// The person's booking, or nullptr when they have no accepted action.
    [[nodiscard]] const Booking* find(std::string_view employeeId) const;
    /// How many people hold a place.
    [[nodiscard]] int bookedCount() const;
};

/// Replays `log` in order on a session that starts at `startsAt` and was created planned
/// with `capacity` (nullopt: unlimited). A refused action changes nothing and is listed
/// with its message; the replay goes on.
[[nodiscard]] BookingOutcome replayBookings(std::string_view startsAt, std::optional<int> capacity,
                                            const std::vector<BookingAction>& log);

/// What the delivered-module rule (section 3) does to the completion of module M on a
/// session's date for one person.
enum class DeliveredChange {
    None,    ///< nothing to do
    Record,  ///< record a completion (evidence `session KEY`), not void
    Void,    ///< void the completion a session made (reason `attendance withdrawn`)
    Restore, ///< make the completion a session made count again
};

/// The change for a person, given the completion of (person, M, date) held now, if any, and
/// whether it was made by a session (its evidence `session KEY` names a session delivering M
/// that day), and whether the person is `attended` at any session delivering M that day. A
/// completion from elsewhere is left as it is; a session makes one only where none exists,
/// void or not.
[[nodiscard]] DeliveredChange deliveredChange(bool completionExists, bool madeBySession,
                                              bool voided, bool attendedNow);

} // namespace ledger
