#pragma once

// The programs' manual pages (roff, section 1) and the CLI's bash completion, written from a
// description of the command line that each program builds from the same option definitions
// its --help prints (app/cli/cli_manual.cpp for practice-ledger-cli, app/common/commandline.cpp
// for practice-ledger), so that neither can drift from the programs.

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace ledger::docs {

/// One option or positional argument.
struct Option {
    std::vector<std::string> names; ///< "--ledger", or "-h" and "--help"; empty for a positional
    std::string argument;           ///< what it takes ("FILE"), "" for a flag
    std::string text;
    bool required = false;
    std::vector<std::string> choices; ///< the only values accepted, when there is such a list
    /// Its value names a file or folder (the completion offers paths).
    [[nodiscard]] bool takesPath() const;
};

/// A command with its arguments and subcommands (the program itself at the root).
struct Command {
    std::string name;
    std::string text;
    std::vector<Option> positionals;
    std::vector<Option> options;
    std::vector<Command> subcommands;
    bool needsSubcommand = false;
};

/// Everything a manual page says beyond the commands and options.
struct Page {
    std::string program; ///< "practice-ledger-cli"
    std::string summary; ///< the NAME line's words after the dash
    std::string version; ///< "0.1.0"
    std::string date;    ///< the release's date, YYYY-MM-DD (keeps the page reproducible)
    std::vector<std::string> synopsis;    ///< one line each (roff), after the program's name
    std::vector<std::string> description; ///< paragraphs
    Command root;
    std::vector<std::pair<std::string, std::string>> exitStatuses; ///< code, meaning
    std::vector<std::pair<std::string, std::string>> environment;  ///< variable, meaning
    std::vector<std::pair<std::string, std::string>> examples;     ///< what, command
    std::vector<std::string> seeAlso;                              ///< "practice-ledger(1)"
};

/// The page as roff with the man macros.
void writeManPage(const Page& page, std::ostream& out);

/// A bash completion script for `program`: its subcommands, each command's options, the
/// choices of options and arguments that have them, and paths where a value is a file.
void writeBashCompletion(const std::string& program, const Command& root, std::ostream& out);

/// Text escaped for roff: backslashes, a leading dot or quote, and hyphens as minus signs.
[[nodiscard]] std::string roffText(const std::string& text);

} // namespace ledger::docs
