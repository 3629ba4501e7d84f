#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace ledger::cli {

/// Exit statuses of practice-ledger-cli: the contract scripts rely on.
enum ExitCode : int {
    kOk = 0,
    kUsage = 1,        ///< bad arguments, no passphrase, bad PRACTICE_LEDGER_TODAY
    kInvalidInput = 2, ///< invalid input; nothing changed
    kCannotOpen = 3,   ///< missing, not a ledger, wrong passphrase or damaged, newer version
    kOther = 4,
};

/// What the CLI takes from its surroundings, injectable for tests.
struct Environment {
    std::function<std::optional<std::string>(const std::string&)> variable;
    /// Asks for a passphrase without echo; nullopt when there is no terminal.
    std::function<std::optional<std::string>(const std::string&)> prompt;
};

/// The process environment and the controlling terminal.
[[nodiscard]] Environment systemEnvironment();

/// The manual page of practice-ledger-cli (roff, section 1), from its option definitions.
void writeManPage(std::ostream& out, const std::string& releaseDate);

/// A bash completion script for practice-ledger-cli, from its option definitions.
void writeBashCompletion(std::ostream& out);

/// Runs `practice-ledger-cli` with these arguments; returns the exit status.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        const Environment& env);

} // namespace ledger::cli
