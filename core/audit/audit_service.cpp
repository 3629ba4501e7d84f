#include "audit/audit_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "store/unit_of_work.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ledger {

AuditService::AuditService(UnitOfWork& work) : m_changes(work.store().changeLog()) {
}

std::vector<ChangeLogEntry> AuditService::changeLog(std::string_view entity,
                                                    std::string_view recordKey) {
    return m_changes.entries(entity, recordKey);
}

std::vector<ChangeLogEntry> AuditService::historyOf(std::string_view employeeId) {
    return m_changes.historyOfSubject(employeeId);
}

RecordOrigin AuditService::originOf(std::string_view entity, RecordId id) {
    return m_changes.recordOrigin(entity, id);
}

} // namespace ledger
