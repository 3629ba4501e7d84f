#include "postgres/repositories.h"

#include "postgres/spec_params.h"
#include "training/training.h"

#include <array>
#include <limits>

// The training feature's records on a server: module, requirement and completion. The
// compliance engine's compact load streams completions as integers and dates through binary
// COPY, computed by the server, without a string per completion.

namespace ledger::pg {

namespace {

// Each kind's Storage::Column fields (store/spec_columns.h), after the references written by
// hand: a module's from $1; a requirement's after module_id $1; a completion's after
// staff_id $1 and module_id $2 (or its id $1 and module code $2), followed by voided and
// void_reason, which are not fields of its spec but of its state.
const SpecParams<Module>& moduleColumns() {
    static const SpecParams<Module> kColumns(moduleSpec(), 1);
    return kColumns;
}
const SpecParams<Requirement>& requirementColumns() {
    static const SpecParams<Requirement> kColumns(requirementSpec(), 2);
    return kColumns;
}
const SpecParams<Completion>& completionColumns() {
    static const SpecParams<Completion> kColumns(completionSpec(), 3);
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

Completion completionRow(const Result& r, int row) {
    Completion c;
    c.id = r.int64(row, 0);
    c.employeeId = r.text(row, 1);
    c.moduleCode = r.text(row, 2);
    c.voided = r.view(row, 3) == "t";
    c.voidReason = r.text(row, 4);
    c.version.value = r.int64(row, 5);
    completionColumns().read(r, row, 6, c);
    return c;
}

std::optional<std::string> flag(bool value) {
    return std::string(value ? "true" : "false");
}

std::optional<std::string> optionalDate(const std::optional<Date>& date) {
    if (!date) {
        return std::nullopt;
    }
    return formatIso(*date);
}

std::optional<std::string> change(RecordId id) {
    if (id == 0) {
        return std::nullopt;
    }
    return std::to_string(id);
}

constexpr DayNumber kNoExpiry = std::numeric_limits<DayNumber>::max();

/// Reads COPY's binary format (PostgreSQL's "Binary Format" of COPY): a header, then per
/// row a field count and each field as a length (-1: NULL) and its bytes, big-endian; the
/// end is a field count of -1. The server sends whole rows per message.
class BinaryRows {
public:
    /// The next message; calls `row` with each complete row's four fields.
    template <typename Row> void feed(std::string_view data, Row row) {
        std::size_t at = 0;
        if (!m_headerRead) {
            static constexpr std::string_view kSignature("PGCOPY\n\377\r\n\0", 11);
            if (data.size() < 19 || data.substr(0, 11) != kSignature) {
                throw StorageError("the server's COPY is not in the binary format");
            }
            at = 19 + static_cast<std::size_t>(read32(data, 15)); // flags, header extension
            m_headerRead = true;
        }
        while (at + 2 <= data.size()) {
            const auto fields = static_cast<std::int16_t>(read16(data, at));
            at += 2;
            if (fields == -1) {
                return;
            }
            if (fields != 4) {
                throw StorageError("the server sent a completion row of " + std::to_string(fields) +
                                   " fields");
            }
            std::array<std::optional<std::string_view>, 4> values;
            for (auto& value : values) {
                const auto length = static_cast<std::int32_t>(read32(data, at));
                at += 4;
                if (length >= 0) {
                    value = data.substr(at, static_cast<std::size_t>(length));
                    at += static_cast<std::size_t>(length);
                }
            }
            row(values);
        }
    }

    static std::uint64_t read64(std::string_view d, std::size_t at) {
        return (read32(d, at) << 32) | read32(d, at + 4);
    }
    static std::uint64_t read32(std::string_view d, std::size_t at) {
        if (at + 4 > d.size()) {
            throw StorageError("the server sent a short COPY row");
        }
        return (std::uint64_t{static_cast<unsigned char>(d[at])} << 24) |
               (std::uint64_t{static_cast<unsigned char>(d[at + 1])} << 16) |
               (std::uint64_t{static_cast<unsigned char>(d[at + 2])} << 8) |
               std::uint64_t{static_cast<unsigned char>(d[at + 3])};
    }
    static std::uint64_t read16(std::string_view d, std::size_t at) {
        if (at + 2 > d.size()) {
            throw StorageError("the server sent a short COPY row");
        }
        return (std::uint64_t{static_cast<unsigned char>(d[at])} << 8) |
               std::uint64_t{static_cast<unsigned char>(d[at + 1])};
    }

private:
    bool m_headerRead = false;
};

/// Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates.
constexpr DayNumber kPostgresEpoch = 10957;

/// Completion rows from `select`, whose columns are the staff id and the module id (bigint)
/// and the two dates (the expiry NULL when there is none), read in COPY's binary format: no
/// text formatted on the server or parsed here.
void copyRows(Session& session, const std::string& select, std::vector<CompletionRow>& rows,
              const Progress* progress, std::size_t expected) {
    const std::size_t step = std::max<std::size_t>(expected / 50, 4096);
    BinaryRows reader;
    const auto day = [](std::string_view field) {
        if (field.size() != 4) {
            throw StorageError("the server sent a date that is not four bytes");
        }
        return static_cast<DayNumber>(static_cast<std::int32_t>(BinaryRows::read32(field, 0))) +
               kPostgresEpoch;
    };
    const auto id = [](std::string_view field) {
        if (field.size() != 8) {
            throw StorageError("the server sent an id that is not eight bytes");
        }
        return static_cast<RecordId>(BinaryRows::read64(field, 0));
    };
    session.connection().copyOut(
        "COPY (" + select + ") TO STDOUT (FORMAT binary)", [&](std::string_view message) {
            reader.feed(message, [&](const std::array<std::optional<std::string_view>, 4>& v) {
                if (progress && progress->report && expected > 0 && rows.size() % step == 0 &&
                    !progress->report(std::min(1.0, static_cast<double>(rows.size()) /
                                                        static_cast<double>(expected)))) {
                    throw Cancelled("reading the ledger was cancelled");
                }
                if (!v[0] || !v[1] || !v[2]) {
                    throw StorageError("the server sent a completion row with a NULL key");
                }
                rows.push_back(
                    CompletionRow{id(*v[0]), id(*v[1]), day(*v[2]), v[3] ? day(*v[3]) : kNoExpiry});
            });
        });
}

#define PL_COMPLETION_ROW_COLUMNS                                                                  \
    "SELECT staff_id, module_id, completed_on - DATE '1970-01-01', "                               \
    "COALESCE(expires_on - DATE '1970-01-01', 2147483647) FROM completion "
#define PL_COMPLETION_ROW_DATES                                                                    \
    "SELECT staff_id, module_id, completed_on, expires_on FROM completion "

static_assert(kNoExpiry == 2147483647);

} // namespace

LedgerData TrainingRepo::loadCatalog() {
    LedgerData data;
    {
        static const std::string kText =
            "SELECT id, version, " + moduleColumns().names() + " FROM module ORDER BY code";
        const Result r = m_session.run(kText);
        for (int i = 0; i < r.rows(); ++i) {
            Module m;
            m.id = r.int64(i, 0);
            m.version.value = r.int64(i, 1);
            moduleColumns().read(r, i, 2, m);
            data.modules.push_back(std::move(m));
        }
    }
    {
        static const std::string kText = "SELECT r.id, m.code, r.version, " +
                                         requirementColumns().names("r.") +
                                         " FROM requirement r JOIN module m ON m.id = r.module_id "
                                         "ORDER BY m.code, r.scope, r.value";
        const Result r = m_session.run(kText);
        for (int i = 0; i < r.rows(); ++i) {
            Requirement q;
            q.id = r.int64(i, 0);
            q.moduleCode = r.text(i, 1);
            q.version.value = r.int64(i, 2);
            requirementColumns().read(r, i, 3, q);
            data.requirements.push_back(std::move(q));
        }
    }
    return data;
}

std::unordered_map<std::string, RecordId> TrainingRepo::moduleIds() {
    const Result r = m_session.run("SELECT code, id FROM module");
    std::unordered_map<std::string, RecordId> ids;
    for (int i = 0; i < r.rows(); ++i) {
        ids.emplace(r.text(i, 0), r.int64(i, 1));
    }
    return ids;
}

RecordId TrainingRepo::putModule(const Module& m) {
    const auto existing = m_session.lookup("SELECT id FROM module WHERE code = $1", m.code);
    const SpecParams<Module>& columns = moduleColumns();
    // A known version must still be the stored one (see RecordVersion); every update
    // moves it on.
    static const std::string kUpdate = "UPDATE module SET " + columns.assignments(Fields::Values) +
                                       ", version = version + 1 WHERE " + columns.conditions() +
                                       versionCondition(columns.next()) + " RETURNING id";
    static const std::string kInsert = "INSERT INTO module (" + columns.names() + ") VALUES (" +
                                       columns.parameters() + ") RETURNING id";
    Params params;
    columns.bind(params, m);
    if (existing) {
        params.push_back(param(m.version.value));
    }
    const Result r = m_session.run(existing ? kUpdate : kInsert, params);
    if (r.rows() == 0) {
        throw StaleRecord("this module was saved by someone else meanwhile", "", "");
    }
    return r.int64(0, 0);
}

void TrainingRepo::removeModule(std::string_view code) {
    m_session.run("DELETE FROM module WHERE code = $1", {param(code)});
}

RecordId TrainingRepo::putRequirement(const Requirement& q) {
    const auto module = m_session.lookup("SELECT id FROM module WHERE code = $1", q.moduleCode);
    if (!module) {
        throw ValidationError({FieldError{{}, 0, "module", "no module " + q.moduleCode}});
    }
    const SpecParams<Requirement>& columns = requirementColumns();
    std::optional<RecordId> existing;
    {
        static const std::string kFind =
            "SELECT id FROM requirement WHERE module_id = $1 AND " + columns.conditions();
        Params params{param(*module)};
        columns.bind(params, q, Fields::Keys);
        const Result r = m_session.run(kFind, params);
        if (r.rows() > 0) {
            existing = r.int64(0, 0);
        }
    }
    static const std::string kUpdate =
        "UPDATE requirement SET " + columns.assignments(Fields::Values) +
        ", version = version + 1 WHERE module_id = $1 AND " + columns.conditions() +
        versionCondition(columns.next()) + " RETURNING id";
    static const std::string kInsert = "INSERT INTO requirement (module_id, " + columns.names() +
                                       ") VALUES ($1, " + columns.parameters() + ") RETURNING id";
    Params params{param(*module)};
    columns.bind(params, q);
    if (existing) {
        params.push_back(param(q.version.value));
    }
    const Result r = m_session.run(existing ? kUpdate : kInsert, params);
    if (r.rows() == 0) {
        throw StaleRecord("this rule was saved by someone else meanwhile", "", "");
    }
    return r.int64(0, 0);
}

void TrainingRepo::removeRequirement(const Requirement& q) {
    static const std::string kText =
        "DELETE FROM requirement WHERE module_id = (SELECT id FROM module WHERE code = $1) AND " +
        requirementColumns().conditions();
    Params params{param(q.moduleCode)};
    requirementColumns().bind(params, q, Fields::Keys);
    m_session.run(kText, params);
}

void TrainingRepo::renameScopeValue(Scope scope, std::string_view from, std::string_view to) {
    m_session.run("UPDATE requirement SET value = $3, version = version + 1 "
                  "WHERE scope = $1 AND value = $2",
                  {std::string(scopeCode(scope)), param(from), param(to)});
}

std::vector<CompletionRow> TrainingRepo::completionRows(const Progress* progress) {
    std::vector<CompletionRow> rows;
    std::size_t expected = 0;
    if (progress && progress->report) {
        // The highest id, as the file engine does: enough for a progress bar, without counting
        // the table (one step down the primary key). Not the planner's pg_class.reltuples: it
        // is -1 until the table is first analysed, so a freshly filled ledger reported nothing
        // and could not be cancelled.
        const Result r = m_session.run("SELECT COALESCE(max(id), 0) FROM completion");
        expected = r.rows() > 0 ? static_cast<std::size_t>(r.int64(0, 0)) : 0;
    }
    rows.reserve(expected);
    copyRows(m_session, PL_COMPLETION_ROW_DATES "WHERE NOT voided", rows, progress, expected);
    return rows;
}

std::vector<CompletionRow> TrainingRepo::completionRowsOf(RecordId staffId) {
    const Result r = m_session.run(PL_COMPLETION_ROW_COLUMNS "WHERE staff_id = $1 AND NOT voided",
                                   {param(staffId)});
    std::vector<CompletionRow> rows;
    rows.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        rows.push_back(CompletionRow{r.int64(i, 0), r.int64(i, 1),
                                     static_cast<DayNumber>(r.int64(i, 2)),
                                     static_cast<DayNumber>(r.int64(i, 3))});
    }
    return rows;
}

std::pair<RecordId, RecordId> TrainingRepo::completionRefs(const Completion& c) {
    const auto staff =
        m_session.lookup("SELECT id FROM staff WHERE employee_id = $1", c.employeeId);
    const auto module = m_session.lookup("SELECT id FROM module WHERE code = $1", c.moduleCode);
    if (!staff || !module) {
        throw ValidationError(
            {FieldError{{}, 0, !staff ? "employee_id" : "module", "no such record"}});
    }
    return {*staff, *module};
}

RecordId TrainingRepo::putCompletion(const Completion& c) {
    const auto [staff, module] = completionRefs(c);
    const SpecParams<Completion>& columns = completionColumns();
    const int voided = columns.next();
    std::optional<RecordId> existing;
    {
        static const std::string kFind =
            "SELECT id FROM completion WHERE staff_id = $1 AND module_id = $2 AND " +
            columns.conditions();
        Params params{param(staff), param(module)};
        columns.bind(params, c, Fields::Keys);
        const Result r = m_session.run(kFind, params);
        if (r.rows() > 0) {
            existing = r.int64(0, 0);
        }
    }
    const std::string v = std::to_string(voided);
    const std::string reason = std::to_string(voided + 1);
    static const std::string kUpdate =
        "UPDATE completion SET " + columns.assignments(Fields::Values) + ", voided = $" + v +
        "::boolean, void_reason = $" + reason +
        "::text, version = version + 1 WHERE staff_id = $1 AND "
        "module_id = $2 AND " +
        columns.conditions() + versionCondition(voided + 2) + " RETURNING id";
    static const std::string kInsert = "INSERT INTO completion (staff_id, module_id, " +
                                       columns.names() + ", voided, void_reason) VALUES ($1, $2, " +
                                       columns.parameters() + ", $" + v + "::boolean, $" + reason +
                                       "::text) RETURNING id";
    Params params{param(staff), param(module)};
    columns.bind(params, c);
    params.push_back(flag(c.voided));
    params.push_back(c.voidReason);
    if (existing) {
        params.push_back(param(c.version.value));
    }
    const Result r = m_session.run(existing ? kUpdate : kInsert, params);
    if (r.rows() == 0 && c.version.known()) {
        throw StaleRecord("this completion was saved by someone else meanwhile", "", "");
    }
    if (r.rows() == 0) {
        throw Conflict("the completion cannot be changed by this account");
    }
    return r.int64(0, 0);
}

std::optional<RecordId> TrainingRepo::addCompletion(const Completion& c) {
    const auto [staff, module] = completionRefs(c);
    const SpecParams<Completion>& columns = completionColumns();
    static const std::string kText = "INSERT INTO completion (staff_id, module_id, " +
                                     columns.names() + ") VALUES ($1, $2, " + columns.parameters() +
                                     ") ON CONFLICT (staff_id, module_id, completed_on) "
                                     "DO NOTHING RETURNING id";
    Params params{param(staff), param(module)};
    columns.bind(params, c);
    const Result r = m_session.run(kText, params);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return r.int64(0, 0);
}

void TrainingRepo::updateCompletion(const Completion& c) {
    const SpecParams<Completion>& columns = completionColumns();
    const int voided = columns.next();
    static const std::string kText =
        "UPDATE completion SET module_id = (SELECT id FROM module WHERE code = $2), " +
        columns.assignments(Fields::Changeable) + ", voided = $" + std::to_string(voided) +
        "::boolean, void_reason = $" + std::to_string(voided + 1) +
        "::text, version = version + 1 WHERE id = $1" + versionCondition(voided + 2);
    Params params{param(c.id), param(c.moduleCode)};
    columns.bind(params, c, Fields::Changeable);
    params.push_back(flag(c.voided));
    params.push_back(c.voidReason);
    params.push_back(param(c.version.value));
    if (m_session.run(kText, params).affectedRows() == 0) {
        if (c.version.known() &&
            m_session.run("SELECT 1 FROM completion WHERE id = $1", {param(c.id)}).rows() > 0) {
            throw StaleRecord("this completion was saved by someone else meanwhile", "", "");
        }
        throw Conflict("the completion was removed meanwhile");
    }
}

std::optional<Completion> TrainingRepo::completion(RecordId id) {
    static const std::string kText = completionSelect() + "WHERE c.id = $1";
    const Result r = m_session.run(kText, {param(id)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return completionRow(r, 0);
}

std::vector<Completion> TrainingRepo::completionsOf(std::string_view employeeId) {
    static const std::string kText =
        completionSelect() + "WHERE s.employee_id = $1 ORDER BY c.completed_on DESC, m.code";
    const Result r = m_session.run(kText, {param(employeeId)});
    std::vector<Completion> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(completionRow(r, i));
    }
    return out;
}

void TrainingRepo::forEachCountedCompletion(const std::function<void(const Completion&)>& visit) {
    // A batch at a time: a county's two million are never all in memory, here or in a result.
    static const std::string kText = completionSelect() +
                                     "WHERE NOT c.voided ORDER BY s.employee_id, m.code, "
                                     "c.completed_on";
    m_session.forEachBatch(kText, [&](const Result& r) {
        for (int i = 0; i < r.rows(); ++i) {
            visit(completionRow(r, i));
        }
    });
}

std::int64_t TrainingRepo::completionCount(std::string_view moduleCode) {
    const Result r = m_session.run("SELECT count(*) FROM completion WHERE module_id = "
                                   "(SELECT id FROM module WHERE code = $1)",
                                   {param(moduleCode)});
    return r.int64(0, 0);
}

namespace {

StoredCompletion storedRow(const Result& r, int row, RecordId moduleId, Date completedOn) {
    StoredCompletion c;
    c.id = r.int64(row, 0);
    c.moduleId = moduleId;
    c.completedOn = completedOn;
    if (!r.isNull(row, 1)) {
        c.expiresOn = parseIsoDate(r.view(row, 1));
    }
    c.evidence = r.view(row, 2);
    c.voided = r.view(row, 3) == "t";
    c.createdChange = r.isNull(row, 4) ? 0 : r.int64(row, 4);
    c.changedChange = r.isNull(row, 5) ? 0 : r.int64(row, 5);
    return c;
}

} // namespace

std::optional<StoredCompletion> TrainingRepo::findCompletion(RecordId staffId, RecordId moduleId,
                                                             Date completedOn) {
    const Result r =
        m_session.run("SELECT id, expires_on, evidence, voided, created_change, changed_change "
                      "FROM completion WHERE staff_id = $1 AND module_id = $2 AND "
                      "completed_on = $3::date",
                      {param(staffId), param(moduleId), formatIso(completedOn)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return storedRow(r, 0, moduleId, completedOn);
}

void TrainingRepo::storedCompletionsOf(RecordId staffId, std::vector<StoredCompletion>& out) {
    out.clear();
    const Result r = m_session.run("SELECT id, expires_on, evidence, voided, created_change, "
                                   "changed_change, module_id, completed_on FROM completion "
                                   "WHERE staff_id = $1",
                                   {param(staffId)});
    for (int i = 0; i < r.rows(); ++i) {
        const std::optional<Date> completedOn = parseIsoDate(r.view(i, 7));
        if (completedOn) {
            out.push_back(storedRow(r, i, r.int64(i, 6), *completedOn));
        }
    }
}

RecordId TrainingRepo::insertCompletion(RecordId staffId, RecordId moduleId, const Completion& c,
                                        RecordId createdChange) {
    const Result r = m_session.run(
        "INSERT INTO completion (staff_id, module_id, completed_on, expires_on, evidence, "
        "created_change) VALUES ($1, $2, $3::date, $4::date, $5, $6) RETURNING id",
        {param(staffId), param(moduleId), formatIso(c.completedOn), optionalDate(c.expiresOn),
         c.evidence, change(createdChange)});
    return r.int64(0, 0);
}

std::optional<RecordId> TrainingRepo::insertCompletionIfNew(RecordId staffId, RecordId moduleId,
                                                            const Completion& c,
                                                            RecordId createdChange) {
    const Result r = m_session.run(
        "INSERT INTO completion (staff_id, module_id, completed_on, expires_on, evidence, "
        "created_change) VALUES ($1, $2, $3::date, $4::date, $5, $6) "
        "ON CONFLICT (staff_id, module_id, completed_on) DO NOTHING RETURNING id",
        {param(staffId), param(moduleId), formatIso(c.completedOn), optionalDate(c.expiresOn),
         c.evidence, change(createdChange)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return r.int64(0, 0);
}

void TrainingRepo::updateCompletionValues(RecordId id, const Completion& c,
                                          RecordId changedChange) {
    m_session.run("UPDATE completion SET expires_on = $2::date, evidence = $3, "
                  "changed_change = $4, version = version + 1 WHERE id = $1",
                  {param(id), optionalDate(c.expiresOn), c.evidence, change(changedChange)});
}

} // namespace ledger::pg
