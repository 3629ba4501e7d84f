// The programmes' half of rules/learning-record.md's CLI contract (sections 5, 6, 8 and 9)
// against the shared examples in tests/data/learning-record, on both engines: the `asye`,
// `supervisions`, `apprenticeships`, `otj-hours` and `apprenticeship-reviews` imports, and
// `report asye` and `report apprenticeships` byte for byte on both days the examples ask; the
// imports' all-or-nothing refusals named by file, line and column; and a copy carrying them.

#include "cli/example_cli.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kData = fs::path(LEDGER_TEST_DATA) / "learning-record";

const std::vector<std::string> kDays = {"2025-11-30", "2026-11-25"};

class ProgrammesCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        newLedger();
        importAll(kData, {"staff"});
    }

    /// The five imports of the examples, each expected to add every row.
    void importProgrammes() {
        const InFolder here(kData);
        for (const auto& [kind, added] :
             std::vector<std::pair<std::string, int>>{{"asye", 5},
                                                      {"supervisions", 107},
                                                      {"apprenticeships", 8},
                                                      {"otj-hours", 25},
                                                      {"apprenticeship-reviews", 17}}) {
            const Result r = cli({"import", kind, kind + ".csv"});
            ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
            EXPECT_EQ(r.out, "added " + std::to_string(added) + ", updated 0, unchanged 0\n")
                << kind;
        }
    }

    void expectReports(const std::vector<std::string>& onLedger = {}) {
        for (const std::string report : {"asye", "apprenticeships"}) {
            for (const std::string& day : kDays) {
                std::vector<std::string> args = onLedger;
                for (const std::string& a : {std::string("report"), report, std::string("--as-of"),
                                             day, std::string("--format"), std::string("csv")}) {
                    args.push_back(a);
                }
                const Result r = onLedger.empty() ? cli(args) : m_cli(args);
                ASSERT_EQ(r.status, 0) << report << " " << day << ": " << r.err;
                EXPECT_EQ(r.out, readAll(kData / ("expected-" + report + "-" + day + ".csv")))
                    << report << " on " << day;
            }
        }
    }
};

INSTANTIATE_TEST_SUITE_P(Engines, ProgrammesCli, kEngines, engineName);

TEST_P(ProgrammesCli, TheReportsMatchTheExamplesByteForByte) {
    {
        // A dry run counts and writes nothing.
        const InFolder here(kData);
        const Result r = cli({"import", "asye", "asye.csv", "--dry-run"});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, "added 5, updated 0, unchanged 0\n");
        const Result report = cli({"report", "asye", "--format", "csv"});
        EXPECT_EQ(report.out, "employee_id,team,start_date,review_3m,review_6m,review_9m,"
                              "review_final,overdue_reviews,next_review,supervision_gaps,gap_list,"
                              "outcome\n");
    }
    importProgrammes();
    expectReports();
    // The same files again change nothing.
    const InFolder here(kData);
    for (const auto& [kind, rows] :
         std::vector<std::pair<std::string, int>>{{"asye", 5},
                                                  {"supervisions", 107},
                                                  {"apprenticeships", 8},
                                                  {"otj-hours", 25},
                                                  {"apprenticeship-reviews", 17}}) {
        const Result r = cli({"import", kind, kind + ".csv"});
        ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
        EXPECT_EQ(r.out, "added 0, updated 0, unchanged " + std::to_string(rows) + "\n") << kind;
    }
    // The table forms for a terminal.
    Result r = cli({"report", "asye", "--as-of", "2026-11-25"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Employee", 0), 0U) << r.out;
    EXPECT_NE(r.out.find("23/02/2023"), std::string::npos) << r.out;
    r = cli({"report", "apprenticeships", "--as-of", "2026-11-25"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("4783.73"), std::string::npos) << r.out;
}

TEST_P(ProgrammesCli, ARowWithOtherValuesReplacesTheRecordsFields) {
    importProgrammes();
    const fs::path file = m_dir / "asye.csv";
    writeAll(file, "employee_id,start_date,assessor_id,supervisor_id,protected_time_percent,"
                   "nine_month_review,extension_months,outcome_3m,outcome_6m,outcome_9m,"
                   "outcome_final,outcome\n"
                   // HW00010 as in the examples; HW00006 now passed.
                   "HW00010,2023-01-16,HW00003,HW00020,0,yes,,concerns,on_track,,on_track,passed\n"
                   "HW00006,2023-02-23,HW00004,HW00039,,yes,,on_track,on_track,not_held,"
                   "on_track,passed\n");
    Result r = cli({"import", "asye", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 0, updated 1, unchanged 1\n");
    r = cli({"report", "asye", "--as-of", "2026-11-25", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("2024-01-04..2024-02-05,passed\n"), std::string::npos) << r.out;
}

TEST_P(ProgrammesCli, AnInvalidFileIsRefusedWholeNamingLineAndColumn) {
    importProgrammes();
    const fs::path asye = m_dir / "asye-bad.csv";
    writeAll(asye, "employee_id,start_date,assessor_id,supervisor_id,protected_time_percent,"
                   "nine_month_review,extension_months,outcome_3m,outcome_6m,outcome_9m,"
                   "outcome_final,outcome\n"
                   // 2: fine
                   "HW00001,2026-01-05,HW0,HW00003,,,,,,,,\n"
                   // 3: assessed by themselves; a 9m outcome without the review
                   "HW00003,2026-01-05,HW00003,HW0,,no,,,,on_track,,\n"
                   // 4: extended without an extension
                   "HW00004,2026-01-05,HW0,HW00003,,,0,,,,,extended\n"
                   // 5: a supervisor missing
                   "XX1,2026-01-05,HW0,,,,,,,,,\n"
                   // 6: nobody of that id; 101 percent (what cannot be read is not checked
                   // further)
                   "XX1,2026-01-05,HW0,HW00003,101,,,,,,,\n"
                   // 7: nobody of that id
                   "XX1,2026-01-05,HW0,HW00003,,,,,,,,\n");
    Result r = cli({"import", "asye", asye.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    std::string f = asye.string();
    EXPECT_EQ(places(r.err),
              (std::vector<std::string>{f + ":3: assessor_id", f + ":3: outcome_9m",
                                        f + ":4: outcome", f + ":5: supervisor_id",
                                        f + ":6: protected_time_percent", f + ":7: employee_id"}))
        << r.err;
    EXPECT_EQ(r.out, "");

    const fs::path otj = m_dir / "otj-bad.csv";
    writeAll(otj, "employee_id,standard_code,date,hours\n"
                  // 2: fine
                  "HW37,ST1060,2026-11-20,3.5\n"
                  // 3: no such apprenticeship
                  "HW37,ST0007,2026-11-20,3.5\n"
                  // 4: after today; hours not hours
                  "HW37,ST1060,2026-11-26,3.555\n"
                  // 5: another row with line 2's key and other hours
                  "HW37,ST1060,2026-11-20,4\n"
                  // 6: before the start
                  "HW37,ST1060,2025-12-30,1\n");
    r = cli({"import", "otj-hours", otj.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    f = otj.string();
    EXPECT_EQ(places(r.err), (std::vector<std::string>{f + ":3: standard_code", f + ":4: hours",
                                                       f + ":5: date", f + ":6: date"}))
        << r.err;

    const fs::path sup = m_dir / "sup-bad.csv";
    writeAll(sup, "employee_id,date\n"
                  "HW00010,2023-02-01\n"
                  "HW00010,2023-02-01\n"   // identical rows count once
                  "HW00001,2025-01-01\n"   // not enrolled
                  "HW00010,2022-12-31\n"   // before the start
                  "HW00010,2026-11-26\n"); // after today
    r = cli({"import", "supervisions", sup.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    f = sup.string();
    EXPECT_EQ(places(r.err),
              (std::vector<std::string>{f + ":4: employee_id", f + ":5: date", f + ":6: date"}))
        << r.err;

    const fs::path app = m_dir / "app-bad.csv";
    writeAll(app, "employee_id,standard_code,standard_title,provider,start_date,"
                  "planned_end_date,planned_otj_hours,review_interval_weeks,breaks,gateway_date,"
                  "epa_date,epa_result,withdrawn_on\n"
                  // 2: a code that is not ST and four digits; an end before the start
                  "HW00001,ST510,Title,Provider,2026-01-01,2025-12-31,100,,,,,,\n"
                  // 3: overlapping breaks; a result with no EPA date
                  "HW00003,ST0510,Title,Provider,2026-01-01,2027-01-01,100,,"
                  "2026-02-01..2026-02-10;2026-02-05..2026-02-20,,,pass,\n"
                  // 4: a blank title
                  "HW00004,ST0510,  ,Provider,2026-01-01,2027-01-01,100,,,,,,\n"
                  // 5: 0 weeks between reviews
                  "HW00004,ST0511,Title,Provider,2026-01-01,2027-01-01,100,0,,,,,\n");
    r = cli({"import", "apprenticeships", app.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    f = app.string();
    EXPECT_EQ(places(r.err),
              (std::vector<std::string>{f + ":2: standard_code", f + ":2: planned_end_date",
                                        f + ":3: breaks", f + ":3: epa_result",
                                        f + ":4: standard_title", f + ":5: review_interval_weeks"}))
        << r.err;

    // Nothing of any of them was written.
    expectReports();
}

TEST_P(ProgrammesCli, ACopyToANewFileCarriesTheProgrammes) {
    importProgrammes();
    const fs::path copyPass = m_dir / "copy-pass";
    writeAll(copyPass, "a copied programmes ledger\n");
    fs::permissions(copyPass, fs::perms::owner_read | fs::perms::owner_write);
    const fs::path copy = m_dir / "copy.ledger";
    const Result r =
        cli({"copy", "--to", copy.string(), "--new-passphrase-file", copyPass.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    expectReports(
        {"--ledger", copy.string(), "--passphrase-file", copyPass.string(), "--as", "test"});
    EXPECT_EQ(
        m_cli({"--ledger", copy.string(), "--passphrase-file", copyPass.string(), "check"}).status,
        0);
}

TEST_P(ProgrammesCli, AReportWithABadDateIsAUsageError) {
    for (const std::string report : {"asye", "apprenticeships"}) {
        const Result r = cli({"report", report, "--as-of", "2026-02-30"});
        EXPECT_EQ(r.status, 1) << report << ": " << r.err;
    }
    const Result r = cli({"import", "otj", "x.csv"});
    EXPECT_EQ(r.status, 1) << r.err;
}

} // namespace
} // namespace ledger::test
