#pragma once

#include "training/compliance.h"
#include "store/ledger_data.h"
#include "staff/staff.h"
#include "training/training.h"
#include "themes/theme.h"
#include "audit/change_log.h"
#include "base/ids.h"
#include "io/importer.h"
#include "base/validation.h"
#include "base/progress.h"
#include "store/store.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ledger {

/// What an import did (or, for a dry run, would do).
struct ImportSummary {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<FieldError> notices; ///< ignored columns and the like
};

/// What a committed use case changed, so that views and the compliance engine update only
/// that (see Ledger::takeChanges and Ledger::refresh).
struct LedgerChange {
    enum class Kind {
        Staff,       ///< one person added or changed: `employeeId`
        Completions, ///< a completion of `employeeId` recorded, corrected or voided
        Catalog,     ///< modules, rules, teams or roles
        Themes,      ///< audit themes
        Settings,    ///< settings held in the ledger
        Everything,  ///< an import
    };
    Kind kind = Kind::Everything;
    std::string employeeId;

    friend bool operator==(const LedgerChange&, const LedgerChange&) = default;
};

/// The facade over one open ledger: each use case runs in one transaction, appends to the
/// change log, and either completes or changes nothing.
class Ledger {
public:
    explicit Ledger(std::unique_ptr<Store> store);

    /// Creates a new SQLCipher ledger (see SqlCipherStore::beginCreate): `fill`, when given,
    /// adds records to it before it appears at `path`, so that a ledger is never seen (or
    /// left by a killed program) half-filled. Returns it open for writing.
    static Ledger create(const std::filesystem::path& path, std::string_view passphrase,
                         std::string_view actor, const std::function<void(Ledger&)>& fill = {});
    /// Opens an existing SQLCipher ledger; see SqlCipherStore::open (one writer at a time).
    static Ledger open(const std::filesystem::path& path, std::string_view passphrase,
                       OpenMode mode);
    /// As above, ReadOnly or ReadWrite.
    static Ledger open(const std::filesystem::path& path, std::string_view passphrase,
                       bool readOnly = false);

    /// True when this ledger was opened (or, with OpenMode::Auto, fell back to) read-only.
    [[nodiscard]] bool readOnly() const { return m_store->readOnly(); }

    /// Changes when another program or connection commits a change to the ledger; compare
    /// with an earlier value to know whether to reload.
    [[nodiscard]] std::int64_t dataVersion() { return m_store->dataVersion(); }

    /// Parses, validates and applies a CSV import as one transaction. Throws ValidationError
    /// with every problem, sorted by line, and then nothing has been written. With `dryRun`
    /// the counts are computed and nothing is written. `progress` hears about every 1% of
    /// the records applied; cancelling throws Cancelled and writes nothing. A completion whose
    /// key matches a voided one is left voided and counted unchanged (a deliberate void is
    /// not undone by running an old import again).
    ///
    /// The file is read, checked and written in one pass (a completions import holds one row
    /// at a time), and logged once in the change log: entity and action `import`, the file
    /// name as key, its SHA-256, kind and counts as new values; each record it creates points
    /// to that entry, and each record it changes gets an update entry of its own. Progress is
    /// the fraction of the file read.
    ImportSummary importCsv(ImportKind kind, std::string_view fileName, std::string_view text,
                            Date today, bool dryRun, std::string_view actor,
                            const Progress* progress = nullptr);
    /// As importCsv, streaming from a file (checked as readImportFile does; ImportFileError)
    /// whose problems carry `fileName`.
    ImportSummary importFile(ImportKind kind, const std::filesystem::path& path,
                             std::string_view fileName, Date today, bool dryRun,
                             std::string_view actor, const Progress* progress = nullptr);
    /// As above, from a file already opened (so that its problems are found before the
    /// ledger is opened).
    ImportSummary importFile(ImportKind kind, ImportFile& file, std::string_view fileName,
                             Date today, bool dryRun, std::string_view actor,
                             const Progress* progress = nullptr);

    /// Applies records parsed against `stored` (see parseImport), logged as one import;
    /// the caller holds the transaction.
    ImportSummary apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                        std::string_view actor);

    /// Adds or updates whole sets of records (staff, then modules, rules and completions) as
    /// one transaction, validated as an import would be; for generated and migrated data.
    ImportSummary importRecords(const LedgerData& records, Date today, std::string_view actor,
                                const Progress* progress = nullptr);

    /// The current records, every completion included (tests and small ledgers only: at
    /// county scale that is two million records).
    [[nodiscard]] LedgerData data();

    /// Staff, modules and rules: what the views list, without the completions.
    [[nodiscard]] LedgerData records();

    /// A compliance engine over the current records, from the compact load (completions as
    /// integer rows, never as records).
    [[nodiscard]] ComplianceEngine engine();

    /// What the use cases committed since the last call (oldest first), and forgets it.
    [[nodiscard]] std::vector<LedgerChange> takeChanges();

    /// Brings `records` (as from records()) and `engine` up to date with `changes`, reading
    /// only what they touched: one person, or one person's completions. Catalog changes and
    /// imports rebuild both from the compact load. Returns true when it rebuilt.
    bool refresh(LedgerData& records, ComplianceEngine& engine,
                 const std::vector<LedgerChange>& changes);

    /// Saves an audit theme (new when its id is 0) after validating it; returns its id.
    RecordId saveAuditTheme(const AuditTheme& theme, Date today, std::string_view actor);
    /// Removes an audit theme (themes are not evidence).
    void removeAuditTheme(RecordId id, std::string_view actor);

    // The editors' use cases. Each validates the whole record first (every problem at once,
    // as ValidationError with field names and line 0), runs in one transaction, and appends
    // to the change log; on any error nothing is written.

    /// A new person; `employee_id` must not be in use. Team and role are created by name.
    void addStaff(const Staff& staff, Date today, std::string_view actor);
    /// Corrects a person found by employee id (team moves, leavers, corrections).
    void updateStaff(const Staff& staff, Date today, std::string_view actor);

    [[nodiscard]] std::vector<std::string> teams(); ///< sorted by name
    [[nodiscard]] std::vector<std::string> roles(); ///< sorted by name
    void addTeam(std::string_view name, std::string_view actor);
    /// Renames a team; staff and team-scoped rules follow the new name, which must be new.
    void renameTeam(std::string_view from, std::string_view to, std::string_view actor);
    /// Removes a team nobody belongs to and no rule names (otherwise ValidationError saying
    /// how many people and rules use it).
    void removeTeam(std::string_view name, std::string_view actor);
    void addRole(std::string_view name, std::string_view actor);
    void renameRole(std::string_view from, std::string_view to, std::string_view actor);
    void removeRole(std::string_view name, std::string_view actor);

    /// A new module (`isNew`) or a correction of the module with this code.
    void saveModule(const Module& module, bool isNew, std::string_view actor);
    /// Removes a module with no completions, rules or audit-theme links.
    void removeModule(std::string_view code, std::string_view actor);

    /// Adds or updates the rule with this module + scope + value.
    void saveRequirement(const Requirement& requirement, std::string_view actor);
    /// Removes the rule with this module + scope + value.
    void removeRequirement(const Requirement& requirement, std::string_view actor);

    /// Records a completion; the (staff, module, date) must not be recorded already.
    RecordId addCompletion(const Completion& completion, Date today, std::string_view actor);
    /// Corrects the completion with `corrected.id` (any field but the person); the reason
    /// is kept in the change log and is required.
    void correctCompletion(const Completion& corrected, std::string_view reason, Date today,
                           std::string_view actor);
    /// Voids a completion: it stays in the ledger, marked void with the reason, and no longer
    /// counts. Evidence is never deleted.
    void voidCompletion(RecordId id, std::string_view reason, std::string_view actor);

    /// One completion, voided or not.
    [[nodiscard]] std::optional<Completion> completion(RecordId id);

    /// Every audit theme, oldest raised first.
    [[nodiscard]] std::vector<AuditTheme> auditThemes();

    /// The change log of one record (or of every record when `entity` is empty), oldest
    /// first.
    [[nodiscard]] std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                        std::string_view recordKey);

    /// Every completion of one person, voided ones included, newest first.
    [[nodiscard]] std::vector<Completion> completionsOf(std::string_view employeeId);

    /// The change log of a person, oldest first: the entries whose subject they are (their
    /// record, their completions) and the imports that created their records.
    [[nodiscard]] std::vector<ChangeLogEntry> historyOf(std::string_view employeeId);
    /// Who created a record (`staff`, `module`, `requirement`, `completion`, `audit_theme`)
    /// and who last changed it, when.
    [[nodiscard]] RecordOrigin originOf(std::string_view entity, RecordId id);

    [[nodiscard]] std::string setting(std::string_view key);
    void setSetting(std::string_view key, std::string_view value, std::string_view actor);

    /// Integrity and foreign-key problems; empty when sound.
    [[nodiscard]] std::vector<std::string> check();

    [[nodiscard]] int schemaVersion();

    /// Re-encrypts the ledger under a new passphrase (see Store::changePassphrase); returns
    /// the backup copies beside it still under the old one.
    std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                        std::string_view actor);

    /// What opening had to do that a person should hear of (an interrupted write undone).
    [[nodiscard]] std::vector<std::string> notices() const;
    /// The backup copies opening made (before an upgrade).
    [[nodiscard]] std::vector<std::filesystem::path> backupsMade() const;

private:
    /// Runs `work` as one unit of work: committed whole, or rolled back on any exception;
    /// the changes it noted become visible to takeChanges only when it commits.
    void inTransaction(const std::function<void()>& work);
    void changed(LedgerChange::Kind kind, std::string employeeId = {});
    /// Validation over the stored ledger by targeted questions (one person, the modules).
    [[nodiscard]] ValidationContext storedContext(Date today);
    /// apply(), calling `applied` once for each record it goes through; what it creates
    /// points to `importEntry`.
    ImportSummary apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                        std::string_view actor, const std::function<void()>& applied,
                        RecordId importEntry);
    ImportSummary importStream(ImportKind kind, std::string_view fileName, CsvSource& source,
                               const std::function<std::string()>& digest, Date today,
                               bool dryRun, std::string_view actor, const Progress* progress);
    ImportSummary importCompletions(std::string_view fileName, CsvSource& source, Date today,
                                    bool dryRun, std::string_view actor,
                                    const Progress* progress, RecordId importEntry);
    void addName(NameKind kind, std::string_view name, std::string_view actor);
    void renameName(NameKind kind, std::string_view from, std::string_view to,
                    std::string_view actor);
    void removeName(NameKind kind, std::string_view name, std::string_view actor);

    std::unique_ptr<Store> m_store;
    std::vector<LedgerChange> m_pending; ///< noted by the unit of work in progress
    std::vector<LedgerChange> m_changes; ///< committed, not yet taken
};

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`, for the change log.
[[nodiscard]] std::string utcTimestamp();

} // namespace ledger
