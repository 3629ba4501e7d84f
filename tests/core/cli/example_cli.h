#pragma once

// The CLI over a new ledger of each engine, for the tests of the rules pages' CLI contracts
// against the shared examples (tests/data).

#include "cli/cli_runner.h"
#include "engines.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace ledger::test {

namespace fs = std::filesystem;

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

inline std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// `FILE:LINE: column` of each problem line.
inline std::vector<std::string> places(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& line : linesOf(text)) {
        std::size_t colon = line.find(':');
        colon = line.find(':', colon + 1);
        colon = line.find(':', colon + 1);
        out.push_back(line.substr(0, colon));
    }
    return out;
}

/// A CLI test on both engines over a new, empty ledger of its own.
class ExampleCli : public EngineTest {
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

} // namespace ledger::test
