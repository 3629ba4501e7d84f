// The `trusted-assessors` import (rules/learning-record.md sections 8 and 9), a keyed import
// (io/keyed_import.h): all or nothing, every problem named by file, line and column.

#include "assessors/assessor_service.h"
#include "assessors/stored_checks.h"
#include "io/keyed_import.h"

#include <memory>
#include <utility>

namespace ledger {

namespace {

/// What the keyed import says of an authorisation.
struct AssessorWords {
    static constexpr const char* entity = "trusted_assessor";
    static constexpr const char* keyColumn = "level";
    static constexpr const char* keyNames = "employee_id and level";
    static std::pair<std::string, std::string> key(const TrustedAssessor& a) {
        return {a.employeeId, assessorLevelCode(a.level)};
    }
    static std::string logKey(const TrustedAssessor& a) {
        return a.employeeId + "/" + assessorLevelCode(a.level);
    }
};

} // namespace

ImportSummary AssessorService::importFile(std::string_view fileName, CsvSource& source, Date today,
                                          bool dryRun, std::string_view actor) {
    using csvimport::KeyedImportPlan;
    return csvimport::runKeyedImport<TrustedAssessor, AssessorWords>(
        m_work, ImportKind::TrustedAssessors, fileName, source, dryRun, actor,
        trustedAssessorSpec(), {"employee_id", "level", "trained_on"}, {"categories", "refreshers"},
        LedgerChange::Kind::Assessors,
        std::function<KeyedImportPlan<TrustedAssessor>(Store&)>([today](Store& store) {
            auto checks = std::make_shared<StoredAssessorChecks>(store, today);
            return KeyedImportPlan<TrustedAssessor>{
                store.assessors().authorisations(),
                [checks](const TrustedAssessor& a, const TrustedAssessor* before) {
                    // Section 9 checks the signer only for rows that add or change a record.
                    TrustedAssessorContext& context = checks->context();
                    context.checkSigner = before == nullptr || !csvimport::sameImported(*before, a);
                    return validateTrustedAssessor(a, context);
                },
                [&store](const TrustedAssessor& a) {
                    return store.assessors().put(a);
                }};
        }));
}

} // namespace ledger
