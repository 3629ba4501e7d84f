#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <limits>

// The training feature's records in the ledger file: module, requirement and completion.
// The compliance engine's compact load reads completions as integers and day numbers,
// straight from SQLite's column buffers, without a string per completion.

namespace ledger {

using sql::Statement;

namespace {

std::optional<std::string> optionalDate(const std::optional<Date>& date) {
    if (!date) {
        return std::nullopt;
    }
    return formatIso(*date);
}

std::optional<Date> optionalDateColumn(const Statement& st, int column) {
    if (st.isNull(column)) {
        return std::nullopt;
    }
    return parseIsoDate(st.text(column));
}

// Each kind's Storage::Column fields (spec_columns.h), bound after the references written by
// hand: a module's from ?1; a requirement's after module_id ?1; a completion's after staff_id
// ?1 and module_id ?2 (or its id ?1 and module code ?2), followed by voided and void_reason,
// which are not fields of its spec but of its state.
using sql::Fields;
using sql::SpecColumns;

const SpecColumns<Module>& moduleColumns() {
    static const SpecColumns<Module> kColumns(moduleSpec(), 1);
    return kColumns;
}
const SpecColumns<Requirement>& requirementColumns() {
    static const SpecColumns<Requirement> kColumns(requirementSpec(), 2);
    return kColumns;
}
const SpecColumns<Completion>& completionColumns() {
    static const SpecColumns<Completion> kColumns(completionSpec(), 3);
    return kColumns;
}

/// The completion columns as a SELECT reads them after its joins (completionRow's order).
std::string completionColumnList() {
    return "c.id, s.employee_id, m.code, c.voided, c.void_reason, c.version, " +
           completionColumns().names("c.");
}

/// The completion SELECT up to its WHERE or ORDER BY.
std::string completionSelect() {
    return "SELECT " + completionColumnList() +
           " FROM completion c JOIN staff s ON s.id = c.staff_id "
           "JOIN module m ON m.id = c.module_id ";
}

Completion completionRow(const Statement& st) {
    Completion c;
    c.id = st.integer(0);
    c.employeeId = st.text(1);
    c.moduleCode = st.text(2);
    c.voided = st.integer(3) != 0;
    c.voidReason = st.text(4);
    c.version.value = st.integer(5);
    completionColumns().read(st, 6, c);
    return c;
}

/// `YYYY-MM-DD` as stored to a day number; kNoDay-like `fallback` when NULL or malformed
/// (the schema and validation never store such a date).
DayNumber dayColumn(sqlite3_stmt* st, int column, DayNumber fallback) {
    const auto* text = sqlite3_column_text(st, column);
    if (text == nullptr || sqlite3_column_bytes(st, column) != 10) {
        return fallback;
    }
    const auto digit = [&](int i) {
        return static_cast<int>(text[i]) - '0';
    };
    const int year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const int month = digit(5) * 10 + digit(6);
    const int day = digit(8) * 10 + digit(9);
    const Date date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                    std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) {
        return fallback;
    }
    return toDayNumber(date);
}

/// ` AND (?N = 0 OR version = ?N)`: a known version (RecordVersion) must still be the stored
/// one; 0 is not checked.
std::string versionCondition(int parameter) {
    const std::string p = "?" + std::to_string(parameter);
    return " AND (" + p + " = 0 OR version = " + p + ")";
}

constexpr DayNumber kNoExpiry = std::numeric_limits<DayNumber>::max();

void readRows(sqlite3* db, const char* sqlText, RecordId staffId, std::vector<CompletionRow>& rows,
              const Progress* progress = nullptr, std::size_t expected = 0) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sqlText, -1, &st, nullptr) != SQLITE_OK) {
        sql::fail(db, "could not read the completions");
    }
    if (staffId != 0) {
        sqlite3_bind_int64(st, 1, staffId);
    }
    int rc = SQLITE_ROW;
    const std::size_t step = std::max<std::size_t>(expected / 50, 4096);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (progress && progress->report && rows.size() % step == 0 && expected > 0 &&
            !progress->report(
                std::min(1.0, static_cast<double>(rows.size()) / static_cast<double>(expected)))) {
            sqlite3_finalize(st);
            throw Cancelled("reading the ledger was cancelled");
        }
        rows.push_back(CompletionRow{sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                     dayColumn(st, 2, 0), dayColumn(st, 3, kNoExpiry)});
    }
    if (rc != SQLITE_DONE) {
        sqlite3_finalize(st);
        sql::fail(db, "could not read the completions");
    }
    sqlite3_finalize(st);
}

} // namespace

LedgerData SqlCipherTrainingRepository::loadCatalog() {
    LedgerData data;
    {
        static const std::string kText =
            "SELECT id, version, " + moduleColumns().names() + " FROM module ORDER BY code";
        Statement st(m_conn.db(), kText);
        while (st.step()) {
            Module m;
            m.id = st.integer(0);
            m.version.value = st.integer(1);
            moduleColumns().read(st, 2, m);
            data.modules.push_back(std::move(m));
        }
    }
    {
        static const std::string kText = "SELECT r.id, m.code, r.version, " +
                                         requirementColumns().names("r.") +
                                         " FROM requirement r JOIN module m ON m.id = r.module_id "
                                         "ORDER BY m.code, r.scope, r.value";
        Statement st(m_conn.db(), kText);
        while (st.step()) {
            Requirement r;
            r.id = st.integer(0);
            r.moduleCode = st.text(1);
            r.version.value = st.integer(2);
            requirementColumns().read(st, 3, r);
            data.requirements.push_back(std::move(r));
        }
    }
    return data;
}

std::unordered_map<std::string, RecordId> SqlCipherTrainingRepository::moduleIds() {
    std::unordered_map<std::string, RecordId> ids;
    Statement st(m_conn.db(), "SELECT code, id FROM module");
    while (st.step()) {
        ids.emplace(st.text(0), st.integer(1));
    }
    return ids;
}

RecordId SqlCipherTrainingRepository::putModule(const Module& m) {
    const auto existing = m_conn.lookup("SELECT id FROM module WHERE code = ?1", m.code);
    const SpecColumns<Module>& columns = moduleColumns();
    // A known version must still be the stored one (see RecordVersion); every update
    // moves it on.
    const int version = columns.next();
    static const std::string kUpdate = "UPDATE module SET " + columns.assignments(Fields::Values) +
                                       ", version = version + 1 WHERE " + columns.conditions() +
                                       versionCondition(version);
    static const std::string kInsert =
        "INSERT INTO module (" + columns.names() + ") VALUES (" + columns.parameters() + ")";
    auto st = m_conn.statement(existing ? kUpdate.c_str() : kInsert.c_str());
    columns.bind(*st, m);
    if (existing) {
        st->bind(version, m.version.value);
    }
    st->run();
    if (existing && m_conn.changes() == 0) {
        throw StaleRecord("this module was saved by someone else meanwhile", "", "");
    }
    return existing ? *existing : m_conn.lastInsertId();
}

void SqlCipherTrainingRepository::removeModule(std::string_view code) {
    m_conn.statement("DELETE FROM module WHERE code = ?1")->bind(1, code).run();
}

RecordId SqlCipherTrainingRepository::putRequirement(const Requirement& r) {
    const auto module = m_conn.lookup("SELECT id FROM module WHERE code = ?1", r.moduleCode);
    if (!module) {
        throw ValidationError({FieldError{{}, 0, "module", "no module " + r.moduleCode}});
    }
    const SpecColumns<Requirement>& columns = requirementColumns();
    bool exists = false;
    RecordId id = 0;
    {
        static const std::string kFind =
            "SELECT id FROM requirement WHERE module_id = ?1 AND " + columns.conditions();
        auto find = m_conn.statement(kFind.c_str());
        find->bind(1, *module);
        columns.bind(*find, r, Fields::Keys);
        exists = find->step();
        if (exists) {
            id = find->integer(0);
        }
    }
    const int version = columns.next();
    static const std::string kUpdate = "UPDATE requirement SET " +
                                       columns.assignments(Fields::Values) +
                                       ", version = version + 1 WHERE module_id = ?1 AND " +
                                       columns.conditions() + versionCondition(version);
    static const std::string kInsert = "INSERT INTO requirement (module_id, " + columns.names() +
                                       ") VALUES (?1, " + columns.parameters() + ")";
    auto st = m_conn.statement(exists ? kUpdate.c_str() : kInsert.c_str());
    st->bind(1, *module);
    columns.bind(*st, r);
    if (exists) {
        st->bind(version, r.version.value);
    }
    st->run();
    if (exists && m_conn.changes() == 0) {
        throw StaleRecord("this rule was saved by someone else meanwhile", "", "");
    }
    return exists ? id : m_conn.lastInsertId();
}

void SqlCipherTrainingRepository::removeRequirement(const Requirement& r) {
    static const std::string kText =
        "DELETE FROM requirement WHERE module_id = (SELECT id FROM module WHERE code = ?1) AND " +
        requirementColumns().conditions();
    auto st = m_conn.statement(kText.c_str());
    st->bind(1, r.moduleCode);
    requirementColumns().bind(*st, r, Fields::Keys);
    st->run();
}

void SqlCipherTrainingRepository::renameScopeValue(Scope scope, std::string_view from,
                                                   std::string_view to) {
    m_conn
        .statement("UPDATE requirement SET value = ?3, version = version + 1 "
                   "WHERE scope = ?1 AND value = ?2")
        ->bind(1, scopeCode(scope))
        .bind(2, from)
        .bind(3, to)
        .run();
}

std::vector<CompletionRow> SqlCipherTrainingRepository::completionRows(const Progress* progress) {
    // Rowid order: one pass over the table, no index lookups. The engine sorts.
    std::vector<CompletionRow> rows;
    {
        Statement count(m_conn.db(), "SELECT max(id) FROM completion");
        if (count.step() && !count.isNull(0)) {
            rows.reserve(static_cast<std::size_t>(count.integer(0)));
        }
    }
    readRows(m_conn.db(),
             "SELECT staff_id, module_id, completed_on, expires_on FROM completion "
             "WHERE voided = 0",
             0, rows, progress, rows.capacity());
    return rows;
}

std::vector<CompletionRow> SqlCipherTrainingRepository::completionRowsOf(RecordId staffId) {
    std::vector<CompletionRow> rows;
    readRows(m_conn.db(),
             "SELECT staff_id, module_id, completed_on, expires_on FROM completion "
             "WHERE staff_id = ?1 AND voided = 0",
             staffId, rows);
    return rows;
}

std::pair<RecordId, RecordId> SqlCipherTrainingRepository::completionRefs(const Completion& c) {
    const auto staff = m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", c.employeeId);
    const auto module = m_conn.lookup("SELECT id FROM module WHERE code = ?1", c.moduleCode);
    if (!staff || !module) {
        throw ValidationError(
            {FieldError{{}, 0, !staff ? "employee_id" : "module", "no such record"}});
    }
    return {*staff, *module};
}

RecordId SqlCipherTrainingRepository::putCompletion(const Completion& c) {
    const auto [staff, module] = completionRefs(c);
    const SpecColumns<Completion>& columns = completionColumns();
    const int voided = columns.next();
    std::optional<RecordId> existing;
    {
        static const std::string kFind =
            "SELECT id FROM completion WHERE staff_id = ?1 AND module_id = ?2 AND " +
            columns.conditions();
        auto find = m_conn.statement(kFind.c_str());
        find->bind(1, staff).bind(2, module);
        columns.bind(*find, c, Fields::Keys);
        if (find->step()) {
            existing = find->integer(0);
        }
    }
    static const std::string kUpdate =
        "UPDATE completion SET " + columns.assignments(Fields::Values) + ", voided = ?" +
        std::to_string(voided) + ", void_reason = ?" + std::to_string(voided + 1) +
        ", version = version + 1 WHERE staff_id = ?1 AND module_id = ?2 AND " +
        columns.conditions() + versionCondition(voided + 2);
    static const std::string kInsert = "INSERT INTO completion (staff_id, module_id, " +
                                       columns.names() + ", voided, void_reason) VALUES (?1, ?2, " +
                                       columns.parameters() + ", ?" + std::to_string(voided) +
                                       ", ?" + std::to_string(voided + 1) + ")";
    auto st = m_conn.statement(existing ? kUpdate.c_str() : kInsert.c_str());
    st->bind(1, staff).bind(2, module);
    columns.bind(*st, c);
    st->bind(voided, c.voided ? 1 : 0).bind(voided + 1, c.voidReason);
    if (existing) {
        st->bind(voided + 2, c.version.value);
    }
    st->run();
    if (existing && m_conn.changes() == 0) {
        throw StaleRecord("this completion was saved by someone else meanwhile", "", "");
    }
    return existing ? *existing : m_conn.lastInsertId();
}

std::optional<RecordId> SqlCipherTrainingRepository::addCompletion(const Completion& c) {
    const auto [staff, module] = completionRefs(c);
    const SpecColumns<Completion>& columns = completionColumns();
    // OR IGNORE: only the key's uniqueness can stop it (the record was validated, and
    // foreign keys are not ignored).
    static const std::string kText = "INSERT OR IGNORE INTO completion (staff_id, module_id, " +
                                     columns.names() + ") VALUES (?1, ?2, " + columns.parameters() +
                                     ")";
    auto st = m_conn.statement(kText.c_str());
    st->bind(1, staff).bind(2, module);
    columns.bind(*st, c);
    st->run();
    if (m_conn.changes() == 0) {
        return std::nullopt;
    }
    return m_conn.lastInsertId();
}

void SqlCipherTrainingRepository::updateCompletion(const Completion& c) {
    const SpecColumns<Completion>& columns = completionColumns();
    const int voided = columns.next();
    static const std::string kText =
        "UPDATE completion SET module_id = (SELECT id FROM module WHERE code = ?2), " +
        columns.assignments(Fields::Changeable) + ", voided = ?" + std::to_string(voided) +
        ", void_reason = ?" + std::to_string(voided + 1) + ", version = version + 1 WHERE id = ?1" +
        versionCondition(voided + 2);
    auto st = m_conn.statement(kText.c_str());
    st->bind(1, c.id).bind(2, c.moduleCode);
    columns.bind(*st, c, Fields::Changeable);
    st->bind(voided, c.voided ? 1 : 0)
        .bind(voided + 1, c.voidReason)
        .bind(voided + 2, c.version.value)
        .run();
    if (m_conn.changes() == 0) {
        if (!m_conn.lookup("SELECT id FROM completion WHERE id = ?1", c.id)) {
            throw Conflict("the completion was removed meanwhile");
        }
        throw StaleRecord("this completion was saved by someone else meanwhile", "", "");
    }
}

std::optional<Completion> SqlCipherTrainingRepository::completion(RecordId id) {
    static const std::string kText = completionSelect() + "WHERE c.id = ?1";
    Statement st(m_conn.db(), kText);
    st.bind(1, id);
    if (st.step()) {
        return completionRow(st);
    }
    return std::nullopt;
}

std::vector<Completion> SqlCipherTrainingRepository::completionsOf(std::string_view employeeId) {
    static const std::string kText =
        completionSelect() + "WHERE s.employee_id = ?1 ORDER BY c.completed_on DESC, m.code";
    Statement st(m_conn.db(), kText);
    st.bind(1, employeeId);
    std::vector<Completion> out;
    while (st.step()) {
        out.push_back(completionRow(st));
    }
    return out;
}

void SqlCipherTrainingRepository::forEachCountedCompletion(
    const std::function<void(const Completion&)>& visit) {
    // Staff first, in employee id order (its unique index), then each person's completions
    // by the (staff, module, date) index: SQLite sorts only one person's completions at a
    // time by module code and date ("temp b-tree for right part of order by"), never the
    // whole table. CROSS JOIN keeps that loop order whatever the planner's statistics say.
    static const std::string kText = "SELECT " + completionColumnList() +
                                     " FROM staff s CROSS JOIN completion c ON c.staff_id = s.id "
                                     "JOIN module m ON m.id = c.module_id WHERE c.voided = 0 "
                                     "ORDER BY s.employee_id, m.code, c.completed_on";
    Statement st(m_conn.db(), kText);
    while (st.step()) {
        visit(completionRow(st));
    }
}

std::int64_t SqlCipherTrainingRepository::completionCount(std::string_view moduleCode) {
    auto st = m_conn.statement("SELECT count(*) FROM completion WHERE module_id = "
                               "(SELECT id FROM module WHERE code = ?1)");
    st->bind(1, moduleCode);
    return st->step() ? st->integer(0) : 0;
}

std::optional<StoredCompletion>
SqlCipherTrainingRepository::findCompletion(RecordId staffId, RecordId moduleId, Date completedOn) {
    auto st =
        m_conn.statement("SELECT id, expires_on, evidence, voided, created_change, changed_change "
                         "FROM completion WHERE staff_id = ?1 AND module_id = ?2 AND "
                         "completed_on = ?3");
    st->bind(1, staffId).bind(2, moduleId).bind(3, formatIso(completedOn));
    if (!st->step()) {
        return std::nullopt;
    }
    StoredCompletion c;
    c.id = st->integer(0);
    c.moduleId = moduleId;
    c.completedOn = completedOn;
    c.expiresOn = optionalDateColumn(*st, 1);
    c.evidence = st->text(2);
    c.voided = st->integer(3) != 0;
    c.createdChange = st->optionalInteger(4).value_or(0);
    c.changedChange = st->optionalInteger(5).value_or(0);
    return c;
}

void SqlCipherTrainingRepository::storedCompletionsOf(RecordId staffId,
                                                      std::vector<StoredCompletion>& out) {
    out.clear();
    // A range of the (staff, module, date) index: one search for the person's rows.
    auto st =
        m_conn.statement("SELECT id, module_id, completed_on, expires_on, evidence, voided, "
                         "created_change, changed_change FROM completion WHERE staff_id = ?1");
    st->bind(1, staffId);
    while (st->step()) {
        // A stored date that is not a calendar date is no key an import can have.
        const std::optional<Date> completedOn = parseIsoDate(st->textView(2));
        if (!completedOn) {
            continue;
        }
        StoredCompletion& c = out.emplace_back();
        c.id = st->integer(0);
        c.moduleId = st->integer(1);
        c.completedOn = *completedOn;
        if (!st->isNull(3)) {
            c.expiresOn = parseIsoDate(st->textView(3));
        }
        c.evidence = st->textView(4);
        c.voided = st->integer(5) != 0;
        c.createdChange = st->optionalInteger(6).value_or(0);
        c.changedChange = st->optionalInteger(7).value_or(0);
    }
}

// The bulk import's path (findCompletion, the two inserts and updateCompletionValues) binds a
// completion's columns by hand, not through completionColumns(), for speed: a county import
// runs it two million times. A new completion column is added here as well as to the spec.

namespace {

/// Runs an insert of a new completion (not voided) created by change-log entry
/// `createdChange` (none when 0): both insert statements take the same values. Its text is
/// bound without a copy, alive until the statement has run (two million rows an import).
void runNewCompletion(sql::Statement& st, RecordId staffId, RecordId moduleId, const Completion& c,
                      RecordId createdChange) {
    const std::string completedOn = formatIso(c.completedOn);
    const std::string expiresOn = c.expiresOn ? formatIso(*c.expiresOn) : std::string();
    st.bind(1, staffId).bind(2, moduleId).bindStatic(3, completedOn);
    if (c.expiresOn) {
        st.bindStatic(4, expiresOn);
    } else {
        st.bindNull(4);
    }
    st.bindStatic(5, c.evidence);
    if (createdChange == 0) {
        st.bindNull(6);
    } else {
        st.bind(6, createdChange);
    }
    st.run();
}

} // namespace

RecordId SqlCipherTrainingRepository::insertCompletion(RecordId staffId, RecordId moduleId,
                                                       const Completion& c,
                                                       RecordId createdChange) {
    auto st =
        m_conn.statement("INSERT INTO completion (staff_id, module_id, completed_on, expires_on, "
                         "evidence, created_change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    runNewCompletion(*st, staffId, moduleId, c, createdChange);
    return m_conn.lastInsertId();
}

std::optional<RecordId> SqlCipherTrainingRepository::insertCompletionIfNew(RecordId staffId,
                                                                           RecordId moduleId,
                                                                           const Completion& c,
                                                                           RecordId createdChange) {
    // OR IGNORE: only the key's uniqueness can stop it (the row was validated, and foreign
    // keys are not ignored).
    auto st =
        m_conn.statement("INSERT OR IGNORE INTO completion (staff_id, module_id, completed_on, "
                         "expires_on, evidence, created_change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    runNewCompletion(*st, staffId, moduleId, c, createdChange);
    if (m_conn.changes() == 0) {
        return std::nullopt;
    }
    return m_conn.lastInsertId();
}

void SqlCipherTrainingRepository::updateCompletionValues(RecordId id, const Completion& c,
                                                         RecordId changedChange) {
    m_conn
        .statement("UPDATE completion SET expires_on = ?2, evidence = ?3, changed_change = ?4, "
                   "version = version + 1 WHERE id = ?1")
        ->bind(1, id)
        .bind(2, optionalDate(c.expiresOn))
        .bind(3, c.evidence)
        .bind(4, changedChange)
        .run();
}

} // namespace ledger
