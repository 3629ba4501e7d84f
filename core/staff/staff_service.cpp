#include "staff/staff_service.h"

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

namespace {

const char* nameKindWord(NameKind kind) {
    return kind == NameKind::Team ? "team" : "role";
}

Scope scopeOf(NameKind kind) {
    return kind == NameKind::Team ? Scope::Team : Scope::Role;
}

} // namespace

StaffService::StaffService(UnitOfWork& work)
    : m_work(work), m_staff(work.store().staff()), m_training(work.store().training()),
      m_changes(work.store().changeLog()) {
}

void StaffService::add(const Staff& staff, Date today, std::string_view actor) {
    m_work.run([&] {
        std::vector<FieldError> errors =
            validateStaff(staff, storedContext(m_staff, m_training, today));
        require(errors, !m_staff.staffMember(staff.employeeId), "employee_id",
                "employee id " + staff.employeeId + " is already in use");
        throwIfAny(errors);
        Staff added = staff;
        added.id = 0;
        const RecordId id = m_staff.putStaff(added);
        logged(m_changes, "staff", id,
               changeEntry<Staff>(actor, "staff", added.employeeId, nullptr, added), true);
        m_work.changed(LedgerChange::Kind::Staff, added.employeeId);
    });
}

void StaffService::update(const Staff& staff, Date today, std::string_view actor) {
    m_work.run([&] {
        const std::optional<Staff> stored = m_staff.staffMember(staff.employeeId);
        const Staff* before = stored ? &*stored : nullptr;
        std::vector<FieldError> errors =
            validateStaff(staff, storedContext(m_staff, m_training, today));
        require(errors, before != nullptr, "employee_id",
                "no staff member has employee id " + staff.employeeId);
        throwIfAny(errors);
        Staff after = staff;
        after.id = before->id;
        if (after == *before) {
            return; // nothing to write, so nobody's change to overwrite
        }
        after.version = before->version; // the write, too, finds it unchanged since
        saveOver(m_changes, "staff", before->id, "this person (" + staff.employeeId + ")",
                 staff.version, before->version, [&] {
                     const RecordId id = m_staff.putStaff(after);
                     logged(m_changes, "staff", id,
                            changeEntry(actor, "staff", after.employeeId, before, after), false);
                     m_work.changed(LedgerChange::Kind::Staff, after.employeeId);
                 });
    });
}

std::vector<std::string> StaffService::teams() {
    return m_staff.names(NameKind::Team);
}

std::vector<std::string> StaffService::roles() {
    return m_staff.names(NameKind::Role);
}

void StaffService::addTeam(std::string_view name, std::string_view actor) {
    addName(NameKind::Team, name, actor);
}

void StaffService::renameTeam(std::string_view from, std::string_view to, std::string_view actor) {
    renameName(NameKind::Team, from, to, actor);
}

void StaffService::removeTeam(std::string_view name, std::string_view actor) {
    removeName(NameKind::Team, name, actor);
}

void StaffService::addRole(std::string_view name, std::string_view actor) {
    addName(NameKind::Role, name, actor);
}

void StaffService::renameRole(std::string_view from, std::string_view to, std::string_view actor) {
    renameName(NameKind::Role, from, to, actor);
}

void StaffService::removeRole(std::string_view name, std::string_view actor) {
    removeName(NameKind::Role, name, actor);
}

void StaffService::addName(NameKind kind, std::string_view name, std::string_view actor) {
    const std::string word = nameKindWord(kind);
    m_work.run([&] {
        const auto names = m_staff.names(kind);
        std::vector<FieldError> errors;
        require(errors, !blank(name), "name", "a " + word + " name is required");
        if (auto problem = textProblem(name, TextKind::Name); problem && !blank(name)) {
            errors.push_back(FieldError{{}, 0, "name", std::move(*problem)});
        }
        require(errors, std::find(names.begin(), names.end(), name) == names.end(), "name",
                "there is already a " + word + " called " + std::string(name));
        throwIfAny(errors);
        m_staff.addName(kind, name);
        m_changes.append(logEntry(actor, word, std::string(name), "add", "",
                                  json({{"name", std::string(name)}})));
    });
}

void StaffService::renameName(NameKind kind, std::string_view from, std::string_view to,
                              std::string_view actor) {
    const std::string word = nameKindWord(kind);
    const Scope scope = scopeOf(kind);
    m_work.run([&] {
        const auto names = m_staff.names(kind);
        const LedgerData stored = m_training.loadCatalog();
        const auto named = [&](std::string_view n) {
            return std::find(names.begin(), names.end(), n) != names.end();
        };
        std::vector<FieldError> errors;
        require(errors, named(from), "from",
                "there is no " + word + " called " + std::string(from));
        require(errors, !blank(to), "to", "a " + word + " name is required");
        if (auto problem = textProblem(to, TextKind::Name); problem && !blank(to)) {
            errors.push_back(FieldError{{}, 0, "to", std::move(*problem)});
        }
        require(errors, to == from || !named(to), "to",
                "there is already a " + word + " called " + std::string(to));
        std::vector<Requirement> rules;
        for (const Requirement& r : stored.requirements) {
            if (r.scope != scope || r.value != from) {
                continue;
            }
            rules.push_back(r);
            Requirement moved = r;
            moved.value = std::string(to);
            require(errors, to == from || !findRequirement(stored, moved), "to",
                    "module " + r.moduleCode + " already has a rule for " + word + " " +
                        std::string(to));
        }
        throwIfAny(errors);
        if (from == to) {
            return;
        }
        m_staff.renameName(kind, from, to);
        m_training.renameScopeValue(scope, from, to);
        m_changes.append(logEntry(actor, word, std::string(from), "rename",
                                  json({{"name", std::string(from)}}),
                                  json({{"name", std::string(to)}})));
        for (const Requirement& r : rules) {
            logged(m_changes, "requirement", r.id,
                   logEntry(actor, "requirement", requirementKey(r), "rename",
                            json({{"value", std::string(from)}}),
                            json({{"value", std::string(to)}})),
                   false);
        }
        m_work.changed(LedgerChange::Kind::Catalog);
    });
}

void StaffService::removeName(NameKind kind, std::string_view name, std::string_view actor) {
    const std::string word = nameKindWord(kind);
    const Scope scope = scopeOf(kind);
    m_work.run([&] {
        const auto names = m_staff.names(kind);
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            throw ValidationError({FieldError{
                {}, 0, "name", "there is no " + word + " called " + std::string(name)}});
        }
        const LedgerData stored = m_training.loadCatalog();
        const std::int64_t people = m_staff.staffCount(kind, name);
        const auto rules = std::count_if(
            stored.requirements.begin(), stored.requirements.end(),
            [&](const Requirement& r) { return r.scope == scope && r.value == name; });
        std::vector<std::string> uses;
        if (people > 0) {
            uses.push_back(counted(people, "person", "people"));
        }
        if (rules > 0) {
            uses.push_back(counted(rules, "rule", "rules"));
        }
        if (!uses.empty()) {
            throw ValidationError(
                {FieldError{{}, 0, "name", usedBy(uses) + " " + word + " " + std::string(name)}});
        }
        m_staff.removeName(kind, name);
        m_changes.append(logEntry(actor, word, std::string(name), "remove",
                                  json({{"name", std::string(name)}}), ""));
        m_work.changed(LedgerChange::Kind::Catalog);
    });
}

std::optional<Staff> StaffService::find(std::string_view employeeId) {
    return m_staff.staffMember(employeeId);
}

} // namespace ledger
