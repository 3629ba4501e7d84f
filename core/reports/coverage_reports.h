#pragma once

// The workforce lead's coverage reports as data: coverage by team and by person as of a
// day, coverage at each month end (the trend), and who is overdue or falls due soon (the
// expiring list, by line manager). Every figure comes from the compliance engine as of the
// day asked (compliance rules sections 5 and 6); the CLI, the app and every export show
// these rows.

#include "base/date.h"
#include "base/progress.h"
#include "reports/report.h"
#include "reports/report_table.h"
#include "staff/staff.h"
#include "training/compliance.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// A calendar month, as `YYYY-MM`.
struct YearMonth {
    int year = 0;
    unsigned month = 1;

    friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

/// `YYYY-MM` exactly (years 1900 to 2099, months 01 to 12), else nullopt.
[[nodiscard]] std::optional<YearMonth> parseYearMonth(std::string_view text);
[[nodiscard]] std::string formatYearMonth(YearMonth month);
/// The month `months` later (or earlier).
[[nodiscard]] YearMonth addMonths(YearMonth month, int months);
/// The month's last day.
[[nodiscard]] Date monthEnd(YearMonth month);
/// The last month that ended before `today` (the month before today's).
[[nodiscard]] YearMonth lastCompleteMonth(Date today);

/// Adds `cell`'s counts to `into` (pooling: the percentage is then worked out from the sums).
void pool(CoverageCell& into, const CoverageCell& cell);

/// Every module of one team pooled (or, with no team, every module of the organisation): the
/// counts added up, the percentage worked out from them (never an average of percentages).
[[nodiscard]] CoverageCell poolModules(const CoverageTable& table, std::optional<std::size_t> team);

/// Which required pairs a trend pools: one team's, one module's, both, or every one.
struct CoverageSelection {
    std::optional<std::size_t> team;   ///< an engine team index
    std::optional<std::size_t> module; ///< an engine module index
};

/// Coverage pooled over the selection as of one month end.
struct TrendPoint {
    Date monthEnd{};
    CoverageCell cell;
};

/// Coverage at each month end from `from` to `to` (both included, in order), each counted
/// by the engine as of that day: the counts pool every required (person, module) pair of
/// the selection, and the percentage is worked out from the pooled counts, never averaged.
/// `progress` hears each month done; a cancel throws Cancelled.
[[nodiscard]] std::vector<TrendPoint> coverageTrend(const ComplianceEngine& engine, YearMonth from,
                                                    YearMonth to,
                                                    const CoverageSelection& selection,
                                                    const Progress* progress = nullptr);

/// One required (person, module) that is overdue, or falls due within the window.
struct ExpiringRow {
    std::string lineManagerId;
    std::string employeeId;
    std::string fullName;
    std::string email;
    std::string team;
    std::string module;
    Status status = Status::NotYetDue;
    std::optional<Date> expiresOn;
    std::optional<Date> dueOn;
};

/// Every required (person, module) on `asOf` that is overdue or whose `due_on` is after
/// `asOf` and no more than `withinDays` later, sorted by line manager id (none first),
/// employee id, module code, in byte order. `staff` supplies names, emails and line managers
/// (people the engine does not know are left out).
[[nodiscard]] std::vector<ExpiringRow> expiringRows(const ComplianceEngine& engine,
                                                    const std::vector<Staff>& staff, Date asOf,
                                                    int withinDays);

/// The largest window `report expiring --within` takes.
inline constexpr int kMaxExpiringWithinDays = 3650;

// As reports (report_table.h): one sheet each, the CSV columns of the CLI's contracts.

[[nodiscard]] ReportSheet coverageByTeamSheet(const std::vector<TeamCoverageRow>& rows);
[[nodiscard]] ReportSheet coverageByStaffSheet(const std::vector<StaffStatusRow>& rows);
/// `team,module,required,compliant,due_soon,overdue,not_yet_due,coverage_percent`.
[[nodiscard]] Report coverageByTeamReport(const std::vector<TeamCoverageRow>& rows, Date asOf);
/// `employee_id,team,module,status,expires_on,due_on`.
[[nodiscard]] Report coverageByStaffReport(const std::vector<StaffStatusRow>& rows, Date asOf);
/// `month_end,required,compliant,due_soon,overdue,not_yet_due,coverage_percent`, with a
/// chart of the percentage; `scope` says what was pooled ("All teams, all modules").
[[nodiscard]] Report trendReport(const std::vector<TrendPoint>& points, std::string_view scope);
/// `line_manager_id,employee_id,full_name,email,team,module,status,expires_on,due_on`.
[[nodiscard]] Report expiringReport(const std::vector<ExpiringRow>& rows, Date asOf,
                                    int withinDays);

/// A status as a report cell: its code, its words, and a tone (compliant good, due soon a
/// warning, overdue bad, not yet due quiet).
[[nodiscard]] ReportCell statusCell(Status status);

} // namespace ledger
