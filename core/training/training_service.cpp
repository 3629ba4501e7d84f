#include "training/training_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/validation.h"
#include "store/unit_of_work.h"
#include "training/catalog_lookup.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ledger {

TrainingService::TrainingService(UnitOfWork& work)
    : m_work(work), m_staff(work.store().staff()), m_training(work.store().training()),
      m_themes(work.store().themes()), m_changes(work.store().changeLog()) {
}

LedgerData TrainingService::records() {
    return loadWithoutCompletions(m_staff, m_training);
}

ComplianceEngine TrainingService::engine(const Progress* progress) {
    return ComplianceEngine(loadWithoutCompletions(m_staff, m_training),
                            m_training.completionRows(progress));
}

bool TrainingService::refresh(LedgerData& records, ComplianceEngine& engine,
                              const std::vector<LedgerChange>& changes) {
    if (apply(records, engine, changes)) {
        return false;
    }
    LedgerData fresh = loadWithoutCompletions(m_staff, m_training);
    std::vector<CompletionRow> rows = m_training.completionRows();
    engine = ComplianceEngine(fresh, std::move(rows));
    records = std::move(fresh);
    return true;
}

bool TrainingService::apply(LedgerData& records, ComplianceEngine& engine,
                            const std::vector<LedgerChange>& changes) {
    const auto rebuild = [] {
        return false;
    };
    const auto staffAt = [&](std::string_view employeeId) {
        return std::lower_bound(
            records.staff.begin(), records.staff.end(), employeeId,
            [](const Staff& s, std::string_view id) { return s.employeeId < id; });
    };
    for (const LedgerChange& change : changes) {
        switch (change.kind) {
        case LedgerChange::Kind::Themes:
        case LedgerChange::Kind::Sessions:
        case LedgerChange::Kind::Cpd:
        case LedgerChange::Kind::Assessors:
        case LedgerChange::Kind::Programmes:
        case LedgerChange::Kind::Settings:
            break; // none counts towards compliance
        case LedgerChange::Kind::Catalog:
        case LedgerChange::Kind::Everything:
            return rebuild();
        case LedgerChange::Kind::Staff: {
            std::optional<Staff> person = m_staff.staffMember(change.employeeId);
            if (!person || !engine.putStaff(*person)) {
                return rebuild(); // a new team or role: its rules must be read
            }
            const auto at = staffAt(change.employeeId);
            if (at != records.staff.end() && at->employeeId == change.employeeId) {
                *at = std::move(*person);
            } else {
                records.staff.insert(at, std::move(*person));
            }
            break;
        }
        case LedgerChange::Kind::Completions: {
            const auto at = staffAt(change.employeeId);
            const auto index = engine.findStaff(change.employeeId);
            if (at == records.staff.end() || at->employeeId != change.employeeId || !index) {
                return rebuild();
            }
            engine.replaceCompletionsOf(*index, m_training.completionRowsOf(at->id));
            break;
        }
        }
    }
    return true;
}

void TrainingService::saveModule(const Module& module, bool isNew, std::string_view actor) {
    m_work.run([&] {
        const LedgerData stored = m_training.loadCatalog();
        const Module* before = findModule(stored, module.code);
        std::vector<FieldError> errors = validateModule(module);
        if (isNew) {
            require(errors, !before, "code", "module code " + module.code + " is already in use");
        } else {
            require(errors, before != nullptr, "code", "no module has code " + module.code);
        }
        throwIfAny(errors);
        Module after = module;
        after.id = before ? before->id : 0;
        if (before && after == *before) {
            return; // nothing to write, so nobody's change to overwrite
        }
        const auto save = [&] {
            const RecordId id = m_training.putModule(after);
            logged(m_changes, "module", id, changeEntry(actor, "module", after.code, before, after),
                   !before);
            m_work.changed(LedgerChange::Kind::Catalog);
        };
        if (!before) {
            save();
            return;
        }
        after.version = before->version; // the write, too, finds it unchanged since
        saveOver(m_changes, "module", before->id, "module " + module.code, module.version,
                 before->version, save);
    });
}

void TrainingService::removeModule(std::string_view code, std::string_view actor) {
    m_work.run([&] {
        const LedgerData stored = m_training.loadCatalog();
        const Module* module = findModule(stored, code);
        if (!module) {
            throw ValidationError(
                {FieldError{{}, 0, "code", "no module has code " + std::string(code)}});
        }
        const std::int64_t completions = m_training.completionCount(code);
        const auto rules =
            std::count_if(stored.requirements.begin(), stored.requirements.end(),
                          [&](const Requirement& r) { return r.moduleCode == code; });
        const auto themes = m_themes.auditThemes();
        const auto linked = std::count_if(themes.begin(), themes.end(), [&](const AuditTheme& t) {
            return std::find(t.moduleCodes.begin(), t.moduleCodes.end(), code) !=
                   t.moduleCodes.end();
        });
        std::vector<std::string> uses;
        if (completions > 0) {
            uses.push_back(counted(completions, "completion", "completions"));
        }
        if (rules > 0) {
            uses.push_back(counted(rules, "rule", "rules"));
        }
        if (linked > 0) {
            uses.push_back(counted(linked, "audit theme", "audit themes"));
        }
        if (!uses.empty()) {
            throw ValidationError(
                {FieldError{{}, 0, "code", usedBy(uses) + " module " + std::string(code)}});
        }
        m_training.removeModule(code);
        m_changes.append(
            logEntry(actor, "module", std::string(code), "remove", json(fieldsOf(*module)), ""));
        m_work.changed(LedgerChange::Kind::Catalog);
    });
}

void TrainingService::saveRequirement(const Requirement& requirement, std::string_view actor) {
    m_work.run([&] {
        const LedgerData stored = m_training.loadCatalog();
        throwIfAny(validateRequirement(requirement, makeValidationContext(stored, Date{})));
        const Requirement* before = findRequirement(stored, requirement);
        Requirement after = requirement;
        after.id = before ? before->id : 0;
        if (before && after == *before) {
            return; // nothing to write, so nobody's change to overwrite
        }
        const auto save = [&] {
            const RecordId id = m_training.putRequirement(after);
            logged(m_changes, "requirement", id,
                   changeEntry(actor, "requirement", requirementKey(after), before, after),
                   !before);
            m_work.changed(LedgerChange::Kind::Catalog);
        };
        if (!before) {
            save();
            return;
        }
        after.version = before->version; // the write, too, finds it unchanged since
        saveOver(m_changes, "requirement", before->id, "the rule " + requirementKey(after),
                 requirement.version, before->version, save);
    });
}

void TrainingService::removeRequirement(const Requirement& requirement, std::string_view actor) {
    m_work.run([&] {
        const LedgerData stored = m_training.loadCatalog();
        const Requirement* before = findRequirement(stored, requirement);
        if (!before) {
            const bool moduleKnown = findModule(stored, requirement.moduleCode) != nullptr;
            throw ValidationError(
                {FieldError{{},
                            0,
                            moduleKnown ? "scope" : "module",
                            moduleKnown ? "there is no rule " + requirementKey(requirement)
                                        : "no module has code " + requirement.moduleCode}});
        }
        m_training.removeRequirement(*before);
        m_changes.append(logEntry(actor, "requirement", requirementKey(*before), "remove",
                                  json(fieldsOf(*before)), ""));
        m_work.changed(LedgerChange::Kind::Catalog);
    });
}

RecordId TrainingService::addCompletion(const Completion& completion, Date today,
                                        std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        std::vector<FieldError> errors =
            validateCompletion(completion, storedContext(m_staff, m_training, today));
        for (const Completion& c : m_training.completionsOf(completion.employeeId)) {
            if (c.moduleCode == completion.moduleCode && c.completedOn == completion.completedOn) {
                errors.push_back(FieldError{
                    {},
                    0,
                    "completed_on",
                    completion.employeeId + " already has a completion of " +
                        completion.moduleCode + " on " + formatIso(completion.completedOn) +
                        (c.voided ? " (voided)" : "")});
            }
        }
        throwIfAny(errors);
        Completion added = completion;
        added.id = 0;
        added.voided = false;
        added.voidReason.clear();
        const std::optional<RecordId> stored = m_training.addCompletion(added);
        if (!stored) { // added by someone else since the check above
            throw ValidationError({FieldError{
                {},
                0,
                "completed_on",
                completion.employeeId + " already has a completion of " + completion.moduleCode +
                    " on " + formatIso(completion.completedOn)}});
        }
        id = *stored;
        added.id = id;
        logged(m_changes, "completion", id,
               changeEntry<Completion>(actor, "completion", completionKey(added), nullptr, added),
               true);
        m_work.changed(LedgerChange::Kind::Completions, added.employeeId);
    });
    return id;
}

void TrainingService::correctCompletion(const Completion& corrected, std::string_view reason,
                                        Date today, std::string_view actor) {
    m_work.run([&] {
        std::vector<FieldError> errors;
        const std::optional<Completion> before = m_training.completion(corrected.id);
        Completion after = corrected;
        if (!before) {
            errors.push_back(
                FieldError{{}, 0, "id", "no completion has id " + std::to_string(corrected.id)});
        } else {
            require(errors, !before->voided, "id", "a voided completion cannot be corrected");
            require(errors,
                    corrected.employeeId.empty() || corrected.employeeId == before->employeeId,
                    "employee_id",
                    "a completion stays with its person; void it and record a new one instead");
            after.employeeId = before->employeeId;
            after.voided = before->voided;
            after.voidReason = before->voidReason;
            for (FieldError& e :
                 validateCompletion(after, storedContext(m_staff, m_training, today))) {
                errors.push_back(std::move(e));
            }
            for (const Completion& c : m_training.completionsOf(after.employeeId)) {
                require(errors,
                        c.id == after.id || c.moduleCode != after.moduleCode ||
                            c.completedOn != after.completedOn,
                        "completed_on",
                        after.employeeId + " already has a completion of " + after.moduleCode +
                            " on " + formatIso(after.completedOn));
            }
        }
        require(errors, !blank(reason), "reason", "a reason for the correction is required");
        if (auto problem = textProblem(reason, TextKind::FreeText)) {
            errors.push_back(FieldError{{}, 0, "reason", std::move(*problem)});
        }
        throwIfAny(errors);
        if (after == *before) {
            return; // nothing to write, so nobody's change to overwrite
        }
        after.version = before->version; // the write, too, finds it unchanged since
        saveOver(m_changes, "completion", before->id,
                 "this completion (" + completionKey(*before) + ")", corrected.version,
                 before->version, [&] {
                     m_training.updateCompletion(after);
                     auto [oldValues, newValues] =
                         changedFields(correctionFieldsOf(*before), correctionFieldsOf(after));
                     newValues.emplace_back("reason", trimmed(reason));
                     ChangeLogEntry entry = logEntry(actor, "completion", completionKey(after),
                                                     "correct", json(oldValues), json(newValues));
                     entry.subject = after.employeeId;
                     logged(m_changes, "completion", after.id, entry, false);
                     m_work.changed(LedgerChange::Kind::Completions, after.employeeId);
                 });
    });
}

void TrainingService::voidCompletion(RecordId id, std::string_view reason, std::string_view actor,
                                     RecordVersion expected) {
    m_work.run([&] {
        std::vector<FieldError> errors;
        const std::optional<Completion> before = m_training.completion(id);
        require(errors, before.has_value(), "id", "no completion has id " + std::to_string(id));
        require(errors, !before || !before->voided, "id", "the completion is already voided");
        require(errors, !blank(reason), "reason", "a reason for voiding is required");
        if (auto problem = textProblem(reason, TextKind::FreeText)) {
            errors.push_back(FieldError{{}, 0, "reason", std::move(*problem)});
        }
        throwIfAny(errors);
        Completion after = *before;
        after.voided = true;
        after.voidReason = trimmed(reason);
        saveOver(m_changes, "completion", id, "this completion (" + completionKey(*before) + ")",
                 expected, before->version, [&] {
                     m_training.updateCompletion(after);
                     ChangeLogEntry entry =
                         logEntry(actor, "completion", completionKey(after), "void", "",
                                  json({{"reason", after.voidReason}}));
                     entry.subject = after.employeeId;
                     logged(m_changes, "completion", after.id, entry, false);
                     m_work.changed(LedgerChange::Kind::Completions, after.employeeId);
                 });
    });
}

std::optional<Completion> TrainingService::completion(RecordId id) {
    return m_training.completion(id);
}

std::vector<Completion> TrainingService::completionsOf(std::string_view employeeId) {
    return m_training.completionsOf(employeeId);
}

void TrainingService::forEachCountedCompletion(
    const std::function<void(const Completion&)>& visit) {
    m_training.forEachCountedCompletion(visit);
}

} // namespace ledger
