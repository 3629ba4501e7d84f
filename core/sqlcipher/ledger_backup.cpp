// SqlCipherStore's backups of a ledger file, and restoring them (store/backup.h).

#include "sqlcipher/sqlcipher_store.h"

#include "base/error.h"
#include "base/kill_point.h"
#include "sqlcipher/cipher_file.h"
#include "sqlcipher/companion_files.h"
#include "sqlcipher/ledger_file.h"
#include "sqlcipher/page_check.h"
#include "sqlcipher/sqlite_util.h"

#include <map>
#include <system_error>

namespace ledger {

namespace fs = std::filesystem;
using sql::Statement;

namespace {

constexpr const char* kBackupCancelled = "the backup was cancelled; nothing was written";
constexpr const char* kRestoreCancelled = "the restore was cancelled; nothing was written";

/// Rows per table (SQLite's own included: sqlite_sequence holds each table's next id).
using TableCounts = std::map<std::string, std::uint64_t>;

TableCounts countRows(sqlite3* db) {
    std::vector<std::string> tables;
    {
        Statement names(db, "SELECT name FROM main.sqlite_master WHERE type = 'table'");
        while (names.step()) {
            tables.push_back(names.text(0));
        }
    }
    TableCounts counts;
    for (const std::string& table : tables) {
        std::string quoted;
        for (const char c : table) {
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        Statement count(db, "SELECT count(*) FROM main.\"" + quoted + "\"");
        counts[table] = count.step() ? static_cast<std::uint64_t>(count.integer(0)) : 0;
    }
    return counts;
}

/// The ledger's records: every row but SQLite's own bookkeeping.
std::uint64_t records(const TableCounts& counts) {
    std::uint64_t total = 0;
    for (const auto& [table, rows] : counts) {
        total += table.starts_with("sqlite_") ? 0 : rows;
    }
    return total;
}

std::uint64_t fileSize(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::uint64_t>(size);
}

/// Checks the file `path` as a new connection would read it with the keys of `keys` (those
/// the ledger's passphrase gives with the file's salt): every page's integrity code, then
/// SQLite's integrity and foreign-key checks. Returns its rows per table. Each of the two
/// checks moves `progress` on by a tenth from `from`.
TableCounts verifyLedgerFile(const fs::path& path, const LedgerKeys& keys, const Progress* progress,
                             double from, const char* cancelled) {
    const auto file = LedgerFile::join(path);
    checkLooksLikeLedger(path, *file);
    const std::vector<std::uint32_t> failing = pagesFailingIntegrity(*file, keys);
    if (!failing.empty()) {
        throw LedgerDamaged(path.string() + " is damaged: " + std::to_string(failing.size()) +
                            " of its " + std::to_string(file->size() / kLedgerPageSize) +
                            " pages fail their integrity check under the passphrase");
    }
    reportProgress(progress, from + 0.1, cancelled);
    // A fresh connection with the ledger's cipher settings (4096-byte pages): a copy written
    // with other settings fails here, however its writer reported.
    const KeyedConnection db = openKeyed(path, keys.rawKey(), SQLITE_OPEN_READONLY, true);
    checkOpened(db.get(), path);
    std::vector<std::string> problems;
    try {
        {
            Statement check(db.get(), "PRAGMA integrity_check");
            while (check.step()) {
                if (check.text(0) != "ok") {
                    problems.push_back(check.text(0));
                }
            }
        }
        Statement links(db.get(), "PRAGMA foreign_key_check");
        while (links.step()) {
            problems.push_back("a row of " + links.text(0) + " refers to a missing " +
                               links.text(2));
        }
    } catch (const StorageError& e) {
        problems.emplace_back(e.what());
    }
    reportProgress(progress, from + 0.2, cancelled);
    if (!problems.empty()) {
        throw LedgerDamaged(path.string() + " is damaged: " + problems.front() +
                            (problems.size() > 1
                                 ? " (and " + std::to_string(problems.size() - 1) + " more)"
                                 : std::string()));
    }
    return countRows(db.get());
}

/// Refuses a target where anything is (the open ledger, the backup itself, any file) before
/// any work is done; the link into place refuses one that appears meanwhile.
void refuseExisting(const fs::path& target, const char* what) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) {
        throw AlreadyExists("a file already exists at " + target.string() + "; " + what);
    }
}

/// Links the checked file into place, then says what it holds. Once it is in place a cancel
/// comes too late: the last report's answer is not heard.
BackupSummary putInPlace(FileBeingMade& made, std::string_view step, const TableCounts& counts,
                         const Progress* progress, const char* cancelled) {
    reportProgress(progress, 0.95, cancelled);
    made.putInPlace(step);
    if (progress && progress->report) {
        progress->report(1.0);
    }
    return BackupSummary{made.target(), records(counts), fileSize(made.target())};
}

} // namespace

BackupSummary SqlCipherStore::backupTo(const fs::path& target, const Progress* progress) {
    refuseExisting(target, "a backup never writes over a file");
    if (m_building || !sqlite3_get_autocommit(m_conn.db())) {
        throw Conflict("a change to the ledger is under way; back it up once it is done");
    }
    reportProgress(progress, 0.0, kBackupCancelled);
    FileBeingMade made(target, "backup");
    TableCounts counts;
    // The file's own bytes, copied inside one read transaction: its shared lock keeps every
    // other program's commit out of the file until the copy is done (their writes wait), so
    // the copy is the ledger at one moment, with the same salt, keys and 4096-byte pages.
    // (Re-encrypting with sqlcipher_export would need a connection that may write, which a
    // ledger opened read-only has not; sqlite3_backup can write pages of another size.)
    sql::exec(m_conn.db(), "BEGIN;");
    try {
        counts = countRows(m_conn.db());
        const bool whole = m_file->copyInto(made.fd(), made.path(), [&](double done) {
            killPoint("backup-copying");
            return !progress || !progress->report || progress->report(0.7 * done);
        });
        if (!whole) {
            throw Cancelled(kBackupCancelled);
        }
        sql::exec(m_conn.db(), "COMMIT;");
    } catch (...) {
        sqlite3_exec(m_conn.db(), "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
    killPoint("backup-copied");
    reportProgress(progress, 0.7, kBackupCancelled);
    made.flush();
    const TableCounts copied =
        verifyLedgerFile(made.path(), *m_keys, progress, 0.7, kBackupCancelled);
    for (const auto& [table, rows] : counts) {
        const auto found = copied.find(table);
        const std::uint64_t there = found == copied.end() ? 0 : found->second;
        if (there != rows) {
            throw StorageError("the backup did not come out whole: its table " + table + " holds " +
                               std::to_string(there) + " rows, the ledger's " +
                               std::to_string(rows) + "; nothing was written");
        }
    }
    if (copied.size() != counts.size()) {
        throw StorageError("the backup did not come out whole: it holds other tables than the "
                           "ledger; nothing was written");
    }
    killPoint("backup-verified");
    return putInPlace(made, "backup", counts, progress, kBackupCancelled);
}

BackupSummary SqlCipherStore::restoreBackup(const fs::path& backup, std::string_view passphrase,
                                            const fs::path& target, const Progress* progress) {
    refuseExisting(target, "a backup is restored only as a new file");
    std::error_code ec;
    if (!fs::exists(backup, ec)) {
        throw LedgerMissing("there is no backup at " + backup.string());
    }
    if (!fs::is_regular_file(backup, ec)) {
        throw NotALedger(backup.string() + " is not a file");
    }
    // The file alone is copied: a write to it that stopped part-way would need its journal.
    if (fileSize(journalOf(backup)) > 0) {
        throw CompanionFileProblem(unfinishedWriteHere(backup));
    }
    const auto source = LedgerFile::join(backup);
    checkLooksLikeLedger(backup, *source);
    // The passphrase is checked against the backup's first page before anything is written.
    const LedgerKeys keys = keysFor(backup, *source, passphrase);
    reportProgress(progress, 0.0, kRestoreCancelled);
    FileBeingMade made(target, "restore");
    const bool whole = source->copyInto(made.fd(), made.path(), [&](double done) {
        return !progress || !progress->report || progress->report(0.6 * done);
    });
    if (!whole) {
        throw Cancelled(kRestoreCancelled);
    }
    made.flush();
    killPoint("restore-copied");
    // The copy is what gets checked: the bytes that will be the ledger.
    const TableCounts counts =
        verifyLedgerFile(made.path(), keys, progress, 0.6, kRestoreCancelled);
    killPoint("restore-verified");
    return putInPlace(made, "restore", counts, progress, kRestoreCancelled);
}

} // namespace ledger
