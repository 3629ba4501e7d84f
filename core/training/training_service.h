#pragma once

#include "store/ledger_data.h"
#include "store/unit_of_work.h"
#include "training/compliance.h"
#include "training/training.h"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace ledger {

/// The training use cases: modules, requirement rules and completions, and the compliance
/// engine over them. Writes validate the whole record first (every problem at once, as
/// ValidationError with field names and line 0), run as one unit of work and append to the
/// change log; on any error nothing is written.
class TrainingService {
public:
    explicit TrainingService(UnitOfWork& work);

    /// A new module (`isNew`) or a correction of the module with this code. Every correction
    /// (here and below) is refused with StaleRecord, nothing written, when the record's
    /// known version (RecordVersion, as the person read it) is no longer the stored one.
    void saveModule(const Module& module, bool isNew, std::string_view actor);
    /// Removes a module with no completions, rules or audit-theme links.
    void removeModule(std::string_view code, std::string_view actor);

    /// Adds or updates the rule with this module + scope + value.
    void saveRequirement(const Requirement& requirement, std::string_view actor);
    /// Removes the rule with this module + scope + value.
    void removeRequirement(const Requirement& requirement, std::string_view actor);

    /// Records a completion; the (staff, module, date) must not be recorded already.
    RecordId addCompletion(const Completion& completion, Date today, std::string_view actor);
    /// Corrects the completion with `corrected.id` (any field but the person); the reason
    /// is kept in the change log and is required.
    void correctCompletion(const Completion& corrected, std::string_view reason, Date today,
                           std::string_view actor);
    /// Voids a completion: it stays in the ledger, marked void with the reason, and no longer
    /// counts. Evidence is never deleted.
    /// `expected`: the version the person saw (StaleRecord when it moved on; unknown: not
    /// checked).
    void voidCompletion(RecordId id, std::string_view reason, std::string_view actor,
                        RecordVersion expected = {});

    /// One completion, voided or not.
    [[nodiscard]] std::optional<Completion> completion(RecordId id);
    /// Every completion of one person, voided ones included, newest first.
    [[nodiscard]] std::vector<Completion> completionsOf(std::string_view employeeId);
    /// Calls `visit` with every counted (not voided) completion, in employee id, module code,
    /// completed_on order, one at a time (an export of a county's two million completions
    /// holds one at a time). `visit` must not write to the ledger.
    void forEachCountedCompletion(const std::function<void(const Completion&)>& visit);

    /// Staff, modules and rules: what the views list, without the completions.
    [[nodiscard]] LedgerData records();
    /// A compliance engine over the ledger, from the compact load (completions as integer
    /// rows, never as records). `progress` hears the fraction of the completions read;
    /// cancelling throws Cancelled.
    [[nodiscard]] ComplianceEngine engine(const Progress* progress = nullptr);
    /// Brings `records` (as from records()) and `engine` up to date with `changes`, reading
    /// only what they touched: one person, or one person's completions. Catalog changes and
    /// imports rebuild both from the compact load. Returns true when it rebuilt.
    bool refresh(LedgerData& records, ComplianceEngine& engine,
                 const std::vector<LedgerChange>& changes);
    /// The same without the rebuild: false when `changes` need one (a catalog change, an
    /// import, a person in a new team or role), which the caller then runs as it sees fit
    /// (the app as a task, off the interface thread); `records` and `engine` are then only
    /// partly brought up to date and are to be replaced.
    [[nodiscard]] bool apply(LedgerData& records, ComplianceEngine& engine,
                             const std::vector<LedgerChange>& changes);

private:
    UnitOfWork& m_work;
    StaffRepository& m_staff;
    TrainingRepository& m_training;
    ThemeRepository& m_themes;
    ChangeLogRepository& m_changes;
};

} // namespace ledger
