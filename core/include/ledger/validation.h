#pragma once

#include "ledger/domain.h"
#include "ledger/error.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace ledger {

/// What a record may refer to, and today's date, for checking references (rules section 7).
struct ValidationContext {
    std::unordered_set<std::string> employeeIds;
    std::unordered_set<std::string> moduleCodes;
    Date today{};
};

/// Builds a context over a ledger's current records.
[[nodiscard]] ValidationContext makeValidationContext(const LedgerData& data, Date today);

/// Every problem with one record, field by field (file and line left empty). An empty list
/// means the record may be stored.
[[nodiscard]] std::vector<FieldError> validateStaff(const Staff& staff,
                                                    const ValidationContext& context);
[[nodiscard]] std::vector<FieldError> validateModule(const Module& module);
[[nodiscard]] std::vector<FieldError> validateRequirement(const Requirement& requirement,
                                                          const ValidationContext& context);
[[nodiscard]] std::vector<FieldError> validateCompletion(const Completion& completion,
                                                         const ValidationContext& context);
[[nodiscard]] std::vector<FieldError> validateAuditTheme(const AuditTheme& theme,
                                                         const ValidationContext& context);

/// Limits shared by the importer and the editors.
inline constexpr int kMaxDays = 3650;
inline constexpr int kMaxRenewalMonths = 999;
inline constexpr std::size_t kMaxIdLength = 50; ///< ASC-WDS UNIQUEWORKERID limit

} // namespace ledger
