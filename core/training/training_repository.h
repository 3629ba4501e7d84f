#pragma once

#include "base/date.h"
#include "base/ids.h"
#include "base/progress.h"
#include "store/ledger_data.h"
#include "training/training.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ledger {

/// A stored completion as an import compares it (by its key: the person, `moduleId` and
/// `completedOn`).
struct StoredCompletion {
    RecordId id = 0;
    RecordId moduleId = 0;
    Date completedOn{};
    std::optional<Date> expiresOn;
    std::string evidence;
    bool voided = false;
    RecordId createdChange = 0; ///< 0 when not known
    RecordId changedChange = 0; ///< 0 when never changed (or not known)
};

/// Where the training feature's records live: modules, requirement rules and completions.
/// Completions are most of a ledger (two million in a county), so they are read per person,
/// one at a time, or as integer rows, never all as records.
class TrainingRepository {
public:
    virtual ~TrainingRepository() = default;

    // The catalog: tens to hundreds of records.

    /// Modules (by code) and requirement rules (by module, scope, value); no staff.
    [[nodiscard]] virtual LedgerData loadCatalog() = 0;
    /// Every module code with its record id.
    [[nodiscard]] virtual std::unordered_map<std::string, RecordId> moduleIds() = 0;
    /// By module code; returns its id.
    virtual RecordId putModule(const Module& module) = 0;
    /// Removes the module with this code (refused by the schema while anything uses it).
    virtual void removeModule(std::string_view code) = 0;
    /// By module + scope + value; returns its id.
    virtual RecordId putRequirement(const Requirement& requirement) = 0;
    /// Removes the rule with this module + scope + value.
    virtual void removeRequirement(const Requirement& requirement) = 0;
    /// Points the rules of `scope` (Team or Role) whose value is `from` at `to`, as when
    /// that team or role is renamed.
    virtual void renameScopeValue(Scope scope, std::string_view from, std::string_view to) = 0;

    // Completions as the compliance engine reads them.

    /// Every counted (not voided) completion as integer rows. `progress` hears the fraction
    /// read; cancelling throws Cancelled.
    [[nodiscard]] virtual std::vector<CompletionRow>
    completionRows(const Progress* progress = nullptr) = 0;
    /// One person's counted completions as integer rows (by the person's store id).
    [[nodiscard]] virtual std::vector<CompletionRow> completionRowsOf(RecordId staffId) = 0;

    // Completions as records.

    /// By employee id + module + completed_on, void state included; returns its id.
    virtual RecordId putCompletion(const Completion& completion) = 0;
    /// A new completion (not voided) by employee id + module + completed_on; returns its id,
    /// or nullopt, nothing written, when one with this key exists (on a server, one another
    /// client added at the same moment: the key decides, never a read before the write).
    virtual std::optional<RecordId> addCompletion(const Completion& completion) = 0;
    /// By `completion.id`: module, dates, evidence and void state (not the person).
    virtual void updateCompletion(const Completion& completion) = 0;
    /// One completion, voided or not.
    [[nodiscard]] virtual std::optional<Completion> completion(RecordId id) = 0;
    /// Every completion of one person, voided ones included, newest first.
    [[nodiscard]] virtual std::vector<Completion> completionsOf(std::string_view employeeId) = 0;
    /// Calls `visit` with every counted (not voided) completion in employee id, module code,
    /// completed_on order, one at a time: a county's two million are never all in memory.
    /// `visit` must not write to the store.
    virtual void forEachCountedCompletion(const std::function<void(const Completion&)>& visit) = 0;
    /// How many completions (voided ones included) there are of a module.
    [[nodiscard]] virtual std::int64_t completionCount(std::string_view moduleCode) = 0;

    // What a streamed import of completions needs: each row looked up once by its key,
    // through statements prepared once.

    /// The completion with this key, if any.
    [[nodiscard]] virtual std::optional<StoredCompletion>
    findCompletion(RecordId staffId, RecordId moduleId, Date completedOn) = 0;
    /// Every stored completion of one person (by store id), voided ones included, into `out`
    /// (emptied first, its storage reused): one read for a person whose rows an import meets
    /// together, instead of a lookup per row.
    virtual void storedCompletionsOf(RecordId staffId, std::vector<StoredCompletion>& out) = 0;
    /// A new completion (not voided) created by change-log entry `createdChange`.
    virtual RecordId insertCompletion(RecordId staffId, RecordId moduleId, const Completion& c,
                                      RecordId createdChange) = 0;
    /// As insertCompletion when no completion has this key; nullopt (and nothing written)
    /// when one has.
    virtual std::optional<RecordId> insertCompletionIfNew(RecordId staffId, RecordId moduleId,
                                                          const Completion& c,
                                                          RecordId createdChange) = 0;
    /// New expiry and evidence for completion `id`, changed by entry `changedChange`.
    virtual void updateCompletionValues(RecordId id, const Completion& c,
                                        RecordId changedChange) = 0;
};

} // namespace ledger
