#pragma once

#include "audit/change_log.h"
#include "base/ids.h"

#include <string_view>
#include <vector>

namespace ledger {

/// Where the change log lives, and each record's links to the entries that created and last
/// changed it.
class ChangeLogRepository {
public:
    virtual ~ChangeLogRepository() = default;

    /// Appends an entry (its subject, an employee id, linked to that person); returns its id.
    virtual RecordId append(const ChangeLogEntry& entry) = 0;
    /// Replaces the new values of an entry (an import's counts, known at its end).
    virtual void setNewValues(RecordId change, std::string_view newValues) = 0;
    /// Points a record (entity `staff`, `module`, `requirement`, `completion` or
    /// `audit_theme`) at the change-log entry that created it or (`created` false) last
    /// changed it.
    virtual void linkChange(std::string_view entity, RecordId id, RecordId change,
                            bool created) = 0;
    /// The entries a record's links point to.
    [[nodiscard]] virtual RecordOrigin recordOrigin(std::string_view entity, RecordId id) = 0;
    /// The history of one person, oldest first: every entry whose subject they are, and the
    /// import entries that created their record or their completions.
    [[nodiscard]] virtual std::vector<ChangeLogEntry>
    historyOfSubject(std::string_view employeeId) = 0;
    /// The entries of one record (or of every record when `entity` is empty), oldest first.
    [[nodiscard]] virtual std::vector<ChangeLogEntry> entries(std::string_view entity,
                                                              std::string_view recordKey) = 0;
};

} // namespace ledger
