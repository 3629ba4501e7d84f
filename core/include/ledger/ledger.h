#pragma once

#include "ledger/compliance.h"
#include "ledger/domain.h"
#include "ledger/importer.h"
#include "ledger/store.h"

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

/// The facade over one open ledger: each use case runs in one transaction, appends to the
/// change log, and either completes or changes nothing.
class Ledger {
public:
    explicit Ledger(std::unique_ptr<Store> store);

    /// Creates a new SQLCipher ledger; see SqlCipherStore::create.
    static Ledger create(const std::filesystem::path& path, std::string_view passphrase,
                         std::string_view actor);
    /// Opens an existing SQLCipher ledger; see SqlCipherStore::open.
    static Ledger open(const std::filesystem::path& path, std::string_view passphrase,
                       bool readOnly = false);

    [[nodiscard]] Store& store() { return *m_store; }

    /// Parses, validates and applies a CSV import as one transaction. Throws ValidationError
    /// with every problem, sorted by line, and then nothing has been written. With `dryRun`
    /// the counts are computed and nothing is written.
    ImportSummary importCsv(ImportKind kind, std::string_view fileName, std::string_view text,
                            Date today, bool dryRun, std::string_view actor);

    /// Applies records parsed against `stored` (see parseImport); the caller holds the
    /// transaction.
    ImportSummary apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                        std::string_view actor);

    /// Adds or updates whole sets of records (staff, then modules, rules and completions) as
    /// one transaction, validated as an import would be; for generated and migrated data.
    ImportSummary importRecords(const LedgerData& records, Date today, std::string_view actor);

    /// The current records.
    [[nodiscard]] LedgerData data();

    /// A compliance engine over the current records.
    [[nodiscard]] ComplianceEngine engine();

    /// Saves an audit theme (new when its id is 0) after validating it; returns its id.
    RecordId saveAuditTheme(const AuditTheme& theme, Date today, std::string_view actor);

    /// Integrity and foreign-key problems; empty when sound.
    [[nodiscard]] std::vector<std::string> check();

    [[nodiscard]] int schemaVersion();

    void changePassphrase(std::string_view newPassphrase, std::string_view actor);

private:
    void inTransaction(const std::function<void()>& work);

    std::unique_ptr<Store> m_store;
};

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`, for the change log.
[[nodiscard]] std::string utcTimestamp();

} // namespace ledger
