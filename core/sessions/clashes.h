#pragma once

// Clash warnings between sessions (rules/sessions.md section 4): two sessions that overlap in
// time and share a facilitator, a target team or role, or a person. Warned about, never
// forbidden. Pure.

#include "sessions/bookings.h"

#include <string>
#include <vector>

namespace ledger {

/// What the clash rules need of one session.
struct ClashSession {
    std::string key;
    std::string startsAt; ///< wall-clock `YYYY-MM-DDTHH:MM`
    std::string endsAt;
    bool cancelled = false;
    std::string facilitatorId; ///< empty when none
    std::vector<std::string> teams;
    std::vector<std::string> roles;
    /// The employees booked, waiting or attended (from its replayed log).
    std::vector<std::string> people;
};

/// The people a replayed log puts in the room for clash purposes: booked, waiting, attended.
[[nodiscard]] std::vector<std::string> peopleForClashes(const BookingOutcome& outcome);

/// One thing two overlapping sessions share.
struct Clash {
    std::string session; ///< the smaller key (byte order)
    std::string other;
    std::string shared; ///< `facilitator`, `team`, `role` or `person`
    std::string value;  ///< the employee id, team or role

    friend bool operator==(const Clash&, const Clash&) = default;
};

/// Every clash among `sessions`, sorted by session, other, shared, value (byte order).
[[nodiscard]] std::vector<Clash> findClashes(const std::vector<ClashSession>& sessions);

} // namespace ledger
