#pragma once

#include "audit/change_log.h"
#include "store/unit_of_work.h"

#include <string_view>
#include <vector>

namespace ledger {

/// Reading the change log: a record's history, a person's, who created and changed what.
class AuditService {
public:
    explicit AuditService(UnitOfWork& work);

    /// The change log of one record (or of every record when `entity` is empty), oldest
    /// first.
    [[nodiscard]] std::vector<ChangeLogEntry> changeLog(std::string_view entity,
                                                        std::string_view recordKey);
    /// The change log of a person, oldest first: the entries whose subject they are (their
    /// record, their completions) and the imports that created their records.
    [[nodiscard]] std::vector<ChangeLogEntry> historyOf(std::string_view employeeId);
    /// Who created a record (`staff`, `module`, `requirement`, `completion`, `audit_theme`)
    /// and who last changed it, when.
    [[nodiscard]] RecordOrigin originOf(std::string_view entity, RecordId id);

private:
    ChangeLogRepository& m_changes;
};

} // namespace ledger
