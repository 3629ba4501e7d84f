#pragma once

#include "store/store.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace ledger {

namespace sql {
class Statement;
}
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
    static constexpr int kSchemaVersion = 4;
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

    [[nodiscard]] int schemaVersion() override;
    [[nodiscard]] bool readOnly() const override { return m_readOnly; }
    [[nodiscard]] std::int64_t dataVersion() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    [[nodiscard]] LedgerData loadWithoutCompletions() override;
    // Targeted reads (targeted_reads.cpp).
    [[nodiscard]] std::vector<CompletionRow>
    completionRows(const Progress* progress = nullptr) override;
    [[nodiscard]] std::vector<CompletionRow> completionRowsOf(RecordId staffId) override;
    [[nodiscard]] std::optional<Staff> staffMember(std::string_view employeeId) override;
    [[nodiscard]] LedgerData loadCatalog() override;
    [[nodiscard]] std::int64_t staffCount(NameKind kind, std::string_view name) override;
    [[nodiscard]] std::optional<AuditTheme> auditTheme(RecordId id) override;
    RecordId putStaff(const Staff& staff) override;
    RecordId putModule(const Module& module) override;
    void removeModule(std::string_view code) override;
    RecordId putRequirement(const Requirement& requirement) override;
    void removeRequirement(const Requirement& requirement) override;
    RecordId putCompletion(const Completion& completion) override;
    void updateCompletion(const Completion& completion) override;
    [[nodiscard]] std::optional<Completion> completion(RecordId id) override;
    [[nodiscard]] std::vector<Completion> completionsOf(std::string_view employeeId) override;
    void forEachCountedCompletion(const std::function<void(const Completion&)>& visit) override;
    [[nodiscard]] std::int64_t completionCount(std::string_view moduleCode) override;
    [[nodiscard]] std::vector<std::string> names(NameKind kind) override;
    void addName(NameKind kind, std::string_view name) override;
    void renameName(NameKind kind, std::string_view from, std::string_view to) override;
    void removeName(NameKind kind, std::string_view name) override;
    [[nodiscard]] std::vector<AuditTheme> auditThemes() override;
    RecordId putAuditTheme(const AuditTheme& theme) override;
    void removeAuditTheme(RecordId id) override;
    RecordId appendChangeLog(const ChangeLogEntry& entry) override;
    void setChangeLogNewValues(RecordId change, std::string_view newValues) override;
    void linkChange(std::string_view entity, RecordId id, RecordId change, bool created) override;
    [[nodiscard]] RecordOrigin recordOrigin(std::string_view entity, RecordId id) override;
    [[nodiscard]] std::vector<ChangeLogEntry>
    historyOfSubject(std::string_view employeeId) override;
    [[nodiscard]] std::unordered_map<std::string, RecordId> staffIds() override;
    [[nodiscard]] std::unordered_map<std::string, RecordId> moduleIds() override;
    [[nodiscard]] std::optional<StoredCompletion>
    findCompletion(RecordId staffId, RecordId moduleId, Date completedOn) override;
    void storedCompletionsOf(RecordId staffId, std::vector<StoredCompletion>& out) override;
    std::optional<RecordId> insertCompletionIfNew(RecordId staffId, RecordId moduleId,
                                                  const Completion& c,
                                                  RecordId createdChange) override;
    RecordId insertCompletion(RecordId staffId, RecordId moduleId, const Completion& c,
                              RecordId createdChange) override;
    void updateCompletionValues(RecordId id, const Completion& c, RecordId changedChange) override;
    std::int64_t setCacheSize(std::int64_t value) override;
    [[nodiscard]] std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                        std::string_view recordKey) override;
    [[nodiscard]] std::string setting(std::string_view key) override;
    void setSetting(std::string_view key, std::string_view value) override;
    [[nodiscard]] std::vector<std::string> checkIntegrity() override;
    std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                        const ChangeLogEntry& entry) override;
    [[nodiscard]] std::vector<std::string> notices() const override { return m_notices; }
    [[nodiscard]] std::vector<std::filesystem::path> backupsMade() const override {
        return m_backups;
    }

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    class StatementLease;

    SqlCipherStore(sqlite3* db, std::filesystem::path path, bool readOnly);
    void migrate(int from);
    /// Staff (unless `withStaff` is false), modules and requirement rules.
    void loadReferences(LedgerData& data, bool withStaff = true);
    RecordId nameId(NameKind kind, std::string_view name);
    std::optional<RecordId> lookup(const char* sqlText, std::string_view key);
    /// The prepared statement for `sqlText`, which must be a string literal (the cache is
    /// keyed on its address); reset when the lease ends.
    StatementLease statement(const char* sqlText);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    bool m_readOnly = false;
    std::unique_ptr<LedgerFile> m_file; ///< this process's handle on the file and its lock
    std::unique_ptr<LedgerKeys> m_keys; ///< for checking each page's integrity code
    std::vector<std::string> m_notices;
    std::vector<std::filesystem::path> m_backups;
    /// While a new ledger is being built: where it goes, its temporary name, its lock.
    struct Building {
        std::filesystem::path path;
        std::filesystem::path temp;
        int fd = -1;
    };
    std::optional<Building> m_building;
    std::unordered_map<const char*, std::unique_ptr<sql::Statement>> m_statements;
};

} // namespace ledger
