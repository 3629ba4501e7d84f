#pragma once

// The benchmark's only door into our own product code. Every measured product path goes
// through one of these functions, so that when the core's API changes (targeted reads, a
// compact engine load, per-feature services, incremental engine updates) only
// product_paths.cpp is re-pointed and the benchmarks, their references and their ratios stay
// as they are. The references (raw SQLCipher in ledger_bench.cpp) never come through here.
//
// Today's implementation (see product_paths.cpp) uses the Ledger facade: Ledger::open,
// Ledger::engine (the compact load) / Ledger::records, teamCoverageReport /
// staffStatusReport, addCompletion, setSetting, saveAuditTheme, importCsv, and, as the app's
// Session does after each write, Ledger::takeChanges + Ledger::refresh for "bringing the
// engine up to date".

#include "base/date.h"
#include "reports/report.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bench::product {

using TeamRows = std::vector<ledger::TeamCoverageRow>;
using StaffRows = std::vector<ledger::StaffStatusRow>;

// ---- Reports, as `practice-ledger-cli report coverage` runs them (read-only open). ----

/// `report coverage --by team` end to end: open (key derivation), load, compute, rows.
[[nodiscard]] TeamRows reportCoverageByTeam(const std::filesystem::path& ledgerPath,
                                            std::string_view passphrase, ledger::Date asOf);
/// `report coverage --by staff` end to end.
[[nodiscard]] StaffRows reportByStaff(const std::filesystem::path& ledgerPath,
                                      std::string_view passphrase, ledger::Date asOf);

// ---- The app's path: what the app's controllers call in core, and the engine kept current. --

/// A ledger open in the app, with the compliance engine (and whatever it is fed from) held
/// up to date as the app holds it.
class AppLedger;
struct AppLedgerDeleter {
    void operator()(AppLedger* app) const;
};
using AppLedgerPtr = std::unique_ptr<AppLedger, AppLedgerDeleter>;

/// Opening a ledger in the app up to the figures of the first coverage page being ready:
/// open for writing, first load, engine built.
[[nodiscard]] AppLedgerPtr openForApp(const std::filesystem::path& ledgerPath,
                                      std::string_view passphrase, ledger::Date today);
void closeApp(AppLedgerPtr app);

/// The coverage page's figures from the app's current engine.
[[nodiscard]] TeamRows firstCoveragePage(AppLedger& app, ledger::Date asOf);

/// The completion editor's save of a new completion (validation as the editor does it, the
/// write, then the engine brought up to date). Throws on any refusal.
void recordCompletionThroughApp(AppLedger& app, const std::string& employeeId,
                                const std::string& moduleCode, ledger::Date completedOn);
/// The settings page's save of one setting, then the engine brought up to date.
void saveSettingThroughApp(AppLedger& app, const std::string& key, const std::string& value);
/// The audit-theme editor's save of a new theme linked to `moduleCodes`, then the engine
/// brought up to date.
void saveThemeThroughApp(AppLedger& app, const std::string& title,
                         const std::vector<std::string>& moduleCodes, ledger::Date raisedOn);

// ---- Imports, as `practice-ledger-cli import completions FILE` runs them. ----

struct ImportCounts {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
};

/// Imports the completions CSV at `csvPath` into the ledger (reading the file is part of
/// the path: a streaming importer need not hold it all).
ImportCounts importCompletionsCsv(const std::filesystem::path& ledgerPath,
                                  std::string_view passphrase, const std::filesystem::path& csvPath,
                                  ledger::Date today);

// ---- Making the benchmark's ledgers (not measured). ----
/// The schema version new ledgers are made with (cached ledgers are kept per version).
[[nodiscard]] int schemaVersion();

struct GeneratedSize {
    std::int64_t staff = 0;
    std::int64_t modules = 0;
    std::int64_t completions = 0;
};

/// Generates a synthetic council (ledger::generateCouncil with these options and `today`)
/// and writes: the full ledger at `ledgerPath`; the same without completions at `basePath`;
/// and its completions in the import format at `csvPath`. Each only if it does not exist.
GeneratedSize generateLedgers(const std::filesystem::path& ledgerPath,
                              const std::filesystem::path& basePath,
                              const std::filesystem::path& csvPath, std::string_view passphrase,
                              int staff, int teams, int modules, int completionsPerStaff,
                              ledger::Date today);

} // namespace bench::product
