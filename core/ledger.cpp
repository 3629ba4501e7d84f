#include "ledger.h"

#include "base/kill_point.h"
#include "io/csv.h"

#include "sqlcipher/sqlcipher_store.h"
#include "base/validation.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <unordered_map>
#include <utility>

namespace ledger {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string optionalIso(const std::optional<Date>& date) {
    return date ? formatIso(*date) : "";
}

std::string optionalNumber(const std::optional<int>& value) {
    return value ? std::to_string(*value) : "";
}

Fields fieldsOf(const Staff& s) {
    return {{"full_name", s.fullName},
            {"email", s.email},
            {"team", s.team},
            {"role", s.role},
            {"start_date", formatIso(s.startDate)},
            {"leave_date", optionalIso(s.leaveDate)},
            {"line_manager_id", s.lineManagerId},
            {"registration_body", registrationBodyCode(s.registrationBody)},
            {"registration_number", s.registrationNumber}};
}

Fields fieldsOf(const Module& m) {
    return {{"title", m.title},
            {"renewal_months", m.renewalMonths ? std::to_string(*m.renewalMonths) : "none"},
            {"renewal_basis", renewalBasisCode(m.renewalBasis)},
            {"window_days", std::to_string(m.windowDays)},
            {"due_soon_days", std::to_string(m.dueSoonDays)},
            {"asc_wds_category", optionalNumber(m.ascWdsCategory)}};
}

Fields fieldsOf(const Requirement& r) {
    return {{"due_within_days", std::to_string(r.dueWithinDays)},
            {"effective_from", optionalIso(r.effectiveFrom)}};
}

Fields fieldsOf(const Completion& c) {
    return {{"expires_on", optionalIso(c.expiresOn)}, {"evidence", c.evidence}};
}

/// A correction may also move a completion to another module or date (its key).
Fields correctionFieldsOf(const Completion& c) {
    return {{"module", c.moduleCode},
            {"completed_on", formatIso(c.completedOn)},
            {"expires_on", optionalIso(c.expiresOn)},
            {"evidence", c.evidence}};
}

Fields fieldsOf(const AuditTheme& t) {
    std::string modules;
    for (const std::string& code : t.moduleCodes) {
        modules += (modules.empty() ? "" : " ") + code;
    }
    return {{"title", t.title},
            {"source", themeSourceCode(t.source)},
            {"raised_on", formatIso(t.raisedOn)},
            {"priority", themePriorityCode(t.priority)},
            {"status", themeStatusCode(t.status)},
            {"notes", t.notes},
            {"modules", modules}};
}

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out.push_back(c);
            }
        }
    }
    return out + "\"";
}

std::string json(const Fields& fields) {
    std::string out = "{";
    for (const auto& [name, value] : fields) {
        out += (out.size() > 1 ? "," : "") + jsonString(name) + ":" + jsonString(value);
    }
    return out + "}";
}

/// The old and new values of the fields that differ.
std::pair<Fields, Fields> changedFields(const Fields& before, const Fields& after) {
    Fields oldValues, newValues;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        if (before[i].second != after[i].second) {
            oldValues.push_back(before[i]);
            newValues.push_back(after[i]);
        }
    }
    return {oldValues, newValues};
}

std::pair<std::string, std::string> diff(const Fields& before, const Fields& after) {
    const auto [oldValues, newValues] = changedFields(before, after);
    return {json(oldValues), json(newValues)};
}

ChangeLogEntry logEntry(std::string_view actor, std::string_view entity, std::string key,
                        std::string_view action, std::string oldValues, std::string newValues) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = std::string(entity);
    entry.recordKey = std::move(key);
    entry.action = std::string(action);
    entry.oldValues = std::move(oldValues);
    entry.newValues = std::move(newValues);
    return entry;
}

/// The person a record concerns, for the change log's subject.
std::string subjectOf(const Staff& s) {
    return s.employeeId;
}
std::string subjectOf(const Completion& c) {
    return c.employeeId;
}
template <typename Record> std::string subjectOf(const Record&) {
    return {};
}

template <typename Record>
ChangeLogEntry changeEntry(std::string_view actor, const char* entity, std::string key,
                           const Record* before, const Record& after) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = entity;
    entry.recordKey = std::move(key);
    entry.subject = subjectOf(after);
    if (before) {
        entry.action = "update";
        std::tie(entry.oldValues, entry.newValues) = diff(fieldsOf(*before), fieldsOf(after));
    } else {
        entry.action = "add";
        entry.newValues = json(fieldsOf(after));
    }
    return entry;
}

/// Writes a record and its change-log entry, and links the record to it (created or
/// changed).
void logged(Store& store, const char* entity, RecordId id, const ChangeLogEntry& entry,
            bool created) {
    const RecordId change = store.appendChangeLog(entry);
    store.linkChange(entity, id, change, created);
}

/// Compares each incoming record with the stored one under the same key and writes only
/// what is new or different: a new record points to the import's entry `importEntry` (no
/// entry of its own); a changed one gets an update entry with its before and after. A
/// stored record that is `frozen` is left as it is.
template <typename Record, typename KeyOf, typename Put, typename Frozen>
void applyRecords(const std::vector<Record>& stored, const std::vector<Record>& incoming,
                  KeyOf keyOf, Put put, Frozen frozen, const char* entity, bool dryRun,
                  std::string_view actor, Store& store, ImportSummary& summary,
                  const std::function<void()>& applied, const ParsedImport& parsed,
                  RecordId importEntry) {
    std::unordered_map<std::string, const Record*> byKey;
    byKey.reserve(stored.size());
    for (const Record& r : stored) {
        byKey.emplace(keyOf(r), &r);
    }
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        Record record = incoming[i];
        const std::string key = keyOf(record);
        const auto it = byKey.find(key);
        const Record* before = it == byKey.end() ? nullptr : it->second;
        applied();
        if (before) {
            record.id = before->id;
            if (frozen(*before) && !(*before == record)) {
                summary.notices.push_back(FieldError{
                    parsed.file, i < parsed.lines.size() ? parsed.lines[i] : 0, entity,
                    key + " was voided in the ledger and stays void (it was not changed)"});
            }
            if (frozen(*before) || *before == record) {
                ++summary.unchanged;
                continue;
            }
            ++summary.updated;
        } else {
            ++summary.added;
        }
        if (!dryRun) {
            const RecordId id = put(store, record);
            if (before) {
                logged(store, entity, id, changeEntry(actor, entity, key, before, record), false);
            } else {
                store.linkChange(entity, id, importEntry, true);
            }
        }
    }
}

const auto kNeverFrozen = [](const auto&) {
    return false;
};

std::string requirementKey(const Requirement& r) {
    return r.moduleCode + "/" + scopeCode(r.scope) + (r.value.empty() ? "" : "/" + r.value);
}

std::string completionKey(const Completion& c) {
    return c.employeeId + "/" + c.moduleCode + "/" + formatIso(c.completedOn);
}

/// Reports an import's progress about every 1% of its records (or of its bytes read), and
/// at 0 and 1; a report that returns false cancels it (inside the transaction, so that
/// nothing is written).
class ProgressTicker {
public:
    ProgressTicker(const Progress* progress, std::uint64_t total)
        : m_progress(progress && progress->report ? progress : nullptr), m_total(total),
          m_step(std::max<std::uint64_t>(1, total / 100)) {}

    void report(double fraction) const {
        if (m_progress && !m_progress->report(fraction)) {
            throw Cancelled("the import was cancelled; nothing was changed");
        }
    }
    void advance() { advanceTo(m_done + 1); }
    /// Done up to `done` of the total.
    void advanceTo(std::uint64_t done) {
        const std::uint64_t before = m_done;
        m_done = done;
        if (before < (m_total + 1) / 2 && m_done >= (m_total + 1) / 2) {
            killPoint("import-halfway"); // tests stop a program in the middle of a write here
        }
        if (m_done / m_step != before / m_step && m_done < m_total) {
            report(static_cast<double>(m_done) / static_cast<double>(m_total));
        }
    }

private:
    const Progress* m_progress;
    std::uint64_t m_total;
    std::uint64_t m_step;
    std::uint64_t m_done = 0;
};

std::size_t recordCount(const ParsedImport& p) {
    return p.staff.size() + p.modules.size() + p.requirements.size() + p.completions.size();
}

/// The one change-log entry of an import: who and when (as every entry), the file, its
/// SHA-256, the kind and the counts. Written before the records (which point to it), its
/// counts are filled in at the end.
ChangeLogEntry importEntry(std::string_view actor, std::string_view file) {
    return logEntry(actor, "import", std::string(file), "import", "", "");
}

std::string importValues(std::string_view file, std::string_view sha256, std::string_view kind,
                         const ImportSummary& s) {
    return json({{"file", std::string(file)},
                 {"sha256", std::string(sha256)},
                 {"kind", std::string(kind)},
                 {"added", std::to_string(s.added)},
                 {"updated", std::to_string(s.updated)},
                 {"unchanged", std::to_string(s.unchanged)}});
}

/// An import's page cache: large enough to keep the lookups of one pass in memory, bounded
/// so that the import's memory stays bounded whatever the file (SQLite spills changed pages
/// into the file past it; the journal keeps the write undoable). A cache a test has made
/// smaller is kept.
class ImportCache {
public:
    static constexpr std::int64_t kKibibytes = 32 * 1024;
    explicit ImportCache(Store& store) : m_store(store), m_previous(store.setCacheSize(-kKibibytes)) {
        if (m_previous > 0) { // set in pages, by a test: keep it
            m_store.setCacheSize(m_previous);
        }
    }
    ~ImportCache() {
        try {
            m_store.setCacheSize(m_previous);
        } catch (...) {
        }
    }
    ImportCache(const ImportCache&) = delete;
    ImportCache& operator=(const ImportCache&) = delete;

private:
    Store& m_store;
    std::int64_t m_previous;
};

/// Writes imported completions: one lookup by key each through the store's prepared
/// statements, then an insert pointing to the import's entry, or an update with its own
/// entry (before and after), or nothing.
class CompletionWriter {
public:
    enum class Outcome { Added, Updated, Unchanged, Frozen };

    CompletionWriter(Store& store, RecordId importEntry, bool dryRun, std::string_view actor)
        : m_store(store), m_entry(importEntry), m_dryRun(dryRun), m_actor(actor),
          m_staff(store.staffIds()), m_modules(store.moduleIds()) {}

    [[nodiscard]] bool knows(const Completion& c) const {
        return m_staff.contains(c.employeeId) && m_modules.contains(c.moduleCode);
    }

    Outcome write(const Completion& c) {
        const RecordId staffId = m_staff.at(c.employeeId);
        const RecordId moduleId = m_modules.at(c.moduleCode);
        const std::optional<StoredCompletion> found =
            m_store.findCompletion(staffId, moduleId, c.completedOn);
        if (!found) {
            if (!m_dryRun) {
                m_store.insertCompletion(staffId, moduleId, c, m_entry);
            }
            return Outcome::Added;
        }
        if (found->voided) {
            return Outcome::Frozen; // a deliberate void is not undone by an old import
        }
        if (found->expiresOn == c.expiresOn && found->evidence == c.evidence) {
            return Outcome::Unchanged;
        }
        if (!m_dryRun) {
            Completion before = c;
            before.expiresOn = found->expiresOn;
            before.evidence = found->evidence;
            const RecordId change = m_store.appendChangeLog(
                changeEntry(m_actor, "completion", completionKey(c), &before, c));
            m_store.updateCompletionValues(found->id, c, change);
        }
        return Outcome::Updated;
    }

private:
    Store& m_store;
    RecordId m_entry;
    bool m_dryRun;
    std::string_view m_actor;
    std::unordered_map<std::string, RecordId> m_staff;
    std::unordered_map<std::string, RecordId> m_modules;
};

/// The keys seen in one import, as 64-bit hashes (8 bytes a row, not the keys): a key seen
/// again is then looked up exactly by reading the file again (see importCompletions).
class KeyHashes {
public:
    /// False when `hash` was already there.
    bool insert(std::uint64_t hash) {
        hash = hash == 0 ? 1 : hash;
        if ((m_count + 1) * 10 > m_slots.size() * 7) {
            grow();
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            if (m_slots[i] == hash) {
                return false;
            }
            if (m_slots[i] == 0) {
                m_slots[i] = hash;
                ++m_count;
                return true;
            }
        }
    }

private:
    void grow() {
        std::vector<std::uint64_t> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, 0);
        m_count = 0;
        for (const std::uint64_t h : old) {
            if (h != 0) {
                insert(h);
            }
        }
    }

    std::vector<std::uint64_t> m_slots;
    std::size_t m_count = 0;
};

std::uint64_t keyHash(const std::string& key) {
    // FNV-1a then a finaliser (splitmix64): stable, and well spread over the table.
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : key) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

std::string completionKeyOf(const Completion& c) {
    return c.employeeId + '\x1f' + c.moduleCode + '\x1f' + formatIso(c.completedOn);
}

void require(std::vector<FieldError>& errors, bool ok, const char* field, std::string message) {
    if (!ok) {
        errors.push_back(FieldError{{}, 0, field, std::move(message)});
    }
}

void throwIfAny(const std::vector<FieldError>& errors) {
    if (!errors.empty()) {
        throw ValidationError(errors);
    }
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

/// "1 person", "3 people".
std::string counted(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// "a uses", "a and b use", "a, b and c use" (each part a count, so plural when joined).
std::string usedBy(const std::vector<std::string>& parts) {
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    const bool one = parts.size() == 1 && parts[0].starts_with("1 ");
    return text + (one ? " uses" : " use");
}

const char* nameKindWord(NameKind kind) {
    return kind == NameKind::Team ? "team" : "role";
}

Scope scopeOf(NameKind kind) {
    return kind == NameKind::Team ? Scope::Team : Scope::Role;
}

template <typename Record, typename Match>
const Record* findIn(const std::vector<Record>& records, Match match) {
    const auto it = std::find_if(records.begin(), records.end(), match);
    return it == records.end() ? nullptr : &*it;
}

const Module* findModule(const LedgerData& data, std::string_view code) {
    return findIn(data.modules, [&](const Module& m) { return m.code == code; });
}

const Requirement* findRequirement(const LedgerData& data, const Requirement& key) {
    return findIn(data.requirements, [&](const Requirement& r) {
        return r.moduleCode == key.moduleCode && r.scope == key.scope && r.value == key.value;
    });
}

} // namespace

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

Ledger::Ledger(std::unique_ptr<Store> store) : m_store(std::move(store)) {
}

Ledger Ledger::create(const std::filesystem::path& path, std::string_view passphrase,
                      std::string_view actor, const std::function<void(Ledger&)>& fill) {
    auto building = SqlCipherStore::beginCreate(path, passphrase);
    SqlCipherStore& store = *building;
    {
        Ledger ledger(std::move(building));
        ledger.inTransaction([&] {
            ChangeLogEntry entry;
            entry.at = utcTimestamp();
            entry.actor = std::string(actor);
            entry.entity = "ledger";
            entry.recordKey = path.filename().string();
            entry.action = "create";
            ledger.m_store->appendChangeLog(entry);
        });
        if (fill) {
            fill(ledger);
        }
        store.publish();
    }
    return open(path, passphrase, OpenMode::ReadWrite);
}

Ledger Ledger::open(const std::filesystem::path& path, std::string_view passphrase, OpenMode mode) {
    return Ledger(SqlCipherStore::open(path, passphrase, mode));
}

Ledger Ledger::open(const std::filesystem::path& path, std::string_view passphrase, bool readOnly) {
    return open(path, passphrase, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
}

void Ledger::inTransaction(const std::function<void()>& work) {
    m_pending.clear();
    m_store->begin();
    try {
        work();
        m_store->commit();
    } catch (...) {
        m_store->rollback();
        m_pending.clear();
        throw;
    }
    m_changes.insert(m_changes.end(), m_pending.begin(), m_pending.end());
    m_pending.clear();
}

void Ledger::changed(LedgerChange::Kind kind, std::string employeeId) {
    m_pending.push_back(LedgerChange{kind, std::move(employeeId)});
}

std::vector<LedgerChange> Ledger::takeChanges() {
    return std::exchange(m_changes, {});
}

ValidationContext Ledger::storedContext(Date today) {
    ValidationContext context;
    context.today = today;
    for (const Module& m : m_store->loadCatalog().modules) { // tens of modules
        context.moduleCodes.insert(m.code);
    }
    context.lookUpPerson = [this](std::string_view employeeId) -> std::optional<StaffLink> {
        if (auto s = m_store->staffMember(employeeId)) {
            return StaffLink{std::move(s->lineManagerId), std::move(s->fullName)};
        }
        return std::nullopt;
    };
    return context;
}

ImportSummary Ledger::importCsv(ImportKind kind, std::string_view fileName, std::string_view text,
                                Date today, bool dryRun, std::string_view actor,
                                const Progress* progress) {
    MemoryCsvSource source(text);
    return importStream(kind, fileName, source, [&] { return sha256Hex(text); }, today, dryRun,
                        actor, progress);
}

ImportSummary Ledger::importFile(ImportKind kind, const std::filesystem::path& path,
                                 std::string_view fileName, Date today, bool dryRun,
                                 std::string_view actor, const Progress* progress) {
    ImportFile file(path);
    return importFile(kind, file, fileName, today, dryRun, actor, progress);
}

ImportSummary Ledger::importFile(ImportKind kind, ImportFile& file, std::string_view fileName,
                                 Date today, bool dryRun, std::string_view actor,
                                 const Progress* progress) {
    return importStream(kind, fileName, file, [&] { return file.sha256(); }, today, dryRun,
                        actor, progress);
}

ImportSummary Ledger::importStream(ImportKind kind, std::string_view fileName, CsvSource& source,
                                   const std::function<std::string()>& digest, Date today,
                                   bool dryRun, std::string_view actor, const Progress* progress) {
    // Read and validated inside the write transaction, so that what is validated is what is
    // written. A dry run writes nothing (it may run on a read-only ledger).
    ImportSummary summary;
    const auto run = [&] {
        std::optional<ImportCache> cache;
        RecordId entry = 0;
        if (!dryRun) {
            cache.emplace(*m_store);
            entry = m_store->appendChangeLog(importEntry(actor, fileName));
        }
        if (kind == ImportKind::Completions) {
            summary = importCompletions(fileName, source, today, dryRun, actor, progress, entry);
        } else {
            const ParsedImport parsed =
                parseImport(kind, fileName, source, m_store->loadWithoutCompletions(), today);
            if (!parsed.errors.empty()) {
                throw ValidationError(parsed.errors);
            }
            const LedgerData stored = m_store->loadWithoutCompletions();
            ProgressTicker ticker(progress, recordCount(parsed));
            ticker.report(0.0);
            summary = apply(parsed, stored, dryRun, actor, [&] { ticker.advance(); }, entry);
            ticker.report(1.0);
        }
        if (!dryRun) {
            m_store->setChangeLogNewValues(
                entry, importValues(fileName, digest(), importKindName(kind), summary));
            changed(LedgerChange::Kind::Everything);
        }
    };
    if (dryRun) {
        run();
    } else {
        inTransaction(run);
    }
    return summary;
}

ImportSummary Ledger::importCompletions(std::string_view fileName, CsvSource& source, Date today,
                                        bool dryRun, std::string_view actor,
                                        const Progress* progress, RecordId entry) {
    // One pass: each row is read, checked and written before the next is read, so that
    // memory holds one row, the id caches and 8 bytes a row for finding keys seen twice.
    ImportSummary summary;
    CompletionWriter writer(*m_store, entry, dryRun, actor);
    ValidationContext context;
    context.today = today;
    for (const auto& [id, _] : m_store->staffIds()) {
        context.employeeIds.insert(id);
    }
    for (const auto& [code, _] : m_store->moduleIds()) {
        context.moduleCodes.insert(code);
    }
    const std::string file(fileName);
    ProgressTicker ticker(progress, std::max<std::uint64_t>(1, source.size()));
    ticker.report(0.0);

    /// A row whose key hash was seen before: settled after the pass, against the first row
    /// with its key.
    struct Seen {
        int line;
        Completion completion;
        bool valid;
    };
    std::vector<Seen> again;
    KeyHashes keys;
    const auto count = [&](CompletionWriter::Outcome outcome, const Completion& c, int line) {
        switch (outcome) {
        case CompletionWriter::Outcome::Added:
            ++summary.added;
            break;
        case CompletionWriter::Outcome::Updated:
            ++summary.updated;
            break;
        case CompletionWriter::Outcome::Unchanged:
            ++summary.unchanged;
            break;
        case CompletionWriter::Outcome::Frozen:
            ++summary.unchanged;
            summary.notices.push_back(
                FieldError{file, line, "completion",
                           completionKey(c) +
                               " was voided in the ledger and stays void (it was not changed)"});
            break;
        }
    };
    std::vector<FieldError> errors;
    {
        ImportRows rows(ImportKind::Completions, file, source);
        summary.notices = rows.notices();
        CsvRecord row;
        while (rows.next(row)) {
            const std::size_t before = rows.errors().size();
            Completion c = readCompletionRow(row, rows.columns(), file, context, rows.errors());
            const bool valid = rows.errors().size() == before;
            if (!keys.insert(keyHash(completionKeyOf(c)))) {
                again.push_back(Seen{row.line, std::move(c), valid});
            } else if (valid && rows.errors().empty()) {
                // Once any row has a problem nothing will be written: the rest is only read
                // for its problems.
                count(writer.write(c), c, row.line);
            }
            ticker.advanceTo(rows.position());
        }
        errors = std::move(rows.errors());
    }
    if (!again.empty()) {
        // Read the file again for the first row of each key seen twice: the same values are
        // a repeat (no change), others are a problem on the later line. A hash that matched
        // another key is a row like any other.
        std::unordered_map<std::string, std::pair<int, Completion>> first;
        for (const Seen& s : again) {
            first.emplace(completionKeyOf(s.completion), std::pair<int, Completion>{0, {}});
        }
        source.seek(0);
        ImportRows rows(ImportKind::Completions, file, source);
        CsvRecord row;
        std::vector<FieldError> ignored;
        while (rows.next(row)) {
            Completion c = readCompletionRow(row, rows.columns(), file, context, ignored);
            ignored.clear();
            const auto it = first.find(completionKeyOf(c));
            if (it != first.end() && it->second.first == 0) {
                it->second = {row.line, std::move(c)};
            }
        }
        for (Seen& s : again) {
            const auto& [line, earlier] = first.at(completionKeyOf(s.completion));
            if (line == s.line) {
                if (s.valid && errors.empty()) {
                    count(writer.write(s.completion), s.completion, s.line);
                }
            } else if (earlier == s.completion) {
                ++summary.unchanged;
            } else {
                errors.push_back(duplicateCompletionError(s.completion, file, s.line, line));
            }
        }
    }
    if (!errors.empty()) {
        sortAndDeduplicate(errors);
        throw ValidationError(errors);
    }
    ticker.report(1.0);
    return summary;
}

ImportSummary Ledger::apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                            std::string_view actor) {
    RecordId entry = 0;
    if (!dryRun) {
        entry = m_store->appendChangeLog(importEntry(actor, parsed.file));
    }
    ImportSummary summary = apply(parsed, stored, dryRun, actor, [] {}, entry);
    if (!dryRun) {
        m_store->setChangeLogNewValues(
            entry, importValues(parsed.file, "", importKindName(parsed.kind), summary));
    }
    return summary;
}

ImportSummary Ledger::apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                            std::string_view actor, const std::function<void()>& applied,
                            RecordId entry) {
    if (!parsed.errors.empty()) {
        throw ValidationError(parsed.errors);
    }
    ImportSummary summary;
    summary.notices = parsed.notices;
    summary.unchanged = parsed.repeats;
    Store& store = *m_store;
    switch (parsed.kind) {
    case ImportKind::Staff:
        applyRecords(
            stored.staff, parsed.staff, [](const Staff& s) { return s.employeeId; },
            [](Store& st, const Staff& s) { return st.putStaff(s); }, kNeverFrozen, "staff",
            dryRun, actor, store, summary, applied, parsed, entry);
        break;
    case ImportKind::Modules:
        applyRecords(
            stored.modules, parsed.modules, [](const Module& m) { return m.code; },
            [](Store& st, const Module& m) { return st.putModule(m); }, kNeverFrozen, "module",
            dryRun, actor, store, summary, applied, parsed, entry);
        break;
    case ImportKind::Requirements:
        applyRecords(
            stored.requirements, parsed.requirements, requirementKey,
            [](Store& st, const Requirement& r) { return st.putRequirement(r); }, kNeverFrozen,
            "requirement", dryRun, actor, store, summary, applied, parsed, entry);
        break;
    case ImportKind::Completions: {
        // Each looked up by its key in the store, not in a map of every stored completion.
        CompletionWriter writer(store, entry, dryRun, actor);
        for (std::size_t i = 0; i < parsed.completions.size(); ++i) {
            const Completion& c = parsed.completions[i];
            applied();
            const int line = i < parsed.lines.size() ? parsed.lines[i] : 0;
            switch (writer.write(c)) {
            case CompletionWriter::Outcome::Added:
                ++summary.added;
                break;
            case CompletionWriter::Outcome::Updated:
                ++summary.updated;
                break;
            case CompletionWriter::Outcome::Unchanged:
                ++summary.unchanged;
                break;
            case CompletionWriter::Outcome::Frozen:
                ++summary.unchanged;
                summary.notices.push_back(FieldError{
                    parsed.file, line, "completion",
                    completionKey(c) +
                        " was voided in the ledger and stays void (it was not changed)"});
                break;
            }
        }
        break;
    }
    }
    return summary;
}

ImportSummary Ledger::importRecords(const LedgerData& records, Date today, std::string_view actor,
                                    const Progress* progress) {
    ImportSummary total;
    inTransaction([&] {
        ImportCache cache(*m_store);
        const RecordId entry = m_store->appendChangeLog(importEntry(actor, "(records)"));
        ProgressTicker ticker(progress, records.staff.size() + records.modules.size() +
                                            records.requirements.size() +
                                            records.completions.size());
        ticker.report(0.0);
        for (const ImportKind kind : {ImportKind::Staff, ImportKind::Modules,
                                      ImportKind::Requirements, ImportKind::Completions}) {
            const LedgerData stored = m_store->loadWithoutCompletions();
            ValidationContext context = makeValidationContext(stored, today);
            ParsedImport parsed;
            parsed.kind = kind;
            const auto check = [&](std::vector<FieldError> found, std::size_t index) {
                for (FieldError& e : found) {
                    e.file = "<" + importKindName(kind) + ">";
                    e.line = static_cast<int>(index + 1);
                    parsed.errors.push_back(std::move(e));
                }
            };
            switch (kind) {
            case ImportKind::Staff:
                for (const Staff& s : records.staff) {
                    context.employeeIds.insert(s.employeeId);
                    context.people.insert_or_assign(s.employeeId,
                                                    StaffLink{s.lineManagerId, s.fullName});
                }
                parsed.staff = records.staff;
                for (std::size_t i = 0; i < records.staff.size(); ++i) {
                    check(validateStaff(records.staff[i], context), i);
                }
                break;
            case ImportKind::Modules:
                parsed.modules = records.modules;
                for (std::size_t i = 0; i < records.modules.size(); ++i) {
                    check(validateModule(records.modules[i]), i);
                }
                break;
            case ImportKind::Requirements:
                parsed.requirements = records.requirements;
                for (std::size_t i = 0; i < records.requirements.size(); ++i) {
                    check(validateRequirement(records.requirements[i], context), i);
                }
                break;
            case ImportKind::Completions:
                for (std::size_t i = 0; i < records.completions.size(); ++i) {
                    check(validateCompletion(records.completions[i], context), i);
                }
                if (!parsed.errors.empty()) {
                    throw ValidationError(parsed.errors);
                }
                // Written from the caller's records, not copied.
                {
                            CompletionWriter writer(*m_store, entry, false, actor);
                    for (const Completion& c : records.completions) {
                        ticker.advance();
                        switch (writer.write(c)) {
                        case CompletionWriter::Outcome::Added:
                            ++total.added;
                            break;
                        case CompletionWriter::Outcome::Updated:
                            ++total.updated;
                            break;
                        case CompletionWriter::Outcome::Unchanged:
                        case CompletionWriter::Outcome::Frozen:
                            ++total.unchanged;
                            break;
                        }
                    }
                }
                continue;
            }
            const ImportSummary part =
                apply(parsed, stored, false, actor, [&] { ticker.advance(); }, entry);
            total.added += part.added;
            total.updated += part.updated;
            total.unchanged += part.unchanged;
        }
        m_store->setChangeLogNewValues(entry, importValues("", "", "records", total));
        ticker.report(1.0);
        changed(LedgerChange::Kind::Everything);
    });
    return total;
}

LedgerData Ledger::data() {
    return m_store->loadAll();
}

LedgerData Ledger::records() {
    return m_store->loadWithoutCompletions();
}

ComplianceEngine Ledger::engine() {
    return ComplianceEngine(m_store->loadWithoutCompletions(), m_store->completionRows());
}

bool Ledger::refresh(LedgerData& records, ComplianceEngine& engine,
                     const std::vector<LedgerChange>& changes) {
    const auto rebuild = [&] {
        LedgerData fresh = m_store->loadWithoutCompletions();
        std::vector<CompletionRow> rows = m_store->completionRows();
        engine = ComplianceEngine(fresh, std::move(rows));
        records = std::move(fresh);
        return true;
    };
    const auto staffAt = [&](std::string_view employeeId) {
        return std::lower_bound(records.staff.begin(), records.staff.end(), employeeId,
                                [](const Staff& s, std::string_view id) {
                                    return s.employeeId < id;
                                });
    };
    for (const LedgerChange& change : changes) {
        switch (change.kind) {
        case LedgerChange::Kind::Themes:
        case LedgerChange::Kind::Settings:
            break; // neither counts towards compliance
        case LedgerChange::Kind::Catalog:
        case LedgerChange::Kind::Everything:
            return rebuild();
        case LedgerChange::Kind::Staff: {
            std::optional<Staff> person = m_store->staffMember(change.employeeId);
            if (!person || !engine.putStaff(*person)) {
                return rebuild(); // a new team or role: its rules must be read
            }
            const auto at = staffAt(change.employeeId);
            if (at != records.staff.end() && at->employeeId == change.employeeId) {
                *at = std::move(*person);
            } else {
                records.staff.insert(at, std::move(*person));
            }
            break;
        }
        case LedgerChange::Kind::Completions: {
            const auto at = staffAt(change.employeeId);
            const auto index = engine.findStaff(change.employeeId);
            if (at == records.staff.end() || at->employeeId != change.employeeId || !index) {
                return rebuild();
            }
            engine.replaceCompletionsOf(*index, m_store->completionRowsOf(at->id));
            break;
        }
        }
    }
    return false;
}

RecordId Ledger::saveAuditTheme(const AuditTheme& theme, Date today, std::string_view actor) {
    RecordId id = 0;
    inTransaction([&] {
        const auto errors = validateAuditTheme(theme, storedContext(today));
        if (!errors.empty()) {
            throw ValidationError(errors);
        }
        std::optional<AuditTheme> before;
        if (theme.id != 0) {
            before = m_store->auditTheme(theme.id);
            if (!before) {
                throw Conflict("the audit theme was removed meanwhile");
            }
        }
        id = m_store->putAuditTheme(theme);
        AuditTheme after = theme;
        after.id = id;
        logged(*m_store, "audit_theme", id,
               changeEntry(actor, "audit_theme", std::to_string(id), before ? &*before : nullptr,
                           after),
               !before);
        changed(LedgerChange::Kind::Themes);
    });
    return id;
}

void Ledger::removeAuditTheme(RecordId id, std::string_view actor) {
    inTransaction([&] {
        const auto themes = m_store->auditThemes();
        const AuditTheme* theme = findIn(themes, [&](const AuditTheme& t) { return t.id == id; });
        if (!theme) {
            throw ValidationError(
                {FieldError{{}, 0, "id", "no audit theme has id " + std::to_string(id)}});
        }
        m_store->removeAuditTheme(id);
        m_store->appendChangeLog(logEntry(actor, "audit_theme", std::to_string(id), "remove",
                                          json(fieldsOf(*theme)), ""));
        changed(LedgerChange::Kind::Themes);
    });
}

void Ledger::addStaff(const Staff& staff, Date today, std::string_view actor) {
    inTransaction([&] {
        std::vector<FieldError> errors = validateStaff(staff, storedContext(today));
        require(errors, !m_store->staffMember(staff.employeeId), "employee_id",
                "employee id " + staff.employeeId + " is already in use");
        throwIfAny(errors);
        Staff added = staff;
        added.id = 0;
        const RecordId id = m_store->putStaff(added);
        logged(*m_store, "staff", id,
               changeEntry<Staff>(actor, "staff", added.employeeId, nullptr, added), true);
        changed(LedgerChange::Kind::Staff, added.employeeId);
    });
}

void Ledger::updateStaff(const Staff& staff, Date today, std::string_view actor) {
    inTransaction([&] {
        const std::optional<Staff> stored = m_store->staffMember(staff.employeeId);
        const Staff* before = stored ? &*stored : nullptr;
        std::vector<FieldError> errors = validateStaff(staff, storedContext(today));
        require(errors, before != nullptr, "employee_id",
                "no staff member has employee id " + staff.employeeId);
        throwIfAny(errors);
        Staff after = staff;
        after.id = before->id;
        if (after == *before) {
            return;
        }
        const RecordId id = m_store->putStaff(after);
        logged(*m_store, "staff", id, changeEntry(actor, "staff", after.employeeId, before, after),
               false);
        changed(LedgerChange::Kind::Staff, after.employeeId);
    });
}

std::vector<std::string> Ledger::teams() {
    return m_store->names(NameKind::Team);
}

std::vector<std::string> Ledger::roles() {
    return m_store->names(NameKind::Role);
}

void Ledger::addTeam(std::string_view name, std::string_view actor) {
    addName(NameKind::Team, name, actor);
}

void Ledger::renameTeam(std::string_view from, std::string_view to, std::string_view actor) {
    renameName(NameKind::Team, from, to, actor);
}

void Ledger::removeTeam(std::string_view name, std::string_view actor) {
    removeName(NameKind::Team, name, actor);
}

void Ledger::addRole(std::string_view name, std::string_view actor) {
    addName(NameKind::Role, name, actor);
}

void Ledger::renameRole(std::string_view from, std::string_view to, std::string_view actor) {
    renameName(NameKind::Role, from, to, actor);
}

void Ledger::removeRole(std::string_view name, std::string_view actor) {
    removeName(NameKind::Role, name, actor);
}

void Ledger::addName(NameKind kind, std::string_view name, std::string_view actor) {
    const std::string word = nameKindWord(kind);
    inTransaction([&] {
        const auto names = m_store->names(kind);
        std::vector<FieldError> errors;
        require(errors, !blank(name), "name", "a " + word + " name is required");
        if (auto problem = textProblem(name, TextKind::Name); problem && !blank(name)) {
            errors.push_back(FieldError{{}, 0, "name", std::move(*problem)});
        }
        require(errors, std::find(names.begin(), names.end(), name) == names.end(), "name",
                "there is already a " + word + " called " + std::string(name));
        throwIfAny(errors);
        m_store->addName(kind, name);
        m_store->appendChangeLog(logEntry(actor, word, std::string(name), "add", "",
                                          json({{"name", std::string(name)}})));
    });
}

void Ledger::renameName(NameKind kind, std::string_view from, std::string_view to,
                        std::string_view actor) {
    const std::string word = nameKindWord(kind);
    const Scope scope = scopeOf(kind);
    inTransaction([&] {
        const auto names = m_store->names(kind);
        const LedgerData stored = m_store->loadCatalog();
        const auto named = [&](std::string_view n) {
            return std::find(names.begin(), names.end(), n) != names.end();
        };
        std::vector<FieldError> errors;
        require(errors, named(from), "from",
                "there is no " + word + " called " + std::string(from));
        require(errors, !blank(to), "to", "a " + word + " name is required");
        if (auto problem = textProblem(to, TextKind::Name); problem && !blank(to)) {
            errors.push_back(FieldError{{}, 0, "to", std::move(*problem)});
        }
        require(errors, to == from || !named(to), "to",
                "there is already a " + word + " called " + std::string(to));
        std::vector<Requirement> rules;
        for (const Requirement& r : stored.requirements) {
            if (r.scope != scope || r.value != from) {
                continue;
            }
            rules.push_back(r);
            Requirement moved = r;
            moved.value = std::string(to);
            require(errors, to == from || !findRequirement(stored, moved), "to",
                    "module " + r.moduleCode + " already has a rule for " + word + " " +
                        std::string(to));
        }
        throwIfAny(errors);
        if (from == to) {
            return;
        }
        m_store->renameName(kind, from, to);
        m_store->appendChangeLog(logEntry(actor, word, std::string(from), "rename",
                                          json({{"name", std::string(from)}}),
                                          json({{"name", std::string(to)}})));
        for (const Requirement& r : rules) {
            logged(*m_store, "requirement", r.id,
                   logEntry(actor, "requirement", requirementKey(r), "rename",
                            json({{"value", std::string(from)}}), json({{"value", std::string(to)}})),
                   false);
        }
        changed(LedgerChange::Kind::Catalog);
    });
}

void Ledger::removeName(NameKind kind, std::string_view name, std::string_view actor) {
    const std::string word = nameKindWord(kind);
    const Scope scope = scopeOf(kind);
    inTransaction([&] {
        const auto names = m_store->names(kind);
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            throw ValidationError({FieldError{
                {}, 0, "name", "there is no " + word + " called " + std::string(name)}});
        }
        const LedgerData stored = m_store->loadCatalog();
        const std::int64_t people = m_store->staffCount(kind, name);
        const auto rules = std::count_if(
            stored.requirements.begin(), stored.requirements.end(),
            [&](const Requirement& r) { return r.scope == scope && r.value == name; });
        std::vector<std::string> uses;
        if (people > 0) {
            uses.push_back(counted(people, "person", "people"));
        }
        if (rules > 0) {
            uses.push_back(counted(rules, "rule", "rules"));
        }
        if (!uses.empty()) {
            throw ValidationError(
                {FieldError{{}, 0, "name", usedBy(uses) + " " + word + " " + std::string(name)}});
        }
        m_store->removeName(kind, name);
        m_store->appendChangeLog(logEntry(actor, word, std::string(name), "remove",
                                          json({{"name", std::string(name)}}), ""));
        changed(LedgerChange::Kind::Catalog);
    });
}

void Ledger::saveModule(const Module& module, bool isNew, std::string_view actor) {
    inTransaction([&] {
        const LedgerData stored = m_store->loadCatalog();
        const Module* before = findModule(stored, module.code);
        std::vector<FieldError> errors = validateModule(module);
        if (isNew) {
            require(errors, !before, "code", "module code " + module.code + " is already in use");
        } else {
            require(errors, before != nullptr, "code", "no module has code " + module.code);
        }
        throwIfAny(errors);
        Module after = module;
        after.id = before ? before->id : 0;
        if (before && after == *before) {
            return;
        }
        const RecordId id = m_store->putModule(after);
        logged(*m_store, "module", id, changeEntry(actor, "module", after.code, before, after),
               !before);
        changed(LedgerChange::Kind::Catalog);
    });
}

void Ledger::removeModule(std::string_view code, std::string_view actor) {
    inTransaction([&] {
        const LedgerData stored = m_store->loadCatalog();
        const Module* module = findModule(stored, code);
        if (!module) {
            throw ValidationError(
                {FieldError{{}, 0, "code", "no module has code " + std::string(code)}});
        }
        const std::int64_t completions = m_store->completionCount(code);
        const auto rules =
            std::count_if(stored.requirements.begin(), stored.requirements.end(),
                          [&](const Requirement& r) { return r.moduleCode == code; });
        const auto themes = m_store->auditThemes();
        const auto linked = std::count_if(themes.begin(), themes.end(), [&](const AuditTheme& t) {
            return std::find(t.moduleCodes.begin(), t.moduleCodes.end(), code) !=
                   t.moduleCodes.end();
        });
        std::vector<std::string> uses;
        if (completions > 0) {
            uses.push_back(counted(completions, "completion", "completions"));
        }
        if (rules > 0) {
            uses.push_back(counted(rules, "rule", "rules"));
        }
        if (linked > 0) {
            uses.push_back(counted(linked, "audit theme", "audit themes"));
        }
        if (!uses.empty()) {
            throw ValidationError(
                {FieldError{{}, 0, "code", usedBy(uses) + " module " + std::string(code)}});
        }
        m_store->removeModule(code);
        m_store->appendChangeLog(
            logEntry(actor, "module", std::string(code), "remove", json(fieldsOf(*module)), ""));
        changed(LedgerChange::Kind::Catalog);
    });
}

void Ledger::saveRequirement(const Requirement& requirement, std::string_view actor) {
    inTransaction([&] {
        const LedgerData stored = m_store->loadCatalog();
        throwIfAny(validateRequirement(requirement, makeValidationContext(stored, Date{})));
        const Requirement* before = findRequirement(stored, requirement);
        Requirement after = requirement;
        after.id = before ? before->id : 0;
        if (before && after == *before) {
            return;
        }
        const RecordId id = m_store->putRequirement(after);
        logged(*m_store, "requirement", id,
               changeEntry(actor, "requirement", requirementKey(after), before, after), !before);
        changed(LedgerChange::Kind::Catalog);
    });
}

void Ledger::removeRequirement(const Requirement& requirement, std::string_view actor) {
    inTransaction([&] {
        const LedgerData stored = m_store->loadCatalog();
        const Requirement* before = findRequirement(stored, requirement);
        if (!before) {
            const bool moduleKnown = findModule(stored, requirement.moduleCode) != nullptr;
            throw ValidationError(
                {FieldError{{},
                            0,
                            moduleKnown ? "scope" : "module",
                            moduleKnown ? "there is no rule " + requirementKey(requirement)
                                        : "no module has code " + requirement.moduleCode}});
        }
        m_store->removeRequirement(*before);
        m_store->appendChangeLog(logEntry(actor, "requirement", requirementKey(*before), "remove",
                                          json(fieldsOf(*before)), ""));
        changed(LedgerChange::Kind::Catalog);
    });
}

RecordId Ledger::addCompletion(const Completion& completion, Date today, std::string_view actor) {
    RecordId id = 0;
    inTransaction([&] {
        std::vector<FieldError> errors = validateCompletion(completion, storedContext(today));
        for (const Completion& c : m_store->completionsOf(completion.employeeId)) {
            if (c.moduleCode == completion.moduleCode && c.completedOn == completion.completedOn) {
                errors.push_back(FieldError{
                    {},
                    0,
                    "completed_on",
                    completion.employeeId + " already has a completion of " +
                        completion.moduleCode + " on " + formatIso(completion.completedOn) +
                        (c.voided ? " (voided)" : "")});
            }
        }
        throwIfAny(errors);
        Completion added = completion;
        added.id = 0;
        added.voided = false;
        added.voidReason.clear();
        id = m_store->putCompletion(added);
        added.id = id;
        logged(*m_store, "completion", id,
               changeEntry<Completion>(actor, "completion", completionKey(added), nullptr, added),
               true);
        changed(LedgerChange::Kind::Completions, added.employeeId);
    });
    return id;
}

void Ledger::correctCompletion(const Completion& corrected, std::string_view reason, Date today,
                               std::string_view actor) {
    inTransaction([&] {
        std::vector<FieldError> errors;
        const std::optional<Completion> before = m_store->completion(corrected.id);
        Completion after = corrected;
        if (!before) {
            errors.push_back(
                FieldError{{}, 0, "id", "no completion has id " + std::to_string(corrected.id)});
        } else {
            require(errors, !before->voided, "id", "a voided completion cannot be corrected");
            require(errors,
                    corrected.employeeId.empty() || corrected.employeeId == before->employeeId,
                    "employee_id",
                    "a completion stays with its person; void it and record a new one instead");
            after.employeeId = before->employeeId;
            after.voided = before->voided;
            after.voidReason = before->voidReason;
            for (FieldError& e : validateCompletion(after, storedContext(today))) {
                errors.push_back(std::move(e));
            }
            for (const Completion& c : m_store->completionsOf(after.employeeId)) {
                require(errors,
                        c.id == after.id || c.moduleCode != after.moduleCode ||
                            c.completedOn != after.completedOn,
                        "completed_on",
                        after.employeeId + " already has a completion of " + after.moduleCode +
                            " on " + formatIso(after.completedOn));
            }
        }
        require(errors, !blank(reason), "reason", "a reason for the correction is required");
        if (auto problem = textProblem(reason, TextKind::FreeText)) {
            errors.push_back(FieldError{{}, 0, "reason", std::move(*problem)});
        }
        throwIfAny(errors);
        if (after == *before) {
            return;
        }
        m_store->updateCompletion(after);
        auto [oldValues, newValues] =
            changedFields(correctionFieldsOf(*before), correctionFieldsOf(after));
        newValues.emplace_back("reason", trimmed(reason));
        ChangeLogEntry entry = logEntry(actor, "completion", completionKey(after), "correct",
                                        json(oldValues), json(newValues));
        entry.subject = after.employeeId;
        logged(*m_store, "completion", after.id, entry, false);
        changed(LedgerChange::Kind::Completions, after.employeeId);
    });
}

void Ledger::voidCompletion(RecordId id, std::string_view reason, std::string_view actor) {
    inTransaction([&] {
        std::vector<FieldError> errors;
        const std::optional<Completion> before = m_store->completion(id);
        require(errors, before.has_value(), "id", "no completion has id " + std::to_string(id));
        require(errors, !before || !before->voided, "id", "the completion is already voided");
        require(errors, !blank(reason), "reason", "a reason for voiding is required");
        if (auto problem = textProblem(reason, TextKind::FreeText)) {
            errors.push_back(FieldError{{}, 0, "reason", std::move(*problem)});
        }
        throwIfAny(errors);
        Completion after = *before;
        after.voided = true;
        after.voidReason = trimmed(reason);
        m_store->updateCompletion(after);
        ChangeLogEntry entry = logEntry(actor, "completion", completionKey(after), "void", "",
                                        json({{"reason", after.voidReason}}));
        entry.subject = after.employeeId;
        logged(*m_store, "completion", after.id, entry, false);
        changed(LedgerChange::Kind::Completions, after.employeeId);
    });
}

std::optional<Completion> Ledger::completion(RecordId id) {
    return m_store->completion(id);
}

std::vector<AuditTheme> Ledger::auditThemes() {
    return m_store->auditThemes();
}

std::vector<ChangeLogEntry> Ledger::changeLog(std::string_view entity, std::string_view recordKey) {
    return m_store->changeLog(entity, recordKey);
}

std::vector<Completion> Ledger::completionsOf(std::string_view employeeId) {
    return m_store->completionsOf(employeeId);
}

std::vector<ChangeLogEntry> Ledger::historyOf(std::string_view employeeId) {
    return m_store->historyOfSubject(employeeId);
}

RecordOrigin Ledger::originOf(std::string_view entity, RecordId id) {
    return m_store->recordOrigin(entity, id);
}

std::string Ledger::setting(std::string_view key) {
    return m_store->setting(key);
}

void Ledger::setSetting(std::string_view key, std::string_view value, std::string_view actor) {
    inTransaction([&] {
        std::vector<FieldError> errors;
        require(errors, !key.empty(), "key", "a setting needs a name");
        throwIfAny(errors);
        const std::string before = m_store->setting(key);
        if (before == value) {
            return;
        }
        m_store->setSetting(key, value);
        m_store->appendChangeLog(logEntry(actor, "setting", std::string(key),
                                          before.empty() ? "add" : "update",
                                          before.empty() ? "" : json({{"value", before}}),
                                          json({{"value", std::string(value)}})));
        changed(LedgerChange::Kind::Settings);
    });
}

std::vector<std::string> Ledger::check() {
    return m_store->checkIntegrity();
}

int Ledger::schemaVersion() {
    return m_store->schemaVersion();
}

std::vector<std::filesystem::path> Ledger::changePassphrase(std::string_view newPassphrase,
                                                            std::string_view actor) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = "ledger";
    entry.action = "change passphrase";
    return m_store->changePassphrase(newPassphrase, entry);
}

std::vector<std::string> Ledger::notices() const {
    return m_store->notices();
}

std::vector<std::filesystem::path> Ledger::backupsMade() const {
    return m_store->backupsMade();
}

} // namespace ledger
