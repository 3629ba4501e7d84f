#pragma once

// `export asc-wds` and `import asc-wds`: Skills for Care's ASC-WDS bulk-upload training file
// (domain.md section 1.1; core/io/asc_wds_training.h), registered as subcommands of the
// CLI's `export` and `import`.

#include "ledger.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ledger::cli {

/// What the commands take from the CLI around them: how it opens the ledger, names the
/// actor, knows today and writes a file whole or not at all.
struct AscWdsContext {
    std::function<Ledger(OpenMode)> open;
    std::function<std::string(const Ledger&)> actor;
    Date today{};
    std::function<void(const std::filesystem::path&, const std::function<void(std::ostream&)>&)>
        writeWholeFile;
};

/// The two subcommands and their options.
class AscWdsCommands {
public:
    /// Adds `asc-wds` under `import` and under `exportCommand` (whose kind positionals then
    /// stop being required: a subcommand stands in for them).
    AscWdsCommands(CLI::App& import, CLI::App& exportCommand);

    /// True when one of the two was given.
    [[nodiscard]] bool parsed() const;
    /// Runs the one given; exit status as cli.h's (data problems throw, as the CLI's do).
    int run(const AscWdsContext& context, std::ostream& out, std::ostream& err) const;

private:
    int runExport(const AscWdsContext& context, std::ostream& out, std::ostream& err) const;
    int runImport(const AscWdsContext& context, std::ostream& out, std::ostream& err) const;

    CLI::App* m_export = nullptr;
    CLI::App* m_import = nullptr;
    std::string m_file;
    std::string m_asOf;
    std::string m_workplaceId;
    bool m_dryRun = false;
    std::vector<std::string> m_maps;
};

} // namespace ledger::cli
