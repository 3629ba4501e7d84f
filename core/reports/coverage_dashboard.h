#pragma once
// The coverage dashboard: the team x module matrix as of a day, narrowed by team, role and
// module, ordered by name or by coverage, with the people behind any of its numbers. The
// app's Coverage page shows exactly this; every total pools counts (rules section 6),
// never averaging percentages.

#include "base/date.h"
#include "store/ledger_data.h"
#include "training/compliance.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ledger {

/// What the matrix counts and shows. Empty fields filter nothing.
struct DashboardFilter {
    std::string team;   ///< one team's row only
    std::string role;   ///< only people in this role are counted, in every row and total
    std::string module; ///< one module's column only (by code)
    /// Only modules whose ASC-WDS category is in this group (1 to 5, domain.md section 1.2);
    /// 0: modules in no group (category 21 "Other", or none).
    std::optional<int> ascWdsGroup;
};

/// How the rows and columns are ordered.
struct DashboardOrder {
    enum class By { Name, LowestCoverageFirst, HighestCoverageFirst };
    /// Teams by name, or by their coverage in `teamsByModule`'s column.
    By teams = By::Name;
    /// The column teams are ordered by (a module code); empty: the all-modules column.
    std::string teamsByModule;
    /// Modules by code, or by their coverage over every row shown.
    By modules = By::Name;
};

/// One row of the matrix: a team, or the total of every team shown.
struct DashboardRow {
    std::optional<std::size_t> team; ///< engine team index; none on the totals row
    std::string label;               ///< the team's name (the caller names the totals row)
};

/// One column: every module shown pooled, or one module.
struct DashboardColumn {
    std::optional<std::size_t> module; ///< engine module index; none on the all-modules column
    std::string code;                  ///< the module's code ("" on the all-modules column)
    std::string title;                 ///< the module's title ("" on the all-modules column)
};

/// The matrix. Rows: the teams shown, then (unless the filter names a team) the total of
/// them all. Columns: the modules shown, pooled, first (unless the filter names a module),
/// then each module required of someone counted. Cells are row-major.
struct CoverageDashboard {
    std::vector<DashboardRow> rows;
    std::vector<DashboardColumn> columns;
    std::vector<CoverageCell> cells;
    [[nodiscard]] const CoverageCell& cell(std::size_t row, std::size_t column) const {
        return cells[row * columns.size() + column];
    }
};

/// Why a filter cannot be met: a team, role or module the ledger does not have, or a group
/// out of range.
struct DashboardFilterError {
    std::string field; ///< team, role, module or group
    std::string message;
};

/// Checks the filter's names against the engine; nullopt when they all exist.
[[nodiscard]] std::optional<DashboardFilterError>
checkDashboardFilter(const ComplianceEngine& engine, const DashboardFilter& filter);

/// The dashboard on `asOf`. Names the filter does not match leave the matrix empty (check
/// them first with checkDashboardFilter).
[[nodiscard]] CoverageDashboard coverageDashboard(const ComplianceEngine& engine,
                                                  const LedgerData& data, DayNumber asOf,
                                                  const DashboardFilter& filter,
                                                  const DashboardOrder& order = {});

/// The required pairs behind one cell of `dashboard` (built by coverageDashboard from the
/// same engine, filter and day): its team's or every shown team's people counted by the
/// filter, in its module or every shown module. Ordered by staff then module index.
[[nodiscard]] std::vector<StatusRow> dashboardPeople(const ComplianceEngine& engine,
                                                     const CoverageDashboard& dashboard,
                                                     const DashboardFilter& filter, DayNumber asOf,
                                                     std::size_t row, std::size_t column);

/// The ASC-WDS group a module's category falls in (1 to 5), 0 where none.
[[nodiscard]] int ascWdsGroupOfModule(const Module& module);

} // namespace ledger
