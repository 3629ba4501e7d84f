// Completions imports whose rows come in runs of one person (the writer then reads each
// person's stored completions at once): the same outcomes as rows looked up one by one.
#include "ledger.h"

#include "engines.h"
#include "test_support.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace ledger;
using ledger::test::EngineTest;

namespace {

const Date kToday = makeDate(2026, 11, 25);

const char* kModules = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                       "asc_wds_category\n"
                       "FIRE,Fire safety,12,expiry,60,30,6\n"
                       "ED,\"Equality, diversity\",none,,,,23\n";

std::string staffCsv() {
    std::string csv = "employee_id,full_name,email,team,role,start_date,leave_date\n";
    for (int p = 1; p <= 6; ++p) {
        csv += "E" + std::to_string(p) + ",Person " + std::to_string(p) +
               ",p@example.org,East,Social Worker,2019-01-01,\n";
    }
    return csv;
}

std::string row(int person, int n, const std::string& evidence) {
    const int day = 1 + n;
    return "E" + std::to_string(person) + "," + (n % 2 ? "ED" : "FIRE") + ",2025-02-" +
           (day < 10 ? "0" : "") + std::to_string(day) + ",," + evidence + "\n";
}

const std::string kHeader = "employee_id,module,completed_on,expires_on,evidence\n";

std::string firstFile() {
    std::string csv = kHeader;
    for (int p = 1; p <= 6; ++p) {
        for (int n = 0; n < 5; ++n) {
            csv += row(p, n, "cert");
        }
    }
    return csv;
}

class ImportRuns : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ImportRuns, ledger::test::kEngines, ledger::test::engineName);

TEST_P(ImportRuns, PeopleInRunsAreAddedComparedUpdatedAndKeptVoid) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    ledger.imports().csv(ImportKind::Staff, "s.csv", staffCsv(), kToday, false, "t");
    const auto dry =
        ledger.imports().csv(ImportKind::Completions, "c.csv", firstFile(), kToday, true, "t");
    EXPECT_EQ(dry.added, 30);
    const auto first =
        ledger.imports().csv(ImportKind::Completions, "c.csv", firstFile(), kToday, false, "t");
    EXPECT_EQ(first.added, 30);
    EXPECT_EQ(first.unchanged, 0);
    const auto again =
        ledger.imports().csv(ImportKind::Completions, "c.csv", firstFile(), kToday, false, "t");
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.updated, 0);
    EXPECT_EQ(again.unchanged, 30);

    const auto e4 = ledger.training().completionsOf("E4");
    ASSERT_EQ(e4.size(), 5u);
    ledger.training().voidCompletion(e4[0].id, "recorded in error", "t");

    std::string second = kHeader;
    for (int p = 1; p <= 6; ++p) {
        for (int n = 0; n < 5; ++n) {
            if (p == 3 && n == 2) {
                second += row(p, n, "cert v2"); // updated
            } else if (p == 4) {
                second += row(p, n, "other"); // 1 voided (kept), 4 updated
            } else {
                second += row(p, n, "cert");
            }
        }
        if (p == 5) {
            second += row(p, 9, "new"); // added
        }
    }
    second += row(2, 1, "cert"); // a repeat of an earlier row: no change
    for (const bool dryRun : {true, false}) {
        const auto s =
            ledger.imports().csv(ImportKind::Completions, "c2.csv", second, kToday, dryRun, "t");
        EXPECT_EQ(s.added, 1);
        EXPECT_EQ(s.updated, 5);
        EXPECT_EQ(s.unchanged, 26);
        ASSERT_EQ(s.notices.size(), 1u);
    }
    const auto e3 = ledger.training().completionsOf("E3");
    EXPECT_EQ(std::count_if(e3.begin(), e3.end(),
                            [](const Completion& c) { return c.evidence == "cert v2"; }),
              1);
    const auto e4after = ledger.training().completionsOf("E4");
    EXPECT_EQ(std::count_if(e4after.begin(), e4after.end(),
                            [](const Completion& c) { return c.voided && c.evidence == "cert"; }),
              1);
    EXPECT_EQ(std::count_if(e4after.begin(), e4after.end(),
                            [](const Completion& c) { return c.evidence == "other"; }),
              4);
    const auto e5 = ledger.training().completionsOf("E5");
    ASSERT_EQ(e5.size(), 6u);
    const auto added =
        std::find_if(e5.begin(), e5.end(), [](const Completion& c) { return c.evidence == "new"; });
    ASSERT_NE(added, e5.end());
    const RecordOrigin origin = ledger.audit().originOf("completion", added->id);
    ASSERT_TRUE(origin.created.has_value());
    EXPECT_EQ(origin.created->action, "import");
    const auto history = ledger.audit().historyOf("E3");
    EXPECT_TRUE(std::any_of(history.begin(), history.end(), [](const ChangeLogEntry& e) {
        return e.action == "update" && e.newValues.find("cert v2") != std::string::npos;
    }));

    // The same again, all unchanged; then a person's rows in two runs.
    const auto third =
        ledger.imports().csv(ImportKind::Completions, "c2.csv", second, kToday, false, "t");
    EXPECT_EQ(third.added + third.updated, 0);
    std::string split = kHeader;
    for (int p = 1; p <= 6; ++p) {
        for (int n = 10; n < 13; ++n) {
            split += row(p, n, "late");
        }
    }
    for (int p = 1; p <= 6; ++p) {
        split += row(p, 13, "later");
        split += row(p, 10, "late"); // seen in this file already: a repeat
    }
    const auto s =
        ledger.imports().csv(ImportKind::Completions, "c3.csv", split, kToday, false, "t");
    EXPECT_EQ(s.added, 24);
    EXPECT_EQ(s.unchanged, 6);
    EXPECT_EQ(ledger.training().completionsOf("E6").size(), 9u);
}

TEST_P(ImportRuns, ARepeatWithOtherValuesInALaterRunIsAProblemAndNothingIsWritten) {
    Ledger ledger = ledgers().create("test");
    ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "t");
    ledger.imports().csv(ImportKind::Staff, "s.csv", staffCsv(), kToday, false, "t");
    std::string csv = firstFile();
    csv += row(2, 3, "changed");
    EXPECT_THROW(ledger.imports().csv(ImportKind::Completions, "c.csv", csv, kToday, false, "t"),
                 ValidationError);
    EXPECT_TRUE(ledger.training().completionsOf("E2").empty());
}
