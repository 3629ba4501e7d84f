#pragma once

// What validateTrustedAssessor asks of a stored ledger (its people, the roles that may sign
// off, the equipment categories), read once per write or import. Internal to the assessors
// feature: AssessorService::save and its import both check through it.

#include "assessors/trusted_assessor.h"
#include "base/validation.h"
#include "staff/staff.h"
#include "store/store.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ledger {

class StoredAssessorChecks {
public:
    StoredAssessorChecks(Store& store, Date today);
    StoredAssessorChecks(const StoredAssessorChecks&) = delete;
    StoredAssessorChecks& operator=(const StoredAssessorChecks&) = delete;

    /// The context for validateTrustedAssessor, the signer checked (see its checkSigner).
    [[nodiscard]] TrustedAssessorContext& context() { return m_context; }

private:
    ValidationContext m_base;
    std::map<std::string, Staff, std::less<>> m_people;
    std::vector<std::string> m_signing;
    std::set<std::string, std::less<>> m_codes;
    TrustedAssessorContext m_context;
};

} // namespace ledger
