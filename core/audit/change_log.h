#pragma once

#include "base/ids.h"

#include <string>

namespace ledger {

/// One appended line of the change log: who changed which record, from what to what.
struct ChangeLogEntry {
    RecordId id = 0;
    std::string at;     ///< UTC timestamp, ISO 8601
    std::string actor;  ///< "who you are", chosen at unlock or given to the CLI
    std::string entity; ///< staff, module, requirement, completion, audit_theme, ledger
    std::string recordKey;
    std::string action; ///< add, update, remove, ...
    std::string oldValues;
    std::string newValues;
};

} // namespace ledger
