#pragma once

// One import of records keyed by a natural key (rules/learning-record.md section 8): read
// through the kind's field spec, checked (the kind's own rules, against the ledger), and
// written all or nothing with a change-log entry each and one for the import. A row whose key
// is stored with other values replaces that record's fields; records not in the file are
// kept; identical rows count once; two different rows with one key are refused. Every
// problem names the file, the line and the column. Private to core's services: the learning
// record's imports (trusted assessors, the programmes) are each one of these.

#include "audit/change_entries.h"
#include "io/import_rows.h"
#include "io/import_service.h"
#include "store/unit_of_work.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ledger::csvimport {

/// What one import of `Record` needs, read inside its transaction. `Words` says of the kind:
/// `entity` (its change-log entity), `keyColumn` (where a second row with one key is
/// reported), `keyNames` ("employee_id and level"), `key(r)` (ordered) and `logKey(r)`.
template <typename Record> struct KeyedImportPlan {
    std::vector<Record> stored;
    /// Section 9's checks of one row read without problems; `before` is the stored record
    /// with its key, if any.
    std::function<std::vector<FieldError>(const Record&, const Record* before)> validate;
    /// Writes a record (id 0: new) and returns its id.
    std::function<RecordId(const Record&)> put;
};

/// The fields an import writes (everything but the id and the version).
template <typename Record> bool sameImported(const Record& a, const Record& b) {
    Record x = a;
    Record y = b;
    x.id = y.id = 0;
    x.version = y.version = RecordVersion{};
    return x == y;
}

template <typename Record>
std::string keyedProblemText(const FieldSpec<Record>& f, const FieldProblem& problem) {
    switch (problem.kind) {
    case FieldProblem::Kind::Missing:
        return "empty";
    case FieldProblem::Kind::NotADate:
        return f.name == "breaks"
                   ? "not periods written YYYY-MM-DD..YYYY-MM-DD with ; between: " + problem.value
                   : "not a date: " + problem.value;
    case FieldProblem::Kind::NotANumber:
        return f.type == FieldType::Number
                   ? "not a whole number from " + std::to_string(f.lo) + " to " +
                         std::to_string(f.hi)
                   : "not hours (digits, with at most two decimals): " + problem.value;
    case FieldProblem::Kind::NotAChoice:
        return "not " + f.choiceCodes();
    }
    return "not valid";
}

/// Runs the import of `kind` as one unit of work on `work` (a dry run writes nothing) and
/// returns its counts. `required` are the columns refused empty, `lists` the `;` list columns
/// (no empty or repeated item), `plan` reads what the checks and writes need.
template <typename Record, typename Words>
ImportSummary runKeyedImport(UnitOfWork& work, ImportKind kind, std::string_view fileName,
                             CsvSource& source, bool dryRun, std::string_view actor,
                             const RecordSpec<Record>& spec, const std::set<std::string>& required,
                             const std::vector<const char*>& lists, LedgerChange::Kind changed,
                             const std::function<KeyedImportPlan<Record>(Store&)>& plan) {
    using Key = decltype(Words::key(std::declval<const Record&>()));
    ImportSummary summary;
    work.run([&] {
        summary = {};
        Store& store = work.store();
        ImportRows rows(kind, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(kind));
        KeyedImportPlan<Record> ledger = plan(store);
        std::map<Key, Record> stored;
        for (Record& r : ledger.stored) {
            stored.emplace(Words::key(r), std::move(r));
        }
        const auto storedWith = [&](const Record& r) -> const Record* {
            const auto found = stored.find(Words::key(r));
            return found == stored.end() ? nullptr : &found->second;
        };

        std::vector<std::pair<int, Record>> records;
        std::map<Key, std::size_t> seen; // each key's first row
        CsvRecord record;
        while (rows.next(record)) {
            problems.take(rows.errors()); // the CSV's and the characters' first
            const Row row(record, rows.columns());
            const int line = row.line();
            const std::size_t before = problems.countOn(line);
            Record r;
            for (const FieldSpec<Record>& f : spec.fields) {
                const std::string column(f.name);
                const std::string& cell = row[column.c_str()];
                if (cell.empty() && required.count(column) != 0) {
                    problems.add(line, column, "empty");
                    continue;
                }
                if (const auto problem = f.parse(r, cell)) {
                    problems.add(line, column, keyedProblemText(f, *problem));
                }
            }
            for (const char* column : lists) {
                checkList(
                    problems, line, column, splitList(row[column]),
                    [](const std::string&) { return true; }, "item");
            }
            if (problems.countOn(line) > before) {
                continue; // what could not be read is not checked further
            }
            for (FieldError& e : ledger.validate(r, storedWith(r))) {
                problems.add(line, e.field, e.message);
            }
            const auto [at, fresh] = seen.emplace(Words::key(r), records.size());
            if (!fresh) {
                const auto& [firstLine, first] = records[at->second];
                if (sameImported(first, r)) {
                    continue; // an identical row counts once
                }
                problems.add(line, Words::keyColumn,
                             std::string("the same ") + Words::keyNames + " as line " +
                                 std::to_string(firstLine));
            }
            records.emplace_back(line, std::move(r));
        }
        problems.take(rows.errors());
        problems.throwIfAny();
        summary.notices = rows.notices();

        for (auto& [line, r] : records) {
            const Record* before = storedWith(r);
            if (before) {
                if (sameImported(*before, r)) {
                    ++summary.unchanged;
                    continue;
                }
                r.id = before->id;
                ++summary.updated;
            } else {
                ++summary.added;
            }
            if (dryRun) {
                continue;
            }
            r.id = ledger.put(r);
            logged(store.changeLog(), Words::entity, r.id,
                   changeEntry(actor, Words::entity, Words::logKey(r), before, r),
                   before == nullptr);
        }
        if (!dryRun) {
            store.changeLog().append(importEntry(actor, fileName, importKindName(kind), summary));
            work.changed(changed);
        }
    });
    return summary;
}

} // namespace ledger::csvimport
