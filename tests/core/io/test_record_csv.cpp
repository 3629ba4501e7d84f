// The records of a ledger as CSV in their import's form (io/record_csv.h): the exact bytes
// (compliance rules section 9), and a round trip through the importer that changes nothing.
#include "io/csv.h"
#include "io/record_csv.h"
#include "ledger.h"
#include "reports/report.h"

#include "engines.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace ledger;
using ledger::test::EngineLedger;
using ledger::test::EngineTest;
using ledger::test::readAll;

namespace {

const Date kToday = makeDate(2026, 11, 25);
const std::string kData = LEDGER_TEST_DATA;

std::string exported(Ledger& ledger, ImportKind kind) {
    std::ostringstream out;
    writeRecordCsv(kind, ledger.training(), out);
    return out.str();
}

void import(Ledger& ledger, ImportKind kind, const std::string& csv) {
    try {
        ledger.imports().csv(kind, importKindName(kind) + ".csv", csv, kToday, false, "test");
    } catch (const ValidationError& e) {
        std::string all;
        for (const FieldError& f : e.errors()) {
            all += formatFieldError(f) + "\n";
        }
        FAIL() << importKindName(kind) << ":\n" << all;
    }
}

constexpr ImportKind kKinds[] = {ImportKind::Staff, ImportKind::Modules, ImportKind::Requirements,
                                 ImportKind::Completions};

class RecordCsv : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, RecordCsv, ledger::test::kEngines, ledger::test::engineName);

// No ledger, so no engine: a plain test, run once.
TEST(RecordCsv, HeadersAreTheImportColumns) {
    EXPECT_EQ(recordCsvHeader(ImportKind::Staff),
              "employee_id,full_name,email,team,role,start_date,leave_date,line_manager_id,"
              "registration_body,registration_number\n");
    EXPECT_EQ(recordCsvHeader(ImportKind::Modules),
              "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
              "asc_wds_category,asc_wds_accredited,asc_wds_who_delivered,asc_wds_provider,"
              "asc_wds_how_delivered\n");
    EXPECT_EQ(recordCsvHeader(ImportKind::Requirements),
              "module,scope,value,due_within_days,effective_from\n");
    EXPECT_EQ(recordCsvHeader(ImportKind::Completions),
              "employee_id,module,completed_on,expires_on,evidence\n");
}

TEST_P(RecordCsv, WritesEachKindsCanonicalTextAsRulesSectionNineSays) {
    Ledger ledger = ledgers().create("test");
    import(ledger, ImportKind::Staff,
           "employee_id,full_name,email,team,role,start_date,leave_date,line_manager_id,"
           "registration_body,registration_number\n"
           "E2,=1+2,ann@example.org,\"East, North\",Social Worker,2021-03-01,2026-03-31,E1,SWE,"
           "SW1\n"
           "E1,Bo Manager,bo@example.org,East,Team Manager,2019-01-01,,,,\n");
    import(ledger, ImportKind::Modules,
           "code,title,renewal_months,renewal_basis,window_days,due_soon_days,asc_wds_category\n"
           "FIRE,Fire safety,12,expiry,60,30,6\n"
           "ED,\"Equality, \"\"diversity\"\"\",none,,,,\n");
    import(ledger, ImportKind::Requirements,
           "module,scope,value,due_within_days,effective_from\n"
           "FIRE,team,\"East, North\",30,2025-04-01\n"
           "ED,all,,90,\n");
    import(ledger, ImportKind::Completions,
           "employee_id,module,completed_on,expires_on,evidence\n"
           "E2,FIRE,2025-02-01,2026-01-31,\n"
           "E1,FIRE,2025-01-10,,\"Attended, \"\"good\"\"\"\n"
           "E2,ED,2024-05-01,,-see file\n"
           "E1,ED,2024-01-01,,recorded for the wrong person\n");
    for (const Completion& c : ledger.training().completionsOf("E1")) {
        if (c.moduleCode == "ED") {
            ledger.training().voidCompletion(c.id, "wrong person", "test");
        }
    }

    EXPECT_EQ(exported(ledger, ImportKind::Staff),
              "employee_id,full_name,email,team,role,start_date,leave_date,line_manager_id,"
              "registration_body,registration_number\n"
              "E1,Bo Manager,bo@example.org,East,Team Manager,2019-01-01,,,,\n"
              "E2,'=1+2,ann@example.org,\"East, North\",Social Worker,2021-03-01,2026-03-31,E1,"
              "SWE,SW1\n");
    EXPECT_EQ(exported(ledger, ImportKind::Modules),
              "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
              "asc_wds_category,asc_wds_accredited,asc_wds_who_delivered,asc_wds_provider,"
              "asc_wds_how_delivered\n"
              "ED,\"Equality, \"\"diversity\"\"\",none,completion,90,60,,,,,\n"
              "FIRE,Fire safety,12,expiry,60,30,6,,,,\n");
    EXPECT_EQ(exported(ledger, ImportKind::Requirements),
              "module,scope,value,due_within_days,effective_from\n"
              "ED,all,,90,\n"
              "FIRE,team,\"East, North\",30,2025-04-01\n");
    // The voided completion is left out.
    EXPECT_EQ(exported(ledger, ImportKind::Completions),
              "employee_id,module,completed_on,expires_on,evidence\n"
              "E1,FIRE,2025-01-10,,\"Attended, \"\"good\"\"\"\n"
              "E2,ED,2024-05-01,,'-see file\n"
              "E2,FIRE,2025-02-01,2026-01-31,\n");
}

TEST_P(RecordCsv, TheImporterTakesOffTheQuoteBeforeAFormulaCharacterInTextCellsOnly) {
    Ledger ledger = ledgers().create("test");
    import(ledger, ImportKind::Staff,
           "employee_id,full_name,email,team,role,start_date,leave_date\n"
           "'=E1,''=1+2,e1@x.org,'+Team,'Role,2019-01-01,\n"
           "E2,'-Ann,e2@x.org,'@Team,Role,2019-01-01,\n");
    const LedgerData data = ledger.training().records();
    ASSERT_EQ(data.staff.size(), 2u);
    EXPECT_EQ(data.staff[0].employeeId, "=E1");
    EXPECT_EQ(data.staff[0].fullName, "'=1+2"); // one quote taken off, the next kept
    EXPECT_EQ(data.staff[0].team, "+Team");
    EXPECT_EQ(data.staff[0].role, "'Role"); // no formula character after it: kept
    EXPECT_EQ(data.staff[1].fullName, "-Ann");
    EXPECT_EQ(data.staff[1].team, "@Team");
    // And written back as they came.
    EXPECT_EQ(exported(ledger, ImportKind::Staff),
              recordCsvHeader(ImportKind::Staff) +
                  "'=E1,''=1+2,e1@x.org,'+Team,'Role,2019-01-01,,,,\n"
                  "E2,'-Ann,e2@x.org,'@Team,Role,2019-01-01,,,,\n");

    // Dates, numbers and choice codes are not text cells: a quote there is still wrong.
    EngineLedger other(GetParam());
    Ledger fresh = other.create("test");
    try {
        fresh.imports().csv(ImportKind::Modules, "m.csv",
                            "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                            "asc_wds_category\n"
                            "X,Title,'-12,,,,\n",
                            kToday, false, "test");
        FAIL() << "a quoted number was accepted";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 1u);
        EXPECT_EQ(e.errors()[0].field, "renewal_months");
    }
}

// No ledger, so no engine: a plain test, run once.
TEST(RecordCsv, SpreadsheetSafeRoundTripsThroughTheImportersReading) {
    for (const std::string text :
         {"=1", "'=1", "''=1", "'plain", "plain", "-", "'", "", "\tx", "'\rx", "A=B"}) {
        EXPECT_EQ(fromSpreadsheetSafe(spreadsheetSafe(text)), text) << text;
    }
    EXPECT_EQ(spreadsheetSafe("'=1"), "''=1");
    EXPECT_EQ(spreadsheetSafe("'x"), "'x");
}

TEST_P(RecordCsv, ASmallCouncilExportedAndImportedIntoANewLedgerReportsTheSame) {
    EngineLedger copied(GetParam());
    Ledger original = ledgers().create("test");
    for (const ImportKind kind : kKinds) {
        import(original, kind, readAll(kData + "/small-council/" + importKindName(kind) + ".csv"));
    }
    Ledger copy = copied.create("test");
    for (const ImportKind kind : kKinds) {
        import(copy, kind, exported(original, kind));
    }
    for (const ImportKind kind : kKinds) {
        EXPECT_EQ(exported(copy, kind), exported(original, kind)) << importKindName(kind);
    }
    // 1,846 rows of which 52 repeat an earlier one exactly.
    EXPECT_EQ(test::everyCompletion(copy).size(), 1794u);
    const ComplianceEngine before = original.training().engine();
    const ComplianceEngine after = copy.training().engine();
    for (const Date asOf : {makeDate(2025, 3, 31), kToday}) {
        const std::string team = formatTeamCoverageCsv(teamCoverageReport(before, asOf));
        EXPECT_EQ(formatTeamCoverageCsv(teamCoverageReport(after, asOf)), team);
        EXPECT_EQ(team,
                  readAll(kData + "/small-council/expected-team-" + formatIso(asOf) + ".csv"));
        const std::string staff = formatStaffStatusCsv(staffStatusReport(before, asOf));
        EXPECT_EQ(formatStaffStatusCsv(staffStatusReport(after, asOf)), staff);
        EXPECT_EQ(staff,
                  readAll(kData + "/small-council/expected-staff-" + formatIso(asOf) + ".csv"));
    }
}
