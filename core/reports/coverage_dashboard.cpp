#include "reports/coverage_dashboard.h"

#include "io/asc_wds.h"
#include "io/asc_wds_training.h"
#include "reports/coverage_reports.h"

#include <algorithm>
#include <unordered_set>

namespace ledger {

namespace {

/// Lower sorts first: covered share in tenths, or past every share where there is none.
int coverageKey(const CoverageCell& cell, bool highestFirst) {
    const auto tenths = cell.percentTenths();
    if (!tenths) {
        return 2000;
    }
    return highestFirst ? 1000 - *tenths : *tenths;
}

/// The people the filter counts: in its role, where it names one.
ComplianceEngine::StaffFilter countedBy(const ComplianceEngine& engine,
                                        const DashboardFilter& filter, std::vector<bool> teams) {
    std::optional<std::size_t> role;
    if (!filter.role.empty()) {
        role = engine.findRole(filter.role);
        if (!role) {
            return [](std::size_t) {
                return false;
            };
        }
    }
    return [&engine, role, teams = std::move(teams)](std::size_t staff) {
        return teams[engine.teamOf(staff)] && (!role || engine.roleOf(staff) == *role);
    };
}

/// The teams the filter keeps, by engine index.
std::vector<bool> teamsKept(const ComplianceEngine& engine, const DashboardFilter& filter) {
    std::vector<bool> kept(engine.teamCount(), filter.team.empty());
    if (!filter.team.empty()) {
        if (const auto team = engine.findTeam(filter.team)) {
            kept[*team] = true;
        }
    }
    return kept;
}

} // namespace

int ascWdsGroupOfModule(const Module& module) {
    return static_cast<int>(ascWdsGroupOf(ascWdsCategoryOf(module)));
}

std::optional<DashboardFilterError> checkDashboardFilter(const ComplianceEngine& engine,
                                                         const DashboardFilter& filter) {
    if (!filter.team.empty() && !engine.findTeam(filter.team)) {
        return DashboardFilterError{"team", "no team is called " + filter.team};
    }
    if (!filter.role.empty() && !engine.findRole(filter.role)) {
        return DashboardFilterError{"role", "no one has the role " + filter.role};
    }
    if (!filter.module.empty() && !engine.findModule(filter.module)) {
        return DashboardFilterError{"module", "no module has code " + filter.module};
    }
    if (filter.ascWdsGroup && (*filter.ascWdsGroup < 0 || *filter.ascWdsGroup > 5)) {
        return DashboardFilterError{"group", "ASC-WDS category groups run from 1 to 5 (0: none)"};
    }
    return std::nullopt;
}

CoverageDashboard coverageDashboard(const ComplianceEngine& engine, const LedgerData& data,
                                    DayNumber asOf, const DashboardFilter& filter,
                                    const DashboardOrder& order) {
    CoverageDashboard out;
    if (checkDashboardFilter(engine, filter)) {
        return out;
    }
    const std::vector<bool> kept = teamsKept(engine, filter);
    const CoverageTable table = engine.coverageByTeam(asOf, countedBy(engine, filter, kept));

    // Columns: the modules required of someone counted, narrowed by module and group.
    std::vector<std::size_t> modules;
    for (std::size_t m = 0; m < engine.moduleCount(); ++m) {
        if (table.total(m).required == 0) {
            continue;
        }
        const Module& module = data.modules[m];
        if (!filter.module.empty() && module.code != filter.module) {
            continue;
        }
        if (filter.ascWdsGroup && ascWdsGroupOfModule(module) != *filter.ascWdsGroup) {
            continue;
        }
        modules.push_back(m);
    }
    // Rows: the teams kept with someone required in a module shown (a team named by the
    // filter always).
    std::vector<std::size_t> teams;
    std::vector<CoverageCell> teamAll;
    for (std::size_t t = 0; t < engine.teamCount(); ++t) {
        if (!kept[t]) {
            continue;
        }
        CoverageCell all;
        for (const std::size_t m : modules) {
            pool(all, table.cell(t, m));
        }
        if (all.required > 0 || !filter.team.empty()) {
            teams.push_back(t);
            teamAll.push_back(all);
        }
    }
    // Each module over every team shown, for ordering the columns and the totals row.
    std::vector<CoverageCell> moduleAll(engine.moduleCount());
    for (const std::size_t t : teams) {
        for (const std::size_t m : modules) {
            pool(moduleAll[m], table.cell(t, m));
        }
    }

    const auto byName = [&](std::size_t a, std::size_t b) {
        return engine.moduleCode(a) < engine.moduleCode(b);
    };
    if (order.modules == DashboardOrder::By::Name) {
        std::sort(modules.begin(), modules.end(), byName);
    } else {
        const bool highest = order.modules == DashboardOrder::By::HighestCoverageFirst;
        std::sort(modules.begin(), modules.end(), [&](std::size_t a, std::size_t b) {
            const int ka = coverageKey(moduleAll[a], highest);
            const int kb = coverageKey(moduleAll[b], highest);
            return ka != kb ? ka < kb : byName(a, b);
        });
    }

    // Teams in order: the key cell of each (its all-modules cell or one module's).
    std::vector<std::size_t> rowOrder(teams.size());
    for (std::size_t i = 0; i < rowOrder.size(); ++i) {
        rowOrder[i] = i;
    }
    const auto keyModule = engine.findModule(order.teamsByModule);
    const auto keyCell = [&](std::size_t i) -> const CoverageCell& {
        return keyModule ? table.cell(teams[i], *keyModule) : teamAll[i];
    };
    const auto teamName = [&](std::size_t i) -> const std::string& {
        return engine.teamName(teams[i]);
    };
    if (order.teams == DashboardOrder::By::Name) {
        std::sort(rowOrder.begin(), rowOrder.end(),
                  [&](std::size_t a, std::size_t b) { return teamName(a) < teamName(b); });
    } else {
        const bool highest = order.teams == DashboardOrder::By::HighestCoverageFirst;
        std::sort(rowOrder.begin(), rowOrder.end(), [&](std::size_t a, std::size_t b) {
            const int ka = coverageKey(keyCell(a), highest);
            const int kb = coverageKey(keyCell(b), highest);
            return ka != kb ? ka < kb : teamName(a) < teamName(b);
        });
    }

    const bool allColumn = filter.module.empty() && !modules.empty();
    if (allColumn) {
        out.columns.push_back(DashboardColumn{});
    }
    for (const std::size_t m : modules) {
        out.columns.push_back(DashboardColumn{m, data.modules[m].code, data.modules[m].title});
    }
    for (const std::size_t i : rowOrder) {
        out.rows.push_back(DashboardRow{teams[i], engine.teamName(teams[i])});
        if (allColumn) {
            out.cells.push_back(teamAll[i]);
        }
        for (const std::size_t m : modules) {
            out.cells.push_back(table.cell(teams[i], m));
        }
    }
    if (filter.team.empty()) {
        out.rows.push_back(DashboardRow{});
        if (allColumn) {
            CoverageCell all;
            for (const std::size_t m : modules) {
                pool(all, moduleAll[m]);
            }
            out.cells.push_back(all);
        }
        for (const std::size_t m : modules) {
            out.cells.push_back(moduleAll[m]);
        }
    }
    if (out.columns.empty()) {
        out.rows.clear();
        out.cells.clear();
    }
    return out;
}

std::vector<StatusRow> dashboardPeople(const ComplianceEngine& engine,
                                       const CoverageDashboard& dashboard,
                                       const DashboardFilter& filter, DayNumber asOf,
                                       std::size_t row, std::size_t column) {
    if (row >= dashboard.rows.size() || column >= dashboard.columns.size()) {
        return {};
    }
    std::vector<bool> teams(engine.teamCount(), false);
    if (const auto team = dashboard.rows[row].team) {
        teams[*team] = true;
    } else {
        for (const DashboardRow& r : dashboard.rows) {
            if (r.team) {
                teams[*r.team] = true;
            }
        }
    }
    std::vector<bool> modules(engine.moduleCount(), false);
    if (const auto module = dashboard.columns[column].module) {
        modules[*module] = true;
    } else {
        for (const DashboardColumn& c : dashboard.columns) {
            if (c.module) {
                modules[*c.module] = true;
            }
        }
    }
    std::vector<StatusRow> rows = engine.statuses(asOf, countedBy(engine, filter, teams));
    std::erase_if(rows, [&](const StatusRow& r) { return !modules[r.module]; });
    return rows;
}

} // namespace ledger
