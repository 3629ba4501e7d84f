#include "programmes/asye.h"

#include "base/enum_codes.h"
#include "base/field_spec.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

namespace ledger {

namespace {

constexpr CodeTable<AsyeReview, 4> kReviews{{
    {AsyeReview::ThreeMonth, "3m"},
    {AsyeReview::SixMonth, "6m"},
    {AsyeReview::NineMonth, "9m"},
    {AsyeReview::Final, "final"},
}};

constexpr CodeTable<ReviewOutcome, 3> kReviewOutcomes{{
    {ReviewOutcome::OnTrack, "on_track"},
    {ReviewOutcome::Concerns, "concerns"},
    {ReviewOutcome::NotHeld, "not_held"},
}};

constexpr CodeTable<AsyeOutcome, 4> kOutcomes{{
    {AsyeOutcome::Passed, "passed"},
    {AsyeOutcome::Extended, "extended"},
    {AsyeOutcome::NotPassed, "not_passed"},
    {AsyeOutcome::Withdrawn, "withdrawn"},
}};

constexpr std::array<AsyeReview, 4> kReviewOrder{AsyeReview::ThreeMonth, AsyeReview::SixMonth,
                                                 AsyeReview::NineMonth, AsyeReview::Final};

constexpr std::array<ChoiceOption, 4> kReviewOutcomeOptions{{
    {"", "No outcome yet"},
    {"on_track", "On track"},
    {"concerns", "Concerns"},
    {"not_held", "Not held"},
}};

constexpr std::array<ChoiceOption, 5> kOutcomeOptions{{
    {"", "No outcome yet"},
    {"passed", "Passed"},
    {"extended", "Extended"},
    {"not_passed", "Not passed"},
    {"withdrawn", "Withdrawn"},
}};

constexpr std::array<ChoiceOption, 2> kYesNoOptions{{
    {"yes", "Yes"},
    {"no", "No"},
}};

/// Days from S during which supervision is weekly (section 5).
constexpr int kWeeklyPhaseDays = 42;
/// Months from S during which supervision is fortnightly (after the weekly phase).
constexpr int kFortnightlyPhaseMonths = 6;

/// A boolean written `yes`/`no` (section 1); an empty cell takes `no`, the default.
FieldSpec<AsyeEnrolment> yesNo(std::string_view name, std::string_view label,
                               bool AsyeEnrolment::*member) {
    FieldSpec<AsyeEnrolment> f = spec::named<AsyeEnrolment>(name, label, FieldType::Choice);
    f.choices = kYesNoOptions;
    f.emptyCode = "no";
    f.format = [member](const AsyeEnrolment& r) {
        return std::string(r.*member ? "yes" : "no");
    };
    f.parse = [member](AsyeEnrolment& r, std::string_view value) -> std::optional<FieldProblem> {
        r.*member = value == "yes";
        if (value.empty() || value == "yes" || value == "no") {
            return std::nullopt;
        }
        return FieldProblem{FieldProblem::Kind::NotAChoice, std::string(value)};
    };
    return f;
}

/// One of an enum's codes, or no value: an empty cell (section 5's outcomes).
template <typename Enum, std::size_t N>
FieldSpec<AsyeEnrolment> optionalChoice(std::string_view name, std::string_view label,
                                        std::optional<Enum> AsyeEnrolment::*member,
                                        const CodeTable<Enum, N>& codes,
                                        std::span<const ChoiceOption> options) {
    FieldSpec<AsyeEnrolment> f = spec::named<AsyeEnrolment>(name, label, FieldType::Choice);
    f.choices = options;
    f.optional = true;
    f.format = [member, &codes](const AsyeEnrolment& r) {
        return (r.*member) ? codeOf(codes, *(r.*member)) : std::string();
    };
    f.parse = [member, &codes](AsyeEnrolment& r,
                               std::string_view value) -> std::optional<FieldProblem> {
        r.*member = std::nullopt;
        if (value.empty()) {
            return std::nullopt;
        }
        r.*member = parseCode(codes, value);
        return (r.*member) ? std::nullopt
                           : std::optional(
                                 FieldProblem{FieldProblem::Kind::NotAChoice, std::string(value)});
    };
    return f;
}

/// The common rule for a column naming a person (section 9): not empty, existing staff.
void checkPerson(std::vector<FieldError>& errors, const char* field, const std::string& id,
                 const char* noun, const ValidationContext& context) {
    if (id.empty()) {
        addFieldError(errors, field, std::string(noun) + " is required");
    } else if (!context.hasEmployee(id)) {
        addFieldError(errors, field, "no staff member has employee id " + id);
    }
}

/// An outcome's code is one of those listed (a value cast from outside the enum has none).
template <typename Enum, std::size_t N>
void checkCode(std::vector<FieldError>& errors, const char* field, const std::optional<Enum>& value,
               const CodeTable<Enum, N>& codes) {
    if (value && codeOf(codes, *value).empty()) {
        addFieldError(errors, field, "not one of the listed codes");
    }
}

} // namespace

std::string asyeReviewCode(AsyeReview review) {
    return codeOf(kReviews, review);
}
std::optional<AsyeReview> parseAsyeReview(std::string_view code) {
    return parseCode(kReviews, code);
}
std::string reviewOutcomeCode(ReviewOutcome outcome) {
    return codeOf(kReviewOutcomes, outcome);
}
std::optional<ReviewOutcome> parseReviewOutcome(std::string_view code) {
    return parseCode(kReviewOutcomes, code);
}
std::string asyeOutcomeCode(AsyeOutcome outcome) {
    return codeOf(kOutcomes, outcome);
}
std::optional<AsyeOutcome> parseAsyeOutcome(std::string_view code) {
    return parseCode(kOutcomes, code);
}

bool isClosed(const AsyeEnrolment& enrolment) {
    return enrolment.outcome == AsyeOutcome::Passed ||
           enrolment.outcome == AsyeOutcome::NotPassed ||
           enrolment.outcome == AsyeOutcome::Withdrawn;
}

std::optional<ReviewOutcome> reviewOutcome(const AsyeEnrolment& enrolment, AsyeReview review) {
    switch (review) {
    case AsyeReview::ThreeMonth:
        return enrolment.outcome3m;
    case AsyeReview::SixMonth:
        return enrolment.outcome6m;
    case AsyeReview::NineMonth:
        return enrolment.outcome9m;
    case AsyeReview::Final:
        return enrolment.outcomeFinal;
    }
    return std::nullopt;
}

std::optional<Date> AsyeReviewDates::of(AsyeReview review) const {
    switch (review) {
    case AsyeReview::ThreeMonth:
        return threeMonth;
    case AsyeReview::SixMonth:
        return sixMonth;
    case AsyeReview::NineMonth:
        return nineMonth;
    case AsyeReview::Final:
        return finalReview;
    }
    return std::nullopt;
}

AsyeReviewDates asyeReviewDates(const AsyeEnrolment& enrolment) {
    const Date& s = enrolment.start;
    AsyeReviewDates dates;
    dates.threeMonth = addMonths(s, 3);
    dates.sixMonth = addMonths(s, 6);
    if (enrolment.nineMonthReview) {
        dates.nineMonth = addMonths(s, 9);
    }
    dates.finalReview = addMonths(s, 12 + enrolment.extensionMonths);
    return dates;
}

std::vector<SupervisionGap> asyeSupervisionGaps(const AsyeEnrolment& enrolment,
                                                std::span<const Date> supervisionDates,
                                                const Date& asOf) {
    const Date& s = enrolment.start;
    const Date e = std::min(asOf, asyeReviewDates(enrolment).finalReview);
    if (e < s) {
        return {};
    }
    std::vector<Date> points{s};
    for (const Date& d : supervisionDates) {
        if (s <= d && d <= e) {
            points.push_back(d);
        }
    }
    if (!isClosed(enrolment)) {
        points.push_back(e);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());

    const Date weeklyEnd = addDays(s, kWeeklyPhaseDays);
    const Date fortnightlyEnd = addMonths(s, kFortnightlyPhaseMonths);
    std::vector<SupervisionGap> gaps;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const Date& a = points[i - 1];
        const Date& b = points[i];
        const SupervisionCadence cadence = a < weeklyEnd        ? SupervisionCadence::Weekly
                                           : a < fortnightlyEnd ? SupervisionCadence::Fortnightly
                                                                : SupervisionCadence::Monthly;
        const bool gap = cadence == SupervisionCadence::Weekly        ? daysBetween(a, b) > 7
                         : cadence == SupervisionCadence::Fortnightly ? daysBetween(a, b) > 14
                                                                      : b > addMonths(a, 1);
        if (gap) {
            gaps.push_back({a, b, cadence});
        }
    }
    return gaps;
}

AsyeFigures checkAsye(const AsyeEnrolment& enrolment, std::span<const Date> supervisionDates,
                      const Date& asOf) {
    AsyeFigures f;
    f.reviews = asyeReviewDates(enrolment);
    if (!isClosed(enrolment)) {
        for (const AsyeReview review : kReviewOrder) {
            const std::optional<Date> date = f.reviews.of(review);
            if (!date || reviewOutcome(enrolment, review)) {
                continue;
            }
            if (*date < asOf) {
                f.overdue.push_back(review);
            } else if (!f.nextReview || *date < *f.nextReview) {
                f.nextReview = *date;
            }
        }
    }
    f.gaps = asyeSupervisionGaps(enrolment, supervisionDates, asOf);
    return f;
}

const RecordSpec<AsyeEnrolment>& asyeSpec() {
    using namespace spec;
    static const RecordSpec<AsyeEnrolment> kSpec{
        "asye_enrolment",
        {
            with(requiredText("employee_id", "Employee ID", &AsyeEnrolment::employeeId,
                              "an employee id"),
                 FieldRole::Identity, Storage::ByRepository),
            date("start_date", "Start date", &AsyeEnrolment::start),
            requiredText("assessor_id", "Assessor", &AsyeEnrolment::assessorId, "an assessor"),
            requiredText("supervisor_id", "Supervisor", &AsyeEnrolment::supervisorId,
                         "a supervisor"),
            number("protected_time_percent", "Protected time (%)",
                   &AsyeEnrolment::protectedTimePercent, 0, 100, "percent", 10),
            yesNo("nine_month_review", "Nine-month review", &AsyeEnrolment::nineMonthReview),
            number("extension_months", "Extension (months)", &AsyeEnrolment::extensionMonths, 0,
                   kMaxExtensionMonths, "months", 0),
            optionalChoice("outcome_3m", "Three-month review", &AsyeEnrolment::outcome3m,
                           kReviewOutcomes, kReviewOutcomeOptions),
            optionalChoice("outcome_6m", "Six-month review", &AsyeEnrolment::outcome6m,
                           kReviewOutcomes, kReviewOutcomeOptions),
            optionalChoice("outcome_9m", "Nine-month review outcome", &AsyeEnrolment::outcome9m,
                           kReviewOutcomes, kReviewOutcomeOptions),
            optionalChoice("outcome_final", "Final review", &AsyeEnrolment::outcomeFinal,
                           kReviewOutcomes, kReviewOutcomeOptions),
            optionalChoice("outcome", "Outcome of the year", &AsyeEnrolment::outcome, kOutcomes,
                           kOutcomeOptions),
        }};
    return kSpec;
}

const RecordSpec<Supervision>& supervisionSpec() {
    using namespace spec;
    static const RecordSpec<Supervision> kSpec{
        "supervision",
        {
            with(requiredText("employee_id", "Employee ID", &Supervision::employeeId,
                              "an employee id"),
                 FieldRole::Identity, Storage::ByRepository),
            with(date("date", "Date", &Supervision::date), FieldRole::Key),
        }};
    return kSpec;
}

std::vector<FieldError> validateAsyeEnrolment(const AsyeEnrolment& e,
                                              const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkPerson(errors, "employee_id", e.employeeId, "an employee id", context);
    if (auto problem = dateProblem(e.start)) {
        addFieldError(errors, "start_date", *problem);
    }
    checkPerson(errors, "assessor_id", e.assessorId, "an assessor", context);
    if (!e.assessorId.empty() && e.assessorId == e.employeeId) {
        addFieldError(errors, "assessor_id", "a person cannot be their own assessor");
    }
    checkPerson(errors, "supervisor_id", e.supervisorId, "a supervisor", context);
    if (!e.supervisorId.empty() && e.supervisorId == e.employeeId) {
        addFieldError(errors, "supervisor_id", "a person cannot be their own supervisor");
    }
    if (e.protectedTimePercent < 0 || e.protectedTimePercent > 100) {
        addFieldError(errors, "protected_time_percent", "a whole number of percent from 0 to 100");
    }
    if (e.extensionMonths < 0 || e.extensionMonths > kMaxExtensionMonths) {
        addFieldError(errors, "extension_months",
                      "a whole number of months from 0 to " + std::to_string(kMaxExtensionMonths));
    }
    checkCode(errors, "outcome_3m", e.outcome3m, kReviewOutcomes);
    checkCode(errors, "outcome_6m", e.outcome6m, kReviewOutcomes);
    checkCode(errors, "outcome_9m", e.outcome9m, kReviewOutcomes);
    if (e.outcome9m && !e.nineMonthReview) {
        addFieldError(errors, "outcome_9m", "no nine-month review: nine_month_review is no");
    }
    checkCode(errors, "outcome_final", e.outcomeFinal, kReviewOutcomes);
    checkCode(errors, "outcome", e.outcome, kOutcomes);
    if (e.outcome == AsyeOutcome::Extended && e.extensionMonths < 1) {
        addFieldError(errors, "outcome", "an extended year needs extension_months of at least 1");
    }
    return errors;
}

std::vector<FieldError>
validateSupervision(const Supervision& s, const ValidationContext& context,
                    const std::function<std::optional<Date>(std::string_view)>& enrolmentStart) {
    std::vector<FieldError> errors;
    std::optional<Date> start;
    if (s.employeeId.empty()) {
        addFieldError(errors, "employee_id", "an employee id is required");
    } else if (!context.hasEmployee(s.employeeId)) {
        addFieldError(errors, "employee_id", "no staff member has employee id " + s.employeeId);
    } else {
        start = enrolmentStart ? enrolmentStart(s.employeeId) : std::nullopt;
        if (!start) {
            addFieldError(errors, "employee_id", s.employeeId + " is not enrolled on the ASYE");
        }
    }
    if (auto problem = dateProblem(s.date)) {
        addFieldError(errors, "date", *problem);
    } else if (start && s.date < *start) {
        addFieldError(errors, "date",
                      "the date " + formatIso(s.date) + " is before the ASYE's start (" +
                          formatIso(*start) + ")");
    } else if (s.date > context.today) {
        addFieldError(errors, "date",
                      "the date " + formatIso(s.date) + " is after today (" +
                          formatIso(context.today) + ")");
    }
    return errors;
}

} // namespace ledger
