// The `trusted-assessors` import (rules/learning-record.md sections 8 and 9): all or nothing,
// every problem named by file, line and column.

#include "assessors/assessor_service.h"
#include "assessors/stored_checks.h"
#include "io/import_rows.h"

#include <algorithm>
#include <map>
#include <set>

namespace ledger {

using namespace csvimport;

namespace {

using AssessorKey = std::pair<std::string, std::string>; // employee id, level code

AssessorKey keyOf(const TrustedAssessor& a) {
    return {a.employeeId, assessorLevelCode(a.level)};
}

/// The fields an import writes (everything but the id and the version).
bool sameImported(const TrustedAssessor& a, const TrustedAssessor& b) {
    TrustedAssessor x = a;
    TrustedAssessor y = b;
    x.id = y.id = 0;
    x.version = y.version = RecordVersion{};
    return x == y;
}

std::string problemText(const FieldSpec<TrustedAssessor>& f, const FieldProblem& problem) {
    switch (problem.kind) {
    case FieldProblem::Kind::Missing:
        return "empty";
    case FieldProblem::Kind::NotADate:
        return "not a date: " + problem.value;
    case FieldProblem::Kind::NotANumber:
        return "not a whole number from " + std::to_string(f.lo) + " to " + std::to_string(f.hi);
    case FieldProblem::Kind::NotAChoice:
        return "not " + f.choiceCodes();
    }
    return "not valid";
}

} // namespace

ImportSummary AssessorService::importFile(std::string_view fileName, CsvSource& source, Date today,
                                          bool dryRun, std::string_view actor) {
    ImportSummary summary;
    const auto work = [&] {
        summary = {};
        Store& store = m_work.store();
        ImportRows rows(ImportKind::TrustedAssessors, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(ImportKind::TrustedAssessors));
        StoredAssessorChecks checks(store, today);
        TrustedAssessorContext& context = checks.context();
        std::map<AssessorKey, TrustedAssessor> stored;
        for (TrustedAssessor& a : store.assessors().authorisations()) {
            stored.emplace(keyOf(a), std::move(a));
        }
        const RecordSpec<TrustedAssessor>& spec = trustedAssessorSpec();

        std::vector<std::pair<int, TrustedAssessor>> assessors;
        std::map<AssessorKey, std::size_t> seen; // each key's first row
        CsvRecord record;
        while (rows.next(record)) {
            problems.take(rows.errors()); // the CSV's and the characters' first
            const Row row(record, rows.columns());
            const int line = row.line();
            const std::size_t before = problems.countOn(line);
            TrustedAssessor a;
            for (const FieldSpec<TrustedAssessor>& f : spec.fields) {
                const std::string column(f.name);
                const std::string& cell = row[column.c_str()];
                const bool required =
                    column == "employee_id" || column == "level" || column == "trained_on";
                if (cell.empty() && required) {
                    problems.add(line, column, "empty");
                    continue;
                }
                if (const auto problem = f.parse(a, cell)) {
                    problems.add(line, column, problemText(f, *problem));
                }
            }
            for (const char* column : {"categories", "refreshers"}) {
                checkList(
                    problems, line, column, splitList(row[column]),
                    [](const std::string&) { return true; }, "item");
            }
            if (problems.countOn(line) > before) {
                continue; // what could not be read is not checked further
            }
            // Section 9 checks the signer only for rows that add or change a record.
            const auto found = stored.find(keyOf(a));
            context.checkSigner = found == stored.end() || !sameImported(found->second, a);
            for (FieldError& e : validateTrustedAssessor(a, context)) {
                problems.add(line, e.field, e.message);
            }
            const auto [at, fresh] = seen.emplace(keyOf(a), assessors.size());
            if (!fresh) {
                const auto& [firstLine, first] = assessors[at->second];
                if (sameImported(first, a)) {
                    continue; // an identical row counts once
                }
                problems.add(line, "level",
                             "the same employee_id and level as line " + std::to_string(firstLine));
            }
            assessors.emplace_back(line, std::move(a));
        }
        problems.take(rows.errors());
        problems.throwIfAny();
        summary.notices = rows.notices();

        for (auto& [line, a] : assessors) {
            const auto found = stored.find(keyOf(a));
            const TrustedAssessor* before = found != stored.end() ? &found->second : nullptr;
            if (before) {
                if (sameImported(*before, a)) {
                    ++summary.unchanged;
                    continue;
                }
                a.id = before->id;
                ++summary.updated;
            } else {
                ++summary.added;
            }
            if (dryRun) {
                continue;
            }
            const RecordId id = store.assessors().put(a);
            a.id = id;
            logged(store.changeLog(), "trusted_assessor", id,
                   changeEntry(actor, "trusted_assessor",
                               a.employeeId + "/" + assessorLevelCode(a.level), before, a),
                   before == nullptr);
        }
        if (!dryRun) {
            store.changeLog().append(importEntry(actor, fileName, "trusted-assessors", summary));
            m_work.changed(LedgerChange::Kind::Assessors);
        }
    };
    m_work.run(work);
    return summary;
}

} // namespace ledger
