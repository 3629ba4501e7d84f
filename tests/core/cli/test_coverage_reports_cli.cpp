// Issue 12's two new coverage reports through the CLI, on both engines: `report trend` and
// `report expiring`, their CSV contracts, defaults and refusals. The trend is checked against
// `report coverage --by team` as of each month end (whose figures the small-council golden
// files already pin), so the two reports cannot drift apart; the expiring list against
// `report coverage --by staff` the same way.

#include "cli/example_cli.h"

#include "base/date.h"
#include "io/csv.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kSmall = fs::path(LEDGER_TEST_DATA) / "small-council";

std::vector<std::vector<std::string>> csvRows(const std::string& text) {
    const CsvDocument doc = parseCsv(text);
    EXPECT_TRUE(doc.errors.empty());
    std::vector<std::vector<std::string>> rows;
    for (const CsvRecord& record : doc.records) {
        rows.push_back(record.fields);
    }
    return rows;
}

/// The counts of `report coverage --by team` pooled over the rows that `keep` takes, as the
/// trend's CSV line for `day` writes them.
std::string pooledLine(const std::string& coverageCsv, const std::string& day,
                       const std::function<bool(const std::string&, const std::string&)>& keep) {
    long counts[5] = {0, 0, 0, 0, 0};
    const auto rows = csvRows(coverageCsv);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (!keep(rows[i][0], rows[i][1])) {
            continue;
        }
        for (std::size_t c = 0; c < 5; ++c) {
            counts[c] += std::stol(rows[i][2 + c]);
        }
    }
    std::string percent;
    const long base = counts[1] + counts[2] + counts[3];
    if (base > 0) {
        const long tenths = (2000 * (counts[1] + counts[2]) + base) / (2 * base);
        percent = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    }
    std::string line = day;
    for (const long c : counts) {
        line += "," + std::to_string(c);
    }
    return line + "," + percent + "\n";
}

class CoverageReportsCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        newLedger();
        importAll(kSmall, {"staff", "modules", "requirements", "completions"});
    }

    /// `report trend ARGS` must equal the by-team coverage pooled as `keep` says, month by
    /// month from `from` to `to` (YYYY-MM).
    void expectTrendMatchesCoverage(
        std::vector<std::string> args, int fromYear, unsigned fromMonth, int months,
        const std::function<bool(const std::string&, const std::string&)>& keep) {
        std::string expected =
            "month_end,required,compliant,due_soon,overdue,not_yet_due,coverage_percent\n";
        Date first = makeDate(fromYear, fromMonth, 1);
        for (int i = 0; i < months; ++i) {
            const Date start = addMonths(first, i);
            const Date end = addDays(addMonths(start, 1), -1);
            const Result coverage =
                cli({"report", "coverage", "--as-of", formatIso(end), "--format", "csv"});
            ASSERT_EQ(coverage.status, 0) << coverage.err;
            expected += pooledLine(coverage.out, formatIso(end), keep);
        }
        args.insert(args.begin(), {"report", "trend"});
        args.insert(args.end(), {"--format", "csv"});
        const Result trend = cli(args);
        ASSERT_EQ(trend.status, 0) << trend.err;
        EXPECT_EQ(trend.out, expected);
    }
};

INSTANTIATE_TEST_SUITE_P(Engines, CoverageReportsCli, kEngines, engineName);

TEST_P(CoverageReportsCli, TheTrendPoolsEachMonthEndsCoverage) {
    const auto all = [](const std::string&, const std::string&) {
        return true;
    };
    expectTrendMatchesCoverage({"--from", "2024-11", "--to", "2025-04"}, 2024, 11, 6, all);
    expectTrendMatchesCoverage(
        {"--from", "2025-01", "--to", "2025-03", "--team", "Carers' Support"}, 2025, 1, 3,
        [](const std::string& team, const std::string&) { return team == "Carers' Support"; });
    expectTrendMatchesCoverage(
        {"--from", "2026-09", "--to", "2026-10", "--module", "FIRE"}, 2026, 9, 2,
        [](const std::string&, const std::string& module) { return module == "FIRE"; });
    expectTrendMatchesCoverage(
        {"--from", "2026-02", "--to", "2026-02", "--team", "Carers' Support", "--module", "ED"},
        2026, 2, 1, [](const std::string& team, const std::string& module) {
            return team == "Carers' Support" && module == "ED";
        });
}

TEST_P(CoverageReportsCli, TheTrendDefaultsToTheLast24CompleteMonths) {
    // Today is 25 November 2026 (the runner's PRACTICE_LEDGER_TODAY): November is not
    // complete, so the range is November 2024 to October 2026.
    const Result r = cli({"report", "trend", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto rows = csvRows(r.out);
    ASSERT_EQ(rows.size(), 25U);
    EXPECT_EQ(rows[1][0], "2024-11-30");
    EXPECT_EQ(rows[2][0], "2024-12-31");
    EXPECT_EQ(rows[4][0], "2025-02-28");
    EXPECT_EQ(rows[24][0], "2026-10-31");
    // --to alone: the 24 months up to it.
    const Result to = cli({"report", "trend", "--to", "2024-02", "--format", "csv"});
    ASSERT_EQ(to.status, 0) << to.err;
    const auto toRows = csvRows(to.out);
    ASSERT_EQ(toRows.size(), 25U);
    EXPECT_EQ(toRows[1][0], "2022-03-31");
    EXPECT_EQ(toRows[24][0], "2024-02-29");
    // The table for people says the same in words.
    const Result table = cli({"report", "trend", "--from", "2025-01", "--to", "2025-01"});
    ASSERT_EQ(table.status, 0) << table.err;
    EXPECT_NE(table.out.find("Month end"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("31/01/2025"), std::string::npos) << table.out;
}

TEST_P(CoverageReportsCli, TheTrendRefusesBadMonthsAndUnknownNames) {
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--from", "2025-13"},
                                                {"--from", "2025-1"},
                                                {"--to", "25-01"},
                                                {"--to", "2025-01-31"},
                                                {"--from", "1899-12"},
                                                {"--from", "2025-06", "--to", "2025-05"},
                                                {"--from", "2030-01"}}) {
        std::vector<std::string> args{"report", "trend"};
        args.insert(args.end(), bad.begin(), bad.end());
        const Result r = cli(args);
        EXPECT_EQ(r.status, 1) << bad[1] << ": " << r.out;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err, "");
    }
    const Result team = cli({"report", "trend", "--team", "Nobody's Team"});
    EXPECT_EQ(team.status, 2);
    EXPECT_NE(team.err.find("no team named Nobody's Team"), std::string::npos) << team.err;
    const Result module = cli({"report", "trend", "--module", "NOPE"});
    EXPECT_EQ(module.status, 2);
    EXPECT_NE(module.err.find("no module with code NOPE"), std::string::npos) << module.err;
}

TEST_P(CoverageReportsCli, TheExpiringListIsTheStatusRowsDueWithinTheWindow) {
    const std::string day = "2025-03-31";
    const Date d = *parseIsoDate(day);
    const Result staff =
        cli({"report", "coverage", "--by", "staff", "--as-of", day, "--format", "csv"});
    ASSERT_EQ(staff.status, 0) << staff.err;
    std::map<std::string, std::vector<std::string>> people; // employee id: name, email, team
    {
        const auto rows = csvRows(readAll(kSmall / "staff.csv"));
        for (std::size_t i = 1; i < rows.size(); ++i) {
            people[rows[i][0]] = {rows[i][1], rows[i][2], rows[i][3]};
        }
    }
    for (const int within : {0, 30, 90, 3650}) {
        std::string expected =
            "line_manager_id,employee_id,full_name,email,team,module,status,expires_on,due_on\n";
        const auto rows = csvRows(staff.out);
        int soon = 0;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const auto& r = rows[i]; // employee_id,team,module,status,expires_on,due_on
            const auto due = parseIsoDate(r[5]);
            const bool inWindow = due && *due > d && daysBetween(d, *due) <= within;
            if (r[3] != "overdue" && !inWindow) {
                continue;
            }
            soon += inWindow ? 1 : 0;
            const auto& p = people.at(r[0]);
            expected += csvLine({"", r[0], p[0], p[1], p[2], r[2], r[3], r[4], r[5]});
        }
        if (within == 90) {
            EXPECT_GT(soon, 0) << "the window should catch someone";
        }
        const Result r = cli({"report", "expiring", "--as-of", day, "--within",
                              std::to_string(within), "--format", "csv"});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, expected) << "within " << within;
    }
    // The default window is 90 days.
    const Result defaulted = cli({"report", "expiring", "--as-of", day, "--format", "csv"});
    const Result ninety =
        cli({"report", "expiring", "--as-of", day, "--within", "90", "--format", "csv"});
    EXPECT_EQ(defaulted.out, ninety.out);
}

TEST_P(CoverageReportsCli, TheExpiringListRefusesABadWindowOrDate) {
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--within", "-1"},
                                                {"--within", "3651"},
                                                {"--within", "x"},
                                                {"--as-of", "31/03/2025"},
                                                {"--as-of", "2025-02-30"}}) {
        std::vector<std::string> args{"report", "expiring"};
        args.insert(args.end(), bad.begin(), bad.end());
        const Result r = cli(args);
        EXPECT_EQ(r.status, 1) << bad[0] << " " << bad[1];
        EXPECT_EQ(r.out, "");
    }
}

/// A ledger of our own: line managers, a formula for a name, two people overdue.
class ExpiringByManagerCli : public ExampleCli {};

INSTANTIATE_TEST_SUITE_P(Engines, ExpiringByManagerCli, kEngines, engineName);

TEST_P(ExpiringByManagerCli, RowsGoByLineManagerThenPersonAndNamesAreNeverFormulas) {
    newLedger();
    writeAll(m_dir / "staff.csv",
             "employee_id,full_name,email,team,role,start_date,leave_date,line_manager_id\n"
             "M2,Manager Two,m2@example.org,East,Manager,2020-01-01,,\n"
             "M1,Manager One,m1@example.org,East,Manager,2020-01-01,,M2\n"
             "B,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",b@example.org,East,Worker,"
             "2020-01-01,,M1\n"
             "A,Ann Able,a@example.org,East,Worker,2020-01-01,,M2\n"
             "C,Cal Cole,c@example.org,East,Worker,2020-01-01,,M1\n");
    writeAll(m_dir / "modules.csv",
             "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
             "asc_wds_category\n"
             "FIRE,Fire safety,12,completion,90,60,6\n"
             "IG,Information governance,12,completion,90,60,26\n");
    writeAll(m_dir / "requirements.csv", "module,scope,value,due_within_days,effective_from\n"
                                         "FIRE,all,,30,\n"
                                         "IG,role,Worker,30,\n");
    writeAll(m_dir / "completions.csv", "employee_id,module,completed_on,expires_on,evidence\n"
                                        "A,FIRE,2024-12-01,,\n"
                                        "A,IG,2025-06-01,,\n"
                                        "B,FIRE,2025-05-01,,\n"
                                        "B,IG,2025-05-01,,\n"
                                        "C,FIRE,2025-10-01,,\n"
                                        "C,IG,2025-10-01,,\n"
                                        "M2,FIRE,2025-04-15,,\n");
    importAll(m_dir.path(), {"staff", "modules", "requirements", "completions"});
    const Result r =
        cli({"report", "expiring", "--as-of", "2026-03-01", "--within", "90", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    // On 1 March 2026 with 90 days: due on or before 30 May 2026, or overdue. A's IG is due
    // on 1 June (92 days on) and C is not due until October: neither is listed.
    const std::string header =
        "line_manager_id,employee_id,full_name,email,team,module,status,expires_on,due_on\n";
    const std::string rows =
        ",M2,Manager Two,m2@example.org,East,FIRE,due_soon,2026-04-14,2026-04-15\n"
        "M1,B,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",b@example.org,East,FIRE,due_soon,"
        "2026-04-30,2026-05-01\n"
        "M1,B,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",b@example.org,East,IG,due_soon,"
        "2026-04-30,2026-05-01\n"
        "M2,A,Ann Able,a@example.org,East,FIRE,overdue,2025-11-30,2025-12-01\n";
    EXPECT_EQ(r.out,
              header + rows + "M2,M1,Manager One,m1@example.org,East,FIRE,overdue,,2020-01-31\n");
    const Result wider =
        cli({"report", "expiring", "--as-of", "2026-03-01", "--within", "92", "--format", "csv"});
    ASSERT_EQ(wider.status, 0) << wider.err;
    EXPECT_EQ(wider.out, header + rows +
                             "M2,A,Ann Able,a@example.org,East,IG,compliant,2026-05-31,2026-06-01\n"
                             "M2,M1,Manager One,m1@example.org,East,FIRE,overdue,,2020-01-31\n");
}

} // namespace
} // namespace ledger::test
