#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

// Trusted-assessor authorisations, the equipment-category list and each role's can_sign_off,
// in the ledger file.

namespace ledger {

using sql::Fields;
using sql::SpecColumns;
using sql::Statement;

namespace {

// An authorisation's Storage::Column fields (spec_columns.h), bound from ?1; the person is
// written by hand around them.
const SpecColumns<TrustedAssessor>& assessorColumns() {
    static const SpecColumns<TrustedAssessor> kColumns(trustedAssessorSpec(), 1);
    return kColumns;
}

const std::string& selectAssessors() {
    static const std::string kText = "SELECT t.id, t.version, p.employee_id, " +
                                     assessorColumns().names("t.") +
                                     " FROM trusted_assessor t JOIN staff p ON p.id = t.staff_id";
    return kText;
}

} // namespace

std::vector<TrustedAssessor> SqlCipherAssessorRepository::readAssessors(const std::string& where,
                                                                        const Binder& bind) {
    Statement st(m_conn.db(), selectAssessors() + where + " ORDER BY p.employee_id, t.level");
    if (bind) {
        bind(st);
    }
    std::vector<TrustedAssessor> out;
    while (st.step()) {
        TrustedAssessor a;
        a.id = st.integer(0);
        a.version.value = st.integer(1);
        a.employeeId = st.text(2);
        assessorColumns().read(st, 3, a);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<TrustedAssessor> SqlCipherAssessorRepository::authorisations() {
    return readAssessors("", nullptr);
}

std::optional<TrustedAssessor>
SqlCipherAssessorRepository::authorisation(std::string_view employeeId, AssessorLevel level) {
    const std::string code = assessorLevelCode(level);
    auto found = readAssessors(" WHERE p.employee_id = ?1 AND t.level = ?2",
                               [&](Statement& st) { st.bind(1, employeeId).bind(2, code); });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId SqlCipherAssessorRepository::put(const TrustedAssessor& a) {
    const SpecColumns<TrustedAssessor>& columns = assessorColumns();
    const auto staffId = m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", a.employeeId);
    if (!staffId) {
        throw ValidationError(
            {FieldError{{}, 0, "employee_id", "no staff member has employee id " + a.employeeId}});
    }
    // Parameters after the spec's columns: staff, then for an update the id and the version
    // known.
    const int n = columns.next();
    const auto p = [n](int offset) {
        return "?" + std::to_string(n + offset);
    };
    static const std::string kInsert = "INSERT INTO trusted_assessor (" + columns.names() +
                                       ", staff_id) VALUES (" + columns.parameters() + ", " + p(0) +
                                       ")";
    static const std::string kUpdate =
        "UPDATE trusted_assessor SET " + columns.assignments(Fields::Changeable) +
        ", staff_id = " + p(0) + ", version = version + 1 WHERE id = " + p(1) + " AND (" + p(2) +
        " = 0 OR version = " + p(2) + ")";
    RecordId id = a.id;
    Statement st(m_conn.db(), id == 0 ? kInsert : kUpdate);
    columns.bind(st, a);
    st.bind(n, *staffId);
    if (id != 0) {
        st.bind(n + 1, id).bind(n + 2, a.version.value);
    }
    st.run();
    if (id == 0) {
        id = m_conn.lastInsertId();
    } else if (m_conn.changes() == 0) {
        if (!m_conn.lookup("SELECT id FROM trusted_assessor WHERE id = ?1", id)) {
            throw Conflict("the trusted-assessor authorisation was removed meanwhile");
        }
        throw StaleRecord("this trusted-assessor authorisation was saved by someone else meanwhile",
                          "", "");
    }
    return id;
}

std::vector<EquipmentCategory> SqlCipherAssessorRepository::categories() {
    Statement st(m_conn.db(), "SELECT code, label FROM equipment_category ORDER BY code");
    std::vector<EquipmentCategory> out;
    while (st.step()) {
        out.push_back(EquipmentCategory{st.text(0), st.text(1)});
    }
    return out;
}

void SqlCipherAssessorRepository::addCategory(const EquipmentCategory& category) {
    if (m_conn.lookup("SELECT 1 FROM equipment_category WHERE code = ?1", category.code)) {
        throw AlreadyExists("the equipment category " + category.code + " is already in the list");
    }
    Statement st(m_conn.db(), "INSERT INTO equipment_category (code, label) VALUES (?1, ?2)");
    st.bind(1, category.code).bind(2, category.label);
    st.run();
}

std::optional<bool> SqlCipherAssessorRepository::roleCanSignOff(std::string_view role) {
    Statement st(m_conn.db(), "SELECT can_sign_off FROM role WHERE name = ?1");
    st.bind(1, role);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.integer(0) != 0;
}

void SqlCipherAssessorRepository::setRoleCanSignOff(std::string_view role, bool canSignOff) {
    Statement st(m_conn.db(), "UPDATE role SET can_sign_off = ?1 WHERE name = ?2");
    st.bind(1, canSignOff ? 1 : 0).bind(2, role);
    st.run();
    if (m_conn.changes() == 0) {
        throw ValidationError({FieldError{{}, 0, "role", "no role " + std::string(role)}});
    }
}

std::vector<std::string> SqlCipherAssessorRepository::signingRoles() {
    Statement st(m_conn.db(), "SELECT name FROM role WHERE can_sign_off = 1 ORDER BY name");
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

} // namespace ledger
