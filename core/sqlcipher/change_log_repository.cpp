#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

// The change log in the ledger file, and each record's links to it.

namespace ledger {

using sql::Statement;

/// Binds a change-log entry to ?1..?7 in the column order (at, actor, entity, record_key,
/// action, old_values, new_values).
Statement& sql::bindChangeLogEntry(Statement& st, const ChangeLogEntry& e) {
    return st.bind(1, e.at)
        .bind(2, e.actor)
        .bind(3, e.entity)
        .bind(4, e.recordKey)
        .bind(5, e.action)
        .bind(6, e.oldValues)
        .bind(7, e.newValues);
}

RecordId SqlCipherChangeLogRepository::append(const ChangeLogEntry& e) {
    auto st =
        m_conn.statement("INSERT INTO change_log (at, actor, entity, record_key, action, "
                         "old_values, new_values, subject_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                         "(SELECT id FROM staff WHERE employee_id = ?8))");
    sql::bindChangeLogEntry(*st, e);
    if (e.subject.empty()) {
        st->bindNull(8);
    } else {
        st->bind(8, e.subject);
    }
    st->run();
    return m_conn.lastInsertId();
}

void SqlCipherChangeLogRepository::setNewValues(RecordId change, std::string_view newValues) {
    m_conn.statement("UPDATE change_log SET new_values = ?2 WHERE id = ?1")
        ->bind(1, change)
        .bind(2, newValues)
        .run();
}

namespace {

#define PL_CHANGE_COLUMNS                                                                          \
    "SELECT c.id, c.at, c.actor, c.entity, c.record_key, c.action, c.old_values, "                 \
    "c.new_values, coalesce(s.employee_id, '') FROM change_log c "                                 \
    "LEFT JOIN staff s ON s.id = c.subject_id "

std::vector<ChangeLogEntry> changeLogRows(Statement& st) {
    std::vector<ChangeLogEntry> entries;
    while (st.step()) {
        entries.push_back(ChangeLogEntry{st.integer(0), st.text(1), st.text(2), st.text(3),
                                         st.text(4), st.text(5), st.text(6), st.text(7),
                                         st.text(8)});
    }
    return entries;
}

/// The table of a record entity, or nullptr for one that has no change links.
const char* linkedTable(std::string_view entity) {
    for (const char* table :
         {"staff", "module", "requirement", "completion", "audit_theme", "session", "cpd_entry",
          "trusted_assessor", "asye_enrolment", "supervision", "apprenticeship", "otj_entry",
          "apprenticeship_review"}) {
        if (entity == table) {
            return table;
        }
    }
    return nullptr;
}

} // namespace

std::vector<ChangeLogEntry> SqlCipherChangeLogRepository::entries(std::string_view entity,
                                                                  std::string_view recordKey) {
    Statement st(m_conn.db(), entity.empty() ? PL_CHANGE_COLUMNS "ORDER BY c.id"
                                             : PL_CHANGE_COLUMNS
                                  "WHERE c.entity = ?1 AND c.record_key = ?2 ORDER BY c.id");
    if (!entity.empty()) {
        st.bind(1, entity).bind(2, recordKey);
    }
    return changeLogRows(st);
}

void SqlCipherChangeLogRepository::linkChange(std::string_view entity, RecordId id, RecordId change,
                                              bool created) {
    const char* table = linkedTable(entity);
    if (!table) {
        return;
    }
    const std::string sqlText = std::string("UPDATE ") + table + " SET " +
                                (created ? "created_change" : "changed_change") +
                                " = ?2 WHERE id = ?1";
    Statement st(m_conn.db(), sqlText);
    st.bind(1, id).bind(2, change).run();
}

RecordOrigin SqlCipherChangeLogRepository::recordOrigin(std::string_view entity, RecordId id) {
    RecordOrigin origin;
    const char* table = linkedTable(entity);
    if (!table) {
        return origin;
    }
    Statement links(m_conn.db(), std::string("SELECT created_change, changed_change FROM ") +
                                     table + " WHERE id = ?1");
    links.bind(1, id);
    if (!links.step()) {
        return origin;
    }
    const auto entry = [&](int column) -> std::optional<ChangeLogEntry> {
        const auto change = links.optionalInteger(column);
        if (!change) {
            return std::nullopt;
        }
        Statement st(m_conn.db(), PL_CHANGE_COLUMNS "WHERE c.id = ?1");
        st.bind(1, *change);
        auto rows = changeLogRows(st);
        return rows.empty() ? std::nullopt : std::optional<ChangeLogEntry>(std::move(rows[0]));
    };
    origin.created = entry(0);
    origin.changed = entry(1);
    return origin;
}

std::vector<ChangeLogEntry>
SqlCipherChangeLogRepository::historyOfSubject(std::string_view employeeId) {
    const auto staff = m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", employeeId);
    if (!staff) {
        return {};
    }
    // The person's entries by the subject index; the imports that created their records by
    // the links of their staff row and of their completions (the (staff, module, date)
    // index), a handful of distinct entries.
    Statement st(m_conn.db(), PL_CHANGE_COLUMNS
                 "WHERE c.subject_id = ?1 OR c.id IN (SELECT created_change FROM staff "
                 "WHERE id = ?1 UNION SELECT created_change FROM completion WHERE staff_id = ?1) "
                 "ORDER BY c.id");
    st.bind(1, *staff);
    return changeLogRows(st);
}

} // namespace ledger
