// The CPD half of rules/learning-record.md's CLI contract (section 8) against the shared
// examples in tests/data/learning-record, on both engines: `report cpd` and `report hcpc` byte
// for byte on both days the examples ask, the import's counts, its all-or-nothing refusals
// named by file, line and column (section 9), and the usage errors.

#include "cli/example_cli.h"
#include "io/csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const fs::path kData = fs::path(LEDGER_TEST_DATA) / "learning-record";

class LearningRecordCli : public ExampleCli {
protected:
    void SetUp() override {
        ExampleCli::SetUp();
        if (IsSkipped()) {
            return;
        }
        newLedger();
        importAll(kData, {"staff"});
    }
};

INSTANTIATE_TEST_SUITE_P(Engines, LearningRecordCli, kEngines, engineName);

TEST_P(LearningRecordCli, CpdAndHcpcReportsMatchTheExamplesByteForByte) {
    const InFolder here(kData);
    Result r = cli({"import", "cpd", "cpd.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 323, updated 0, unchanged 0\n");
    for (const std::string day : {"2025-11-30", "2026-11-25"}) {
        for (const std::string report : {"cpd", "hcpc"}) {
            r = cli({"report", report, "--as-of", day, "--format", "csv"});
            ASSERT_EQ(r.status, 0) << r.err;
            EXPECT_EQ(r.out, readAll(kData / ("expected-" + report + "-" + day + ".csv")))
                << report << " " << day;
        }
    }
    // The same file again changes nothing; a dry run writes nothing.
    EXPECT_EQ(cli({"import", "cpd", "cpd.csv"}).out, "added 0, updated 0, unchanged 323\n");
}

TEST_P(LearningRecordCli, TheRegistrationYearCanBeAskedAndIsCheckedAsAUsageError) {
    const InFolder here(kData);
    ASSERT_EQ(cli({"import", "cpd", "cpd.csv"}).status, 0);
    // The 2025 registration year asked on 2026-11-25 is the one the 2025-11-30 example shows.
    const Result r = cli({"report", "cpd", "--as-of", "2026-11-25", "--registration-year", "2025",
                          "--format", "csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("HW00008,Mental Health,2025,2,1,0,met\n"), std::string::npos) << r.out;
    for (const std::string bad : {"1899", "10000", "20x5", "", "-2025"}) {
        const Result u = cli({"report", "cpd", "--registration-year", bad});
        EXPECT_EQ(u.status, 1) << bad << ": " << u.err;
    }
    EXPECT_EQ(cli({"report", "hcpc", "--as-of", "2026-02-30"}).status, 1);
}

TEST_P(LearningRecordCli, AnInvalidFileIsRefusedWholeNamingLineAndColumn) {
    const fs::path file = m_dir / "cpd.csv";
    writeAll(file,
             "employee_id,date,title,type,hours,description,learning,impact,peer_reflection,"
             "standards,themes,status\n"
             // 2: fine
             "HW0,2026-01-10,Forum,practice_forum,1.5,did,learnt,changed,,4.1,,final\n"
             // 3: unknown person, a date after today, hours with three decimals
             "NOBODY,2026-12-01,Forum,course,1.505,,,,,,,draft\n"
             // 4: not a type, a standard out of range repeated, a final entry without learning
             "HW0,2026-01-11,Reading,book,2,did,,changed,,4.9;4.9,,final\n"
             // 5: a theme that does not exist, a status that is not one
             "HW0,2026-01-12,Reading,reading_research,1000.01,,,,,,NOPE,done\n"
             // 6: the key of line 2 with other values
             "HW0,2026-01-10,Forum,practice_forum,2,did,learnt,changed,,4.1,,final\n"
             // 7: a blank title and empty hours
             "HW0,2026-01-13,   ,course,,,,,,,,draft\n");
    const Result r = cli({"import", "cpd", file.string()});
    EXPECT_EQ(r.status, 2);
    const std::string f = file.string();
    EXPECT_EQ(places(r.err),
              (std::vector<std::string>{f + ":3: employee_id", f + ":3: date", f + ":3: hours",
                                        f + ":4: type", f + ":4: learning", f + ":4: standards",
                                        f + ":5: hours", f + ":5: themes", f + ":5: status",
                                        f + ":6: title", f + ":7: title", f + ":7: hours"}))
        << r.err;
    EXPECT_EQ(r.out, "");
    // Nothing was written: HW0 (registered with SWE) has no entries.
    const Result report = cli({"report", "cpd", "--format", "csv"});
    EXPECT_NE(report.out.find("\nHW0,Mental Health,2026,0,0,5,not_met\n"), std::string::npos)
        << report.out;
}

/// The text of a PDF as poppler's pdftotext reads it (in reading order, no layout).
std::string pdfText(const fs::path& pdf) {
    const std::string command = "pdftotext -enc UTF-8 '" + pdf.string() + "' -";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            out.append(buffer, n);
        }
        EXPECT_EQ(::pclose(pipe), 0) << command;
    }
    // Lines as laid out are not the test's business: every run of white space is one space.
    std::string words;
    for (const char c : out) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (!space) {
            words += c;
        } else if (!words.empty() && words.back() != ' ') {
            words += ' ';
        }
    }
    return words;
}

/// Where each of `words` first appears in `text`, in order: npos for one missing or out of
/// order.
bool inOrder(const std::string& text, const std::vector<std::string>& words) {
    std::size_t at = 0;
    for (const std::string& w : words) {
        at = text.find(w, at);
        if (at == std::string::npos) {
            ADD_FAILURE() << "not found (in order): " << w;
            return false;
        }
        at += w.size();
    }
    return true;
}

/// A text cell as compliance.md section 9 writes it.
std::string safeCell(const std::string& text) {
    const bool risky = !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos;
    return risky ? "'" + text : text;
}

std::string sortedList(const std::string& cell) {
    std::vector<std::string> items;
    std::size_t from = 0;
    while (!cell.empty()) {
        const std::size_t semi = cell.find(';', from);
        items.push_back(cell.substr(from, semi - from));
        if (semi == std::string::npos) {
            break;
        }
        from = semi + 1;
    }
    std::sort(items.begin(), items.end());
    std::string out;
    for (const std::string& i : items) {
        out += (out.empty() ? "" : ";") + i;
    }
    return out;
}

std::string twoDecimals(const std::string& hours) {
    const std::size_t dot = hours.find('.');
    if (dot == std::string::npos) {
        return hours + ".00";
    }
    return hours + std::string(3 - (hours.size() - dot), '0');
}

TEST_P(LearningRecordCli, ACpdRecordAsCsvHoldsTheFinalEntriesByDateInTheImportsColumns) {
    const InFolder here(kData);
    ASSERT_EQ(cli({"import", "cpd", "cpd.csv"}).status, 0);
    // What the shared examples hold for HW00014, final entries only, by date then title.
    const CsvDocument source = parseCsv(readAll(kData / "cpd.csv"));
    ASSERT_TRUE(source.errors.empty());
    std::vector<std::vector<std::string>> expected;
    int drafts = 0;
    for (std::size_t i = 1; i < source.records.size(); ++i) {
        const auto& f = source.records[i].fields;
        if (f[0] != "HW00014") {
            continue;
        }
        if (f[11] != "final") {
            ++drafts;
            continue;
        }
        // date,type,title,description,learning,impact,peer_reflection,hours,standards,themes
        expected.push_back({f[1], f[3], safeCell(f[2]), safeCell(f[5]), safeCell(f[6]),
                            safeCell(f[7]), safeCell(f[8]), twoDecimals(f[4]),
                            safeCell(sortedList(f[9])), safeCell(sortedList(f[10]))});
    }
    std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return a[0] != b[0] ? a[0] < b[0] : a[2] < b[2];
    });
    ASSERT_GE(expected.size(), 5U);
    ASSERT_GE(drafts, 1);

    const fs::path csv = m_dir / "record.csv";
    const Result r =
        cli({"export", "cpd-record", "HW00014", "--format", "csv", "--output", csv.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    const std::string text = readAll(csv);
    EXPECT_EQ(text.rfind("date,type,title,description,learning,impact,peer_reflection,hours,"
                         "standards,themes\n",
                         0),
              0U);
    // UTF-8 without a byte-order mark, each record ended by \n (cells keep their own CRs).
    EXPECT_NE(text.rfind("\xEF\xBB\xBF", 0), 0U);
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(text.find(",\r\n"), std::string::npos);
    const CsvDocument written = parseCsv(text);
    ASSERT_TRUE(written.errors.empty());
    ASSERT_EQ(written.records.size(), expected.size() + 1);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(written.records[i + 1].fields, expected[i]) << "row " << i + 1;
    }
    EXPECT_EQ(fs::status(csv).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
}

TEST_P(LearningRecordCli, ACpdRecordAsPdfFollowsSocialWorkEnglandsForm) {
    const InFolder here(kData);
    ASSERT_EQ(cli({"import", "cpd", "cpd.csv"}).status, 0);
    const fs::path pdf = m_dir / "record.pdf";
    const Result r = cli({"export", "cpd-record", "HW0", "--format", "pdf", "--output",
                          pdf.string(), "--as-of", "2026-11-25"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(readAll(pdf).rfind("%PDF-", 0), 0U);
    const std::string text = pdfText(pdf);
    // The person, this registration year's check, then each entry in the form's order.
    EXPECT_TRUE(inOrder(
        text, {"CPD record: Siobhán Ní Bhriain", "HW0",
               "Registered with Social Work England, number SW795699",
               "Social Work England CPD requirement", "Registration year 2026", "Type of CPD",
               "Description of the activity and why it is relevant", "Date", "What did you learn?",
               "positive impact",
               "P: What have you learnt from discussing this CPD activity with a peer?", "Hours:"}))
        << text;
    EXPECT_NE(text.find("Page 1 of "), std::string::npos) << text;
}

TEST_P(LearningRecordCli, AnHcpcProfileListsTheCycleWithItsGapsAndTheChosenStatement) {
    const InFolder here(kData);
    ASSERT_EQ(cli({"import", "cpd", "cpd.csv"}).status, 0);
    writeAll(m_dir / "summary.txt", "I work in reablement, assessing for equipment.\n");
    const fs::path pdf = m_dir / "profile.pdf";
    const Result r = cli({"export", "hcpc-profile", "HW00005", "--output", pdf.string(), "--as-of",
                          "2026-11-25", "--summary-file", (m_dir / "summary.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string text = pdfText(pdf);
    // expected-hcpc-2026-11-25.csv: three gaps, the last one still open.
    EXPECT_TRUE(
        inOrder(text, {"CPD profile: Amara Okafor", "Registration cycle 01/11/2025 to 31/10/2027",
                       "Not met", "a gap of three months or more", "1. Summary of practice history",
                       "I work in reablement, assessing for equipment.", "7 words",
                       "2. Dated list of CPD activities", "Gap: 137 days",
                       "18/12/2025 to 04/05/2026", "Gap: 92 days", "04/05/2026 to 04/08/2026",
                       "Gap still open: 113 days", "04/08/2026 to 25/11/2026",
                       "3. Personal statement", "What I learnt", "4. Supporting evidence"}))
        << text;
}

TEST_P(LearningRecordCli, ExportsOfAnUnknownPersonOrEntryExitTwoAndWriteNothing) {
    const InFolder here(kData);
    ASSERT_EQ(cli({"import", "cpd", "cpd.csv"}).status, 0);
    const fs::path out = m_dir / "out.pdf";
    Result r = cli({"export", "cpd-record", "NOBODY", "--format", "pdf", "--output", out.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("no person with employee id NOBODY"), std::string::npos) << r.err;
    r = cli({"export", "hcpc-profile", "NOBODY", "--output", out.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    r = cli({"export", "hcpc-profile", "HW00005", "--output", out.string(), "--statement",
             "2026-01-01 Not an entry"});
    EXPECT_EQ(r.status, 2) << r.err;
    writeAll(m_dir / "latin1.txt", "Caf\xe9 worker\n");
    r = cli({"export", "hcpc-profile", "HW00005", "--output", out.string(), "--summary-file",
             (m_dir / "latin1.txt").string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("latin1.txt: not UTF-8 text (byte 4)"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
    // How it was called: a format that is not one, no output, a statement not "DATE TITLE".
    EXPECT_EQ(
        cli({"export", "cpd-record", "HW0", "--format", "xlsx", "--output", out.string()}).status,
        1);
    EXPECT_EQ(cli({"export", "cpd-record", "HW0", "--format", "csv"}).status, 1);
    EXPECT_EQ(
        cli({"export", "hcpc-profile", "HW0", "--output", out.string(), "--statement", "yesterday"})
            .status,
        1);
    EXPECT_FALSE(fs::exists(out));
    // The record kinds' own export is as it was.
    r = cli({"export", "staff"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("employee_id,", 0), 0U) << r.out;
}

} // namespace
} // namespace ledger::test
