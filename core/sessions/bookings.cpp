#include "sessions/bookings.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <utility>

namespace ledger {

namespace {

constexpr std::array<std::string_view, 9> kActionCodes{
    "book",    "cancel",       "apologise",      "attend",   "absent",
    "no_show", "set_capacity", "cancel_session", "mark_held"};

/// The replay's working state: people by employee id, and the waiting list in order.
struct Replay {
    std::string_view startsAt;
    SessionStatus status = SessionStatus::Planned;
    std::optional<int> capacity;
    std::string cancelReason;
    std::map<std::string, Booking, std::less<>> people;
    std::deque<std::string> waiting;

    [[nodiscard]] BookingState stateOf(const std::string& id) const {
        const auto it = people.find(id);
        return it == people.end() ? BookingState::None : it->second.state;
    }
    Booking& person(const std::string& id) {
        Booking& b = people[id];
        b.employeeId = id;
        return b;
    }
    [[nodiscard]] int booked() const {
        return static_cast<int>(std::count_if(people.begin(), people.end(), [](const auto& p) {
            return p.second.state == BookingState::Booked;
        }));
    }
    [[nodiscard]] bool placeFree() const { return !capacity || booked() < *capacity; }
    void leaveList(const std::string& id) {
        waiting.erase(std::remove(waiting.begin(), waiting.end(), id), waiting.end());
    }
    /// A held session promotes no one.
    void promote(const std::string& at) {
        if (status != SessionStatus::Planned) {
            return;
        }
        while (!waiting.empty() && placeFree()) {
            Booking& head = person(waiting.front());
            waiting.pop_front();
            head.state = BookingState::Booked;
            head.promotedOn = parseIsoDate(std::string_view(at).substr(0, 10));
        }
    }
};

/// The message refusing `action`, or "" when it is accepted.
std::string refusal(const Replay& r, const BookingAction& action) {
    using Kind = BookingActionKind;
    if (r.status == SessionStatus::Cancelled) {
        return "session is cancelled";
    }
    const bool held = r.status == SessionStatus::Held;
    const bool beforeStart = action.at < r.startsAt;
    const BookingState p = r.stateOf(action.employeeId);
    const bool holdsOrWaits = p == BookingState::Booked || p == BookingState::Waiting;
    switch (action.kind) {
    case Kind::Book:
        if (held) {
            return "session already held";
        }
        if (!beforeStart) {
            return "session has started";
        }
        return holdsOrWaits ? "already booked" : "";
    case Kind::Cancel:
    case Kind::Apologise:
        if (held) {
            return "session already held";
        }
        if (!beforeStart) {
            return "session has started";
        }
        return holdsOrWaits ? "" : "not booked";
    case Kind::Attend:
        if (!held && beforeStart) {
            return "session has not started";
        }
        return p == BookingState::Attended ? "already attended" : "";
    case Kind::Absent:
    case Kind::NoShow:
        if (!held && beforeStart) {
            return "session has not started";
        }
        if (p == BookingState::None || p == BookingState::Waiting || p == BookingState::Cancelled) {
            return "not booked";
        }
        if (action.kind == Kind::Absent && p == BookingState::Absent) {
            return "already absent";
        }
        if (action.kind == Kind::NoShow && p == BookingState::NoShow) {
            return "already no_show";
        }
        return "";
    case Kind::SetCapacity:
    case Kind::CancelSession:
        return held ? "session already held" : "";
    case Kind::MarkHeld:
        if (held) {
            return "session already held";
        }
        return beforeStart ? "session has not started" : "";
    }
    return "";
}

void apply(Replay& r, const BookingAction& action) {
    using Kind = BookingActionKind;
    switch (action.kind) {
    case Kind::Book: {
        Booking& b = r.person(action.employeeId);
        b.walkIn = false;
        b.promotedOn.reset();
        if (r.placeFree()) {
            b.state = BookingState::Booked;
        } else {
            b.state = BookingState::Waiting;
            r.waiting.push_back(action.employeeId);
        }
        break;
    }
    case Kind::Cancel:
    case Kind::Apologise:
        r.person(action.employeeId).state =
            action.kind == Kind::Cancel ? BookingState::Cancelled : BookingState::Apologised;
        r.leaveList(action.employeeId);
        r.promote(action.at);
        break;
    case Kind::Attend:
    case Kind::Absent:
    case Kind::NoShow:
        r.person(action.employeeId).state = action.kind == Kind::Attend   ? BookingState::Attended
                                            : action.kind == Kind::Absent ? BookingState::Absent
                                                                          : BookingState::NoShow;
        r.leaveList(action.employeeId);
        r.status = SessionStatus::Held; // a planned session is held once anyone is marked
        break;
    case Kind::SetCapacity:
        r.capacity = action.capacity;
        r.promote(action.at);
        break;
    case Kind::CancelSession:
        r.status = SessionStatus::Cancelled;
        r.cancelReason = action.reason;
        for (auto& [id, b] : r.people) {
            if (b.state == BookingState::Booked || b.state == BookingState::Waiting) {
                b.state = BookingState::CancelledBySession;
            }
        }
        r.waiting.clear();
        break;
    case Kind::MarkHeld:
        r.status = SessionStatus::Held;
        break;
    }
}

} // namespace

std::string_view sessionStatusCode(SessionStatus status) {
    switch (status) {
    case SessionStatus::Planned:
        return "planned";
    case SessionStatus::Held:
        return "held";
    case SessionStatus::Cancelled:
        return "cancelled";
    }
    return "planned";
}

std::string_view bookingStateCode(BookingState state) {
    constexpr std::array<std::string_view, 9> kCodes{
        "none",     "booked", "waiting", "cancelled",           "apologised",
        "attended", "absent", "no_show", "cancelled_by_session"};
    return kCodes[static_cast<std::size_t>(state)];
}

std::string_view bookingActionCode(BookingActionKind kind) {
    return kActionCodes[static_cast<std::size_t>(kind)];
}

std::optional<BookingActionKind> parseBookingAction(std::string_view code) {
    for (std::size_t i = 0; i < kActionCodes.size(); ++i) {
        if (kActionCodes[i] == code) {
            return static_cast<BookingActionKind>(i);
        }
    }
    return std::nullopt;
}

bool actionNamesAPerson(BookingActionKind kind) {
    return kind != BookingActionKind::SetCapacity && kind != BookingActionKind::CancelSession &&
           kind != BookingActionKind::MarkHeld;
}

const Booking* BookingOutcome::find(std::string_view employeeId) const {
    const auto it =
        std::lower_bound(people.begin(), people.end(), employeeId,
                         [](const Booking& b, std::string_view id) { return b.employeeId < id; });
    return it != people.end() && it->employeeId == employeeId ? &*it : nullptr;
}

int BookingOutcome::bookedCount() const {
    return static_cast<int>(std::count_if(people.begin(), people.end(), [](const Booking& b) {
        return b.state == BookingState::Booked;
    }));
}

BookingOutcome replayBookings(std::string_view startsAt, std::optional<int> capacity,
                              const std::vector<BookingAction>& log) {
    Replay r;
    r.startsAt = startsAt;
    r.capacity = capacity;
    BookingOutcome outcome;
    for (std::size_t i = 0; i < log.size(); ++i) {
        std::string message = refusal(r, log[i]);
        if (!message.empty()) {
            outcome.refused.push_back(RefusedAction{i, std::move(message)});
            continue;
        }
        apply(r, log[i]);
    }
    for (std::size_t i = 0; i < r.waiting.size(); ++i) {
        r.people[r.waiting[i]].waitingPosition = static_cast<int>(i + 1);
    }
    outcome.status = r.status;
    outcome.capacity = r.capacity;
    outcome.cancelReason = r.cancelReason;
    for (auto& [id, b] : r.people) {
        outcome.people.push_back(std::move(b)); // std::map: byte order of the ids
    }
    return outcome;
}

DeliveredChange deliveredChange(bool completionExists, bool madeBySession, bool voided,
                                bool attendedNow) {
    if (!completionExists) {
        return attendedNow ? DeliveredChange::Record : DeliveredChange::None;
    }
    if (!madeBySession) {
        return DeliveredChange::None; // recorded elsewhere: left as it is
    }
    if (attendedNow && voided) {
        return DeliveredChange::Restore;
    }
    if (!attendedNow && !voided) {
        return DeliveredChange::Void;
    }
    return DeliveredChange::None;
}

} // namespace ledger
