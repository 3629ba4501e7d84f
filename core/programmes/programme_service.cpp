#include "programmes/programme_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "io/csv.h"
#include "programmes/programme_records.h"
#include "reports/report.h"
#include "reports/report_table.h"
#include "staff/staff.h"

#include <algorithm>
#include <map>

namespace ledger {

namespace {

/// Saves `record` (new when its id is 0) after `errors` (its validation) came back empty:
/// another record with its key is refused on the key column, a stored one must still be
/// there and keep its person; then it is written with its change-log entry.
template <typename Record>
RecordId saveRecord(UnitOfWork& work, const Record& record, const std::vector<Record>& stored,
                    std::vector<FieldError> errors, std::string_view actor) {
    using Words = ProgrammeRecord<Record>;
    throwIfAny(errors);
    const Record* before = nullptr;
    for (const Record& r : stored) {
        if (record.id != 0 && r.id == record.id) {
            before = &r;
        } else if (Words::key(r) == Words::key(record)) {
            throw ValidationError({FieldError{{}, 0, Words::keyColumn, Words::duplicate}});
        }
    }
    if (record.id != 0 && before == nullptr) {
        throw Conflict(std::string(Words::noun) + " was removed meanwhile");
    }
    if (before != nullptr && before->employeeId != record.employeeId) {
        throw ValidationError({FieldError{
            {}, 0, "employee_id", std::string(Words::noun) + " stays with its person"}});
    }
    Store& store = work.store();
    RecordId id = record.id;
    if (before != nullptr) {
        saveOver(store.changeLog(), Words::entity, record.id, std::string("this ") + Words::what,
                 record.version, before->version, [&] { id = store.programmes().put(record); });
    } else {
        id = store.programmes().put(record);
    }
    Record saved = record;
    saved.id = id;
    logged(store.changeLog(), Words::entity, id,
           changeEntry(actor, Words::entity, Words::logKey(saved), before, saved),
           before == nullptr);
    work.changed(LedgerChange::Kind::Programmes, record.employeeId);
    return id;
}

std::string ukDate(const std::optional<Date>& d) {
    return d ? formatUk(*d) : std::string();
}

std::string yesNoCell(const std::optional<bool>& b) {
    return b ? (*b ? "yes" : "no") : "";
}

std::string gapList(const std::vector<SupervisionGap>& gaps) {
    std::string out;
    for (const SupervisionGap& g : gaps) {
        out += (out.empty() ? "" : ";") + formatIso(g.from) + ".." + formatIso(g.to);
    }
    return out;
}

std::string overdueList(const std::vector<AsyeReview>& reviews) {
    std::string out;
    for (const AsyeReview r : reviews) {
        out += (out.empty() ? "" : ";") + asyeReviewCode(r);
    }
    return out;
}

/// Everyone, by employee id.
std::map<std::string, Staff, std::less<>> peopleOf(Store& store) {
    std::map<std::string, Staff, std::less<>> people;
    for (Staff& s : store.staff().everyone()) {
        people.emplace(s.employeeId, std::move(s));
    }
    return people;
}

template <typename Record>
std::vector<Record> ofApprenticeship(const std::vector<Record>& all, const Apprenticeship& a) {
    std::vector<Record> out;
    for (const Record& r : all) {
        if (r.employeeId == a.employeeId && r.standardCode == a.standardCode) {
            out.push_back(r);
        }
    }
    return out;
}

} // namespace

ProgrammeService::ProgrammeService(UnitOfWork& work) : m_work(work) {
}

std::vector<AsyeEnrolment> ProgrammeService::enrolments() {
    return m_work.store().programmes().enrolments();
}

std::optional<AsyeEnrolment> ProgrammeService::enrolment(std::string_view employeeId) {
    return m_work.store().programmes().enrolment(employeeId);
}

std::vector<Supervision> ProgrammeService::supervisions(std::string_view employeeId) {
    return m_work.store().programmes().supervisions(employeeId);
}

std::vector<Apprenticeship> ProgrammeService::apprenticeships() {
    return m_work.store().programmes().apprenticeships();
}

std::vector<OtjEntry> ProgrammeService::otjEntries() {
    return m_work.store().programmes().otjEntries();
}

std::vector<ApprenticeshipReview> ProgrammeService::apprenticeshipReviews() {
    return m_work.store().programmes().apprenticeshipReviews();
}

PersonProgrammes ProgrammeService::personProgrammes(std::string_view employeeId, Date asOf) {
    ProgrammeRepository& repo = m_work.store().programmes();
    PersonProgrammes out;
    out.enrolment = repo.enrolment(employeeId);
    if (out.enrolment) {
        out.supervisions = repo.supervisions(employeeId);
        std::vector<Date> dates;
        for (const Supervision& s : out.supervisions) {
            dates.push_back(s.date);
        }
        out.asye = checkAsye(*out.enrolment, dates, asOf);
    }
    std::vector<OtjEntry> otj;
    std::vector<ApprenticeshipReview> reviews;
    bool read = false;
    for (Apprenticeship& a : repo.apprenticeships()) {
        if (a.employeeId != employeeId) {
            continue;
        }
        if (!read) {
            otj = repo.otjEntries();
            reviews = repo.apprenticeshipReviews();
            read = true;
        }
        PersonProgrammes::Apprenticeship item;
        item.otj = ofApprenticeship(otj, a);
        item.reviews = ofApprenticeship(reviews, a);
        item.figures = checkApprenticeship(a, item.otj, item.reviews, asOf);
        item.apprenticeship = std::move(a);
        out.apprenticeships.push_back(std::move(item));
    }
    return out;
}

RecordId ProgrammeService::save(const AsyeEnrolment& enrolment, Date today,
                                std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        Store& store = m_work.store();
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        id = saveRecord(m_work, enrolment, store.programmes().enrolments(),
                        validateAsyeEnrolment(enrolment, context), actor);
    });
    return id;
}

RecordId ProgrammeService::save(const Supervision& supervision, Date today,
                                std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        Store& store = m_work.store();
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        const auto enrolled = store.programmes().enrolment(supervision.employeeId);
        const auto start = [&](std::string_view) {
            return enrolled ? std::optional(enrolled->start) : std::nullopt;
        };
        id =
            saveRecord(m_work, supervision, store.programmes().supervisions(supervision.employeeId),
                       validateSupervision(supervision, context, start), actor);
    });
    return id;
}

RecordId ProgrammeService::save(const Apprenticeship& apprenticeship, Date today,
                                std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        Store& store = m_work.store();
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        id = saveRecord(m_work, apprenticeship, store.programmes().apprenticeships(),
                        validateApprenticeship(apprenticeship, context), actor);
    });
    return id;
}

namespace {

/// The stored apprenticeship with the key of `r`, if any.
template <typename Record>
std::optional<Apprenticeship> apprenticeshipOf(Store& store, const Record& r) {
    for (Apprenticeship& a : store.programmes().apprenticeships()) {
        if (a.employeeId == r.employeeId && a.standardCode == r.standardCode) {
            return std::move(a);
        }
    }
    return std::nullopt;
}

} // namespace

RecordId ProgrammeService::save(const OtjEntry& entry, Date today, std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        Store& store = m_work.store();
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        const auto apprenticeship = apprenticeshipOf(store, entry);
        id = saveRecord(
            m_work, entry, store.programmes().otjEntries(),
            validateOtjEntry(entry, apprenticeship ? &*apprenticeship : nullptr, context), actor);
    });
    return id;
}

RecordId ProgrammeService::save(const ApprenticeshipReview& review, Date today,
                                std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        Store& store = m_work.store();
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        const auto apprenticeship = apprenticeshipOf(store, review);
        id = saveRecord(m_work, review, store.programmes().apprenticeshipReviews(),
                        validateApprenticeshipReview(
                            review, apprenticeship ? &*apprenticeship : nullptr, context),
                        actor);
    });
    return id;
}

void ProgrammeService::remove(const Supervision& supervision, std::string_view actor) {
    m_work.run([&] {
        Store& store = m_work.store();
        store.programmes().remove(supervision);
        ChangeLogEntry entry =
            logEntry(actor, "supervision", ProgrammeRecord<Supervision>::logKey(supervision),
                     "remove", json(fieldsOf(supervision)), "");
        entry.subject = supervision.employeeId;
        store.changeLog().append(entry);
        m_work.changed(LedgerChange::Kind::Programmes, supervision.employeeId);
    });
}

std::vector<AsyeReportRow> ProgrammeService::asyeReport(Date asOf) {
    Store& store = m_work.store();
    const auto people = peopleOf(store);
    std::map<std::string, std::vector<Date>, std::less<>> dates;
    for (const Supervision& s : store.programmes().supervisions()) {
        dates[s.employeeId].push_back(s.date);
    }
    std::vector<AsyeReportRow> rows;
    for (AsyeEnrolment& e : store.programmes().enrolments()) {
        const auto person = people.find(e.employeeId);
        if (person == people.end() || !employedOn(person->second, asOf)) {
            continue;
        }
        AsyeFigures figures = checkAsye(e, dates[e.employeeId], asOf);
        rows.push_back(AsyeReportRow{person->second.team, std::move(e), std::move(figures)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
        return x.enrolment.employeeId < y.enrolment.employeeId;
    });
    return rows;
}

std::vector<ApprenticeshipReportRow> ProgrammeService::apprenticeshipReport(Date asOf) {
    Store& store = m_work.store();
    const auto people = peopleOf(store);
    const std::vector<OtjEntry> otj = store.programmes().otjEntries();
    const std::vector<ApprenticeshipReview> reviews = store.programmes().apprenticeshipReviews();
    std::vector<ApprenticeshipReportRow> rows;
    for (Apprenticeship& a : store.programmes().apprenticeships()) {
        const auto person = people.find(a.employeeId);
        if (a.startDate > asOf || person == people.end() || !employedOn(person->second, asOf)) {
            continue;
        }
        ApprenticeshipFigures figures = checkApprenticeship(a, otj, reviews, asOf);
        rows.push_back(
            ApprenticeshipReportRow{person->second.team, std::move(a), std::move(figures)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
        return std::tie(x.apprenticeship.employeeId, x.apprenticeship.standardCode) <
               std::tie(y.apprenticeship.employeeId, y.apprenticeship.standardCode);
    });
    return rows;
}

bool isProgrammeImport(ImportKind kind) {
    return kind == ImportKind::Asye || kind == ImportKind::Supervisions ||
           kind == ImportKind::Apprenticeships || kind == ImportKind::OtjHours ||
           kind == ImportKind::ApprenticeshipReviews;
}

ReportSheet asyeSheet(const std::vector<AsyeReportRow>& rows) {
    ReportSheet sheet;
    sheet.title = "ASYE";
    sheet.columns = {{"employee_id", "Employee", CellKind::Text},
                     {"team", "Team", CellKind::Text, 0, 2.0},
                     {"start_date", "Start", CellKind::Day},
                     {"review_3m", "3 months", CellKind::Day},
                     {"review_6m", "6 months", CellKind::Day},
                     {"review_9m", "9 months", CellKind::Day},
                     {"review_final", "Final", CellKind::Day},
                     {"overdue_reviews", "Overdue", CellKind::Code},
                     {"next_review", "Next review", CellKind::Day},
                     {"supervision_gaps", "Supervision gaps", CellKind::Integer},
                     {"gap_list", "Gap list", CellKind::Code, 0, 2.5},
                     {"outcome", "Outcome", CellKind::Code}};
    for (const AsyeReportRow& r : rows) {
        const AsyeEnrolment& e = r.enrolment;
        const AsyeFigures& f = r.figures;
        const std::string overdue = overdueList(f.overdue);
        sheet.rows.push_back(
            {textCell(e.employeeId), textCell(r.team), dateCell(e.start),
             dateCell(f.reviews.threeMonth), dateCell(f.reviews.sixMonth),
             dateCell(f.reviews.nineMonth), dateCell(f.reviews.finalReview),
             codeCell(overdue, {}, overdue.empty() ? CellTone::None : CellTone::Bad),
             dateCell(f.nextReview),
             integerCell(static_cast<std::int64_t>(f.gaps.size()),
                         f.gaps.empty() ? CellTone::None : CellTone::Warning),
             codeCell(gapList(f.gaps)),
             codeCell(e.outcome ? asyeOutcomeCode(*e.outcome) : std::string())});
    }
    return sheet;
}

std::string formatAsyeCsv(const std::vector<AsyeReportRow>& rows) {
    return formatCsv(asyeSheet(rows));
}

std::string formatAsyeTable(const std::vector<AsyeReportRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const AsyeReportRow& r : rows) {
        const AsyeEnrolment& e = r.enrolment;
        const AsyeFigures& f = r.figures;
        cells.push_back({e.employeeId, r.team, formatUk(e.start), formatUk(f.reviews.threeMonth),
                         formatUk(f.reviews.sixMonth), ukDate(f.reviews.nineMonth),
                         formatUk(f.reviews.finalReview), overdueList(f.overdue),
                         ukDate(f.nextReview), std::to_string(f.gaps.size()),
                         e.outcome ? asyeOutcomeCode(*e.outcome) : std::string()});
    }
    return formatTable(
        {"Employee", "Team", "Start", "3 months", "6 months", "9 months", "Final", "Overdue",
         "Next review", "Supervision gaps", "Outcome"},
        std::move(cells),
        {false, false, false, false, false, false, false, false, false, true, false});
}

ReportSheet apprenticeshipsSheet(const std::vector<ApprenticeshipReportRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Apprenticeships";
    const auto hours = [](const char* name, const char* label) {
        return ReportColumn{name, label, CellKind::Decimal, 2, 1.0};
    };
    sheet.columns = {{"employee_id", "Employee", CellKind::Text},
                     {"team", "Team", CellKind::Text, 0, 2.0},
                     {"standard_code", "Standard", CellKind::Text},
                     {"standard_title", "Title", CellKind::Text, 0, 2.5},
                     {"status", "Status", CellKind::Code},
                     {"start_date", "Start", CellKind::Day},
                     {"planned_end_date", "Planned end", CellKind::Day},
                     {"elapsed_days", "Days elapsed", CellKind::Integer},
                     {"duration_days", "Duration (days)", CellKind::Integer},
                     hours("planned_hours", "Planned hours"),
                     hours("expected_hours", "Expected hours"),
                     hours("logged_hours", "Logged hours"),
                     {"on_track", "On track", CellKind::Code},
                     {"last_review", "Last review", CellKind::Day},
                     {"next_review_due", "Next review", CellKind::Day},
                     {"review_overdue", "Review overdue", CellKind::Code},
                     {"gateway_date", "Gateway", CellKind::Day},
                     {"epa_date", "EPA", CellKind::Day},
                     {"epa_result", "EPA result", CellKind::Code},
                     {"epa_overdue", "EPA overdue", CellKind::Code}};
    const auto flag = [](const std::optional<bool>& b, bool good) {
        const CellTone tone = !b ? CellTone::None : *b == good ? CellTone::Good : CellTone::Bad;
        return codeCell(yesNoCell(b), {}, tone);
    };
    for (const ApprenticeshipReportRow& r : rows) {
        const Apprenticeship& a = r.apprenticeship;
        const ApprenticeshipFigures& f = r.figures;
        sheet.rows.push_back({textCell(a.employeeId),
                              textCell(r.team),
                              textCell(a.standardCode),
                              textCell(a.standardTitle),
                              codeCell(apprenticeshipStatusCode(f.status)),
                              dateCell(a.startDate),
                              dateCell(a.plannedEndDate),
                              integerCell(f.elapsedDays),
                              integerCell(f.durationDays),
                              decimalCell(f.planned),
                              decimalCell(f.expected),
                              decimalCell(f.logged),
                              flag(f.onTrack, true),
                              dateCell(f.lastReview),
                              dateCell(f.nextReviewDue),
                              flag(f.reviewOverdue, false),
                              dateCell(a.gatewayDate),
                              dateCell(a.epaDate),
                              codeCell(a.epaResult ? epaResultCode(*a.epaResult) : std::string()),
                              flag(f.epaOverdue, false)});
    }
    return sheet;
}

std::string formatApprenticeshipsCsv(const std::vector<ApprenticeshipReportRow>& rows) {
    return formatCsv(apprenticeshipsSheet(rows));
}

std::string formatApprenticeshipsTable(const std::vector<ApprenticeshipReportRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const ApprenticeshipReportRow& r : rows) {
        const Apprenticeship& a = r.apprenticeship;
        const ApprenticeshipFigures& f = r.figures;
        cells.push_back({a.employeeId, r.team, a.standardCode, a.standardTitle,
                         apprenticeshipStatusCode(f.status), formatUk(a.startDate),
                         formatUk(a.plannedEndDate), formatHours(f.planned),
                         formatHours(f.expected), formatHours(f.logged), yesNoCell(f.onTrack),
                         ukDate(f.nextReviewDue), yesNoCell(f.reviewOverdue),
                         yesNoCell(f.epaOverdue)});
    }
    return formatTable({"Employee", "Team", "Standard", "Title", "Status", "Start", "Planned end",
                        "Planned hours", "Expected", "Logged", "On track", "Next review",
                        "Review overdue", "EPA overdue"},
                       std::move(cells),
                       {false, false, false, false, false, false, false, true, true, true, false,
                        false, false, false});
}

} // namespace ledger
