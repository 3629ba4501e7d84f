#pragma once

// `backup FILE` and `restore BACKUP`: an encrypted, checked copy of a ledger file, and a new
// ledger file from one (core/store/backup.h).

#include "ledger.h"

#include <functional>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace ledger::cli {

/// What the commands take from the CLI around them.
struct BackupContext {
    std::string ledgerPath;                  ///< --ledger as given
    bool onServer = false;                   ///< --ledger names a server
    std::function<Ledger(OpenMode)> open;    ///< opens --ledger
    std::function<std::string()> passphrase; ///< the passphrase, by the CLI's conventions
};

/// The two subcommands and their arguments.
class BackupCommands {
public:
    explicit BackupCommands(CLI::App& app);

    /// True when one of the two was given.
    [[nodiscard]] bool parsed() const;
    /// Runs the one given; exit status as cli.h's (refusals throw, as the CLI's do).
    int run(const BackupContext& context, std::ostream& out) const;

private:
    CLI::App* m_backup = nullptr;
    CLI::App* m_restore = nullptr;
    std::string m_file;
};

} // namespace ledger::cli
