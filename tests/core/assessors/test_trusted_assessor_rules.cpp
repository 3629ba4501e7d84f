// The pure rules of trusted-assessor authorisations (rules/learning-record.md sections 7-9),
// with every trusted-assessor worked example of section 10 as its own test.

#include "assessors/trusted_assessor.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {
namespace {

/// Signed off on `signedOff` (by E2) after training a month before, refresher 12 months.
TrustedAssessor signedOff(Date signedOffOn) {
    TrustedAssessor a;
    a.employeeId = "E1";
    a.level = AssessorLevel::Level3;
    a.categories = {"grab_rails", "toilet_frames"};
    a.trainedOn = addMonths(signedOffOn, -1);
    a.observedAssessments = 3;
    a.signedOffBy = "E2";
    a.signedOffOn = signedOffOn;
    return a;
}

void expectFigures(const TrustedAssessor& a, Date asOf, AssessorStatus status,
                   std::optional<Date> due) {
    const AssessorFigures figures = checkTrustedAssessor(a, asOf);
    EXPECT_EQ(assessorStatusCode(figures.status), assessorStatusCode(status));
    EXPECT_EQ(figures.refresherDue, due);
}

// --- Section 10's worked examples ---

TEST(TrustedAssessorStatus, Row1TheDayBeforeTheAnniversaryIsTheLastDayAuthorised) {
    expectFigures(signedOff(makeDate(2024, 10, 15)), makeDate(2025, 10, 14),
                  AssessorStatus::Authorised, makeDate(2025, 10, 14));
}

TEST(TrustedAssessorStatus, Row2TheAnniversaryItselfIsLapsed) {
    expectFigures(signedOff(makeDate(2024, 10, 15)), makeDate(2025, 10, 15), AssessorStatus::Lapsed,
                  makeDate(2025, 10, 14));
}

TEST(TrustedAssessorStatus, Row3ARefresherOnDRestartsTheCountFromIt) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.refreshers = {makeDate(2025, 11, 1)};
    expectFigures(a, makeDate(2025, 11, 1), AssessorStatus::Authorised, makeDate(2026, 10, 31));
}

TEST(TrustedAssessorStatus, Row4ASignOffOnTheTwentyNinthOfFebruaryIsDueOnTheTwentySeventh) {
    expectFigures(signedOff(makeDate(2024, 2, 29)), makeDate(2025, 2, 28), AssessorStatus::Lapsed,
                  makeDate(2025, 2, 27));
}

TEST(TrustedAssessorStatus, Row5ARefresherAfterDIsNotCountedAndMonthsAreTheRecords) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.refreshers = {makeDate(2025, 9, 1)};
    a.refresherMonths = 6;
    expectFigures(a, makeDate(2025, 6, 1), AssessorStatus::Lapsed, makeDate(2025, 4, 14));
}

TEST(TrustedAssessorStatus, Row6ASignOffAfterDIsInTrainingWithNoDueDate) {
    expectFigures(signedOff(makeDate(2025, 3, 1)), makeDate(2025, 2, 20),
                  AssessorStatus::InTraining, std::nullopt);
}

TEST(TrustedAssessorStatus, Row7WithdrawnOnDIsWithdrawnWithNoDueDate) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.withdrawnOn = makeDate(2025, 6, 1);
    expectFigures(a, makeDate(2025, 6, 1), AssessorStatus::Withdrawn, std::nullopt);
}

// --- Section 7 around the examples ---

TEST(TrustedAssessorStatus, TheTwentyNinthOfFebruaryIsAuthorisedToTheTwentySeventh) {
    const TrustedAssessor a = signedOff(makeDate(2024, 2, 29));
    expectFigures(a, makeDate(2025, 2, 27), AssessorStatus::Authorised, makeDate(2025, 2, 27));
    expectFigures(a, makeDate(2024, 2, 29), AssessorStatus::Authorised, makeDate(2025, 2, 27));
    // A refresher on the next 29th of February counts from it: 2029-02-28 - 1 day.
    TrustedAssessor refreshed = a;
    refreshed.refreshers = {makeDate(2028, 2, 29)};
    refreshed.refresherMonths = 12;
    expectFigures(refreshed, makeDate(2028, 2, 29), AssessorStatus::Authorised,
                  makeDate(2029, 2, 27));
}

TEST(TrustedAssessorStatus, NoSignOffIsInTraining) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.signedOffBy.clear();
    a.signedOffOn.reset();
    expectFigures(a, makeDate(2030, 1, 1), AssessorStatus::InTraining, std::nullopt);
}

TEST(TrustedAssessorStatus, WithdrawnComesFirstAndOnlyFromItsDay) {
    TrustedAssessor a = signedOff(makeDate(2025, 3, 1));
    a.withdrawnOn = makeDate(2025, 2, 20);
    expectFigures(a, makeDate(2025, 2, 19), AssessorStatus::InTraining, std::nullopt);
    expectFigures(a, makeDate(2025, 2, 20), AssessorStatus::Withdrawn, std::nullopt);
    a = signedOff(makeDate(2024, 10, 15));
    a.withdrawnOn = makeDate(2025, 6, 1);
    expectFigures(a, makeDate(2025, 5, 31), AssessorStatus::Authorised, makeDate(2025, 10, 14));
    expectFigures(a, makeDate(2026, 1, 1), AssessorStatus::Withdrawn, std::nullopt);
}

TEST(TrustedAssessorStatus, SignedOffOnDIsAuthorised) {
    expectFigures(signedOff(makeDate(2025, 3, 1)), makeDate(2025, 3, 1), AssessorStatus::Authorised,
                  makeDate(2026, 2, 28));
}

TEST(TrustedAssessorStatus, TheBaseIsTheLatestOfTheSignOffAndTheRefreshersToD) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.refreshers = {makeDate(2025, 1, 31), makeDate(2025, 9, 1), makeDate(2026, 8, 1)};
    a.refresherMonths = 1;
    // 2025-01-31 + 1 month is 2025-02-28; the due date the day before.
    expectFigures(a, makeDate(2025, 2, 27), AssessorStatus::Authorised, makeDate(2025, 2, 27));
    expectFigures(a, makeDate(2025, 2, 28), AssessorStatus::Lapsed, makeDate(2025, 2, 27));
    expectFigures(a, makeDate(2025, 9, 1), AssessorStatus::Authorised, makeDate(2025, 9, 30));
    expectFigures(a, makeDate(2026, 7, 31), AssessorStatus::Lapsed, makeDate(2025, 9, 30));
    expectFigures(a, makeDate(2026, 8, 1), AssessorStatus::Authorised, makeDate(2026, 8, 31));
}

TEST(TrustedAssessorStatus, LastRefresherIsTheLatestDatedNotAfterD) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    EXPECT_EQ(checkTrustedAssessor(a, makeDate(2025, 1, 1)).lastRefresher, std::nullopt);
    a.refreshers = {makeDate(2025, 3, 1), makeDate(2025, 9, 1)};
    EXPECT_EQ(checkTrustedAssessor(a, makeDate(2025, 2, 28)).lastRefresher, std::nullopt);
    EXPECT_EQ(checkTrustedAssessor(a, makeDate(2025, 3, 1)).lastRefresher, makeDate(2025, 3, 1));
    EXPECT_EQ(checkTrustedAssessor(a, makeDate(2025, 8, 31)).lastRefresher, makeDate(2025, 3, 1));
    EXPECT_EQ(checkTrustedAssessor(a, makeDate(2025, 9, 1)).lastRefresher, makeDate(2025, 9, 1));
    // The report prints it whatever the status.
    a.withdrawnOn = makeDate(2025, 10, 1);
    const AssessorFigures withdrawn = checkTrustedAssessor(a, makeDate(2025, 10, 1));
    EXPECT_EQ(withdrawn.status, AssessorStatus::Withdrawn);
    EXPECT_EQ(withdrawn.lastRefresher, makeDate(2025, 9, 1));
}

// --- The team view: who may assess for what today, who lapses soon ---

TEST(TrustedAssessorTeamView, MayAssessOnlyWhenAuthorisedAndForTheirCategories) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    EXPECT_TRUE(mayAssess(a, "grab_rails", makeDate(2024, 10, 15)));
    EXPECT_TRUE(mayAssess(a, "toilet_frames", makeDate(2025, 10, 14)));
    EXPECT_FALSE(mayAssess(a, "commodes", makeDate(2025, 10, 14)));
    EXPECT_FALSE(mayAssess(a, "grab_rails", makeDate(2024, 10, 14))); // in training
    EXPECT_FALSE(mayAssess(a, "grab_rails", makeDate(2025, 10, 15))); // lapsed
    a.withdrawnOn = makeDate(2025, 6, 1);
    EXPECT_TRUE(mayAssess(a, "grab_rails", makeDate(2025, 5, 31)));
    EXPECT_FALSE(mayAssess(a, "grab_rails", makeDate(2025, 6, 1)));
    a.withdrawnOn.reset();
    a.categories.clear();
    EXPECT_FALSE(mayAssess(a, "grab_rails", makeDate(2025, 1, 1)));
}

TEST(TrustedAssessorTeamView, LapsesWithinCountsTheDueDateItself) {
    const TrustedAssessor a = signedOff(makeDate(2024, 10, 15)); // due 2025-10-14
    EXPECT_TRUE(lapsesWithin(a, makeDate(2025, 7, 16), 90));     // 2025-10-14
    EXPECT_FALSE(lapsesWithin(a, makeDate(2025, 7, 15), 90));    // to 2025-10-13
    EXPECT_TRUE(lapsesWithin(a, makeDate(2025, 10, 14), 0));     // the last day in date
    EXPECT_FALSE(lapsesWithin(a, makeDate(2025, 10, 15), 90));   // lapsed already
    EXPECT_FALSE(lapsesWithin(a, makeDate(2024, 10, 14), 400));  // in training
    TrustedAssessor withdrawn = a;
    withdrawn.withdrawnOn = makeDate(2025, 8, 1);
    EXPECT_FALSE(lapsesWithin(withdrawn, makeDate(2025, 8, 1), 90));
}

// --- Codes, labels and categories ---

TEST(TrustedAssessorCodes, AreExactlyAsThePage) {
    EXPECT_EQ(assessorLevelCode(AssessorLevel::Level3), "level_3");
    EXPECT_EQ(assessorLevelCode(AssessorLevel::Level4), "level_4");
    EXPECT_EQ(assessorLevelCode(AssessorLevel::InHouse), "in_house");
    EXPECT_EQ(parseAssessorLevel("in_house"), AssessorLevel::InHouse);
    EXPECT_EQ(parseAssessorLevel("Level_3"), std::nullopt);
    EXPECT_EQ(parseAssessorLevel(""), std::nullopt);
    EXPECT_EQ(assessorLevelLabel(AssessorLevel::Level3), "Level 3 (minor adaptations)");
    EXPECT_EQ(assessorLevelOptions().size(), 3U);

    for (const AssessorStatus s : {AssessorStatus::Authorised, AssessorStatus::InTraining,
                                   AssessorStatus::Lapsed, AssessorStatus::Withdrawn}) {
        EXPECT_EQ(parseAssessorStatus(assessorStatusCode(s)), s);
        EXPECT_FALSE(assessorStatusLabel(s).empty());
    }
    EXPECT_EQ(assessorStatusCode(AssessorStatus::InTraining), "in_training");
    EXPECT_EQ(assessorStatusLabel(AssessorStatus::InTraining), "In training");
    EXPECT_EQ(parseAssessorStatus("lapsed "), std::nullopt);
}

TEST(TrustedAssessorCodes, TheSeededCategoriesHaveLabelsAndTheFormOfACode) {
    std::vector<std::string_view> codes;
    for (const ChoiceOption& c : seededEquipmentCategories()) {
        codes.push_back(c.code);
        EXPECT_FALSE(c.label.empty());
        EXPECT_TRUE(isCategoryCode(c.code));
        EXPECT_TRUE(isSeededCategory(c.code));
    }
    EXPECT_EQ(codes, (std::vector<std::string_view>{"toilet_frames", "grab_rails", "commodes",
                                                    "bathing_equipment", "perching_stools",
                                                    "chair_raisers", "bed_raisers", "other"}));
    EXPECT_FALSE(isSeededCategory("stair_rails"));
}

TEST(TrustedAssessorCodes, ACategoryCodeIsOneToFortyOfLowerCaseDigitsAndUnderscore) {
    EXPECT_TRUE(isCategoryCode("stair_rails_2"));
    EXPECT_TRUE(isCategoryCode("_"));
    EXPECT_TRUE(isCategoryCode(std::string(40, 'a')));
    EXPECT_FALSE(isCategoryCode(std::string(41, 'a')));
    EXPECT_FALSE(isCategoryCode(""));
    EXPECT_FALSE(isCategoryCode("Grab_rails"));
    EXPECT_FALSE(isCategoryCode("grab-rails"));
    EXPECT_FALSE(isCategoryCode("grab rails"));
    EXPECT_FALSE(isCategoryCode("grab_rails "));
    EXPECT_FALSE(isCategoryCode("caf\xC3\xA9"));
}

// --- The import's columns (section 8) ---

TEST(TrustedAssessorSpec, FieldsAreTheImportsColumnsInOrder) {
    std::vector<std::string_view> names;
    for (const auto& f : trustedAssessorSpec().fields) {
        names.push_back(f.name);
    }
    EXPECT_EQ(names, (std::vector<std::string_view>{
                         "employee_id", "level", "categories", "trained_on", "observed_assessments",
                         "signed_off_by", "signed_off_on", "refresher_months", "refreshers",
                         "restrictions", "withdrawn_on"}));
    const auto& spec = trustedAssessorSpec();
    EXPECT_EQ(spec.at("employee_id").role, FieldRole::Identity);
    EXPECT_EQ(spec.at("level").role, FieldRole::Key);
    EXPECT_EQ(spec.at("trained_on").role, FieldRole::Value);
}

TEST(TrustedAssessorSpec, ListCellsAreWrittenInByteOrderWithSemicolons) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.categories = {"toilet_frames", "bed_raisers", "commodes", "Zimmer"};
    a.refreshers = {makeDate(2026, 1, 2), makeDate(2025, 11, 1), makeDate(2025, 9, 30)};
    const auto& spec = trustedAssessorSpec();
    EXPECT_EQ(spec.at("categories").format(a), "Zimmer;bed_raisers;commodes;toilet_frames");
    EXPECT_EQ(spec.at("refreshers").format(a), "2025-09-30;2025-11-01;2026-01-02");
    a.categories.clear();
    a.refreshers.clear();
    EXPECT_EQ(spec.at("categories").format(a), "");
    EXPECT_EQ(spec.at("refreshers").format(a), "");
}

TEST(TrustedAssessorSpec, ListCellsAreReadBackWholeAndUntrimmed) {
    const auto& spec = trustedAssessorSpec();
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    EXPECT_EQ(spec.at("categories").parse(a, "grab_rails;commodes; other"), std::nullopt);
    EXPECT_EQ(a.categories, (std::set<std::string>{"commodes", "grab_rails", " other"}));
    EXPECT_EQ(spec.at("categories").parse(a, ""), std::nullopt);
    EXPECT_TRUE(a.categories.empty());

    EXPECT_EQ(spec.at("refreshers").parse(a, "2025-11-01;2025-09-30"), std::nullopt);
    EXPECT_EQ(a.refreshers, (std::set<Date>{makeDate(2025, 9, 30), makeDate(2025, 11, 1)}));
    EXPECT_EQ(spec.at("refreshers").parse(a, ""), std::nullopt);
    EXPECT_TRUE(a.refreshers.empty());
    const auto problem = spec.at("refreshers").parse(a, "2025-11-01;2025-02-29");
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->kind, FieldProblem::Kind::NotADate);
    EXPECT_EQ(problem->value, "2025-02-29");
    ASSERT_TRUE(spec.at("refreshers").parse(a, "2025-11-01; 2025-12-01").has_value());
    ASSERT_TRUE(spec.at("refreshers").parse(a, "2025-11-01;").has_value());
}

TEST(TrustedAssessorSpec, EmptyCellsTakeTheDefaults) {
    const auto& spec = trustedAssessorSpec();
    TrustedAssessor a;
    a.observedAssessments = 5;
    a.refresherMonths = 3;
    a.signedOffOn = makeDate(2025, 1, 1);
    EXPECT_EQ(spec.at("observed_assessments").parse(a, ""), std::nullopt);
    EXPECT_EQ(a.observedAssessments, 0);
    EXPECT_EQ(spec.at("refresher_months").parse(a, ""), std::nullopt);
    EXPECT_EQ(a.refresherMonths, 12);
    EXPECT_EQ(spec.at("signed_off_on").parse(a, ""), std::nullopt);
    EXPECT_EQ(a.signedOffOn, std::nullopt);
    EXPECT_TRUE(spec.at("refresher_months").parse(a, "0").has_value());
    EXPECT_TRUE(spec.at("refresher_months").parse(a, "121").has_value());
    EXPECT_TRUE(spec.at("observed_assessments").parse(a, "1000").has_value());
    EXPECT_TRUE(spec.at("level").parse(a, "").has_value());
    EXPECT_EQ(spec.at("level").parse(a, "level_4"), std::nullopt);
    EXPECT_EQ(a.level, AssessorLevel::Level4);
    EXPECT_TRUE(spec.at("trained_on").parse(a, "").has_value());
}

TEST(TrustedAssessorSpec, AFullRecordIsWrittenAsTheImportsRow) {
    TrustedAssessor a = signedOff(makeDate(2024, 10, 15));
    a.refreshers = {makeDate(2025, 10, 1)};
    a.restrictions = "No bathing equipment over 150 kg";
    std::string row;
    for (const auto& f : trustedAssessorSpec().fields) {
        row += (row.empty() ? "" : ",") + f.format(a);
    }
    EXPECT_EQ(row, "E1,level_3,grab_rails;toilet_frames,2024-09-15,3,E2,2024-10-15,12,"
                   "2025-10-01,No bathing equipment over 150 kg,");
}

// --- Valid input (section 9) ---

struct Council {
    ValidationContext base;
    Council() {
        base.employeeIds = {"E1", "E2", "E3", "E4"};
        base.today = makeDate(2026, 3, 1);
    }
    /// E2 may sign off and was active from 2020; E3 started on 2025-01-01 and may sign off;
    /// E4's role may not sign off.
    [[nodiscard]] TrustedAssessorContext context() const {
        return TrustedAssessorContext{
            base,
            [](std::string_view code) { return isSeededCategory(code) || code == "stair_rails"; },
            [](std::string_view id, const Date& day) {
                return id == "E2" || id == "E4" || (id == "E3" && day >= makeDate(2025, 1, 1));
            },
            [](std::string_view id) { return id == "E2" || id == "E3"; },
        };
    }
};

std::vector<std::string> fieldsOf(const std::vector<FieldError>& errors) {
    std::vector<std::string> fields;
    for (const FieldError& e : errors) {
        fields.push_back(e.field);
    }
    return fields;
}

TrustedAssessor full() {
    TrustedAssessor a = signedOff(makeDate(2025, 2, 1)); // trained 2025-01-01
    a.categories = {"grab_rails", "stair_rails"};
    a.refreshers = {makeDate(2026, 2, 1)};
    a.restrictions = "Minor adaptations only";
    return a;
}

TEST(TrustedAssessorValidation, AValidRecordHasNoProblems) {
    const Council c;
    EXPECT_EQ(validateTrustedAssessor(full(), c.context()), std::vector<FieldError>{});
    TrustedAssessor least;
    least.employeeId = "E1";
    least.level = AssessorLevel::InHouse;
    least.trainedOn = makeDate(2026, 3, 1);
    EXPECT_EQ(validateTrustedAssessor(least, c.context()), std::vector<FieldError>{});
    TrustedAssessor most = full();
    most.observedAssessments = 999;
    most.refresherMonths = 120;
    most.signedOffOn = makeDate(2025, 1, 1); // the training day
    most.refreshers = {makeDate(2025, 1, 2), makeDate(2026, 3, 1)};
    most.withdrawnOn = makeDate(2026, 3, 1);
    most.restrictions = std::string(10000, 'r');
    EXPECT_EQ(validateTrustedAssessor(most, c.context()), std::vector<FieldError>{});
    most.refresherMonths = 1;
    most.withdrawnOn = most.trainedOn;
    EXPECT_EQ(validateTrustedAssessor(most, c.context()), std::vector<FieldError>{});
}

TEST(TrustedAssessorValidation, ThePersonExists) {
    const Council c;
    TrustedAssessor a = full();
    a.employeeId = "E9";
    std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"employee_id"});
    EXPECT_EQ(errors.front().message, "no staff member has employee id E9");
    a.employeeId.clear();
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"employee_id"});
}

TEST(TrustedAssessorValidation, CategoriesAreInTheListAndMayBeNone) {
    const Council c;
    TrustedAssessor a = full();
    a.categories.clear();
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
    a.categories = {"commodes", "hoists", ""};
    const std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), (std::vector<std::string>{"categories", "categories"}));
    EXPECT_EQ(errors[0].message, "an empty item in the list");
    EXPECT_EQ(errors[1].message, "no equipment category hoists");
}

TEST(TrustedAssessorValidation, WithNoCategoryLookupTheSeededListIsTheList) {
    const Council c;
    TrustedAssessorContext context = c.context();
    context.hasCategory = nullptr;
    TrustedAssessor a = full();
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, context)),
              std::vector<std::string>{"categories"}); // stair_rails is not seeded
    a.categories = {"bed_raisers", "other"};
    EXPECT_EQ(validateTrustedAssessor(a, context), std::vector<FieldError>{});
}

TEST(TrustedAssessorValidation, TrainedOnIsARealDateNotAfterToday) {
    const Council c;
    TrustedAssessor a = full();
    a.trainedOn = makeDate(2026, 3, 2);
    a.signedOffBy.clear();
    a.signedOffOn.reset();
    a.refreshers.clear();
    std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"trained_on"});
    EXPECT_EQ(errors.front().message, "the training date 2026-03-02 is after today (2026-03-01)");
    a.trainedOn = makeDate(2025, 2, 29);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"trained_on"});
    a.trainedOn = makeDate(1899, 12, 31);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"trained_on"});
}

TEST(TrustedAssessorValidation, ObservedAssessmentsFromZeroTo999) {
    const Council c;
    TrustedAssessor a = full();
    a.observedAssessments = 0;
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
    a.observedAssessments = 1000;
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"observed_assessments"});
    a.observedAssessments = -1;
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"observed_assessments"});
}

TEST(TrustedAssessorValidation, SignedOffByAndOnBothOrNeither) {
    const Council c;
    TrustedAssessor a = full();
    a.refreshers.clear();
    a.signedOffOn.reset();
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"signed_off_on"});
    a = full();
    a.refreshers.clear();
    a.signedOffBy.clear();
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"signed_off_by"});
    a.signedOffOn.reset();
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
}

TEST(TrustedAssessorValidation, TheSignerExistsAndIsNotThePerson) {
    const Council c;
    TrustedAssessor a = full();
    a.signedOffBy = "E9";
    std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"signed_off_by"});
    EXPECT_EQ(errors.front().message, "no staff member has employee id E9");
    a.signedOffBy = "E1";
    errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"signed_off_by"});
    EXPECT_EQ(errors.front().message, "a person cannot sign off themselves");
}

TEST(TrustedAssessorValidation, TheSignerWasActiveOnTheSignOffDay) {
    const Council c;
    TrustedAssessor a = full();
    a.signedOffBy = "E3";
    a.trainedOn = makeDate(2024, 12, 1);
    a.signedOffOn = makeDate(2025, 1, 1); // E3's first day
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
    a.signedOffOn = makeDate(2024, 12, 31);
    const std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"signed_off_by"});
    EXPECT_EQ(errors.front().message, "E3 was not active on 2024-12-31");
}

TEST(TrustedAssessorValidation, TheSignersRoleCanSignOff) {
    const Council c;
    TrustedAssessor a = full();
    a.signedOffBy = "E4";
    const std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"signed_off_by"});
    EXPECT_EQ(errors.front().message, "E4's role cannot sign off trusted assessors");
}

TEST(TrustedAssessorValidation, TheSignerIsNotCheckedForARowLeftUnchanged) {
    const Council c;
    TrustedAssessorContext context = c.context();
    context.checkSigner = false;
    TrustedAssessor a = full();
    a.signedOffBy = "E4"; // a role that no longer may sign off
    EXPECT_EQ(validateTrustedAssessor(a, context), std::vector<FieldError>{});
    a.signedOffBy = "E1"; // but never themselves
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, context)),
              std::vector<std::string>{"signed_off_by"});
}

TEST(TrustedAssessorValidation, TheSignOffIsFromTheTrainingToToday) {
    const Council c;
    TrustedAssessor a = full();
    a.refreshers.clear();
    a.signedOffOn = makeDate(2024, 12, 31); // the day before training
    std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"signed_off_on"});
    EXPECT_EQ(errors.front().message,
              "the sign-off date 2024-12-31 is before the training date 2025-01-01");
    a.signedOffOn = makeDate(2026, 3, 1);
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
    a.signedOffOn = makeDate(2026, 3, 2);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"signed_off_on"});
    a.signedOffOn = makeDate(2025, 2, 29);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"signed_off_on"});
}

TEST(TrustedAssessorValidation, RefresherMonthsFromOneTo120) {
    const Council c;
    TrustedAssessor a = full();
    a.refresherMonths = 0;
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"refresher_months"});
    a.refresherMonths = 121;
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"refresher_months"});
}

TEST(TrustedAssessorValidation, RefreshersNeedASignOffAndFallAfterItAndNotAfterToday) {
    const Council c;
    TrustedAssessor a = full(); // signed off 2025-02-01
    a.signedOffBy.clear();
    a.signedOffOn.reset();
    std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"refreshers"});
    EXPECT_EQ(errors.front().message, "refreshers need a sign-off first");
    a = full();
    a.refreshers = {makeDate(2025, 2, 1), makeDate(2025, 2, 2), makeDate(2026, 3, 2)};
    errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), (std::vector<std::string>{"refreshers", "refreshers"}));
    EXPECT_EQ(errors[0].message, "the refresher 2025-02-01 is not after the sign-off (2025-02-01)");
    EXPECT_EQ(errors[1].message, "the refresher 2026-03-02 is after today (2026-03-01)");
}

TEST(TrustedAssessorValidation, WithdrawnOnFromTheTrainingToToday) {
    const Council c;
    TrustedAssessor a = full();
    a.withdrawnOn = makeDate(2024, 12, 31);
    std::vector<FieldError> errors = validateTrustedAssessor(a, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"withdrawn_on"});
    EXPECT_EQ(errors.front().message,
              "the withdrawal date 2024-12-31 is before the training date 2025-01-01");
    a.withdrawnOn = makeDate(2026, 3, 2);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"withdrawn_on"});
}

TEST(TrustedAssessorValidation, RestrictionsAtMostTenThousandCodePoints) {
    const Council c;
    TrustedAssessor a = full();
    a.restrictions.clear();
    for (int i = 0; i < 10000; ++i) {
        a.restrictions += "\xC3\xA9"; // é: 2 bytes, 1 code point
    }
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
    a.restrictions += "\n";
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"restrictions"});
    a.restrictions = "Line one\nline two\tand a tab";
    EXPECT_EQ(validateTrustedAssessor(a, c.context()), std::vector<FieldError>{});
    a.restrictions = std::string("No\0", 3);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              std::vector<std::string>{"restrictions"});
}

TEST(TrustedAssessorValidation, EveryProblemAtOnce) {
    const Council c;
    TrustedAssessor a = full();
    a.employeeId = "E9";
    a.categories = {"hoists"};
    a.trainedOn = makeDate(2026, 4, 1);
    a.observedAssessments = 1000;
    a.signedOffBy = "E4";
    a.refresherMonths = 0;
    a.refreshers = {makeDate(2026, 4, 1)};
    a.restrictions = std::string(10001, 'r');
    a.withdrawnOn = makeDate(2026, 5, 1);
    EXPECT_EQ(fieldsOf(validateTrustedAssessor(a, c.context())),
              (std::vector<std::string>{"employee_id", "categories", "trained_on",
                                        "observed_assessments", "signed_off_by", "refresher_months",
                                        "refreshers", "restrictions", "withdrawn_on"}));
}

} // namespace
} // namespace ledger
