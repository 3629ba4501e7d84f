#include "store/unit_of_work.h"

#include <utility>

namespace ledger {

void UnitOfWork::run(const std::function<void()>& work) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        m_pending.clear();
        try {
            Transaction transaction(m_store);
            work();
            transaction.commit();
            break;
        } catch (const RetryUnitOfWork&) {
            m_pending.clear();
            if (attempt == kAttempts) {
                throw;
            }
        } catch (...) {
            m_pending.clear();
            throw;
        }
    }
    m_changes.insert(m_changes.end(), m_pending.begin(), m_pending.end());
    m_pending.clear();
}

void UnitOfWork::changed(LedgerChange::Kind kind, std::string employeeId) {
    m_pending.push_back(LedgerChange{kind, std::move(employeeId)});
}

std::vector<LedgerChange> UnitOfWork::takeChanges() {
    return std::exchange(m_changes, {});
}

ValidationContext storedContext(StaffRepository& staff, TrainingRepository& training, Date today) {
    ValidationContext context;
    context.today = today;
    for (const Module& m : training.loadCatalog().modules) { // tens of modules
        context.moduleCodes.insert(m.code);
    }
    context.lookUpPerson = [&staff](std::string_view employeeId) -> std::optional<StaffLink> {
        if (auto s = staff.staffMember(employeeId)) {
            return StaffLink{std::move(s->lineManagerId), std::move(s->fullName)};
        }
        return std::nullopt;
    };
    return context;
}

} // namespace ledger
