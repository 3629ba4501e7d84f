#pragma once

#include "audit/change_log.h"
#include "base/ids.h"
#include "base/progress.h"
#include "staff/staff.h"
#include "store/ledger_data.h"
#include "themes/theme.h"
#include "training/training.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ledger {

/// How a ledger is opened. A ledger has at most one writer at a time, across processes.
enum class OpenMode {
    ReadWrite, ///< as its writer; Conflict when another store already writes it
    ReadOnly,  ///< only reading, whoever writes it
    Auto,      ///< as its writer, or read-only while another store writes it
};

/// The two kinds of named group a person belongs to.
enum class NameKind { Team, Role };

/// A stored completion as an import compares it (by its key: the person, `moduleId` and
/// `completedOn`).
struct StoredCompletion {
    RecordId id = 0;
    RecordId moduleId = 0;
    Date completedOn{};
    std::optional<Date> expiresOn;
    std::string evidence;
    bool voided = false;
    RecordId createdChange = 0; ///< 0 when not known
    RecordId changedChange = 0; ///< 0 when never changed (or not known)
};

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
    /// Changes when another connection (another program, or another store on the same
    /// ledger) commits a change; compare two values to know whether to reload.
    [[nodiscard]] virtual std::int64_t dataVersion() = 0;

    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    /// Staff (with team and role names), modules and requirement rules: everything but the
    /// completions (which are most of a ledger, and are read per person or as integer rows).
    [[nodiscard]] virtual LedgerData loadWithoutCompletions() = 0;

    // Targeted reads: what one question needs, never the whole ledger.

    /// Every counted (not voided) completion as integer rows, for the compliance engine.
    /// `progress` hears the fraction read; cancelling throws Cancelled.
    [[nodiscard]] virtual std::vector<CompletionRow>
    completionRows(const Progress* progress = nullptr) = 0;
    /// One person's counted completions as integer rows (by the person's store id).
    [[nodiscard]] virtual std::vector<CompletionRow> completionRowsOf(RecordId staffId) = 0;
    /// One person, by employee id.
    [[nodiscard]] virtual std::optional<Staff> staffMember(std::string_view employeeId) = 0;
    /// Modules and requirement rules only (a catalog of tens to hundreds of records).
    [[nodiscard]] virtual LedgerData loadCatalog() = 0;
    /// How many people (leavers included) belong to a team or role.
    [[nodiscard]] virtual std::int64_t staffCount(NameKind kind, std::string_view name) = 0;
    /// One audit theme.
    [[nodiscard]] virtual std::optional<AuditTheme> auditTheme(RecordId id) = 0;

    /// Insert or update by natural key: employee id; teams and roles are created by name.
    /// Returns its id.
    virtual RecordId putStaff(const Staff& staff) = 0;
    /// By module code; returns its id.
    virtual RecordId putModule(const Module& module) = 0;
    /// Removes the module with this code (refused by the schema while anything uses it).
    virtual void removeModule(std::string_view code) = 0;
    /// By module + scope + value; returns its id.
    virtual RecordId putRequirement(const Requirement& requirement) = 0;
    /// Removes the rule with this module + scope + value.
    virtual void removeRequirement(const Requirement& requirement) = 0;
    /// By employee id + module + completed_on, void state included; returns its id.
    virtual RecordId putCompletion(const Completion& completion) = 0;
    /// By `completion.id`: module, dates, evidence and void state (not the person).
    virtual void updateCompletion(const Completion& completion) = 0;
    /// One completion, voided or not.
    [[nodiscard]] virtual std::optional<Completion> completion(RecordId id) = 0;
    /// Every completion of one person, voided ones included, newest first.
    [[nodiscard]] virtual std::vector<Completion> completionsOf(std::string_view employeeId) = 0;
    /// Calls `visit` with every counted (not voided) completion in employee id, module code,
    /// completed_on order, one at a time: a county's two million are never all in memory.
    /// `visit` must not write to the store.
    virtual void forEachCountedCompletion(const std::function<void(const Completion&)>& visit) = 0;
    /// How many completions (voided ones included) there are of a module.
    [[nodiscard]] virtual std::int64_t completionCount(std::string_view moduleCode) = 0;

    /// Team or role names, sorted.
    [[nodiscard]] virtual std::vector<std::string> names(NameKind kind) = 0;
    virtual void addName(NameKind kind, std::string_view name) = 0;
    /// Renames a team or role, and the rules scoped to it by name.
    virtual void renameName(NameKind kind, std::string_view from, std::string_view to) = 0;
    virtual void removeName(NameKind kind, std::string_view name) = 0;

    [[nodiscard]] virtual std::vector<AuditTheme> auditThemes() = 0;
    /// Inserts when `theme.id` is 0, else updates; returns the id. Replaces its module links.
    virtual RecordId putAuditTheme(const AuditTheme& theme) = 0;
    virtual void removeAuditTheme(RecordId id) = 0;

    /// Appends an entry (its subject, an employee id, linked to that person); returns its id.
    virtual RecordId appendChangeLog(const ChangeLogEntry& entry) = 0;
    /// Replaces the new values of an entry (an import's counts, known at its end).
    virtual void setChangeLogNewValues(RecordId change, std::string_view newValues) = 0;
    /// Points a record (entity `staff`, `module`, `requirement`, `completion` or
    /// `audit_theme`) at the change-log entry that created it or (`created` false) last
    /// changed it.
    virtual void linkChange(std::string_view entity, RecordId id, RecordId change,
                            bool created) = 0;
    /// The entries a record's links point to.
    [[nodiscard]] virtual RecordOrigin recordOrigin(std::string_view entity, RecordId id) = 0;
    /// The history of one person, oldest first: every entry whose subject they are, and the
    /// import entries that created their record or their completions.
    [[nodiscard]] virtual std::vector<ChangeLogEntry>
    historyOfSubject(std::string_view employeeId) = 0;
    /// The change log of one record (or of every record when `entity` is empty), oldest first.
    [[nodiscard]] virtual std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                                std::string_view recordKey) = 0;

    // What a streamed import of completions needs: each row looked up once by its key,
    // through statements prepared once.

    /// Every employee id with its record id (a cache for an import).
    [[nodiscard]] virtual std::unordered_map<std::string, RecordId> staffIds() = 0;
    /// Every module code with its record id.
    [[nodiscard]] virtual std::unordered_map<std::string, RecordId> moduleIds() = 0;
    /// The completion with this key, if any.
    [[nodiscard]] virtual std::optional<StoredCompletion>
    findCompletion(RecordId staffId, RecordId moduleId, Date completedOn) = 0;
    /// Every stored completion of one person (by store id), voided ones included, into `out`
    /// (emptied first, its storage reused): one read for a person whose rows an import meets
    /// together, instead of a lookup per row.
    virtual void storedCompletionsOf(RecordId staffId, std::vector<StoredCompletion>& out) = 0;
    /// A new completion (not voided) created by change-log entry `createdChange`.
    virtual RecordId insertCompletion(RecordId staffId, RecordId moduleId, const Completion& c,
                                      RecordId createdChange) = 0;
    /// As insertCompletion when no completion has this key; nullopt (and nothing written)
    /// when one has.
    virtual std::optional<RecordId> insertCompletionIfNew(RecordId staffId, RecordId moduleId,
                                                          const Completion& c,
                                                          RecordId createdChange) = 0;
    /// New expiry and evidence for completion `id`, changed by entry `changedChange`.
    virtual void updateCompletionValues(RecordId id, const Completion& c,
                                        RecordId changedChange) = 0;
    /// Sets the page cache of this connection (as SQLite's cache_size: negative in KiB,
    /// positive in pages), so that a long write keeps its memory bounded; returns the
    /// previous setting, to put back.
    virtual std::int64_t setCacheSize(std::int64_t value) = 0;

    [[nodiscard]] virtual std::string setting(std::string_view key) = 0;
    virtual void setSetting(std::string_view key, std::string_view value) = 0;

    /// Integrity and foreign-key problems, one line each; empty when the ledger is sound.
    [[nodiscard]] virtual std::vector<std::string> checkIntegrity() = 0;

    /// Re-encrypts the whole ledger under a new passphrase.
    /// Re-encrypts the whole ledger under a new passphrase and appends `entry` to its change
    /// log, all or nothing; refused (Conflict) while another program has it open. Returns
    /// the backup copies beside it that are still readable with the old passphrase.
    virtual std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                                const ChangeLogEntry& entry) = 0;
    /// What opening had to do that a person should hear of (an interrupted write undone).
    [[nodiscard]] virtual std::vector<std::string> notices() const = 0;
    /// The backup copies opening made (before an upgrade).
    [[nodiscard]] virtual std::vector<std::filesystem::path> backupsMade() const = 0;
};

} // namespace ledger
