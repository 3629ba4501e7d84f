#include "archive/portfolio.h"

#include "archive/sealed_file.h"
#include "audit/change_entries.h"
#include "base/checks.h"
#include "cpd/cpd_repository.h"
#include "cpd/cpd_service.h"
#include "io/importer.h"
#include "programmes/programme_service.h"
#include "sessions/session_service.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace ledger::archive {

namespace {

// ---- tables: columns by name ---------------------------------------------------------------

/// A record kind's columns: `id`, then its spec's field names (but those left out), then
/// `extra`.
template <typename Record>
std::vector<std::string> specColumns(const RecordSpec<Record>& spec,
                                     const std::set<std::string_view>& leaveOut = {},
                                     const std::vector<std::string>& extra = {}) {
    std::vector<std::string> columns{"id"};
    for (const FieldSpec<Record>& f : spec.fields) {
        if (leaveOut.count(f.name) == 0) {
            columns.emplace_back(f.name);
        }
    }
    columns.insert(columns.end(), extra.begin(), extra.end());
    return columns;
}

/// A record's row for `columns` (from specColumns): its id, its fields as their spec writes
/// them, then `extra` in order.
template <typename Record>
RawRow specRow(const RecordSpec<Record>& spec, const std::vector<std::string>& columns, RecordId id,
               const Record& record, const std::vector<std::string>& extra = {}) {
    RawRow row;
    row.reserve(columns.size());
    row.emplace_back(std::to_string(id));
    for (std::size_t i = 1; i < columns.size() - extra.size(); ++i) {
        const FieldSpec<Record>& f = spec.at(columns[i]);
        // A date never set (a record the ledger holds always has one) is NULL, not 0000-00-00.
        if (const std::optional<Date> day = f.dateOf ? f.dateOf(record) : std::nullopt;
            day && !day->ok()) {
            row.emplace_back(std::nullopt);
        } else {
            row.emplace_back(f.format(record));
        }
    }
    for (const std::string& value : extra) {
        row.emplace_back(value);
    }
    return row;
}

/// A table as it was read: its columns by name.
struct ReadTable {
    TableColumns head;
    std::vector<RawRow> rows;

    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const {
        const auto found = std::find(head.columns.begin(), head.columns.end(), name);
        return found == head.columns.end() ? std::nullopt
                                           : std::optional<std::size_t>(static_cast<std::size_t>(
                                                 found - head.columns.begin()));
    }
    /// A row's value of a column: empty when the portfolio has no such column or a NULL.
    [[nodiscard]] std::string value(const RawRow& row, std::string_view name) const {
        const auto at = column(name);
        return at && row[*at] ? *row[*at] : std::string();
    }
    [[nodiscard]] RecordId id(const RawRow& row, std::string_view name) const {
        const std::string text = value(row, name);
        RecordId out = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (!text.empty() && (ec != std::errc{} || end != text.data() + text.size())) {
            throw ArchiveDamaged("the portfolio is damaged: " + head.table + "." +
                                 std::string(name) + " is not a number");
        }
        return out;
    }
};

/// A record from a row, each column its spec knows parsed by its spec; columns it does not
/// know (a later version's) are passed over, and a missing one leaves the field's default.
template <typename Record>
Record specRecord(const RecordSpec<Record>& spec, const ReadTable& table, const RawRow& row) {
    Record record{};
    for (std::size_t i = 0; i < table.head.columns.size(); ++i) {
        const FieldSpec<Record>* f = spec.find(table.head.columns[i]);
        if (!f || !row[i]) {
            continue;
        }
        const std::optional<FieldProblem> problem = f->parse(record, *row[i]);
        if (problem && !(row[i]->empty() && problem->kind == FieldProblem::Kind::Missing)) {
            throw ArchiveDamaged("the portfolio is damaged: " + table.head.table + "." +
                                 std::string(f->name) + " holds '" + *row[i] +
                                 "', which this version cannot read");
        }
    }
    return record;
}

const std::set<std::string_view> kPersonLeftOut{"email", "line_manager_id"};
const std::vector<std::string> kFileColumns{"name", "media_type", "sha256", "content"};

std::vector<std::string> fileColumns(const char* owner) {
    std::vector<std::string> columns{"id", owner};
    columns.insert(columns.end(), kFileColumns.begin(), kFileColumns.end());
    return columns;
}

const std::vector<std::string> kSessionColumns{
    "id", "key", "kind", "title", "starts_at", "ends_at", "speaker", "organisation", "module"};

void writeTable(PayloadWriter& writer, const std::string& name,
                const std::vector<std::string>& columns, const std::vector<RawRow>& rows) {
    writer.beginTable(TableColumns{name, columns});
    for (const RawRow& row : rows) {
        writer.row(row);
    }
    writer.endTable();
}

template <typename Record>
void writeSpecTable(PayloadWriter& writer, const std::string& name, const RecordSpec<Record>& spec,
                    const std::vector<Record>& records) {
    const std::vector<std::string> columns = specColumns(spec);
    std::vector<RawRow> rows;
    RecordId id = 0;
    for (const Record& r : records) {
        rows.push_back(specRow(spec, columns, ++id, r));
    }
    writeTable(writer, name, columns, rows);
}

template <typename Record>
std::vector<Record> readSpecTable(const RecordSpec<Record>& spec, const ReadTable* table) {
    std::vector<Record> out;
    if (table) {
        for (const RawRow& row : table->rows) {
            out.push_back(specRecord(spec, *table, row));
        }
    }
    return out;
}

PortfolioFile fileFrom(const ReadTable& table, const RawRow& row) {
    PortfolioFile file;
    file.name = table.value(row, "name");
    file.mediaType = table.value(row, "media_type");
    file.bytes = table.value(row, "content");
    // The seal vouches for the bytes; the hash is worked out again rather than trusted.
    file.sha256 = sha256Hex(file.bytes);
    return file;
}

RawRow fileRow(RecordId id, RecordId owner, const PortfolioFile& file) {
    return RawRow{std::to_string(id), std::to_string(owner), file.name,
                  file.mediaType,     file.sha256,           file.bytes};
}

} // namespace

PortfolioCounts countsOf(const Portfolio& p) {
    PortfolioCounts counts;
    counts.completions = p.completions.size();
    for (const PortfolioCompletion& c : p.completions) {
        counts.certificates += c.certificates.size();
    }
    counts.cpdEntries = p.cpd.size();
    for (const PortfolioCpdEntry& e : p.cpd) {
        counts.evidence += e.evidence.size();
    }
    counts.sessions = p.sessions.size();
    counts.programmeRecords = (p.asye ? 1 : 0) + p.supervisions.size() + p.apprenticeships.size() +
                              p.otj.size() + p.reviews.size();
    return counts;
}

// ---- the payload ----------------------------------------------------------------------------

void writePortfolioPayload(const Portfolio& p, int schemaVersion, std::ostream& out) {
    ArchiveInfo info;
    info.kind = std::string(kPortfolioKind);
    info.schemaVersion = schemaVersion;
    info.writtenBy = p.writtenBy;
    info.subject = p.person.employeeId;
    PayloadWriter writer(out, info);

    const std::vector<std::string> personColumns =
        specColumns(staffSpec(), kPersonLeftOut, {"format", "exported_on"});
    writeTable(writer, "portfolio", personColumns,
               {specRow(staffSpec(), personColumns, 1, p.person,
                        {std::to_string(p.format), formatIso(p.exportedOn)})});

    const std::vector<std::string> completionColumns =
        specColumns(completionSpec(), {}, {"voided", "void_reason", "module_title"});
    std::vector<RawRow> completions;
    std::vector<RawRow> certificates;
    for (const PortfolioCompletion& c : p.completions) {
        completions.push_back(
            specRow(completionSpec(), completionColumns, c.completion.id, c.completion,
                    {c.completion.voided ? "1" : "0", c.completion.voidReason, c.moduleTitle}));
        for (const PortfolioFile& f : c.certificates) {
            certificates.push_back(
                fileRow(static_cast<RecordId>(certificates.size()) + 1, c.completion.id, f));
        }
    }
    writeTable(writer, "completion", completionColumns, completions);
    writeTable(writer, "certificate", fileColumns("completion_id"), certificates);

    const std::vector<std::string> cpdColumns =
        specColumns(cpdSpec(), {"source"}, {"source_completion_id", "source_session"});
    std::vector<RawRow> entries;
    std::vector<RawRow> evidence;
    for (const PortfolioCpdEntry& e : p.cpd) {
        entries.push_back(
            specRow(cpdSpec(), cpdColumns, e.entry.id, e.entry,
                    {e.sourceCompletion == 0 ? std::string() : std::to_string(e.sourceCompletion),
                     e.sourceSession}));
        for (const PortfolioFile& f : e.evidence) {
            evidence.push_back(fileRow(static_cast<RecordId>(evidence.size()) + 1, e.entry.id, f));
        }
    }
    writeTable(writer, "cpd_entry", cpdColumns, entries);
    writeTable(writer, "evidence", fileColumns("cpd_entry_id"), evidence);

    std::vector<std::string> sessionColumns = kSessionColumns;
    sessionColumns.emplace_back("state");
    std::vector<RawRow> sessions;
    for (const PortfolioSession& s : p.sessions) {
        sessions.push_back(specRow(sessionSpec(), sessionColumns,
                                   static_cast<RecordId>(sessions.size()) + 1, s.session,
                                   {s.state}));
    }
    writeTable(writer, "session_attended", sessionColumns, sessions);

    std::vector<AsyeEnrolment> asye;
    if (p.asye) {
        asye.push_back(*p.asye);
    }
    writeSpecTable(writer, "asye", asyeSpec(), asye);
    writeSpecTable(writer, "supervision", supervisionSpec(), p.supervisions);
    writeSpecTable(writer, "apprenticeship", apprenticeshipSpec(), p.apprenticeships);
    writeSpecTable(writer, "otj", otjEntrySpec(), p.otj);
    writeSpecTable(writer, "review", apprenticeshipReviewSpec(), p.reviews);
    writer.finish();
}

Portfolio readPortfolioPayload(std::istream& in) {
    PayloadReader reader(in);
    const ArchiveInfo& info = reader.info();
    if (info.kind != kPortfolioKind) {
        throw ArchiveDamaged(
            "this archive holds " +
            (info.kind == kLedgerKind
                 ? std::string("a whole ledger, not one person's portfolio: restore it into a "
                               "new ledger with archive import")
                 : "something other than a portfolio (" + info.kind + ")"));
    }
    // Every table read whole (a portfolio is one person's: its files are the most of it).
    std::map<std::string, ReadTable, std::less<>> tables;
    bool first = true;
    ReadTable table;
    while (reader.nextTable(table.head)) {
        if (first && table.head.table != "portfolio") {
            throw ArchiveDamaged("the portfolio is damaged: it does not begin with its format");
        }
        first = false;
        table.rows.clear();
        RawRow row;
        while (reader.nextRow(row)) {
            table.rows.push_back(std::move(row));
        }
        if (table.head.table == "portfolio") {
            const std::string format =
                table.rows.size() == 1 ? table.value(table.rows[0], "format") : std::string();
            if (format.empty()) {
                throw ArchiveDamaged("the portfolio is damaged: it does not say its format");
            }
            if (format != std::to_string(kPortfolioFormat)) {
                // Format 1 is the only one there has been: anything else is a later one.
                throw ArchiveDamaged("the portfolio was written by a newer version of Practice "
                                     "Ledger (its format is " +
                                     format +
                                     "): install that version, or a later one, to "
                                     "read it");
            }
        }
        // A table this version does not know (a later version's) is passed over.
        tables[table.head.table] = std::move(table);
        table = ReadTable{};
    }
    if (first) {
        throw ArchiveDamaged("the portfolio is damaged: it holds no tables");
    }
    const auto find = [&](std::string_view name) -> const ReadTable* {
        const auto found = tables.find(name);
        return found == tables.end() ? nullptr : &found->second;
    };

    Portfolio p;
    p.writtenBy = info.writtenBy;
    const ReadTable& head = *find("portfolio");
    p.person = specRecord(staffSpec(), head, head.rows[0]);
    p.exportedOn = parseIsoDate(head.value(head.rows[0], "exported_on")).value_or(Date{});
    if (p.person.employeeId != info.subject) {
        throw ArchiveDamaged("the portfolio is damaged: it names two different people");
    }

    std::unordered_map<RecordId, std::size_t> completionAt;
    if (const ReadTable* t = find("completion")) {
        for (const RawRow& row : t->rows) {
            PortfolioCompletion c;
            c.completion = specRecord(completionSpec(), *t, row);
            c.completion.id = t->id(row, "id");
            c.completion.voided = t->value(row, "voided") == "1";
            c.completion.voidReason = t->value(row, "void_reason");
            c.moduleTitle = t->value(row, "module_title");
            if (!completionAt.emplace(c.completion.id, p.completions.size()).second) {
                throw ArchiveDamaged("the portfolio is damaged: two completions have one id");
            }
            p.completions.push_back(std::move(c));
        }
    }
    if (const ReadTable* t = find("certificate")) {
        for (const RawRow& row : t->rows) {
            const auto owner = completionAt.find(t->id(row, "completion_id"));
            if (owner == completionAt.end()) {
                throw ArchiveDamaged("the portfolio is damaged: a certificate has no completion");
            }
            p.completions[owner->second].certificates.push_back(fileFrom(*t, row));
        }
    }
    std::unordered_map<RecordId, std::size_t> entryAt;
    if (const ReadTable* t = find("cpd_entry")) {
        for (const RawRow& row : t->rows) {
            PortfolioCpdEntry e;
            e.entry = specRecord(cpdSpec(), *t, row);
            e.entry.id = t->id(row, "id");
            e.entry.source.reset();
            e.sourceCompletion = t->id(row, "source_completion_id");
            e.sourceSession = t->value(row, "source_session");
            if (!entryAt.emplace(e.entry.id, p.cpd.size()).second) {
                throw ArchiveDamaged("the portfolio is damaged: two CPD entries have one id");
            }
            p.cpd.push_back(std::move(e));
        }
    }
    if (const ReadTable* t = find("evidence")) {
        for (const RawRow& row : t->rows) {
            const auto owner = entryAt.find(t->id(row, "cpd_entry_id"));
            if (owner == entryAt.end()) {
                throw ArchiveDamaged("the portfolio is damaged: an evidence file has no entry");
            }
            p.cpd[owner->second].evidence.push_back(fileFrom(*t, row));
        }
    }
    if (const ReadTable* t = find("session_attended")) {
        for (const RawRow& row : t->rows) {
            p.sessions.push_back(
                PortfolioSession{specRecord(sessionSpec(), *t, row), t->value(row, "state")});
        }
    }
    std::vector<AsyeEnrolment> asye = readSpecTable(asyeSpec(), find("asye"));
    if (!asye.empty()) {
        p.asye = std::move(asye.front());
    }
    p.supervisions = readSpecTable(supervisionSpec(), find("supervision"));
    p.apprenticeships = readSpecTable(apprenticeshipSpec(), find("apprenticeship"));
    p.otj = readSpecTable(otjEntrySpec(), find("otj"));
    p.reviews = readSpecTable(apprenticeshipReviewSpec(), find("review"));
    return p;
}

Portfolio readPortfolio(const std::filesystem::path& path, std::string_view passphrase,
                        const Progress* progress) {
    Portfolio p;
    readSealedFile(path, passphrase, progress,
                   [&](std::istream& in) { p = readPortfolioPayload(in); });
    return p;
}

// ---- export ---------------------------------------------------------------------------------

PortfolioService::PortfolioService(UnitOfWork& work) : m_work(work) {
}

Portfolio PortfolioService::collect(std::string_view employeeId, Date today) {
    Store& store = m_work.store();
    const std::string account = store.accountEmployeeId();
    if (!account.empty() && account != employeeId) {
        throw NotPermitted("a login tied to a person exports that person's portfolio only (this "
                           "login is " +
                           account + "'s, not " + std::string(employeeId) + "'s)");
    }
    std::optional<Staff> person = store.staff().staffMember(employeeId);
    if (!person) {
        throw ValidationError({FieldError{
            {}, 0, "employee_id", "no staff member has employee id " + std::string(employeeId)}});
    }
    Portfolio p;
    p.writtenBy = writtenBy();
    p.exportedOn = today;
    p.person = std::move(*person);
    p.person.version = {};

    CpdRepository& files = store.cpd();
    const auto filesOf = [&](AttachmentOwner owner, RecordId id) {
        std::vector<PortfolioFile> out;
        for (const Attachment& a : files.attachments(owner, id)) {
            std::optional<std::string> bytes = files.attachmentBytes(a.id);
            if (bytes) {
                out.push_back(PortfolioFile{a.name, a.mediaType, a.sha256, std::move(*bytes)});
            }
        }
        return out;
    };
    std::unordered_map<std::string, std::string> moduleTitles;
    for (const Module& m : store.training().loadCatalog().modules) {
        moduleTitles[m.code] = m.title;
    }
    for (Completion& c : store.training().completionsOf(employeeId)) {
        PortfolioCompletion item;
        item.certificates = filesOf(AttachmentOwner::Completion, c.id);
        item.moduleTitle = moduleTitles[c.moduleCode];
        c.version = {};
        item.completion = std::move(c);
        p.completions.push_back(std::move(item));
    }
    for (CpdEntry& e : CpdService(m_work).of(employeeId)) {
        PortfolioCpdEntry item;
        item.evidence = filesOf(AttachmentOwner::CpdEntry, e.id);
        if (e.source) {
            if (const auto* s = std::get_if<CpdSessionSource>(&*e.source)) {
                item.sourceSession = s->sessionKey;
            } else if (const auto* c = std::get_if<CpdCompletionSource>(&*e.source)) {
                item.sourceCompletion = c->completionId;
            }
        }
        e.source.reset();
        e.version = {};
        item.entry = std::move(e);
        p.cpd.push_back(std::move(item));
    }
    for (SessionWithBookings& s : SessionService(m_work).all()) {
        const Booking* booking = s.outcome.find(employeeId);
        if (booking && booking->state == BookingState::Attended) {
            s.session.version = {};
            p.sessions.push_back(PortfolioSession{std::move(s.session),
                                                  std::string(bookingStateCode(booking->state))});
        }
    }
    const PersonProgrammes programmes =
        ProgrammeService(m_work).personProgrammes(employeeId, today);
    p.asye = programmes.enrolment;
    p.supervisions = programmes.supervisions;
    for (const PersonProgrammes::Apprenticeship& a : programmes.apprenticeships) {
        p.apprenticeships.push_back(a.apprenticeship);
        p.otj.insert(p.otj.end(), a.otj.begin(), a.otj.end());
        p.reviews.insert(p.reviews.end(), a.reviews.begin(), a.reviews.end());
    }
    return p;
}

PortfolioCounts PortfolioService::exportPortfolio(std::string_view employeeId,
                                                  const std::filesystem::path& path,
                                                  std::string_view passphrase, Date today,
                                                  const Progress* progress, KdfCost cost) {
    reportProgress(progress, 0.0, "exporting the portfolio was cancelled");
    const Portfolio p = collect(employeeId, today);
    const int schema = m_work.store().schemaVersion();
    writeSealedFile(path, passphrase, cost, progress, [&](std::ostream& out, const Progress*) {
        writePortfolioPayload(p, schema, out);
    });
    return countsOf(p);
}

// ---- import ---------------------------------------------------------------------------------

namespace {

/// A file set as compared: names and contents, in order.
std::vector<std::pair<std::string, std::string>> fileKeys(const std::vector<PortfolioFile>& files) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const PortfolioFile& f : files) {
        out.emplace_back(f.name, f.sha256);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::pair<std::string, std::string>> fileKeys(const std::vector<Attachment>& files) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Attachment& f : files) {
        out.emplace_back(f.name, f.sha256);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// The names of the fields whose values differ.
std::vector<std::string> differing(const Fields& a, const Fields& b) {
    std::vector<std::string> out;
    for (const auto& field : changedFields(a, b).first) {
        out.push_back(field.first);
    }
    return out;
}

PortfolioItem completionItem(const PortfolioCompletion& c) {
    PortfolioItem item;
    item.kind = PortfolioItem::Kind::Completion;
    item.moduleCode = c.completion.moduleCode;
    item.title = c.moduleTitle;
    item.date = c.completion.completedOn;
    item.voided = c.completion.voided;
    item.files = c.certificates.size();
    return item;
}

PortfolioItem cpdItem(const PortfolioCpdEntry& e) {
    PortfolioItem item;
    item.kind = PortfolioItem::Kind::CpdEntry;
    item.title = e.entry.title;
    item.date = e.entry.date;
    item.draft = e.entry.status == CpdStatus::Draft;
    item.files = e.evidence.size();
    return item;
}

/// A CPD entry's values as compared: every field but its source (which names records of the
/// ledger it is in).
Fields comparedValues(const CpdEntry& e) {
    Fields out = fieldsOf(e);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const auto& field) { return field.first == "source"; }),
              out.end());
    return out;
}

/// The files a record brings that this ledger would refuse (as CpdService::attach does).
void checkFiles(const std::vector<PortfolioFile>& files, const char* field,
                std::vector<FieldError>& errors) {
    for (const PortfolioFile& f : files) {
        if (static_cast<std::int64_t>(f.bytes.size()) > kMaxAttachmentBytes || blank(f.name)) {
            errors.push_back(FieldError{
                {}, 0, field, "the file '" + f.name + "' is larger than 25 MiB or has no name"});
        }
    }
}

/// What planning found, with what writing needs: the records to write, and where each
/// portfolio completion is in this ledger (for the CPD entries made from one).
struct Planned {
    PortfolioPlan plan;
    std::vector<const PortfolioCompletion*> completions;
    std::vector<CpdEntry> entries; ///< as they will be written, source not yet set
    std::vector<const PortfolioCpdEntry*> entrySources;
    std::unordered_map<RecordId, RecordId> completionIds; ///< portfolio id -> this ledger's
};

Planned plan(Store& store, const Portfolio& p, const PortfolioImportOptions& options) {
    Planned out;
    PortfolioPlan& plan = out.plan;
    plan.fromEmployeeId = p.person.employeeId;
    plan.toEmployeeId = options.asEmployeeId.empty() ? p.person.employeeId : options.asEmployeeId;
    plan.fullName = p.person.fullName;
    plan.writtenBy = p.writtenBy;
    plan.exportedOn = p.exportedOn;
    plan.dryRun = options.dryRun;
    plan.history = countsOf(p);
    plan.sessions = p.sessions;
    plan.asye = p.asye;
    plan.apprenticeships = p.apprenticeships;
    const std::string& to = plan.toEmployeeId;
    if (!store.staff().staffMember(to)) {
        throw ValidationError(
            {FieldError{{},
                        0,
                        "employee_id",
                        "no staff member here has employee id " + to +
                            ": add them first, or bring the portfolio in as someone who is here"}});
    }
    const ValidationContext context = storedContext(store.staff(), store.training(), options.today);
    const auto problem = [&](const std::string& what, const std::vector<FieldError>& errors) {
        for (FieldError e : errors) {
            e.message = what + ": " + e.message;
            plan.problems.push_back(std::move(e));
        }
    };

    // Completions: matched by module code, keyed by module and day.
    const std::unordered_map<std::string, RecordId> modules = store.training().moduleIds();
    std::map<std::string, std::size_t> unmatched;
    std::map<std::pair<std::string, Date>, Completion> stored;
    for (Completion& c : store.training().completionsOf(to)) {
        stored.emplace(std::pair(c.moduleCode, c.completedOn), std::move(c));
    }
    std::set<std::pair<std::string, Date>> planned;
    for (const PortfolioCompletion& pc : p.completions) {
        if (modules.count(pc.completion.moduleCode) == 0) {
            ++unmatched[pc.completion.moduleCode];
            continue;
        }
        Completion c = pc.completion;
        c.id = 0;
        c.employeeId = to;
        const std::pair key(c.moduleCode, c.completedOn);
        const std::string what =
            "completion of " + c.moduleCode + " on " + formatIso(c.completedOn);
        PortfolioItem item = completionItem(pc);
        if (!planned.insert(key).second) {
            problem(what, {FieldError{{}, 0, "completed_on", "the portfolio holds it twice"}});
            continue;
        }
        if (const auto there = stored.find(key); there != stored.end()) {
            const Completion& s = there->second;
            item.differences = differing(fieldsOf(s), fieldsOf(c));
            if (s.voided != c.voided || s.voidReason != c.voidReason) {
                item.differences.emplace_back("voided");
            }
            if (fileKeys(store.cpd().attachments(AttachmentOwner::Completion, s.id)) !=
                fileKeys(pc.certificates)) {
                item.differences.emplace_back("certificates");
            }
            out.completionIds[pc.completion.id] = s.id;
            (item.differences.empty() ? plan.alreadyThere : plan.conflicts).push_back(item);
            continue;
        }
        std::vector<FieldError> errors = validateCompletion(c, context);
        checkFiles(pc.certificates, "certificate", errors);
        if (!errors.empty()) {
            problem(what, errors);
            continue;
        }
        out.completions.push_back(&pc);
        plan.toAdd.push_back(std::move(item));
    }
    for (const auto& [code, count] : unmatched) {
        plan.unmatchedModules.emplace_back(code, count);
    }

    // CPD entries: keyed by date and title; links to themes this ledger lacks are left out.
    std::unordered_set<std::string> themes;
    for (const AuditTheme& t : store.themes().auditThemes()) {
        themes.insert(t.key);
    }
    const CpdContext cpdContext{context, [&](std::string_view key) {
                                    return themes.count(std::string(key)) > 0;
                                }};
    std::set<std::string> dropped;
    std::map<std::pair<Date, std::string>, CpdEntry> storedEntries;
    for (CpdEntry& e : store.cpd().entriesOf(to)) {
        storedEntries.emplace(std::pair(e.date, e.title), std::move(e));
    }
    std::set<std::pair<Date, std::string>> plannedEntries;
    for (const PortfolioCpdEntry& pe : p.cpd) {
        CpdEntry e = pe.entry;
        e.id = 0;
        e.employeeId = to;
        e.source.reset();
        for (auto it = e.themes.begin(); it != e.themes.end();) {
            if (themes.count(*it) == 0) {
                dropped.insert(*it);
                it = e.themes.erase(it);
            } else {
                ++it;
            }
        }
        const std::pair key(e.date, e.title);
        const std::string what = "CPD entry of " + formatIso(e.date) + " '" + e.title + "'";
        PortfolioItem item = cpdItem(pe);
        if (!plannedEntries.insert(key).second) {
            problem(what, {FieldError{{}, 0, "title", "the portfolio holds it twice"}});
            continue;
        }
        if (const auto there = storedEntries.find(key); there != storedEntries.end()) {
            const CpdEntry& s = there->second;
            item.differences = differing(comparedValues(s), comparedValues(e));
            if (fileKeys(store.cpd().attachments(AttachmentOwner::CpdEntry, s.id)) !=
                fileKeys(pe.evidence)) {
                item.differences.emplace_back("evidence");
            }
            (item.differences.empty() ? plan.alreadyThere : plan.conflicts).push_back(item);
            continue;
        }
        std::vector<FieldError> errors = validateCpdEntry(e, cpdContext);
        checkFiles(pe.evidence, "evidence", errors);
        if (!errors.empty()) {
            problem(what, errors);
            continue;
        }
        out.entries.push_back(std::move(e));
        out.entrySources.push_back(&pe);
        plan.toAdd.push_back(std::move(item));
    }
    plan.droppedThemes.assign(dropped.begin(), dropped.end());
    return out;
}

void attachLogged(Store& store, AttachmentOwner owner, RecordId ownerId, const std::string& key,
                  const std::string& subject, const PortfolioFile& f, std::string_view actor) {
    Attachment file;
    file.name = f.name;
    file.mediaType = f.mediaType;
    file.size = static_cast<std::int64_t>(f.bytes.size());
    file.sha256 = f.sha256;
    store.cpd().addAttachment(owner, ownerId, file, f.bytes);
    const bool evidence = owner == AttachmentOwner::CpdEntry;
    ChangeLogEntry log = logEntry(
        actor, evidence ? "cpd_evidence" : "certificate", key, "add", "",
        json({{"name", file.name}, {"size", std::to_string(file.size)}, {"sha256", file.sha256}}));
    log.subject = subject;
    store.changeLog().append(log);
}

/// Writes what `planned` holds, inside the caller's unit of work.
void write(Store& store, UnitOfWork& work, Planned& planned,
           const PortfolioImportOptions& options) {
    const PortfolioPlan& plan = planned.plan;
    const std::string& to = plan.toEmployeeId;
    const std::string& actor = options.actor;
    std::size_t completions = 0;
    std::size_t entries = 0;
    for (const PortfolioItem& item : plan.toAdd) {
        (item.kind == PortfolioItem::Kind::Completion ? completions : entries) += 1;
    }
    // The import itself, once: who brought whose portfolio from which file.
    ChangeLogEntry imported = logEntry(actor, "portfolio", to, "import", "",
                                       json({{"file", options.fileName},
                                             {"from", plan.fromEmployeeId},
                                             {"written_by", plan.writtenBy},
                                             {"completions", std::to_string(completions)},
                                             {"cpd_entries", std::to_string(entries)}}));
    imported.subject = to;
    store.changeLog().append(imported);

    for (const PortfolioCompletion* pc : planned.completions) {
        Completion c = pc->completion;
        c.id = 0;
        c.employeeId = to;
        c.voided = false;
        c.voidReason.clear();
        const std::optional<RecordId> id = store.training().addCompletion(c);
        if (!id) { // added by another client since the plan was made: plan again
            throw RetryUnitOfWork(StaleRecord("a completion of " + c.moduleCode + " on " +
                                                  formatIso(c.completedOn) + " was added meanwhile",
                                              {}, {}));
        }
        c.id = *id;
        planned.completionIds[pc->completion.id] = *id;
        logged(store.changeLog(), "completion", *id,
               changeEntry<Completion>(actor, "completion", completionKey(c), nullptr, c), true);
        if (pc->completion.voided) {
            // Voided where it came from, and kept so: it is evidence, not a count.
            c.voided = true;
            c.voidReason = pc->completion.voidReason;
            store.training().updateCompletion(c);
            ChangeLogEntry log = logEntry(actor, "completion", completionKey(c), "void", "",
                                          json({{"reason", c.voidReason}}));
            log.subject = to;
            logged(store.changeLog(), "completion", *id, log, false);
        }
        for (const PortfolioFile& f : pc->certificates) {
            attachLogged(store, AttachmentOwner::Completion, *id,
                         "completion " + std::to_string(*id), to, f, actor);
        }
    }
    if (!planned.completions.empty()) {
        work.changed(LedgerChange::Kind::Completions, to);
    }
    for (std::size_t i = 0; i < planned.entries.size(); ++i) {
        CpdEntry& e = planned.entries[i];
        const PortfolioCpdEntry& from = *planned.entrySources[i];
        // Made from a completion of theirs that is in this ledger now: it points to it. A
        // session of the employer that wrote the portfolio is not this ledger's to point to.
        if (const auto c = planned.completionIds.find(from.sourceCompletion);
            from.sourceCompletion != 0 && c != planned.completionIds.end()) {
            e.source = CpdCompletionSource{c->second};
        }
        const RecordId id = store.cpd().putEntry(e);
        e.id = id;
        const std::string key = e.employeeId + "/" + formatIso(e.date) + "/" + e.title;
        logged(store.changeLog(), "cpd_entry", id,
               changeEntry<CpdEntry>(actor, "cpd_entry", key, nullptr, e), true);
        for (const PortfolioFile& f : from.evidence) {
            attachLogged(store, AttachmentOwner::CpdEntry, id, key, to, f, actor);
        }
    }
    if (!planned.entries.empty()) {
        work.changed(LedgerChange::Kind::Cpd, to);
    }
}

} // namespace

PortfolioPlan PortfolioService::importPortfolio(const Portfolio& portfolio,
                                                const PortfolioImportOptions& options) {
    Store& store = m_work.store();
    if (options.dryRun) {
        // Reads only, so that a ledger open read-only can be checked against.
        return plan(store, portfolio, options).plan;
    }
    PortfolioPlan result;
    m_work.run([&] {
        // Planned again inside the transaction that writes: what it checked is what it wrote.
        Planned planned = plan(store, portfolio, options);
        if (planned.plan.clean() && !planned.plan.toAdd.empty()) {
            write(store, m_work, planned, options);
            planned.plan.written = true;
        }
        result = std::move(planned.plan);
    });
    return result;
}

PortfolioPlan PortfolioService::importPortfolio(const std::filesystem::path& path,
                                                std::string_view passphrase,
                                                const PortfolioImportOptions& options,
                                                const Progress* progress) {
    const Portfolio portfolio = readPortfolio(path, passphrase, progress);
    reportProgress(progress, 1.0, "importing the portfolio was cancelled");
    return importPortfolio(portfolio, options);
}

} // namespace ledger::archive
