// `archive export-portfolio` and `archive import-portfolio` (issue 13 item 3) on both engines:
// their lines byte for byte (a contract for scripts), the dry run, --as, and the exit statuses
// of what is refused: an unmatched module or a conflict (2, nothing written), someone who is
// not there (2), a damaged file (2), a ledger's archive (2), the wrong passphrase (3).

#include "archive/sealed_file.h"
#include "cli/example_cli.h"

#include <gtest/gtest.h>

#include <string>

namespace ledger::test {
namespace {

const char* kStaff = "employee_id,full_name,email,team,role,start_date,leave_date\n"
                     "HW1,Ann Example,ann@example.org,Adults,Social Worker,2020-01-06,\n"
                     "HW2,Bo Example,bo@example.org,Adults,Social Worker,2021-03-01,\n";
const char* kModules = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                       "asc_wds_category\n"
                       "MCA,Mental Capacity Act,36,completion,,,14\n"
                       "SAFE,Safeguarding adults,12,completion,,,20\n";
const char* kCompletions = "employee_id,module,completed_on,expires_on,evidence\n"
                           "HW1,MCA,2025-01-02,,cert.pdf\n"
                           "HW1,SAFE,2025-06-30,,\n"
                           "HW1,SAFE,2026-06-29,,\n"
                           "HW2,MCA,2024-05-05,,\n";
const char* kCpd = "employee_id,date,title,type,hours,description,learning,impact,"
                   "peer_reflection,standards,themes,status\n"
                   "HW1,2026-03-29,Practice forum: hoarding,practice_forum,2.50,What we did,"
                   "What I learnt,The difference,,4.1;4.2,,final\n"
                   "HW1,2026-04-10,Reading on capacity,reading_research,1.00,,,,,,,draft\n";

class PortfolioCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_cli.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = "a portfolio passphrase 2026";
        writeAll(m_dir / "staff.csv", kStaff);
        writeAll(m_dir / "modules.csv", kModules);
        writeAll(m_dir / "completions.csv", kCompletions);
        writeAll(m_dir / "cpd.csv", kCpd);
        m_file = (m_dir / "ann.plportfolio").string();
        // Ann's record in one ledger, exported.
        newLedger();
        importAll(m_dir.path(), {"staff", "modules", "completions", "cpd"});
        const Result r = cli({"archive", "export-portfolio", "HW1", m_file});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, "exported the portfolio of HW1 to " + m_file +
                             ": 3 completions (0 certificates), 2 CPD entries (0 evidence files), "
                             "0 sessions attended, 0 programme records; read back whole\n");
    }

    /// A new ledger with the staff and `modules` and nothing else: the next employer's.
    void nextEmployer(const std::string& modules = kModules) {
        newLedger();
        writeAll(m_dir / "modules.csv", modules);
        importAll(m_dir.path(), {"staff", "modules"});
    }

    [[nodiscard]] std::string head(const std::string& into = "HW1") const {
        return "portfolio of HW1 Ann Example, exported on 2026-11-25 by " + archive::writtenBy() +
               "\ninto " + into + "\n";
    }

    std::string m_file;
};

INSTANTIATE_TEST_SUITE_P(Engines, PortfolioCli, kEngines, engineName);

const std::string kAdds = "add completion SAFE 2026-06-29\n"
                          "add completion SAFE 2025-06-30\n"
                          "add completion MCA 2025-01-02\n"
                          "add cpd 2026-03-29 Practice forum: hoarding\n"
                          "add cpd 2026-04-10 Reading on capacity (draft)\n";
const std::string kHistory = "history not written: 0 sessions attended, 0 programme records\n";

TEST_P(PortfolioCli, ADryRunListsWhatWouldBeAddedThenTheImportAddsItOnce) {
    nextEmployer();
    Result r = cli({"archive", "import-portfolio", m_file, "--dry-run"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out,
              head() + kAdds + kHistory + "dry run: 5 to add, 0 already there; nothing written\n");
    EXPECT_EQ(r.err, "");
    // Nothing was written: the same again.
    EXPECT_EQ(cli({"archive", "import-portfolio", m_file, "--dry-run"}).out, r.out);

    r = cli({"archive", "import-portfolio", m_file});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, head() + kAdds + kHistory + "imported 5, 0 already there\n");

    r = cli({"archive", "import-portfolio", m_file});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, head() +
                         "already there completion SAFE 2026-06-29\n"
                         "already there completion SAFE 2025-06-30\n"
                         "already there completion MCA 2025-01-02\n"
                         "already there cpd 2026-03-29 Practice forum: hoarding\n"
                         "already there cpd 2026-04-10 Reading on capacity (draft)\n" +
                         kHistory + "imported 0, 5 already there\n");

    // The CPD report of the next employer now counts Ann's entries.
    r = cli({"report", "cpd", "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
}

TEST_P(PortfolioCli, AsMapsThePortfolioToAnotherEmployeeId) {
    nextEmployer();
    Result r = cli({"archive", "import-portfolio", m_file, "--as", "HW2"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, head("HW2") + kAdds + kHistory + "imported 5, 0 already there\n");
    r = cli({"archive", "import-portfolio", m_file, "--as", "HW9", "--dry-run"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "employee_id: no staff member here has employee id HW9: add them first, or "
                     "bring the portfolio in as someone who is here\n");
}

TEST_P(PortfolioCli, AnUnmatchedModuleIsListedAndNothingIsWritten) {
    nextEmployer("code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                 "asc_wds_category\nMCA,Mental Capacity Act,36,completion,,,14\n");
    const std::string expected = head() +
                                 "add completion MCA 2025-01-02\n"
                                 "add cpd 2026-03-29 Practice forum: hoarding\n"
                                 "add cpd 2026-04-10 Reading on capacity (draft)\n"
                                 "unmatched module SAFE (2 completions)\n" +
                                 kHistory +
                                 "nothing written: 0 conflicts, 1 unmatched module, 0 problems\n";
    Result r = cli({"archive", "import-portfolio", m_file});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, expected);
    EXPECT_EQ(r.err, "practice-ledger-cli: the portfolio was not imported: resolve what is "
                     "listed above, then import it again\n");
    r = cli({"archive", "import-portfolio", m_file, "--dry-run"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, head() +
                         "add completion MCA 2025-01-02\n"
                         "add cpd 2026-03-29 Practice forum: hoarding\n"
                         "add cpd 2026-04-10 Reading on capacity (draft)\n"
                         "unmatched module SAFE (2 completions)\n" +
                         kHistory +
                         "dry run: nothing written: 0 conflicts, 1 unmatched module, 0 problems\n");
}

TEST_P(PortfolioCli, AConflictIsListedWithWhatDiffersAndNothingIsWritten) {
    nextEmployer();
    writeAll(m_dir / "completions.csv", "employee_id,module,completed_on,expires_on,evidence\n"
                                        "HW1,MCA,2025-01-02,2027-01-01,other.pdf\n"
                                        "HW1,SAFE,2025-06-30,,\n");
    importAll(m_dir.path(), {"completions"});
    const Result r = cli({"archive", "import-portfolio", m_file});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, head() +
                         "add completion SAFE 2026-06-29\n"
                         "add cpd 2026-03-29 Practice forum: hoarding\n"
                         "add cpd 2026-04-10 Reading on capacity (draft)\n"
                         "already there completion SAFE 2025-06-30\n"
                         "conflict completion MCA 2025-01-02: differs in expires_on, evidence\n" +
                         kHistory +
                         "nothing written: 1 conflict, 0 unmatched modules, 0 problems\n");
    // Nothing was written: what was to be added still is.
    EXPECT_NE(cli({"archive", "import-portfolio", m_file, "--dry-run"})
                  .out.find("add completion SAFE 2026-06-29\n"),
              std::string::npos);
}

TEST_P(PortfolioCli, WrongPassphraseDamageALedgerArchiveAndUsageHaveTheirStatuses) {
    nextEmployer();
    Cli wrong = m_cli;
    wrong.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = "not the right one at all";
    std::vector<std::string> args = m_args;
    for (const char* a : {"archive", "import-portfolio"}) {
        args.emplace_back(a);
    }
    args.push_back(m_file);
    Result r = wrong(args);
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(r.out, "");

    std::string bytes = readAll(m_file);
    bytes[bytes.size() - 20] = static_cast<char>(bytes[bytes.size() - 20] ^ 1);
    writeAll(m_dir / "damaged.plportfolio", bytes);
    r = cli({"archive", "import-portfolio", (m_dir / "damaged.plportfolio").string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.out, "");

    const std::string whole = (m_dir / "whole.plarchive").string();
    ASSERT_EQ(cli({"archive", "export", whole}).status, 0);
    r = cli({"archive", "import-portfolio", whole});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "practice-ledger-cli: this archive holds a whole ledger, not one person's "
                     "portfolio: restore it into a new ledger with archive import\n");

    // Nothing of these came in.
    EXPECT_EQ(cli({"archive", "import-portfolio", m_file, "--dry-run"}).status, 0);
    EXPECT_NE(cli({"archive", "import-portfolio", m_file, "--dry-run"})
                  .out.find("dry run: 5 to add, 0 already there"),
              std::string::npos);

    // Usage: no file; a weak passphrase for a new portfolio; someone who is not there.
    EXPECT_EQ(cli({"archive", "export-portfolio", "HW1"}).status, 1);
    Cli weak = m_cli;
    weak.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = "short";
    args = m_args;
    for (const char* a : {"archive", "export-portfolio", "HW1"}) {
        args.emplace_back(a);
    }
    args.push_back((m_dir / "weak.plportfolio").string());
    EXPECT_EQ(weak(args).status, 1);
    r = cli({"archive", "export-portfolio", "HW9", (m_dir / "nobody.plportfolio").string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "employee_id: no staff member has employee id HW9\n");
    EXPECT_FALSE(fs::exists(m_dir / "nobody.plportfolio"));
    // An existing file is never overwritten.
    r = cli({"archive", "export-portfolio", "HW1", m_file});
    EXPECT_EQ(r.status, 2) << r.err;
}

} // namespace
} // namespace ledger::test
