// The coverage reports' pure parts (issue 12): months as the trend takes them, month ends,
// the default range's last month, pooling a row of the matrix, and the report-as-data cells
// (CSV and text spellings of each kind).

#include "reports/coverage_reports.h"
#include "reports/report_table.h"

#include <gtest/gtest.h>

namespace ledger {
namespace {

TEST(CoverageMonths, AMonthIsYYYYDashMMWithinTheLedgersYears) {
    EXPECT_EQ(parseYearMonth("2025-01"), (YearMonth{2025, 1}));
    EXPECT_EQ(parseYearMonth("2099-12"), (YearMonth{2099, 12}));
    EXPECT_EQ(parseYearMonth("1900-01"), (YearMonth{1900, 1}));
    for (const char* bad : {"2025-13", "2025-00", "2025-1", "25-01", "2025/01", "2025-01-31",
                            "1899-12", "2100-01", "", "2O25-01", "+025-01", "2025-+1"}) {
        EXPECT_FALSE(parseYearMonth(bad)) << bad;
    }
    EXPECT_EQ(formatYearMonth({2024, 2}), "2024-02");
}

TEST(CoverageMonths, MonthEndsAndTheLastCompleteMonth) {
    EXPECT_EQ(monthEnd({2024, 2}), makeDate(2024, 2, 29));
    EXPECT_EQ(monthEnd({2025, 2}), makeDate(2025, 2, 28));
    EXPECT_EQ(monthEnd({2025, 12}), makeDate(2025, 12, 31));
    EXPECT_EQ(addMonths(YearMonth{2025, 1}, -1), (YearMonth{2024, 12}));
    EXPECT_EQ(addMonths(YearMonth{2024, 11}, 23), (YearMonth{2026, 10}));
    EXPECT_EQ(addMonths(YearMonth{2026, 10}, -23), (YearMonth{2024, 11}));
    // On the last day of a month that month is not yet over.
    EXPECT_EQ(lastCompleteMonth(makeDate(2026, 11, 30)), (YearMonth{2026, 10}));
    EXPECT_EQ(lastCompleteMonth(makeDate(2026, 12, 1)), (YearMonth{2026, 11}));
    EXPECT_EQ(lastCompleteMonth(makeDate(2026, 1, 15)), (YearMonth{2025, 12}));
}

TEST(CoverageMonths, PoolingAddsCountsAndNeverAveragesPercentages) {
    CoverageTable table(2, 2);
    // Team 0: module 0 is 1 of 1 covered (100%), module 1 is 0 of 9 (0%): pooled 10.0%, not
    // the 50% an average of the two percentages would claim.
    table.cell(0, 0) = CoverageCell{1, 1, 0, 0, 0};
    table.cell(0, 1) = CoverageCell{10, 0, 0, 9, 1};
    table.cell(1, 1) = CoverageCell{4, 2, 1, 1, 0};
    table.total(0) = CoverageCell{1, 1, 0, 0, 0};
    table.total(1) = CoverageCell{14, 2, 1, 10, 1};
    const CoverageCell team = poolModules(table, 0);
    EXPECT_EQ(team.required, 11);
    EXPECT_EQ(team.compliant, 1);
    EXPECT_EQ(team.overdue, 9);
    EXPECT_EQ(team.notYetDue, 1);
    EXPECT_EQ(team.percentTenths(), 100);
    const CoverageCell all = poolModules(table, std::nullopt);
    EXPECT_EQ(all.required, 15);
    EXPECT_EQ(all.percentTenths(), 286); // 4 of 14 covered: 28.57 -> 28.6
}

TEST(ReportCells, EachKindIsSpeltOnceForCsvAndOnceForPeople) {
    const ReportColumn text{"name", "Name", CellKind::Text};
    const ReportColumn code{"status", "Status", CellKind::Code};
    const ReportColumn integer{"n", "N", CellKind::Integer};
    const ReportColumn tenths{"p", "P", CellKind::Decimal, 1};
    const ReportColumn hundredths{"h", "H", CellKind::Decimal, 2};
    const ReportColumn day{"d", "D", CellKind::Day};
    EXPECT_EQ(csvValue(textCell("=1+1"), text), "'=1+1");
    EXPECT_EQ(displayValue(textCell("=1+1"), text), "=1+1");
    EXPECT_EQ(csvValue(statusCell(Status::DueSoon), code), "due_soon");
    EXPECT_EQ(displayValue(statusCell(Status::DueSoon), code), "Due soon");
    EXPECT_EQ(statusCell(Status::Overdue).tone, CellTone::Bad);
    EXPECT_EQ(csvValue(integerCell(-3), integer), "-3");
    EXPECT_EQ(csvValue(decimalCell(667), tenths), "66.7");
    EXPECT_EQ(csvValue(decimalCell(1000), tenths), "100.0");
    EXPECT_EQ(csvValue(decimalCell(5), tenths), "0.5");
    EXPECT_EQ(csvValue(decimalCell(-5), hundredths), "-0.05");
    EXPECT_EQ(csvValue(decimalCell(std::nullopt), tenths), "");
    EXPECT_EQ(csvValue(dateCell(makeDate(2025, 3, 9)), day), "2025-03-09");
    EXPECT_EQ(displayValue(dateCell(makeDate(2025, 3, 9)), day), "09/03/2025");
    EXPECT_EQ(csvValue(dateCell(std::nullopt), day), "");

    ReportSheet sheet{"S", {text, integer, day}, {}};
    sheet.rows.push_back({textCell("a, \"b\""), integerCell(2), dateCell(makeDate(2026, 1, 2))});
    sheet.rows.push_back({textCell("@x"), emptyCell(), emptyCell()});
    EXPECT_EQ(formatCsv(sheet), "name,n,d\n\"a, \"\"b\"\"\",2,2026-01-02\n'@x,,\n");
    EXPECT_EQ(formatText(sheet), "Name    N  D\n"
                                 "------  -  ----------\n"
                                 "a, \"b\"  2  02/01/2026\n"
                                 "@x\n");
}

} // namespace
} // namespace ledger
