// The sessions feature's CLI contract (rules/sessions.md section 8) against the examples of
// tests/data/sessions (a copy of the shared examples, from an implementation written
// independently of the product), on both engines: every report of questions.txt byte for
// byte (expected-no-cpd/ without the CPD entries, expected/ with them), the refused booking
// actions' exact lines, and each invalid file's problems named by file, line and column (the
// examples' wording of the messages is theirs; the places are the contract).

#include "cli/example_cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kData = fs::path(LEDGER_TEST_DATA) / "sessions";

class SessionsCli : public ExampleCli {
protected:
    void askEveryQuestion(const fs::path& expected);
};

INSTANTIATE_TEST_SUITE_P(Engines, SessionsCli, kEngines, engineName);

/// Asks every question of questions.txt and compares each answer with `expected`'s file.
void SessionsCli::askEveryQuestion(const fs::path& expected) {
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
        EXPECT_EQ(r.out, readAll(expected / (name + ".csv"))) << name;
        ++asked;
    }
    EXPECT_EQ(asked, 33);
}

TEST_P(SessionsCli, EveryReportOfTheExamplesMatchesByteForByte) {
    newLedger();
    importAll(kData, {"staff", "modules", "requirements", "completions", "themes", "sessions",
                      "booking-actions"});
    askEveryQuestion(kData / "expected-no-cpd");
    // Importing the same files again changes nothing.
    const InFolder here(kData);
    EXPECT_EQ(cli({"import", "themes", "themes.csv"}).out, "added 0, updated 0, unchanged 47\n");
    EXPECT_EQ(cli({"import", "booking-actions", "booking-actions.csv"}).out,
              "added 0, updated 0, unchanged 234\n");
}

TEST_P(SessionsCli, WithTheCpdEntriesEveryReportMatchesByteForByte) {
    newLedger();
    importAll(kData, {"staff", "modules", "requirements", "completions", "themes", "sessions",
                      "booking-actions", "cpd"});
    askEveryQuestion(kData / "expected");
    const InFolder here(kData);
    EXPECT_EQ(cli({"import", "cpd", "cpd.csv"}).out, "added 0, updated 0, unchanged 178\n");
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
