// `backup FILE` and `--ledger NEW restore BACKUP`: their messages and exit statuses, and the
// refusals that write nothing (an existing file, a wrong passphrase, a ledger on a server).

#include "cli/cli_runner.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

namespace ledger::test {
namespace {

namespace fs = std::filesystem;

class BackupCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = "Larch-Otter-Pewter-19";
        const Result made =
            run(m_ledger, {"generate", "--staff", "40", "--teams", "2", "--modules", "4"});
        ASSERT_EQ(made.status, 0) << made.err;
    }

    /// The CLI on `ledger`; a file's change log names "test" (a server names its login).
    Result run(const fs::path& ledger, std::vector<std::string> args) {
        const bool server = ledger.string().starts_with("postgresql://");
        args.insert(args.begin(), {"--ledger", ledger.string()});
        if (!server) {
            args.insert(args.begin() + 2, {"--as", "test"});
        }
        return m_cli(args);
    }

    ScratchDir m_dir;
    fs::path m_ledger = m_dir / "council.ledger";
    fs::path m_backup = m_dir / "council-backup.ledger";
    Cli m_cli;
};

TEST_F(BackupCli, BacksUpSayingHowManyRecordsAndRefusesAnExistingFile) {
    const Result r = run(m_ledger, {"backup", m_backup.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::regex_match(r.out, std::regex("backed up the ledger to " + m_backup.string() +
                                                   " \\([1-9][0-9]+ records, verified\\)\n")))
        << r.out;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(fs::status(m_backup).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);

    const std::string bytes = readAll(m_backup);
    const Result again = run(m_ledger, {"backup", m_backup.string()});
    EXPECT_EQ(again.status, 2);
    EXPECT_NE(again.err.find("a file already exists at " + m_backup.string()), std::string::npos)
        << again.err;
    EXPECT_EQ(readAll(m_backup), bytes);
    EXPECT_EQ(run(m_backup, {"check"}).status, 0);
}

TEST_F(BackupCli, RestoresIntoANewLedgerWithTheBackupsPassphraseOnly) {
    ASSERT_EQ(run(m_ledger, {"backup", m_backup.string()}).status, 0);
    const fs::path restored = m_dir / "restored.ledger";
    const Result r = run(restored, {"restore", m_backup.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::regex_match(
        r.out,
        std::regex("restored " + m_backup.string() + " as the new ledger " + restored.string() +
                   " \\([1-9][0-9]+ records, verified\\); it opens with the backup's "
                   "passphrase\n")))
        << r.out;
    const Result check = run(restored, {"check"});
    EXPECT_EQ(check.status, 0) << check.err;
    EXPECT_EQ(run(restored, {"export", "completions"}).out,
              run(m_ledger, {"export", "completions"}).out);

    // Never over a file: the ledger itself, the restored one, the backup.
    const std::string ledgerBytes = readAll(m_ledger);
    for (const fs::path& existing : {m_ledger, restored, m_backup}) {
        const Result refused = run(existing, {"restore", m_backup.string()});
        EXPECT_EQ(refused.status, 2) << existing;
        EXPECT_NE(refused.err.find("already exists"), std::string::npos) << refused.err;
    }
    EXPECT_EQ(readAll(m_ledger), ledgerBytes);

    // The backup's passphrase, not another.
    m_cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = "Quince-Marmot-Ledge-42";
    const fs::path other = m_dir / "other.ledger";
    const Result wrong = run(other, {"restore", m_backup.string()});
    EXPECT_EQ(wrong.status, 3);
    EXPECT_NE(wrong.err.find("passphrase is wrong"), std::string::npos) << wrong.err;
    EXPECT_FALSE(fs::exists(other));
}

TEST_F(BackupCli, ALedgerOnAServerIsRefusedNamingWhoBacksItUp) {
    m_cli.vars.erase("PRACTICE_LEDGER_PASSPHRASE");
    const Result backup = run("postgresql://localhost/ledger", {"backup", m_backup.string()});
    EXPECT_EQ(backup.status, 2);
    EXPECT_NE(backup.err.find("database administrator (pg_dump)"), std::string::npos) << backup.err;
    const Result restore = run("postgresql://localhost/ledger", {"restore", m_backup.string()});
    EXPECT_EQ(restore.status, 2);
    EXPECT_NE(restore.err.find("new ledger file"), std::string::npos) << restore.err;
    EXPECT_FALSE(fs::exists(m_backup));
}

} // namespace
} // namespace ledger::test
