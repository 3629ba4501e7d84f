#include "reports/report_document.h"

#include "export/pdf.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace ledger {
namespace {

ReportSheet statusSheet(int rows) {
    ReportSheet sheet;
    sheet.title = "Staff";
    sheet.columns = {
        {"name", "Name", CellKind::Text, 0, 2.5},
        {"status", "Status", CellKind::Code, 0, 1.2},
        {"coverage_percent", "Coverage %", CellKind::Decimal, 1, 1.0},
        {"due_on", "Due", CellKind::Day, 0, 1.0},
    };
    for (int i = 0; i < rows; ++i) {
        const bool late = i % 5 == 0;
        sheet.rows.push_back({
            textCell("Person " + std::to_string(i)),
            late ? codeCell("overdue", "Overdue", CellTone::Bad)
                 : codeCell("ok", "Up to date", CellTone::Good),
            decimalCell(500 + i),
            dateCell(makeDate(2026, 3, 31)),
        });
    }
    return sheet;
}

ReportChart weeklyChart(int weeks) {
    ReportChart chart;
    chart.title = "Coverage by week";
    chart.yLabel = "Coverage %";
    std::vector<std::optional<double>> team;
    std::vector<std::optional<double>> council;
    std::vector<std::optional<double>> target;
    for (int w = 1; w <= weeks; ++w) {
        chart.xLabels.push_back("Week " + std::string(w < 10 ? "0" : "") + std::to_string(w));
        team.push_back(w == 7 ? std::nullopt : std::optional<double>(55 + (w * 37 % 40)));
        council.push_back(70 + w % 9);
        target.push_back(90);
    }
    chart.series = {{"Reablement team", team}, {"Whole council", council}, {"Target", target}};
    chart.yMin = 0;
    chart.yMax = 100;
    return chart;
}

Report sampleReport(int rows, int weeks) {
    Report report;
    report.name = "coverage";
    report.title = "Training coverage";
    report.subtitle = "As of 29/11/2026";
    report.notes = {"Coverage counts each person once per required course."};
    report.sheets.push_back(statusSheet(rows));
    ReportSheet teams;
    teams.title = "Teams";
    teams.columns = {{"team", "Team", CellKind::Text, 0, 2.0},
                     {"people", "People", CellKind::Integer, 0, 1.0}};
    teams.rows.push_back({textCell("Reablement"), integerCell(14, CellTone::Warning)});
    report.sheets.push_back(teams);
    report.charts.push_back(weeklyChart(weeks));
    return report;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

TEST(ReportDocument, HoldsTheTitleNotesOneTablePerSheetAndTheCharts) {
    const Report report = sampleReport(3, 4);
    const doc::Document document = reportDocument(report, "Practice Ledger report");
    EXPECT_EQ(document.title, "Training coverage");
    EXPECT_EQ(document.subtitle, "As of 29/11/2026");
    EXPECT_EQ(document.footer, "Practice Ledger report");
    ASSERT_EQ(document.blocks.size(), 6U);
    EXPECT_EQ(std::get<doc::Paragraph>(document.blocks[0]).text, report.notes[0]);
    // The chart first, then two sheets: each table under its sheet's title.
    const auto& chart = std::get<doc::Chart>(document.blocks[1]);
    EXPECT_EQ(std::get<doc::Heading>(document.blocks[2]).text, "Staff");
    const auto& staff = std::get<doc::Table>(document.blocks[3]);
    EXPECT_EQ(staff.header, (std::vector<std::string>{"Name", "Status", "Coverage %", "Due"}));
    EXPECT_EQ(staff.widths, (std::vector<double>{2.5, 1.2, 1.0, 1.0}));
    ASSERT_EQ(staff.rows.size(), 3U);
    // Cells as people read them: the status's words, a UK date, the number's places.
    EXPECT_EQ(staff.rows[0].cells,
              (std::vector<std::string>{"Person 0", "Overdue", "50.0", "31/03/2026"}));
    EXPECT_EQ(staff.rows[0].tones,
              (std::vector<doc::Tone>{doc::Tone::Neutral, doc::Tone::Bad, doc::Tone::Neutral,
                                      doc::Tone::Neutral}));
    EXPECT_EQ(staff.rows[1].tones.at(1), doc::Tone::Good);
    EXPECT_EQ(std::get<doc::Heading>(document.blocks[4]).text, "Teams");
    EXPECT_EQ(std::get<doc::Table>(document.blocks[5]).rows.at(0).tones.at(1), doc::Tone::Warning);
    EXPECT_EQ(chart.title, "Coverage by week");
    EXPECT_EQ(chart.yLabel, "Coverage %");
    EXPECT_EQ(chart.xLabels.size(), 4U);
    ASSERT_EQ(chart.series.size(), 3U);
    EXPECT_EQ(chart.series[2].name, "Target");
    EXPECT_EQ(chart.series[2].values, (std::vector<std::optional<double>>(4, 90.0)));
    EXPECT_EQ(chart.yMax, 100);
}

TEST(ReportDocument, ASingleSheetHasNoHeadingAndAnEmptySheetSaysSo) {
    Report report;
    report.title = "One";
    ReportSheet empty = statusSheet(0);
    report.sheets.push_back(empty);
    const doc::Document document = reportDocument(report, "");
    ASSERT_EQ(document.blocks.size(), 1U);
    EXPECT_EQ(std::get<doc::Paragraph>(document.blocks[0]).text, "Nothing to show.");
}

TEST(ReportDocument, RendersWithoutADisplayOverPagesWithItsChart) {
    const doc::Document document = reportDocument(sampleReport(200, 60), "Practice Ledger");
    const std::string pdf = renderPdf(document);
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    // Cairo writes one `/Type /Page ` object per page (and one `/Type /Pages`).
    EXPECT_GE(count(pdf, "/Type /Page "), 5U);

    test::ScratchDir dir;
    test::writeAll(dir / "report.pdf", pdf);
    if (const char* keep = std::getenv("PRACTICE_LEDGER_TEST_KEEP_PDF")) {
        // To look at it (tests/core/export: render it with pdftoppm).
        std::filesystem::copy_file(dir / "report.pdf", keep,
                                   std::filesystem::copy_options::overwrite_existing);
    }
    ASSERT_EQ(std::system("command -v pdftotext >/dev/null 2>&1"), 0)
        << "pdftotext is not installed (packaging/debian-packages.txt: poppler-utils)";
    const std::string command = "pdftotext -enc UTF-8 '" + (dir / "report.pdf").string() + "' '" +
                                (dir / "report.txt").string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    const std::string text = test::readAll(dir / "report.txt");
    EXPECT_NE(text.find("Training coverage"), std::string::npos);
    EXPECT_NE(text.find("Person 199"), std::string::npos);
    EXPECT_NE(text.find("Coverage by week"), std::string::npos);
    EXPECT_NE(text.find("Whole council"), std::string::npos);
    // Sixty weeks across the page do not fit side by side: some labels are left out so that
    // the others never overlap, but the first is there.
    EXPECT_NE(text.find("Week 01"), std::string::npos);
    const std::size_t weeks = count(text, "Week ");
    EXPECT_GE(weeks, 5U);
    EXPECT_LT(weeks, 60U);
}

TEST(ReportDocument, RenderingReportsItsProgressAndStopsWhenCancelled) {
    const doc::Document document = reportDocument(sampleReport(2000, 12), "Practice Ledger");
    std::vector<double> heard;
    const Progress listening{[&](double f) {
        heard.push_back(f);
        return true;
    }};
    const std::string whole = renderPdf(document, &listening);
    ASSERT_GE(heard.size(), 20U);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_GT(heard.front(), 0.0);
    EXPECT_DOUBLE_EQ(heard.back(), 1.0);
    // The same document with or without anyone listening.
    EXPECT_EQ(count(whole, "/Type /Page "), count(renderPdf(document), "/Type /Page "));

    // Asked to stop part way through drawing: Cancelled, and no more is heard.
    std::size_t calls = 0;
    const Progress stopping{[&](double f) {
        ++calls;
        return f < 0.7;
    }};
    EXPECT_THROW((void)renderPdf(document, &stopping), Cancelled);
    const std::size_t untilStop = static_cast<std::size_t>(
        std::count_if(heard.begin(), heard.end(), [](double f) { return f < 0.7; }));
    EXPECT_EQ(calls, untilStop + 1);
}

} // namespace
} // namespace ledger
