#include "sqlcipher/schema_fill.h"

#include "sqlcipher/sqlite_util.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ledger::schema {

using sql::Statement;

namespace {

/// The staff id and module id a completion key names, or nullopt; the module only when a
/// module with that code exists (otherwise 0, with the person told by the longest employee
/// id that starts the key).
struct CompletionKey {
    std::int64_t staffId = 0;
    std::int64_t moduleId = 0;
    std::string completedOn;
};

std::optional<CompletionKey>
parseCompletionKey(const std::string& key,
                   const std::unordered_map<std::string, std::int64_t>& staff,
                   const std::unordered_map<std::string, std::int64_t>& modules) {
    // KEY = EMPLOYEE "/" MODULE "/" YYYY-MM-DD
    constexpr std::size_t kDate = 10;
    if (key.size() < kDate + 4 || key[key.size() - kDate - 1] != '/') {
        return std::nullopt;
    }
    const std::string rest = key.substr(0, key.size() - kDate - 1); // EMPLOYEE/MODULE
    std::optional<CompletionKey> fallback;
    for (std::size_t slash = rest.rfind('/'); slash != std::string::npos && slash > 0;
         slash = rest.rfind('/', slash - 1)) {
        const auto person = staff.find(rest.substr(0, slash));
        if (person == staff.end()) {
            continue;
        }
        CompletionKey found{person->second, 0, key.substr(key.size() - kDate)};
        if (const auto module = modules.find(rest.substr(slash + 1)); module != modules.end()) {
            found.moduleId = module->second;
            return found;
        }
        if (!fallback) {
            fallback = found;
        }
    }
    return fallback;
}

} // namespace

void fillSchema4(sqlite3* db) {
    // Staff entries: the key is the employee id.
    sql::exec(db, "UPDATE change_log SET subject_id = (SELECT id FROM staff "
                  "WHERE employee_id = change_log.record_key) WHERE entity = 'staff';");
    // Records but completions: created by their first `add` entry, changed by their latest
    // other entry (update, correct, rename...), matched by key.
    sql::exec(db, "UPDATE staff SET "
                  "created_change = (SELECT min(id) FROM change_log WHERE entity = 'staff' AND "
                  "record_key = staff.employee_id AND action = 'add'), "
                  "changed_change = (SELECT max(id) FROM change_log WHERE entity = 'staff' AND "
                  "record_key = staff.employee_id AND action <> 'add');"
                  "UPDATE module SET "
                  "created_change = (SELECT min(id) FROM change_log WHERE entity = 'module' AND "
                  "record_key = module.code AND action = 'add'), "
                  "changed_change = (SELECT max(id) FROM change_log WHERE entity = 'module' AND "
                  "record_key = module.code AND action NOT IN ('add', 'remove'));"
                  "UPDATE requirement SET "
                  "created_change = (SELECT min(l.id) FROM change_log l, module m WHERE "
                  "m.id = requirement.module_id AND l.entity = 'requirement' AND l.record_key = "
                  "m.code || '/' || requirement.scope || CASE WHEN requirement.value = '' THEN '' "
                  "ELSE '/' || requirement.value END AND l.action = 'add'), "
                  "changed_change = (SELECT max(l.id) FROM change_log l, module m WHERE "
                  "m.id = requirement.module_id AND l.entity = 'requirement' AND l.record_key = "
                  "m.code || '/' || requirement.scope || CASE WHEN requirement.value = '' THEN '' "
                  "ELSE '/' || requirement.value END AND l.action NOT IN ('add', 'remove'));"
                  "UPDATE audit_theme SET "
                  "created_change = (SELECT min(id) FROM change_log WHERE entity = 'audit_theme' "
                  "AND record_key = CAST(audit_theme.id AS TEXT) AND action = 'add'), "
                  "changed_change = (SELECT max(id) FROM change_log WHERE entity = 'audit_theme' "
                  "AND record_key = CAST(audit_theme.id AS TEXT) AND action NOT IN ('add', "
                  "'remove'));");

    // Completion entries, in one pass in order: the subject from the key, and the links of
    // the completion the key names now (a later entry overwrites an earlier change link).
    std::unordered_map<std::string, std::int64_t> staff;
    std::unordered_map<std::string, std::int64_t> modules;
    {
        Statement st(db, "SELECT employee_id, id FROM staff");
        while (st.step()) {
            staff.emplace(st.text(0), st.integer(1));
        }
        Statement m(db, "SELECT code, id FROM module");
        while (m.step()) {
            modules.emplace(m.text(0), m.integer(1));
        }
    }
    // Read in batches and written between them: a table is not changed under a statement
    // that is reading it.
    Statement entries(db, "SELECT id, record_key, action FROM change_log "
                          "WHERE entity = 'completion' AND id > ?1 ORDER BY id LIMIT 20000");
    Statement subject(db, "UPDATE change_log SET subject_id = ?2 WHERE id = ?1");
    Statement created(db, "UPDATE completion SET created_change = ?4 WHERE staff_id = ?1 AND "
                          "module_id = ?2 AND completed_on = ?3 AND created_change IS NULL");
    Statement changed(db, "UPDATE completion SET changed_change = ?4 WHERE staff_id = ?1 AND "
                          "module_id = ?2 AND completed_on = ?3");
    struct Entry {
        std::int64_t id;
        std::string key;
        bool add;
    };
    std::vector<Entry> batch;
    for (std::int64_t after = 0;; after = batch.back().id) {
        batch.clear();
        entries.bind(1, after);
        while (entries.step()) {
            batch.push_back(Entry{entries.integer(0), entries.text(1), entries.text(2) == "add"});
        }
        entries.reset();
        if (batch.empty()) {
            break;
        }
        for (const Entry& e : batch) {
            const auto key = parseCompletionKey(e.key, staff, modules);
            if (!key) {
                continue;
            }
            subject.bind(1, e.id).bind(2, key->staffId).run();
            if (key->moduleId == 0) {
                continue;
            }
            (e.add ? created : changed)
                .bind(1, key->staffId)
                .bind(2, key->moduleId)
                .bind(3, key->completedOn)
                .bind(4, e.id)
                .run();
        }
    }
}

} // namespace ledger::schema
