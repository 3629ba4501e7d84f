#pragma once

#include "base/ids.h"

#include <optional>
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
    /// The employee id of the person the record concerns (the staff member of a staff or
    /// completion entry); empty when none. A person's history is found by it.
    std::string subject;

    friend bool operator==(const ChangeLogEntry&, const ChangeLogEntry&) = default;
};

/// Who created a record and who last changed it, when: the change-log entries its links
/// point to (an import's entry for what an import created). Empty where the ledger does not
/// know (records older than the links whose entries could not be matched, or never changed).
struct RecordOrigin {
    std::optional<ChangeLogEntry> created;
    std::optional<ChangeLogEntry> changed;
};

} // namespace ledger
