#include "programmes/apprenticeship.h"

#include "base/checks.h"
#include "base/enum_codes.h"
#include "base/field_spec.h"
#include "sessions/session.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ledger {

namespace {

constexpr CodeTable<EpaResult, 4> kEpaResults{{
    {EpaResult::Pass, "pass"},
    {EpaResult::Merit, "merit"},
    {EpaResult::Distinction, "distinction"},
    {EpaResult::Fail, "fail"},
}};

constexpr CodeTable<ApprenticeshipReviewOutcome, 2> kReviewOutcomes{{
    {ApprenticeshipReviewOutcome::OnTrack, "on_track"},
    {ApprenticeshipReviewOutcome::Concerns, "concerns"},
}};

constexpr CodeTable<ApprenticeshipStatus, 4> kStatuses{{
    {ApprenticeshipStatus::Active, "active"},
    {ApprenticeshipStatus::OnBreak, "on_break"},
    {ApprenticeshipStatus::Completed, "completed"},
    {ApprenticeshipStatus::Withdrawn, "withdrawn"},
}};

constexpr std::array<ChoiceOption, 5> kEpaResultOptions{{
    {"", "None yet"},
    {"pass", "Pass"},
    {"merit", "Merit"},
    {"distinction", "Distinction"},
    {"fail", "Fail"},
}};

constexpr std::array<ChoiceOption, 2> kReviewOutcomeOptions{{
    {"on_track", "On track"},
    {"concerns", "Concerns"},
}};

constexpr std::string_view kPeriodSeparator = "..";

/// Rounding half up of p/q (p >= 0, q > 0): `(2p + q) div 2q` (section 1).
std::int64_t roundHalfUp(std::int64_t p, std::int64_t q) {
    return (2 * p + q) / (2 * q);
}

/// Whether a record has the apprenticeship's key.
template <typename Record> bool belongsTo(const Record& r, const Apprenticeship& a) {
    return r.employeeId == a.employeeId && r.standardCode == a.standardCode;
}

/// Hours held as whole hundredths and written with two decimals (section 1), kept by the
/// repository as an integer; text not in the form of hours is NotANumber.
template <typename Record>
FieldSpec<Record> hoursField(std::string_view name, std::string_view label,
                             Hundredths Record::*member) {
    FieldSpec<Record> f = spec::named<Record>(name, label, FieldType::Text);
    f.storage = Storage::ByRepository;
    f.format = [member](const Record& r) {
        return formatHours(r.*member);
    };
    f.parse = [member](Record& r, std::string_view value) -> std::optional<FieldProblem> {
        if (value.empty()) {
            r.*member = 0;
            return FieldProblem{FieldProblem::Kind::Missing, {}};
        }
        const auto hours = parseHours(value);
        r.*member = hours.value_or(0);
        return hours ? std::nullopt
                     : std::optional(
                           FieldProblem{FieldProblem::Kind::NotANumber, std::string(value)});
    };
    return f;
}

/// The `breaks` list cell: periods by date with `;` between. A cell that is not a list of
/// periods is NotADate (its items' dates are what is wrong) and leaves no breaks.
FieldSpec<Apprenticeship> breaksField() {
    FieldSpec<Apprenticeship> f =
        spec::named<Apprenticeship>("breaks", "Breaks in learning", FieldType::Text);
    f.format = [](const Apprenticeship& r) {
        return formatDatePeriods(r.breaks);
    };
    f.parse = [](Apprenticeship& r, std::string_view value) -> std::optional<FieldProblem> {
        auto periods = parseDatePeriods(value);
        r.breaks = periods ? std::move(*periods) : std::vector<DatePeriod>{};
        return periods
                   ? std::nullopt
                   : std::optional(FieldProblem{FieldProblem::Kind::NotADate, std::string(value)});
    };
    return f;
}

/// `epa_result`: one of the results, or empty for none yet.
FieldSpec<Apprenticeship> epaResultField() {
    FieldSpec<Apprenticeship> f =
        spec::named<Apprenticeship>("epa_result", "EPA result", FieldType::Choice);
    f.choices = kEpaResultOptions;
    f.format = [](const Apprenticeship& r) {
        return r.epaResult ? epaResultCode(*r.epaResult) : std::string();
    };
    f.parse = [](Apprenticeship& r, std::string_view value) -> std::optional<FieldProblem> {
        r.epaResult = std::nullopt;
        if (value.empty()) {
            return std::nullopt;
        }
        r.epaResult = parseEpaResult(value);
        return r.epaResult ? std::nullopt
                           : std::optional(
                                 FieldProblem{FieldProblem::Kind::NotAChoice, std::string(value)});
    };
    return f;
}

/// Adds the date's problem (not a real date, or outside the ledger's dates) when it has one;
/// true when the date is fine.
bool checkDate(std::vector<FieldError>& errors, const char* field, const Date& date) {
    if (auto problem = dateProblem(date)) {
        addFieldError(errors, field, *problem);
        return false;
    }
    return true;
}

/// employee_id names existing staff; true when it does.
bool checkEmployee(std::vector<FieldError>& errors, const std::string& employeeId,
                   const ValidationContext& context) {
    if (employeeId.empty()) {
        addFieldError(errors, "employee_id", "an employee id is required");
        return false;
    }
    if (!context.hasEmployee(employeeId)) {
        addFieldError(errors, "employee_id", "no staff member has employee id " + employeeId);
        return false;
    }
    return true;
}

/// standard_code is `ST` and four digits; true when it is.
bool checkStandardCode(std::vector<FieldError>& errors, const std::string& code) {
    if (code.empty()) {
        addFieldError(errors, "standard_code", "a standard code is required");
        return false;
    }
    if (!isStandardCode(code)) {
        addFieldError(errors, "standard_code",
                      "'" + code + "' is not a standard code (ST and four digits)");
        return false;
    }
    return true;
}

/// A title-like text (standard_title, provider): not blank, at most 200 code points, taken as
/// written (as every text of the learning record: a title may hold a line break or a U+FEFF).
void checkTitle(std::vector<FieldError>& errors, const char* field, const std::string& text,
                const char* noun) {
    if (blank(text)) {
        addFieldError(errors, field, std::string(noun) + " is required");
    } else {
        checkText(errors, field, text, TextKind::AnyText, kMaxTitleLength);
    }
}

/// The part an OTJ entry and a review share (section 9): the person exists, the
/// apprenticeship with their key exists, and start_date <= date <= today.
void checkBelonging(std::vector<FieldError>& errors, const std::string& employeeId,
                    const std::string& standardCode, const Date& date,
                    const Apprenticeship* apprenticeship, const ValidationContext& context) {
    const bool person = checkEmployee(errors, employeeId, context);
    const bool code = checkStandardCode(errors, standardCode);
    const bool exists = apprenticeship != nullptr && apprenticeship->employeeId == employeeId &&
                        apprenticeship->standardCode == standardCode;
    if (person && code && !exists) {
        addFieldError(errors, "standard_code",
                      employeeId + " has no apprenticeship " + standardCode);
    }
    if (!checkDate(errors, "date", date)) {
        return;
    }
    if (exists && date < apprenticeship->startDate) {
        addFieldError(errors, "date",
                      "the date " + formatIso(date) + " is before the apprenticeship's start (" +
                          formatIso(apprenticeship->startDate) + ")");
    } else if (date > context.today) {
        addFieldError(errors, "date",
                      "the date " + formatIso(date) + " is after today (" +
                          formatIso(context.today) + ")");
    }
}

} // namespace

std::string formatDatePeriod(const DatePeriod& period) {
    return formatIso(period.from) + std::string(kPeriodSeparator) + formatIso(period.to);
}

std::optional<DatePeriod> parseDatePeriod(std::string_view text) {
    const std::size_t dots = text.find(kPeriodSeparator);
    if (dots == std::string_view::npos) {
        return std::nullopt;
    }
    const auto from = parseIsoDate(text.substr(0, dots));
    const auto to = parseIsoDate(text.substr(dots + kPeriodSeparator.size()));
    if (!from || !to) {
        return std::nullopt;
    }
    return DatePeriod{*from, *to};
}

std::string formatDatePeriods(std::span<const DatePeriod> periods) {
    std::vector<DatePeriod> sorted(periods.begin(), periods.end());
    std::sort(sorted.begin(), sorted.end(), [](const DatePeriod& a, const DatePeriod& b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    std::string out;
    for (const DatePeriod& p : sorted) {
        out += (out.empty() ? "" : ";") + formatDatePeriod(p);
    }
    return out;
}

std::optional<std::vector<DatePeriod>> parseDatePeriods(std::string_view cell) {
    std::vector<DatePeriod> out;
    std::size_t start = 0;
    while (!cell.empty() && start <= cell.size()) {
        const std::size_t semi = cell.find(';', start);
        const std::size_t end = semi == std::string_view::npos ? cell.size() : semi;
        const auto period = parseDatePeriod(cell.substr(start, end - start));
        if (!period) {
            return std::nullopt;
        }
        out.push_back(*period);
        start = end + 1;
    }
    return out;
}

std::string epaResultCode(EpaResult result) {
    return codeOf(kEpaResults, result);
}
std::optional<EpaResult> parseEpaResult(std::string_view code) {
    return parseCode(kEpaResults, code);
}
std::string apprenticeshipReviewOutcomeCode(ApprenticeshipReviewOutcome outcome) {
    return codeOf(kReviewOutcomes, outcome);
}
std::optional<ApprenticeshipReviewOutcome> parseApprenticeshipReviewOutcome(std::string_view code) {
    return parseCode(kReviewOutcomes, code);
}
std::string apprenticeshipStatusCode(ApprenticeshipStatus status) {
    return codeOf(kStatuses, status);
}
std::optional<ApprenticeshipStatus> parseApprenticeshipStatus(std::string_view code) {
    return parseCode(kStatuses, code);
}

bool inBreak(std::span<const DatePeriod> breaks, const Date& d) {
    return std::any_of(breaks.begin(), breaks.end(),
                       [&d](const DatePeriod& b) { return b.contains(d); });
}

std::int64_t countingDays(const Date& from, const Date& to, std::span<const DatePeriod> breaks) {
    if (to < from) {
        return 0;
    }
    const std::int64_t first = toDayNumber(from);
    const std::int64_t last = toDayNumber(to);
    // The breaks clipped to [first, last], by start, then merged so that a day in two breaks
    // is taken away once.
    std::vector<std::pair<std::int64_t, std::int64_t>> clipped;
    for (const DatePeriod& b : breaks) {
        const std::int64_t lo = std::max(first, std::int64_t{toDayNumber(b.from)});
        const std::int64_t hi = std::min(last, std::int64_t{toDayNumber(b.to)});
        if (lo <= hi) {
            clipped.emplace_back(lo, hi);
        }
    }
    std::sort(clipped.begin(), clipped.end());
    std::int64_t days = last - first + 1;
    std::int64_t covered = first - 1; // the last day already taken away
    for (const auto& [lo, hi] : clipped) {
        const std::int64_t begin = std::max(lo, covered + 1);
        if (begin <= hi) {
            days -= hi - begin + 1;
            covered = hi;
        }
    }
    return days;
}

ApprenticeshipStatus apprenticeshipStatus(const Apprenticeship& a, const Date& asOf) {
    if (a.withdrawnOn && *a.withdrawnOn <= asOf) {
        return ApprenticeshipStatus::Withdrawn;
    }
    if (a.epaResult && *a.epaResult != EpaResult::Fail && a.epaDate && *a.epaDate <= asOf) {
        return ApprenticeshipStatus::Completed;
    }
    if (inBreak(a.breaks, asOf)) {
        return ApprenticeshipStatus::OnBreak;
    }
    return ApprenticeshipStatus::Active;
}

ApprenticeshipFigures checkApprenticeship(const Apprenticeship& a,
                                          std::span<const OtjEntry> otjEntries,
                                          std::span<const ApprenticeshipReview> reviews,
                                          const Date& asOf) {
    ApprenticeshipFigures f;
    f.status = apprenticeshipStatus(a, asOf);
    f.durationDays = countingDays(a.startDate, a.plannedEndDate, a.breaks);
    // countingDays is 0 when min(D, planned end) < start, so D before the start elapses none.
    f.elapsedDays = countingDays(a.startDate, std::min(asOf, a.plannedEndDate), a.breaks);
    f.planned = a.plannedOtjHours;
    for (const OtjEntry& e : otjEntries) {
        if (belongsTo(e, a) && e.date <= asOf) {
            f.logged += e.hours;
        }
    }
    if (f.durationDays > 0) {
        f.expected = roundHalfUp(f.planned * f.elapsedDays, f.durationDays);
    }
    for (const ApprenticeshipReview& r : reviews) {
        if (belongsTo(r, a) && r.date <= asOf && (!f.lastReview || r.date > *f.lastReview)) {
            f.lastReview = r.date;
        }
    }
    if (f.status == ApprenticeshipStatus::Completed ||
        f.status == ApprenticeshipStatus::Withdrawn) {
        return f; // on_track, next_review_due, review_overdue and epa_overdue stay empty
    }
    f.onTrack = f.logged * f.durationDays >= f.planned * f.elapsedDays;
    f.nextReviewDue = addDays(f.lastReview.value_or(a.startDate), 7 * a.reviewIntervalWeeks);
    const bool active = f.status == ApprenticeshipStatus::Active;
    f.reviewOverdue = active && asOf > *f.nextReviewDue;
    f.epaOverdue = active && asOf > a.plannedEndDate;
    return f;
}

const RecordSpec<Apprenticeship>& apprenticeshipSpec() {
    using namespace spec;
    using A = Apprenticeship;
    static const RecordSpec<A> kSpec{
        "apprenticeship",
        {
            with(requiredText("employee_id", "Employee ID", &A::employeeId, "an employee id"),
                 FieldRole::Identity, Storage::ByRepository),
            with(
                requiredText("standard_code", "Standard code", &A::standardCode, "a standard code"),
                FieldRole::Identity),
            requiredText("standard_title", "Standard", &A::standardTitle, "a standard title"),
            requiredText("provider", "Training provider", &A::provider, "a provider"),
            date("start_date", "Start date", &A::startDate),
            date("planned_end_date", "Planned end date", &A::plannedEndDate),
            hoursField("planned_otj_hours", "Planned off-the-job hours", &A::plannedOtjHours),
            number("review_interval_weeks", "Weeks between reviews", &A::reviewIntervalWeeks,
                   kMinReviewIntervalWeeks, kMaxReviewIntervalWeeks, "weeks",
                   std::optional<int>(kDefaultReviewIntervalWeeks)),
            breaksField(),
            optionalDate("gateway_date", "Gateway date", &A::gatewayDate),
            optionalDate("epa_date", "End-point assessment date", &A::epaDate),
            epaResultField(),
            optionalDate("withdrawn_on", "Withdrawn on", &A::withdrawnOn),
        }};
    return kSpec;
}

const RecordSpec<OtjEntry>& otjEntrySpec() {
    using namespace spec;
    static const RecordSpec<OtjEntry> kSpec{
        "otj_entry",
        {
            with(
                requiredText("employee_id", "Employee ID", &OtjEntry::employeeId, "an employee id"),
                FieldRole::Identity, Storage::ByRepository),
            with(requiredText("standard_code", "Standard code", &OtjEntry::standardCode,
                              "a standard code"),
                 FieldRole::Identity, Storage::ByRepository),
            with(date("date", "Date", &OtjEntry::date), FieldRole::Key),
            hoursField("hours", "Hours", &OtjEntry::hours),
        }};
    return kSpec;
}

const RecordSpec<ApprenticeshipReview>& apprenticeshipReviewSpec() {
    using namespace spec;
    using R = ApprenticeshipReview;
    static const RecordSpec<R> kSpec{
        "apprenticeship_review",
        {
            with(requiredText("employee_id", "Employee ID", &R::employeeId, "an employee id"),
                 FieldRole::Identity, Storage::ByRepository),
            with(
                requiredText("standard_code", "Standard code", &R::standardCode, "a standard code"),
                FieldRole::Identity, Storage::ByRepository),
            with(date("date", "Date", &R::date), FieldRole::Key),
            choice("outcome", "Outcome", &R::outcome, kReviewOutcomes, kReviewOutcomeOptions),
            text("notes", "Notes", &R::notes),
        }};
    return kSpec;
}

bool isStandardCode(std::string_view code) {
    return code.size() == 6 && code.starts_with("ST") &&
           std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<FieldError> validateApprenticeship(const Apprenticeship& a,
                                               const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkEmployee(errors, a.employeeId, context);
    checkStandardCode(errors, a.standardCode);
    checkTitle(errors, "standard_title", a.standardTitle, "a standard title");
    checkTitle(errors, "provider", a.provider, "a provider");

    const bool startOk = checkDate(errors, "start_date", a.startDate);
    const bool endOk = checkDate(errors, "planned_end_date", a.plannedEndDate);
    if (startOk && endOk && a.plannedEndDate <= a.startDate) {
        addFieldError(errors, "planned_end_date",
                      "the planned end date " + formatIso(a.plannedEndDate) +
                          " is not after the start date " + formatIso(a.startDate));
    }
    if (a.plannedOtjHours < 0 || a.plannedOtjHours > kMaxPlannedOtjHours) {
        addFieldError(errors, "planned_otj_hours",
                      "from 0.00 to " + formatHours(kMaxPlannedOtjHours) + " hours");
    }
    if (a.reviewIntervalWeeks < kMinReviewIntervalWeeks ||
        a.reviewIntervalWeeks > kMaxReviewIntervalWeeks) {
        addFieldError(errors, "review_interval_weeks",
                      "from " + std::to_string(kMinReviewIntervalWeeks) + " to " +
                          std::to_string(kMaxReviewIntervalWeeks) + " weeks");
    }

    // Breaks: start_date <= FROM <= TO, no overlaps, and a counting day left.
    bool breaksOk = true;
    for (const DatePeriod& b : a.breaks) {
        const std::string text = formatDatePeriod(b);
        if (!checkDate(errors, "breaks", b.from) || !checkDate(errors, "breaks", b.to)) {
            breaksOk = false;
        } else if (startOk && b.from < a.startDate) {
            addFieldError(errors, "breaks",
                          "the break " + text + " starts before the start date " +
                              formatIso(a.startDate));
            breaksOk = false;
        } else if (b.to < b.from) {
            addFieldError(errors, "breaks", "the break " + text + " ends before it starts");
            breaksOk = false;
        }
    }
    if (breaksOk) {
        std::vector<DatePeriod> sorted = a.breaks;
        std::sort(sorted.begin(), sorted.end(), [](const DatePeriod& x, const DatePeriod& y) {
            return x.from != y.from ? x.from < y.from : x.to < y.to;
        });
        for (std::size_t i = 1; i < sorted.size(); ++i) {
            if (sorted[i].from <= sorted[i - 1].to) {
                addFieldError(errors, "breaks",
                              "the breaks " + formatDatePeriod(sorted[i - 1]) + " and " +
                                  formatDatePeriod(sorted[i]) + " overlap");
                breaksOk = false;
            }
        }
    }
    if (breaksOk && startOk && endOk && a.plannedEndDate > a.startDate &&
        countingDays(a.startDate, a.plannedEndDate, a.breaks) == 0) {
        addFieldError(errors, "breaks",
                      "the breaks leave no day of learning from " + formatIso(a.startDate) +
                          " to " + formatIso(a.plannedEndDate));
    }

    // start_date <= gateway_date <= epa_date, each where given.
    const bool gatewayOk = a.gatewayDate && checkDate(errors, "gateway_date", *a.gatewayDate);
    if (gatewayOk && startOk && *a.gatewayDate < a.startDate) {
        addFieldError(errors, "gateway_date",
                      "the gateway date " + formatIso(*a.gatewayDate) +
                          " is before the start date " + formatIso(a.startDate));
    }
    const bool epaOk = a.epaDate && checkDate(errors, "epa_date", *a.epaDate);
    if (epaOk && gatewayOk && *a.epaDate < *a.gatewayDate) {
        addFieldError(errors, "epa_date",
                      "the EPA date " + formatIso(*a.epaDate) + " is before the gateway date " +
                          formatIso(*a.gatewayDate));
    } else if (epaOk && startOk && *a.epaDate < a.startDate) {
        addFieldError(errors, "epa_date",
                      "the EPA date " + formatIso(*a.epaDate) + " is before the start date " +
                          formatIso(a.startDate));
    }

    // A result needs an EPA date not after today.
    if (a.epaResult) {
        if (epaResultCode(*a.epaResult).empty()) {
            addFieldError(errors, "epa_result", "not a result (pass, merit, distinction or fail)");
        } else if (!a.epaDate) {
            addFieldError(errors, "epa_result", "a result needs an EPA date");
        } else if (epaOk && *a.epaDate > context.today) {
            addFieldError(errors, "epa_result",
                          "a result needs an EPA date not after today (" +
                              formatIso(context.today) + "); the EPA date is " +
                              formatIso(*a.epaDate));
        }
    }

    // withdrawn_on from start_date to today.
    if (a.withdrawnOn && checkDate(errors, "withdrawn_on", *a.withdrawnOn)) {
        if (startOk && *a.withdrawnOn < a.startDate) {
            addFieldError(errors, "withdrawn_on",
                          "withdrawn on " + formatIso(*a.withdrawnOn) + ", before the start date " +
                              formatIso(a.startDate));
        } else if (*a.withdrawnOn > context.today) {
            addFieldError(errors, "withdrawn_on",
                          "withdrawn on " + formatIso(*a.withdrawnOn) + ", after today (" +
                              formatIso(context.today) + ")");
        }
    }
    return errors;
}

std::vector<FieldError> validateOtjEntry(const OtjEntry& e, const Apprenticeship* apprenticeship,
                                         const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkBelonging(errors, e.employeeId, e.standardCode, e.date, apprenticeship, context);
    if (e.hours < kMinOtjEntryHours || e.hours > kMaxOtjEntryHours) {
        addFieldError(errors, "hours",
                      "from " + formatHours(kMinOtjEntryHours) + " to " +
                          formatHours(kMaxOtjEntryHours) + " hours");
    }
    return errors;
}

std::vector<FieldError> validateApprenticeshipReview(const ApprenticeshipReview& r,
                                                     const Apprenticeship* apprenticeship,
                                                     const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkBelonging(errors, r.employeeId, r.standardCode, r.date, apprenticeship, context);
    if (apprenticeshipReviewOutcomeCode(r.outcome).empty()) {
        addFieldError(errors, "outcome", "an outcome is required (on_track or concerns)");
    }
    checkText(errors, "notes", r.notes, TextKind::AnyText, kMaxLongTextLength);
    return errors;
}

} // namespace ledger
