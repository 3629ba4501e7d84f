#include "io/asc_wds_import.h"

#include "ledger.h"

#include <algorithm>
#include <string>
#include <utility>

namespace ledger {

AscWdsExport buildAscWdsExport(Ledger& ledger, std::string_view workplaceId, Date asOf,
                               Date today) {
    TrainingService& training = ledger.training();
    return buildAscWdsExport(
        training.records(),
        [&](const std::function<void(const Completion&)>& visit) {
            training.forEachCountedCompletion(visit);
        },
        workplaceId, asOf, today);
}

AscWdsImport importAscWdsTraining(Ledger& ledger, std::string_view fileName, std::string_view text,
                                  const std::vector<AscWdsMapping>& added, Date today, bool dryRun,
                                  std::string_view actor, std::string_view mappingField,
                                  const Progress* progress) {
    const LedgerData records = ledger.training().records();
    std::vector<FieldError> problems;
    for (const AscWdsMapping& m : added) {
        const bool known =
            std::any_of(records.modules.begin(), records.modules.end(),
                        [&](const Module& module) { return module.code == m.moduleCode; });
        if (!known) {
            problems.push_back(
                FieldError{"", 0, std::string(mappingField), "no module has code " + m.moduleCode});
        }
    }
    if (!problems.empty()) {
        throw ValidationError(problems);
    }
    AscWdsImport result;
    result.mappings = parseAscWdsMappings(ledger.settings().get(kAscWdsMappingsSetting));
    for (const AscWdsMapping& m : added) {
        result.mappings = withAscWdsMapping(std::move(result.mappings), m);
    }
    result.parsed = parseAscWdsTraining(fileName, text, records, result.mappings,
                                        ledger.settings().get(kAscWdsWorkplaceSetting), today);
    if (!result.parsed.errors.empty() || !result.parsed.unmapped.empty()) {
        return result;
    }
    const AscWdsCompletionsCsv completions = ascWdsCompletionsCsv(result.parsed);
    std::vector<ImportSetting> remembered;
    if (!added.empty()) {
        remembered.push_back(ImportSetting{std::string(kAscWdsMappingsSetting),
                                           formatAscWdsMappings(result.mappings)});
    }
    try {
        result.summary = ledger.imports().csv(ImportKind::Completions, fileName, completions.text,
                                              today, dryRun, actor, progress, remembered);
    } catch (const ValidationError& e) {
        for (const FieldError& error : e.errors()) {
            result.importProblems.push_back(toAscWdsProblem(error, fileName, completions));
        }
    }
    return result;
}

} // namespace ledger
