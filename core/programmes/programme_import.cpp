// The programmes' five imports (rules/learning-record.md sections 8 and 9): `asye`,
// `supervisions`, `apprenticeships`, `otj-hours` and `apprenticeship-reviews`, each a keyed
// import (io/keyed_import.h): all or nothing, every problem named by file, line and column.

#include "io/keyed_import.h"
#include "programmes/programme_records.h"
#include "programmes/programme_service.h"

#include <map>
#include <set>

namespace ledger {

using namespace csvimport;

namespace {

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
    using csvimport::KeyedImportPlan;
    const auto run = [&]<typename Record>(const RecordSpec<Record>& spec,
                                          std::set<std::string> required, auto plan) {
        return csvimport::runKeyedImport<Record, ProgrammeRecord<Record>>(
            m_work, kind, fileName, source, dryRun, actor, spec, required, {},
            LedgerChange::Kind::Programmes,
            std::function<KeyedImportPlan<Record>(Store&)>([plan](Store& store) {
                KeyedImportPlan<Record> p = plan(store);
                p.put = [&store](const Record& r) {
                    return store.programmes().put(r);
                };
                return p;
            }));
    };
    const auto context = [today](Store& store) {
        return std::make_shared<ValidationContext>(
            storedContext(store.staff(), store.training(), today));
    };
    switch (kind) {
    case ImportKind::Asye:
        return run(asyeSpec(), {"employee_id", "start_date", "assessor_id", "supervisor_id"},
                   [&](Store& store) {
                       auto c = context(store);
                       return KeyedImportPlan<AsyeEnrolment>{
                           store.programmes().enrolments(),
                           [c](const AsyeEnrolment& e, const AsyeEnrolment*) {
                               return validateAsyeEnrolment(e, *c);
                           },
                           {}};
                   });
    case ImportKind::Supervisions:
        return run(supervisionSpec(), {"employee_id", "date"}, [&](Store& store) {
            auto c = context(store);
            auto starts = std::make_shared<std::map<std::string, Date, std::less<>>>();
            for (const AsyeEnrolment& e : store.programmes().enrolments()) {
                starts->emplace(e.employeeId, e.start);
            }
            return KeyedImportPlan<Supervision>{
                store.programmes().supervisions(),
                [c, starts](const Supervision& s, const Supervision*) {
                    return validateSupervision(
                        s, *c, [&](std::string_view id) -> std::optional<Date> {
                            const auto found = starts->find(id);
                            return found == starts->end() ? std::nullopt
                                                          : std::optional(found->second);
                        });
                },
                {}};
        });
    case ImportKind::Apprenticeships:
        return run(apprenticeshipSpec(),
                   {"employee_id", "standard_code", "standard_title", "provider", "start_date",
                    "planned_end_date", "planned_otj_hours"},
                   [&](Store& store) {
                       auto c = context(store);
                       return KeyedImportPlan<Apprenticeship>{
                           store.programmes().apprenticeships(),
                           [c](const Apprenticeship& a, const Apprenticeship*) {
                               return validateApprenticeship(a, *c);
                           },
                           {}};
                   });
    case ImportKind::OtjHours:
        return run(otjEntrySpec(), {"employee_id", "standard_code", "date", "hours"},
                   [&](Store& store) {
                       auto c = context(store);
                       auto parents = std::make_shared<decltype(apprenticeshipsByKey(store))>(
                           apprenticeshipsByKey(store));
                       return KeyedImportPlan<OtjEntry>{
                           store.programmes().otjEntries(),
                           [c, parents](const OtjEntry& o, const OtjEntry*) {
                               const auto found = parents->find({o.employeeId, o.standardCode});
                               return validateOtjEntry(
                                   o, found == parents->end() ? nullptr : &found->second, *c);
                           },
                           {}};
                   });
    case ImportKind::ApprenticeshipReviews:
        return run(
            apprenticeshipReviewSpec(), {"employee_id", "standard_code", "date", "outcome"},
            [&](Store& store) {
                auto c = context(store);
                auto parents = std::make_shared<decltype(apprenticeshipsByKey(store))>(
                    apprenticeshipsByKey(store));
                return KeyedImportPlan<ApprenticeshipReview>{
                    store.programmes().apprenticeshipReviews(),
                    [c, parents](const ApprenticeshipReview& r, const ApprenticeshipReview*) {
                        const auto found = parents->find({r.employeeId, r.standardCode});
                        return validateApprenticeshipReview(
                            r, found == parents->end() ? nullptr : &found->second, *c);
                    },
                    {}};
            });
    default:
        throw std::logic_error("not a programmes import: " + importKindName(kind));
    }
}

} // namespace ledger
