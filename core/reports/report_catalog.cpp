#include "reports/report_catalog.h"

#include "ledger.h"
#include "reports/report.h"
#include "reports/session_reports.h"

#include <algorithm>
#include <array>

namespace ledger {

namespace {

constexpr std::array kCatalog{
    ReportInfo{"coverage", "Training coverage",
               "Coverage by team and module, or each person's status, as of a day", true, false,
               false, false, true},
    ReportInfo{"expiring", "Overdue and falling due",
               "Each required module a person is overdue on or falls due on within the window, "
               "by line manager",
               true, false, false, true},
    ReportInfo{"trend", "Coverage trend",
               "Coverage at each month end over a range of months, for everyone, a team or a "
               "module",
               false, false, true},
    ReportInfo{"themes", "Audit themes: reach",
               "Each audit theme's reach over a period: sessions held, completions, CPD, staff "
               "reached",
               false, true},
    ReportInfo{"suggestions", "Practice forum topic suggestions",
               "Open audit themes ranked as forum topics, stale first", true, false, false, false,
               false, true},
    ReportInfo{"bookings", "Bookings and attendance",
               "Each person's booking on each session dated in the range, with attendance", false,
               true},
    ReportInfo{"clashes", "Session clashes",
               "Sessions at the same time sharing a facilitator, a team, a role or a person", false,
               true},
    ReportInfo{"cpd", "Social Work England CPD",
               "Each registered social worker's CPD in the registration year", true, false, false,
               false, false, false, true},
    ReportInfo{"hcpc", "HCPC CPD", "Each HCPC-registered professional's CPD in the cycle", true},
    ReportInfo{"asye", "ASYE", "Each ASYE enrolment: reviews, supervision gaps, outcome", true},
    ReportInfo{"apprenticeships", "Apprenticeships",
               "Each apprenticeship: status, off-the-job hours, reviews, end-point assessment",
               true},
    ReportInfo{"trusted-assessors", "Trusted assessors",
               "Each trusted-assessor authorisation: level, status, categories, refreshers", true},
};

Report single(const ReportInfo& info, std::string subtitle, ReportSheet sheet) {
    Report report;
    report.name = std::string(info.name);
    report.title = std::string(info.title);
    report.subtitle = std::move(subtitle);
    report.sheets.push_back(std::move(sheet));
    return report;
}

ReportResult withTable(Report report, std::string table) {
    return ReportResult{std::move(report), std::move(table)};
}

ReportResult withGenericTable(Report report) {
    std::string table = formatText(report.sheets.front());
    return ReportResult{std::move(report), std::move(table)};
}

std::string asOfLine(Date asOf) {
    return "As of " + formatUk(asOf);
}

std::string periodLine(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to) {
        return "Sessions from " + formatUk(*from) + " to " + formatUk(*to);
    }
    if (from) {
        return "Sessions from " + formatUk(*from);
    }
    if (to) {
        return "Sessions up to " + formatUk(*to);
    }
    return "All sessions";
}

ReportResult coverage(Ledger& ledger, const ReportRequest& r, Date asOf, const Progress* progress) {
    const ComplianceEngine engine = ledger.training().engine(progress);
    if (r.byStaff) {
        const auto rows = staffStatusReport(engine, asOf);
        return withTable(coverageByStaffReport(rows, asOf), formatStaffStatusTable(rows));
    }
    const auto rows = teamCoverageReport(engine, asOf);
    return withTable(coverageByTeamReport(rows, asOf), formatTeamCoverageTable(rows));
}

ReportResult trend(Ledger& ledger, const ReportRequest& r, Date today, const Progress* progress) {
    // By default the 24 months up to the last complete one before today.
    const YearMonth last = r.toMonth.value_or(lastCompleteMonth(today));
    const YearMonth first = r.fromMonth.value_or(addMonths(last, -23));
    if (last < first) {
        throw ReportRequestError("--from " + formatYearMonth(first) + " is after --to " +
                                 formatYearMonth(last));
    }
    const ComplianceEngine engine = ledger.training().engine(progress);
    CoverageSelection selection;
    std::string scope = "All teams";
    if (!r.team.empty()) {
        selection.team = engine.findTeam(r.team);
        if (!selection.team) {
            throw ReportUnknownName("no team named " + r.team + " in the ledger");
        }
        scope = "Team " + r.team;
    }
    if (!r.module.empty()) {
        selection.module = engine.findModule(r.module);
        if (!selection.module) {
            throw ReportUnknownName("no module with code " + r.module + " in the ledger");
        }
        scope += ", module " + r.module;
    } else {
        scope += ", every module";
    }
    return withGenericTable(trendReport(coverageTrend(engine, first, last, selection), scope));
}

ReportResult expiring(Ledger& ledger, const ReportRequest& r, Date asOf, const Progress* progress) {
    if (r.withinDays < 0 || r.withinDays > kMaxExpiringWithinDays) {
        throw ReportRequestError("--within " + std::to_string(r.withinDays) +
                                 " is not a number of days from 0 to " +
                                 std::to_string(kMaxExpiringWithinDays));
    }
    const ComplianceEngine engine = ledger.training().engine(progress);
    const LedgerData records = ledger.training().records();
    return withGenericTable(expiringReport(expiringRows(engine, records.staff, asOf, r.withinDays),
                                           asOf, r.withinDays));
}

ReportResult sessionReport(Ledger& ledger, const ReportInfo& info, const ReportRequest& r,
                           Date today) {
    if (r.from && r.to && *r.to < *r.from) {
        throw ReportRequestError("--from " + formatIso(*r.from) + " is after --to " +
                                 formatIso(*r.to));
    }
    if (info.name == "themes" && (!r.from || !r.to)) {
        throw ReportRequestError("report themes needs --from and --to");
    }
    if (r.periodMonths < 1 || r.periodMonths > 120) {
        throw ReportRequestError("--period-months is from 1 to 120");
    }
    SessionService& sessions = ledger.sessions();
    if (info.name == "bookings") {
        const auto rows = sessions.bookings(r.from, r.to);
        return withTable(single(info, periodLine(r.from, r.to), bookingsSheet(rows)),
                         formatBookingsTable(rows));
    }
    if (info.name == "clashes") {
        const auto rows = sessions.clashes(r.from, r.to);
        return withTable(single(info, periodLine(r.from, r.to), clashesSheet(rows)),
                         formatClashesTable(rows));
    }
    if (info.name == "themes") {
        const auto rows =
            themeReportRows(ledger.themes().all(), sessions.themesWithTouches(), *r.from, *r.to);
        return withTable(
            single(info, "From " + formatUk(*r.from) + " to " + formatUk(*r.to), themesSheet(rows)),
            formatThemesTable(rows));
    }
    const Date day = r.asOf.value_or(today);
    const auto rows = sessions.suggestions(day, r.periodMonths);
    return withTable(single(info,
                            asOfLine(day) + "; stale after " + std::to_string(r.periodMonths) +
                                " months untouched",
                            suggestionsSheet(rows)),
                     formatSuggestionsTable(rows));
}

} // namespace

std::span<const ReportInfo> reportCatalog() {
    return kCatalog;
}

const ReportInfo* findReport(std::string_view name) {
    const auto found = std::find_if(kCatalog.begin(), kCatalog.end(),
                                    [&](const ReportInfo& info) { return info.name == name; });
    return found == kCatalog.end() ? nullptr : &*found;
}

ReportResult runReport(Ledger& ledger, const ReportRequest& request, Date today,
                       const Progress* progress) {
    const ReportInfo* info = findReport(request.name);
    if (!info) {
        throw ReportRequestError("no report named " + request.name);
    }
    const Date asOf = request.asOf.value_or(today);
    const std::string_view name = info->name;
    if (name == "coverage") {
        return coverage(ledger, request, asOf, progress);
    }
    if (name == "trend") {
        return trend(ledger, request, today, progress);
    }
    if (name == "expiring") {
        return expiring(ledger, request, asOf, progress);
    }
    if (name == "bookings" || name == "clashes" || name == "themes" || name == "suggestions") {
        return sessionReport(ledger, *info, request, today);
    }
    if (name == "cpd") {
        const auto rows = ledger.cpd().cpdReport(asOf, request.registrationYear);
        return withTable(single(*info, asOfLine(asOf), cpdSheet(rows)), formatCpdTable(rows));
    }
    if (name == "hcpc") {
        const auto rows = ledger.cpd().hcpcReport(asOf);
        return withTable(single(*info, asOfLine(asOf), hcpcSheet(rows)), formatHcpcTable(rows));
    }
    if (name == "trusted-assessors") {
        const auto rows = ledger.assessors().report(asOf);
        return withTable(single(*info, asOfLine(asOf), trustedAssessorsSheet(rows)),
                         formatTrustedAssessorsTable(rows));
    }
    if (name == "asye") {
        const auto rows = ledger.programmes().asyeReport(asOf);
        return withTable(single(*info, asOfLine(asOf), asyeSheet(rows)), formatAsyeTable(rows));
    }
    const auto rows = ledger.programmes().apprenticeshipReport(asOf);
    return withTable(single(*info, asOfLine(asOf), apprenticeshipsSheet(rows)),
                     formatApprenticeshipsTable(rows));
}

} // namespace ledger
