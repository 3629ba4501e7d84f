#pragma once

// How a session, its status and a person's booking are put in words, the same on every page
// (the agenda, a theme's page, a person's page).

#include "sessions/bookings.h"
#include "sessions/session.h"
#include "themes/theme.h"

#include <QString>

namespace sessionwords {

[[nodiscard]] QString statusWord(ledger::SessionStatus status);
[[nodiscard]] QString priorityWord(ledger::ThemePriority priority);
[[nodiscard]] QString kindWord(ledger::SessionKind kind);
/// A person's booking in words, e.g. "Waiting (2 in the queue)".
[[nodiscard]] QString stateWord(const ledger::Booking& booking);
/// `dd/MM/yyyy 10:00–12:00` of a session.
[[nodiscard]] QString whenOf(const ledger::LearningSession& session);
/// "3 of 20 places booked, 2 waiting".
[[nodiscard]] QString placesOf(const ledger::BookingOutcome& outcome);
/// The same, short for a column: "3 of 20, 2 waiting", "3 (no limit)".
[[nodiscard]] QString placesShort(const ledger::BookingOutcome& outcome);
/// `dd/MM/yyyy HH:MM`: when a session starts.
[[nodiscard]] QString startOf(const ledger::LearningSession& session);

} // namespace sessionwords
