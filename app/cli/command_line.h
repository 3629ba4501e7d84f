#pragma once

// The CLI's command line as parsed (cli.cpp), for the manual page and the bash completion
// (cli_manual.cpp), which are written from the same definitions.

namespace CLI {
class App;
}

namespace ledger::cli {

/// Every option and subcommand of practice-ledger-cli, as `run` parses them.
[[nodiscard]] const CLI::App& commandLineDefinitions();

} // namespace ledger::cli
