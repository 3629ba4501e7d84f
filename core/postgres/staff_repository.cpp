#include "postgres/repositories.h"

#include "postgres/spec_params.h"

// The staff feature's records on a server: staff, team and role.

namespace ledger::pg {

namespace {

// A person's Storage::Column fields (store/spec_columns.h), after the references written by
// hand: team_id $1 and role_id $2.
const SpecParams<Staff>& staffColumns() {
    static const SpecParams<Staff> kColumns(staffSpec(), 3);
    return kColumns;
}

/// The staff SELECT up to its WHERE or ORDER BY: id, team and role names, then the columns.
std::string staffSelect() {
    return "SELECT s.id, t.name, r.name, s.version, " + staffColumns().names("s.") +
           " FROM staff s JOIN team t ON t.id = s.team_id JOIN role r ON r.id = s.role_id ";
}

Staff staffRow(const Result& r, int row) {
    Staff s;
    s.id = r.int64(row, 0);
    s.team = r.text(row, 1);
    s.role = r.text(row, 2);
    s.version.value = r.int64(row, 3);
    staffColumns().read(r, row, 4, s);
    return s;
}

const char* table(NameKind kind) {
    return kind == NameKind::Team ? "team" : "role";
}

} // namespace

std::vector<Staff> StaffRepo::everyone() {
    static const std::string kText = staffSelect() + "ORDER BY s.employee_id";
    const Result r = m_session.run(kText);
    std::vector<Staff> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(staffRow(r, i));
    }
    return out;
}

std::optional<Staff> StaffRepo::staffMember(std::string_view employeeId) {
    static const std::string kText = staffSelect() + "WHERE s.employee_id = $1";
    const Result r = m_session.run(kText, {param(employeeId)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return staffRow(r, 0);
}

std::unordered_map<std::string, RecordId> StaffRepo::staffIds() {
    const Result r = m_session.run("SELECT employee_id, id FROM staff");
    std::unordered_map<std::string, RecordId> ids;
    ids.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        ids.emplace(r.text(i, 0), r.int64(i, 1));
    }
    return ids;
}

std::int64_t StaffRepo::staffCount(NameKind kind, std::string_view name) {
    const Result r = m_session.run(
        kind == NameKind::Team
            ? "SELECT count(*) FROM staff s JOIN team t ON t.id = s.team_id WHERE t.name = $1"
            : "SELECT count(*) FROM staff s JOIN role r ON r.id = s.role_id WHERE r.name = $1",
        {param(name)});
    return r.int64(0, 0);
}

RecordId StaffRepo::nameId(NameKind kind, std::string_view name) {
    if (const auto id =
            m_session.lookup(kind == NameKind::Team ? "SELECT id FROM team WHERE name = $1"
                                                    : "SELECT id FROM role WHERE name = $1",
                             name)) {
        return *id;
    }
    const Result r =
        m_session.run(kind == NameKind::Team ? "INSERT INTO team (name) VALUES ($1) RETURNING id"
                                             : "INSERT INTO role (name) VALUES ($1) RETURNING id",
                      {param(name)});
    return r.int64(0, 0);
}

RecordId StaffRepo::putStaff(const Staff& s) {
    const RecordId team = nameId(NameKind::Team, s.team);
    const RecordId role = nameId(NameKind::Role, s.role);
    const auto existing =
        m_session.lookup("SELECT id FROM staff WHERE employee_id = $1", s.employeeId);
    const SpecParams<Staff>& columns = staffColumns();
    // A known version must still be the stored one (see RecordVersion); every update
    // moves it on.
    static const std::string kUpdate = "UPDATE staff SET team_id = $1, role_id = $2, " +
                                       columns.assignments(Fields::Values) +
                                       ", version = version + 1 WHERE " + columns.conditions() +
                                       versionCondition(columns.next()) + " RETURNING id";
    static const std::string kInsert = "INSERT INTO staff (team_id, role_id, " + columns.names() +
                                       ") VALUES ($1, $2, " + columns.parameters() +
                                       ") RETURNING id";
    Params params{param(team), param(role)};
    columns.bind(params, s);
    if (existing) {
        params.push_back(param(s.version.value));
    }
    const Result r = m_session.run(existing ? kUpdate : kInsert, params);
    if (r.rows() == 0 && s.version.known()) {
        throw StaleRecord("this person was saved by someone else meanwhile", "", "");
    }
    if (r.rows() == 0) {
        throw Conflict("the staff record of " + s.employeeId + " cannot be changed");
    }
    return r.int64(0, 0);
}

std::vector<std::string> StaffRepo::names(NameKind kind) {
    const Result r = m_session.run(kind == NameKind::Team ? "SELECT name FROM team ORDER BY name"
                                                          : "SELECT name FROM role ORDER BY name");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(r.text(i, 0));
    }
    return out;
}

void StaffRepo::addName(NameKind kind, std::string_view name) {
    m_session.run(std::string("INSERT INTO ") + table(kind) + " (name) VALUES ($1)", {param(name)});
}

void StaffRepo::renameName(NameKind kind, std::string_view from, std::string_view to) {
    m_session.run(std::string("UPDATE ") + table(kind) + " SET name = $2 WHERE name = $1",
                  {param(from), param(to)});
    // Its members' records now name it differently: a form holding the old name is stale.
    m_session.run(kind == NameKind::Team ? "UPDATE staff SET version = version + 1 WHERE team_id = "
                                           "(SELECT id FROM team WHERE name = $1)"
                                         : "UPDATE staff SET version = version + 1 WHERE role_id = "
                                           "(SELECT id FROM role WHERE name = $1)",
                  {param(to)});
}

void StaffRepo::removeName(NameKind kind, std::string_view name) {
    m_session.run(std::string("DELETE FROM ") + table(kind) + " WHERE name = $1", {param(name)});
}

} // namespace ledger::pg
