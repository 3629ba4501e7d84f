#include "io/import_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/kill_point.h"
#include "base/validation.h"
#include "io/csv.h"
#include "store/unit_of_work.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ledger {

namespace {

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
    explicit ImportCache(Store& store)
        : m_store(store), m_previous(store.setCacheSize(-kKibibytes)) {
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
        // While most rows are new (a first import), inserting first costs one search of the
        // key's index instead of two; while most are stored already (the same file again),
        // looking up first does. Either way each row ends the same.
        if (!m_dryRun && m_newShare > 0.5) {
            if (m_store.insertCompletionIfNew(staffId, moduleId, c, m_entry)) {
                noteNew(true);
                return Outcome::Added;
            }
        }
        const std::optional<StoredCompletion> found =
            m_store.findCompletion(staffId, moduleId, c.completedOn);
        noteNew(!found);
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
    /// A running share of the recent rows that were new.
    void noteNew(bool isNew) { m_newShare = 0.9 * m_newShare + (isNew ? 0.1 : 0.0); }

    Store& m_store;
    double m_newShare = 0.0;
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

} // namespace

ImportService::ImportService(UnitOfWork& work) : m_work(work), m_store(&work.store()) {
}

ImportSummary ImportService::csv(ImportKind kind, std::string_view fileName, std::string_view text,
                                 Date today, bool dryRun, std::string_view actor,
                                 const Progress* progress) {
    MemoryCsvSource source(text);
    return stream(
        kind, fileName, source, [&] { return sha256Hex(text); }, today, dryRun, actor, progress);
}

ImportSummary ImportService::file(ImportKind kind, const std::filesystem::path& path,
                                  std::string_view fileName, Date today, bool dryRun,
                                  std::string_view actor, const Progress* progress) {
    ImportFile opened(path);
    return this->file(kind, opened, fileName, today, dryRun, actor, progress);
}

ImportSummary ImportService::file(ImportKind kind, ImportFile& file, std::string_view fileName,
                                  Date today, bool dryRun, std::string_view actor,
                                  const Progress* progress) {
    return stream(
        kind, fileName, file, [&] { return file.sha256(); }, today, dryRun, actor, progress);
}

ImportSummary ImportService::stream(ImportKind kind, std::string_view fileName, CsvSource& source,
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
            summary = completions(fileName, source, today, dryRun, actor, progress, entry);
        } else {
            const ParsedImport parsed =
                parseImport(kind, fileName, source, m_store->loadWithoutCompletions(), today);
            if (!parsed.errors.empty()) {
                throw ValidationError(parsed.errors);
            }
            const LedgerData stored = m_store->loadWithoutCompletions();
            ProgressTicker ticker(progress, recordCount(parsed));
            ticker.report(0.0);
            summary = apply(
                parsed, stored, dryRun, actor, [&] { ticker.advance(); }, entry);
            ticker.report(1.0);
        }
        if (!dryRun) {
            m_store->setChangeLogNewValues(
                entry, importValues(fileName, digest(), importKindName(kind), summary));
            m_work.changed(LedgerChange::Kind::Everything);
        }
    };
    if (dryRun) {
        run();
    } else {
        m_work.run(run);
    }
    return summary;
}

ImportSummary ImportService::completions(std::string_view fileName, CsvSource& source, Date today,
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

ImportSummary ImportService::apply(const ParsedImport& parsed, const LedgerData& stored,
                                   bool dryRun, std::string_view actor) {
    RecordId entry = 0;
    if (!dryRun) {
        entry = m_store->appendChangeLog(importEntry(actor, parsed.file));
    }
    ImportSummary summary = apply(
        parsed, stored, dryRun, actor, [] {}, entry);
    if (!dryRun) {
        m_store->setChangeLogNewValues(
            entry, importValues(parsed.file, "", importKindName(parsed.kind), summary));
    }
    return summary;
}

ImportSummary ImportService::apply(const ParsedImport& parsed, const LedgerData& stored,
                                   bool dryRun, std::string_view actor,
                                   const std::function<void()>& applied, RecordId entry) {
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
            [](Store& st, const Staff& s) { return st.putStaff(s); }, kNeverFrozen, "staff", dryRun,
            actor, store, summary, applied, parsed, entry);
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

ImportSummary ImportService::records(const LedgerData& records, Date today, std::string_view actor,
                                     const Progress* progress) {
    ImportSummary total;
    m_work.run([&] {
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
            const ImportSummary part = apply(
                parsed, stored, false, actor, [&] { ticker.advance(); }, entry);
            total.added += part.added;
            total.updated += part.updated;
            total.unchanged += part.unchanged;
        }
        m_store->setChangeLogNewValues(entry, importValues("", "", "records", total));
        ticker.report(1.0);
        m_work.changed(LedgerChange::Kind::Everything);
    });
    return total;
}

} // namespace ledger
