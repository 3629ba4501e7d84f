#include "postgres/repositories.h"

#include "base/error.h"
#include "postgres/spec_params.h"

#include <algorithm>
#include <utility>

// The programmes on a server: ASYE enrolments and their supervisions, apprenticeships with
// their off-the-job hours and progress reviews (schema step 6), as the file keeps them. Who
// sees and writes what is row-level security's: every read returns what the account may see,
// and a write it may not make is refused by the server or touches nothing (then refused here).

namespace ledger::pg {

namespace {

/// How one kind's rows are written: its table, its parent column and whole-number columns
/// kept by hand (hours), and the words for its messages.
struct RowKind {
    const char* table;
    const char* parentColumn;
    const char* noun; ///< "the ASYE enrolment", for Conflict, StaleRecord and NotPermitted
    std::vector<const char*> extraColumns = {};
};

/// The spec columns an update by id does not change (FieldRole::Identity kept as a column,
/// such as an apprenticeship's standard code), each with its parameter.
template <typename Record>
std::vector<std::pair<const FieldSpec<Record>*, int>>
identityColumns(const SpecParams<Record>& columns) {
    std::vector<std::pair<const FieldSpec<Record>*, int>> out;
    int parameter = columns.next() - columns.size();
    for (const FieldSpec<Record>* f : columns.fields()) {
        if (f->role == FieldRole::Identity) {
            out.emplace_back(f, parameter);
        }
        ++parameter;
    }
    return out;
}

/// Inserts (id 0) or updates by id and version the row of `record`, its spec columns bound
/// from $1, then the parent id and the extras. An update keeps the identity columns: each is
/// a condition of the update instead of an assignment (so that the server, which types every
/// parameter from the statement, finds each one named), and a record whose identity was
/// changed is refused on that column.
template <typename Record>
RecordId putRow(Session& session, const SpecParams<Record>& columns, const Record& record,
                const RowKind& kind, RecordId parentId, const std::vector<std::int64_t>& extras) {
    const int n = columns.next();
    const auto p = [n](std::size_t offset) {
        return "$" + std::to_string(n + static_cast<int>(offset)) + "::bigint";
    };
    std::string names = columns.names() + ", " + kind.parentColumn;
    std::string values = columns.parameters() + ", " + p(0);
    std::string sets = columns.size() > 0 ? columns.assignments(Fields::Changeable) : "";
    sets += std::string(sets.empty() ? "" : ", ") + kind.parentColumn + " = " + p(0);
    for (std::size_t i = 0; i < kind.extraColumns.size(); ++i) {
        names += std::string(", ") + kind.extraColumns[i];
        values += ", " + p(i + 1);
        sets += std::string(", ") + kind.extraColumns[i] + " = " + p(i + 1);
    }
    const std::size_t after = kind.extraColumns.size() + 1;
    Params params;
    columns.bind(params, record);
    params.resize(static_cast<std::size_t>(n - 1));
    params.push_back(param(parentId));
    for (const std::int64_t extra : extras) {
        params.push_back(std::to_string(extra));
    }
    if (record.id == 0) {
        return session
            .run("INSERT INTO " + std::string(kind.table) + " (" + names + ") VALUES (" + values +
                     ") RETURNING id",
                 params)
            .int64(0, 0);
    }
    params.push_back(param(record.id));
    params.push_back(param(record.version.value));
    const auto identity = identityColumns(columns);
    std::string kept;
    std::string keptNames;
    for (const auto& [f, parameter] : identity) {
        const char* type = f->type == FieldType::DateValue ? "::date"
                           : f->type == FieldType::Number  ? "::integer"
                                                           : "::text";
        kept += " AND " + std::string(f->name) + " = $" + std::to_string(parameter) + type;
        keptNames += ", " + std::string(f->name);
    }
    const std::string update = "UPDATE " + std::string(kind.table) + " SET " + sets +
                               ", version = version + 1 WHERE id = " + p(after) + kept +
                               versionCondition(n + static_cast<int>(after) + 1);
    if (session.run(update, params).affectedRows() == 0) {
        const Result stored = session.run("SELECT version" + keptNames + " FROM " +
                                              std::string(kind.table) + " WHERE id = $1",
                                          {param(record.id)});
        if (stored.rows() == 0) {
            throw Conflict(std::string(kind.noun) + " was removed meanwhile");
        }
        if (record.version.value != 0 && stored.int64(0, 0) != record.version.value) {
            throw StaleRecord(std::string(kind.noun) + " was saved by someone else meanwhile", "",
                              "");
        }
        for (std::size_t i = 0; i < identity.size(); ++i) {
            const auto& [f, parameter] = identity[i];
            if (stored.text(0, static_cast<int>(i) + 1) !=
                params[static_cast<std::size_t>(parameter - 1)].value_or("")) {
                std::string words(f->name);
                std::replace(words.begin(), words.end(), '_', ' ');
                throw ValidationError({FieldError{
                    {}, 0, std::string(f->name), std::string(kind.noun) + " keeps its " + words}});
            }
        }
        throw NotPermitted("this account may not change " + std::string(kind.noun));
    }
    return record.id;
}

const SpecParams<AsyeEnrolment>& enrolmentColumns() {
    static const SpecParams<AsyeEnrolment> kColumns(asyeSpec(), 1);
    return kColumns;
}
const SpecParams<Supervision>& supervisionColumns() {
    static const SpecParams<Supervision> kColumns(supervisionSpec(), 1);
    return kColumns;
}
const SpecParams<Apprenticeship>& apprenticeshipColumns() {
    static const SpecParams<Apprenticeship> kColumns(apprenticeshipSpec(), 1);
    return kColumns;
}
const SpecParams<OtjEntry>& otjColumns() {
    static const SpecParams<OtjEntry> kColumns(otjEntrySpec(), 1);
    return kColumns;
}
const SpecParams<ApprenticeshipReview>& reviewColumns() {
    static const SpecParams<ApprenticeshipReview> kColumns(apprenticeshipReviewSpec(), 1);
    return kColumns;
}

ValidationError missing(const char* column, const std::string& what) {
    return ValidationError({FieldError{{}, 0, column, what}});
}

RecordId staffIdOf(Session& session, const std::string& employeeId) {
    const auto id = session.lookup("SELECT id FROM staff WHERE employee_id = $1", employeeId);
    if (!id) {
        throw missing("employee_id", "no staff member has employee id " + employeeId);
    }
    return *id;
}

RecordId enrolmentIdOf(Session& session, const std::string& employeeId) {
    const auto id = session.lookup("SELECT e.id FROM asye_enrolment e JOIN staff p ON "
                                   "p.id = e.staff_id WHERE p.employee_id = $1",
                                   employeeId);
    if (!id) {
        throw missing("employee_id", employeeId + " is not enrolled on the ASYE");
    }
    return *id;
}

RecordId apprenticeshipIdOf(Session& session, const std::string& employeeId,
                            const std::string& standardCode) {
    const Result r = session.run("SELECT a.id FROM apprenticeship a JOIN staff p ON "
                                 "p.id = a.staff_id WHERE p.employee_id = $1 AND "
                                 "a.standard_code = $2",
                                 {param(employeeId), param(standardCode)});
    if (r.rows() == 0) {
        throw missing("standard_code", employeeId + " has no " + standardCode + " apprenticeship");
    }
    return r.int64(0, 0);
}

constexpr const char* kApprenticeshipJoin =
    " JOIN apprenticeship a ON a.id = t.apprenticeship_id JOIN staff p ON p.id = a.staff_id";

} // namespace

std::vector<AsyeEnrolment> ProgrammeRepo::readEnrolments(const std::string& where,
                                                         const Params& params) {
    const Result r =
        m_session.run("SELECT t.id, t.version, p.employee_id, " + enrolmentColumns().names("t.") +
                          " FROM asye_enrolment t JOIN staff p ON p.id = t.staff_id" + where +
                          " ORDER BY p.employee_id",
                      params);
    std::vector<AsyeEnrolment> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        AsyeEnrolment e;
        e.id = r.int64(i, 0);
        e.version.value = r.int64(i, 1);
        e.employeeId = r.text(i, 2);
        enrolmentColumns().read(r, i, 3, e);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<AsyeEnrolment> ProgrammeRepo::enrolments() {
    return readEnrolments("", {});
}

std::optional<AsyeEnrolment> ProgrammeRepo::enrolment(std::string_view employeeId) {
    auto found = readEnrolments(" WHERE p.employee_id = $1", {param(employeeId)});
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId ProgrammeRepo::put(const AsyeEnrolment& e) {
    return putRow(m_session, enrolmentColumns(), e,
                  RowKind{"asye_enrolment", "staff_id", "the ASYE enrolment"},
                  staffIdOf(m_session, e.employeeId), {});
}

std::vector<Supervision> ProgrammeRepo::supervisions(std::optional<std::string_view> employeeId) {
    Params params;
    if (employeeId) {
        params.push_back(param(*employeeId));
    }
    const Result r = m_session.run(
        "SELECT t.id, t.version, p.employee_id, " + supervisionColumns().names("t.") +
            " FROM supervision t JOIN asye_enrolment e ON e.id = "
            "t.enrolment_id JOIN staff p ON p.id = e.staff_id" +
            (employeeId ? " WHERE p.employee_id = $1" : "") + " ORDER BY p.employee_id, t.date",
        params);
    std::vector<Supervision> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        Supervision s;
        s.id = r.int64(i, 0);
        s.version.value = r.int64(i, 1);
        s.employeeId = r.text(i, 2);
        supervisionColumns().read(r, i, 3, s);
        out.push_back(std::move(s));
    }
    return out;
}

RecordId ProgrammeRepo::put(const Supervision& s) {
    return putRow(m_session, supervisionColumns(), s,
                  RowKind{"supervision", "enrolment_id", "the supervision"},
                  enrolmentIdOf(m_session, s.employeeId), {});
}

void ProgrammeRepo::remove(const Supervision& s) {
    if (m_session.run("DELETE FROM supervision WHERE id = $1", {param(s.id)}).affectedRows() == 0) {
        if (m_session.run("SELECT 1 FROM supervision WHERE id = $1", {param(s.id)}).rows() != 0) {
            throw NotPermitted("this account may not remove the supervision");
        }
        throw Conflict("the supervision was removed meanwhile");
    }
}

std::vector<Apprenticeship> ProgrammeRepo::apprenticeships() {
    const Result r = m_session.run("SELECT t.id, t.version, p.employee_id, t.planned_otj_hours, " +
                                   apprenticeshipColumns().names("t.") +
                                   " FROM apprenticeship t JOIN staff p ON p.id = t.staff_id "
                                   "ORDER BY p.employee_id, t.standard_code");
    std::vector<Apprenticeship> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        Apprenticeship a;
        a.id = r.int64(i, 0);
        a.version.value = r.int64(i, 1);
        a.employeeId = r.text(i, 2);
        apprenticeshipColumns().read(r, i, 4, a);
        a.plannedOtjHours = r.int64(i, 3);
        out.push_back(std::move(a));
    }
    return out;
}

RecordId ProgrammeRepo::put(const Apprenticeship& a) {
    return putRow(
        m_session, apprenticeshipColumns(), a,
        RowKind{"apprenticeship", "staff_id", "the apprenticeship", {"planned_otj_hours"}},
        staffIdOf(m_session, a.employeeId), {a.plannedOtjHours});
}

std::vector<OtjEntry> ProgrammeRepo::otjEntries() {
    const Result r =
        m_session.run("SELECT t.id, t.version, p.employee_id, a.standard_code, t.hours, " +
                      otjColumns().names("t.") + " FROM otj_entry t" + kApprenticeshipJoin +
                      " ORDER BY p.employee_id, a.standard_code, t.date");
    std::vector<OtjEntry> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        OtjEntry o;
        o.id = r.int64(i, 0);
        o.version.value = r.int64(i, 1);
        o.employeeId = r.text(i, 2);
        o.standardCode = r.text(i, 3);
        otjColumns().read(r, i, 5, o);
        o.hours = r.int64(i, 4);
        out.push_back(std::move(o));
    }
    return out;
}

RecordId ProgrammeRepo::put(const OtjEntry& o) {
    return putRow(m_session, otjColumns(), o,
                  RowKind{"otj_entry", "apprenticeship_id", "the off-the-job hours", {"hours"}},
                  apprenticeshipIdOf(m_session, o.employeeId, o.standardCode), {o.hours});
}

std::vector<ApprenticeshipReview> ProgrammeRepo::apprenticeshipReviews() {
    const Result r =
        m_session.run("SELECT t.id, t.version, p.employee_id, a.standard_code, " +
                      reviewColumns().names("t.") + " FROM apprenticeship_review t" +
                      kApprenticeshipJoin + " ORDER BY p.employee_id, a.standard_code, t.date");
    std::vector<ApprenticeshipReview> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        ApprenticeshipReview rv;
        rv.id = r.int64(i, 0);
        rv.version.value = r.int64(i, 1);
        rv.employeeId = r.text(i, 2);
        rv.standardCode = r.text(i, 3);
        reviewColumns().read(r, i, 4, rv);
        out.push_back(std::move(rv));
    }
    return out;
}

RecordId ProgrammeRepo::put(const ApprenticeshipReview& r) {
    return putRow(m_session, reviewColumns(), r,
                  RowKind{"apprenticeship_review", "apprenticeship_id", "the progress review"},
                  apprenticeshipIdOf(m_session, r.employeeId, r.standardCode), {});
}

} // namespace ledger::pg
