#pragma once

// An open ledger's ASC-WDS training file, as the CLI's `export asc-wds` / `import asc-wds`
// and the app's ASC-WDS page both run them: the export built from the ledger's records; the
// import the file read and checked against the ledger, each row
// mapped to a module (by the remembered mappings, those the person adds, or the module's own
// category and title), the completions imported, and the mappings added remembered.

#include "io/asc_wds_training.h"
#include "io/import_service.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ledger {

class Ledger;

/// buildAscWdsExport over the ledger's records and counted completions (TrainingService).
[[nodiscard]] AscWdsExport buildAscWdsExport(Ledger& ledger, std::string_view workplaceId,
                                             Date asOf, Date today);

/// What importAscWdsTraining found and did.
struct AscWdsImport {
    /// The remembered mappings with those added: what is remembered once the file goes in.
    std::vector<AscWdsMapping> mappings;
    /// The file read and checked: its errors (by line), warnings and unmapped rows.
    ParsedAscWdsTraining parsed;
    /// What the completions import refused (ImportService::csv's problems, renamed to the
    /// file's own lines and columns by toAscWdsProblem); nothing was then written.
    std::vector<FieldError> importProblems;
    /// The completions import's counts (a dry run's: what it would do); nullopt when an
    /// error, an unmapped row or an import problem stopped it, and then nothing was written.
    std::optional<ImportSummary> summary;
};

/// Imports the ASC-WDS training file `text` (named `fileName` in problems) into `ledger`.
///
/// Each mapping of `added` must name a module the ledger has, else ValidationError with
/// `mappingField` as the field ("--map" for the CLI). The file is read by
/// parseAscWdsTraining with the mappings remembered in kAscWdsMappingsSetting and `added`
/// (an added one replaces a remembered one of the same CATEGORY and TRAININGNAME), against
/// the ledger's staff, modules and workplace id. When it has no error and no unmapped row,
/// its completions are imported (ImportService::csv; its problems go to `importProblems`) and,
/// unless `dryRun`, the mappings are remembered when `added` holds any, in the same
/// transaction as the completions: both are written, or neither. `progress` hears the
/// import's progress; cancelling throws Cancelled with nothing written.
[[nodiscard]] AscWdsImport importAscWdsTraining(Ledger& ledger, std::string_view fileName,
                                                std::string_view text,
                                                const std::vector<AscWdsMapping>& added, Date today,
                                                bool dryRun, std::string_view actor,
                                                std::string_view mappingField,
                                                const Progress* progress = nullptr);

} // namespace ledger
