#pragma once

// The sessions feature's reports (rules/sessions.md section 8) as data and as the CLI's CSV:
// bookings, clashes and topic suggestions. Computed once, here; the CLI and the app show the
// same rows.

#include "reports/report_table.h"
#include "sessions/bookings.h"
#include "sessions/clashes.h"
#include "themes/reach.h"

#include <optional>
#include <string>
#include <vector>

namespace ledger {

/// A session with its replayed log, as the bookings report reads it.
struct SessionBookings {
    std::string key;
    std::string startsAt;
    BookingOutcome outcome;
};

/// One line of `report bookings`: a person with any accepted action on a session.
struct BookingsRow {
    std::string session;
    std::string startsAt;
    SessionStatus sessionStatus = SessionStatus::Planned;
    std::string employeeId;
    BookingState state = BookingState::None;
    int waitingPosition = 0; ///< only for waiting people
    std::optional<Date> promotedOn;
    bool walkIn = false;
    /// Empty unless the session is held; then `attended`, `apologies` (absent or apologised),
    /// `no_show`, `unmarked` (booked), or empty (waiting, cancelled).
    std::string attendance;

    friend bool operator==(const BookingsRow&, const BookingsRow&) = default;
};

/// The bookings of the sessions dated from `from` to `to` (either open), sorted by
/// starts_at, session, employee id (byte order).
[[nodiscard]] std::vector<BookingsRow> bookingsRows(const std::vector<SessionBookings>& sessions,
                                                    std::optional<Date> from,
                                                    std::optional<Date> to);

/// One line of `report themes`: a theme and its reach over the period.
struct ThemeReportRow {
    std::string key;
    std::string title;
    ThemeSource source = ThemeSource::CaseFileAudit;
    ThemePriority priority = ThemePriority::Medium;
    ThemeStatus status = ThemeStatus::Open;
    ThemeReach reach;

    friend bool operator==(const ThemeReportRow&, const ThemeReportRow&) = default;
};

/// Every theme with its reach over [from, to] (section 6), sorted by key (byte order);
/// `touches` holds each theme's touches by key.
[[nodiscard]] std::vector<ThemeReportRow>
themeReportRows(const std::vector<AuditTheme>& themes, const std::vector<ThemeWithTouches>& touches,
                Date from, Date to);

[[nodiscard]] std::string formatThemesCsv(const std::vector<ThemeReportRow>& rows);
// The same rows as plain-text tables for a terminal (`--format table`).
[[nodiscard]] std::string formatBookingsTable(const std::vector<BookingsRow>& rows);
[[nodiscard]] std::string formatClashesTable(const std::vector<Clash>& clashes);
[[nodiscard]] std::string formatThemesTable(const std::vector<ThemeReportRow>& rows);
[[nodiscard]] std::string formatSuggestionsTable(const std::vector<TopicSuggestion>& suggestions);

// As sheets (report_table.h): the CSV's columns, for every format to show.
[[nodiscard]] ReportSheet bookingsSheet(const std::vector<BookingsRow>& rows);
[[nodiscard]] ReportSheet clashesSheet(const std::vector<Clash>& clashes);
[[nodiscard]] ReportSheet themesSheet(const std::vector<ThemeReportRow>& rows);
[[nodiscard]] ReportSheet suggestionsSheet(const std::vector<TopicSuggestion>& suggestions);

[[nodiscard]] std::string formatBookingsCsv(const std::vector<BookingsRow>& rows);
[[nodiscard]] std::string formatClashesCsv(const std::vector<Clash>& clashes);
[[nodiscard]] std::string formatSuggestionsCsv(const std::vector<TopicSuggestion>& suggestions);

} // namespace ledger
