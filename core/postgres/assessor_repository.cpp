#include "postgres/repositories.h"

#include "base/error.h"
#include "postgres/spec_params.h"

// Trusted-assessor authorisations, the equipment-category list and each role's can_sign_off,
// on a server. Who sees and writes what is row-level security's (schema.h, step 5): every
// read here returns what the account may see, and a write it may not make is refused by the
// server or touches nothing (then refused here).

namespace ledger::pg {

namespace {

// An authorisation's Storage::Column fields (spec_columns.h), bound from $1; the person is
// written by hand around them.
const SpecParams<TrustedAssessor>& assessorColumns() {
    static const SpecParams<TrustedAssessor> kColumns(trustedAssessorSpec(), 1);
    return kColumns;
}

const std::string& selectAssessors() {
    static const std::string kText = "SELECT t.id, t.version, p.employee_id, " +
                                     assessorColumns().names("t.") +
                                     " FROM trusted_assessor t JOIN staff p ON p.id = t.staff_id";
    return kText;
}

} // namespace

std::vector<TrustedAssessor> AssessorRepo::readAssessors(const std::string& where,
                                                         const Params& params) {
    const Result r =
        m_session.run(selectAssessors() + where + " ORDER BY p.employee_id, t.level", params);
    std::vector<TrustedAssessor> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        TrustedAssessor a;
        a.id = r.int64(i, 0);
        a.version.value = r.int64(i, 1);
        a.employeeId = r.text(i, 2);
        assessorColumns().read(r, i, 3, a);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<TrustedAssessor> AssessorRepo::authorisations() {
    return readAssessors("", {});
}

std::optional<TrustedAssessor> AssessorRepo::authorisation(std::string_view employeeId,
                                                           AssessorLevel level) {
    auto found = readAssessors(" WHERE p.employee_id = $1 AND t.level = $2",
                               {param(employeeId), assessorLevelCode(level)});
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId AssessorRepo::put(const TrustedAssessor& a) {
    const SpecParams<TrustedAssessor>& columns = assessorColumns();
    const auto staffId =
        m_session.lookup("SELECT id FROM staff WHERE employee_id = $1", a.employeeId);
    if (!staffId) {
        throw ValidationError(
            {FieldError{{}, 0, "employee_id", "no staff member has employee id " + a.employeeId}});
    }
    // Parameters after the spec's columns: staff, then for an update the id and the version
    // known.
    const int n = columns.next();
    const auto p = [n](int offset) {
        return "$" + std::to_string(n + offset) + "::bigint";
    };
    static const std::string kInsert = "INSERT INTO trusted_assessor (" + columns.names() +
                                       ", staff_id) VALUES (" + columns.parameters() + ", " + p(0) +
                                       ") RETURNING id";
    static const std::string kUpdate =
        "UPDATE trusted_assessor SET " + columns.assignments(Fields::Changeable) +
        ", staff_id = " + p(0) + ", version = version + 1 WHERE id = " + p(1) +
        versionCondition(n + 2);
    Params params;
    columns.bind(params, a);
    params.resize(static_cast<std::size_t>(n - 1));
    params.push_back(param(*staffId));
    if (a.id == 0) {
        return m_session.run(kInsert, params).int64(0, 0);
    }
    params.push_back(param(a.id));
    params.push_back(param(a.version.value));
    if (m_session.run(kUpdate, params).affectedRows() == 0) {
        const Result stored =
            m_session.run("SELECT version FROM trusted_assessor WHERE id = $1", {param(a.id)});
        if (stored.rows() == 0) {
            throw Conflict("the trusted-assessor authorisation was removed meanwhile");
        }
        if (a.version.value != 0 && stored.int64(0, 0) != a.version.value) {
            throw StaleRecord(
                "this trusted-assessor authorisation was saved by someone else meanwhile", "", "");
        }
        // Read but not written: a manager's own authorisation.
        throw NotPermitted("this account may not change this trusted-assessor authorisation");
    }
    return a.id;
}

std::vector<EquipmentCategory> AssessorRepo::categories() {
    const Result r = m_session.run("SELECT code, label FROM equipment_category ORDER BY code");
    std::vector<EquipmentCategory> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(EquipmentCategory{r.text(i, 0), r.text(i, 1)});
    }
    return out;
}

void AssessorRepo::addCategory(const EquipmentCategory& category) {
    if (m_session.run("SELECT 1 FROM equipment_category WHERE code = $1", {category.code}).rows() !=
        0) {
        throw AlreadyExists("the equipment category " + category.code + " is already in the list");
    }
    m_session.run("INSERT INTO equipment_category (code, label) VALUES ($1, $2)",
                  {category.code, category.label});
}

std::optional<bool> AssessorRepo::roleCanSignOff(std::string_view role) {
    const Result r = m_session.run("SELECT can_sign_off FROM role WHERE name = $1", {param(role)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return r.text(0, 0) == "t";
}

void AssessorRepo::setRoleCanSignOff(std::string_view role, bool canSignOff) {
    const Result r = m_session.run("UPDATE role SET can_sign_off = $1::boolean WHERE name = $2",
                                   {std::string(canSignOff ? "true" : "false"), param(role)});
    if (r.affectedRows() == 0) {
        throw ValidationError({FieldError{{}, 0, "role", "no role " + std::string(role)}});
    }
}

std::vector<std::string> AssessorRepo::signingRoles() {
    const Result r = m_session.run("SELECT name FROM role WHERE can_sign_off ORDER BY name");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(r.text(i, 0));
    }
    return out;
}

} // namespace ledger::pg
