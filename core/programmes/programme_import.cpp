// The programmes' five imports (rules/learning-record.md sections 8 and 9): `asye`,
// `supervisions`, `apprenticeships`, `otj-hours` and `apprenticeship-reviews`. One template
// reads, checks and writes them all, or nothing: every problem named by file, line and column.

#include "audit/change_entries.h"
#include "io/import_rows.h"
#include "programmes/programme_records.h"
#include "programmes/programme_service.h"

#include <functional>
#include <map>
#include <set>

namespace ledger {

using namespace csvimport;

namespace {

/// The fields an import writes (everything but the id and the version).
template <typename Record> bool sameImported(const Record& a, const Record& b) {
    Record x = a;
    Record y = b;
    x.id = y.id = 0;
    x.version = y.version = RecordVersion{};
    return x == y;
}

template <typename Record>
std::string problemText(const FieldSpec<Record>& f, const FieldProblem& problem) {
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

/// What one kind's import needs of the ledger, read once inside its transaction: the
/// records stored, and the check of one record against them (section 9).
template <typename Record> struct ImportPlan {
    std::vector<Record> stored;
    std::function<std::vector<FieldError>(const Record&)> validate;
};

template <typename Record>
ImportSummary importRecords(UnitOfWork& work, ImportKind kind, std::string_view fileName,
                            CsvSource& source, bool dryRun, std::string_view actor,
                            const RecordSpec<Record>& spec, std::set<std::string> required,
                            const std::function<ImportPlan<Record>(Store&)>& plan) {
    using Words = ProgrammeRecord<Record>;
    using Key = decltype(Words::key(std::declval<const Record&>()));
    ImportSummary summary;
    work.run([&] {
        summary = {};
        Store& store = work.store();
        ImportRows rows(kind, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(kind));
        ImportPlan<Record> ledger = plan(store);
        std::map<Key, Record> stored;
        for (Record& r : ledger.stored) {
            stored.emplace(Words::key(r), std::move(r));
        }

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
                    problems.add(line, column, problemText(f, *problem));
                }
            }
            if (problems.countOn(line) > before) {
                continue; // what could not be read is not checked further
            }
            for (FieldError& e : ledger.validate(r)) {
                problems.add(line, e.field, e.message);
            }
            const auto [at, fresh] = seen.emplace(Words::key(r), records.size());
            if (!fresh) {
                const auto& [firstLine, first] = records[at->second];
                if (sameImported(first, r)) {
                    continue; // an identical row counts once
                }
                problems.add(line, Words::keyColumn,
                             "the same key as line " + std::to_string(firstLine));
            }
            records.emplace_back(line, std::move(r));
        }
        problems.take(rows.errors());
        problems.throwIfAny();
        summary.notices = rows.notices();

        for (auto& [line, r] : records) {
            const auto found = stored.find(Words::key(r));
            const Record* before = found != stored.end() ? &found->second : nullptr;
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
            const RecordId id = store.programmes().put(r);
            r.id = id;
            logged(store.changeLog(), Words::entity, id,
                   changeEntry(actor, Words::entity, Words::logKey(r), before, r),
                   before == nullptr);
        }
        if (!dryRun) {
            store.changeLog().append(
                importEntry(actor, fileName, importKindName(kind).c_str(), summary));
            work.changed(LedgerChange::Kind::Programmes);
        }
    });
    return summary;
}

/// The stored apprenticeships by key, for the checks of OTJ hours and reviews.
std::map<std::pair<std::string, std::string>, Apprenticeship> apprenticeshipsByKey(Store& store) {
    std::map<std::pair<std::string, std::string>, Apprenticeship> out;
    for (Apprenticeship& a : store.programmes().apprenticeships()) {
        out.emplace(std::pair(a.employeeId, a.standardCode), std::move(a));
    }
    return out;
}

} // namespace

ImportSummary ProgrammeService::importFile(ImportKind kind, std::string_view fileName,
                                           CsvSource& source, Date today, bool dryRun,
                                           std::string_view actor) {
    const auto context = [today](Store& store) {
        return std::make_shared<ValidationContext>(
            storedContext(store.staff(), store.training(), today));
    };
    switch (kind) {
    case ImportKind::Asye:
        return importRecords<AsyeEnrolment>(
            m_work, kind, fileName, source, dryRun, actor, asyeSpec(),
            {"employee_id", "start_date", "assessor_id", "supervisor_id"}, [&](Store& store) {
                auto c = context(store);
                return ImportPlan<AsyeEnrolment>{store.programmes().enrolments(),
                                                 [c](const AsyeEnrolment& e) {
                                                     return validateAsyeEnrolment(e, *c);
                                                 }};
            });
    case ImportKind::Supervisions:
        return importRecords<Supervision>(
            m_work, kind, fileName, source, dryRun, actor, supervisionSpec(),
            {"employee_id", "date"}, [&](Store& store) {
                auto c = context(store);
                auto starts = std::make_shared<std::map<std::string, Date, std::less<>>>();
                for (const AsyeEnrolment& e : store.programmes().enrolments()) {
                    starts->emplace(e.employeeId, e.start);
                }
                return ImportPlan<Supervision>{
                    store.programmes().supervisions(), [c, starts](const Supervision& s) {
                        return validateSupervision(
                            s, *c, [&](std::string_view id) -> std::optional<Date> {
                                const auto found = starts->find(id);
                                return found == starts->end() ? std::nullopt
                                                              : std::optional(found->second);
                            });
                    }};
            });
    case ImportKind::Apprenticeships:
        return importRecords<Apprenticeship>(
            m_work, kind, fileName, source, dryRun, actor, apprenticeshipSpec(),
            {"employee_id", "standard_code", "standard_title", "provider", "start_date",
             "planned_end_date", "planned_otj_hours"},
            [&](Store& store) {
                auto c = context(store);
                return ImportPlan<Apprenticeship>{store.programmes().apprenticeships(),
                                                  [c](const Apprenticeship& a) {
                                                      return validateApprenticeship(a, *c);
                                                  }};
            });
    case ImportKind::OtjHours:
        return importRecords<OtjEntry>(
            m_work, kind, fileName, source, dryRun, actor, otjEntrySpec(),
            {"employee_id", "standard_code", "date", "hours"}, [&](Store& store) {
                auto c = context(store);
                auto parents = std::make_shared<decltype(apprenticeshipsByKey(store))>(
                    apprenticeshipsByKey(store));
                return ImportPlan<OtjEntry>{
                    store.programmes().otjEntries(), [c, parents](const OtjEntry& o) {
                        const auto found = parents->find({o.employeeId, o.standardCode});
                        return validateOtjEntry(
                            o, found == parents->end() ? nullptr : &found->second, *c);
                    }};
            });
    case ImportKind::ApprenticeshipReviews:
        return importRecords<ApprenticeshipReview>(
            m_work, kind, fileName, source, dryRun, actor, apprenticeshipReviewSpec(),
            {"employee_id", "standard_code", "date", "outcome"}, [&](Store& store) {
                auto c = context(store);
                auto parents = std::make_shared<decltype(apprenticeshipsByKey(store))>(
                    apprenticeshipsByKey(store));
                return ImportPlan<ApprenticeshipReview>{
                    store.programmes().apprenticeshipReviews(),
                    [c, parents](const ApprenticeshipReview& r) {
                        const auto found = parents->find({r.employeeId, r.standardCode});
                        return validateApprenticeshipReview(
                            r, found == parents->end() ? nullptr : &found->second, *c);
                    }};
            });
    default:
        throw std::logic_error("not a programmes import: " + importKindName(kind));
    }
}

} // namespace ledger
