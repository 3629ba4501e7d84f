// Issue 12, item 4, through the CLI: every report as XLSX and PDF (`--format xlsx|pdf
// --output FILE`), each workbook sheet holding the values of the report's CSV when LibreOffice
// reads it back, and a formula-like name written with its `'` in every CSV and as a plain
// string cell (shown as written, never run) in every workbook.
//
// The LibreOffice test is in suite XlsxLibreOffice*, which ctest runs one at a time
// (tests/core/CMakeLists.txt).

#include "cli/example_cli.h"

#include "base/date.h"
#include "io/csv.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kSmall = fs::path(LEDGER_TEST_DATA) / "small-council";
const std::string kFormula = R"(=HYPERLINK("http://x","y"))";

std::vector<std::vector<std::string>> csvRecords(const std::string& text) {
    const CsvDocument doc = parseCsv(text);
    EXPECT_TRUE(doc.errors.empty());
    std::vector<std::vector<std::string>> rows;
    for (const CsvRecord& record : doc.records) {
        rows.push_back(record.fields);
    }
    return rows;
}

/// Whether a workbook cell, as LibreOffice saves it shown, holds the CSV's value: the same
/// text; or a date the CSV writes ISO, shown DD/MM/YYYY; or a text the CSV guards with `'`
/// (spreadsheetSafe), which a string cell holds as written.
bool sameValue(const std::string& csv, const std::string& shown) {
    if (csv == shown) {
        return true;
    }
    if (const auto uk = parseUkDate(shown); uk && formatIso(*uk) == csv) {
        return true;
    }
    return csv == "'" + shown && !shown.empty() &&
           std::string_view("=+-@\t\r").find(shown.front()) != std::string_view::npos;
}

/// The small council, with one more person whose name is a formula, overdue on everything.
class ReportExportsCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        newLedger();
        importAll(kSmall, {"staff", "modules", "requirements", "completions"});
        writeAll(m_dir.path() / "more-staff.csv",
                 "employee_id,full_name,email,team,role,start_date,leave_date\n"
                 "HW09999,\"" +
                     replaceQuotes(kFormula) +
                     "\",x@example.org,Carers' Support,Social Worker,2020-01-01,\n");
        const Result r = cli({"import", "staff", (m_dir.path() / "more-staff.csv").string()});
        ASSERT_EQ(r.status, 0) << r.err;
    }

    static std::string replaceQuotes(const std::string& text) {
        std::string out;
        for (const char c : text) {
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        return out;
    }

    /// The report commands this test writes, each with its arguments.
    const std::vector<std::vector<std::string>> kReports = {
        {"coverage", "--as-of", "2026-11-25"},
        {"coverage", "--by", "staff", "--as-of", "2026-11-25"},
        {"expiring", "--as-of", "2026-11-25"},
        {"trend", "--from", "2025-11", "--to", "2026-10"},
    };

    Result report(const std::vector<std::string>& args, const std::string& format,
                  const std::string& output = {}) const {
        std::vector<std::string> all{"report"};
        all.insert(all.end(), args.begin(), args.end());
        all.insert(all.end(), {"--format", format});
        if (!output.empty()) {
            all.insert(all.end(), {"--output", output});
        }
        return cli(all);
    }
};

INSTANTIATE_TEST_SUITE_P(Engines, ReportExportsCli, kEngines, engineName);

TEST_P(ReportExportsCli, XlsxAndPdfNeedAnOutputFileAndWriteOne) {
    for (const std::string format : {"xlsx", "pdf"}) {
        const Result r = report(kReports[0], format);
        EXPECT_EQ(r.status, 1) << format;
        EXPECT_NE(r.err.find("--format " + format + " needs --output FILE"), std::string::npos)
            << r.err;
        EXPECT_EQ(r.out, "");
    }
    for (const auto& args : kReports) {
        const fs::path xlsx = m_dir.path() / (args[0] + ".xlsx");
        const fs::path pdf = m_dir.path() / (args[0] + ".pdf");
        ASSERT_EQ(report(args, "xlsx", xlsx.string()).status, 0) << args[0];
        ASSERT_EQ(report(args, "pdf", pdf.string()).status, 0) << args[0];
        EXPECT_EQ(readAll(xlsx).substr(0, 2), "PK") << args[0];
        EXPECT_EQ(readAll(pdf).substr(0, 5), "%PDF-") << args[0];
        EXPECT_EQ(fs::status(pdf).permissions() & fs::perms::all,
                  fs::perms::owner_read | fs::perms::owner_write);
    }
    // A CSV can go to a file too, the same bytes as on the standard output.
    const fs::path csv = m_dir.path() / "expiring.csv";
    ASSERT_EQ(report(kReports[2], "csv", csv.string()).status, 0);
    EXPECT_EQ(readAll(csv), report(kReports[2], "csv").out);
}

/// The text of a PDF, through pdftotext (poppler-utils).
std::string pdfText(const fs::path& pdf) {
    const fs::path txt = pdf.string() + ".txt";
    const std::string command = "pdftotext -layout '" + pdf.string() + "' '" + txt.string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << "pdftotext (poppler-utils) is needed";
    return readAll(txt);
}

TEST_P(ReportExportsCli, TheCqcPackIsAPdfThatSaysWhatItHasAndWhatItHasNot) {
    const fs::path pack = m_dir.path() / "pack.pdf";
    // PDF only, and only to a file.
    EXPECT_EQ(cli({"report", "cqc-pack", "--format", "csv", "--output", pack.string()}).status, 1);
    EXPECT_EQ(cli({"report", "cqc-pack"}).status, 1);
    EXPECT_FALSE(fs::exists(pack));
    const Result r =
        cli({"report", "cqc-pack", "--as-of", "2026-11-25", "--output", pack.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(readAll(pack).substr(0, 5), "%PDF-");
    std::string text = pdfText(pack);
    // pdftotext lays lines out as printed: compare with single spaces.
    std::string flat;
    for (const char c : text) {
        if (!(c == ' ' || c == '\n') || flat.empty() || flat.back() != ' ') {
            flat += c == '\n' ? ' ' : c;
        }
    }
    EXPECT_NE(flat.find("Learning, improvement and innovation"), std::string::npos) << flat;
    EXPECT_NE(flat.find("as of 25/11/2026"), std::string::npos);
    // The organisation's coverage is the pooled figure of `report coverage` on the day.
    long counts[3] = {0, 0, 0}; // compliant + due soon, overdue, not yet due
    const Result coverage = cli({"report", "coverage", "--as-of", "2026-11-25", "--format", "csv"});
    const auto rows = csvRecords(coverage.out);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        counts[0] += std::stol(rows[i][3]) + std::stol(rows[i][4]);
        counts[1] += std::stol(rows[i][5]);
        counts[2] += std::stol(rows[i][6]);
    }
    const std::string inDate = std::to_string(counts[0]) + " of " +
                               std::to_string(counts[0] + counts[1]) +
                               " required trainings in date; " + std::to_string(counts[1]) +
                               " overdue; " + std::to_string(counts[2]) + " not yet due";
    EXPECT_NE(flat.find(inDate), std::string::npos) << inDate << "\n" << flat;
    EXPECT_NE(flat.find("Coverage by module"), std::string::npos);
    // The small council has no sessions, themes, programmes, assessors or CPD: each section
    // says so.
    for (const char* none :
         {"No sessions held in the period are recorded",
          "No audit or complaint themes are recorded", "No ASYE enrolments are recorded",
          "No apprenticeships are recorded", "No trusted assessors are recorded",
          "No registered professionals are recorded"}) {
        EXPECT_NE(flat.find(none), std::string::npos) << none;
    }
}

TEST_P(ReportExportsCli, AFormulaLikeNameGetsItsQuoteInTheCsv) {
    const Result r = report(kReports[2], "csv");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(",HW09999,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",x@example.org,"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find(",\"=HYPERLINK"), std::string::npos);
}

/// LibreOffice reads each workbook back; each sheet, saved as CSV, holds the report's CSV.
class XlsxLibreOfficeReports : public ReportExportsCli {};

INSTANTIATE_TEST_SUITE_P(XlsxLibreOffice, XlsxLibreOfficeReports, testing::Values(Engine::File),
                         engineName);

TEST_P(XlsxLibreOfficeReports, EachReportsWorkbookHoldsItsCsvValues) {
    ASSERT_EQ(std::system("command -v libreoffice >/dev/null 2>&1"), 0)
        << "libreoffice is not installed (packaging/debian-packages.txt: libreoffice-calc-nogui)";
    std::string inputs;
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < kReports.size(); ++i) {
        const fs::path xlsx = m_dir.path() / ("r" + std::to_string(i) + ".xlsx");
        ASSERT_EQ(report(kReports[i], "xlsx", xlsx.string()).status, 0);
        const Result csv = report(kReports[i], "csv");
        ASSERT_EQ(csv.status, 0) << csv.err;
        expected.push_back(csv.out);
        inputs += " '" + xlsx.string() + "'";
    }
    // One office for every workbook; a private profile; the first sheet of each as shown.
    const fs::path out = m_dir.path() / "csv";
    const std::string command =
        "timeout 150 libreoffice --headless -env:UserInstallation=file://" +
        (m_dir.path() / "profile").string() +
        " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
        "false' --outdir '" +
        out.string() + "'" + inputs + " >'" + (m_dir.path() / "log").string() + "' 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << readAll(m_dir.path() / "log");
    for (std::size_t i = 0; i < kReports.size(); ++i) {
        SCOPED_TRACE(kReports[i][0] + " " + kReports[i][1]);
        const fs::path file = out / ("r" + std::to_string(i) + ".csv");
        ASSERT_TRUE(fs::exists(file)) << readAll(m_dir.path() / "log");
        const auto want = csvRecords(expected[i]);
        const auto got = csvRecords(readAll(file));
        ASSERT_EQ(got.size(), want.size());
        ASSERT_GT(want.size(), 1U);
        for (std::size_t r = 0; r < want.size(); ++r) {
            ASSERT_EQ(got[r].size(), want[r].size()) << "row " << r;
            for (std::size_t c = 0; c < want[r].size(); ++c) {
                EXPECT_TRUE(sameValue(want[r][c], got[r][c]))
                    << "row " << r << " column " << want[0][c] << ": CSV " << want[r][c]
                    << ", workbook " << got[r][c];
            }
        }
    }
    // The formula-like name is a string cell shown as written: a formula would show "y".
    const std::string expiring = readAll(out / "r2.csv");
    EXPECT_NE(expiring.find(",HW09999,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","),
              std::string::npos)
        << expiring;
}

} // namespace
} // namespace ledger::test
