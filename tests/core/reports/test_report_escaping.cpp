// What leaves the product as a report: no spreadsheet formulas in CSV text cells
// (compliance rules section 9), no raw control characters in tables for a terminal.
#include "io/csv.h"
#include "reports/report.h"

#include <gtest/gtest.h>

using namespace ledger;

namespace {

TeamCoverageRow teamRow(std::string team, std::string module) {
    CoverageCell cell;
    cell.required = 4;
    cell.compliant = 2;
    cell.overdue = 2;
    return TeamCoverageRow{std::move(team), std::move(module), cell};
}

StaffStatusRow staffRow(std::string employeeId, std::string team) {
    StaffStatusRow row;
    row.employeeId = std::move(employeeId);
    row.team = std::move(team);
    row.module = "FIRE";
    row.status = Status::Overdue;
    row.expiresOn = makeDate(2025, 7, 20);
    return row;
}

} // namespace

TEST(SpreadsheetSafe, ATextCellStartingAFormulaGetsALeadingQuote) {
    EXPECT_EQ(spreadsheetSafe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(spreadsheetSafe("+44 20 7946 0000"), "'+44 20 7946 0000");
    EXPECT_EQ(spreadsheetSafe("-2+3"), "'-2+3");
    EXPECT_EQ(spreadsheetSafe("@SUM(A1:A9)"), "'@SUM(A1:A9)");
    EXPECT_EQ(spreadsheetSafe("\tTabbed"), "'\tTabbed");
    EXPECT_EQ(spreadsheetSafe("\rReturn"), "'\rReturn");
    // Anything else is left as it is, a formula character inside included.
    EXPECT_EQ(spreadsheetSafe("Carers' Support"), "Carers' Support");
    EXPECT_EQ(spreadsheetSafe("A=B+C-D@E"), "A=B+C-D@E");
    EXPECT_EQ(spreadsheetSafe(" =1"), " =1");
    EXPECT_EQ(spreadsheetSafe(""), "");
}

TEST(SpreadsheetSafe, TeamCsvQuotesOnlyAfterTheLeadingQuote) {
    const std::string csv = formatTeamCoverageCsv(
        {teamRow("=1+2", "SAFE-L3"), teamRow("@A1,B1", "+FIRE"), teamRow("Plain", "-MOD")});
    EXPECT_EQ(csv, "team,module,required,compliant,due_soon,overdue,not_yet_due,coverage_percent\n"
                   "'=1+2,SAFE-L3,4,2,0,2,0,50.0\n"
                   "\"'@A1,B1\",'+FIRE,4,2,0,2,0,50.0\n"
                   "Plain,'-MOD,4,2,0,2,0,50.0\n");
}

TEST(SpreadsheetSafe, StaffCsvEscapesIdsAndTeamsButNotDates) {
    const std::string csv =
        formatStaffStatusCsv({staffRow("-12", "\tLeading tab"), staffRow("@me", "\rCR team")});
    EXPECT_EQ(csv, "employee_id,team,module,status,expires_on,due_on\n"
                   "'-12,'\tLeading tab,FIRE,overdue,2025-07-20,\n"
                   "'@me,\"'\rCR team\",FIRE,overdue,2025-07-20,\n");
}

TEST(EscapeControls, ControlCharactersAreShownNeverRaw) {
    EXPECT_EQ(escapeControls("\x1b[31mRed\x1b[0m"), "\\x1b[31mRed\\x1b[0m");
    EXPECT_EQ(escapeControls(std::string("a\0b\tc\nd\x7f", 8)), "a\\x00b\\x09c\\x0ad\\x7f");
    EXPECT_EQ(escapeControls("x\u009b31m"), "x\\u009b31m"); // C1 CSI, as UTF-8
    EXPECT_EQ(escapeControls("Zoë Ní Bhriain £5 ✓"), "Zoë Ní Bhriain £5 ✓");
}

TEST(EscapeControls, TablesShowEscapesAndStayAligned) {
    const std::string table = formatTeamCoverageTable(
        {teamRow("\x1b[2J\x1b]0;pwned\aEvil", "FIRE"), teamRow("Zoë's team", "FIRE")});
    EXPECT_EQ(table.find('\x1b'), std::string::npos);
    EXPECT_EQ(table.find('\x07'), std::string::npos);
    EXPECT_EQ(table,
              "Team                         Module  Required  Compliant  Due soon  Overdue"
              "  Not yet due  Coverage\n"
              "---------------------------  ------  --------  ---------  --------  -------"
              "  -----------  --------\n"
              "\\x1b[2J\\x1b]0;pwned\\x07Evil  FIRE           4          2         0        2"
              "            0     50.0%\n"
              "Zoë's team                   FIRE           4          2         0        2"
              "            0     50.0%\n");
    const std::string staff = formatStaffStatusTable({staffRow("E1\x1b[8m", "Team\xc2\x9b")});
    EXPECT_NE(staff.find("E1\\x1b[8m  Team\\u009b  FIRE    Overdue  20/07/2025"), std::string::npos)
        << staff;
}
