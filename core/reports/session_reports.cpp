#include "reports/session_reports.h"

#include "io/csv.h"
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

} // namespace ledger
