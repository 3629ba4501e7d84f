// The CPD half of rules/learning-record.md's CLI contract (section 8) against the shared
// examples in tests/data/learning-record, on both engines: `report cpd` and `report hcpc` byte
// for byte on both days the examples ask, the import's counts, its all-or-nothing refusals
// named by file, line and column (section 9), and the usage errors.

#include "cli/example_cli.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kData = fs::path(LEDGER_TEST_DATA) / "learning-record";

class LearningRecordCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        newLedger();
        importAll(kData, {"staff"});
    }
};

INSTANTIATE_TEST_SUITE_P(Engines, LearningRecordCli, kEngines, engineName);

TEST_P(LearningRecordCli, CpdAndHcpcReportsMatchTheExamplesByteForByte) {
    const InFolder here(kData);
    Result r = cli({"import", "cpd", "cpd.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 323, updated 0, unchanged 0\n");
    for (const std::string day : {"2025-11-30", "2026-11-25"}) {
        for (const std::string report : {"cpd", "hcpc"}) {
            r = cli({"report", report, "--as-of", day, "--format", "csv"});
            ASSERT_EQ(r.status, 0) << r.err;
            EXPECT_EQ(r.out, readAll(kData / ("expected-" + report + "-" + day + ".csv")))
                << report << " " << day;
        }
    }
    // The same file again changes nothing; a dry run writes nothing.
    EXPECT_EQ(cli({"import", "cpd", "cpd.csv"}).out, "added 0, updated 0, unchanged 323\n");
}

TEST_P(LearningRecordCli, TheRegistrationYearCanBeAskedAndIsCheckedAsAUsageError) {
    const InFolder here(kData);
    ASSERT_EQ(cli({"import", "cpd", "cpd.csv"}).status, 0);
    // The 2025 registration year asked on 2026-11-25 is the one the 2025-11-30 example shows.
    const Result r = cli({"report", "cpd", "--as-of", "2026-11-25", "--registration-year", "2025",
                          "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("HW00008,Mental Health,2025,2,1,0,met\n"), std::string::npos) << r.out;
    for (const std::string bad : {"1899", "10000", "20x5", "", "-2025"}) {
        const Result u = cli({"report", "cpd", "--registration-year", bad});
        EXPECT_EQ(u.status, 1) << bad << ": " << u.err;
    }
    EXPECT_EQ(cli({"report", "hcpc", "--as-of", "2026-02-30"}).status, 1);
}

TEST_P(LearningRecordCli, AnInvalidFileIsRefusedWholeNamingLineAndColumn) {
    const fs::path file = m_dir / "cpd.csv";
    writeAll(file,
             "employee_id,date,title,type,hours,description,learning,impact,peer_reflection,"
             "standards,themes,status\n"
             // 2: fine
             "HW0,2026-01-10,Forum,practice_forum,1.5,did,learnt,changed,,4.1,,final\n"
             // 3: unknown person, a date after today, hours with three decimals
             "NOBODY,2026-12-01,Forum,course,1.505,,,,,,,draft\n"
             // 4: not a type, a standard out of range repeated, a final entry without learning
             "HW0,2026-01-11,Reading,book,2,did,,changed,,4.9;4.9,,final\n"
             // 5: a theme that does not exist, a status that is not one
             "HW0,2026-01-12,Reading,reading_research,1000.01,,,,,,NOPE,done\n"
             // 6: the key of line 2 with other values
             "HW0,2026-01-10,Forum,practice_forum,2,did,learnt,changed,,4.1,,final\n"
             // 7: a blank title and empty hours
             "HW0,2026-01-13,   ,course,,,,,,,,draft\n");
    const Result r = cli({"import", "cpd", file.string()});
    EXPECT_EQ(r.status, 2);
    const std::string f = file.string();
    EXPECT_EQ(places(r.err),
              (std::vector<std::string>{f + ":3: employee_id", f + ":3: date", f + ":3: hours",
                                        f + ":4: type", f + ":4: learning", f + ":4: standards",
                                        f + ":5: hours", f + ":5: themes", f + ":5: status",
                                        f + ":6: title", f + ":7: title", f + ":7: hours"}))
        << r.err;
    EXPECT_EQ(r.out, "");
    // Nothing was written: HW0 (registered with SWE) has no entries.
    const Result report = cli({"report", "cpd", "--format", "csv"});
    EXPECT_NE(report.out.find("\nHW0,Mental Health,2026,0,0,5,not_met\n"), std::string::npos)
        << report.out;
}

} // namespace
} // namespace ledger::test
