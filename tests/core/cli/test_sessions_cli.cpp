// The sessions feature's CLI contract (rules/sessions.md section 8) against the examples of
// tests/data/sessions (a copy of the shared examples, from an implementation written
// independently of the product), on both engines: every report of questions.txt byte for
// byte (expected-no-cpd/, until CPD exists), the refused booking actions' exact lines, and
// each invalid file's problems named by file, line and column (the examples' wording of the
// messages is theirs; the places are the contract).

#include "cli/cli_runner.h"
#include "engines.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(LEDGER_TEST_DATA) / "sessions";

/// Runs a scope in another working folder (the file names in problems are as given).
class InFolder {
public:
    explicit InFolder(const fs::path& folder) : m_before(fs::current_path()) {
        fs::current_path(folder);
    }
    ~InFolder() { fs::current_path(m_before); }
    InFolder(const InFolder&) = delete;
    InFolder& operator=(const InFolder&) = delete;

private:
    fs::path m_before;
};

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// `FILE:LINE: column` of each problem line.
std::vector<std::string> places(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& line : linesOf(text)) {
        std::size_t colon = line.find(':');
        colon = line.find(':', colon + 1);
        colon = line.find(':', colon + 1);
        out.push_back(line.substr(0, colon));
    }
    return out;
}

class SessionsCli : public EngineTest {
protected:
    /// A new empty ledger on this test's engine, as the CLI names it.
    void newLedger() {
        m_args.clear();
        if (GetParam() == Engine::File) {
            const fs::path pass = m_dir / "pass";
            writeAll(pass, "sessions example ledger\n");
            fs::permissions(pass, fs::perms::owner_read | fs::perms::owner_write);
            m_ledger = m_dir / ("l" + std::to_string(++m_made) + ".ledger");
            m_args = {"--ledger", m_ledger.string(), "--passphrase-file", pass.string(), "--as",
                      "test"};
            const Result r = cli({"init"});
            ASSERT_EQ(r.status, 0) << r.err;
            return;
        }
        PgScratch& scratch = ledgers().scratch();
        const std::string db = scratch.createDatabase();
        scratch.trackLedgerRoles(db);
        m_args = {"--ledger", scratch.uri(db)};
        const Result r = cli({"server", "init"});
        ASSERT_EQ(r.status, 0) << r.err;
    }

    Result cli(const std::vector<std::string>& args) const {
        std::vector<std::string> all = m_args;
        all.insert(all.end(), args.begin(), args.end());
        return m_cli(all);
    }

    /// Imports the foundation's four files and then `kinds` from `folder`, each expected to
    /// succeed.
    void importAll(const fs::path& folder, const std::vector<std::string>& kinds) {
        const InFolder here(folder);
        for (const std::string& kind : kinds) {
            const Result r = cli({"import", kind, kind + ".csv"});
            ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
        }
    }

    ScratchDir m_dir;
    fs::path m_ledger;
    int m_made = 0;
    std::vector<std::string> m_args;
    Cli m_cli;
};

INSTANTIATE_TEST_SUITE_P(Engines, SessionsCli, kEngines, engineName);

TEST_P(SessionsCli, EveryReportOfTheExamplesMatchesByteForByte) {
    newLedger();
    importAll(kData, {"staff", "modules", "requirements", "completions", "themes", "sessions",
                      "booking-actions"});
    std::ifstream questions(kData / "questions.txt");
    int asked = 0;
    for (std::string line; std::getline(questions, line);) {
        if (line.empty()) {
            continue;
        }
        const std::size_t tab = line.find('\t');
        const std::string name = line.substr(0, tab);
        std::vector<std::string> args{"report"};
        std::istringstream words(line.substr(tab + 1));
        for (std::string word; words >> word;) {
            args.push_back(word);
        }
        args.insert(args.end(), {"--format", "csv"});
        const Result r = cli(args);
        ASSERT_EQ(r.status, 0) << name << ": " << r.err;
        EXPECT_EQ(r.out, readAll(kData / "expected-no-cpd" / (name + ".csv"))) << name;
        ++asked;
    }
    EXPECT_EQ(asked, 33);
    // Importing the same files again changes nothing.
    const InFolder here(kData);
    EXPECT_EQ(cli({"import", "themes", "themes.csv"}).out, "added 0, updated 0, unchanged 47\n");
    EXPECT_EQ(cli({"import", "booking-actions", "booking-actions.csv"}).out,
              "added 0, updated 0, unchanged 234\n");
}

TEST_P(SessionsCli, RefusedActionsAreListedExactlyAndNothingIsWritten) {
    newLedger();
    const fs::path refused = kData / "refused";
    importAll(refused, {"staff", "modules", "requirements", "completions", "themes", "sessions"});
    const InFolder here(refused);
    const Result r = cli({"import", "booking-actions", "booking-actions.csv"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, readAll(refused / "expected-stderr.txt"));
    EXPECT_EQ(r.out, "");
    const Result bookings = cli({"report", "bookings", "--format", "csv"});
    EXPECT_EQ(bookings.out, "session,starts_at,session_status,employee_id,state,"
                            "waiting_position,promoted_on,walk_in,attendance\n");
}

TEST_P(SessionsCli, AnUnknownColumnIsReportedAndIgnoredAndAControlCharacterRefused) {
    newLedger();
    importAll(kData, {"staff", "modules"});
    const fs::path themes = m_dir / "themes.csv";
    writeAll(themes, "key,title,description,source,raised_on,priority,status,owner_id,modules,"
                     "notes\nADV,Advocacy,,complaint,2026-01-05,high,open,,,ignored\n");
    Result r = cli({"import", "themes", themes.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 1, updated 0, unchanged 0\n");
    EXPECT_NE(r.err.find("notes"), std::string::npos) << r.err;
    writeAll(themes, "key,title,description,source,raised_on,priority,status,owner_id,modules\n"
                     "BELL,Bell \x07 here,,complaint,2026-01-05,high,open,,\n");
    r = cli({"import", "themes", themes.string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(places(r.err), (std::vector<std::string>{themes.string() + ":2: title"})) << r.err;
}

TEST_P(SessionsCli, InvalidFilesNameEachProblemsLineAndColumn) {
    newLedger();
    const fs::path refused = kData / "refused";
    importAll(refused, {"staff", "modules", "requirements", "completions", "themes", "sessions"});
    const InFolder here(refused / "invalid");
    for (const std::string kind : {"themes", "sessions", "booking-actions"}) {
        const Result r = cli({"import", kind, kind + ".csv"});
        EXPECT_EQ(r.status, 2) << kind;
        EXPECT_EQ(places(r.err),
                  places(readAll(refused / "invalid" / ("expected-" + kind + ".txt"))))
            << kind << ":\n"
            << r.err;
    }
}

} // namespace
} // namespace ledger::test
