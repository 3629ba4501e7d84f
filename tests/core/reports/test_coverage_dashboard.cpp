// The coverage dashboard (issue 12 item 1): the matrix narrowed by team, role, module and
// ASC-WDS category group, ordered by name or coverage, its totals pooled from the cells it
// shows, and the people behind every number adding up to that number.

#include "reports/coverage_dashboard.h"

#include <gtest/gtest.h>

#include <map>

namespace ledger {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return makeDate(y, m, day);
}

DashboardFilter where(std::string team, std::string role = {}, std::string module = {},
                      std::optional<int> group = {}) {
    return DashboardFilter{std::move(team), std::move(role), std::move(module), group};
}

DashboardFilter inGroup(int group) {
    return where({}, {}, {}, group);
}

using By = DashboardOrder::By;

DashboardOrder teamsBy(By by, std::string module = {}) {
    return DashboardOrder{by, std::move(module), By::Name};
}

DashboardOrder modulesBy(By by) {
    return DashboardOrder{By::Name, {}, by};
}

Staff person(std::string id, std::string team, std::string role) {
    Staff s;
    s.employeeId = std::move(id);
    s.fullName = "Person " + s.employeeId;
    s.team = std::move(team);
    s.role = std::move(role);
    s.startDate = d(2020, 1, 1);
    return s;
}

Module module(std::string code, std::optional<int> category) {
    Module m;
    m.code = std::move(code);
    m.title = "Module " + m.code;
    m.renewalMonths = 12;
    m.ascWdsCategory = category;
    return m;
}

Requirement everyone(std::string code) {
    Requirement r;
    r.moduleCode = std::move(code);
    return r;
}

Requirement forRole(std::string code, std::string role) {
    Requirement r = everyone(std::move(code));
    r.scope = Scope::Role;
    r.value = std::move(role);
    return r;
}

Completion done(std::string who, std::string code, Date on) {
    Completion c;
    c.employeeId = std::move(who);
    c.moduleCode = std::move(code);
    c.completedOn = on;
    return c;
}

/// Two teams: Alpha (three carers, one social worker), Beta (two carers, two social workers).
/// FIRE (category 6, health and safety) for everyone, SAFE (20, care skills) for everyone,
/// CARE (21, no group) for social workers only. On 01/06/2026 a completion of 01/01/2026
/// counts; one of 01/01/2025 has expired.
class Dashboard : public ::testing::Test {
protected:
    void SetUp() override {
        data.staff = {person("A1", "Alpha", "Carer"),        person("A2", "Alpha", "Carer"),
                      person("A3", "Alpha", "Carer"),        person("A4", "Alpha", "Social worker"),
                      person("B1", "Beta", "Carer"),         person("B2", "Beta", "Carer"),
                      person("B3", "Beta", "Social worker"), person("B4", "Beta", "Social worker")};
        data.modules = {module("FIRE", 6), module("SAFE", 20), module("CARE", std::nullopt)};
        data.requirements = {everyone("FIRE"), everyone("SAFE"), forRole("CARE", "Social worker")};
        const Date good = d(2026, 1, 1);
        const Date old = d(2025, 1, 1);
        data.completions = {
            done("A1", "FIRE", good), done("A2", "FIRE", good), done("A3", "FIRE", old),
            done("A4", "FIRE", good), done("A1", "SAFE", good), done("A4", "SAFE", old),
            done("A4", "CARE", good), done("B1", "FIRE", good), done("B2", "FIRE", good),
            done("B3", "FIRE", good), done("B4", "FIRE", good), done("B1", "SAFE", old),
            done("B3", "CARE", old),  done("B4", "CARE", good),
        };
        engine = std::make_unique<ComplianceEngine>(data);
    }

    CoverageDashboard build(const DashboardFilter& filter, const DashboardOrder& order = {}) {
        return coverageDashboard(*engine, data, asOf, filter, order);
    }

    static std::vector<std::string> rowLabels(const CoverageDashboard& dash) {
        std::vector<std::string> out;
        for (const DashboardRow& r : dash.rows) {
            out.push_back(r.team ? r.label : "(total)");
        }
        return out;
    }

    static std::vector<std::string> columnCodes(const CoverageDashboard& dash) {
        std::vector<std::string> out;
        for (const DashboardColumn& c : dash.columns) {
            out.push_back(c.module ? c.code : "(all)");
        }
        return out;
    }

    /// "covered/counted" of one cell: compliant + due soon of compliant + due soon + overdue.
    static std::string share(const CoverageCell& cell) {
        return std::to_string(cell.compliant + cell.dueSoon) + "/" +
               std::to_string(cell.compliant + cell.dueSoon + cell.overdue);
    }

    LedgerData data;
    std::unique_ptr<ComplianceEngine> engine;
    DayNumber asOf = toDayNumber(d(2026, 6, 1));
};

TEST_F(Dashboard, UnfilteredItIsTheTeamByModuleMatrixWithPooledTotals) {
    const CoverageDashboard dash = build({});
    EXPECT_EQ(rowLabels(dash), (std::vector<std::string>{"Alpha", "Beta", "(total)"}));
    EXPECT_EQ(columnCodes(dash), (std::vector<std::string>{"(all)", "CARE", "FIRE", "SAFE"}));
    // Alpha: CARE 1/1, FIRE 3/4, SAFE 1/4; all 5/9.
    EXPECT_EQ(share(dash.cell(0, 1)), "1/1");
    EXPECT_EQ(share(dash.cell(0, 2)), "3/4");
    EXPECT_EQ(share(dash.cell(0, 3)), "1/4");
    EXPECT_EQ(share(dash.cell(0, 0)), "5/9");
    // Beta: CARE 1/2, FIRE 4/4, SAFE 0/4; all 5/10.
    EXPECT_EQ(share(dash.cell(1, 0)), "5/10");
    // Totals pool counts: 10/19 is 52.6%, not the 52.8% the two teams' average would say.
    EXPECT_EQ(share(dash.cell(2, 0)), "10/19");
    EXPECT_EQ(dash.cell(2, 0).percentTenths(), 526);
    EXPECT_EQ(share(dash.cell(2, 2)), "7/8");
    // The same figures as the engine's own table.
    const CoverageTable table = engine->coverageByTeam(asOf);
    const auto fire = *engine->findModule("FIRE");
    EXPECT_EQ(dash.cell(2, 2).required, table.total(fire).required);
    EXPECT_EQ(dash.cell(2, 2).compliant, table.total(fire).compliant);
}

TEST_F(Dashboard, ARoleFilterCountsOnlyThatRoleEverywhere) {
    const CoverageDashboard dash = build(where({}, "Social worker"));
    EXPECT_EQ(rowLabels(dash), (std::vector<std::string>{"Alpha", "Beta", "(total)"}));
    EXPECT_EQ(share(dash.cell(0, 0)), "2/3"); // A4: CARE yes, FIRE yes, SAFE expired
    EXPECT_EQ(share(dash.cell(1, 0)), "3/6"); // B3 FIRE, B4 FIRE and CARE
    EXPECT_EQ(share(dash.cell(2, 0)), "5/9");
    // Carers are required nothing of CARE: the column goes.
    const CoverageDashboard carers = build(where({}, "Carer"));
    EXPECT_EQ(columnCodes(carers), (std::vector<std::string>{"(all)", "FIRE", "SAFE"}));
    EXPECT_EQ(share(carers.cell(2, 0)), "5/10");
}

TEST_F(Dashboard, ATeamFilterShowsThatTeamWithoutARepeatedTotal) {
    const CoverageDashboard dash = build(where("Beta"));
    EXPECT_EQ(rowLabels(dash), (std::vector<std::string>{"Beta"}));
    EXPECT_EQ(share(dash.cell(0, 0)), "5/10");
}

TEST_F(Dashboard, AModuleFilterShowsOneColumnAndItsPeople) {
    const CoverageDashboard dash = build(where({}, {}, "SAFE"));
    EXPECT_EQ(columnCodes(dash), (std::vector<std::string>{"SAFE"}));
    EXPECT_EQ(share(dash.cell(2, 0)), "1/8");
}

TEST_F(Dashboard, AGroupFilterKeepsTheModulesOfThatAscWdsGroup) {
    EXPECT_EQ(columnCodes(build(inGroup(2))), (std::vector<std::string>{"(all)", "FIRE"}));
    EXPECT_EQ(columnCodes(build(inGroup(1))), (std::vector<std::string>{"(all)", "SAFE"}));
    // No category at all is exported as 21 "Other", which is in no group.
    EXPECT_EQ(columnCodes(build(inGroup(0))), (std::vector<std::string>{"(all)", "CARE"}));
    // Nothing in the group: no columns and no rows.
    const CoverageDashboard none = build(inGroup(3));
    EXPECT_TRUE(none.columns.empty());
    EXPECT_TRUE(none.rows.empty());
    // The all-modules column pools only the modules shown.
    EXPECT_EQ(share(build(inGroup(2)).cell(0, 0)), "3/4");
}

TEST_F(Dashboard, FiltersCombineAndUnknownNamesAreReported) {
    const CoverageDashboard dash = build(where("Alpha", "Carer", "FIRE"));
    EXPECT_EQ(rowLabels(dash), (std::vector<std::string>{"Alpha"}));
    EXPECT_EQ(columnCodes(dash), (std::vector<std::string>{"FIRE"}));
    EXPECT_EQ(share(dash.cell(0, 0)), "2/3");
    EXPECT_EQ(checkDashboardFilter(*engine, where("Gamma"))->field, "team");
    EXPECT_EQ(checkDashboardFilter(*engine, where({}, "Chef"))->field, "role");
    EXPECT_EQ(checkDashboardFilter(*engine, where({}, {}, "NOPE"))->field, "module");
    EXPECT_EQ(checkDashboardFilter(*engine, inGroup(6))->field, "group");
    EXPECT_FALSE(checkDashboardFilter(*engine, where("Alpha", "Carer")));
    EXPECT_TRUE(build(where("Gamma")).rows.empty());
}

TEST_F(Dashboard, TeamsAndModulesOrderByCoverageWithTheTotalLast) {
    // All modules: Alpha 55.6%, Beta 50.0%.
    EXPECT_EQ(rowLabels(build({}, teamsBy(By::LowestCoverageFirst))),
              (std::vector<std::string>{"Beta", "Alpha", "(total)"}));
    EXPECT_EQ(rowLabels(build({}, teamsBy(By::HighestCoverageFirst))),
              (std::vector<std::string>{"Alpha", "Beta", "(total)"}));
    // By FIRE: Alpha 75%, Beta 100%.
    EXPECT_EQ(rowLabels(build({}, teamsBy(By::HighestCoverageFirst, "FIRE"))),
              (std::vector<std::string>{"Beta", "Alpha", "(total)"}));
    // Modules over everyone: SAFE 12.5%, CARE 66.7%, FIRE 87.5%; the pooled column first.
    EXPECT_EQ(columnCodes(build({}, modulesBy(By::LowestCoverageFirst))),
              (std::vector<std::string>{"(all)", "SAFE", "CARE", "FIRE"}));
    EXPECT_EQ(columnCodes(build({}, modulesBy(By::HighestCoverageFirst))),
              (std::vector<std::string>{"(all)", "FIRE", "CARE", "SAFE"}));
}

TEST_F(Dashboard, ThePeopleBehindEveryNumberAddUpToIt) {
    for (const DashboardFilter& filter :
         {DashboardFilter{}, where({}, "Social worker"), where("Alpha"), inGroup(1)}) {
        const CoverageDashboard dash = build(filter);
        for (std::size_t r = 0; r < dash.rows.size(); ++r) {
            for (std::size_t c = 0; c < dash.columns.size(); ++c) {
                CoverageCell counted;
                for (const StatusRow& row : dashboardPeople(*engine, dash, filter, asOf, r, c)) {
                    counted.add(row.status.status);
                }
                const CoverageCell& cell = dash.cell(r, c);
                EXPECT_EQ(counted.required, cell.required) << r << "," << c;
                EXPECT_EQ(counted.compliant, cell.compliant) << r << "," << c;
                EXPECT_EQ(counted.overdue, cell.overdue) << r << "," << c;
                EXPECT_EQ(counted.dueSoon, cell.dueSoon) << r << "," << c;
            }
        }
    }
    // Social workers behind Beta's CARE: B3 (expired) and B4.
    const DashboardFilter workers = where({}, "Social worker");
    const CoverageDashboard dash = build(workers);
    std::map<std::string, Status> people;
    for (const StatusRow& row : dashboardPeople(*engine, dash, workers, asOf, 1, 1)) {
        people[engine->employeeId(row.staff)] = row.status.status;
    }
    EXPECT_EQ(people,
              (std::map<std::string, Status>{{"B3", Status::Overdue}, {"B4", Status::Compliant}}));
}

TEST(DashboardGroups, EachModuleFallsInItsCategorysGroup) {
    Module m;
    EXPECT_EQ(ascWdsGroupOfModule(m), 0); // no category: 21 Other
    m.ascWdsCategory = 6;                 // Fire safety
    EXPECT_EQ(ascWdsGroupOfModule(m), 2);
    m.ascWdsCategory = 20; // Safeguarding adults
    EXPECT_EQ(ascWdsGroupOfModule(m), 1);
    m.ascWdsCategory = 26; // Data management and GDPR
    EXPECT_EQ(ascWdsGroupOfModule(m), 3);
    m.ascWdsCategory = 2; // Dementia care
    EXPECT_EQ(ascWdsGroupOfModule(m), 4);
    m.ascWdsCategory = 35; // Supervision, performance management
    EXPECT_EQ(ascWdsGroupOfModule(m), 5);
    m.ascWdsCategory = 21;
    EXPECT_EQ(ascWdsGroupOfModule(m), 0);
}

} // namespace
} // namespace ledger
