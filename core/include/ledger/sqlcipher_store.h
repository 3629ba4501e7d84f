#pragma once

#include "ledger/store.h"

#include <filesystem>
#include <memory>

struct sqlite3;

namespace ledger {

/// The ledger as one SQLCipher file: AES-256, PBKDF2 with 256,000 iterations, 4096-byte
/// pages, WAL, foreign keys on, our own application id, schema version in user_version.
class SqlCipherStore final : public Store {
public:
    /// The schema version this program writes.
    static constexpr int kSchemaVersion = 1;
    /// `PRAGMA application_id` of every ledger ("PLdg").
    static constexpr int kApplicationId = 0x504C6467;

    /// Opens an existing ledger. Never creates a file. Throws LedgerMissing, NotALedger,
    /// WrongPassphrase (wrong passphrase or damaged file) or NewerSchema; none of them
    /// changes the file. An older schema is upgraded one version at a time.
    static std::unique_ptr<SqlCipherStore> open(const std::filesystem::path& path,
                                                std::string_view passphrase, bool readOnly = false);

    /// Creates a new ledger; throws AlreadyExists when anything is at `path`. The file appears
    /// only once it is complete.
    static std::unique_ptr<SqlCipherStore> create(const std::filesystem::path& path,
                                                  std::string_view passphrase);

    ~SqlCipherStore() override;
    SqlCipherStore(const SqlCipherStore&) = delete;
    SqlCipherStore& operator=(const SqlCipherStore&) = delete;

    [[nodiscard]] int schemaVersion() override;
    [[nodiscard]] bool readOnly() const override { return m_readOnly; }
    void begin() override;
    void commit() override;
    void rollback() override;
    [[nodiscard]] LedgerData loadAll() override;
    void putStaff(const Staff& staff) override;
    void putModule(const Module& module) override;
    void putRequirement(const Requirement& requirement) override;
    void putCompletion(const Completion& completion) override;
    [[nodiscard]] std::vector<AuditTheme> auditThemes() override;
    RecordId putAuditTheme(const AuditTheme& theme) override;
    void appendChangeLog(const ChangeLogEntry& entry) override;
    [[nodiscard]] std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                        std::string_view recordKey) override;
    [[nodiscard]] std::string setting(std::string_view key) override;
    void setSetting(std::string_view key, std::string_view value) override;
    [[nodiscard]] std::vector<std::string> checkIntegrity() override;
    void changePassphrase(std::string_view newPassphrase) override;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    SqlCipherStore(sqlite3* db, std::filesystem::path path, bool readOnly);
    void migrate(int from);
    RecordId nameId(std::string_view table, std::string_view name);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    bool m_readOnly = false;
};

} // namespace ledger
