#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

// The staff feature's records in the ledger file: staff, team and role.

namespace ledger {

using sql::Statement;

namespace {

// A person's Storage::Column fields (spec_columns.h), bound after the references written by
// hand: team_id ?1 and role_id ?2.
using sql::Fields;
using sql::SpecColumns;

const SpecColumns<Staff>& staffColumns() {
    static const SpecColumns<Staff> kColumns(staffSpec(), 3);
    return kColumns;
}

/// The staff SELECT up to its WHERE or ORDER BY: id, team and role names, then the columns.
std::string staffSelect() {
    return "SELECT s.id, t.name, r.name, s.version, " + staffColumns().names("s.") +
           " FROM staff s JOIN team t ON t.id = s.team_id JOIN role r ON r.id = s.role_id ";
}

Staff staffRow(const Statement& st) {
    Staff s;
    s.id = st.integer(0);
    s.team = st.text(1);
    s.role = st.text(2);
    s.version.value = st.integer(3);
    staffColumns().read(st, 4, s);
    return s;
}

} // namespace

std::vector<Staff> SqlCipherStaffRepository::everyone() {
    static const std::string kText = staffSelect() + "ORDER BY s.employee_id";
    Statement st(m_conn.db(), kText);
    std::vector<Staff> out;
    while (st.step()) {
        out.push_back(staffRow(st));
    }
    return out;
}

std::optional<Staff> SqlCipherStaffRepository::staffMember(std::string_view employeeId) {
    static const std::string kText = staffSelect() + "WHERE s.employee_id = ?1";
    Statement st(m_conn.db(), kText);
    st.bind(1, employeeId);
    if (!st.step()) {
        return std::nullopt;
    }
    return staffRow(st);
}

std::unordered_map<std::string, RecordId> SqlCipherStaffRepository::staffIds() {
    std::unordered_map<std::string, RecordId> ids;
    Statement st(m_conn.db(), "SELECT employee_id, id FROM staff");
    while (st.step()) {
        ids.emplace(st.text(0), st.integer(1));
    }
    return ids;
}

std::int64_t SqlCipherStaffRepository::staffCount(NameKind kind, std::string_view name) {
    Statement st(m_conn.db(), kind == NameKind::Team
                                  ? "SELECT count(*) FROM staff s JOIN team t ON t.id = s.team_id "
                                    "WHERE t.name = ?1"
                                  : "SELECT count(*) FROM staff s JOIN role r ON r.id = s.role_id "
                                    "WHERE r.name = ?1");
    st.bind(1, name);
    return st.step() ? st.integer(0) : 0;
}

RecordId SqlCipherStaffRepository::nameId(NameKind kind, std::string_view name) {
    const bool team = kind == NameKind::Team;
    if (const auto id = m_conn.lookup(team ? "SELECT id FROM team WHERE name = ?1"
                                           : "SELECT id FROM role WHERE name = ?1",
                                      name)) {
        return *id;
    }
    addName(kind, name);
    return m_conn.lastInsertId();
}

RecordId SqlCipherStaffRepository::putStaff(const Staff& s) {
    const RecordId team = nameId(NameKind::Team, s.team);
    const RecordId role = nameId(NameKind::Role, s.role);
    const auto existing =
        m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", s.employeeId);
    const SpecColumns<Staff>& columns = staffColumns();
    // A known version must still be the stored one (see RecordVersion); every update
    // moves it on.
    const int version = columns.next();
    static const std::string kUpdate =
        "UPDATE staff SET team_id = ?1, role_id = ?2, " + columns.assignments(Fields::Values) +
        ", version = version + 1 WHERE " + columns.conditions() + " AND (?" +
        std::to_string(version) + " = 0 OR version = ?" + std::to_string(version) + ")";
    static const std::string kInsert = "INSERT INTO staff (team_id, role_id, " + columns.names() +
                                       ") VALUES (?1, ?2, " + columns.parameters() + ")";
    auto st = m_conn.statement(existing ? kUpdate.c_str() : kInsert.c_str());
    st->bind(1, team).bind(2, role);
    columns.bind(*st, s);
    if (existing) {
        st->bind(version, s.version.value);
    }
    st->run();
    if (existing && m_conn.changes() == 0) {
        throw StaleRecord("this person was saved by someone else meanwhile", "", "");
    }
    return existing ? *existing : m_conn.lastInsertId();
}

std::vector<std::string> SqlCipherStaffRepository::names(NameKind kind) {
    Statement st(m_conn.db(), kind == NameKind::Team ? "SELECT name FROM team ORDER BY name"
                                                     : "SELECT name FROM role ORDER BY name");
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

void SqlCipherStaffRepository::addName(NameKind kind, std::string_view name) {
    m_conn
        .statement(kind == NameKind::Team ? "INSERT INTO team (name) VALUES (?1)"
                                          : "INSERT INTO role (name) VALUES (?1)")
        ->bind(1, name)
        .run();
}

void SqlCipherStaffRepository::renameName(NameKind kind, std::string_view from,
                                          std::string_view to) {
    m_conn
        .statement(kind == NameKind::Team ? "UPDATE team SET name = ?2 WHERE name = ?1"
                                          : "UPDATE role SET name = ?2 WHERE name = ?1")
        ->bind(1, from)
        .bind(2, to)
        .run();
    // Its members' records now name it differently: a form holding the old name is stale.
    m_conn
        .statement(kind == NameKind::Team
                       ? "UPDATE staff SET version = version + 1 WHERE team_id = "
                         "(SELECT id FROM team WHERE name = ?1)"
                       : "UPDATE staff SET version = version + 1 WHERE role_id = "
                         "(SELECT id FROM role WHERE name = ?1)")
        ->bind(1, to)
        .run();
}

void SqlCipherStaffRepository::removeName(NameKind kind, std::string_view name) {
    m_conn
        .statement(kind == NameKind::Team ? "DELETE FROM team WHERE name = ?1"
                                          : "DELETE FROM role WHERE name = ?1")
        ->bind(1, name)
        .run();
}

} // namespace ledger
