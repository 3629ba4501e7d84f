#include "io/importer.h"

#include "base/validation.h"
#include "io/csv.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <map>
#include <set>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ledger {

namespace {

/// An import's columns, from its kind's spec: the fields a store keeps or refers to, those a
/// file may leave out being optional.
template <typename Record> ImportColumns columnsOf(const RecordSpec<Record>& spec) {
    ImportColumns out;
    for (const FieldSpec<Record>& f : spec.fields) {
        (f.mayBeOmitted ? out.optional : out.required).emplace_back(f.name);
    }
    return out;
}

/// Reads a row's text by column name and reports its problems.
class RowReader {
public:
    RowReader(const std::map<std::string, std::size_t>& columns, const CsvRecord& record,
              std::vector<FieldError>& errors, std::string_view file)
        : m_columns(columns), m_record(record), m_errors(errors), m_file(file) {}

    [[nodiscard]] std::string text(const std::string& column) const {
        const auto it = m_columns.find(column);
        if (it == m_columns.end() || it->second >= m_record.fields.size()) {
            return {};
        }
        return m_record.fields[it->second];
    }

    void error(const std::string& column, std::string message) {
        m_errors.push_back(
            FieldError{std::string(m_file), m_record.line, column, std::move(message)});
    }

    [[nodiscard]] int line() const { return m_record.line; }

private:
    const std::map<std::string, std::size_t>& m_columns;
    const CsvRecord& m_record;
    std::vector<FieldError>& m_errors;
    std::string_view m_file;
};

void addValidation(std::vector<FieldError>& errors, std::vector<FieldError> found,
                   std::string_view file, int line,
                   const std::vector<std::string>& alreadyReported) {
    for (FieldError& e : found) {
        // A field that failed to parse is not checked again on its placeholder value.
        if (std::find(alreadyReported.begin(), alreadyReported.end(), e.field) !=
            alreadyReported.end()) {
            continue;
        }
        e.file = std::string(file);
        e.line = line;
        errors.push_back(std::move(e));
    }
}

std::vector<std::string> fieldsReported(const std::vector<FieldError>& errors, std::size_t from) {
    std::vector<std::string> fields;
    for (std::size_t i = from; i < errors.size(); ++i) {
        fields.push_back(errors[i].field);
    }
    return fields;
}

/// Reads a record's fields from a row through its spec, each field from its column (found
/// once per file), reporting what cannot be read in the importer's words.
template <typename Record> class SpecReader {
public:
    SpecReader(const RecordSpec<Record>& spec, const std::map<std::string, std::size_t>& columns)
        : m_spec(spec) {
        for (const FieldSpec<Record>& f : spec.fields) {
            const auto it = columns.find(std::string(f.name));
            m_index.push_back(it == columns.end() ? kAbsent : it->second);
        }
    }

    /// Fills `record` from the row; a field whose column the file leaves out keeps the
    /// stored record's value (`previous`), or its default.
    void read(Record& record, const CsvRecord& row, std::vector<FieldError>& errors,
              std::string_view file, const Record* previous = nullptr) const {
        static const std::string kEmpty;
        for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
            const FieldSpec<Record>& f = m_spec.fields[i];
            if (m_index[i] == kAbsent) {
                if (previous) {
                    (void)f.parse(record, f.format(*previous));
                }
                continue;
            }
            const std::string& cell =
                m_index[i] < row.fields.size() ? row.fields[m_index[i]] : kEmpty;
            // The product's own CSV wrote a text cell that looked like a formula with a
            // leading `'` (rules section 9): read back without it.
            const std::string_view value = isTextCell(f.type) ? fromSpreadsheetSafe(cell) : cell;
            if (auto problem = f.parse(record, value)) {
                errors.push_back(FieldError{std::string(file), row.line, std::string(f.name),
                                            importMessage(f, *problem)});
            }
        }
    }

    [[nodiscard]] bool has(std::string_view name) const {
        for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
            if (m_spec.fields[i].name == name) {
                return m_index[i] != kAbsent;
            }
        }
        return false;
    }

private:
    static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
    const RecordSpec<Record>& m_spec;
    std::vector<std::size_t> m_index;
};

/// Remembers each natural key's first line and record; a different record under the same key
/// is an error, an identical one is harmless.
template <typename Record> class KeyRegistry {
public:
    /// True when the record is new in this file (and should be kept).
    bool add(const std::string& key, const Record& record, int line, RowReader& row,
             const std::string& column, const std::string& what, int& repeats) {
        const auto [it, inserted] = m_seen.try_emplace(key, line, record);
        if (inserted) {
            return true;
        }
        if (it->second.second == record) {
            ++repeats;
        } else {
            row.error(column, what + " is also on line " + std::to_string(it->second.first) +
                                  " with other values");
        }
        return false;
    }

private:
    std::unordered_map<std::string, std::pair<int, Record>> m_seen;
};

/// The name a problem gives a column: its header name, or `(column N)` where the header has
/// none (or one that cannot be shown).
std::string columnName(const std::vector<std::string>* header, std::size_t index) {
    if (header && index < header->size() && !(*header)[index].empty() &&
        !textProblem((*header)[index], TextKind::Name)) {
        return (*header)[index];
    }
    return "(column " + std::to_string(index + 1) + ")";
}

void parseStaff(ParsedImport& out, std::vector<CsvRecord>& rows,
                const std::map<std::string, std::size_t>& columns, std::string_view file,
                const LedgerData& existing, Date today) {
    std::unordered_map<std::string, const Staff*> storedStaff;
    for (const Staff& s : existing.staff) {
        storedStaff.emplace(s.employeeId, &s);
    }
    // References and line-manager chains see the file's people over the ledger's (the first
    // row of an employee id is the one kept).
    ValidationContext context = makeValidationContext(existing, today);
    // Text columns, read as SpecReader reads them (fromSpreadsheetSafe).
    const auto field = [&](const CsvRecord& record, const char* column) {
        const auto it = columns.find(column);
        return it == columns.end() || it->second >= record.fields.size()
                   ? std::string()
                   : std::string(fromSpreadsheetSafe(record.fields[it->second]));
    };
    std::unordered_set<std::string> inFile;
    for (const CsvRecord& record : rows) {
        const std::string id = field(record, "employee_id");
        context.employeeIds.insert(id);
        if (!inFile.insert(id).second) {
            continue;
        }
        StaffLink link{{}, field(record, "full_name")};
        if (columns.contains("line_manager_id")) {
            link.lineManagerId = field(record, "line_manager_id");
        } else if (const auto stored = storedStaff.find(id); stored != storedStaff.end()) {
            link.lineManagerId = stored->second->lineManagerId;
        }
        context.people[id] = std::move(link);
    }
    KeyRegistry<Staff> keys;
    const SpecReader<Staff> reader(staffSpec(), columns);
    for (const CsvRecord& record : rows) {
        const std::size_t before = out.errors.size();
        RowReader row(columns, record, out.errors, file);
        // Optional columns left out of the file keep what the ledger holds; they are not
        // emptied.
        const auto stored = storedStaff.find(field(record, "employee_id"));
        const Staff* previous = stored == storedStaff.end() ? nullptr : stored->second;
        Staff s;
        reader.read(s, record, out.errors, file, previous);
        addValidation(out.errors, validateStaff(s, context), file, record.line,
                      fieldsReported(out.errors, before));
        if (keys.add(s.employeeId, s, record.line, row, "employee_id",
                     "employee id " + s.employeeId, out.repeats)) {
            out.staff.push_back(std::move(s));
            out.lines.push_back(record.line);
        }
    }
}

void parseModules(ParsedImport& out, std::vector<CsvRecord>& rows,
                  const std::map<std::string, std::size_t>& columns, std::string_view file,
                  const LedgerData& existing) {
    std::unordered_map<std::string, const Module*> storedModules;
    for (const Module& m : existing.modules) {
        storedModules.emplace(m.code, &m);
    }
    KeyRegistry<Module> keys;
    const SpecReader<Module> reader(moduleSpec(), columns);
    for (const CsvRecord& record : rows) {
        const std::size_t before = out.errors.size();
        RowReader row(columns, record, out.errors, file);
        // The ASC-WDS delivery columns a file written before them leaves out keep what the
        // ledger holds; they are not emptied.
        const auto stored = storedModules.find(std::string(fromSpreadsheetSafe(row.text("code"))));
        Module m;
        reader.read(m, record, out.errors, file,
                    stored == storedModules.end() ? nullptr : stored->second);
        addValidation(out.errors, validateModule(m), file, record.line,
                      fieldsReported(out.errors, before));
        if (keys.add(m.code, m, record.line, row, "code", "module " + m.code, out.repeats)) {
            out.modules.push_back(std::move(m));
            out.lines.push_back(record.line);
        }
    }
}

void parseRequirements(ParsedImport& out, std::vector<CsvRecord>& rows,
                       const std::map<std::string, std::size_t>& columns, std::string_view file,
                       const LedgerData& existing, Date today) {
    const ValidationContext context = makeValidationContext(existing, today);
    KeyRegistry<Requirement> keys;
    const SpecReader<Requirement> reader(requirementSpec(), columns);
    for (const CsvRecord& record : rows) {
        const std::size_t before = out.errors.size();
        RowReader row(columns, record, out.errors, file);
        Requirement r;
        reader.read(r, record, out.errors, file);
        const std::string scope = row.text("scope");
        addValidation(out.errors, validateRequirement(r, context), file, record.line,
                      fieldsReported(out.errors, before));
        const std::string key = r.moduleCode + '\x1f' + scopeCode(r.scope) + '\x1f' + r.value;
        if (keys.add(key, r, record.line, row, "module",
                     "the rule " + r.moduleCode + "/" + scope + "/" + r.value, out.repeats)) {
            out.requirements.push_back(std::move(r));
            out.lines.push_back(record.line);
        }
    }
}

void parseCompletions(ParsedImport& out, std::vector<CsvRecord>& rows,
                      const std::map<std::string, std::size_t>& columns, std::string_view file,
                      const LedgerData& existing, Date today) {
    const ValidationContext context = makeValidationContext(existing, today);
    const CompletionRowReader reader(columns, file, context);
    std::unordered_map<std::string, std::pair<int, Completion>> seen;
    for (const CsvRecord& record : rows) {
        Completion c = reader.read(record, out.errors);
        const std::string key =
            c.employeeId + '\x1f' + c.moduleCode + '\x1f' + formatIso(c.completedOn);
        const auto [it, inserted] = seen.try_emplace(key, record.line, c);
        if (!inserted) {
            if (it->second.second == c) {
                ++out.repeats;
            } else {
                out.errors.push_back(
                    duplicateCompletionError(c, file, record.line, it->second.first));
            }
            continue;
        }
        out.completions.push_back(std::move(c));
        out.lines.push_back(record.line);
    }
}

} // namespace

struct CompletionRowReader::Columns {
    explicit Columns(const std::map<std::string, std::size_t>& columns)
        : reader(completionSpec(), columns) {}
    SpecReader<Completion> reader;
};

CompletionRowReader::CompletionRowReader(const std::map<std::string, std::size_t>& columns,
                                         std::string_view file, const ValidationContext& context)
    : m_columns(std::make_unique<Columns>(columns)), m_file(file), m_context(context) {
}

CompletionRowReader::~CompletionRowReader() = default;

Completion CompletionRowReader::read(const CsvRecord& record,
                                     std::vector<FieldError>& errors) const {
    const std::size_t before = errors.size();
    Completion c;
    m_columns->reader.read(c, record, errors, m_file);
    auto reported = fieldsReported(errors, before);
    if (std::find(reported.begin(), reported.end(), "completed_on") != reported.end()) {
        reported.push_back("expires_on"); // cannot compare against a missing date
    }
    addValidation(errors, validateCompletion(c, m_context), m_file, record.line, reported);
    return c;
}

Completion readCompletionRow(const CsvRecord& record,
                             const std::map<std::string, std::size_t>& columns,
                             std::string_view file, const ValidationContext& context,
                             std::vector<FieldError>& errors) {
    return CompletionRowReader(columns, file, context).read(record, errors);
}

FieldError duplicateCompletionError(const Completion& c, std::string_view file, int line,
                                    int firstLine) {
    return FieldError{std::string(file), line, "completed_on",
                      "the completion of " + c.moduleCode + " by " + c.employeeId + " on " +
                          formatIso(c.completedOn) + " is also on line " +
                          std::to_string(firstLine) + " with other values"};
}

/// Sorts problems by line and keeps one problem per field: the first found for it (the
/// CSV's, then the characters', then the values').
void sortAndDeduplicate(std::vector<FieldError>& errors) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const FieldError& a, const FieldError& b) { return a.line < b.line; });
    std::set<std::pair<int, std::string>> seen;
    std::vector<FieldError> kept;
    for (FieldError& e : errors) {
        if (e.field.empty() || seen.emplace(e.line, e.field).second) {
            kept.push_back(std::move(e));
        }
    }
    errors = std::move(kept);
}

std::optional<ImportKind> parseImportKind(std::string_view name) {
    if (name == "staff") {
        return ImportKind::Staff;
    }
    if (name == "modules") {
        return ImportKind::Modules;
    }
    if (name == "requirements") {
        return ImportKind::Requirements;
    }
    if (name == "completions") {
        return ImportKind::Completions;
    }
    if (name == "themes") {
        return ImportKind::Themes;
    }
    if (name == "sessions") {
        return ImportKind::Sessions;
    }
    if (name == "booking-actions") {
        return ImportKind::BookingActions;
    }
    if (name == "cpd") {
        return ImportKind::Cpd;
    }
    if (name == "trusted-assessors") {
        return ImportKind::TrustedAssessors;
    }
    if (name == "asye") {
        return ImportKind::Asye;
    }
    if (name == "supervisions") {
        return ImportKind::Supervisions;
    }
    if (name == "apprenticeships") {
        return ImportKind::Apprenticeships;
    }
    if (name == "otj-hours") {
        return ImportKind::OtjHours;
    }
    if (name == "apprenticeship-reviews") {
        return ImportKind::ApprenticeshipReviews;
    }
    return std::nullopt;
}

std::string importKindName(ImportKind kind) {
    switch (kind) {
    case ImportKind::Staff:
        return "staff";
    case ImportKind::Modules:
        return "modules";
    case ImportKind::Requirements:
        return "requirements";
    case ImportKind::Completions:
        return "completions";
    case ImportKind::Themes:
        return "themes";
    case ImportKind::Sessions:
        return "sessions";
    case ImportKind::BookingActions:
        return "booking-actions";
    case ImportKind::Cpd:
        return "cpd";
    case ImportKind::TrustedAssessors:
        return "trusted-assessors";
    case ImportKind::Asye:
        return "asye";
    case ImportKind::Supervisions:
        return "supervisions";
    case ImportKind::Apprenticeships:
        return "apprenticeships";
    case ImportKind::OtjHours:
        return "otj-hours";
    case ImportKind::ApprenticeshipReviews:
        return "apprenticeship-reviews";
    }
    return {};
}

const ImportColumns& importColumns(ImportKind kind) {
    static const ImportColumns kStaff = columnsOf(staffSpec());
    static const ImportColumns kModules = columnsOf(moduleSpec());
    static const ImportColumns kRequirements = columnsOf(requirementSpec());
    static const ImportColumns kCompletions = columnsOf(completionSpec());
    // rules/sessions.md section 8, in the order its problems are sorted by.
    static const ImportColumns kThemes{{"key", "title", "description", "source", "raised_on",
                                        "priority", "status", "owner_id", "modules"},
                                       {}};
    static const ImportColumns kSessions{{"key", "kind", "title", "starts_at", "ends_at",
                                          "facilitator_id", "speaker", "organisation", "capacity",
                                          "teams", "roles", "themes", "module", "repeat", "nth",
                                          "count", "until"},
                                         {}};
    static const ImportColumns kBookingActions{{"session", "at", "action", "employee_id", "value"},
                                               {}};
    // rules/learning-record.md section 8.
    static const ImportColumns kCpd{{"employee_id", "date", "title", "type", "hours", "description",
                                     "learning", "impact", "peer_reflection", "standards", "themes",
                                     "status"},
                                    {}};
    static const ImportColumns kTrustedAssessors{
        {"employee_id", "level", "categories", "trained_on", "observed_assessments",
         "signed_off_by", "signed_off_on", "refresher_months", "refreshers", "restrictions",
         "withdrawn_on"},
        {}};
    static const ImportColumns kAsye{{"employee_id", "start_date", "assessor_id", "supervisor_id",
                                      "protected_time_percent", "nine_month_review",
                                      "extension_months", "outcome_3m", "outcome_6m", "outcome_9m",
                                      "outcome_final", "outcome"},
                                     {}};
    static const ImportColumns kSupervisions{{"employee_id", "date"}, {}};
    static const ImportColumns kApprenticeships{
        {"employee_id", "standard_code", "standard_title", "provider", "start_date",
         "planned_end_date", "planned_otj_hours", "review_interval_weeks", "breaks", "gateway_date",
         "epa_date", "epa_result", "withdrawn_on"},
        {}};
    static const ImportColumns kOtjHours{{"employee_id", "standard_code", "date", "hours"}, {}};
    static const ImportColumns kApprenticeshipReviews{
        {"employee_id", "standard_code", "date", "outcome", "notes"}, {}};
    switch (kind) {
    case ImportKind::Staff:
        return kStaff;
    case ImportKind::Modules:
        return kModules;
    case ImportKind::Requirements:
        return kRequirements;
    case ImportKind::Completions:
        return kCompletions;
    case ImportKind::Themes:
        return kThemes;
    case ImportKind::Sessions:
        return kSessions;
    case ImportKind::BookingActions:
        return kBookingActions;
    case ImportKind::Cpd:
        return kCpd;
    case ImportKind::TrustedAssessors:
        return kTrustedAssessors;
    case ImportKind::Asye:
        return kAsye;
    case ImportKind::Supervisions:
        return kSupervisions;
    case ImportKind::Apprenticeships:
        return kApprenticeships;
    case ImportKind::OtjHours:
        return kOtjHours;
    case ImportKind::ApprenticeshipReviews:
        return kApprenticeshipReviews;
    }
    return kStaff;
}

ImportRows::ImportRows(ImportKind kind, std::string fileName, CsvSource& source)
    : m_file(std::move(fileName)), m_reader(std::make_unique<CsvReader>(source)) {
    CsvRecord first;
    const bool any = m_reader->next(first, m_csvErrors);
    m_hasHeader = any && first.line == 1;
    if (!m_hasHeader) {
        takeCsvErrors();
        return;
    }
    m_header = std::move(first.fields);
    takeCsvErrors();
    const ImportColumns& expected = importColumns(kind);
    const std::string& file = m_file;
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        const std::string& name = m_header[i];
        if (auto problem = textProblem(name, TextKind::Name)) {
            m_errors.push_back(
                FieldError{file, 1, columnName(nullptr, i), "the header name " + *problem});
            continue;
        }
        const bool known = std::find(expected.required.begin(), expected.required.end(), name) !=
                               expected.required.end() ||
                           std::find(expected.optional.begin(), expected.optional.end(), name) !=
                               expected.optional.end();
        if (!known) {
            m_notices.push_back(FieldError{file, 1, name.empty() ? "(unnamed)" : name,
                                           "column is not used by a " + importKindName(kind) +
                                               " import and was ignored"});
            continue;
        }
        if (!m_columns.try_emplace(name, i).second) {
            m_errors.push_back(FieldError{file, 1, name, "column appears twice in the header"});
        }
    }
    for (const std::string& name : expected.required) {
        if (!m_columns.contains(name)) {
            m_errors.push_back(FieldError{file, 1, name, "column is missing from the header"});
        }
    }
    // Without a usable header no record can be read; otherwise every record is checked,
    // whatever broken quoting elsewhere in the file.
    m_headerOk = std::none_of(m_errors.begin(), m_errors.end(),
                              [](const FieldError& e) { return e.line == 1; });
    // What is not text is refused field by field before anything reads it (rules section 7):
    // ids, codes, names and plain values strictly, free text and ignored columns allowing
    // tabs and line breaks.
    // The sessions feature's imports check their own keys and names (rules/sessions.md
    // section 9), and their titles may run over lines.
    const bool ownChecks = kind == ImportKind::Themes || kind == ImportKind::Sessions ||
                           kind == ImportKind::BookingActions;
    for (const std::string& name : m_header) {
        // The learning record's imports check their own texts (rules/learning-record.md
        // section 9).
        const bool learningRecord =
            kind == ImportKind::Cpd || kind == ImportKind::TrustedAssessors ||
            kind == ImportKind::Asye || kind == ImportKind::Supervisions ||
            kind == ImportKind::Apprenticeships || kind == ImportKind::OtjHours ||
            kind == ImportKind::ApprenticeshipReviews;
        m_kinds.push_back(learningRecord                           ? TextKind::AnyText
                          : m_columns.contains(name) && !ownChecks ? textKindOf(name)
                                                                   : TextKind::FreeText);
    }
}

ImportRows::~ImportRows() = default;

void ImportRows::takeCsvErrors() {
    const std::vector<std::string>* names = m_hasHeader ? &m_header : nullptr;
    for (CsvError& e : m_csvErrors) {
        m_errors.push_back(
            FieldError{m_file, e.line, columnName(names, e.column), std::move(e.message)});
    }
    m_csvErrors.clear();
}

std::uint64_t ImportRows::position() const {
    return m_reader->position();
}

bool ImportRows::next(CsvRecord& record) {
    if (m_ended) {
        return false;
    }
    while (m_reader->next(record, m_csvErrors)) {
        takeCsvErrors();
        if (!m_headerOk) {
            continue; // read on only for the problems
        }
        if (record.fields.size() != m_header.size()) {
            // Named after the first field missing, or the first one too many.
            m_errors.push_back(
                FieldError{m_file, record.line,
                           columnName(&m_header, std::min(record.fields.size(), m_header.size())),
                           "the record has " + std::to_string(record.fields.size()) +
                               " fields but the header has " + std::to_string(m_header.size())});
            continue;
        }
        for (std::size_t f = 0; f < record.fields.size(); ++f) {
            if (auto problem = textProblem(record.fields[f], m_kinds[f])) {
                m_errors.push_back(
                    FieldError{m_file, record.line, columnName(&m_header, f), std::move(*problem)});
            }
        }
        return true;
    }
    takeCsvErrors();
    m_ended = true;
    if (!m_hasHeader && m_errors.empty()) {
        m_errors.push_back(FieldError{m_file, 1, {}, "the file has no header line"});
    }
    return false;
}

ParsedImport parseImport(ImportKind kind, std::string_view fileName, std::string_view text,
                         const LedgerData& existing, Date today) {
    MemoryCsvSource source(text);
    return parseImport(kind, fileName, source, existing, today);
}

ParsedImport parseImport(ImportKind kind, std::string_view fileName, CsvSource& source,
                         const LedgerData& existing, Date today) {
    ParsedImport out;
    out.kind = kind;
    const std::string file(fileName);
    out.file = file;
    ImportRows reader(kind, file, source);
    std::vector<CsvRecord> rows;
    CsvRecord record;
    while (reader.next(record)) {
        rows.push_back(std::move(record));
    }
    out.notices = std::move(reader.notices());
    if (!reader.headerOk()) {
        out.errors = std::move(reader.errors());
        sortAndDeduplicate(out.errors);
        return out;
    }
    out.errors = std::move(reader.errors());
    const auto& columns = reader.columns();
    switch (kind) {
    case ImportKind::Staff:
        parseStaff(out, rows, columns, file, existing, today);
        break;
    case ImportKind::Modules:
        parseModules(out, rows, columns, file, existing);
        break;
    case ImportKind::Requirements:
        parseRequirements(out, rows, columns, file, existing, today);
        break;
    case ImportKind::Completions:
        parseCompletions(out, rows, columns, file, existing, today);
        break;
    case ImportKind::Themes:
    case ImportKind::Sessions:
    case ImportKind::BookingActions:
    case ImportKind::Cpd:
    case ImportKind::TrustedAssessors:
    case ImportKind::Asye:
    case ImportKind::Supervisions:
    case ImportKind::Apprenticeships:
    case ImportKind::OtjHours:
    case ImportKind::ApprenticeshipReviews:
        throw std::logic_error("themes, sessions, booking actions and CPD are imported by "
                               "their features");
    }
    sortAndDeduplicate(out.errors);
    return out;
}

namespace {

std::string tooLargeMessage() {
    return "is larger than " + std::to_string(kMaxImportFileBytes >> 20) +
           " MiB, the most an import file may be";
}

/// Opens a file to import after readImportFile's checks; returns the descriptor and size.
std::pair<int, std::uint64_t> openImportFile(const std::filesystem::path& path) {
    const std::string name = path.string();
    const auto refuse = [&](const std::string& why) {
        return ImportFileError(name + ": " + why);
    };
    const std::string tooLarge = tooLargeMessage();
    const auto whatItIs = [&](const struct stat& info) -> std::string {
        if (S_ISDIR(info.st_mode)) {
            return "is a folder, not a file";
        }
        if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) {
            return "is a device, not a file";
        }
        if (S_ISFIFO(info.st_mode)) {
            return "is a pipe, not a file (save what it gives to a file and import that)";
        }
        if (S_ISSOCK(info.st_mode)) {
            return "is a socket, not a file";
        }
        if (!S_ISREG(info.st_mode)) {
            return "is not a regular file";
        }
        if (static_cast<std::uint64_t>(info.st_size) > kMaxImportFileBytes) {
            return tooLarge;
        }
        return {};
    };
    // Look before opening (opening some devices does something), then check what was opened.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        throw refuse(error == ENOENT ? std::string("there is no such file")
                                     : "cannot be read: " + std::generic_category().message(error));
    }
    if (std::string why = whatItIs(info); !why.empty()) {
        throw refuse(why);
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        throw refuse("cannot be read: " + std::generic_category().message(errno));
    }
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        throw refuse("cannot be read: " + std::generic_category().message(error));
    }
    if (std::string why = whatItIs(info); !why.empty()) {
        ::close(fd);
        throw refuse(why);
    }
    return {fd, static_cast<std::uint64_t>(info.st_size)};
}

std::string hex(const unsigned char* bytes, unsigned int n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0F];
    }
    return out;
}

} // namespace

std::string readImportFile(const std::filesystem::path& path) {
    ImportFile file(path);
    std::string content;
    content.reserve(static_cast<std::size_t>(file.size()));
    for (std::string_view piece = file.next(); !piece.empty(); piece = file.next()) {
        content.append(piece);
    }
    return content;
}

struct ImportFile::Hash {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~Hash() { EVP_MD_CTX_free(context); }
};

ImportFile::ImportFile(const std::filesystem::path& path) : m_path(path.string()) {
    std::tie(m_fd, m_size) = openImportFile(path);
    m_hash = std::make_unique<Hash>();
    if (!m_hash->context || EVP_DigestInit_ex(m_hash->context, EVP_sha256(), nullptr) != 1) {
        ::close(m_fd);
        throw Error("cannot start a SHA-256 digest");
    }
}

ImportFile::~ImportFile() {
    ::close(m_fd);
}

std::string_view ImportFile::next() {
    constexpr std::size_t kChunk = 1 << 20;
    // One byte past the limit is enough to know a file grew beyond it.
    const std::uint64_t room =
        kMaxImportFileBytes + 1 - std::min(m_offset, kMaxImportFileBytes + 1);
    if (room == 0) {
        throw ImportFileError(m_path + ": " + tooLargeMessage());
    }
    m_buffer.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, room)));
    ssize_t got = 0;
    for (;;) {
        got = ::pread(m_fd, m_buffer.data(), m_buffer.size(), static_cast<off_t>(m_offset));
        if (got < 0 && errno == EINTR) {
            continue;
        }
        break;
    }
    if (got < 0) {
        throw ImportFileError(m_path +
                              ": cannot be read: " + std::generic_category().message(errno));
    }
    m_buffer.resize(static_cast<std::size_t>(got));
    if (m_offset + static_cast<std::uint64_t>(got) > kMaxImportFileBytes) {
        throw ImportFileError(m_path + ": " + tooLargeMessage());
    }
    // Each byte is hashed once, the first time it is read.
    const std::uint64_t end = m_offset + static_cast<std::uint64_t>(got);
    if (end > m_hashed && m_offset <= m_hashed) {
        const std::size_t from = static_cast<std::size_t>(m_hashed - m_offset);
        EVP_DigestUpdate(m_hash->context, m_buffer.data() + from, m_buffer.size() - from);
        m_hashed = end;
    }
    m_offset = end;
    return m_buffer;
}

void ImportFile::seek(std::uint64_t offset) {
    m_offset = offset;
}

std::string ImportFile::sha256() {
    if (m_hashed < m_offset || m_offset < m_hashed) {
        m_offset = m_hashed;
    }
    while (!next().empty()) {
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, m_hash->context);
    EVP_DigestFinal_ex(copy, digest, &length);
    EVP_MD_CTX_free(copy);
    return hex(digest, length);
}

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    return hex(digest, length);
}

} // namespace ledger
