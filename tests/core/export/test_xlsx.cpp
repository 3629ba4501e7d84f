#include "export/xlsx.h"

#include "io/csv.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <sys/stat.h>

namespace ledger {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return makeDate(y, m, day);
}

/// Two sheets with every kind of cell and every tone, the texts a spreadsheet is most likely
/// to change, and titles that are no valid sheet names; and a chart.
Report awkwardReport() {
    Report report;
    report.name = "awkward";
    report.title = "Awkward cells";
    report.subtitle = "As of 29/11/2026";

    ReportSheet people;
    people.title = "People: [due]/overdue?";
    people.columns = {
        {"name", "Name", CellKind::Text, 0, 2.0},
        {"status", "Status", CellKind::Code, 0, 1.0},
        {"courses", "Courses", CellKind::Integer, 0, 1.0},
        {"coverage_percent", "Coverage %", CellKind::Decimal, 1, 1.0},
        {"due_on", "Due", CellKind::Day, 0, 1.0},
    };
    const auto row = [&](std::vector<ReportCell> cells) {
        people.rows.push_back(std::move(cells));
    };
    row({textCell(R"(=HYPERLINK("http://x","y"))"), codeCell("ok", "OK", CellTone::Good),
         integerCell(3), decimalCell(667), dateCell(d(2026, 3, 31), CellTone::Good)});
    row({textCell("+44 1632 960000"), codeCell("due_soon", "Due soon", CellTone::Warning),
         integerCell(-3, CellTone::Warning), decimalCell(-35, CellTone::Warning),
         dateCell(d(2026, 12, 1), CellTone::Warning)});
    row({textCell("-minus"), codeCell("overdue", "Overdue", CellTone::Bad), integerCell(0),
         decimalCell(20, CellTone::Bad), dateCell(d(1999, 1, 9), CellTone::Bad)});
    row({textCell("@mention"), codeCell("left", "Left", CellTone::Quiet),
         integerCell(1234567, CellTone::Quiet), decimalCell(5), dateCell(std::nullopt)});
    row({textCell("\ttabbed"), emptyCell(), emptyCell(), decimalCell(std::nullopt),
         dateCell(std::nullopt, CellTone::Quiet)});
    row({textCell("Smith, Jo"), codeCell("ok"), integerCell(12), decimalCell(1000),
         dateCell(d(2000, 2, 29))});
    row({textCell("She said \"yes\""), codeCell("ok"), integerCell(-1), decimalCell(-5),
         dateCell(d(2026, 1, 1))});
    row({textCell("two\nlines"), codeCell("ok"), integerCell(7), decimalCell(0),
         dateCell(d(2026, 6, 15))});
    row({textCell("Zoë Élise 中文"), codeCell("ok"), integerCell(8), decimalCell(999),
         dateCell(d(2026, 7, 4))});
    row({textCell(""), emptyCell(), emptyCell(), emptyCell(), emptyCell()});
    row({textCell("'quoted start"), codeCell("=not_a_formula"), integerCell(9), decimalCell(1),
         dateCell(d(2026, 11, 30))});
    report.sheets.push_back(people);

    ReportSheet teams;
    teams.title = "Training coverage by team and by role, 2026";
    teams.columns = {
        {"team", "Team", CellKind::Text, 0, 2.0},
        {"people", "People", CellKind::Integer, 0, 1.0},
        {"hours", "Hours", CellKind::Decimal, 2, 1.0},
        {"from", "From", CellKind::Day, 0, 1.0},
    };
    teams.rows.push_back({textCell("Reablement"), integerCell(14, CellTone::Good),
                          decimalCell(-1250), dateCell(d(2026, 4, 1))});
    teams.rows.push_back({textCell("Day services", CellTone::Bad), integerCell(0, CellTone::Bad),
                          decimalCell(3), dateCell(std::nullopt)});
    report.sheets.push_back(teams);

    ReportChart chart;
    chart.title = "Coverage: by month";
    chart.yLabel = "=SUM(A1)";
    chart.xLabels = {"Jan", "Feb", "Mar"};
    chart.series = {{"Reablement", {80.0, std::nullopt, 92.5}}, {"=Day", {60.0, 70.0, 75.0}}};
    report.charts.push_back(chart);
    return report;
}

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

/// The records of a CSV text, failing the test on any parse problem.
std::vector<std::vector<std::string>> records(const std::string& text) {
    const CsvDocument parsed = parseCsv(text);
    EXPECT_TRUE(parsed.errors.empty());
    std::vector<std::vector<std::string>> out;
    for (const CsvRecord& r : parsed.records) {
        out.push_back(r.fields);
    }
    return out;
}

TEST(Xlsx, SheetNamesAreMadeValidAndUnique) {
    const std::vector<std::string> names = xlsxSheetNames({
        "People: [due]/overdue?",
        "Training coverage by team and by role, 2026",
        "training coverage by team and by role, 2026",
        "",
        "'quoted'",
        "History",
        "Sheet 4",
        "中文的名字中文的名字中文的名字中文的名字中文的名字中文的名字中文的名字",
    });
    EXPECT_EQ(names, (std::vector<std::string>{
                         "People due overdue",
                         "Training coverage by team and b",
                         "training coverage by team a (2)",
                         "Sheet 4",
                         "quoted",
                         "Sheet 6",
                         "Sheet 4 (2)",
                         "中文的名字中文的名字中文的名字中文的名字中文的名字中文的名字中",
                     }));
}

TEST(Xlsx, AnUnwritablePathThrowsNamingItAndLeavesNothing) {
    test::ScratchDir dir;
    const std::string path = (dir / "missing" / "report.xlsx").string();
    try {
        writeXlsx(awkwardReport(), path);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Xlsx, ReplacesAFileWholeReadableByItsOwnerOnly) {
    test::ScratchDir dir;
    const auto path = dir / "report.xlsx";
    test::writeAll(path, "old");
    writeXlsx(awkwardReport(), path.string());
    const std::string bytes = test::readAll(path);
    // An XLSX file is a zip archive.
    EXPECT_EQ(bytes.rfind("PK\x03\x04", 0), 0U);
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0600U);
    // Nothing left beside it.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              1);
}

TEST(Xlsx, ReportsItsProgressAndACancelLeavesTheFileAsItWas) {
    Report big = awkwardReport();
    ReportSheet& sheet = big.sheets.front();
    const std::vector<ReportCell> first = sheet.rows.front();
    while (sheet.rows.size() < 3000) {
        sheet.rows.push_back(first);
    }
    test::ScratchDir dir;
    const auto path = dir / "report.xlsx";
    std::vector<double> heard;
    const Progress listening{[&](double f) {
        heard.push_back(f);
        return true;
    }};
    writeXlsx(big, path.string(), &listening);
    ASSERT_GE(heard.size(), 10U);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_LE(heard.back(), 1.0);

    // Cancelled half way: Cancelled, the old file untouched, nothing left beside it.
    test::writeAll(path, "old");
    const Progress stopping{[](double f) {
        return f < 0.4;
    }};
    EXPECT_THROW(writeXlsx(big, path.string(), &stopping), Cancelled);
    EXPECT_EQ(test::readAll(path), "old");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              1);
}

// LibreOffice reads the workbook back and saves each sheet as CSV: each must hold the
// values of the report's own CSV. Run one at a time (ctest RESOURCE_LOCK libreoffice).
TEST(XlsxLibreOffice, EachSheetSavedAsCsvHoldsTheReportsCsvValues) {
    ASSERT_EQ(std::system("command -v libreoffice >/dev/null 2>&1"), 0)
        << "libreoffice is not installed (packaging/debian-packages.txt: libreoffice-calc-nogui)";
    test::ScratchDir dir;
    const Report report = awkwardReport();
    const auto workbook = dir / "report.xlsx";
    writeXlsx(report, workbook.string());
    const auto out = dir / "csv";
    // A private profile, so that no user's settings or running office take part. Filter
    // options: comma, double quote, UTF-8, ..., cells saved as shown (token 9, so that a
    // date reads DD/MM/YYYY and 2.0 keeps its place), every sheet into its own file
    // (token 12, -1).
    const std::string command =
        "timeout 120 libreoffice --headless -env:UserInstallation=file://" +
        (dir / "profile").string() +
        " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
        "false,-1' --outdir " +
        quoted(out.string()) + " " + quoted(workbook.string()) + " >" +
        quoted((dir / "log").string()) + " 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << test::readAll(dir / "log");

    std::vector<std::string> titles;
    for (const ReportSheet& sheet : report.sheets) {
        titles.push_back(sheet.title);
    }
    for (const ReportChart& chart : report.charts) {
        titles.push_back(chart.title);
    }
    const std::vector<std::string> names = xlsxSheetNames(titles);
    for (std::size_t s = 0; s < report.sheets.size(); ++s) {
        const ReportSheet& sheet = report.sheets[s];
        SCOPED_TRACE(names[s]);
        const auto file = out / ("report-" + names[s] + ".csv");
        ASSERT_TRUE(std::filesystem::exists(file)) << test::readAll(dir / "log");
        const auto expected = records(formatCsv(sheet));
        const auto actual = records(test::readAll(file));
        ASSERT_EQ(actual.size(), expected.size());
        for (std::size_t r = 0; r < expected.size(); ++r) {
            ASSERT_EQ(actual[r].size(), sheet.columns.size()) << "row " << r;
            for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
                std::string want = expected[r][c];
                std::string got = actual[r][c];
                if (r > 0 && sheet.columns[c].kind == CellKind::Text) {
                    // The workbook holds the text as written: a string cell is never run, so
                    // it needs none of the CSV's `'`.
                    want = std::string(fromSpreadsheetSafe(want));
                }
                if (r > 0 && sheet.columns[c].kind == CellKind::Day && !got.empty()) {
                    // A date cell shows as a UK date.
                    const auto date = parseUkDate(got);
                    ASSERT_TRUE(date) << got;
                    got = formatIso(*date);
                }
                EXPECT_EQ(got, want) << "row " << r << " column " << sheet.columns[c].name;
            }
        }
    }
    // The formula-looking text came back as written: as a formula LibreOffice would have
    // shown its result, "y".
    const auto people = records(test::readAll(out / ("report-" + names[0] + ".csv")));
    EXPECT_EQ(people.at(1).at(0), R"(=HYPERLINK("http://x","y"))");
    // The chart's sheet holds its figures (names referred to, never run).
    const auto chart = records(test::readAll(out / ("report-" + names[2] + ".csv")));
    ASSERT_GE(chart.size(), 7U);
    EXPECT_EQ(chart[0].at(0), "Coverage: by month");
    EXPECT_EQ(chart[1].at(0), "=SUM(A1)");
    EXPECT_EQ((std::vector<std::string>(chart[3].begin(), chart[3].begin() + 3)),
              (std::vector<std::string>{"", "Reablement", "=Day"}));
    EXPECT_EQ((std::vector<std::string>(chart[5].begin(), chart[5].begin() + 3)),
              (std::vector<std::string>{"Feb", "", "70"}));
}

} // namespace
} // namespace ledger
