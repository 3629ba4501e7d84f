// Backups of a ledger file and restores of them (store/backup.h): the copy holds every row of
// every table under the same passphrase and cipher settings, is readable by its owner only,
// and never lands on a file that exists; cancelled, refused or failed, nothing is left.

#include "engines.h"
#include "ledger.h"
#include "sqlcipher/sqlcipher_store.h"

#include "demo/generator.h"
#include "store/backup.h"
#include "store/ledger_copy.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <sys/stat.h>

#include <map>

namespace ledger::test {
namespace {

namespace fs = std::filesystem;

const std::string kPass = EngineLedger::kPassphrase;
const Date kToday = makeDate(2026, 11, 25);

/// A small council with its themes: staff, modules, rules, completions, themes and the
/// change log of all of them.
void fillCouncil(Ledger& ledger) {
    GeneratorOptions options;
    options.staff = 120;
    options.teams = 4;
    options.modules = 8;
    options.today = kToday;
    const LedgerData council = generateCouncil(options);
    ledger.imports().records(council, kToday, "test");
    for (const AuditTheme& theme : generateAuditThemes(council, kToday)) {
        ledger.themes().save(theme, kToday, "test");
    }
}

/// Every row of every table a ledger copy carries, by table.
std::map<std::string, std::vector<RawRow>> allRows(const fs::path& file) {
    const auto store = SqlCipherStore::open(file, kPass, OpenMode::ReadOnly);
    std::map<std::string, std::vector<RawRow>> rows;
    for (const TableColumns& table : ledgerTables()) {
        auto& into = rows[table.table + (table.update ? " (links)" : "")];
        store->readRows(table, [&](const RawRow& row) { into.push_back(row); });
    }
    return rows;
}

/// The names in `folder` other than `keep`: what a refused or cancelled backup left.
std::vector<std::string> strays(const fs::path& folder, const std::vector<std::string>& keep) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (std::find(keep.begin(), keep.end(), name) == keep.end()) {
            found.push_back(name);
        }
    }
    return found;
}

/// Whether `file` reads with the passphrase under the given cipher page size.
bool readsWithPageSize(const fs::path& file, int pageSize) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    const std::string pragmas =
        "PRAGMA key = '" + kPass +
        "'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = " + std::to_string(pageSize) + ";";
    sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr);
    const int rc =
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

class Backup : public ::testing::Test {
protected:
    void SetUp() override { Ledger::create(m_ledger, kPass, "test", fillCouncil); }

    ScratchDir m_dir;
    fs::path m_ledger = m_dir / "council.ledger";
    fs::path m_backup = m_dir / "council-backup.ledger";
};

TEST_F(Backup, OpensWithTheSamePassphraseAndHoldsEveryRowOfEveryTable) {
    BackupSummary done;
    {
        Ledger ledger = Ledger::open(m_ledger, kPass, OpenMode::ReadOnly);
        done = ledger.backupTo(m_backup);
    }
    EXPECT_EQ(done.path, m_backup);
    EXPECT_EQ(done.bytes, fs::file_size(m_backup));
    const auto before = allRows(m_ledger);
    const auto copied = allRows(m_backup);
    EXPECT_EQ(copied, before);
    EXPECT_GT(before.at("completion").size(), 500u);
    EXPECT_GT(before.at("audit_theme").size(), 0u);
    EXPECT_GT(before.at("change_log").size(), 0u);
    // The count a person is told is every row of the ledger's tables.
    std::uint64_t rows = 0;
    for (const auto& [table, tableRows] : before) {
        rows += table.ends_with(" (links)") ? 0 : tableRows.size();
    }
    {
        const auto store = SqlCipherStore::open(m_backup, kPass, OpenMode::ReadOnly);
        EXPECT_EQ(store->checkIntegrity(), std::vector<std::string>{});
    }
    EXPECT_GE(done.records, rows);
    Ledger reopened = Ledger::open(m_backup, kPass, OpenMode::ReadOnly);
    EXPECT_EQ(everyRecord(reopened).completions.size(), before.at("completion").size());
}

TEST_F(Backup, IsReadableByItsOwnerOnlyAndHasTheLedgersPageSize) {
    ::umask(022); // a backup is 0600 whatever the umask lets through
    Ledger::open(m_ledger, kPass, OpenMode::ReadOnly).backupTo(m_backup);
    struct stat info {};
    ASSERT_EQ(::stat(m_backup.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600u);
    EXPECT_EQ(fs::file_size(m_backup) % 4096, 0u);
    // SQLCipher's default page size (1024) cannot read it; the ledger's (4096) can.
    EXPECT_TRUE(readsWithPageSize(m_backup, 4096));
    EXPECT_FALSE(readsWithPageSize(m_backup, 1024));
    // A passphrase other than the ledger's does not open it.
    EXPECT_THROW((void)SqlCipherStore::open(m_backup, "not the passphrase", OpenMode::ReadOnly),
                 WrongPassphrase);
}

TEST_F(Backup, AnExistingTargetIsRefusedAndLeftByteForByte) {
    writeAll(m_backup, "an older backup, to keep");
    Ledger ledger = Ledger::open(m_ledger, kPass, OpenMode::ReadOnly);
    EXPECT_THROW(ledger.backupTo(m_backup), AlreadyExists);
    EXPECT_EQ(readAll(m_backup), "an older backup, to keep");
    // The open ledger itself as the target.
    const std::string ledgerBytes = readAll(m_ledger);
    EXPECT_THROW(ledger.backupTo(m_ledger), AlreadyExists);
    EXPECT_EQ(readAll(m_ledger), ledgerBytes);
    EXPECT_EQ(strays(m_dir.path(), {"council.ledger", "council-backup.ledger"}),
              std::vector<std::string>{});
}

TEST_F(Backup, ACancelAtAnyReportLeavesNoBackupAndNoTemporaryFile) {
    Ledger ledger = Ledger::open(m_ledger, kPass, OpenMode::ReadOnly);
    // How many times a whole backup reports; the last (1.0) comes once it is in place.
    std::vector<double> reports;
    Progress counting{[&](double f) {
        reports.push_back(f);
        return true;
    }};
    ledger.backupTo(m_dir / "whole.ledger", &counting);
    ASSERT_GE(reports.size(), 4u);
    EXPECT_EQ(reports.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(reports.begin(), reports.end()));
    fs::remove(m_dir / "whole.ledger");
    // The first reports, some in the export, the last few (checking, linking).
    const std::size_t n = reports.size();
    for (const std::size_t stopAt :
         {std::size_t{0}, std::size_t{1}, std::size_t{2}, n / 4, n / 2, 3 * n / 4, n - 3, n - 2}) {
        std::size_t heard = 0;
        Progress stopping{[&](double) {
            return heard++ < stopAt;
        }};
        EXPECT_THROW(ledger.backupTo(m_backup, &stopping), Cancelled) << "report " << stopAt;
        EXPECT_FALSE(fs::exists(m_backup)) << "report " << stopAt;
        EXPECT_EQ(strays(m_dir.path(), {"council.ledger"}), std::vector<std::string>{})
            << "report " << stopAt;
    }
    // The ledger goes on as before, and a backup after the cancels is whole.
    ledger.backupTo(m_backup);
    EXPECT_EQ(allRows(m_backup), allRows(m_ledger));
}

TEST_F(Backup, IsOneMomentOfTheLedgerWhileAnotherConnectionWrites) {
    Ledger writer = Ledger::open(m_ledger, kPass, OpenMode::ReadWrite);
    Ledger reader = Ledger::open(m_ledger, kPass, OpenMode::ReadOnly);
    const auto before = allRows(m_ledger);
    bool tried = false;
    bool committed = false;
    Progress writing{[&](double f) {
        if (f > 0 && f < 0.7 && !tried) {
            tried = true;
            // The backup's read transaction holds this commit off (until the busy timeout).
            try {
                writer.settings().set("organisation_name", "Renamed mid-backup", "test");
                committed = true;
            } catch (const Error&) {
            }
        }
        return true;
    }};
    reader.backupTo(m_backup, &writing);
    EXPECT_TRUE(tried);
    EXPECT_FALSE(committed);
    EXPECT_EQ(allRows(m_backup), before);
}

TEST_F(Backup, RestoreMakesANewLedgerThatReadsTheSame) {
    Ledger::open(m_ledger, kPass, OpenMode::ReadOnly).backupTo(m_backup);
    const fs::path restored = m_dir / "restored.ledger";
    const BackupSummary done = restoreBackup(m_backup, kPass, restored);
    EXPECT_EQ(done.path, restored);
    EXPECT_GT(done.records, 500u);
    EXPECT_EQ(allRows(restored), allRows(m_ledger));
    struct stat info {};
    ASSERT_EQ(::stat(restored.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600u);
    Ledger opened = Ledger::open(restored, kPass, OpenMode::ReadWrite);
    EXPECT_EQ(opened.check(), std::vector<std::string>{});
}

TEST_F(Backup, RestoreRefusesTheOpenLedgersPathAndAnExistingFile) {
    Ledger open = Ledger::open(m_ledger, kPass, OpenMode::ReadWrite);
    open.backupTo(m_backup);
    const std::string ledgerBytes = readAll(m_ledger);
    EXPECT_THROW(restoreBackup(m_backup, kPass, m_ledger), AlreadyExists);
    EXPECT_EQ(readAll(m_ledger), ledgerBytes);
    const fs::path other = m_dir / "other.ledger";
    writeAll(other, "someone else's file");
    EXPECT_THROW(restoreBackup(m_backup, kPass, other), AlreadyExists);
    EXPECT_EQ(readAll(other), "someone else's file");
    EXPECT_THROW(restoreBackup(m_backup, kPass, m_backup), AlreadyExists);
    EXPECT_EQ(strays(m_dir.path(), {"council.ledger", "council-backup.ledger", "other.ledger"}),
              std::vector<std::string>{});
    // The open ledger goes on working.
    EXPECT_EQ(open.check(), std::vector<std::string>{});
}

TEST_F(Backup, RestoreWithAWrongPassphraseChangesNothing) {
    Ledger::open(m_ledger, kPass, OpenMode::ReadOnly).backupTo(m_backup);
    const std::string backupBytes = readAll(m_backup);
    const fs::path restored = m_dir / "restored.ledger";
    EXPECT_THROW(restoreBackup(m_backup, "not the passphrase", restored), WrongPassphrase);
    EXPECT_FALSE(fs::exists(restored));
    EXPECT_EQ(readAll(m_backup), backupBytes);
    EXPECT_EQ(strays(m_dir.path(), {"council.ledger", "council-backup.ledger"}),
              std::vector<std::string>{});
}

TEST_F(Backup, RestoreRefusesADamagedBackupAndACancelWritesNothing) {
    Ledger::open(m_ledger, kPass, OpenMode::ReadOnly).backupTo(m_backup);
    const fs::path restored = m_dir / "restored.ledger";
    Progress stop{[](double) {
        return false;
    }};
    EXPECT_THROW(restoreBackup(m_backup, kPass, restored, &stop), Cancelled);
    EXPECT_FALSE(fs::exists(restored));
    // One byte changed in the middle of a page past the first.
    std::string bytes = readAll(m_backup);
    ASSERT_GT(bytes.size(), 3 * 4096u);
    bytes[2 * 4096 + 100] = static_cast<char>(bytes[2 * 4096 + 100] ^ 0x01);
    writeAll(m_backup, bytes);
    EXPECT_THROW(restoreBackup(m_backup, kPass, restored), LedgerDamaged);
    EXPECT_FALSE(fs::exists(restored));
    EXPECT_EQ(strays(m_dir.path(), {"council.ledger", "council-backup.ledger"}),
              std::vector<std::string>{});
}

TEST_F(Backup, RestoreRefusesAFileThatIsNoLedger) {
    writeAll(m_backup, "just some notes, not a ledger\n");
    EXPECT_THROW(restoreBackup(m_backup, kPass, m_dir / "restored.ledger"), NotALedger);
    EXPECT_THROW(restoreBackup(m_dir / "missing.ledger", kPass, m_dir / "restored.ledger"),
                 LedgerMissing);
    EXPECT_FALSE(fs::exists(m_dir / "restored.ledger"));
}

/// On both engines: a file backs up; a server refuses, naming who backs it up.
class BackupEngines : public EngineTest {};

TEST_P(BackupEngines, AFileBacksUpAndAServerRefusesWithItsAdministratorsWay) {
    Ledger ledger = ledgers().create("test", fillCouncil);
    ScratchDir dir;
    const fs::path target = dir / "backup.ledger";
    if (GetParam() == Engine::File) {
        EXPECT_GT(ledger.backupTo(target).records, 500u);
        EXPECT_TRUE(fs::exists(target));
        return;
    }
    try {
        ledger.backupTo(target);
        ADD_FAILURE() << "a server ledger was backed up to a file";
    } catch (const ActionRefused& e) {
        EXPECT_NE(std::string(e.what()).find("pg_dump"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("archive export"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(target));
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

INSTANTIATE_TEST_SUITE_P(Engines, BackupEngines, kEngines, engineName);

} // namespace
} // namespace ledger::test
