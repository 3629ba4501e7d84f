// Wall-clock date-times and recurring series (rules/sessions.md section 5 and 9), proved on
// the page's worked examples ("Recurrence") and the clock changes of Europe/London.

#include "sessions/series.h"

#include "base/error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger {
namespace {

std::vector<std::string> startsOf(const std::vector<Occurrence>& occurrences) {
    std::vector<std::string> starts;
    for (const Occurrence& o : occurrences) {
        starts.push_back(o.startsAt);
    }
    return starts;
}

SeriesRule rule(Repeat repeat, std::optional<int> count, std::optional<Date> until = {},
                std::optional<WeekOfMonth> nth = {}) {
    SeriesRule r;
    r.repeat = repeat;
    r.count = count;
    r.until = until;
    r.nth = nth;
    return r;
}

/// The refusal's "field: message".
std::string refusalOf(std::string_view start, std::string_view end, const SeriesRule& r) {
    try {
        (void)seriesOccurrences("S", start, end, r);
    } catch (const ValidationError& e) {
        return e.errors().front().field + ": " + e.errors().front().message;
    }
    return "accepted";
}

TEST(Series, MonthlyDayKeepsTheDayOrTheMonthsLast) {
    const auto o = seriesOccurrences("FORUM26", "2026-01-31T10:00", "2026-01-31T12:00",
                                     rule(Repeat::MonthlyDay, 4));
    EXPECT_EQ(startsOf(o), (std::vector<std::string>{"2026-01-31T10:00", "2026-02-28T10:00",
                                                     "2026-03-31T10:00", "2026-04-30T10:00"}));
    for (const Occurrence& each : o) {
        EXPECT_EQ(each.endsAt.substr(11), "12:00");
        EXPECT_EQ(each.endsAt.substr(0, 10), each.startsAt.substr(0, 10));
    }
    EXPECT_EQ(o.front().key, "FORUM26-001");
    EXPECT_EQ(o.back().key, "FORUM26-004");
    // From the 30th: 30 January, 28 February, 30 March.
    EXPECT_EQ(
        startsOf(seriesOccurrences("S", "2026-01-30T10:00", "2026-01-30T11:00",
                                   rule(Repeat::MonthlyDay, 3))),
        (std::vector<std::string>{"2026-01-30T10:00", "2026-02-28T10:00", "2026-03-30T10:00"}));
}

TEST(Series, MonthlyWeekdayLastIsTheLastNotTheFourth) {
    const auto o = seriesOccurrences("S", "2026-04-24T14:00", "2026-04-24T15:00",
                                     rule(Repeat::MonthlyWeekday, 3, {}, WeekOfMonth::Last));
    EXPECT_EQ(startsOf(o), (std::vector<std::string>{"2026-04-24T14:00", "2026-05-29T14:00",
                                                     "2026-06-26T14:00"}));
}

TEST(Series, WeeklyKeepsTheWallClockAcrossTheClockChange) {
    const auto o = seriesOccurrences("S", "2026-03-19T10:00", "2026-03-19T11:30",
                                     rule(Repeat::Weekly, {}, makeDate(2026, 4, 9)));
    EXPECT_EQ(startsOf(o), (std::vector<std::string>{"2026-03-19T10:00", "2026-03-26T10:00",
                                                     "2026-04-02T10:00", "2026-04-09T10:00"}));
    EXPECT_EQ(o.back().endsAt, "2026-04-09T11:30");
}

TEST(Series, MonthlyWeekdayFirstUntilADate) {
    const auto o = seriesOccurrences(
        "S", "2026-01-06T09:30", "2026-01-06T11:00",
        rule(Repeat::MonthlyWeekday, {}, makeDate(2026, 6, 30), WeekOfMonth::First));
    EXPECT_EQ(startsOf(o), (std::vector<std::string>{"2026-01-06T09:30", "2026-02-03T09:30",
                                                     "2026-03-03T09:30", "2026-04-07T09:30",
                                                     "2026-05-05T09:30", "2026-06-02T09:30"}));
}

TEST(Series, AFirstSessionOnTheWrongWeekdayOfItsMonthIsRefused) {
    EXPECT_EQ(refusalOf("2026-01-13T09:30", "2026-01-13T11:00",
                        rule(Repeat::MonthlyWeekday, 3, {}, WeekOfMonth::First)),
              "starts_at: not the 1st Tuesday of its month");
    EXPECT_EQ(refusalOf("2026-04-17T14:00", "2026-04-17T15:00",
                        rule(Repeat::MonthlyWeekday, 3, {}, WeekOfMonth::Last)),
              "starts_at: not the last Friday of its month");
}

TEST(Series, FortnightlyAndTheLimits) {
    EXPECT_EQ(
        startsOf(seriesOccurrences("S", "2026-01-05T10:00", "2026-01-05T11:00",
                                   rule(Repeat::Fortnightly, 3))),
        (std::vector<std::string>{"2026-01-05T10:00", "2026-01-19T10:00", "2026-02-02T10:00"}));
    EXPECT_EQ(
        seriesOccurrences("S", "2026-01-05T10:00", "2026-01-05T11:00", rule(Repeat::Weekly, 260))
            .size(),
        260u);
    EXPECT_EQ(refusalOf("2026-01-05T10:00", "2026-01-05T11:00",
                        rule(Repeat::Weekly, {}, makeDate(2031, 1, 1))),
              "until: more than 260 occurrences");
    EXPECT_EQ(refusalOf("2026-01-05T10:00", "2026-01-05T11:00", rule(Repeat::Weekly, 261)),
              "count: from 1 to 260");
    EXPECT_EQ(refusalOf("2026-01-05T10:00", "2026-01-05T11:00", rule(Repeat::Weekly, {})),
              "count: exactly one of count and until with a repeat");
    EXPECT_EQ(refusalOf("2026-01-05T10:00", "2026-01-05T11:00",
                        rule(Repeat::Weekly, 2, {}, WeekOfMonth::First)),
              "nth: only a monthly_weekday series has one");
    EXPECT_EQ(refusalOf("2026-01-05T10:00", "2026-01-06T11:00", rule(Repeat::Weekly, 2)),
              "ends_at: a series' first session ends on the day it starts");
}

TEST(Series, AnOccurrenceInTheSkippedHourRefusesTheWholeSeries) {
    // 29 March 2026: the clocks go forward at 01:00, so 01:30 does not exist that day.
    EXPECT_EQ(refusalOf("2026-03-22T01:30", "2026-03-22T02:30", rule(Repeat::Weekly, 3)),
              "starts_at: occurrence S-002: 2026-03-29T01:30 does not exist in Europe/London "
              "(the clocks go forward)");
}

TEST(DateTimes, TheExactFormARealDayAndAnExistingLondonTime) {
    EXPECT_EQ(dateTimeProblem("2026-03-10T10:00"), std::nullopt);
    EXPECT_EQ(dateTimeProblem("2026-10-25T01:30"), std::nullopt); // the repeated hour
    EXPECT_TRUE(dateTimeProblem("2026-03-29T01:00").has_value());
    EXPECT_EQ(dateTimeProblem("2026-03-29T02:00"), std::nullopt);
    for (const char* bad : {"2026-02-30T10:00", "2026-03-10T24:00", "2026-03-10 10:00",
                            "2026-03-10T10:00:00", "2026-3-10T10:00", ""}) {
        EXPECT_TRUE(dateTimeProblem(bad).has_value()) << bad;
    }
    EXPECT_EQ(dateOf("2026-03-10T10:00"), makeDate(2026, 3, 10));
}

} // namespace
} // namespace ledger
