#pragma once

#include "base/progress.h"
#include "io/csv.h"
#include "io/importer.h"
#include "store/ledger_data.h"
#include "store/unit_of_work.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// What an import did (or, for a dry run, would do).
struct ImportSummary {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<FieldError> notices; ///< ignored columns and the like
};

/// A setting that an import writes with its records, in its transaction (see
/// ImportService::csv): an import that remembers how it read the file.
struct ImportSetting {
    std::string key;
    std::string value;
};

/// Imports: CSV files of staff, modules, rules and completions, and whole record sets
/// (generated and migrated data).
class ImportService {
public:
    explicit ImportService(UnitOfWork& work);

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
    ImportSummary csv(ImportKind kind, std::string_view fileName, std::string_view text, Date today,
                      bool dryRun, std::string_view actor, const Progress* progress = nullptr);
    /// As above, and, when it writes (not a dry run), sets each of `settings` in the same
    /// transaction, logged as SettingsService::set logs a setting: the records and the
    /// settings are written together or not at all.
    ImportSummary csv(ImportKind kind, std::string_view fileName, std::string_view text, Date today,
                      bool dryRun, std::string_view actor, const Progress* progress,
                      const std::vector<ImportSetting>& settings);
    /// As csv, streaming from a file (checked as readImportFile does; ImportFileError)
    /// whose problems carry `fileName`.
    ImportSummary file(ImportKind kind, const std::filesystem::path& path,
                       std::string_view fileName, Date today, bool dryRun, std::string_view actor,
                       const Progress* progress = nullptr);
    /// As above, from a file already opened (so that its problems are found before the
    /// ledger is opened).
    ImportSummary file(ImportKind kind, ImportFile& file, std::string_view fileName, Date today,
                       bool dryRun, std::string_view actor, const Progress* progress = nullptr);

    /// Applies records parsed against `stored` (see parseImport), logged as one import;
    /// the caller holds the transaction.
    ImportSummary apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                        std::string_view actor);

    /// Adds or updates whole sets of records (staff, then modules, rules and completions) as
    /// one transaction, validated as an import would be; for generated and migrated data.
    ImportSummary records(const LedgerData& records, Date today, std::string_view actor,
                          const Progress* progress = nullptr);

private:
    /// apply(), calling `applied` once for each record it goes through; what it creates
    /// points to `importEntry`.
    ImportSummary apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                        std::string_view actor, const std::function<void()>& applied,
                        RecordId importEntry);
    ImportSummary stream(ImportKind kind, std::string_view fileName, CsvSource& source,
                         const std::function<std::string()>& digest, Date today, bool dryRun,
                         std::string_view actor, const Progress* progress,
                         const std::vector<ImportSetting>& settings = {});
    ImportSummary completions(std::string_view fileName, CsvSource& source, Date today, bool dryRun,
                              std::string_view actor, const Progress* progress,
                              RecordId importEntry);

    UnitOfWork& m_work;
    StaffRepository& m_staff;
    TrainingRepository& m_training;
    ChangeLogRepository& m_changes;
};

} // namespace ledger
