#include "assessors/assessor_service.h"

#include "assessors/stored_checks.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "io/csv.h"
#include "reports/report.h"
#include "reports/report_table.h"
#include "store/unit_of_work.h"

#include <algorithm>
#include <map>

namespace ledger {

namespace {

std::string assessorKey(const TrustedAssessor& a) {
    return a.employeeId + "/" + assessorLevelCode(a.level);
}

std::string listCell(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ";") + item;
    }
    return out;
}

} // namespace

AssessorService::AssessorService(UnitOfWork& work) : m_work(work) {
}

std::vector<TrustedAssessor> AssessorService::all() {
    return m_work.store().assessors().authorisations();
}

std::optional<TrustedAssessor> AssessorService::find(std::string_view employeeId,
                                                     AssessorLevel level) {
    return m_work.store().assessors().authorisation(employeeId, level);
}

RecordId AssessorService::save(const TrustedAssessor& assessor, Date today,
                               std::string_view actor) {
    RecordId id = assessor.id;
    m_work.run([&] {
        Store& store = m_work.store();
        StoredAssessorChecks checks(store, today);
        throwIfAny(validateTrustedAssessor(assessor, checks.context()));
        if (const auto same = store.assessors().authorisation(assessor.employeeId, assessor.level);
            same && same->id != assessor.id) {
            throw ValidationError(
                {FieldError{{},
                            0,
                            "level",
                            "this person already has a " + assessorLevelCode(assessor.level) +
                                " authorisation"}});
        }
        std::optional<TrustedAssessor> before;
        if (assessor.id != 0) {
            for (TrustedAssessor& a : store.assessors().authorisations()) {
                if (a.id == assessor.id) {
                    before = std::move(a);
                }
            }
            if (!before) {
                throw Conflict("the trusted-assessor authorisation was removed meanwhile");
            }
            if (before->employeeId != assessor.employeeId) {
                throw ValidationError(
                    {FieldError{{}, 0, "employee_id", "an authorisation stays with its person"}});
            }
        }
        TrustedAssessor saved = assessor;
        if (before) {
            saveOver(store.changeLog(), "trusted_assessor", assessor.id,
                     "this trusted-assessor authorisation", assessor.version, before->version,
                     [&] { id = store.assessors().put(saved); });
        } else {
            id = store.assessors().put(saved);
        }
        saved.id = id;
        logged(store.changeLog(), "trusted_assessor", id,
               changeEntry(actor, "trusted_assessor", assessorKey(saved),
                           before ? &*before : nullptr, saved),
               !before);
        m_work.changed(LedgerChange::Kind::Assessors, assessor.employeeId);
    });
    return id;
}

std::vector<EquipmentCategory> AssessorService::categories() {
    return m_work.store().assessors().categories();
}

void AssessorService::addCategory(const EquipmentCategory& category, std::string_view actor) {
    std::vector<FieldError> errors;
    if (!isCategoryCode(category.code)) {
        addFieldError(errors, "code", "a code is 1 to 40 of a-z, 0-9 and _");
    }
    if (blank(category.label)) {
        addFieldError(errors, "label", "a label is required");
    } else {
        checkText(errors, "label", category.label, TextKind::Name, kMaxTitleLength);
    }
    throwIfAny(errors);
    m_work.run([&] {
        Store& store = m_work.store();
        store.assessors().addCategory(category);
        store.changeLog().append(
            logEntry(actor, "equipment_category", category.code, "add", "",
                     json({{"code", category.code}, {"label", category.label}})));
        m_work.changed(LedgerChange::Kind::Assessors);
    });
}

std::optional<bool> AssessorService::roleCanSignOff(std::string_view role) {
    return m_work.store().assessors().roleCanSignOff(role);
}

void AssessorService::setRoleCanSignOff(std::string_view role, bool canSignOff,
                                        std::string_view actor) {
    m_work.run([&] {
        Store& store = m_work.store();
        const std::optional<bool> before = store.assessors().roleCanSignOff(role);
        if (!before) {
            throw ValidationError({FieldError{{}, 0, "role", "no role " + std::string(role)}});
        }
        if (*before == canSignOff) {
            return; // nothing changes, nothing logged
        }
        store.assessors().setRoleCanSignOff(role, canSignOff);
        store.changeLog().append(logEntry(actor, "role", std::string(role), "update",
                                          json({{"can_sign_off", *before ? "yes" : "no"}}),
                                          json({{"can_sign_off", canSignOff ? "yes" : "no"}})));
        m_work.changed(LedgerChange::Kind::Catalog);
    });
}

std::vector<TrustedAssessorReportRow> AssessorService::report(Date asOf) {
    Store& store = m_work.store();
    std::map<std::string, Staff, std::less<>> people;
    for (Staff& s : store.staff().everyone()) {
        people.emplace(s.employeeId, std::move(s));
    }
    std::vector<TrustedAssessorReportRow> rows;
    for (TrustedAssessor& a : store.assessors().authorisations()) {
        const auto person = people.find(a.employeeId);
        if (person == people.end() || !employedOn(person->second, asOf)) {
            continue;
        }
        const AssessorFigures figures = checkTrustedAssessor(a, asOf);
        rows.push_back(TrustedAssessorReportRow{person->second.team, std::move(a), figures});
    }
    // By employee id, then level code, in byte order.
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
        const std::string xl = assessorLevelCode(x.assessor.level);
        const std::string yl = assessorLevelCode(y.assessor.level);
        return std::tie(x.assessor.employeeId, xl) < std::tie(y.assessor.employeeId, yl);
    });
    return rows;
}

ReportSheet trustedAssessorsSheet(const std::vector<TrustedAssessorReportRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Trusted assessors";
    sheet.columns = {{"employee_id", "Employee", CellKind::Text},
                     {"team", "Team", CellKind::Text, 0, 2.0},
                     {"level", "Level", CellKind::Code},
                     {"status", "Status", CellKind::Code},
                     {"categories", "Categories", CellKind::Text, 0, 2.5},
                     {"trained_on", "Trained", CellKind::Day},
                     {"signed_off_by", "Signed off by", CellKind::Text},
                     {"signed_off_on", "Signed off", CellKind::Day},
                     {"observed_assessments", "Observed", CellKind::Integer},
                     {"last_refresher", "Last refresher", CellKind::Day},
                     {"refresher_due", "Refresher due", CellKind::Day},
                     {"restrictions", "Restrictions", CellKind::Text, 0, 2.0}};
    for (const TrustedAssessorReportRow& r : rows) {
        const TrustedAssessor& a = r.assessor;
        const AssessorStatus status = r.figures.status;
        const CellTone tone = status == AssessorStatus::Authorised ? CellTone::Good
                              : status == AssessorStatus::Lapsed   ? CellTone::Bad
                                                                   : CellTone::Quiet;
        sheet.rows.push_back(
            {textCell(a.employeeId), textCell(r.team), codeCell(assessorLevelCode(a.level)),
             codeCell(assessorStatusCode(status), {}, tone), textCell(listCell(a.categories)),
             dateCell(a.trainedOn), textCell(a.signedOffBy), dateCell(a.signedOffOn),
             integerCell(a.observedAssessments), dateCell(r.figures.lastRefresher),
             dateCell(r.figures.refresherDue), textCell(a.restrictions)});
    }
    return sheet;
}

std::string formatTrustedAssessorsCsv(const std::vector<TrustedAssessorReportRow>& rows) {
    return formatCsv(trustedAssessorsSheet(rows));
}

std::string formatTrustedAssessorsTable(const std::vector<TrustedAssessorReportRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    const auto ukDate = [](const std::optional<Date>& d) {
        return d ? formatUk(*d) : std::string();
    };
    for (const TrustedAssessorReportRow& r : rows) {
        const TrustedAssessor& a = r.assessor;
        cells.push_back({a.employeeId, r.team, assessorLevelCode(a.level),
                         assessorStatusCode(r.figures.status), listCell(a.categories),
                         formatUk(a.trainedOn), a.signedOffBy, ukDate(a.signedOffOn),
                         std::to_string(a.observedAssessments), ukDate(r.figures.lastRefresher),
                         ukDate(r.figures.refresherDue), a.restrictions});
    }
    return formatTable(
        {"Employee", "Team", "Level", "Status", "Categories", "Trained", "Signed off by",
         "Signed off", "Observed", "Last refresher", "Refresher due", "Restrictions"},
        std::move(cells),
        {false, false, false, false, false, false, false, false, true, false, false, false});
}

StoredAssessorChecks::StoredAssessorChecks(Store& store, Date today)
    : m_base(storedContext(store.staff(), store.training(), today)),
      m_signing(store.assessors().signingRoles()),
      m_context{m_base, [this](std::string_view code) { return m_codes.count(code) > 0; },
                [this](std::string_view employeeId, const Date& day) {
                    const auto found = m_people.find(employeeId);
                    return found != m_people.end() && employedOn(found->second, day);
                },
                [this](std::string_view employeeId) {
                    const auto found = m_people.find(employeeId);
                    return found != m_people.end() &&
                           std::find(m_signing.begin(), m_signing.end(), found->second.role) !=
                               m_signing.end();
                },
                true} {
    for (Staff& s : store.staff().everyone()) {
        m_people.emplace(s.employeeId, std::move(s));
    }
    for (const EquipmentCategory& c : store.assessors().categories()) {
        m_codes.insert(c.code);
    }
}

} // namespace ledger
