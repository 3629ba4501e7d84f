#include "cpd/cpd_import.h"

#include "cpd/cpd_entry.h"
#include "io/import_rows.h"

#include <map>
#include <unordered_set>

namespace ledger {

using namespace csvimport;

namespace {

using EntryKey = std::tuple<std::string, Date, std::string>;

EntryKey keyOf(const CpdEntry& e) {
    return {e.employeeId, e.date, e.title};
}

/// The fields an import writes (everything but the source, the id and the version).
bool sameImported(const CpdEntry& a, const CpdEntry& b) {
    return a.employeeId == b.employeeId && a.date == b.date && a.title == b.title &&
           a.type == b.type && a.hours == b.hours && a.description == b.description &&
           a.learning == b.learning && a.impact == b.impact &&
           a.peerReflection == b.peerReflection && a.standards == b.standards &&
           a.themes == b.themes && a.status == b.status;
}

std::string entryKey(const CpdEntry& e) {
    return e.employeeId + "/" + formatIso(e.date) + "/" + e.title;
}

} // namespace

CpdImport::CpdImport(UnitOfWork& work) : m_work(work) {
}

ImportSummary CpdImport::run(std::string_view fileName, CsvSource& source, Date today, bool dryRun,
                             std::string_view actor) {
    ImportSummary summary;
    const auto work = [&] {
        summary = {};
        Store& store = m_work.store();
        ImportRows rows(ImportKind::Cpd, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(ImportKind::Cpd));
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        std::unordered_set<std::string> themeKeys;
        for (const AuditTheme& t : store.themes().auditThemes()) {
            themeKeys.insert(t.key);
        }
        std::vector<std::pair<int, CpdEntry>> entries;
        std::map<EntryKey, std::size_t> seen; // each key's first row
        CsvRecord record;
        while (rows.next(record)) {
            problems.take(rows.errors()); // the CSV's and the characters' first
            const Row row(record, rows.columns());
            const int line = row.line();
            CpdEntry e;
            e.employeeId = row["employee_id"];
            if (e.employeeId.empty()) {
                problems.add(line, "employee_id", "empty");
            } else if (!context.hasEmployee(e.employeeId)) {
                problems.add(line, "employee_id", "unknown employee");
            }
            bool dateOk = false;
            if (row["date"].empty()) {
                problems.add(line, "date", "empty");
            } else if (const auto d = parseIsoDate(row["date"]); d && !dateProblem(*d)) {
                e.date = *d;
                dateOk = true;
                if (today < e.date) {
                    problems.add(line, "date", "after today");
                }
            } else {
                problems.add(line, "date", "not a date");
            }
            e.title = row["title"];
            if (e.title.empty()) {
                problems.add(line, "title", "empty");
            } else {
                checkTitle(problems, line, "title", e.title);
            }
            if (row["type"].empty()) {
                problems.add(line, "type", "empty");
            } else if (const auto type = parseCpdType(row["type"])) {
                e.type = *type;
            } else {
                problems.add(line, "type", "not a type");
            }
            if (row["hours"].empty()) {
                problems.add(line, "hours", "empty");
            } else if (const auto hours = parseHours(row["hours"])) {
                e.hours = *hours;
                if (e.hours > kMaxCpdHours) {
                    problems.add(line, "hours", "more than 1000");
                }
            } else {
                problems.add(line, "hours", "not hours");
            }
            e.description = row["description"];
            e.learning = row["learning"];
            e.impact = row["impact"];
            e.peerReflection = row["peer_reflection"];
            for (const char* column : {"description", "learning", "impact", "peer_reflection"}) {
                checkLongText(problems, line, column, row[column]);
            }
            const std::vector<std::string> standards = splitList(row["standards"]);
            checkList(
                problems, line, "standards", standards,
                [](const std::string& code) { return isCpdStandard(code); }, "standard");
            e.standards.insert(standards.begin(), standards.end());
            const std::vector<std::string> themes = splitList(row["themes"]);
            checkList(
                problems, line, "themes", themes,
                [&](const std::string& key) { return themeKeys.count(key) > 0; }, "audit theme");
            e.themes.insert(themes.begin(), themes.end());
            if (row["status"].empty()) {
                problems.add(line, "status", "empty");
            } else if (const auto status = parseCpdStatus(row["status"])) {
                e.status = *status;
                if (e.status == CpdStatus::Final) {
                    for (const char* column : {"description", "learning", "impact"}) {
                        if (blank(row[column])) {
                            problems.add(line, column, "blank in a final entry");
                        }
                    }
                }
            } else {
                problems.add(line, "status", "not a status");
            }
            if (!e.employeeId.empty() && dateOk && !e.title.empty()) {
                const auto [at, fresh] = seen.emplace(keyOf(e), entries.size());
                if (!fresh) {
                    const auto& [firstLine, first] = entries[at->second];
                    if (sameImported(first, e)) {
                        continue; // an identical row counts once
                    }
                    problems.add(line, "title",
                                 "the same employee_id, date and title as line " +
                                     std::to_string(firstLine));
                }
            }
            entries.emplace_back(line, std::move(e));
        }
        problems.take(rows.errors());
        problems.throwIfAny();
        summary.notices = rows.notices();

        std::map<EntryKey, CpdEntry> stored;
        for (CpdEntry& e : store.cpd().entries()) {
            stored.emplace(keyOf(e), std::move(e));
        }
        for (auto& [line, e] : entries) {
            const auto found = stored.find(keyOf(e));
            const CpdEntry* before = found != stored.end() ? &found->second : nullptr;
            if (before) {
                if (sameImported(*before, e)) {
                    ++summary.unchanged;
                    continue;
                }
                e.id = before->id;
                e.source = before->source; // kept by imports
                ++summary.updated;
            } else {
                ++summary.added;
            }
            if (dryRun) {
                continue;
            }
            const RecordId id = store.cpd().putEntry(e);
            e.id = id;
            logged(store.changeLog(), "cpd_entry", id,
                   changeEntry(actor, "cpd_entry", entryKey(e), before, e), before == nullptr);
        }
        if (!dryRun) {
            store.changeLog().append(importEntry(actor, fileName, "cpd", summary));
            m_work.changed(LedgerChange::Kind::Cpd);
        }
    };
    m_work.run(work);
    return summary;
}

} // namespace ledger
