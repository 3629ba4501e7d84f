#include "reports/session_reports.h"

#include "io/csv.h"
#include "reports/report.h"
#include "sessions/series.h"

#include <algorithm>
#include <tuple>

namespace ledger {

namespace {

std::string attendanceOf(SessionStatus status, BookingState state) {
    if (status != SessionStatus::Held) {
        return {};
    }
    switch (state) {
    case BookingState::Attended:
        return "attended";
    case BookingState::Absent:
    case BookingState::Apologised:
        return "apologies";
    case BookingState::NoShow:
        return "no_show";
    case BookingState::Booked:
        return "unmarked";
    default:
        return {};
    }
}

std::string iso(const std::optional<Date>& date) {
    return date ? formatIso(*date) : std::string();
}

} // namespace

std::vector<BookingsRow> bookingsRows(const std::vector<SessionBookings>& sessions,
                                      std::optional<Date> from, std::optional<Date> to) {
    std::vector<BookingsRow> rows;
    for (const SessionBookings& s : sessions) {
        const std::optional<Date> day = dateOf(s.startsAt);
        if (!day || (from && *day < *from) || (to && *day > *to)) {
            continue;
        }
        for (const Booking& b : s.outcome.people) {
            if (b.state == BookingState::None) {
                continue;
            }
            BookingsRow row;
            row.session = s.key;
            row.startsAt = s.startsAt;
            row.sessionStatus = s.outcome.status;
            row.employeeId = b.employeeId;
            row.state = b.state;
            row.waitingPosition = b.state == BookingState::Waiting ? b.waitingPosition : 0;
            row.promotedOn = b.promotedOn;
            row.walkIn = b.walkIn;
            row.attendance = attendanceOf(s.outcome.status, b.state);
            rows.push_back(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const BookingsRow& a, const BookingsRow& b) {
        return std::tie(a.startsAt, a.session, a.employeeId) <
               std::tie(b.startsAt, b.session, b.employeeId);
    });
    return rows;
}

std::string formatBookingsCsv(const std::vector<BookingsRow>& rows) {
    std::string out = "session,starts_at,session_status,employee_id,state,waiting_position,"
                      "promoted_on,walk_in,attendance\n";
    for (const BookingsRow& r : rows) {
        out += csvLine({spreadsheetSafe(r.session), r.startsAt,
                        std::string(sessionStatusCode(r.sessionStatus)),
                        spreadsheetSafe(r.employeeId), std::string(bookingStateCode(r.state)),
                        r.waitingPosition > 0 ? std::to_string(r.waitingPosition) : "",
                        iso(r.promotedOn), r.walkIn ? "yes" : "no", r.attendance});
    }
    return out;
}

std::string formatClashesCsv(const std::vector<Clash>& clashes) {
    std::string out = "session,other,shared,value\n";
    for (const Clash& c : clashes) {
        out += csvLine({spreadsheetSafe(c.session), spreadsheetSafe(c.other), c.shared,
                        spreadsheetSafe(c.value)});
    }
    return out;
}

std::vector<ThemeReportRow> themeReportRows(const std::vector<AuditTheme>& themes,
                                            const std::vector<ThemeWithTouches>& touches, Date from,
                                            Date to) {
    std::vector<ThemeReportRow> rows;
    for (const AuditTheme& t : themes) {
        ThemeReportRow row{t.key, t.title, t.source, t.priority, t.status, {}};
        const auto found = std::find_if(touches.begin(), touches.end(),
                                        [&](const ThemeWithTouches& w) { return w.key == t.key; });
        row.reach = themeReach(found != touches.end() ? found->touches : std::vector<ThemeTouch>{},
                               from, to);
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const ThemeReportRow& a, const ThemeReportRow& b) { return a.key < b.key; });
    return rows;
}

std::string formatThemesCsv(const std::vector<ThemeReportRow>& rows) {
    std::string out = "theme,title,source,priority,status,sessions_held,completions,cpd_entries,"
                      "staff_reached,last_touched_on\n";
    for (const ThemeReportRow& r : rows) {
        out += csvLine({spreadsheetSafe(r.key), spreadsheetSafe(r.title), themeSourceCode(r.source),
                        themePriorityCode(r.priority), themeStatusCode(r.status),
                        std::to_string(r.reach.sessionsHeld), std::to_string(r.reach.completions),
                        std::to_string(r.reach.cpdEntries), std::to_string(r.reach.staffReached),
                        iso(r.reach.lastTouchedOn)});
    }
    return out;
}

std::string formatSuggestionsCsv(const std::vector<TopicSuggestion>& suggestions) {
    std::string out = "rank,theme,title,priority,status,stale,last_touched_on,staff_reached\n";
    for (const TopicSuggestion& s : suggestions) {
        out +=
            csvLine({std::to_string(s.rank), spreadsheetSafe(s.key), spreadsheetSafe(s.title),
                     themePriorityCode(s.priority), themeStatusCode(s.status),
                     s.stale ? "yes" : "no", iso(s.lastTouchedOn), std::to_string(s.staffReached)});
    }
    return out;
}

std::string formatBookingsTable(const std::vector<BookingsRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const BookingsRow& r : rows) {
        cells.push_back({r.session, r.startsAt, std::string(sessionStatusCode(r.sessionStatus)),
                         r.employeeId, std::string(bookingStateCode(r.state)),
                         r.waitingPosition > 0 ? std::to_string(r.waitingPosition) : "",
                         r.promotedOn ? formatUk(*r.promotedOn) : "", r.walkIn ? "yes" : "no",
                         r.attendance});
    }
    return formatTable({"Session", "Starts", "Status", "Employee", "State", "Waiting",
                        "Promoted on", "Walk-in", "Attendance"},
                       std::move(cells),
                       {false, false, false, false, false, true, false, false, false});
}

std::string formatClashesTable(const std::vector<Clash>& clashes) {
    std::vector<std::vector<std::string>> cells;
    for (const Clash& c : clashes) {
        cells.push_back({c.session, c.other, c.shared, c.value});
    }
    return formatTable({"Session", "Other", "Shared", "Value"}, std::move(cells),
                       {false, false, false, false});
}

std::string formatThemesTable(const std::vector<ThemeReportRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const ThemeReportRow& r : rows) {
        cells.push_back({r.key, r.title, themeSourceCode(r.source), themePriorityCode(r.priority),
                         themeStatusCode(r.status), std::to_string(r.reach.sessionsHeld),
                         std::to_string(r.reach.completions), std::to_string(r.reach.cpdEntries),
                         std::to_string(r.reach.staffReached),
                         r.reach.lastTouchedOn ? formatUk(*r.reach.lastTouchedOn) : ""});
    }
    return formatTable({"Theme", "Title", "Source", "Priority", "Status", "Sessions held",
                        "Completions", "CPD entries", "Staff reached", "Last touched"},
                       std::move(cells),
                       {false, false, false, false, false, true, true, true, true, false});
}

std::string formatSuggestionsTable(const std::vector<TopicSuggestion>& suggestions) {
    std::vector<std::vector<std::string>> cells;
    for (const TopicSuggestion& s : suggestions) {
        cells.push_back({std::to_string(s.rank), s.key, s.title, themePriorityCode(s.priority),
                         themeStatusCode(s.status), s.stale ? "yes" : "no",
                         s.lastTouchedOn ? formatUk(*s.lastTouchedOn) : "",
                         std::to_string(s.staffReached)});
    }
    return formatTable(
        {"Rank", "Theme", "Title", "Priority", "Status", "Stale", "Last touched", "Staff reached"},
        std::move(cells), {true, false, false, false, false, false, false, true});
}

} // namespace ledger
