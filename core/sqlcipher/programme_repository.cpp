#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <algorithm>
#include <utility>

// The programmes in the ledger file: ASYE enrolments and their supervisions, apprenticeships
// with their off-the-job hours and progress reviews (schema step 9). Each kind's Storage::Column
// fields come from its spec; its parent (the person, the enrolment or the apprenticeship) and
// its hours (whole hundredths) are written by hand around them.

namespace ledger {

using sql::Fields;
using sql::SpecColumns;
using sql::Statement;

namespace {

/// How one kind's rows are written: its table, its parent column and whole-number columns
/// kept by hand (hours), and the words for its messages.
struct RowKind {
    const char* table;
    const char* parentColumn;
    const char* noun; ///< "the ASYE enrolment", for Conflict and StaleRecord
    std::vector<const char*> extraColumns = {};
};

/// Inserts (id 0) or updates by id and version the row of `record`, its spec columns bound
/// from ?1, then the parent id and the extras.
template <typename Record>
RecordId putRow(sql::Connection& conn, const SpecColumns<Record>& columns, const Record& record,
                const RowKind& kind, RecordId parentId, const std::vector<std::int64_t>& extras) {
    const int n = columns.next();
    const auto p = [n](std::size_t offset) {
        return "?" + std::to_string(n + static_cast<int>(offset));
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
    // An update keeps the identity columns (an apprenticeship's standard code): each is a
    // condition of the update, and a record whose identity was changed is refused on it.
    std::vector<std::pair<const FieldSpec<Record>*, int>> identity;
    std::string kept;
    std::string keptNames;
    int parameter = n - columns.size();
    for (const FieldSpec<Record>* f : columns.fields()) {
        if (f->role == FieldRole::Identity) {
            identity.emplace_back(f, parameter);
            kept += " AND " + std::string(f->name) + " = ?" + std::to_string(parameter);
            keptNames += ", " + std::string(f->name);
        }
        ++parameter;
    }
    const std::string text =
        record.id == 0
            ? "INSERT INTO " + std::string(kind.table) + " (" + names + ") VALUES (" + values + ")"
            : "UPDATE " + std::string(kind.table) + " SET " + sets +
                  ", version = version + 1 WHERE id = " + p(after) + kept + " AND (" +
                  p(after + 1) + " = 0 OR version = " + p(after + 1) + ")";
    Statement st(conn.db(), text);
    columns.bind(st, record);
    st.bind(n, parentId);
    for (std::size_t i = 0; i < extras.size(); ++i) {
        st.bind(n + 1 + static_cast<int>(i), extras[i]);
    }
    if (record.id != 0) {
        st.bind(n + static_cast<int>(after), record.id)
            .bind(n + static_cast<int>(after) + 1, record.version.value);
    }
    st.run();
    if (record.id == 0) {
        return conn.lastInsertId();
    }
    if (conn.changes() == 0) {
        Statement stored(conn.db(), "SELECT version" + keptNames + " FROM " +
                                        std::string(kind.table) + " WHERE id = ?1");
        stored.bind(1, record.id);
        if (!stored.step()) {
            throw Conflict(std::string(kind.noun) + " was removed meanwhile");
        }
        if (record.version.value == 0 || stored.integer(0) == record.version.value) {
            for (std::size_t i = 0; i < identity.size(); ++i) {
                const FieldSpec<Record>& f = *identity[i].first;
                if (stored.text(static_cast<int>(i) + 1) !=
                    SpecColumns<Record>::stored(f, record).value_or("")) {
                    std::string words(f.name);
                    std::replace(words.begin(), words.end(), '_', ' ');
                    throw ValidationError(
                        {FieldError{{},
                                    0,
                                    std::string(f.name),
                                    std::string(kind.noun) + " keeps its " + words}});
                }
            }
        }
        throw StaleRecord(std::string(kind.noun) + " was saved by someone else meanwhile", "", "");
    }
    return record.id;
}

const SpecColumns<AsyeEnrolment>& enrolmentColumns() {
    static const SpecColumns<AsyeEnrolment> kColumns(asyeSpec(), 1);
    return kColumns;
}
const SpecColumns<Supervision>& supervisionColumns() {
    static const SpecColumns<Supervision> kColumns(supervisionSpec(), 1);
    return kColumns;
}
const SpecColumns<Apprenticeship>& apprenticeshipColumns() {
    static const SpecColumns<Apprenticeship> kColumns(apprenticeshipSpec(), 1);
    return kColumns;
}
const SpecColumns<OtjEntry>& otjColumns() {
    static const SpecColumns<OtjEntry> kColumns(otjEntrySpec(), 1);
    return kColumns;
}
const SpecColumns<ApprenticeshipReview>& reviewColumns() {
    static const SpecColumns<ApprenticeshipReview> kColumns(apprenticeshipReviewSpec(), 1);
    return kColumns;
}

ValidationError missing(const char* column, const std::string& what) {
    return ValidationError({FieldError{{}, 0, column, what}});
}

RecordId staffIdOf(sql::Connection& conn, const std::string& employeeId) {
    const auto id = conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", employeeId);
    if (!id) {
        throw missing("employee_id", "no staff member has employee id " + employeeId);
    }
    return *id;
}

RecordId enrolmentIdOf(sql::Connection& conn, const std::string& employeeId) {
    const auto id = conn.lookup("SELECT e.id FROM asye_enrolment e JOIN staff p ON "
                                "p.id = e.staff_id WHERE p.employee_id = ?1",
                                employeeId);
    if (!id) {
        throw missing("employee_id", employeeId + " is not enrolled on the ASYE");
    }
    return *id;
}

RecordId apprenticeshipIdOf(sql::Connection& conn, const std::string& employeeId,
                            const std::string& standardCode) {
    Statement st(conn.db(), "SELECT a.id FROM apprenticeship a JOIN staff p ON p.id = a.staff_id "
                            "WHERE p.employee_id = ?1 AND a.standard_code = ?2");
    st.bind(1, employeeId).bind(2, standardCode);
    if (!st.step()) {
        throw missing("standard_code", employeeId + " has no " + standardCode + " apprenticeship");
    }
    return st.integer(0);
}

constexpr const char* kApprenticeshipJoin =
    " JOIN apprenticeship a ON a.id = t.apprenticeship_id JOIN staff p ON p.id = a.staff_id";

} // namespace

std::vector<AsyeEnrolment> SqlCipherProgrammeRepository::readEnrolments(const std::string& where,
                                                                        std::string_view key) {
    Statement st(m_conn.db(), "SELECT t.id, t.version, p.employee_id, " +
                                  enrolmentColumns().names("t.") +
                                  " FROM asye_enrolment t JOIN staff p ON p.id = t.staff_id" +
                                  where + " ORDER BY p.employee_id");
    if (!where.empty()) {
        st.bind(1, key);
    }
    std::vector<AsyeEnrolment> out;
    while (st.step()) {
        AsyeEnrolment e;
        e.id = st.integer(0);
        e.version.value = st.integer(1);
        e.employeeId = st.text(2);
        enrolmentColumns().read(st, 3, e);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<AsyeEnrolment> SqlCipherProgrammeRepository::enrolments() {
    return readEnrolments("", {});
}

std::optional<AsyeEnrolment> SqlCipherProgrammeRepository::enrolment(std::string_view employeeId) {
    auto found = readEnrolments(" WHERE p.employee_id = ?1", employeeId);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId SqlCipherProgrammeRepository::put(const AsyeEnrolment& e) {
    return putRow(m_conn, enrolmentColumns(), e,
                  RowKind{"asye_enrolment", "staff_id", "the ASYE enrolment"},
                  staffIdOf(m_conn, e.employeeId), {});
}

std::vector<Supervision>
SqlCipherProgrammeRepository::supervisions(std::optional<std::string_view> employeeId) {
    Statement st(m_conn.db(), "SELECT t.id, t.version, p.employee_id, " +
                                  supervisionColumns().names("t.") +
                                  " FROM supervision t JOIN asye_enrolment e ON e.id = "
                                  "t.enrolment_id JOIN staff p ON p.id = e.staff_id" +
                                  (employeeId ? " WHERE p.employee_id = ?1" : "") +
                                  " ORDER BY p.employee_id, t.date");
    if (employeeId) {
        st.bind(1, *employeeId);
    }
    std::vector<Supervision> out;
    while (st.step()) {
        Supervision s;
        s.id = st.integer(0);
        s.version.value = st.integer(1);
        s.employeeId = st.text(2);
        supervisionColumns().read(st, 3, s);
        out.push_back(std::move(s));
    }
    return out;
}

RecordId SqlCipherProgrammeRepository::put(const Supervision& s) {
    return putRow(m_conn, supervisionColumns(), s,
                  RowKind{"supervision", "enrolment_id", "the supervision"},
                  enrolmentIdOf(m_conn, s.employeeId), {});
}

void SqlCipherProgrammeRepository::remove(const Supervision& s) {
    Statement st(m_conn.db(), "DELETE FROM supervision WHERE id = ?1");
    st.bind(1, s.id);
    st.run();
    if (m_conn.changes() == 0) {
        throw Conflict("the supervision was removed meanwhile");
    }
}

std::vector<Apprenticeship> SqlCipherProgrammeRepository::apprenticeships() {
    Statement st(m_conn.db(), "SELECT t.id, t.version, p.employee_id, t.planned_otj_hours, " +
                                  apprenticeshipColumns().names("t.") +
                                  " FROM apprenticeship t JOIN staff p ON p.id = t.staff_id "
                                  "ORDER BY p.employee_id, t.standard_code");
    std::vector<Apprenticeship> out;
    while (st.step()) {
        Apprenticeship a;
        a.id = st.integer(0);
        a.version.value = st.integer(1);
        a.employeeId = st.text(2);
        apprenticeshipColumns().read(st, 4, a);
        a.plannedOtjHours = st.integer(3);
        out.push_back(std::move(a));
    }
    return out;
}

RecordId SqlCipherProgrammeRepository::put(const Apprenticeship& a) {
    return putRow(
        m_conn, apprenticeshipColumns(), a,
        RowKind{"apprenticeship", "staff_id", "the apprenticeship", {"planned_otj_hours"}},
        staffIdOf(m_conn, a.employeeId), {a.plannedOtjHours});
}

std::vector<OtjEntry> SqlCipherProgrammeRepository::otjEntries() {
    Statement st(m_conn.db(), "SELECT t.id, t.version, p.employee_id, a.standard_code, t.hours, " +
                                  otjColumns().names("t.") + " FROM otj_entry t" +
                                  kApprenticeshipJoin +
                                  " ORDER BY p.employee_id, a.standard_code, t.date");
    std::vector<OtjEntry> out;
    while (st.step()) {
        OtjEntry o;
        o.id = st.integer(0);
        o.version.value = st.integer(1);
        o.employeeId = st.text(2);
        o.standardCode = st.text(3);
        otjColumns().read(st, 5, o);
        o.hours = st.integer(4);
        out.push_back(std::move(o));
    }
    return out;
}

RecordId SqlCipherProgrammeRepository::put(const OtjEntry& o) {
    return putRow(m_conn, otjColumns(), o,
                  RowKind{"otj_entry", "apprenticeship_id", "the off-the-job hours", {"hours"}},
                  apprenticeshipIdOf(m_conn, o.employeeId, o.standardCode), {o.hours});
}

std::vector<ApprenticeshipReview> SqlCipherProgrammeRepository::apprenticeshipReviews() {
    Statement st(m_conn.db(), "SELECT t.id, t.version, p.employee_id, a.standard_code, " +
                                  reviewColumns().names("t.") + " FROM apprenticeship_review t" +
                                  kApprenticeshipJoin +
                                  " ORDER BY p.employee_id, a.standard_code, t.date");
    std::vector<ApprenticeshipReview> out;
    while (st.step()) {
        ApprenticeshipReview r;
        r.id = st.integer(0);
        r.version.value = st.integer(1);
        r.employeeId = st.text(2);
        r.standardCode = st.text(3);
        reviewColumns().read(st, 4, r);
        out.push_back(std::move(r));
    }
    return out;
}

RecordId SqlCipherProgrammeRepository::put(const ApprenticeshipReview& r) {
    return putRow(m_conn, reviewColumns(), r,
                  RowKind{"apprenticeship_review", "apprenticeship_id", "the progress review"},
                  apprenticeshipIdOf(m_conn, r.employeeId, r.standardCode), {});
}

} // namespace ledger
