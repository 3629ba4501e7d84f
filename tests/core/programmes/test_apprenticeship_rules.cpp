// The pure rules of apprenticeships (rules/learning-record.md sections 1, 6, 8 and 9), with
// every apprenticeship worked example of section 10 as its own test.

#include "programmes/apprenticeship.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger {
namespace {

// --- The worked examples' apprenticeship (section 10) ---

/// ST0510, start 2025-01-01, planned end 2025-12-31, reviews every 12 weeks.
Apprenticeship st0510(Hundredths planned) {
    Apprenticeship a;
    a.employeeId = "E1";
    a.standardCode = "ST0510";
    a.standardTitle = "Lead adult care worker";
    a.provider = "County College";
    a.startDate = makeDate(2025, 1, 1);
    a.plannedEndDate = makeDate(2025, 12, 31);
    a.plannedOtjHours = planned;
    return a;
}

OtjEntry otj(Date date, Hundredths hours, std::string code = "ST0510") {
    OtjEntry e;
    e.employeeId = "E1";
    e.standardCode = std::move(code);
    e.date = date;
    e.hours = hours;
    return e;
}

ApprenticeshipReview review(Date date, std::string code = "ST0510") {
    ApprenticeshipReview r;
    r.employeeId = "E1";
    r.standardCode = std::move(code);
    r.date = date;
    r.outcome = ApprenticeshipReviewOutcome::OnTrack;
    return r;
}

/// Rows 1-2: planned 365.00 hours, no breaks, no reviews.
Apprenticeship rows1to2() {
    return st0510(36500);
}

/// Rows 3-5: planned 400.00 hours, a break 2025-03-01..2025-03-31, a review on 2025-02-20.
Apprenticeship rows3to5() {
    Apprenticeship a = st0510(40000);
    a.breaks = {{makeDate(2025, 3, 1), makeDate(2025, 3, 31)}};
    return a;
}

const std::vector<ApprenticeshipReview> kRows3to5Reviews{review(makeDate(2025, 2, 20))};

std::string yesNo(const std::optional<bool>& b) {
    return b ? (*b ? "yes" : "no") : "";
}

std::string dateText(const std::optional<Date>& d) {
    return d ? formatIso(*d) : "";
}

/// One row of the table, as the report writes it.
struct Row {
    std::string status;
    std::int64_t elapsed;
    std::int64_t duration;
    std::string expected;
    std::string logged;
    std::string onTrack;
    std::string nextReviewDue;
    std::string reviewOverdue;
};

void expectRow(const ApprenticeshipFigures& f, const Row& want) {
    EXPECT_EQ(apprenticeshipStatusCode(f.status), want.status);
    EXPECT_EQ(f.elapsedDays, want.elapsed);
    EXPECT_EQ(f.durationDays, want.duration);
    EXPECT_EQ(formatHours(f.expected), want.expected);
    EXPECT_EQ(formatHours(f.logged), want.logged);
    EXPECT_EQ(yesNo(f.onTrack), want.onTrack);
    EXPECT_EQ(dateText(f.nextReviewDue), want.nextReviewDue);
    EXPECT_EQ(yesNo(f.reviewOverdue), want.reviewOverdue);
}

TEST(ApprenticeshipExamples, Row1BehindOnHoursAndNoReviewDueYet) {
    const std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000),
                                        otj(makeDate(2025, 2, 28), 2800)};
    const ApprenticeshipFigures f =
        checkApprenticeship(rows1to2(), entries, {}, makeDate(2025, 2, 28));
    expectRow(f, {"active", 59, 365, "59.00", "58.00", "no", "2025-03-26", "no"});
    EXPECT_EQ(f.lastReview, std::nullopt);
    EXPECT_EQ(yesNo(f.epaOverdue), "no");
    EXPECT_EQ(formatHours(f.planned), "365.00");
}

TEST(ApprenticeshipExamples, Row2OnTrackAndTheFirstReviewOverdue) {
    const std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000),
                                        otj(makeDate(2025, 2, 28), 2800),
                                        otj(makeDate(2025, 3, 20), 3000)};
    const ApprenticeshipFigures f =
        checkApprenticeship(rows1to2(), entries, {}, makeDate(2025, 3, 27));
    expectRow(f, {"active", 86, 365, "86.00", "88.00", "yes", "2025-03-26", "yes"});
}

TEST(ApprenticeshipExamples, Row3OnABreakNothingIsOverdue) {
    const std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000),
                                        otj(makeDate(2025, 2, 28), 4000)};
    const ApprenticeshipFigures f =
        checkApprenticeship(rows3to5(), entries, kRows3to5Reviews, makeDate(2025, 3, 15));
    expectRow(f, {"on_break", 59, 334, "70.66", "70.00", "no", "2025-05-15", "no"});
    EXPECT_EQ(f.lastReview, makeDate(2025, 2, 20));
    EXPECT_EQ(yesNo(f.epaOverdue), "no");
}

TEST(ApprenticeshipExamples, Row4OnTrackIsAnExactIntegerComparison) {
    const std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000),
                                        otj(makeDate(2025, 2, 28), 4000),
                                        otj(makeDate(2025, 4, 10), 1263)};
    const ApprenticeshipFigures f =
        checkApprenticeship(rows3to5(), entries, kRows3to5Reviews, makeDate(2025, 4, 10));
    expectRow(f, {"active", 69, 334, "82.63", "82.63", "no", "2025-05-15", "no"});
    // Expected and logged both show 82.63, yet 8263 x 334 = 2759842 < 40000 x 69 = 2760000.
    EXPECT_EQ(f.logged * f.durationDays, 2759842);
    EXPECT_EQ(f.planned * f.elapsedDays, 2760000);
}

TEST(ApprenticeshipExamples, Row5CompletedEmptiesTheForwardFigures) {
    Apprenticeship a = rows3to5();
    a.epaDate = makeDate(2025, 12, 15);
    a.epaResult = EpaResult::Merit;
    const std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000),
                                        otj(makeDate(2025, 2, 28), 4000),
                                        otj(makeDate(2025, 4, 10), 1263)};
    const ApprenticeshipFigures f =
        checkApprenticeship(a, entries, kRows3to5Reviews, makeDate(2026, 1, 10));
    expectRow(f, {"completed", 334, 334, "400.00", "82.63", "", "", ""});
    EXPECT_EQ(f.epaOverdue, std::nullopt);
    EXPECT_EQ(f.lastReview, makeDate(2025, 2, 20)); // a stored fact: still shown
}

// --- Status and the other figures (section 6) ---

TEST(ApprenticeshipStatusRule, WithdrawnFromItsDayAndFirstOfAll) {
    Apprenticeship a = rows3to5();
    a.withdrawnOn = makeDate(2025, 6, 1);
    a.epaDate = makeDate(2025, 5, 1);
    a.epaResult = EpaResult::Pass;
    EXPECT_EQ(apprenticeshipStatus(a, makeDate(2025, 4, 30)), ApprenticeshipStatus::Active);
    EXPECT_EQ(apprenticeshipStatus(a, makeDate(2025, 5, 1)), ApprenticeshipStatus::Completed);
    EXPECT_EQ(apprenticeshipStatus(a, makeDate(2025, 6, 1)), ApprenticeshipStatus::Withdrawn);

    Apprenticeship onBreak = rows3to5();
    onBreak.withdrawnOn = makeDate(2025, 3, 10);
    const ApprenticeshipFigures f =
        checkApprenticeship(onBreak, std::vector<OtjEntry>{otj(makeDate(2025, 1, 31), 3000)},
                            kRows3to5Reviews, makeDate(2025, 3, 10));
    EXPECT_EQ(apprenticeshipStatusCode(f.status), "withdrawn");
    EXPECT_EQ(f.onTrack, std::nullopt);
    EXPECT_EQ(f.nextReviewDue, std::nullopt);
    EXPECT_EQ(f.reviewOverdue, std::nullopt);
    EXPECT_EQ(f.epaOverdue, std::nullopt);
    EXPECT_EQ(f.elapsedDays, 59 + 0); // to 2025-03-10: March's days so far are in the break
    EXPECT_EQ(formatHours(f.logged), "30.00");
}

TEST(ApprenticeshipStatusRule, AFailIsNotCompleted) {
    Apprenticeship a = rows1to2();
    a.gatewayDate = makeDate(2025, 11, 1);
    a.epaDate = makeDate(2025, 12, 15);
    a.epaResult = EpaResult::Fail;
    const ApprenticeshipFigures f = checkApprenticeship(a, {}, {}, makeDate(2026, 1, 10));
    EXPECT_EQ(apprenticeshipStatusCode(f.status), "active");
    EXPECT_EQ(yesNo(f.onTrack), "no");
    EXPECT_EQ(yesNo(f.epaOverdue), "yes");
    EXPECT_EQ(yesNo(f.reviewOverdue), "yes");
    EXPECT_EQ(f.elapsedDays, 365);
    EXPECT_EQ(formatHours(f.expected), "365.00");
}

TEST(ApprenticeshipStatusRule, AResultCompletesOnlyFromItsEpaDate) {
    Apprenticeship a = rows1to2();
    a.epaDate = makeDate(2025, 12, 15);
    a.epaResult = EpaResult::Distinction;
    EXPECT_EQ(apprenticeshipStatus(a, makeDate(2025, 12, 14)), ApprenticeshipStatus::Active);
    EXPECT_EQ(apprenticeshipStatus(a, makeDate(2025, 12, 15)), ApprenticeshipStatus::Completed);
    a.epaResult = std::nullopt;
    EXPECT_EQ(apprenticeshipStatus(a, makeDate(2026, 1, 1)), ApprenticeshipStatus::Active);
}

TEST(ApprenticeshipFiguresRule, EpaOverdueTheDayAfterThePlannedEndWhenActive) {
    const Apprenticeship a = rows1to2();
    EXPECT_EQ(yesNo(checkApprenticeship(a, {}, {}, makeDate(2025, 12, 31)).epaOverdue), "no");
    EXPECT_EQ(yesNo(checkApprenticeship(a, {}, {}, makeDate(2026, 1, 1)).epaOverdue), "yes");

    Apprenticeship onBreak = rows1to2();
    onBreak.breaks = {{makeDate(2025, 12, 1), makeDate(2026, 2, 28)}};
    const ApprenticeshipFigures f = checkApprenticeship(onBreak, {}, {}, makeDate(2026, 1, 1));
    EXPECT_EQ(apprenticeshipStatusCode(f.status), "on_break");
    EXPECT_EQ(yesNo(f.epaOverdue), "no");
    EXPECT_EQ(yesNo(f.reviewOverdue), "no");
    EXPECT_EQ(f.durationDays, 334);
}

TEST(ApprenticeshipFiguresRule, BeforeTheStartNothingHasElapsed) {
    const std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000)};
    const ApprenticeshipFigures f =
        checkApprenticeship(rows1to2(), entries, {}, makeDate(2024, 12, 31));
    expectRow(f, {"active", 0, 365, "0.00", "0.00", "yes", "2025-03-26", "no"});
    EXPECT_EQ(yesNo(f.epaOverdue), "no");
}

TEST(ApprenticeshipFiguresRule, TheFirstDayElapsesOneDay) {
    const ApprenticeshipFigures f = checkApprenticeship(rows1to2(), {}, {}, makeDate(2025, 1, 1));
    EXPECT_EQ(f.elapsedDays, 1);
    EXPECT_EQ(formatHours(f.expected), "1.00");
}

TEST(ApprenticeshipFiguresRule, ExpectedRoundsHalfUp) {
    // 1.00 planned hour over 8 days: 100 x 1 / 8 = 12.5 hundredths, shown 0.13; 100 x 3 / 8
    // = 37.5, shown 0.38; 100 x 2 / 8 = 25.
    Apprenticeship a = st0510(100);
    a.plannedEndDate = makeDate(2025, 1, 8);
    EXPECT_EQ(checkApprenticeship(a, {}, {}, makeDate(2025, 1, 1)).expected, 13);
    EXPECT_EQ(checkApprenticeship(a, {}, {}, makeDate(2025, 1, 2)).expected, 25);
    EXPECT_EQ(checkApprenticeship(a, {}, {}, makeDate(2025, 1, 3)).expected, 38);
    // 1.00 hour over 3 days: 33.33.. rounds down, 66.66.. up.
    a.plannedEndDate = makeDate(2025, 1, 3);
    EXPECT_EQ(checkApprenticeship(a, {}, {}, makeDate(2025, 1, 1)).expected, 33);
    EXPECT_EQ(checkApprenticeship(a, {}, {}, makeDate(2025, 1, 2)).expected, 67);
}

TEST(ApprenticeshipFiguresRule, OnlyThisApprenticeshipsEntriesAndReviewsDatedByDCount) {
    std::vector<OtjEntry> entries{otj(makeDate(2025, 1, 31), 3000),
                                  otj(makeDate(2025, 1, 31), 9900, "ST0001"),
                                  otj(makeDate(2025, 3, 1), 500)};
    entries.push_back(otj(makeDate(2025, 1, 20), 700));
    entries.back().employeeId = "E2";
    const std::vector<ApprenticeshipReview> reviews{
        review(makeDate(2025, 1, 15)), review(makeDate(2025, 2, 10)),
        review(makeDate(2025, 2, 20), "ST0001"), review(makeDate(2025, 3, 1))};
    const ApprenticeshipFigures f =
        checkApprenticeship(rows1to2(), entries, reviews, makeDate(2025, 2, 28));
    EXPECT_EQ(formatHours(f.logged), "30.00");
    EXPECT_EQ(f.lastReview, makeDate(2025, 2, 10));
    EXPECT_EQ(f.nextReviewDue, makeDate(2025, 5, 5)); // 2025-02-10 + 84 days
}

TEST(ApprenticeshipFiguresRule, TheReviewIntervalIsInWeeks) {
    Apprenticeship a = rows1to2();
    a.reviewIntervalWeeks = 1;
    ApprenticeshipFigures f = checkApprenticeship(a, {}, {}, makeDate(2025, 1, 8));
    EXPECT_EQ(f.nextReviewDue, makeDate(2025, 1, 8));
    EXPECT_EQ(yesNo(f.reviewOverdue), "no");
    f = checkApprenticeship(a, {}, {}, makeDate(2025, 1, 9));
    EXPECT_EQ(yesNo(f.reviewOverdue), "yes");
}

TEST(CountingDays, LeaveOutBreakDaysOnce) {
    const Date from = makeDate(2025, 1, 1);
    const Date to = makeDate(2025, 1, 31);
    EXPECT_EQ(countingDays(from, to, {}), 31);
    EXPECT_EQ(countingDays(from, from, {}), 1);
    EXPECT_EQ(countingDays(to, from, {}), 0);
    const std::vector<DatePeriod> overlapping{{makeDate(2025, 1, 10), makeDate(2025, 1, 20)},
                                              {makeDate(2025, 1, 15), makeDate(2025, 1, 25)},
                                              {makeDate(2024, 12, 1), makeDate(2025, 1, 2)},
                                              {makeDate(2025, 2, 1), makeDate(2025, 2, 5)}};
    EXPECT_EQ(countingDays(from, to, overlapping), 31 - 16 - 2);
    EXPECT_TRUE(inBreak(overlapping, makeDate(2025, 1, 25)));
    EXPECT_FALSE(inBreak(overlapping, makeDate(2025, 1, 26)));
}

// --- Codes and list cells (sections 1 and 6) ---

TEST(ApprenticeshipCodes, AreExactlyAsThePage) {
    EXPECT_EQ(parseApprenticeshipStatus("on_break"), ApprenticeshipStatus::OnBreak);
    EXPECT_EQ(apprenticeshipStatusCode(ApprenticeshipStatus::Completed), "completed");
    EXPECT_EQ(parseEpaResult("distinction"), EpaResult::Distinction);
    EXPECT_EQ(parseEpaResult("Pass"), std::nullopt);
    EXPECT_EQ(parseEpaResult(""), std::nullopt);
    EXPECT_EQ(epaResultCode(EpaResult::Fail), "fail");
    EXPECT_EQ(parseApprenticeshipReviewOutcome("concerns"), ApprenticeshipReviewOutcome::Concerns);
    EXPECT_EQ(parseApprenticeshipReviewOutcome("not_held"), std::nullopt);
    EXPECT_TRUE(isStandardCode("ST0510"));
    for (const char* code : {"", "ST510", "ST05100", "st0510", "SX0510", "ST05a0", " ST0510"}) {
        EXPECT_FALSE(isStandardCode(code)) << code;
    }
}

TEST(BreaksCell, ParsesPeriodsJoinedBySemicolons) {
    EXPECT_EQ(parseDatePeriods(""), std::vector<DatePeriod>{});
    EXPECT_EQ(parseDatePeriods("2025-03-01..2025-03-31"),
              (std::vector<DatePeriod>{{makeDate(2025, 3, 1), makeDate(2025, 3, 31)}}));
    EXPECT_EQ(parseDatePeriods("2025-06-01..2025-06-01;2025-03-01..2025-03-31"),
              (std::vector<DatePeriod>{{makeDate(2025, 6, 1), makeDate(2025, 6, 1)},
                                       {makeDate(2025, 3, 1), makeDate(2025, 3, 31)}}));
    // FROM after TO is read as written; validation refuses it.
    EXPECT_EQ(parseDatePeriod("2025-03-31..2025-03-01"),
              (DatePeriod{makeDate(2025, 3, 31), makeDate(2025, 3, 1)}));
}

TEST(BreaksCell, RefusesAnythingElse) {
    for (const char* cell :
         {";", "2025-03-01..2025-03-31;", ";2025-03-01..2025-03-31", "2025-03-01", "2025-03-01..",
          "..2025-03-31", "2025-03-01 .. 2025-03-31", " 2025-03-01..2025-03-31",
          "2025-03-01...2025-03-31", "2025-02-30..2025-03-31", "01/03/2025..31/03/2025",
          "2025-03-01..2025-03-31, 2025-06-01..2025-06-02", "2025-03-01-2025-03-31"}) {
        EXPECT_EQ(parseDatePeriods(cell), std::nullopt) << '"' << cell << '"';
    }
}

TEST(BreaksCell, IsWrittenByDateAndReadBack) {
    const std::vector<DatePeriod> breaks{{makeDate(2025, 6, 1), makeDate(2025, 6, 30)},
                                         {makeDate(2025, 3, 1), makeDate(2025, 3, 31)}};
    const std::string cell = formatDatePeriods(breaks);
    EXPECT_EQ(cell, "2025-03-01..2025-03-31;2025-06-01..2025-06-30");
    EXPECT_EQ(formatDatePeriods({}), "");
    const auto back = parseDatePeriods(cell);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(formatDatePeriods(*back), cell);
}

// --- The imports' columns (section 8) ---

template <typename Record> std::string columnsOf(const RecordSpec<Record>& spec) {
    std::string out;
    for (const auto& f : spec.fields) {
        out += (out.empty() ? "" : ",") + std::string(f.name);
    }
    return out;
}

TEST(ApprenticeshipSpecs, HaveTheImportsColumnsInOrder) {
    EXPECT_EQ(columnsOf(apprenticeshipSpec()),
              "employee_id,standard_code,standard_title,provider,start_date,planned_end_date,"
              "planned_otj_hours,review_interval_weeks,breaks,gateway_date,epa_date,epa_result,"
              "withdrawn_on");
    EXPECT_EQ(columnsOf(otjEntrySpec()), "employee_id,standard_code,date,hours");
    EXPECT_EQ(columnsOf(apprenticeshipReviewSpec()),
              "employee_id,standard_code,date,outcome,notes");
}

TEST(ApprenticeshipSpecs, ReadAndWriteCanonicalText) {
    const RecordSpec<Apprenticeship>& spec = apprenticeshipSpec();
    Apprenticeship a;
    EXPECT_EQ(spec.at("review_interval_weeks").parse(a, ""), std::nullopt);
    EXPECT_EQ(a.reviewIntervalWeeks, 12); // an empty cell takes the default
    EXPECT_EQ(spec.at("planned_otj_hours").parse(a, "400"), std::nullopt);
    EXPECT_EQ(a.plannedOtjHours, 40000);
    EXPECT_EQ(spec.at("planned_otj_hours").format(a), "400.00");
    EXPECT_TRUE(spec.at("planned_otj_hours").parse(a, "400.005").has_value());
    EXPECT_TRUE(spec.at("planned_otj_hours").parse(a, "").has_value());
    EXPECT_EQ(spec.at("breaks").parse(a, "2025-03-01..2025-03-31"), std::nullopt);
    EXPECT_EQ(a.breaks.size(), 1U);
    EXPECT_EQ(spec.at("breaks").format(a), "2025-03-01..2025-03-31");
    EXPECT_TRUE(spec.at("breaks").parse(a, "March").has_value());
    EXPECT_EQ(spec.at("epa_result").parse(a, ""), std::nullopt);
    EXPECT_EQ(a.epaResult, std::nullopt);
    EXPECT_EQ(spec.at("epa_result").format(a), "");
    EXPECT_EQ(spec.at("epa_result").parse(a, "merit"), std::nullopt);
    EXPECT_EQ(a.epaResult, EpaResult::Merit);
    EXPECT_TRUE(spec.at("epa_result").parse(a, "Merit").has_value());
    EXPECT_EQ(spec.at("standard_code").role, FieldRole::Identity);

    OtjEntry e;
    EXPECT_EQ(otjEntrySpec().at("hours").parse(e, "12.63"), std::nullopt);
    EXPECT_EQ(e.hours, 1263);
    EXPECT_EQ(otjEntrySpec().at("date").role, FieldRole::Key);

    ApprenticeshipReview r;
    EXPECT_EQ(apprenticeshipReviewSpec().at("outcome").parse(r, "concerns"), std::nullopt);
    EXPECT_EQ(apprenticeshipReviewSpec().at("outcome").format(r), "concerns");
    EXPECT_TRUE(apprenticeshipReviewSpec().at("outcome").parse(r, "").has_value());
}

// --- Validation (section 9) ---

struct Council {
    ValidationContext base;
    Council() {
        base.employeeIds = {"E1", "E2"};
        base.today = makeDate(2026, 3, 1);
    }
};

std::vector<std::string> fieldsOf(const std::vector<FieldError>& errors) {
    std::vector<std::string> fields;
    for (const FieldError& e : errors) {
        fields.push_back(e.field);
    }
    return fields;
}

using Fields = std::vector<std::string>;

Apprenticeship full() {
    Apprenticeship a = rows3to5();
    a.breaks.push_back({makeDate(2025, 8, 1), makeDate(2025, 8, 14)});
    a.gatewayDate = makeDate(2025, 11, 1);
    a.epaDate = makeDate(2025, 12, 15);
    a.epaResult = EpaResult::Pass;
    return a;
}

TEST(ApprenticeshipValidation, AValidApprenticeshipHasNoProblems) {
    const Council c;
    EXPECT_EQ(validateApprenticeship(full(), c.base), std::vector<FieldError>{});
    EXPECT_EQ(validateApprenticeship(rows1to2(), c.base), std::vector<FieldError>{});
    Apprenticeship edges = full();
    edges.plannedOtjHours = kMaxPlannedOtjHours;
    edges.reviewIntervalWeeks = 52;
    edges.standardTitle = std::string(200, 'x');
    edges.breaks = {{edges.startDate, edges.startDate}};
    edges.gatewayDate = edges.startDate;
    edges.epaDate = c.base.today;
    edges.withdrawnOn = c.base.today;
    EXPECT_EQ(validateApprenticeship(edges, c.base), std::vector<FieldError>{});
    edges.plannedOtjHours = 0;
    edges.reviewIntervalWeeks = 1;
    edges.withdrawnOn = edges.startDate;
    edges.plannedEndDate = addDays(edges.startDate, 1);
    edges.gatewayDate = std::nullopt;
    EXPECT_EQ(validateApprenticeship(edges, c.base), std::vector<FieldError>{});
}

TEST(ApprenticeshipValidation, ThePersonExistsAndTheStandardCodeIsStAndFourDigits) {
    const Council c;
    Apprenticeship a = full();
    a.employeeId = "E9";
    a.standardCode = "ST510";
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)),
              (Fields{"employee_id", "standard_code"}));
    a.employeeId.clear();
    a.standardCode.clear();
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)),
              (Fields{"employee_id", "standard_code"}));
}

TEST(ApprenticeshipValidation, TitleAndProviderNotBlankAndAtMost200CodePoints) {
    const Council c;
    Apprenticeship a = full();
    a.standardTitle = " \t";
    a.provider.clear();
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), (Fields{"standard_title", "provider"}));
    a.standardTitle = std::string(201, 'x');
    a.provider = std::string(199, 'x') + "\xC3\xA9"; // 200 code points, 201 bytes
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"standard_title"});
}

TEST(ApprenticeshipValidation, ThePlannedEndIsAfterTheStart) {
    const Council c;
    Apprenticeship a = rows1to2();
    a.plannedEndDate = a.startDate;
    const std::vector<FieldError> errors = validateApprenticeship(a, c.base);
    ASSERT_EQ(fieldsOf(errors), Fields{"planned_end_date"});
    EXPECT_EQ(errors.front().message,
              "the planned end date 2025-01-01 is not after the start date 2025-01-01");
    a.plannedEndDate = makeDate(2025, 2, 30); // not a real date
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"planned_end_date"});
}

TEST(ApprenticeshipValidation, PlannedHoursAndReviewIntervalInRange) {
    const Council c;
    Apprenticeship a = full();
    a.plannedOtjHours = kMaxPlannedOtjHours + 1;
    a.reviewIntervalWeeks = 53;
    const std::vector<FieldError> errors = validateApprenticeship(a, c.base);
    ASSERT_EQ(fieldsOf(errors), (Fields{"planned_otj_hours", "review_interval_weeks"}));
    EXPECT_EQ(errors[0].message, "from 0.00 to 10000.00 hours");
    EXPECT_EQ(errors[1].message, "from 1 to 52 weeks");
    a.plannedOtjHours = -1;
    a.reviewIntervalWeeks = 0;
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)),
              (Fields{"planned_otj_hours", "review_interval_weeks"}));
}

TEST(ApprenticeshipValidation, BreaksStartFromTheStartAndRunForwards) {
    const Council c;
    Apprenticeship a = rows1to2();
    a.breaks = {{makeDate(2024, 12, 31), makeDate(2025, 1, 10)}};
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"breaks"});
    a.breaks = {{makeDate(2025, 3, 31), makeDate(2025, 3, 1)}};
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"breaks"});
    a.breaks = {{makeDate(2025, 3, 1), makeDate(2025, 2, 30)}};
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"breaks"});
    // A break may run past the planned end.
    a.breaks = {{makeDate(2025, 12, 1), makeDate(2026, 2, 28)}};
    EXPECT_EQ(validateApprenticeship(a, c.base), std::vector<FieldError>{});
}

TEST(ApprenticeshipValidation, BreaksDoNotOverlapOrRepeat) {
    const Council c;
    Apprenticeship a = rows1to2();
    a.breaks = {{makeDate(2025, 6, 1), makeDate(2025, 6, 30)},
                {makeDate(2025, 3, 1), makeDate(2025, 6, 1)}};
    const std::vector<FieldError> errors = validateApprenticeship(a, c.base);
    ASSERT_EQ(fieldsOf(errors), Fields{"breaks"});
    EXPECT_EQ(errors.front().message,
              "the breaks 2025-03-01..2025-06-01 and 2025-06-01..2025-06-30 overlap");
    a.breaks = {{makeDate(2025, 3, 1), makeDate(2025, 3, 31)},
                {makeDate(2025, 3, 1), makeDate(2025, 3, 31)}};
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"breaks"});
    // Touching is not overlapping.
    a.breaks = {{makeDate(2025, 3, 1), makeDate(2025, 3, 31)},
                {makeDate(2025, 4, 1), makeDate(2025, 4, 30)}};
    EXPECT_EQ(validateApprenticeship(a, c.base), std::vector<FieldError>{});
}

TEST(ApprenticeshipValidation, BreaksLeaveACountingDay) {
    const Council c;
    Apprenticeship a = rows1to2();
    a.breaks = {{makeDate(2025, 1, 1), makeDate(2025, 6, 30)},
                {makeDate(2025, 7, 1), makeDate(2026, 1, 31)}};
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"breaks"});
    a.breaks = {{makeDate(2025, 1, 1), makeDate(2025, 6, 30)},
                {makeDate(2025, 7, 2), makeDate(2026, 1, 31)}};
    EXPECT_EQ(validateApprenticeship(a, c.base), std::vector<FieldError>{});
    EXPECT_EQ(checkApprenticeship(a, {}, {}, makeDate(2025, 7, 1)).durationDays, 1);
}

TEST(ApprenticeshipValidation, GatewayAndEpaFollowTheStartInOrder) {
    const Council c;
    Apprenticeship a = full();
    a.gatewayDate = makeDate(2024, 12, 31);
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"gateway_date"});
    a = full();
    a.epaDate = makeDate(2025, 10, 31); // before the gateway
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"epa_date"});
    a.gatewayDate = std::nullopt;
    a.epaDate = makeDate(2024, 12, 31); // before the start
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"epa_date"});
    a.epaDate = makeDate(2025, 10, 31);
    EXPECT_EQ(validateApprenticeship(a, c.base), std::vector<FieldError>{});
    a.epaDate = makeDate(2025, 2, 30);
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"epa_date"});
}

TEST(ApprenticeshipValidation, AResultNeedsAnEpaDateNotAfterToday) {
    const Council c;
    Apprenticeship a = full();
    a.epaDate = std::nullopt;
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"epa_result"});
    a.epaDate = addDays(c.base.today, 1);
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"epa_result"});
    a.epaResult = std::nullopt; // a planned EPA with no result yet
    EXPECT_EQ(validateApprenticeship(a, c.base), std::vector<FieldError>{});
    a.epaResult = EpaResult::Fail;
    a.epaDate = c.base.today;
    EXPECT_EQ(validateApprenticeship(a, c.base), std::vector<FieldError>{});
}

TEST(ApprenticeshipValidation, WithdrawnFromTheStartToToday) {
    const Council c;
    Apprenticeship a = full();
    a.withdrawnOn = makeDate(2024, 12, 31);
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"withdrawn_on"});
    a.withdrawnOn = addDays(c.base.today, 1);
    EXPECT_EQ(fieldsOf(validateApprenticeship(a, c.base)), Fields{"withdrawn_on"});
}

TEST(OtjEntryValidation, BelongsToAnApprenticeshipDatedFromItsStartToToday) {
    const Council c;
    const Apprenticeship a = rows1to2();
    EXPECT_EQ(validateOtjEntry(otj(a.startDate, 1), &a, c.base), std::vector<FieldError>{});
    EXPECT_EQ(validateOtjEntry(otj(c.base.today, kMaxOtjEntryHours), &a, c.base),
              std::vector<FieldError>{});
    EXPECT_EQ(fieldsOf(validateOtjEntry(otj(makeDate(2024, 12, 31), 100), &a, c.base)),
              Fields{"date"});
    EXPECT_EQ(fieldsOf(validateOtjEntry(otj(addDays(c.base.today, 1), 100), &a, c.base)),
              Fields{"date"});
    EXPECT_EQ(fieldsOf(validateOtjEntry(otj(makeDate(2025, 2, 30), 100), &a, c.base)),
              Fields{"date"});
    const std::vector<FieldError> none =
        validateOtjEntry(otj(makeDate(2025, 2, 1), 100), nullptr, c.base);
    ASSERT_EQ(fieldsOf(none), Fields{"standard_code"});
    EXPECT_EQ(none.front().message, "E1 has no apprenticeship ST0510");
    EXPECT_EQ(fieldsOf(validateOtjEntry(otj(makeDate(2025, 2, 1), 100, "ST0001"), &a, c.base)),
              Fields{"standard_code"});
    EXPECT_EQ(fieldsOf(validateOtjEntry(otj(makeDate(2025, 2, 1), 100, "0510"), &a, c.base)),
              Fields{"standard_code"});
    OtjEntry stranger = otj(makeDate(2025, 2, 1), 100);
    stranger.employeeId = "E9";
    EXPECT_EQ(fieldsOf(validateOtjEntry(stranger, nullptr, c.base)), Fields{"employee_id"});
}

TEST(OtjEntryValidation, HoursFromOneHundredthToOneThousand) {
    const Council c;
    const Apprenticeship a = rows1to2();
    const std::vector<FieldError> errors =
        validateOtjEntry(otj(makeDate(2025, 2, 1), 0), &a, c.base);
    ASSERT_EQ(fieldsOf(errors), Fields{"hours"});
    EXPECT_EQ(errors.front().message, "from 0.01 to 1000.00 hours");
    EXPECT_EQ(
        fieldsOf(validateOtjEntry(otj(makeDate(2025, 2, 1), kMaxOtjEntryHours + 1), &a, c.base)),
        Fields{"hours"});
}

TEST(ApprenticeshipReviewValidation, BelongsDatedAndHasAnOutcome) {
    const Council c;
    const Apprenticeship a = rows1to2();
    ApprenticeshipReview r = review(makeDate(2025, 2, 20));
    r.notes = "Going well.\nPortfolio up to date.";
    EXPECT_EQ(validateApprenticeshipReview(r, &a, c.base), std::vector<FieldError>{});
    EXPECT_EQ(fieldsOf(validateApprenticeshipReview(r, nullptr, c.base)), Fields{"standard_code"});
    r.date = makeDate(2024, 12, 1);
    EXPECT_EQ(fieldsOf(validateApprenticeshipReview(r, &a, c.base)), Fields{"date"});
    r.date = addDays(c.base.today, 1);
    EXPECT_EQ(fieldsOf(validateApprenticeshipReview(r, &a, c.base)), Fields{"date"});
    r.date = makeDate(2025, 2, 20);
    r.outcome = static_cast<ApprenticeshipReviewOutcome>(7);
    EXPECT_EQ(fieldsOf(validateApprenticeshipReview(r, &a, c.base)), Fields{"outcome"});
    r.outcome = ApprenticeshipReviewOutcome::Concerns;
    r.notes = std::string(10001, 'x');
    EXPECT_EQ(fieldsOf(validateApprenticeshipReview(r, &a, c.base)), Fields{"notes"});
}

} // namespace
} // namespace ledger
