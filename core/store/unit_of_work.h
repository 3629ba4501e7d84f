#pragma once

// Units of work: each use case runs as one transaction (committed whole, or rolled back on
// any exception) and notes what it changed, so that views update only that.

#include "base/date.h"
#include "base/error.h"
#include "base/validation.h"
#include "store/store.h"

#include <functional>
#include <string>
#include <vector>

namespace ledger {

/// What a committed use case changed, so that views and the compliance engine update only
/// that (see Ledger::takeChanges and TrainingService::refresh).
struct LedgerChange {
    enum class Kind {
        Staff,       ///< one person added or changed: `employeeId`
        Completions, ///< a completion of `employeeId` recorded, corrected or voided
        Catalog,     ///< modules, rules, teams or roles
        Themes,      ///< audit themes
        Sessions,    ///< sessions, their bookings, invitations or feedback
        Cpd,         ///< CPD entries or their evidence (of `employeeId`, when known)
        Assessors,   ///< trusted-assessor authorisations or equipment categories
        Programmes,  ///< ASYE or apprenticeship records (of `employeeId`, when known)
        Settings,    ///< settings held in the ledger
        Everything,  ///< an import
    };
    Kind kind = Kind::Everything;
    std::string employeeId;

    friend bool operator==(const LedgerChange&, const LedgerChange&) = default;
};

/// One transaction on a store (RAII): begun on construction, rolled back on destruction
/// unless committed.
class Transaction {
public:
    explicit Transaction(Store& store) : m_store(store) { m_store.begin(); }
    ~Transaction() {
        if (!m_done) {
            m_store.rollback();
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit() {
        m_store.commit();
        m_done = true;
    }

private:
    Store& m_store;
    bool m_done = false;
};

/// Thrown inside a unit of work whose write found a record changed by another connection
/// since the unit read it, when the person gave no version to hold the write to (the CLI, a
/// version-less call): nothing they saw is stale, so UnitOfWork::run runs the work again from
/// the start. If it keeps losing, the last one escapes as the StaleRecord it also is.
class RetryUnitOfWork : public StaleRecord {
public:
    explicit RetryUnitOfWork(const StaleRecord& stale) : StaleRecord(stale) {}
};

/// The services of one open ledger share this: their store, and the changes their units of
/// work committed.
class UnitOfWork {
public:
    explicit UnitOfWork(Store& store) : m_store(store) {}

    [[nodiscard]] Store& store() { return m_store; }

    /// Runs `work` in one transaction: committed whole, or rolled back on any exception;
    /// the changes it noted become visible to takeChanges only when it commits. Work that
    /// throws RetryUnitOfWork is rolled back and run again, a few times at most.
    void run(const std::function<void()>& work);
    /// Notes a change of the unit of work in progress.
    void changed(LedgerChange::Kind kind, std::string employeeId = {});
    /// What was committed since the last call (oldest first), and forgets it.
    [[nodiscard]] std::vector<LedgerChange> takeChanges();

private:
    Store& m_store;
    std::vector<LedgerChange> m_pending; ///< noted by the unit of work in progress
    std::vector<LedgerChange> m_changes; ///< committed, not yet taken
};

/// Validation over a stored ledger by targeted questions (one person, the modules).
[[nodiscard]] ValidationContext storedContext(StaffRepository& staff, TrainingRepository& training,
                                              Date today);

} // namespace ledger
