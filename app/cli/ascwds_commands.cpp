#include "ascwds_commands.h"

#include "cli.h"
#include "cli_errors.h"

#include "base/error.h"
#include "io/asc_wds_import.h"
#include "io/asc_wds_training.h"
#include "io/import_service.h"
#include "io/importer.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace ledger::cli {

namespace {

/// `where: COLUMN: message`, as the export words a record's problem (it has no line).
std::string exportProblem(const FieldError& e) {
    return e.file + ": " + e.field + ": " + e.message;
}

std::string joinedLines(const std::vector<int>& lines) {
    std::string out;
    for (const int line : lines) {
        out += (out.empty() ? "" : ", ") + std::to_string(line);
    }
    return out;
}

} // namespace

AscWdsCommands::AscWdsCommands(CLI::App& import, CLI::App& exportCommand) {
    m_export = exportCommand.add_subcommand(
        "asc-wds", "Skills for Care's ASC-WDS bulk-upload training file: one row per counted "
                   "completion on or before the day, of the staff active on it (written whole "
                   "or not at all; nothing when any row would break an ASC-WDS rule)");
    m_export->add_option("file", m_file, "The CSV file to write")->required();
    m_export->add_option("--as-of", m_asOf, "The day of the export (default: today)");
    m_export->add_option("--workplace-id", m_workplaceId,
                         "The LOCALESTID to write (default: the ledger's setting)");

    m_import = import.add_subcommand(
        "asc-wds", "Completions from an ASC-WDS training file (the 12-column file, or the older "
                   "8-column one), all or nothing; each row's CATEGORY and TRAININGNAME name a "
                   "module by its category and title, or by a remembered mapping");
    m_import->add_option("file", m_file, "The CSV file")->required();
    m_import->add_flag("--dry-run", m_dryRun, "Check and count; write nothing");
    m_import->add_option("--map", m_maps,
                         "Map rows to a module: 'CATEGORY|TRAININGNAME=MODULE_CODE' (repeat "
                         "for each); remembered once the import succeeds");

    // The subcommand stands in for the kind and the file: `import asc-wds FILE` has neither
    // of import's own. CLI11 parses a word as a positional while a required one is missing,
    // so theirs are required only when no subcommand was given.
    CLI::App* importCommand = &import;
    std::vector<CLI::Option*> positionals;
    for (const char* name : {"kind", "file"}) {
        if (CLI::Option* option = import.get_option_no_throw(name)) {
            option->required(false);
            positionals.push_back(option);
        }
    }
    import.callback([importCommand, positionals] {
        if (!importCommand->get_subcommands().empty()) {
            return;
}
for (const CLI::Option* option : positionals) {
    if (option->count() == 0) {
        throw CLI::RequiredError(option->get_name());
    }
}
} // namespace ledger::cli
);
}

bool AscWdsCommands::parsed() const {
    return m_export->parsed() || m_import->parsed();
}

int AscWdsCommands::run(const AscWdsContext& context, std::ostream& out, std::ostream& err) const {
    return m_export->parsed() ? runExport(context, out, err) : runImport(context, out, err);
}

int AscWdsCommands::runExport(const AscWdsContext& context, std::ostream& out,
                              std::ostream& err) const {
    Date asOf = context.today;
    if (!m_asOf.empty()) {
        const auto parsed = parseIsoDate(m_asOf);
        if (!parsed) {
            throw UsageError("--as-of " + m_asOf + " is not a date (YYYY-MM-DD)");
        }
        asOf = *parsed;
    }
    Ledger ledger = context.open(OpenMode::ReadOnly);
    const std::string workplace =
        m_workplaceId.empty() ? ledger.settings().get(kAscWdsWorkplaceSetting) : m_workplaceId;
    const AscWdsExport built = buildAscWdsExport(ledger, workplace, asOf, context.today);
    for (const FieldError& w : built.warnings) {
        err << "warning: " << exportProblem(w) << "\n";
    }
    if (!built.problems.empty()) {
        for (const FieldError& p : built.problems) {
            err << exportProblem(p) << "\n";
        }
        err << "nothing written: " << built.problems.size()
            << (built.problems.size() == 1 ? " problem" : " problems") << "\n";
        return kInvalidInput;
    }
    context.writeWholeFile(m_file,
                           [&](std::ostream& file) { file << ascWdsTrainingCsv(built.rows); });
    out << "wrote " << built.rows.size() << " training records for workplace " << workplace
        << " as of " << formatIso(asOf) << " to " << m_file << "\n";
    return kOk;
}

int AscWdsCommands::runImport(const AscWdsContext& context, std::ostream& out,
                              std::ostream& err) const {
    std::vector<AscWdsMapping> added;
    for (const std::string& text : m_maps) {
        const auto mapping = parseAscWdsMappingArgument(text);
        if (!mapping) {
            throw UsageError("--map '" + text +
                             "' is not CATEGORY|TRAININGNAME=MODULE_CODE (CATEGORY an "
                             "ASC-WDS category code)");
        }
        added.push_back(*mapping);
    }
    std::string text;
    try {
        text = readImportFile(m_file);
    } catch (const ImportFileError& e) {
        throw InputError(e.what());
    }
    Ledger ledger = context.open(OpenMode::ReadWrite);
    const std::string actor = context.actor(ledger);
    const AscWdsImport imported =
        importAscWdsTraining(ledger, m_file, text, added, context.today, m_dryRun, actor, "--map");
    const ParsedAscWdsTraining& parsed = imported.parsed;
    for (const FieldError& w : parsed.warnings) {
        err << "warning: " << formatFieldError(w) << "\n";
    }
    if (!parsed.errors.empty() || !parsed.unmapped.empty()) {
        for (const FieldError& e : parsed.errors) {
            err << formatFieldError(e) << "\n";
        }
        for (const AscWdsUnmapped& u : parsed.unmapped) {
            err << m_file << ": no module for CATEGORY " << u.category << " TRAININGNAME '"
                << u.trainingName << "' (line" << (u.lines.size() == 1 ? " " : "s ")
                << joinedLines(u.lines) << "); map it with --map '" << u.category << "|"
                << u.trainingName << "=MODULE_CODE'\n";
        }
        err << "nothing imported\n";
        return kInvalidInput;
    }
    if (!imported.importProblems.empty()) {
        throw ValidationError(imported.importProblems);
    }
    const ImportSummary& summary = *imported.summary;
    out << (m_dryRun ? "would add " : "added ") << summary.added << ", updated " << summary.updated
        << ", unchanged " << summary.unchanged << "\n";
    return kOk;
}

} // namespace ledger::cli
