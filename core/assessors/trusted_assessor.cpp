#include "assessors/trusted_assessor.h"

#include "base/checks.h"
#include "base/enum_codes.h"
#include "base/field_spec.h"
#include "sessions/session.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace ledger {

namespace {

constexpr CodeTable<AssessorLevel, 3> kLevels{{
    {AssessorLevel::Level3, "level_3"},
    {AssessorLevel::Level4, "level_4"},
    {AssessorLevel::InHouse, "in_house"},
}};

constexpr std::array<ChoiceOption, 3> kLevelOptions{{
    {"level_3", "Level 3 (minor adaptations)"},
    {"level_4", "Level 4 (major adaptations)"},
    {"in_house", "In-house"},
}};

constexpr CodeTable<AssessorStatus, 4> kStatuses{{
    {AssessorStatus::Authorised, "authorised"},
    {AssessorStatus::InTraining, "in_training"},
    {AssessorStatus::Lapsed, "lapsed"},
    {AssessorStatus::Withdrawn, "withdrawn"},
}};

constexpr std::array<ChoiceOption, 4> kStatusOptions{{
    {"authorised", "Authorised"},
    {"in_training", "In training"},
    {"lapsed", "Lapsed"},
    {"withdrawn", "Withdrawn"},
}};

constexpr std::array<ChoiceOption, 8> kSeededCategories{{
    {"toilet_frames", "Toilet frames"},
    {"grab_rails", "Grab rails"},
    {"commodes", "Commodes"},
    {"bathing_equipment", "Bathing equipment"},
    {"perching_stools", "Perching stools"},
    {"chair_raisers", "Chair raisers"},
    {"bed_raisers", "Bed raisers"},
    {"other", "Other"},
}};

/// The label of `code` among `options`; empty when it has none.
std::string_view labelOf(std::span<const ChoiceOption> options, std::string_view code) {
    for (const ChoiceOption& o : options) {
        if (o.code == code) {
            return o.label;
        }
    }
    return {};
}

/// A list cell's items (section 1), nothing trimmed; an empty cell has none.
std::vector<std::string_view> splitCell(std::string_view cell) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (!cell.empty() && start <= cell.size()) {
        const std::size_t semi = cell.find(';', start);
        const std::size_t end = semi == std::string_view::npos ? cell.size() : semi;
        items.push_back(cell.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

/// `categories`: the codes in byte order with `;` between (a set of strings is in byte
/// order). Read back without trimming; an empty cell is an empty set.
FieldSpec<TrustedAssessor> categoriesField() {
    FieldSpec<TrustedAssessor> f =
        spec::named<TrustedAssessor>("categories", "Equipment categories", FieldType::Text);
    f.format = [](const TrustedAssessor& r) {
        std::string out;
        for (const std::string& code : r.categories) {
            out += (out.empty() ? "" : ";") + code;
        }
        return out;
    };
    f.parse = [](TrustedAssessor& r, std::string_view value) -> std::optional<FieldProblem> {
        r.categories.clear();
        for (const std::string_view item : splitCell(value)) {
            r.categories.emplace(item);
        }
        return std::nullopt;
    };
    return f;
}

/// `refreshers`: the dates YYYY-MM-DD with `;` between, by date (which for these dates is
/// byte order). Read back without trimming; an empty cell is none; the first item that is
/// not a real date is the problem.
FieldSpec<TrustedAssessor> refreshersField() {
    FieldSpec<TrustedAssessor> f =
        spec::named<TrustedAssessor>("refreshers", "Refreshers", FieldType::Text);
    f.format = [](const TrustedAssessor& r) {
        std::string out;
        for (const Date& d : r.refreshers) {
            out += (out.empty() ? "" : ";") + formatIso(d);
        }
        return out;
    };
    f.parse = [](TrustedAssessor& r, std::string_view value) -> std::optional<FieldProblem> {
        r.refreshers.clear();
        std::optional<FieldProblem> first;
        for (const std::string_view item : splitCell(value)) {
            std::optional<Date> parsed;
            if (auto problem = spec::readDate(item, parsed)) {
                first = first ? first : problem;
            } else {
                r.refreshers.insert(*parsed);
            }
        }
        return first;
    };
    return f;
}

/// `the X date 2026-03-02 is after today (2026-03-01)` where it is, checking the date is one
/// the ledger takes first; true when a problem was added.
bool dateAfterToday(std::vector<FieldError>& errors, const char* field, std::string_view what,
                    const Date& date, const Date& today) {
    if (auto problem = dateProblem(date)) {
        addFieldError(errors, field, *problem);
        return true;
    }
    if (date > today) {
        addFieldError(errors, field,
                      std::string(what) + " " + formatIso(date) + " is after today (" +
                          formatIso(today) + ")");
        return true;
    }
    return false;
}

} // namespace

std::string assessorLevelCode(AssessorLevel level) {
    return codeOf(kLevels, level);
}
std::optional<AssessorLevel> parseAssessorLevel(std::string_view code) {
    return parseCode(kLevels, code);
}
std::string_view assessorLevelLabel(AssessorLevel level) {
    return labelOf(kLevelOptions, assessorLevelCode(level));
}
std::span<const ChoiceOption> assessorLevelOptions() {
    return kLevelOptions;
}

std::span<const ChoiceOption> seededEquipmentCategories() {
    return kSeededCategories;
}

bool isSeededCategory(std::string_view code) {
    return std::any_of(kSeededCategories.begin(), kSeededCategories.end(),
                       [code](const ChoiceOption& o) { return o.code == code; });
}

bool isCategoryCode(std::string_view code) {
    return !code.empty() && code.size() <= kMaxCategoryCodeLength &&
           std::all_of(code.begin(), code.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

std::string assessorStatusCode(AssessorStatus status) {
    return codeOf(kStatuses, status);
}
std::optional<AssessorStatus> parseAssessorStatus(std::string_view code) {
    return parseCode(kStatuses, code);
}
std::string_view assessorStatusLabel(AssessorStatus status) {
    return labelOf(kStatusOptions, assessorStatusCode(status));
}

AssessorFigures checkTrustedAssessor(const TrustedAssessor& a, const Date& asOf) {
    AssessorFigures figures;
    // The refreshers are by date: the last one not after D is just before the first after.
    const auto after = a.refreshers.upper_bound(asOf);
    if (after != a.refreshers.begin()) {
        figures.lastRefresher = *std::prev(after);
    }
    if (a.withdrawnOn && *a.withdrawnOn <= asOf) {
        figures.status = AssessorStatus::Withdrawn;
        return figures;
    }
    if (!a.signedOffOn || *a.signedOffOn > asOf) {
        figures.status = AssessorStatus::InTraining;
        return figures;
    }
    const Date base =
        figures.lastRefresher ? std::max(*a.signedOffOn, *figures.lastRefresher) : *a.signedOffOn;
    const Date due = addDays(addMonths(base, a.refresherMonths), -1);
    figures.refresherDue = due;
    figures.status = asOf <= due ? AssessorStatus::Authorised : AssessorStatus::Lapsed;
    return figures;
}

bool mayAssess(const TrustedAssessor& a, std::string_view category, const Date& asOf) {
    return checkTrustedAssessor(a, asOf).status == AssessorStatus::Authorised &&
           a.categories.contains(std::string(category));
}

bool lapsesWithin(const TrustedAssessor& a, const Date& asOf, int days) {
    const AssessorFigures figures = checkTrustedAssessor(a, asOf);
    return figures.status == AssessorStatus::Authorised &&
           *figures.refresherDue <= addDays(asOf, days);
}

const RecordSpec<TrustedAssessor>& trustedAssessorSpec() {
    using namespace spec;
    static const RecordSpec<TrustedAssessor> kSpec{
        "trusted_assessor",
        {
            with(requiredText("employee_id", "Employee ID", &TrustedAssessor::employeeId,
                              "an employee id"),
                 FieldRole::Identity, Storage::ByRepository),
            with(choice("level", "Level", &TrustedAssessor::level, kLevels, kLevelOptions),
                 FieldRole::Key),
            categoriesField(),
            date("trained_on", "Trained on", &TrustedAssessor::trainedOn),
            number("observed_assessments", "Observed assessments",
                   &TrustedAssessor::observedAssessments, 0, kMaxObservedAssessments, "assessments",
                   0),
            text("signed_off_by", "Signed off by (employee ID)", &TrustedAssessor::signedOffBy),
            optionalDate("signed_off_on", "Signed off on", &TrustedAssessor::signedOffOn),
            number("refresher_months", "Refresher every (months)",
                   &TrustedAssessor::refresherMonths, 1, kMaxRefresherMonths, "months",
                   kDefaultRefresherMonths),
            refreshersField(),
            text("restrictions", "Restrictions", &TrustedAssessor::restrictions),
            optionalDate("withdrawn_on", "Withdrawn on", &TrustedAssessor::withdrawnOn),
        }};
    return kSpec;
}

std::vector<FieldError> validateTrustedAssessor(const TrustedAssessor& a,
                                                const TrustedAssessorContext& context) {
    std::vector<FieldError> errors;
    const Date& today = context.base.today;
    if (a.employeeId.empty()) {
        addFieldError(errors, "employee_id", "an employee id is required");
    } else if (!context.base.hasEmployee(a.employeeId)) {
        addFieldError(errors, "employee_id", "no staff member has employee id " + a.employeeId);
    }
    if (assessorLevelCode(a.level).empty()) {
        addFieldError(errors, "level", "a level is required");
    }
    for (const std::string& code : a.categories) {
        if (code.empty()) {
            addFieldError(errors, "categories", "an empty item in the list");
        } else if (context.hasCategory ? !context.hasCategory(code) : !isSeededCategory(code)) {
            addFieldError(errors, "categories", "no equipment category " + code);
        }
    }
    const bool trainedOk =
        !dateAfterToday(errors, "trained_on", "the training date", a.trainedOn, today);
    if (a.observedAssessments < 0 || a.observedAssessments > kMaxObservedAssessments) {
        addFieldError(errors, "observed_assessments",
                      "a whole number of assessments from 0 to " +
                          std::to_string(kMaxObservedAssessments));
    }

    // The sign-off: who and when, both or neither.
    const bool signedBy = !a.signedOffBy.empty();
    if (signedBy && !a.signedOffOn) {
        addFieldError(errors, "signed_off_on", "a sign-off needs its date");
    } else if (!signedBy && a.signedOffOn) {
        addFieldError(errors, "signed_off_by", "a sign-off date needs who signed off");
    }
    bool signedOnOk = false;
    if (a.signedOffOn) {
        if (!dateAfterToday(errors, "signed_off_on", "the sign-off date", *a.signedOffOn, today)) {
            signedOnOk = true;
            if (trainedOk && *a.signedOffOn < a.trainedOn) {
                addFieldError(errors, "signed_off_on",
                              "the sign-off date " + formatIso(*a.signedOffOn) +
                                  " is before the training date " + formatIso(a.trainedOn));
            }
        }
    }
    if (signedBy) {
        if (a.signedOffBy == a.employeeId) {
            addFieldError(errors, "signed_off_by", "a person cannot sign off themselves");
        } else if (!context.base.hasEmployee(a.signedOffBy)) {
            addFieldError(errors, "signed_off_by",
                          "no staff member has employee id " + a.signedOffBy);
        } else if (context.checkSigner) {
            if (signedOnOk && context.wasActiveOn &&
                !context.wasActiveOn(a.signedOffBy, *a.signedOffOn)) {
                addFieldError(errors, "signed_off_by",
                              a.signedOffBy + " was not active on " + formatIso(*a.signedOffOn));
            } else if (context.canSignOff && !context.canSignOff(a.signedOffBy)) {
                addFieldError(errors, "signed_off_by",
                              a.signedOffBy + "'s role cannot sign off trusted assessors");
            }
        }
    }

    if (a.refresherMonths < 1 || a.refresherMonths > kMaxRefresherMonths) {
        addFieldError(errors, "refresher_months",
                      "a whole number of months from 1 to " + std::to_string(kMaxRefresherMonths));
    }
    if (!a.refreshers.empty() && !a.signedOffOn) {
        addFieldError(errors, "refreshers", "refreshers need a sign-off first");
    }
    for (const Date& refresher : a.refreshers) {
        if (dateAfterToday(errors, "refreshers", "the refresher", refresher, today)) {
            continue;
        }
        if (signedOnOk && refresher <= *a.signedOffOn) {
            addFieldError(errors, "refreshers",
                          "the refresher " + formatIso(refresher) + " is not after the sign-off (" +
                              formatIso(*a.signedOffOn) + ")");
        }
    }
    checkText(errors, "restrictions", a.restrictions, TextKind::AnyText, kMaxLongTextLength);
    if (a.withdrawnOn &&
        !dateAfterToday(errors, "withdrawn_on", "the withdrawal date", *a.withdrawnOn, today) &&
        trainedOk && *a.withdrawnOn < a.trainedOn) {
        addFieldError(errors, "withdrawn_on",
                      "the withdrawal date " + formatIso(*a.withdrawnOn) +
                          " is before the training date " + formatIso(a.trainedOn));
    }
    return errors;
}

} // namespace ledger
