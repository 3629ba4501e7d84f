#include "reports/coverage_reports.h"

#include "base/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace ledger {

void pool(CoverageCell& into, const CoverageCell& cell) {
    into.required += cell.required;
    into.compliant += cell.compliant;
    into.dueSoon += cell.dueSoon;
    into.overdue += cell.overdue;
    into.notYetDue += cell.notYetDue;
}

namespace {

std::optional<Date> dayOrNone(DayNumber day) {
    return day == kNoDay ? std::nullopt : std::optional<Date>(fromDayNumber(day));
}

ReportColumn column(std::string name, std::string label, CellKind kind, double width = 1.0) {
    return ReportColumn{std::move(name), std::move(label), kind, 0, width};
}

ReportColumn percentColumn() {
    return ReportColumn{"coverage_percent", "Coverage %", CellKind::Decimal, 1, 1.0};
}

/// The five counts and the percentage of a coverage cell, in the contracts' order.
std::vector<ReportColumn> countColumns() {
    return {column("required", "Required", CellKind::Integer),
            column("compliant", "Compliant", CellKind::Integer),
            column("due_soon", "Due soon", CellKind::Integer),
            column("overdue", "Overdue", CellKind::Integer),
            column("not_yet_due", "Not yet due", CellKind::Integer),
            percentColumn()};
}

void putCounts(std::vector<ReportCell>& row, const CoverageCell& cell) {
    row.push_back(integerCell(cell.required));
    row.push_back(integerCell(cell.compliant));
    row.push_back(integerCell(cell.dueSoon));
    row.push_back(integerCell(cell.overdue, cell.overdue > 0 ? CellTone::Bad : CellTone::None));
    row.push_back(integerCell(cell.notYetDue));
    row.push_back(decimalCell(cell.percentTenths()));
}

std::string asOfLine(Date asOf) {
    return "As of " + formatUk(asOf);
}

} // namespace

std::optional<YearMonth> parseYearMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') {
        return std::nullopt;
    }
    const auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2))) {
        return std::nullopt;
    }
    YearMonth month;
    std::from_chars(text.data(), text.data() + 4, month.year);
    std::from_chars(text.data() + 5, text.data() + 7, month.month);
    if (month.year < 1900 || month.year > 2099 || month.month < 1 || month.month > 12) {
        return std::nullopt;
    }
    return month;
}

std::string formatYearMonth(YearMonth month) {
    std::string text = std::to_string(month.year) + "-";
    if (month.month < 10) {
        text += "0";
    }
    return text + std::to_string(month.month);
}

YearMonth addMonths(YearMonth month, int months) {
    const int index = month.year * 12 + static_cast<int>(month.month) - 1 + months;
    // Floor division, so that months before year 0 would still come out right.
    const int year = index >= 0 ? index / 12 : (index - 11) / 12;
    return YearMonth{year, static_cast<unsigned>(index - year * 12 + 1)};
}

Date monthEnd(YearMonth month) {
    const std::chrono::year_month_day_last last{
        std::chrono::year{month.year},
        std::chrono::month_day_last{std::chrono::month{month.month}}};
    return Date{last};
}

YearMonth lastCompleteMonth(Date today) {
    return addMonths(
        YearMonth{static_cast<int>(today.year()), static_cast<unsigned>(today.month())}, -1);
}

CoverageCell poolModules(const CoverageTable& table, std::optional<std::size_t> team) {
    CoverageCell pooled;
    for (std::size_t m = 0; m < table.moduleCount(); ++m) {
        pool(pooled, team ? table.cell(*team, m) : table.total(m));
    }
    return pooled;
}

std::vector<TrendPoint> coverageTrend(const ComplianceEngine& engine, YearMonth from, YearMonth to,
                                      const CoverageSelection& selection,
                                      const Progress* progress) {
    std::vector<TrendPoint> points;
    if (to < from) {
        return points;
    }
    const int months =
        (to.year - from.year) * 12 + static_cast<int>(to.month) - static_cast<int>(from.month) + 1;
    points.reserve(static_cast<std::size_t>(months));
    for (int i = 0; i < months; ++i) {
        const Date day = monthEnd(addMonths(from, i));
        const CoverageTable table = engine.coverageByTeam(toDayNumber(day));
        TrendPoint point{day, {}};
        if (selection.module) {
            const std::size_t m = *selection.module;
            point.cell = selection.team ? table.cell(*selection.team, m) : table.total(m);
        } else {
            point.cell = poolModules(table, selection.team);
        }
        points.push_back(point);
        if (progress && progress->report &&
            !progress->report(static_cast<double>(i + 1) / static_cast<double>(months))) {
            throw Cancelled("the trend was cancelled");
        }
    }
    return points;
}

std::vector<ExpiringRow> expiringRows(const ComplianceEngine& engine,
                                      const std::vector<Staff>& staff, Date asOf, int withinDays) {
    std::unordered_map<std::string_view, const Staff*> byId;
    byId.reserve(staff.size());
    for (const Staff& person : staff) {
        byId.emplace(person.employeeId, &person);
    }
    const DayNumber day = toDayNumber(asOf);
    const DayNumber last = day + withinDays;
    std::vector<ExpiringRow> rows;
    for (const StatusRow& s : engine.statuses(day)) {
        const PairStatus& status = s.status;
        const bool soon = status.dueOn != kNoDay && status.dueOn > day && status.dueOn <= last;
        if (status.status != Status::Overdue && !soon) {
            continue;
        }
        const auto found = byId.find(engine.employeeId(s.staff));
        if (found == byId.end()) {
            continue;
        }
        const Staff& person = *found->second;
        rows.push_back(ExpiringRow{person.lineManagerId, person.employeeId, person.fullName,
                                   person.email, person.team, engine.moduleCode(s.module),
                                   status.status, dayOrNone(status.expiresOn),
                                   dayOrNone(status.dueOn)});
    }
    std::sort(rows.begin(), rows.end(), [](const ExpiringRow& a, const ExpiringRow& b) {
        if (a.lineManagerId != b.lineManagerId) {
            return a.lineManagerId < b.lineManagerId;
        }
        return a.employeeId != b.employeeId ? a.employeeId < b.employeeId : a.module < b.module;
    });
    return rows;
}

ReportCell statusCell(Status status) {
    CellTone tone = CellTone::None;
    switch (status) {
    case Status::Compliant:
        tone = CellTone::Good;
        break;
    case Status::DueSoon:
        tone = CellTone::Warning;
        break;
    case Status::Overdue:
        tone = CellTone::Bad;
        break;
    case Status::NotYetDue:
        tone = CellTone::Quiet;
        break;
    }
    return codeCell(statusCode(status), statusLabel(status), tone);
}

ReportSheet coverageByTeamSheet(const std::vector<TeamCoverageRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Coverage by team";
    sheet.columns = {column("team", "Team", CellKind::Text, 2.0),
                     column("module", "Module", CellKind::Text, 1.5)};
    for (ReportColumn& c : countColumns()) {
        sheet.columns.push_back(std::move(c));
    }
    for (const TeamCoverageRow& r : rows) {
        std::vector<ReportCell> row{textCell(r.team), textCell(r.module)};
        putCounts(row, r.cell);
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

Report coverageByTeamReport(const std::vector<TeamCoverageRow>& rows, Date asOf) {
    return Report{"coverage",
                  "Training coverage by team",
                  asOfLine(asOf),
                  {coverageByTeamSheet(rows)},
                  {},
                  {"Coverage counts the people covered (compliant or due soon) against those "
                   "covered or overdue; people still in their first-due grace period (not yet "
                   "due) count neither way."}};
}

ReportSheet coverageByStaffSheet(const std::vector<StaffStatusRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Status by person";
    sheet.columns = {column("employee_id", "Employee", CellKind::Text),
                     column("team", "Team", CellKind::Text, 2.0),
                     column("module", "Module", CellKind::Text, 1.5),
                     column("status", "Status", CellKind::Code),
                     column("expires_on", "Expires", CellKind::Day, 1.5),
                     column("due_on", "Due", CellKind::Day, 1.5)};
    for (const StaffStatusRow& r : rows) {
        sheet.rows.push_back({textCell(r.employeeId), textCell(r.team), textCell(r.module),
                              statusCell(r.status), dateCell(r.expiresOn), dateCell(r.dueOn)});
    }
    return sheet;
}

Report coverageByStaffReport(const std::vector<StaffStatusRow>& rows, Date asOf) {
    return Report{
        "coverage", "Training status by person", asOfLine(asOf), {coverageByStaffSheet(rows)}, {},
        {}};
}

Report trendReport(const std::vector<TrendPoint>& points, std::string_view scope) {
    ReportSheet sheet;
    sheet.title = "Coverage trend";
    sheet.columns = {column("month_end", "Month end", CellKind::Day, 1.5)};
    for (ReportColumn& c : countColumns()) {
        sheet.columns.push_back(std::move(c));
    }
    ReportChart chart;
    chart.title = "Coverage at each month end";
    chart.yLabel = "Coverage %";
    std::vector<std::optional<double>> values;
    for (const TrendPoint& p : points) {
        std::vector<ReportCell> row{dateCell(p.monthEnd)};
        putCounts(row, p.cell);
        sheet.rows.push_back(std::move(row));
        const auto tenths = p.cell.percentTenths();
        chart.xLabels.push_back(formatUk(p.monthEnd).substr(3));
        values.push_back(tenths ? std::optional<double>(*tenths / 10.0) : std::nullopt);
    }
    // The axis starts at a round ten below the lowest point, so that a fall from 95% to 90%
    // shows as a fall; the axis is labelled, so nobody reads it as starting at nought.
    double lowest = 100;
    for (const auto& v : values) {
        lowest = v ? std::min(lowest, *v) : lowest;
    }
    chart.yMin = std::max(0.0, std::floor((lowest - 5.0) / 10.0) * 10.0);
    chart.series.emplace_back("Coverage", std::move(values));
    std::string subtitle(scope);
    if (!points.empty()) {
        subtitle += ": month ends " + formatUk(points.front().monthEnd) + " to " +
                    formatUk(points.back().monthEnd);
    }
    return Report{"trend",
                  "Training coverage trend",
                  std::move(subtitle),
                  {std::move(sheet)},
                  {std::move(chart)},
                  {"Each month end is counted as of that day: the people active then, the "
                   "training they had completed by then. Today's teams, roles and rules apply "
                   "to every month."}};
}

Report expiringReport(const std::vector<ExpiringRow>& rows, Date asOf, int withinDays) {
    ReportSheet sheet;
    sheet.title = "Overdue and falling due";
    sheet.columns = {column("line_manager_id", "Line manager", CellKind::Text),
                     column("employee_id", "Employee", CellKind::Text),
                     column("full_name", "Name", CellKind::Text, 2.0),
                     column("email", "Email", CellKind::Text, 2.5),
                     column("team", "Team", CellKind::Text, 2.0),
                     column("module", "Module", CellKind::Text, 1.5),
                     column("status", "Status", CellKind::Code),
                     column("expires_on", "Expires", CellKind::Day, 1.5),
                     column("due_on", "Due", CellKind::Day, 1.5)};
    for (const ExpiringRow& r : rows) {
        sheet.rows.push_back({textCell(r.lineManagerId), textCell(r.employeeId),
                              textCell(r.fullName), textCell(r.email), textCell(r.team),
                              textCell(r.module), statusCell(r.status), dateCell(r.expiresOn),
                              dateCell(r.dueOn)});
    }
    return Report{"expiring",
                  "Training overdue or falling due",
                  asOfLine(asOf) + ", due within " + std::to_string(withinDays) + " days",
                  {std::move(sheet)},
                  {},
                  {}};
}

} // namespace ledger
