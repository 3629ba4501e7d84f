// The pure rules of the ASYE (rules/learning-record.md sections 5, 8 and 9), with every ASYE
// worked example of section 10 as its own test.

#include "programmes/asye.h"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ledger {
namespace {

constexpr Date d(int y, unsigned m, unsigned day) {
    return makeDate(y, m, day);
}

AsyeEnrolment enrolment(Date start) {
    AsyeEnrolment e;
    e.employeeId = "E1";
    e.start = start;
    e.assessorId = "A1";
    e.supervisorId = "S1";
    return e;
}

std::vector<std::string> codesOf(const std::vector<AsyeReview>& reviews) {
    std::vector<std::string> out;
    for (const AsyeReview r : reviews) {
        out.push_back(asyeReviewCode(r));
    }
    return out;
}

/// A gap list as the report writes it: `FROM..TO` joined by `;`.
std::string gapList(const std::vector<SupervisionGap>& gaps) {
    std::string out;
    for (const SupervisionGap& g : gaps) {
        out += (out.empty() ? "" : ";") + formatIso(g.from) + ".." + formatIso(g.to);
    }
    return out;
}

std::string iso(const std::optional<Date>& date) {
    return date ? formatIso(*date) : std::string();
}

/// Mondays from `first` to `last`, both included.
std::vector<Date> weekly(Date first, Date last) {
    std::vector<Date> out;
    for (Date day = first; day <= last; day = addDays(day, 7)) {
        out.push_back(day);
    }
    return out;
}

struct AsyeRow {
    std::string review3m;
    std::string review6m;
    std::string review9m;
    std::string reviewFinal;
    std::vector<std::string> overdue;
    std::string next;
    std::string gaps;
};

void expectAsye(const AsyeFigures& f, const AsyeRow& want) {
    EXPECT_EQ(formatIso(f.reviews.threeMonth), want.review3m);
    EXPECT_EQ(formatIso(f.reviews.sixMonth), want.review6m);
    EXPECT_EQ(iso(f.reviews.nineMonth), want.review9m);
    EXPECT_EQ(formatIso(f.reviews.finalReview), want.reviewFinal);
    EXPECT_EQ(codesOf(f.overdue), want.overdue);
    EXPECT_EQ(iso(f.nextReview), want.next);
    EXPECT_EQ(gapList(f.gaps), want.gaps);
}

const AsyeRow kJanuary6{"2025-04-06", "2025-07-06", "", "2026-01-06", {}, "2025-04-06", ""};

AsyeRow january6(std::vector<std::string> overdue, std::string next, std::string gaps) {
    AsyeRow row = kJanuary6;
    row.overdue = std::move(overdue);
    row.next = std::move(next);
    row.gaps = std::move(gaps);
    return row;
}

// --- Section 10's ASYE worked examples ---

TEST(AsyeWorkedExamples, Row1NineMonthReviewFromFeb29) {
    AsyeEnrolment e = enrolment(d(2024, 2, 29));
    e.nineMonthReview = true;
    e.outcome3m = ReviewOutcome::OnTrack;
    expectAsye(checkAsye(e, {}, d(2024, 8, 30)), {"2024-05-29",
                                                  "2024-08-29",
                                                  "2024-11-29",
                                                  "2025-02-28",
                                                  {"6m"},
                                                  "2024-11-29",
                                                  "2024-02-29..2024-08-30"});
}

TEST(AsyeWorkedExamples, Row2ExtendedByOneMonthFromFeb29) {
    AsyeEnrolment e = enrolment(d(2024, 2, 29));
    e.extensionMonths = 1;
    e.outcome3m = ReviewOutcome::OnTrack;
    e.outcome6m = ReviewOutcome::OnTrack;
    e.outcome = AsyeOutcome::Extended;
    expectAsye(
        checkAsye(e, {}, d(2025, 3, 29)),
        {"2024-05-29", "2024-08-29", "", "2025-03-29", {}, "2025-03-29", "2024-02-29..2025-03-29"});
}

TEST(AsyeWorkedExamples, Row3StartOnAugust31) {
    AsyeEnrolment e = enrolment(d(2025, 8, 31));
    e.nineMonthReview = true;
    expectAsye(checkAsye(e, {}, d(2025, 12, 1)), {"2025-11-30",
                                                  "2026-02-28",
                                                  "2026-05-31",
                                                  "2026-08-31",
                                                  {"3m"},
                                                  "2026-02-28",
                                                  "2025-08-31..2025-12-01"});
}

TEST(AsyeWorkedExamples, Row4WithdrawnHasNoOverdueNoNextNoGaps) {
    AsyeEnrolment e = enrolment(d(2024, 1, 31));
    e.extensionMonths = 12;
    e.outcome = AsyeOutcome::Withdrawn;
    expectAsye(checkAsye(e, {}, d(2025, 1, 1)),
               {"2024-04-30", "2024-07-31", "", "2026-01-31", {}, "", ""});
}

TEST(AsyeWorkedExamples, Row5NineDaysInTheWeeklyPhase) {
    const std::vector<Date> sup{d(2025, 1, 13), d(2025, 1, 20), d(2025, 1, 29)};
    expectAsye(checkAsye(enrolment(d(2025, 1, 6)), sup, d(2025, 2, 3)),
               january6({}, "2025-04-06", "2025-01-20..2025-01-29"));
}

TEST(AsyeWorkedExamples, Row6LastWeeklyDayDecidesByTheWeeklyRule) {
    std::vector<Date> sup = weekly(d(2025, 1, 13), d(2025, 2, 10));
    sup.push_back(d(2025, 2, 16));
    sup.push_back(d(2025, 2, 26));
    expectAsye(checkAsye(enrolment(d(2025, 1, 6)), sup, d(2025, 3, 1)),
               january6({}, "2025-04-06", "2025-02-16..2025-02-26"));
}

TEST(AsyeWorkedExamples, Row7FortnightlyFromFeb17AndAnOpenGapToD) {
    std::vector<Date> sup = weekly(d(2025, 1, 13), d(2025, 2, 17));
    sup.push_back(d(2025, 2, 27));
    sup.push_back(d(2025, 3, 14));
    expectAsye(checkAsye(enrolment(d(2025, 1, 6)), sup, d(2025, 3, 31)),
               january6({}, "2025-04-06", "2025-02-27..2025-03-14;2025-03-14..2025-03-31"));
}

TEST(AsyeWorkedExamples, Row8MonthlyFromJuly6) {
    const std::vector<Date> sup{d(2025, 7, 6), d(2025, 8, 6), d(2025, 9, 7)};
    expectAsye(
        checkAsye(enrolment(d(2025, 1, 6)), sup, d(2025, 10, 1)),
        january6({"3m", "6m"}, "2026-01-06", "2025-01-06..2025-07-06;2025-08-06..2025-09-07"));
}

// --- Review dates (section 5) ---

TEST(AsyeReviews, FinalIsOneStepFromStartNotTwelveThenExtension) {
    AsyeEnrolment e = enrolment(d(2024, 2, 29));
    e.extensionMonths = 1;
    EXPECT_EQ(asyeReviewDates(e).finalReview, d(2025, 3, 29));
    // Twelve months then one would give 2025-03-28.
    EXPECT_EQ(addMonths(addMonths(d(2024, 2, 29), 12), 1), d(2025, 3, 28));
    e.extensionMonths = 0;
    EXPECT_EQ(asyeReviewDates(e).finalReview, d(2025, 2, 28));
    e.extensionMonths = 12;
    EXPECT_EQ(asyeReviewDates(e).finalReview, d(2026, 2, 28));
}

TEST(AsyeReviews, NineMonthOnlyWithNineMonthReview) {
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    EXPECT_EQ(asyeReviewDates(e).nineMonth, std::nullopt);
    EXPECT_EQ(asyeReviewDates(e).of(AsyeReview::NineMonth), std::nullopt);
    e.nineMonthReview = true;
    EXPECT_EQ(asyeReviewDates(e).nineMonth, d(2025, 10, 6));
    EXPECT_EQ(asyeReviewDates(e).of(AsyeReview::Final), d(2026, 1, 6));
}

TEST(AsyeReviews, AReviewOnDIsNextNotOverdue) {
    const AsyeFigures f = checkAsye(enrolment(d(2025, 1, 6)), {}, d(2025, 4, 6));
    EXPECT_TRUE(f.overdue.empty());
    EXPECT_EQ(f.nextReview, d(2025, 4, 6));
    const AsyeFigures after = checkAsye(enrolment(d(2025, 1, 6)), {}, d(2025, 4, 7));
    EXPECT_EQ(codesOf(after.overdue), std::vector<std::string>{"3m"});
    EXPECT_EQ(after.nextReview, d(2025, 7, 6));
}

TEST(AsyeReviews, NotHeldIsAnOutcomeAndOutcomesCountOnEveryD) {
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.outcome3m = ReviewOutcome::NotHeld;
    e.outcome6m = ReviewOutcome::Concerns; // recorded before its date: still counts
    const AsyeFigures f = checkAsye(e, {}, d(2025, 3, 1));
    EXPECT_TRUE(f.overdue.empty());
    EXPECT_EQ(f.nextReview, d(2026, 1, 6));
}

TEST(AsyeReviews, AllOverdueInOrderAfterTheFinalReview) {
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.nineMonthReview = true;
    const AsyeFigures f = checkAsye(e, {}, d(2026, 6, 1));
    EXPECT_EQ(codesOf(f.overdue), (std::vector<std::string>{"3m", "6m", "9m", "final"}));
    EXPECT_EQ(f.nextReview, std::nullopt);
}

TEST(AsyeReviews, BeforeTheStartTheFirstReviewIsNext) {
    const AsyeFigures f = checkAsye(enrolment(d(2025, 1, 6)), {}, d(2024, 12, 1));
    EXPECT_TRUE(f.overdue.empty());
    EXPECT_EQ(f.nextReview, d(2025, 4, 6));
    EXPECT_TRUE(f.gaps.empty()); // E < S
}

// --- Closed programmes ---

TEST(AsyeClosed, PassedNotPassedAndWithdrawnCloseExtendedDoesNot) {
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    EXPECT_FALSE(isClosed(e));
    e.outcome = AsyeOutcome::Extended;
    EXPECT_FALSE(isClosed(e));
    for (const AsyeOutcome o :
         {AsyeOutcome::Passed, AsyeOutcome::NotPassed, AsyeOutcome::Withdrawn}) {
        e.outcome = o;
        EXPECT_TRUE(isClosed(e)) << asyeOutcomeCode(o);
        const AsyeFigures f = checkAsye(e, {}, d(2026, 6, 1));
        EXPECT_TRUE(f.overdue.empty());
        EXPECT_EQ(f.nextReview, std::nullopt);
    }
}

TEST(AsyeClosed, GapsRunBetweenSupervisionsButNotToE) {
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.outcome = AsyeOutcome::Passed;
    const std::vector<Date> sup{d(2025, 1, 20), d(2025, 1, 27)};
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 6, 1))), "2025-01-06..2025-01-20");
    e.outcome = std::nullopt;
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 6, 1))),
              "2025-01-06..2025-01-20;2025-01-27..2025-06-01");
}

// --- Supervision gaps: points and phases (section 5) ---

TEST(AsyeGaps, EachGapCarriesTheCadenceItsFirstPointsPhaseExpected) {
    // S = 2025-01-06: weekly to 02-16, fortnightly from 02-17, monthly from 07-06.
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    std::vector<Date> sup{d(2025, 2, 17)};
    for (Date day = d(2025, 3, 10); day <= d(2025, 6, 30); day = addDays(day, 14)) {
        sup.push_back(day); // fortnightly from 03-10 to 06-30: no gap
    }
    sup.insert(sup.end(), {d(2025, 7, 6), d(2025, 8, 7)});
    const std::vector<SupervisionGap> gaps = asyeSupervisionGaps(e, sup, d(2025, 8, 7));
    ASSERT_EQ(gaps.size(), 3U) << gapList(gaps);
    EXPECT_EQ(gaps[0], (SupervisionGap{d(2025, 1, 6), d(2025, 2, 17), SupervisionCadence::Weekly}));
    EXPECT_EQ(gaps[1],
              (SupervisionGap{d(2025, 2, 17), d(2025, 3, 10), SupervisionCadence::Fortnightly}));
    EXPECT_EQ(gaps[2], (SupervisionGap{d(2025, 7, 6), d(2025, 8, 7), SupervisionCadence::Monthly}));
}

TEST(AsyeGaps, NoneWhenDIsBeforeStartAndNoneOnTheStartItself) {
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    EXPECT_TRUE(asyeSupervisionGaps(e, {}, d(2025, 1, 5)).empty());
    EXPECT_TRUE(asyeSupervisionGaps(e, {}, d(2025, 1, 6)).empty());
}

TEST(AsyeGaps, WeeklyPhaseSevenDaysIsNoGapEightIs) {
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, {}, d(2025, 1, 13))), "");
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, {}, d(2025, 1, 14))), "2025-01-06..2025-01-14");
}

TEST(AsyeGaps, WeeklyPhaseEndsAfterFortyTwoDays) {
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    // 2025-02-16 = S + 41 days: still weekly, so 8 days is a gap.
    std::vector<Date> sup = weekly(d(2025, 1, 13), d(2025, 2, 10));
    sup.push_back(d(2025, 2, 16));
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 2, 24))), "2025-02-16..2025-02-24");
    // 2025-02-17 = S + 42 days: fortnightly, so 14 days is no gap and 15 is.
    sup.back() = d(2025, 2, 17);
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 3, 3))), "");
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 3, 4))), "2025-02-17..2025-03-04");
}

TEST(AsyeGaps, FortnightlyPhaseEndsAtSixMonths) {
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    // 2025-07-05 is fortnightly: 15 days is a gap.
    std::vector<Date> sup{d(2025, 6, 21), d(2025, 7, 5)};
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 7, 20))),
              "2025-01-06..2025-06-21;2025-07-05..2025-07-20");
    // 2025-07-06 = add_months(S, 6) is monthly: to 2025-08-06 is no gap, to 08-07 is.
    sup = {d(2025, 6, 22), d(2025, 7, 6)};
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 8, 6))), "2025-01-06..2025-06-22");
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 8, 7))),
              "2025-01-06..2025-06-22;2025-07-06..2025-08-07");
}

TEST(AsyeGaps, MonthlyPhaseUsesAddMonthsFromA) {
    const AsyeEnrolment e = enrolment(d(2024, 7, 1));
    // Monthly from 2025-01-01; from 2025-01-31 a month is to 2025-02-28: 02-28 is no gap,
    // 03-01 is.
    std::vector<Date> sup = weekly(d(2024, 7, 1), d(2025, 1, 27));
    sup.push_back(d(2025, 1, 31));
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 2, 28))), "");
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 3, 1))), "2025-01-31..2025-03-01");
}

TEST(AsyeGaps, EStopsAtTheFinalReviewAndLaterSupervisionsAreIgnored) {
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    std::vector<Date> sup = weekly(d(2025, 1, 6), d(2026, 1, 5));
    sup.push_back(d(2026, 3, 1));  // after E: not a gap point
    sup.push_back(d(2024, 12, 1)); // before S: not a gap point
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2026, 6, 1))), "");
    const std::vector<Date> none;
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, none, d(2026, 6, 1))), "2025-01-06..2026-01-06");
}

TEST(AsyeGaps, RepeatsAndOrderDoNotMatter) {
    const AsyeEnrolment e = enrolment(d(2025, 1, 6));
    const std::vector<Date> sup{d(2025, 1, 29), d(2025, 1, 13), d(2025, 1, 20), d(2025, 1, 20),
                                d(2025, 1, 6)};
    EXPECT_EQ(gapList(asyeSupervisionGaps(e, sup, d(2025, 2, 3))), "2025-01-20..2025-01-29");
}

// --- Codes and the import's columns (section 8) ---

TEST(AsyeCodes, RoundTrip) {
    for (const AsyeReview r :
         {AsyeReview::ThreeMonth, AsyeReview::SixMonth, AsyeReview::NineMonth, AsyeReview::Final}) {
        EXPECT_EQ(parseAsyeReview(asyeReviewCode(r)), r);
    }
    EXPECT_EQ(asyeReviewCode(AsyeReview::Final), "final");
    EXPECT_EQ(reviewOutcomeCode(ReviewOutcome::NotHeld), "not_held");
    EXPECT_EQ(parseReviewOutcome("on_track"), ReviewOutcome::OnTrack);
    EXPECT_EQ(parseReviewOutcome("On_track"), std::nullopt);
    EXPECT_EQ(parseReviewOutcome(""), std::nullopt);
    EXPECT_EQ(asyeOutcomeCode(AsyeOutcome::NotPassed), "not_passed");
    EXPECT_EQ(parseAsyeOutcome("withdrawn"), AsyeOutcome::Withdrawn);
    EXPECT_EQ(parseAsyeOutcome("failed"), std::nullopt);
}

template <typename Record> std::string columns(const RecordSpec<Record>& spec) {
    std::string out;
    for (const auto& f : spec.fields) {
        out += (out.empty() ? "" : ",") + std::string(f.name);
    }
    return out;
}

TEST(AsyeSpec, ColumnsAreTheImportsInOrder) {
    EXPECT_EQ(columns(asyeSpec()),
              "employee_id,start_date,assessor_id,supervisor_id,protected_time_percent,"
              "nine_month_review,extension_months,outcome_3m,outcome_6m,outcome_9m,"
              "outcome_final,outcome");
    EXPECT_EQ(columns(supervisionSpec()), "employee_id,date");
    EXPECT_EQ(asyeSpec().at("employee_id").role, FieldRole::Identity);
    EXPECT_EQ(supervisionSpec().at("date").role, FieldRole::Key);
}

TEST(AsyeSpec, EmptyCellsTakeTheDefaults) {
    AsyeEnrolment e;
    e.protectedTimePercent = 55;
    e.nineMonthReview = true;
    e.extensionMonths = 3;
    e.outcome3m = ReviewOutcome::Concerns;
    e.outcome = AsyeOutcome::Passed;
    for (const char* name : {"protected_time_percent", "nine_month_review", "extension_months",
                             "outcome_3m", "outcome"}) {
        EXPECT_EQ(asyeSpec().at(name).parse(e, ""), std::nullopt) << name;
    }
    EXPECT_EQ(e.protectedTimePercent, 10);
    EXPECT_FALSE(e.nineMonthReview);
    EXPECT_EQ(e.extensionMonths, 0);
    EXPECT_EQ(e.outcome3m, std::nullopt);
    EXPECT_EQ(e.outcome, std::nullopt);
}

TEST(AsyeSpec, ParsesAndFormatsEveryColumn) {
    const RecordSpec<AsyeEnrolment>& spec = asyeSpec();
    const std::vector<std::pair<std::string, std::string>> row{{"employee_id", "E1"},
                                                               {"start_date", "2024-02-29"},
                                                               {"assessor_id", "A1"},
                                                               {"supervisor_id", "S1"},
                                                               {"protected_time_percent", "20"},
                                                               {"nine_month_review", "yes"},
                                                               {"extension_months", "2"},
                                                               {"outcome_3m", "on_track"},
                                                               {"outcome_6m", "concerns"},
                                                               {"outcome_9m", "not_held"},
                                                               {"outcome_final", ""},
                                                               {"outcome", "extended"}};
    AsyeEnrolment e;
    for (const auto& [name, value] : row) {
        EXPECT_EQ(spec.at(name).parse(e, value), std::nullopt) << name;
    }
    for (const auto& [name, value] : row) {
        EXPECT_EQ(spec.at(name).format(e), value) << name;
    }
    EXPECT_EQ(e.start, d(2024, 2, 29));
    EXPECT_TRUE(e.nineMonthReview);
    EXPECT_EQ(e.outcome9m, ReviewOutcome::NotHeld);
    EXPECT_EQ(e.outcome, AsyeOutcome::Extended);
}

TEST(AsyeSpec, RefusesCodesNotListedAndNumbersOutOfRange) {
    const RecordSpec<AsyeEnrolment>& spec = asyeSpec();
    AsyeEnrolment e;
    using Kind = FieldProblem::Kind;
    const auto kind = [&](const char* name, std::string_view value) {
        const auto problem = spec.at(name).parse(e, value);
        return problem ? std::optional<Kind>(problem->kind) : std::nullopt;
    };
    EXPECT_EQ(kind("nine_month_review", "Yes"), Kind::NotAChoice);
    EXPECT_EQ(kind("nine_month_review", "true"), Kind::NotAChoice);
    EXPECT_EQ(kind("outcome_3m", "ontrack"), Kind::NotAChoice);
    EXPECT_EQ(kind("outcome", "on_track"), Kind::NotAChoice);
    EXPECT_EQ(kind("protected_time_percent", "101"), Kind::NotANumber);
    EXPECT_EQ(kind("extension_months", "13"), Kind::NotANumber);
    EXPECT_EQ(kind("extension_months", "-1"), Kind::NotANumber);
    EXPECT_EQ(kind("start_date", ""), Kind::Missing);
    EXPECT_EQ(kind("start_date", "2025-02-29"), Kind::NotADate);
    EXPECT_EQ(kind("assessor_id", ""), Kind::Missing);
    EXPECT_EQ(kind("supervisor_id", ""), Kind::Missing);
    EXPECT_EQ(spec.at("outcome").choiceCodes(), "passed, extended, not_passed or withdrawn");
    EXPECT_EQ(spec.at("outcome_final").choiceCodes(), "on_track, concerns or not_held");
    EXPECT_EQ(spec.at("nine_month_review").choiceCodes(), "yes or no");
}

// --- Valid input (section 9) ---

struct Context {
    ValidationContext base;
    Context() {
        base.employeeIds = {"E1", "E2", "A1", "S1"};
        base.today = d(2026, 3, 1);
    }
};

std::vector<std::string> fieldsOf(const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const FieldError& e : errors) {
        out.push_back(e.field);
    }
    return out;
}

using Fields = std::vector<std::string>;

TEST(AsyeValidation, AFullEnrolmentIsValid) {
    const Context c;
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
    e.nineMonthReview = true;
    e.extensionMonths = 12;
    e.protectedTimePercent = 100;
    e.outcome3m = ReviewOutcome::OnTrack;
    e.outcome6m = ReviewOutcome::Concerns;
    e.outcome9m = ReviewOutcome::NotHeld;
    e.outcomeFinal = ReviewOutcome::OnTrack;
    e.outcome = AsyeOutcome::Extended;
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
    e.protectedTimePercent = 0;
    e.extensionMonths = 0;
    e.outcome = AsyeOutcome::Passed;
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
    // A start in the future is allowed: no rule refuses it.
    e.start = d(2027, 1, 1);
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
}

TEST(AsyeValidation, ThePersonMustExist) {
    const Context c;
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.employeeId = "X9";
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), Fields{"employee_id"});
    e.employeeId.clear();
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), Fields{"employee_id"});
}

TEST(AsyeValidation, StartDateIsARealDate) {
    const Context c;
    AsyeEnrolment e = enrolment(Date{});
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), Fields{"start_date"});
    e.start = d(1899, 12, 31);
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), Fields{"start_date"});
}

TEST(AsyeValidation, AssessorAndSupervisorExistAndAreNotThePerson) {
    const Context c;
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.assessorId = "E1";
    e.supervisorId = "E1";
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), (Fields{"assessor_id", "supervisor_id"}));
    e.assessorId = "X9";
    e.supervisorId = "";
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), (Fields{"assessor_id", "supervisor_id"}));
    e.assessorId = "S1"; // one person may be both
    e.supervisorId = "S1";
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
}

TEST(AsyeValidation, NumbersInRange) {
    const Context c;
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.protectedTimePercent = 101;
    e.extensionMonths = 13;
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)),
              (Fields{"protected_time_percent", "extension_months"}));
    e.protectedTimePercent = -1;
    e.extensionMonths = -1;
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)),
              (Fields{"protected_time_percent", "extension_months"}));
}

TEST(AsyeValidation, NineMonthOutcomeOnlyWithNineMonthReview) {
    const Context c;
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.outcome9m = ReviewOutcome::NotHeld;
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), Fields{"outcome_9m"});
    e.nineMonthReview = true;
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
}

TEST(AsyeValidation, ExtendedNeedsAnExtension) {
    const Context c;
    AsyeEnrolment e = enrolment(d(2025, 1, 6));
    e.outcome = AsyeOutcome::Extended;
    EXPECT_EQ(fieldsOf(validateAsyeEnrolment(e, c.base)), Fields{"outcome"});
    e.extensionMonths = 1;
    EXPECT_EQ(validateAsyeEnrolment(e, c.base), std::vector<FieldError>{});
}

struct Enrolled {
    std::function<std::optional<Date>(std::string_view)> start =
        [](std::string_view id) -> std::optional<Date> {
        return id == "E1" ? std::optional(d(2025, 1, 6)) : std::nullopt;
    };
};

Supervision supervision(std::string id, Date date) {
    Supervision s;
    s.employeeId = std::move(id);
    s.date = date;
    return s;
}

TEST(SupervisionValidation, FromTheStartToToday) {
    const Context c;
    const Enrolled enrolled;
    EXPECT_EQ(validateSupervision(supervision("E1", d(2025, 1, 6)), c.base, enrolled.start),
              std::vector<FieldError>{});
    EXPECT_EQ(validateSupervision(supervision("E1", d(2026, 3, 1)), c.base, enrolled.start),
              std::vector<FieldError>{});
    EXPECT_EQ(
        fieldsOf(validateSupervision(supervision("E1", d(2025, 1, 5)), c.base, enrolled.start)),
        Fields{"date"});
    EXPECT_EQ(
        fieldsOf(validateSupervision(supervision("E1", d(2026, 3, 2)), c.base, enrolled.start)),
        Fields{"date"});
    EXPECT_EQ(fieldsOf(validateSupervision(supervision("E1", Date{}), c.base, enrolled.start)),
              Fields{"date"});
}

TEST(SupervisionValidation, ThePersonExistsAndIsEnrolled) {
    const Context c;
    const Enrolled enrolled;
    EXPECT_EQ(
        fieldsOf(validateSupervision(supervision("E2", d(2025, 2, 1)), c.base, enrolled.start)),
        Fields{"employee_id"});
    EXPECT_EQ(
        fieldsOf(validateSupervision(supervision("X9", d(2025, 2, 1)), c.base, enrolled.start)),
        Fields{"employee_id"});
    EXPECT_EQ(fieldsOf(validateSupervision(supervision("", d(2025, 2, 1)), c.base, enrolled.start)),
              Fields{"employee_id"});
    // Not enrolled: still not after today.
    EXPECT_EQ(
        fieldsOf(validateSupervision(supervision("E2", d(2026, 3, 2)), c.base, enrolled.start)),
        (Fields{"employee_id", "date"}));
}

} // namespace
} // namespace ledger
