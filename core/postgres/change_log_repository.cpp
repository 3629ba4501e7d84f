#include "postgres/repositories.h"

// The change log on a server, and each record's links to it. The log is append-only for
// every account: an import's counts, known at its end, go into import_result beside its
// entry, and reads show them as the entry's new values. The server stamps each entry's actor
// (the login) and time.

namespace ledger::pg {

namespace {

#define PL_CHANGE_COLUMNS                                                                          \
    "SELECT c.id, c.at, c.actor, c.entity, c.record_key, c.action, c.old_values, "                 \
    "COALESCE(i.new_values, c.new_values), COALESCE(s.employee_id, '') FROM change_log c "         \
    "LEFT JOIN import_result i ON i.change_id = c.id LEFT JOIN staff s ON s.id = c.subject_id "

std::vector<ChangeLogEntry> changeLogRows(const Result& r) {
    std::vector<ChangeLogEntry> entries;
    entries.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        entries.push_back(ChangeLogEntry{r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3),
                                         r.text(i, 4), r.text(i, 5), r.text(i, 6), r.text(i, 7),
                                         r.text(i, 8)});
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

RecordId ChangeLogRepo::append(const ChangeLogEntry& e) {
    std::optional<std::string> subject;
    if (!e.subject.empty()) {
        subject = e.subject;
    }
    const Result r = m_session.run(
        "INSERT INTO change_log (at, actor, entity, record_key, action, old_values, new_values, "
        "subject_id) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "(SELECT id FROM staff WHERE employee_id = $8)) RETURNING id",
        {e.at, e.actor, e.entity, e.recordKey, e.action, e.oldValues, e.newValues, subject});
    return r.int64(0, 0);
}

void ChangeLogRepo::setNewValues(RecordId change, std::string_view newValues) {
    m_session.run("INSERT INTO import_result (change_id, new_values) VALUES ($1, $2)",
                  {param(change), param(newValues)});
}

std::vector<ChangeLogEntry> ChangeLogRepo::entries(std::string_view entity,
                                                   std::string_view recordKey) {
    if (entity.empty()) {
        return changeLogRows(m_session.run(PL_CHANGE_COLUMNS "ORDER BY c.id"));
    }
    return changeLogRows(m_session.run(PL_CHANGE_COLUMNS
                                       "WHERE c.entity = $1 AND c.record_key = $2 ORDER BY c.id",
                                       {param(entity), param(recordKey)}));
}

void ChangeLogRepo::linkChange(std::string_view entity, RecordId id, RecordId change,
                               bool created) {
    const char* table = linkedTable(entity);
    if (!table) {
        return;
    }
    m_session.run(std::string("UPDATE ") + table + " SET " +
                      (created ? "created_change" : "changed_change") + " = $2 WHERE id = $1",
                  {param(id), param(change)});
}

RecordOrigin ChangeLogRepo::recordOrigin(std::string_view entity, RecordId id) {
    RecordOrigin origin;
    const char* table = linkedTable(entity);
    if (!table) {
        return origin;
    }
    const Result links = m_session.run(std::string("SELECT created_change, changed_change FROM ") +
                                           table + " WHERE id = $1",
                                       {param(id)});
    if (links.rows() == 0) {
        return origin;
    }
    const auto entry = [&](int column) -> std::optional<ChangeLogEntry> {
        if (links.isNull(0, column)) {
            return std::nullopt;
        }
        auto rows = changeLogRows(
            m_session.run(PL_CHANGE_COLUMNS "WHERE c.id = $1", {param(links.int64(0, column))}));
        return rows.empty() ? std::nullopt : std::optional<ChangeLogEntry>(std::move(rows[0]));
    };
    origin.created = entry(0);
    origin.changed = entry(1);
    return origin;
}

std::vector<ChangeLogEntry> ChangeLogRepo::historyOfSubject(std::string_view employeeId) {
    const auto staff = m_session.lookup("SELECT id FROM staff WHERE employee_id = $1", employeeId);
    if (!staff) {
        return {};
    }
    return changeLogRows(m_session.run(
        PL_CHANGE_COLUMNS "WHERE c.subject_id = $1 OR c.id IN (SELECT created_change FROM staff "
                          "WHERE id = $1 UNION SELECT created_change FROM completion "
                          "WHERE staff_id = $1) ORDER BY c.id",
        {param(*staff)}));
}

} // namespace ledger::pg
