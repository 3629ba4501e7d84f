#pragma once

#include "ledger/domain.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// The seam between the ledger and where its records live. The SQLCipher file is the first
/// engine; a shared PostgreSQL engine can implement the same interface later without the
/// domain, the compliance engine or the use cases changing.
///
/// Writes happen only between begin() and commit(); the Ledger facade runs each use case as
/// one such unit and rolls back on any failure.
class Store {
public:
    virtual ~Store() = default;

    [[nodiscard]] virtual int schemaVersion() = 0;
    [[nodiscard]] virtual bool readOnly() const = 0;

    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    /// Staff (with team and role names), modules, requirement rules and completions.
    [[nodiscard]] virtual LedgerData loadAll() = 0;

    /// Insert or update by natural key: employee id; teams and roles are created by name.
    virtual void putStaff(const Staff& staff) = 0;
    /// By module code.
    virtual void putModule(const Module& module) = 0;
    /// By module + scope + value.
    virtual void putRequirement(const Requirement& requirement) = 0;
    /// By employee id + module + completed_on.
    virtual void putCompletion(const Completion& completion) = 0;

    [[nodiscard]] virtual std::vector<AuditTheme> auditThemes() = 0;
    /// Inserts when `theme.id` is 0, else updates; returns the id. Replaces its module links.
    virtual RecordId putAuditTheme(const AuditTheme& theme) = 0;

    virtual void appendChangeLog(const ChangeLogEntry& entry) = 0;
    /// The change log of one record (or of every record when `entity` is empty), oldest first.
    [[nodiscard]] virtual std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                                std::string_view recordKey) = 0;

    [[nodiscard]] virtual std::string setting(std::string_view key) = 0;
    virtual void setSetting(std::string_view key, std::string_view value) = 0;

    /// Integrity and foreign-key problems, one line each; empty when the ledger is sound.
    [[nodiscard]] virtual std::vector<std::string> checkIntegrity() = 0;

    /// Re-encrypts the whole ledger under a new passphrase.
    virtual void changePassphrase(std::string_view newPassphrase) = 0;
};

} // namespace ledger
