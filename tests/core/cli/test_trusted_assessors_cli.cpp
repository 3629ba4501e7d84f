// The trusted-assessor half of rules/learning-record.md's CLI contract (sections 7-9) against
// the shared examples in tests/data/learning-record, on both engines: `role set`, the
// `trusted-assessors` import and `report trusted-assessors` byte for byte on both days the
// examples ask, and the import's all-or-nothing refusals named by file, line and column.

#include "cli/example_cli.h"
#include "io/csv.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kData = fs::path(LEDGER_TEST_DATA) / "learning-record";

class TrustedAssessorsCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        newLedger();
        importAll(kData, {"staff"});
        // Each role of roles.csv as it says. A role no one in staff.csv holds is not in the
        // ledger (roles come with the staff import): `role set` refuses it, exit 2, and the
        // default (`no`) is what roles.csv asks of it anyway.
        const CsvDocument staff = parseCsv(readAll(kData / "staff.csv"));
        ASSERT_TRUE(staff.errors.empty());
        std::set<std::string> held;
        for (std::size_t i = 1; i < staff.records.size(); ++i) {
            held.insert(staff.records[i].fields.at(4));
        }
        const CsvDocument roles = parseCsv(readAll(kData / "roles.csv"));
        ASSERT_TRUE(roles.errors.empty());
        ASSERT_EQ(roles.records.size(), 9U);
        int set = 0;
        for (std::size_t i = 1; i < roles.records.size(); ++i) {
            const auto& f = roles.records[i].fields;
            const Result r = cli({"role", "set", f[0], "--can-sign-off", f[1]});
            if (held.count(f[0]) == 0) {
                EXPECT_EQ(f[1], "no") << f[0];
                EXPECT_EQ(r.status, 2) << f[0] << ": " << r.err;
                EXPECT_NE(r.err.find("no role " + f[0]), std::string::npos) << r.err;
                continue;
            }
            ASSERT_EQ(r.status, 0) << f[0] << ": " << r.err;
            EXPECT_EQ(r.out, "role " + f[0] + ": can sign off " + f[1] + "\n");
            ++set;
        }
        EXPECT_EQ(set, 7);
    }
};

INSTANTIATE_TEST_SUITE_P(Engines, TrustedAssessorsCli, kEngines, engineName);

TEST_P(TrustedAssessorsCli, TheReportMatchesTheExamplesByteForByte) {
    const InFolder here(kData);
    Result r = cli({"import", "trusted-assessors", "trusted-assessors.csv", "--dry-run"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 8, updated 0, unchanged 0\n");
    r = cli({"report", "trusted-assessors", "--as-of", "2026-11-25", "--format", "csv"});
    const std::string expected = readAll(kData / "expected-trusted-assessors-2026-11-25.csv");
    EXPECT_EQ(r.out, expected.substr(0, expected.find('\n') + 1)) << "a dry run writes nothing";
    r = cli({"import", "trusted-assessors", "trusted-assessors.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 8, updated 0, unchanged 0\n");
    for (const std::string day : {"2025-11-30", "2026-11-25"}) {
        r = cli({"report", "trusted-assessors", "--as-of", day, "--format", "csv"});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, readAll(kData / ("expected-trusted-assessors-" + day + ".csv"))) << day;
    }
    // The same file again changes nothing, even were a signer's role to lose can_sign_off
    // since (section 9 checks the signer only for rows that add or change a record).
    ASSERT_EQ(cli({"role", "set", "Team Manager", "--can-sign-off", "no"}).status, 0);
    ASSERT_EQ(cli({"role", "set", "Occupational Therapist", "--can-sign-off", "no"}).status, 0);
    ASSERT_EQ(cli({"role", "set", "Senior Occupational Therapist", "--can-sign-off", "no"}).status,
              0);
    r = cli({"import", "trusted-assessors", "trusted-assessors.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 0, updated 0, unchanged 8\n");
    // The table form for a terminal.
    r = cli({"report", "trusted-assessors", "--as-of", "2026-11-25"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Employee", 0), 0U) << r.out;
    EXPECT_NE(r.out.find("HW00017"), std::string::npos) << r.out;
}

TEST_P(TrustedAssessorsCli, ACopyToANewFileCarriesAuthorisationsAndSigningRoles) {
    {
        const InFolder here(kData);
        const Result r = cli({"import", "trusted-assessors", "trusted-assessors.csv"});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    const fs::path copyPass = m_dir / "copy-pass";
    writeAll(copyPass, "a copied trusted assessors ledger\n");
    fs::permissions(copyPass, fs::perms::owner_read | fs::perms::owner_write);
    const fs::path copy = m_dir / "copy.ledger";
    Result r = cli({"copy", "--to", copy.string(), "--new-passphrase-file", copyPass.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<std::string> onCopy = {"--ledger",        copy.string(), "--passphrase-file",
                                             copyPass.string(), "--as",        "test"};
    const auto copied = [&](std::vector<std::string> args) {
        args.insert(args.begin(), onCopy.begin(), onCopy.end());
        return m_cli(args);
    };
    for (const std::string day : {"2025-11-30", "2026-11-25"}) {
        r = copied({"report", "trusted-assessors", "--as-of", day, "--format", "csv"});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, readAll(kData / ("expected-trusted-assessors-" + day + ".csv"))) << day;
    }
    // The signing roles came too: a new row signed off by HW00030, an Occupational
    // Therapist, is taken on the copy.
    const fs::path more = m_dir / "more.csv";
    writeAll(more, "employee_id,level,categories,trained_on,observed_assessments,signed_off_by,"
                   "signed_off_on,refresher_months,refreshers,restrictions,withdrawn_on\n"
                   "HW00001,level_3,grab_rails,2025-01-01,3,HW00030,2025-06-01,,,,\n");
    r = copied({"import", "trusted-assessors", more.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 1, updated 0, unchanged 0\n");
    EXPECT_EQ(copied({"check"}).status, 0);
}

TEST_P(TrustedAssessorsCli, AnInvalidFileIsRefusedWholeNamingLineAndColumn) {
    const fs::path file = m_dir / "ta.csv";
    writeAll(file, "employee_id,level,categories,trained_on,observed_assessments,signed_off_by,"
                   "signed_off_on,refresher_months,refreshers,restrictions,withdrawn_on\n"
                   // 2: fine (in training)
                   "HW00001,level_3,grab_rails,2025-01-01,,,,,,,\n"
                   // 3: signed off by a Social Worker, whose role cannot sign off
                   "HW00001,level_4,,2025-01-01,,HW0,2025-06-01,,,,\n"
                   // 4: a category not in the list
                   "HW00001,in_house,hoists,2025-01-01,,,,,,,\n"
                   // 5: signed_off_by without signed_off_on
                   "HW0,in_house,,2025-01-01,,HW00030,,,,,\n"
                   // 6: a level that is not one, observed assessments out of range
                   "HW0,level_5,,2025-01-01,1000,,,,,,\n");
    const Result r = cli({"import", "trusted-assessors", file.string()});
    EXPECT_EQ(r.status, 2);
    const std::string f = file.string();
    EXPECT_EQ(places(r.err),
              (std::vector<std::string>{f + ":3: signed_off_by", f + ":4: categories",
                                        f + ":5: signed_off_on", f + ":6: level",
                                        f + ":6: observed_assessments"}))
        << r.err;
    EXPECT_NE(r.err.find("HW0's role cannot sign off trusted assessors"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("no equipment category hoists"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    // Nothing was written.
    const Result report = cli({"report", "trusted-assessors", "--format", "csv"});
    ASSERT_EQ(report.status, 0) << report.err;
    EXPECT_EQ(report.out, "employee_id,team,level,status,categories,trained_on,signed_off_by,"
                          "signed_off_on,observed_assessments,last_refresher,refresher_due,"
                          "restrictions\n");
}

TEST_P(TrustedAssessorsCli, RoleSetOfAnUnknownRoleExitsTwoAndABadAnswerIsAUsageError) {
    Result r = cli({"role", "set", "Astronaut", "--can-sign-off", "yes"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("no role Astronaut"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    r = cli({"role", "set", "Social Worker", "--can-sign-off", "maybe"});
    EXPECT_EQ(r.status, 1) << r.err;
    r = cli({"report", "trusted-assessors", "--as-of", "2026-02-30"});
    EXPECT_EQ(r.status, 1) << r.err;
}

} // namespace
} // namespace ledger::test
