// CSV parsing and the four imports: validation, all-or-nothing, idempotence.
#include "io/csv.h"
#include "ledger.h"

#include "engines.h"
#include "test_support.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace ledger;
using ledger::test::Engine;
using ledger::test::EngineTest;
using ledger::test::everyCompletion;

namespace {

const Date kToday = makeDate(2026, 11, 25);

const char* kModules = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                       "asc_wds_category\n"
                       "FIRE,Fire safety,12,expiry,60,30,6\n"
                       "ED,\"Equality, diversity\",none,,,,23\n";

const char* kStaff = "employee_id,full_name,email,team,role,start_date,leave_date,"
                     "line_manager_id,registration_body,registration_number\n"
                     "E2,Ann Worker,ann@example.org,East,Social Worker,2021-03-01,,E1,SWE,SW1\n"
                     "E1,Bo Manager,bo@example.org,East,Team Manager,2019-01-01,,,,\n";

std::vector<std::string> messages(const ValidationError& e) {
    std::vector<std::string> out;
    for (const FieldError& f : e.errors()) {
        out.push_back(formatFieldError(f));
    }
    return out;
}

std::vector<std::string> importErrors(Ledger& ledger, ImportKind kind, const std::string& csv) {
    try {
        ledger.imports().csv(kind, "in.csv", csv, kToday, false, "test");
    } catch (const ValidationError& e) {
        return messages(e);
    }
    return {};
}

class Import : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Import, ledger::test::kEngines, ledger::test::engineName);

TEST(Csv, ParsesQuotesCommasNewlinesAndBom) {
    const CsvDocument doc =
        parseCsv("\xEF\xBB\xBF"
                 "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n");
    ASSERT_TRUE(doc.errors.empty());
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[0].fields, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(doc.records[1].fields,
              (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(doc.records[1].line, 2);
    EXPECT_EQ(doc.records[2].fields, (std::vector<std::string>{"last", "", ""}));
    EXPECT_EQ(doc.records[2].line, 5);
}

TEST(Csv, ReportsBrokenQuotingAndBadUtf8WithTheLine) {
    EXPECT_EQ(parseCsv("a\n\"open\n").errors.at(0).line, 2);
    EXPECT_EQ(parseCsv("a,b\nx,\"y\"z\n").errors.at(0).line, 2);
    EXPECT_EQ(parseCsv("a\nok\nbad \xC3\x28\n").errors.at(0).line, 3);
    EXPECT_EQ(parseCsv("a\n\xED\xA0\x80\n").errors.size(), 1u); // a UTF-16 surrogate
}

TEST(Csv, AByteOrderMarkInsideTheTextSurvivesAWriteAndARead) {
    // Found by fuzz_csv: a record holding only U+FEFF, written first, read back as a BOM.
    const CsvDocument doc = parseCsv("\n\xEF\xBB\xBF\r\n");
    ASSERT_EQ(doc.records.size(), 1u);
    const std::string written = csvLine(doc.records[0].fields);
    EXPECT_EQ(written, "\"\xEF\xBB\xBF\"\n");
    const CsvDocument again = parseCsv(written);
    ASSERT_EQ(again.records.size(), 1u);
    EXPECT_EQ(again.records[0].fields, doc.records[0].fields);
}

TEST(Csv, QuotesOnlyWhereNeeded) {
    EXPECT_EQ(csvLine({"plain", "with,comma", "with \"quote\"", "Zoë"}),
              "plain,\"with,comma\",\"with \"\"quote\"\"\",Zoë\n");
}

TEST_P(Import, AddsThenFindsNothingToChangeTheSecondTime) {
    Ledger ledger = ledgers().create("test");
    auto first = ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    EXPECT_EQ(first.added, 2);
    auto second = ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    EXPECT_EQ(second.added, 0);
    EXPECT_EQ(second.updated, 0);
    EXPECT_EQ(second.unchanged, 2);
    const auto modules = ledger.training().records().modules;
    ASSERT_EQ(modules.size(), 2u);
    EXPECT_EQ(modules[0].code, "ED");
    EXPECT_FALSE(modules[0].renewalMonths);
    EXPECT_EQ(modules[0].windowDays, 90);
    EXPECT_EQ(modules[0].dueSoonDays, 60);
    EXPECT_EQ(modules[0].renewalBasis, RenewalBasis::Completion);
    EXPECT_EQ(modules[1].renewalBasis, RenewalBasis::Expiry);
}

TEST_P(Import, ARowWhoseKeyExistsWithOtherValuesUpdatesIt) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    const std::string changed = "code,title,renewal_months,renewal_basis,window_days,"
                                "due_soon_days,asc_wds_category\nFIRE,Fire safety,24,expiry,60,"
                                "30,6\nNEW,New module,12,,,,\n";
    const auto summary =
        ledger.imports().csv(ImportKind::Modules, "m.csv", changed, kToday, false, "t");
    EXPECT_EQ(summary.added, 1);
    EXPECT_EQ(summary.updated, 1);
    EXPECT_EQ(summary.unchanged, 0);
    EXPECT_EQ(ledger.training().records().modules.size(), 3u);
}

TEST_P(Import, DryRunCountsAndWritesNothing) {
    Ledger ledger = ledgers().create("test");
    const auto summary =
        ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, true, "t");
    EXPECT_EQ(summary.added, 2);
    EXPECT_TRUE(ledger.training().records().modules.empty());
}

TEST_P(Import, StaffWithLineManagersLaterInTheFileAndTeamsCreatedByName) {
    Ledger ledger = ledgers().create("test");
    const auto summary =
        ledger.imports().csv(ImportKind::Staff, "s.csv", kStaff, kToday, false, "t");
    EXPECT_EQ(summary.added, 2);
    const auto staff = ledger.training().records().staff;
    ASSERT_EQ(staff.size(), 2u);
    EXPECT_EQ(staff[1].lineManagerId, "E1");
    EXPECT_EQ(staff[1].registrationBody, RegistrationBody::SocialWorkEngland);
}

TEST_P(Import, EveryProblemIsReportedByLineAndNothingIsWritten) {
    Ledger ledger = ledgers().create("test");
    const std::string csv = "employee_id,full_name,email,team,role,start_date,leave_date\n"
                            "E1,Good Person,good@example.org,East,Worker,2020-01-01,\n"
                            "E2,,not-an-email,East,Worker,2020-02-30,\n"
                            "E3,Left Early,e3@example.org,East,Worker,2020-05-01,2020-04-30\n"
                            "E1,Other Person,good@example.org,East,Worker,2020-01-01,\n"
                            "E4,Short,e4@example.org,East\n";
    EXPECT_EQ(importErrors(ledger, ImportKind::Staff, csv),
              (std::vector<std::string>{
                  "in.csv:3: start_date: '2020-02-30' is not a date in the form YYYY-MM-DD",
                  "in.csv:3: full_name: a name is required",
                  "in.csv:3: email: 'not-an-email' is not an email address",
                  "in.csv:4: leave_date: the leave date is before the start date",
                  "in.csv:5: employee_id: employee id E1 is also on line 2 with other values",
                  "in.csv:6: role: the record has 4 fields but the header has 7",
              }));
    EXPECT_TRUE(ledger.training().records().staff.empty());
    // Only the creation, which Ledger::create logs on a file and `server init` does not.
    EXPECT_EQ(ledger.audit().changeLog("", "").size(), GetParam() == Engine::File ? 1u : 0u);
}

TEST_P(Import, HeaderProblemsNameTheColumnOnLineOne) {
    Ledger ledger = ledgers().create("test");
    EXPECT_EQ(importErrors(ledger, ImportKind::Requirements,
                           "module,scope,Value,due_within_days,effective_from\n"),
              (std::vector<std::string>{"in.csv:1: value: column is missing from the header"}));
    EXPECT_EQ(importErrors(ledger, ImportKind::Requirements, ""),
              (std::vector<std::string>{"in.csv:1: the file has no header line"}));
    EXPECT_EQ(importErrors(ledger, ImportKind::Requirements,
                           "module,scope,value,value,due_within_days,effective_from\n"),
              (std::vector<std::string>{"in.csv:1: value: column appears twice in the header"}));
}

TEST_P(Import, UnknownColumnsAreReportedAndIgnored) {
    Ledger ledger = ledgers().create("test");
    const std::string csv = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                            "asc_wds_category,owner\nFIRE,Fire safety,12,,,,6,Sam\n";
    const auto summary =
        ledger.imports().csv(ImportKind::Modules, "m.csv", csv, kToday, false, "t");
    EXPECT_EQ(summary.added, 1);
    ASSERT_EQ(summary.notices.size(), 1u);
    EXPECT_EQ(formatFieldError(summary.notices[0]),
              "m.csv:1: owner: column is not used by a modules import and was ignored");
}

TEST_P(Import, ModuleValuesAreCheckedAgainstTheirRanges) {
    Ledger ledger = ledgers().create("test");
    const std::string csv = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                            "asc_wds_category\n"
                            "A,A,0,,,,\n"
                            "B,B,1000,sometimes,3651,-1,24\n"
                            "C,C,12.5,,,,99\n";
    EXPECT_EQ(importErrors(ledger, ImportKind::Modules, csv),
              (std::vector<std::string>{
                  "in.csv:2: renewal_months: '0' is not a whole number of months (or none) from "
                  "1 to 999",
                  "in.csv:3: renewal_months: '1000' is not a whole number of months (or none) "
                  "from 1 to 999",
                  "in.csv:3: renewal_basis: 'sometimes' is not completion or expiry",
                  "in.csv:3: window_days: '3651' is not a whole number of days from 0 to 3650",
                  "in.csv:3: due_soon_days: '-1' is not a whole number of days from 0 to 3650",
                  "in.csv:3: asc_wds_category: not an ASC-WDS training category code (24)",
                  "in.csv:4: renewal_months: '12.5' is not a whole number of months (or none) "
                  "from 1 to 999",
                  "in.csv:4: asc_wds_category: not an ASC-WDS training category code (99)",
              }));
}

TEST_P(Import, RequirementScopesAndReferences) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    const std::string csv = "module,scope,value,due_within_days,effective_from\n"
                            "FIRE,all,,30,\n"
                            "FIRE,team,,30,\n"
                            "FIRE,all,East,30,\n"
                            "NOPE,role,Worker,30,\n"
                            "ED,everyone,,30,2026-13-01\n"
                            "FIRE,all,,60,\n";
    EXPECT_EQ(importErrors(ledger, ImportKind::Requirements, csv),
              (std::vector<std::string>{
                  "in.csv:3: value: a team name is required",
                  "in.csv:4: value: a rule for all staff takes no value",
                  "in.csv:5: module: no module has code NOPE",
                  "in.csv:6: scope: 'everyone' is not all, team or role",
                  "in.csv:6: effective_from: '2026-13-01' is not a date in the form YYYY-MM-DD",
                  "in.csv:7: module: the rule FIRE/all/ is also on line 2 with other values",
              }));
    EXPECT_TRUE(ledger.training().records().requirements.empty());
}

TEST_P(Import, CompletionsNeedKnownPeopleAndModulesAndNoFutureDates) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    ledger.imports().csv(ImportKind::Staff, "s.csv", kStaff, kToday, false, "t");
    const std::string csv = "employee_id,module,completed_on,expires_on,evidence\n"
                            "E1,FIRE,2026-11-25,,today is fine\n"
                            "E1,FIRE,2026-11-26,,\n"
                            "E9,FIRE,2025-01-01,,\n"
                            "E2,GONE,2025-01-01,,\n"
                            "E2,FIRE,2025-01-01,2024-12-31,\n"
                            "E2,ED,2025-01-01,,a\n"
                            "E2,ED,2025-01-01,,b\n"
                            "E2,ED,,,\n";
    EXPECT_EQ(importErrors(ledger, ImportKind::Completions, csv),
              (std::vector<std::string>{
                  "in.csv:3: completed_on: the completion date 2026-11-26 is after today "
                  "(2026-11-25)",
                  "in.csv:4: employee_id: no staff member has employee id E9",
                  "in.csv:5: module: no module has code GONE",
                  "in.csv:6: expires_on: the expiry date is before the completion date",
                  "in.csv:8: completed_on: the completion of ED by E2 on 2025-01-01 is also on "
                  "line 7 with other values",
                  "in.csv:9: completed_on: a date is required (YYYY-MM-DD)",
              }));
    EXPECT_TRUE(everyCompletion(ledger).empty());
}

TEST_P(Import, TheSameCompletionTwiceIsOneRecord) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    ledger.imports().csv(ImportKind::Staff, "s.csv", kStaff, kToday, false, "t");
    const std::string csv = "employee_id,module,completed_on,expires_on,evidence\n"
                            "E1,FIRE,2025-01-01,,cert.pdf\n"
                            "E1,FIRE,2025-01-01,,cert.pdf\n";
    const auto first =
        ledger.imports().csv(ImportKind::Completions, "c.csv", csv, kToday, false, "t");
    EXPECT_EQ(first.added, 1);
    const auto again =
        ledger.imports().csv(ImportKind::Completions, "c.csv", csv, kToday, false, "t");
    EXPECT_EQ(first.unchanged, 1); // the repeated row changes nothing
    EXPECT_EQ(again.unchanged, 2);
    EXPECT_EQ(everyCompletion(ledger).size(), 1u);
    const std::string corrected = "employee_id,module,completed_on,expires_on,evidence\n"
                                  "E1,FIRE,2025-01-01,2026-01-31,cert-v2.pdf\n";
    const auto fix =
        ledger.imports().csv(ImportKind::Completions, "c.csv", corrected, kToday, false, "t");
    EXPECT_EQ(fix.updated, 1);
    const auto stored = everyCompletion(ledger);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].evidence, "cert-v2.pdf");
    EXPECT_EQ(stored[0].expiresOn, makeDate(2026, 1, 31));
}

TEST_P(Import, OptionalStaffColumnsLeftOutKeepWhatTheLedgerHolds) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Staff, "s.csv", kStaff, kToday, false, "t");
    const std::string without = "employee_id,full_name,email,team,role,start_date,leave_date\n"
                                "E2,Ann Worker,ann@example.org,West,Social Worker,2021-03-01,\n";
    const auto summary =
        ledger.imports().csv(ImportKind::Staff, "s.csv", without, kToday, false, "t");
    EXPECT_EQ(summary.updated, 1);
    const auto staff = ledger.training().records().staff;
    ASSERT_EQ(staff.size(), 2u);
    EXPECT_EQ(staff[1].team, "West");
    EXPECT_EQ(staff[1].lineManagerId, "E1");
    EXPECT_EQ(staff[1].registrationBody, RegistrationBody::SocialWorkEngland);
    EXPECT_EQ(staff[1].registrationNumber, "SW1");
}

TEST_P(Import, BrokenQuotingInOneRecordHidesNoOtherProblem) {
    Ledger ledger = ledgers().create("test");
    const std::string csv = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                            "asc_wds_category\n"
                            "A,A,0,,,,\n"
                            "B,\"two\nlines\"x,12,,,,\n"
                            "C,C,12,sometimes,,,\n";
    EXPECT_EQ(importErrors(ledger, ImportKind::Modules, csv),
              (std::vector<std::string>{
                  "in.csv:2: renewal_months: '0' is not a whole number of months (or none) from "
                  "1 to 999",
                  "in.csv:3: title: unexpected text after a closing quote (write \"\" for a "
                  "quote)",
                  "in.csv:5: renewal_basis: 'sometimes' is not completion or expiry",
              }));
    EXPECT_TRUE(ledger.training().records().modules.empty());
}

TEST_P(Import, StoredRowsAmongManyNewOnesAreStillComparedUpdatedOrKeptVoid) {
    // After many new rows the importer inserts first; a stored row met then must still be
    // compared (unchanged, updated with its change-log entry, or left void).
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    ledger.imports().csv(ImportKind::Staff, "s.csv", kStaff, kToday, false, "t");
    const std::string header = "employee_id,module,completed_on,expires_on,evidence\n";
    const auto row = [](int n, const char* evidence) { // a different day for each n < 84
        const int month = 1 + n / 28;
        const int day = 1 + n % 28;
        return std::string("E2,FIRE,2025-0") + std::to_string(month) + (day < 10 ? "-0" : "-") +
               std::to_string(day) + ",," + evidence + "\n";
    };
    ledger.imports().csv(ImportKind::Completions, "c1.csv",
                         header + row(0, "first") + row(1, "second") + row(2, "third"), kToday,
                         false, "t");
    const auto stored = ledger.training().completionsOf("E2");
    ASSERT_EQ(stored.size(), 3u);
    const auto third = std::find_if(stored.begin(), stored.end(),
                                    [](const Completion& c) { return c.evidence == "third"; });
    ledger.training().voidCompletion(third->id, "recorded in error", "t");

    std::string again = header;
    for (int day = 3; day < 43; ++day) {
        again += row(day, "new");
    }
    again += row(0, "first");          // stored, the same
    again += row(1, "second checked"); // stored, other evidence
    again += row(2, "third again");    // stored and voided
    const auto summary =
        ledger.imports().csv(ImportKind::Completions, "c2.csv", again, kToday, false, "t");
    EXPECT_EQ(summary.added, 40);
    EXPECT_EQ(summary.updated, 1);
    EXPECT_EQ(summary.unchanged, 2);
    ASSERT_EQ(summary.notices.size(), 1u);
    const auto after = ledger.training().completionsOf("E2");
    EXPECT_EQ(after.size(), 43u);
    EXPECT_EQ(std::count_if(after.begin(), after.end(),
                            [](const Completion& c) { return c.evidence == "second checked"; }),
              1);
    EXPECT_EQ(
        std::count_if(after.begin(), after.end(), [](const Completion& c) { return c.voided; }), 1);
    const auto updates = ledger.audit().historyOf("E2");
    EXPECT_TRUE(std::any_of(updates.begin(), updates.end(), [](const ChangeLogEntry& e) {
        return e.action == "update" && e.newValues.find("second checked") != std::string::npos;
    }));
}
