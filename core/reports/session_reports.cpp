#include "reports/session_reports.h"

#include "io/csv.h"
#include "reports/report.h"
#include "reports/report_table.h"
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

ReportSheet bookingsSheet(const std::vector<BookingsRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Bookings";
    sheet.columns = {{"session", "Session", CellKind::Text, 0, 2.0},
                     {"starts_at", "Starts", CellKind::Code, 0, 1.6},
                     {"session_status", "Session status", CellKind::Code},
                     {"employee_id", "Employee", CellKind::Text},
                     {"state", "Booking", CellKind::Code},
                     {"waiting_position", "Waiting", CellKind::Integer, 0, 0.7},
                     {"promoted_on", "Promoted", CellKind::Day},
                     {"walk_in", "Walk-in", CellKind::Code, 0, 0.7},
                     {"attendance", "Attendance", CellKind::Code}};
    for (const BookingsRow& r : rows) {
        sheet.rows.push_back(
            {textCell(r.session), codeCell(r.startsAt),
             codeCell(std::string(sessionStatusCode(r.sessionStatus))), textCell(r.employeeId),
             codeCell(std::string(bookingStateCode(r.state))),
             r.waitingPosition > 0 ? integerCell(r.waitingPosition) : emptyCell(),
             dateCell(r.promotedOn), codeCell(r.walkIn ? "yes" : "no"),
             codeCell(r.attendance, {},
                      r.attendance == "no_show" ? CellTone::Bad : CellTone::None)});
    }
    return sheet;
}

std::string formatBookingsCsv(const std::vector<BookingsRow>& rows) {
    return formatCsv(bookingsSheet(rows));
}

ReportSheet clashesSheet(const std::vector<Clash>& clashes) {
    ReportSheet sheet;
    sheet.title = "Clashes";
    sheet.columns = {{"session", "Session", CellKind::Text, 0, 2.0},
                     {"other", "Clashes with", CellKind::Text, 0, 2.0},
                     {"shared", "Shared", CellKind::Code},
                     {"value", "Who", CellKind::Text, 0, 2.0}};
    for (const Clash& c : clashes) {
        sheet.rows.push_back(
            {textCell(c.session), textCell(c.other), codeCell(c.shared), textCell(c.value)});
    }
    return sheet;
}

std::string formatClashesCsv(const std::vector<Clash>& clashes) {
    return formatCsv(clashesSheet(clashes));
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

ReportSheet themesSheet(const std::vector<ThemeReportRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Audit themes";
    sheet.columns = {{"theme", "Theme", CellKind::Text},
                     {"title", "Title", CellKind::Text, 0, 3.0},
                     {"source", "Source", CellKind::Code, 0, 1.5},
                     {"priority", "Priority", CellKind::Code},
                     {"status", "Status", CellKind::Code},
                     {"sessions_held", "Sessions held", CellKind::Integer},
                     {"completions", "Completions", CellKind::Integer},
                     {"cpd_entries", "CPD entries", CellKind::Integer},
                     {"staff_reached", "Staff reached", CellKind::Integer},
                     {"last_touched_on", "Last touched", CellKind::Day}};
    for (const ThemeReportRow& r : rows) {
        sheet.rows.push_back(
            {textCell(r.key), textCell(r.title), codeCell(themeSourceCode(r.source)),
             codeCell(themePriorityCode(r.priority)), codeCell(themeStatusCode(r.status)),
             integerCell(r.reach.sessionsHeld), integerCell(r.reach.completions),
             integerCell(r.reach.cpdEntries), integerCell(r.reach.staffReached),
             dateCell(r.reach.lastTouchedOn)});
    }
    return sheet;
}

std::string formatThemesCsv(const std::vector<ThemeReportRow>& rows) {
    return formatCsv(themesSheet(rows));
}

ReportSheet suggestionsSheet(const std::vector<TopicSuggestion>& suggestions) {
    ReportSheet sheet;
    sheet.title = "Forum topic suggestions";
    sheet.columns = {{"rank", "Rank", CellKind::Integer, 0, 0.6},
                     {"theme", "Theme", CellKind::Text},
                     {"title", "Title", CellKind::Text, 0, 3.0},
                     {"priority", "Priority", CellKind::Code},
                     {"status", "Status", CellKind::Code},
                     {"stale", "Stale", CellKind::Code, 0, 0.6},
                     {"last_touched_on", "Last touched", CellKind::Day},
                     {"staff_reached", "Staff reached", CellKind::Integer}};
    for (const TopicSuggestion& s : suggestions) {
        sheet.rows.push_back(
            {integerCell(s.rank), textCell(s.key), textCell(s.title),
             codeCell(themePriorityCode(s.priority)), codeCell(themeStatusCode(s.status)),
             codeCell(s.stale ? "yes" : "no", {}, s.stale ? CellTone::Warning : CellTone::None),
             dateCell(s.lastTouchedOn), integerCell(s.staffReached)});
    }
    return sheet;
}

std::string formatSuggestionsCsv(const std::vector<TopicSuggestion>& suggestions) {
    return formatCsv(suggestionsSheet(suggestions));
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
