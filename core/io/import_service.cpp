#include "io/import_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/kill_point.h"
#include "base/validation.h"
#include "io/csv.h"
#include "store/unit_of_work.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
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
                  std::string_view actor, ChangeLogRepository& changes, ImportSummary& summary,
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
            const RecordId id = put(record);
            if (before) {
                logged(changes, entity, id, changeEntry(actor, entity, key, before, record), false);
            } else {
                changes.linkChange(entity, id, importEntry, true);
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

/// FNV-1a over `bytes`, continuing from `h`.
constexpr std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
    for (const char c : bytes) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    return h;
}

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;

/// The splitmix64 finaliser: every bit of `h` spread over the low bits a table indexes by.
constexpr std::uint64_t spread(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

/// Where a completion key's hash keeps its person's bits (the 24 above it).
constexpr int kPersonShift = 40;

/// Record ids by their key (employee id or module code) in one flat table, looked up by a
/// view of the key: no node or string per lookup.
class IdsByKey {
public:
    explicit IdsByKey(const std::unordered_map<std::string, RecordId>& ids) {
        std::size_t capacity = 16;
        while (capacity < ids.size() * 2) {
            capacity *= 2;
        }
        m_slots.resize(capacity);
        m_keys.reserve(ids.size());
        for (const auto& [key, id] : ids) {
            m_keys.push_back(key);
            const std::uint64_t hash = spread(fnv1a(kFnvOffset, key));
            for (std::size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
                if (m_slots[i].key == 0) {
                    m_slots[i] = Slot{hash, m_keys.size(), id};
                    break;
                }
            }
        }
    }

    /// The id of `key`; throws std::out_of_range when there is none (as map::at).
    [[nodiscard]] RecordId at(std::string_view key) const {
        const std::uint64_t hash = spread(fnv1a(kFnvOffset, key));
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_slots[i];
            if (slot.key == 0) {
                throw std::out_of_range("no record has the key " + std::string(key));
            }
            if (slot.hash == hash && m_keys[slot.key - 1] == key) {
                return slot.id;
            }
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t key = 0; ///< index in m_keys plus one; 0 when empty
        RecordId id = 0;
    };
    std::vector<Slot> m_slots;
    std::vector<std::string> m_keys;
};

/// One person's stored completions by key (module, date) while an import writes their rows:
/// a flat table of positions in the list the store filled, kept up to date as rows are
/// added to it.
class PersonCompletions {
public:
    /// Reads person `staffId`'s completions from `store`.
    void read(TrainingRepository& training, RecordId staffId) {
        training.storedCompletionsOf(staffId, m_stored);
        std::size_t capacity = 64;
        while (capacity < m_stored.size() * 2) {
            capacity *= 2;
        }
        // Kept when large enough and not much larger: emptying costs what reading filled.
        if (m_slots.size() < capacity || m_slots.size() > capacity * 8) {
            m_slots.assign(capacity, Slot{});
        } else {
            std::fill(m_slots.begin(), m_slots.end(), Slot{});
        }
        for (std::size_t i = 0; i < m_stored.size(); ++i) {
            place(m_stored[i].moduleId, toDayNumber(m_stored[i].completedOn), i);
        }
    }

    [[nodiscard]] std::size_t size() const { return m_stored.size(); }

    /// The stored completion with this key, or nullptr.
    [[nodiscard]] StoredCompletion* find(RecordId moduleId, const Date& completedOn) {
        const DayNumber day = toDayNumber(completedOn);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hashOf(moduleId, day) & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_slots[i];
            if (slot.position == 0) {
                return nullptr;
            }
            if (slot.moduleId == moduleId && slot.day == day) {
                return &m_stored[slot.position - 1];
            }
        }
    }

    /// Adds a completion just written.
    void add(StoredCompletion stored) {
        if ((m_stored.size() + 1) * 2 > m_slots.size()) {
            m_slots.assign(m_slots.size() * 2, Slot{});
            for (std::size_t i = 0; i < m_stored.size(); ++i) {
                place(m_stored[i].moduleId, toDayNumber(m_stored[i].completedOn), i);
            }
        }
        m_stored.push_back(std::move(stored));
        place(m_stored.back().moduleId, toDayNumber(m_stored.back().completedOn),
              m_stored.size() - 1);
    }

private:
    struct Slot {
        RecordId moduleId = 0;
        DayNumber day = 0;
        std::uint32_t position = 0; ///< in m_stored, plus one; 0 when empty
    };

    static std::uint64_t hashOf(RecordId moduleId, DayNumber day) {
        return spread(static_cast<std::uint64_t>(moduleId) * 0x9e3779b97f4a7c15ull ^
                      static_cast<std::uint32_t>(day));
    }

    void place(RecordId moduleId, DayNumber day, std::size_t position) {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hashOf(moduleId, day) & mask;; i = (i + 1) & mask) {
            Slot& slot = m_slots[i];
            if (slot.position == 0) {
                slot = Slot{moduleId, day, static_cast<std::uint32_t>(position + 1)};
                return;
            }
            if (slot.moduleId == moduleId && slot.day == day) {
                return; // a key twice in the store cannot be; the first one answers
            }
        }
    }

    std::vector<StoredCompletion> m_stored;
    std::vector<Slot> m_slots;
};

/// Writes imported completions: each row compared with the stored completion under its key,
/// then an insert pointing to the import's entry, or an update with its own entry (before and
/// after), or nothing.
///
/// A person whose rows come together in the file has their stored completions read at once
/// (one search of the key's index, then its range); rows that come scattered are looked up
/// one by one. Memory holds one person's completions at most, never the ledger's.
class CompletionWriter {
public:
    enum class Outcome { Added, Updated, Unchanged, Frozen };

    CompletionWriter(TrainingRepository& training, ChangeLogRepository& changes,
                     RecordId importEntry, bool dryRun, std::string_view actor,
                     const std::unordered_map<std::string, RecordId>& staffIds,
                     const std::unordered_map<std::string, RecordId>& moduleIds)
        : m_training(training), m_changes(changes), m_entry(importEntry), m_dryRun(dryRun),
          m_actor(actor), m_staff(staffIds), m_modules(moduleIds) {}

    Outcome write(const Completion& c) {
        // Consecutive rows are mostly one person's: their id is known already.
        if (c.employeeId != m_employeeId) {
            m_staffId = m_staff.at(c.employeeId);
            m_employeeId = c.employeeId;
        }
        const RecordId moduleId = m_modules.at(c.moduleCode);
        if (m_staffId != m_person) {
            startPerson(m_staffId);
        }
        ++m_run;
        return m_personRead ? writeFromPerson(m_staffId, moduleId, c)
                            : writeByKey(m_staffId, moduleId, c);
    }

private:
    /// Rows of another person begin: reads their stored completions at once when that is
    /// likely cheaper than a lookup per row, that is while people's rows have come in runs
    /// longer than (a quarter of) what each person has stored.
    void startPerson(RecordId staffId) {
        if (m_person != 0) {
            m_runLength = 0.5 * m_runLength + 0.5 * static_cast<double>(m_run);
        }
        m_person = staffId;
        m_run = 0;
        m_personRead = m_runLength >= 2.0 && m_storedLength <= 4.0 * (m_runLength - 1.0);
        if (m_personRead) {
            m_personStored.read(m_training, staffId);
            m_storedLength =
                0.5 * m_storedLength + 0.5 * static_cast<double>(m_personStored.size());
        }
    }

    Outcome writeFromPerson(RecordId staffId, RecordId moduleId, const Completion& c) {
        if (StoredCompletion* found = m_personStored.find(moduleId, c.completedOn)) {
            return compare(*found, c);
        }
        if (!m_dryRun) {
            StoredCompletion added;
            added.id = m_training.insertCompletion(staffId, moduleId, c, m_entry);
            added.moduleId = moduleId;
            added.completedOn = c.completedOn;
            added.expiresOn = c.expiresOn;
            added.evidence = c.evidence;
            added.createdChange = m_entry;
            m_personStored.add(std::move(added));
        }
        return Outcome::Added;
    }

    Outcome writeByKey(RecordId staffId, RecordId moduleId, const Completion& c) {
        // While most rows are new (a first import), inserting first costs one search of the
        // key's index instead of two; while most are stored already (the same file again),
        // looking up first does. Either way each row ends the same.
        if (!m_dryRun && m_newShare > 0.5) {
            if (m_training.insertCompletionIfNew(staffId, moduleId, c, m_entry)) {
                noteNew(true);
                return Outcome::Added;
            }
        }
        std::optional<StoredCompletion> found =
            m_training.findCompletion(staffId, moduleId, c.completedOn);
        noteNew(!found);
        if (!found) {
            if (!m_dryRun) {
                m_training.insertCompletion(staffId, moduleId, c, m_entry);
            }
            return Outcome::Added;
        }
        return compare(*found, c);
    }

    /// A row whose key is stored: nothing, or an update with its entry (`stored` then holds
    /// the new values).
    Outcome compare(StoredCompletion& stored, const Completion& c) {
        if (stored.voided) {
            return Outcome::Frozen; // a deliberate void is not undone by an old import
        }
        if (stored.expiresOn == c.expiresOn && stored.evidence == c.evidence) {
            return Outcome::Unchanged;
        }
        if (!m_dryRun) {
            Completion before = c;
            before.expiresOn = stored.expiresOn;
            before.evidence = stored.evidence;
            const RecordId change =
                m_changes.append(changeEntry(m_actor, "completion", completionKey(c), &before, c));
            m_training.updateCompletionValues(stored.id, c, change);
            stored.expiresOn = c.expiresOn;
            stored.evidence = c.evidence;
            stored.changedChange = change;
        }
        return Outcome::Updated;
    }

    /// A running share of the recent rows that were new.
    void noteNew(bool isNew) { m_newShare = 0.9 * m_newShare + (isNew ? 0.1 : 0.0); }

    TrainingRepository& m_training;
    ChangeLogRepository& m_changes;
    double m_newShare = 0.0;
    RecordId m_entry;
    bool m_dryRun;
    std::string_view m_actor;
    IdsByKey m_staff;
    IdsByKey m_modules;
    std::string m_employeeId; ///< of the last row, whose store id is m_staffId
    RecordId m_staffId = 0;
    RecordId m_person = 0;     ///< whose rows are being written
    std::int64_t m_run = 0;    ///< how many of theirs so far
    double m_runLength = 1.0;  ///< a running mean of the rows a person's run has had
    double m_storedLength = 0; ///< a running mean of the completions a person has stored
    bool m_personRead = false; ///< the person's stored completions are in m_personStored
    PersonCompletions m_personStored;
};

/// The keys seen in one import, as 64-bit hashes (8 bytes a row, not the keys): a key seen
/// again is then looked up exactly by reading the file again (see importCompletions).
///
/// The table is far larger than the processor's caches, so each slot would be a miss of the
/// cache and of the address translation. A hash's top bits (the person's, see keyHash) pick
/// a region of the table and its low bits a slot in it: the rows of one person, which mostly
/// come together, stay in one region.
class KeyHashes {
public:
    /// False when `hash` was already there.
    bool insert(std::uint64_t hash) {
        hash = hash == 0 ? 1 : hash;
        if ((m_count + 1) * 10 > m_slots.size() * 7) {
            grow();
        }
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slotOf(hash);; i = (i + 1) & mask) {
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

    /// Starts bringing the slot of `hash` into the cache, for an insert a row later.
    void prefetch(std::uint64_t hash) const {
        // Unconditional: GCC 12 drops a prefetch behind a branch.
        __builtin_prefetch(m_slots.data() + slotOf(hash == 0 ? 1 : hash));
    }

private:
    static constexpr int kRegionBits = 12; ///< 4096 slots, 32 KiB

    [[nodiscard]] std::size_t slotOf(std::uint64_t hash) const {
        const std::uint64_t region = hash >> kPersonShift;
        const std::uint64_t within = hash & ((std::uint64_t{1} << kRegionBits) - 1);
        return static_cast<std::size_t>((region << kRegionBits | within) & (m_slots.size() - 1));
    }

    void grow() {
        std::vector<std::uint64_t> old = std::move(m_slots);
        m_slots.assign(old.size() * 2, 0);
        m_count = 0;
        for (const std::uint64_t h : old) {
            if (h != 0) {
                insert(h);
            }
        }
    }

    std::vector<std::uint64_t> m_slots = std::vector<std::uint64_t>(1024, 0);
    std::size_t m_count = 0;
};

/// A completion's key (person, module, date) as a 64-bit hash, from its fields as they are
/// (no string built): equal keys have equal hashes. The top 24 bits are the person's alone
/// (see KeyHashes); the low 40 bits are the whole key's. Two keys share a hash in about one
/// county import (20,000 people, 100 rows each) in 10,000: that costs a second read of the
/// file, never a wrong result.
std::uint64_t keyHash(const Completion& c) {
    const std::uint64_t person = fnv1a(kFnvOffset, c.employeeId);
    std::uint64_t h = fnv1a(person, "\x1f");
    h = fnv1a(h, c.moduleCode);
    const std::array<std::uint32_t, 3> date{
        static_cast<std::uint32_t>(static_cast<int>(c.completedOn.year())),
        static_cast<unsigned>(c.completedOn.month()), static_cast<unsigned>(c.completedOn.day())};
    for (const std::uint32_t part : date) {
        h = (h ^ part) * 1099511628211ull;
    }
    constexpr std::uint64_t kKeyBits = (std::uint64_t{1} << kPersonShift) - 1;
    return (spread(person) & ~kKeyBits) | (spread(h) & kKeyBits);
}

std::string completionKeyOf(const Completion& c) {
    return c.employeeId + '\x1f' + c.moduleCode + '\x1f' + formatIso(c.completedOn);
}

/// Counts what writing one completion did. A voided one stays void, and for a file (`file`
/// not empty) that is noted with its line.
void countWritten(ImportSummary& summary, CompletionWriter::Outcome outcome, const Completion& c,
                  std::string_view file, int line) {
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
        if (!file.empty()) {
            summary.notices.push_back(
                FieldError{std::string(file), line, "completion",
                           completionKey(c) +
                               " was voided in the ledger and stays void (it was not changed)"});
        }
        break;
    }
}

} // namespace

ImportService::ImportService(UnitOfWork& work)
    : m_work(work), m_staff(work.store().staff()), m_training(work.store().training()),
      m_changes(work.store().changeLog()) {
}

ImportSummary ImportService::csv(ImportKind kind, std::string_view fileName, std::string_view text,
                                 Date today, bool dryRun, std::string_view actor,
                                 const Progress* progress) {
    MemoryCsvSource source(text);
    return stream(
        kind, fileName, source, [&] { return sha256Hex(text); }, today, dryRun, actor, progress);
}

ImportSummary ImportService::csv(ImportKind kind, std::string_view fileName, std::string_view text,
                                 Date today, bool dryRun, std::string_view actor,
                                 const Progress* progress,
                                 const std::vector<ImportSetting>& settings) {
    MemoryCsvSource source(text);
    return stream(
        kind, fileName, source, [&] { return sha256Hex(text); }, today, dryRun, actor, progress,
        settings);
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
                                    bool dryRun, std::string_view actor, const Progress* progress,
                                    const std::vector<ImportSetting>& settings) {
    // Read and validated inside the write transaction, so that what is validated is what is
    // written. A dry run writes nothing (it may run on a read-only ledger).
    ImportSummary summary;
    const auto run = [&] {
        std::optional<ImportCache> cache;
        RecordId entry = 0;
        if (!dryRun) {
            cache.emplace(m_work.store());
            entry = m_changes.append(importEntry(actor, fileName));
        }
        if (kind == ImportKind::Completions) {
            summary = completions(fileName, source, today, dryRun, actor, progress, entry);
        } else {
            const ParsedImport parsed = parseImport(
                kind, fileName, source, loadWithoutCompletions(m_staff, m_training), today);
            if (!parsed.errors.empty()) {
                throw ValidationError(parsed.errors);
            }
            const LedgerData stored = loadWithoutCompletions(m_staff, m_training);
            ProgressTicker ticker(progress, recordCount(parsed));
            ticker.report(0.0);
            summary = apply(
                parsed, stored, dryRun, actor, [&] { ticker.advance(); }, entry);
            ticker.report(1.0);
        }
        if (!dryRun) {
            m_changes.setNewValues(entry,
                                   importValues(fileName, digest(), importKindName(kind), summary));
            m_work.changed(LedgerChange::Kind::Everything);
            SettingsRepository& stored = m_work.store().settings();
            for (const ImportSetting& setting : settings) {
                const std::string before = stored.value(setting.key);
                if (before == setting.value) {
                    continue;
                }
                stored.setValue(setting.key, setting.value);
                m_changes.append(logEntry(actor, "setting", setting.key,
                                          before.empty() ? "add" : "update",
                                          before.empty() ? "" : json({{"value", before}}),
                                          json({{"value", setting.value}})));
                m_work.changed(LedgerChange::Kind::Settings);
            }
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
    const std::unordered_map<std::string, RecordId> staffIds = m_staff.staffIds();
    const std::unordered_map<std::string, RecordId> moduleIds = m_training.moduleIds();
    CompletionWriter writer(m_training, m_changes, entry, dryRun, actor, staffIds, moduleIds);
    ValidationContext context;
    context.today = today;
    for (const auto& [id, _] : staffIds) {
        context.employeeIds.insert(id);
    }
    for (const auto& [code, _] : moduleIds) {
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
        countWritten(summary, outcome, c, file, line);
    };
    std::vector<FieldError> errors;
    {
        ImportRows rows(ImportKind::Completions, file, source);
        summary.notices = rows.notices();
        CsvRecord row;
        // Each row is settled (its key looked for among those seen, then written) once the
        // next one has been read, so that the slot of its key's hash is fetched meanwhile.
        struct Read {
            int line = 0;
            Completion completion;
            bool valid = false;
            std::uint64_t hash = 0;
        };
        Read pending;
        bool hasPending = false;
        const auto settle = [&](Read& r) {
            if (!keys.insert(r.hash)) {
                again.push_back(Seen{r.line, std::move(r.completion), r.valid});
            } else if (r.valid && rows.errors().empty()) {
                // Once any row has a problem nothing will be written: the rest is only read
                // for its problems.
                count(writer.write(r.completion), r.completion, r.line);
            }
        };
        while (rows.next(row)) {
            const std::size_t before = rows.errors().size();
            Read read;
            read.line = row.line;
            read.completion = readCompletionRow(row, rows.columns(), file, context, rows.errors());
            read.valid = rows.errors().size() == before;
            read.hash = keyHash(read.completion);
            keys.prefetch(read.hash);
            if (hasPending) {
                settle(pending);
            }
            pending = std::move(read);
            hasPending = true;
            ticker.advanceTo(rows.position());
        }
        if (hasPending) {
            settle(pending);
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
        entry = m_changes.append(importEntry(actor, parsed.file));
    }
    ImportSummary summary = apply(
        parsed, stored, dryRun, actor, [] {}, entry);
    if (!dryRun) {
        m_changes.setNewValues(entry,
                               importValues(parsed.file, "", importKindName(parsed.kind), summary));
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
    switch (parsed.kind) {
    case ImportKind::Staff:
        applyRecords(
            stored.staff, parsed.staff, [](const Staff& s) { return s.employeeId; },
            [this](const Staff& s) { return m_staff.putStaff(s); }, kNeverFrozen, "staff", dryRun,
            actor, m_changes, summary, applied, parsed, entry);
        break;
    case ImportKind::Modules:
        applyRecords(
            stored.modules, parsed.modules, [](const Module& m) { return m.code; },
            [this](const Module& m) { return m_training.putModule(m); }, kNeverFrozen, "module",
            dryRun, actor, m_changes, summary, applied, parsed, entry);
        break;
    case ImportKind::Requirements:
        applyRecords(
            stored.requirements, parsed.requirements, requirementKey,
            [this](const Requirement& r) { return m_training.putRequirement(r); }, kNeverFrozen,
            "requirement", dryRun, actor, m_changes, summary, applied, parsed, entry);
        break;
    case ImportKind::Completions: {
        // Each looked up by its key in the store, not in a map of every stored completion.
        CompletionWriter writer(m_training, m_changes, entry, dryRun, actor, m_staff.staffIds(),
                                m_training.moduleIds());
        for (std::size_t i = 0; i < parsed.completions.size(); ++i) {
            const Completion& c = parsed.completions[i];
            applied();
            const int line = i < parsed.lines.size() ? parsed.lines[i] : 0;
            countWritten(summary, writer.write(c), c, parsed.file, line);
        }
        break;
    }
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
        throw std::logic_error("themes, sessions, booking actions and CPD: their features");
    }
    return summary;
}

ImportSummary ImportService::records(const LedgerData& records, Date today, std::string_view actor,
                                     const Progress* progress) {
    ImportSummary total;
    m_work.run([&] {
        ImportCache cache(m_work.store());
        const RecordId entry = m_changes.append(importEntry(actor, "(records)"));
        ProgressTicker ticker(progress, records.staff.size() + records.modules.size() +
                                            records.requirements.size() +
                                            records.completions.size());
        ticker.report(0.0);
        for (const ImportKind kind : {ImportKind::Staff, ImportKind::Modules,
                                      ImportKind::Requirements, ImportKind::Completions}) {
            const LedgerData stored = loadWithoutCompletions(m_staff, m_training);
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
                    CompletionWriter writer(m_training, m_changes, entry, false, actor,
                                            m_staff.staffIds(), m_training.moduleIds());
                    for (const Completion& c : records.completions) {
                        ticker.advance();
                        countWritten(total, writer.write(c), c, {}, 0);
                    }
                }
                continue;
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
                continue; // never asked for: not in the list above
            }
            const ImportSummary part = apply(
                parsed, stored, false, actor, [&] { ticker.advance(); }, entry);
            total.added += part.added;
            total.updated += part.updated;
            total.unchanged += part.unchanged;
        }
        m_changes.setNewValues(entry, importValues("", "", "records", total));
        ticker.report(1.0);
        m_work.changed(LedgerChange::Kind::Everything);
    });
    return total;
}

} // namespace ledger
