#include "base/date.h"

#include <gtest/gtest.h>

using namespace ledger;

TEST(Date, AddMonthsKeepsTheDayOrTakesTheMonthEnd) {
    EXPECT_EQ(addMonths(makeDate(2024, 1, 31), 1), makeDate(2024, 2, 29));
    EXPECT_EQ(addMonths(makeDate(2023, 1, 31), 1), makeDate(2023, 2, 28));
    EXPECT_EQ(addMonths(makeDate(2024, 2, 29), 12), makeDate(2025, 2, 28));
    EXPECT_EQ(addMonths(makeDate(2024, 3, 10), 12), makeDate(2025, 3, 10));
    EXPECT_EQ(addMonths(makeDate(2024, 10, 31), 1), makeDate(2024, 11, 30));
    EXPECT_EQ(addMonths(makeDate(2024, 12, 15), 1), makeDate(2025, 1, 15));
    EXPECT_EQ(addMonths(makeDate(2024, 3, 31), -1), makeDate(2024, 2, 29));
}

TEST(Date, DayDifferencesAreWholeDays) {
    EXPECT_EQ(daysBetween(makeDate(2025, 3, 1), makeDate(2025, 3, 9)), 8);
    EXPECT_EQ(daysBetween(makeDate(2024, 2, 28), makeDate(2024, 3, 1)), 2);
    EXPECT_EQ(addDays(makeDate(2024, 12, 31), 1), makeDate(2025, 1, 1));
    EXPECT_EQ(fromDayNumber(toDayNumber(makeDate(2026, 11, 25))), makeDate(2026, 11, 25));
    EXPECT_EQ(toDayNumber(makeDate(1970, 1, 2)), 1);
}

TEST(Date, ParsesOnlyRealIsoDates) {
    EXPECT_EQ(parseIsoDate("2024-02-29"), makeDate(2024, 2, 29));
    EXPECT_FALSE(parseIsoDate("2023-02-29"));
    EXPECT_FALSE(parseIsoDate("2024-13-01"));
    EXPECT_FALSE(parseIsoDate("2024-00-10"));
    EXPECT_FALSE(parseIsoDate("2024-1-01"));
    EXPECT_FALSE(parseIsoDate("01/02/2024"));
    EXPECT_FALSE(parseIsoDate(" 2024-01-01"));
    EXPECT_FALSE(parseIsoDate("2024-01-01T00:00"));
    EXPECT_FALSE(parseIsoDate(""));
    EXPECT_FALSE(parseIsoDate("0000-01-01"));
}

TEST(Date, FormatsIsoAndUk) {
    EXPECT_EQ(formatIso(makeDate(2026, 3, 31)), "2026-03-31");
    EXPECT_EQ(formatUk(makeDate(2026, 3, 31)), "31/03/2026");
    EXPECT_EQ(parseUkDate("31/03/2026"), makeDate(2026, 3, 31));
    EXPECT_FALSE(parseUkDate("31/02/2026"));
}
