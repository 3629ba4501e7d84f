#pragma once

// `archive export FILE` and `archive import FILE`: a whole ledger in one sealed archive
// (core/archive/ledger_archive.h), under an archive passphrase of its own; and
// `archive export-portfolio EMPLOYEE_ID FILE` and `archive import-portfolio FILE [--as
// EMPLOYEE_ID] [--dry-run]`: one person's learning record (core/archive/portfolio.h).

#include "cli.h"
#include "ledger.h"

#include <functional>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace ledger::cli {

/// What the commands take from the CLI around them.
struct ArchiveContext {
    /// Opens the ledger at --ledger.
    std::function<Ledger(OpenMode)> open;
    /// Where --ledger points (a new file or an empty server ledger, for an import).
    Location target;
    /// The new ledger file's passphrase (asked twice, held to the strength rule), or ""
    /// for a server (its password comes from libpq's password file).
    std::function<std::string()> targetSecret;
    const Environment* env = nullptr;
    /// Who the change log names (a portfolio's import).
    std::function<std::string(const Ledger&)> actor;
    /// The last day a record imported from a portfolio may be dated.
    Date today{};
};

/// `archive` and its subcommands.
class ArchiveCommands {
public:
    explicit ArchiveCommands(CLI::App& app);

    [[nodiscard]] bool parsed() const;
    /// Runs the one given; exit status as cli.h's (problems throw, as the CLI's do).
    int run(const ArchiveContext& context, std::ostream& out, std::ostream& err) const;
    /// `import-portfolio`: what it adds, finds already there, conflicting, unmatched or refused,
    /// a line each (kInvalidInput, nothing written, when anything is not clean).
    int runImportPortfolio(const ArchiveContext& context, std::ostream& out,
                           std::ostream& err) const;
    /// The archive passphrase file given (to warn when others may read it).
    [[nodiscard]] const std::string& passphraseFile() const { return m_passphraseFile; }

private:
    /// From --archive-passphrase-file, else PRACTICE_LEDGER_ARCHIVE_PASSPHRASE, else asked
    /// (twice for a new archive, which must meet the strength rule).
    std::string archivePassphrase(const Environment& env, bool newArchive) const;

    CLI::App* m_archive = nullptr;
    CLI::App* m_export = nullptr;
    CLI::App* m_import = nullptr;
    CLI::App* m_exportPortfolio = nullptr;
    CLI::App* m_importPortfolio = nullptr;
    std::string m_file;
    std::string m_employeeId;
    std::string m_asEmployeeId;
    bool m_dryRun = false;
    std::string m_passphraseFile;
};

} // namespace ledger::cli
