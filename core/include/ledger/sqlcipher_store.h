#pragma once

#include "ledger/store.h"

#include <filesystem>
#include <memory>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace ledger {

namespace sql {
class Statement;
}
class LedgerFile;

/// The ledger as one SQLCipher file: AES-256, PBKDF2 with 256,000 iterations, 4096-byte
/// pages, WAL, foreign keys on, our own application id, schema version in user_version.
class SqlCipherStore final : public Store {
public:
    /// The schema version this program writes.
    static constexpr int kSchemaVersion = 2;
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

    /// Creates a new ledger, open for writing; throws AlreadyExists when anything is at
    /// `path`. The file appears only once it is complete.
    static std::unique_ptr<SqlCipherStore> create(const std::filesystem::path& path,
                                                  std::string_view passphrase);

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
    [[nodiscard]] LedgerData loadAll() override;
    [[nodiscard]] LedgerData loadWithoutCompletions() override;
    void putStaff(const Staff& staff) override;
    void putModule(const Module& module) override;
    void removeModule(std::string_view code) override;
    void putRequirement(const Requirement& requirement) override;
    void removeRequirement(const Requirement& requirement) override;
    RecordId putCompletion(const Completion& completion) override;
    void updateCompletion(const Completion& completion) override;
    [[nodiscard]] std::optional<Completion> completion(RecordId id) override;
    [[nodiscard]] std::vector<Completion> completionsOf(std::string_view employeeId) override;
    [[nodiscard]] std::int64_t completionCount(std::string_view moduleCode) override;
    [[nodiscard]] std::vector<std::string> names(NameKind kind) override;
    void addName(NameKind kind, std::string_view name) override;
    void renameName(NameKind kind, std::string_view from, std::string_view to) override;
    void removeName(NameKind kind, std::string_view name) override;
    [[nodiscard]] std::vector<AuditTheme> auditThemes() override;
    RecordId putAuditTheme(const AuditTheme& theme) override;
    void removeAuditTheme(RecordId id) override;
    void appendChangeLog(const ChangeLogEntry& entry) override;
    [[nodiscard]] std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                        std::string_view recordKey) override;
    [[nodiscard]] std::vector<ChangeLogEntry>
    changeLogByPrefix(std::string_view entity, std::string_view keyPrefix) override;
    [[nodiscard]] std::string setting(std::string_view key) override;
    void setSetting(std::string_view key, std::string_view value) override;
    [[nodiscard]] std::vector<std::string> checkIntegrity() override;
    void changePassphrase(std::string_view newPassphrase) override;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    class StatementLease;

    SqlCipherStore(sqlite3* db, std::filesystem::path path, bool readOnly);
    void migrate(int from);
    void loadReferences(LedgerData& data);
    RecordId nameId(NameKind kind, std::string_view name);
    std::optional<RecordId> lookup(const char* sqlText, std::string_view key);
    /// The prepared statement for `sqlText`, which must be a string literal (the cache is
    /// keyed on its address); reset when the lease ends.
    StatementLease statement(const char* sqlText);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    bool m_readOnly = false;
    std::unique_ptr<LedgerFile> m_file; ///< this process's handle on the file and its lock
    std::unordered_map<const char*, std::unique_ptr<sql::Statement>> m_statements;
};

} // namespace ledger
