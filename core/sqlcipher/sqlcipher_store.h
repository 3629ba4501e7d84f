#pragma once

#include "sqlcipher/repositories.h"
#include "store/backup.h"
#include "store/store.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace ledger {

class FileBeingMade;
class LedgerFile;
struct LedgerKeys;

/// The ledger as one SQLCipher 3 file: AES-256-CBC with an HMAC-SHA1 on every page, keys
/// from PBKDF2-HMAC-SHA1 with 256,000 iterations, 4096-byte pages, foreign keys on, our own
/// application id, schema version in user_version.
///
/// The ledger is one file. It keeps a rollback journal (journal_mode DELETE, synchronous
/// FULL), not a write-ahead log: a commit returns only once its pages are in the ledger
/// file itself and the journal is gone, however long another program goes on reading, so
/// the file alone can be copied, backed up or restored at any time nobody is writing it. A
/// `-journal` exists only while a write is in progress, or when a writer was killed part
/// way: then it holds the pages needed to undo that write, which the next opening does
/// (after checking that it is this file's journal; see companion_files.h). A write-ahead
/// log would hold committed work outside the file until a checkpoint that any reader can
/// hold off, which is how a stale, missing or foreign -wal lost or mixed records.
class SqlCipherStore final : public Store {
public:
    /// The schema version this program writes.
    static constexpr int kSchemaVersion = 10;
    /// `PRAGMA application_id` of every ledger ("PLdg").
    static constexpr int kApplicationId = 0x504C6467;

    /// Opens an existing ledger. Never creates a file. Throws LedgerMissing, NotALedger,
    /// WrongPassphrase (wrong passphrase or damaged file) or NewerSchema; none of them
    /// changes the file. An older schema is upgraded one version at a time, after a backup
    /// copy `<path>.v<old version>.bak`.
    ///
    /// A ledger has one writer at a time: a store open for writing holds an exclusive
    /// `flock` on the file, which another process, or another store in this process, cannot
    /// take. ReadWrite then throws Conflict (after checking the passphrase); Auto opens
    /// read-only instead.
    static std::unique_ptr<SqlCipherStore> open(const std::filesystem::path& path,
                                                std::string_view passphrase, OpenMode mode);
    /// As above, ReadOnly or ReadWrite.
    static std::unique_ptr<SqlCipherStore> open(const std::filesystem::path& path,
                                                std::string_view passphrase, bool readOnly = false);

    /// Starts a new ledger for `path`: an empty ledger of the current schema, built under a
    /// temporary name beside it (readable by its owner only, locked while this program lives)
    /// and open for writing. Fill it, then publish() links it into place whole. Dropped
    /// unpublished (or killed), nothing appears at `path`; a later create removes leftovers
    /// whose maker is proved dead by their lock. Throws AlreadyExists when anything is at
    /// `path`.
    static std::unique_ptr<SqlCipherStore> beginCreate(const std::filesystem::path& path,
                                                       std::string_view passphrase);
    /// Puts a ledger from beginCreate in place at its path, never over a file that appeared
    /// there meanwhile (AlreadyExists). The store is closed afterwards: open the path.
    void publish();

    /// The SQL of schema step `version` (from `version - 1` to `version`), for tests that
    /// build a ledger of an older version.
    [[nodiscard]] static std::string_view schemaStep(int version);

    ~SqlCipherStore() override;
    SqlCipherStore(const SqlCipherStore&) = delete;
    SqlCipherStore& operator=(const SqlCipherStore&) = delete;

    [[nodiscard]] StaffRepository& staff() override { return m_staff; }
    [[nodiscard]] TrainingRepository& training() override { return m_training; }
    [[nodiscard]] ThemeRepository& themes() override { return m_themes; }
    [[nodiscard]] SessionRepository& sessions() override { return m_sessions; }
    [[nodiscard]] CpdRepository& cpd() override { return m_cpd; }
    [[nodiscard]] AssessorRepository& assessors() override { return m_assessors; }
    [[nodiscard]] ProgrammeRepository& programmes() override { return m_programmes; }
    [[nodiscard]] ChangeLogRepository& changeLog() override { return m_changeLog; }
    [[nodiscard]] SettingsRepository& settings() override { return m_settings; }

    [[nodiscard]] int schemaVersion() override;
    [[nodiscard]] bool readOnly() const override { return m_readOnly; }
    [[nodiscard]] std::unique_ptr<ChangeFeed> changeFeed() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    std::int64_t setCacheSize(std::int64_t value) override;
    [[nodiscard]] std::vector<std::string> checkIntegrity() override;
    void readRows(const TableColumns& table,
                  const std::function<void(const RawRow&)>& visit) override;
    void beginSnapshot() override;
    void endSnapshot() override;
    [[nodiscard]] std::unique_ptr<RowWriter> rowWriter(const TableColumns& table) override;
    std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                        const ChangeLogEntry& entry) override;
    [[nodiscard]] std::vector<std::string> notices() const override { return m_notices; }
    [[nodiscard]] std::vector<std::filesystem::path> backupsMade() const override {
        return m_backups;
    }

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /// Writes a backup of this ledger to the new file `target`: the file's bytes, copied to a
    /// temporary file beside `target` inside one read transaction (other programs' commits
    /// wait for it, so the copy is one moment of the ledger), so that it has the same salt,
    /// keys and cipher settings and the same passphrase opens it. The copy is then checked as
    /// a fresh connection reads it (every page's integrity code, SQLite's integrity and
    /// foreign-key checks, each table's rows counted against the ledger's), flushed to the
    /// disk, and linked into place, never over a file that is there (AlreadyExists).
    /// Cancelled or failed, nothing is left at `target` or beside it.
    BackupSummary backupTo(const std::filesystem::path& target, const Progress* progress);
    /// Copies the backup file `backup` to a temporary file beside the new `target`, checks
    /// the copy whole under `passphrase` (WrongPassphrase, NotALedger, NewerSchema,
    /// LedgerDamaged, with nothing written), and links it into place, never over a file that
    /// is there (AlreadyExists). An older schema is upgraded when the new ledger is opened.
    static BackupSummary restoreBackup(const std::filesystem::path& backup,
                                       std::string_view passphrase,
                                       const std::filesystem::path& target,
                                       const Progress* progress);

private:
    SqlCipherStore(sqlite3* db, std::filesystem::path path, bool readOnly);
    void migrate(int from);

    sql::Connection m_conn; ///< the handle and its statements, shared by the repositories
    std::filesystem::path m_path;
    bool m_readOnly = false;
    std::unique_ptr<LedgerFile> m_file; ///< this process's handle on the file and its lock
    std::unique_ptr<LedgerKeys> m_keys; ///< for checking each page's integrity code
    std::vector<std::string> m_notices;
    std::vector<std::filesystem::path> m_backups;
    /// While a new ledger is being built: where it goes, its temporary name, its lock.
    std::unique_ptr<FileBeingMade> m_building;
    SqlCipherStaffRepository m_staff{m_conn};
    SqlCipherTrainingRepository m_training{m_conn};
    SqlCipherThemeRepository m_themes{m_conn};
    SqlCipherSessionRepository m_sessions{m_conn};
    SqlCipherCpdRepository m_cpd{m_conn};
    SqlCipherAssessorRepository m_assessors{m_conn};
    SqlCipherProgrammeRepository m_programmes{m_conn};
    SqlCipherChangeLogRepository m_changeLog{m_conn};
    SqlCipherSettingsRepository m_settings{m_conn};
};

} // namespace ledger
