// The compact load and the incremental engine: an engine fed integer rows gives the same
// statuses as one built from whole records, and one kept current by Ledger::refresh after
// each use case gives the same statuses as one built afresh from the ledger.
#include "demo/generator.h"
#include "ledger.h"
#include "training/compliance.h"

#include "engines.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace ledger;
using ledger::test::EngineTest;
using ledger::test::everyRecord;

namespace {

const Date kToday = makeDate(2026, 11, 25);

/// Every required pair's status on several dates, by employee id and module code (indices
/// may differ between two engines over the same ledger).
std::vector<std::string> fingerprint(const ComplianceEngine& engine) {
    std::vector<std::string> lines;
    for (const Date on : {makeDate(2024, 1, 31), kToday, makeDate(2027, 6, 30)}) {
        const DayNumber day = toDayNumber(on);
        for (const StatusRow& row : engine.statuses(day)) {
            lines.push_back(formatIso(on) + " " + engine.employeeId(row.staff) + " " +
                            engine.moduleCode(row.module) + " " + statusCode(row.status.status) +
                            " " + std::to_string(row.status.expiresOn) + " " +
                            std::to_string(row.status.dueOn));
        }
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

LedgerData council() {
    GeneratorOptions options;
    options.seed = 7;
    options.staff = 120;
    options.teams = 6;
    options.modules = 12;
    options.today = kToday;
    return generateCouncil(options);
}

class CompactLoad : public EngineTest {};
class EngineRefresh : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, CompactLoad, ledger::test::kEngines, ledger::test::engineName);
INSTANTIATE_TEST_SUITE_P(Engines, EngineRefresh, ledger::test::kEngines, ledger::test::engineName);

TEST_P(CompactLoad, GivesTheSameStatusesAsWholeRecords) {
    const LedgerData data = council();
    Ledger ledger =
        ledgers().create("test", [&](Ledger& l) { l.imports().records(data, kToday, "test"); });
    const ComplianceEngine whole(everyRecord(ledger));
    const ComplianceEngine compact = ledger.training().engine();
    EXPECT_EQ(compact.completionCount(), whole.completionCount());
    EXPECT_GT(compact.completionCount(), 1000u);
    EXPECT_EQ(fingerprint(compact), fingerprint(whole));
}

TEST_P(EngineRefresh, StaysEqualToAFreshEngineThroughEveryKindOfWrite) {
    const LedgerData data = council();
    Ledger ledger =
        ledgers().create("test", [&](Ledger& l) { l.imports().records(data, kToday, "test"); });
    LedgerData records = ledger.training().records();
    ComplianceEngine engine = ledger.training().engine();
    (void)ledger.takeChanges();

    std::mt19937 random(2026);
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    int incremental = 0;
    for (int step = 0; step < 60; ++step) {
        const Staff& someone = records.staff[pick(records.staff.size())];
        const Module& module = records.modules[pick(records.modules.size())];
        switch (step % 6) {
        case 0:
        case 1: { // record a completion
            Completion c;
            c.employeeId = someone.employeeId;
            c.moduleCode = module.code;
            c.completedOn = fromDayNumber(toDayNumber(kToday) - static_cast<int>(pick(900)));
            try {
                ledger.training().addCompletion(c, kToday, "test");
            } catch (const ValidationError&) {
                continue; // the same day twice, or before the person started: skip
            }
            break;
        }
        case 2: { // void one of someone's completions
            const auto theirs = ledger.training().completionsOf(someone.employeeId);
            for (const Completion& c : theirs) {
                if (!c.voided) {
                    ledger.training().voidCompletion(c.id, "recorded in error", "test");
                    break;
                }
            }
            break;
        }
        case 3: { // correct a completion's date
            for (const Completion& c : ledger.training().completionsOf(someone.employeeId)) {
                if (!c.voided) {
                    Completion fixed = c;
                    fixed.completedOn = fromDayNumber(toDayNumber(c.completedOn) - 1);
                    try {
                        ledger.training().correctCompletion(fixed, "typo in the date", kToday,
                                                            "test");
                    } catch (const ValidationError&) {
                    }
                    break;
                }
            }
            break;
        }
        case 4: { // move someone to another existing team, or make them a leaver
            Staff moved = someone;
            moved.team = records.staff[pick(records.staff.size())].team;
            if (step % 12 == 4 && !moved.leaveDate) {
                moved.leaveDate = kToday;
            }
            ledger.staff().update(moved, kToday, "test");
            break;
        }
        case 5: { // a new starter, or a module's renewal changed (rebuilds)
            if (step % 12 == 5) {
                Staff added = someone;
                added.id = 0;
                added.employeeId = "NEW" + std::to_string(step);
                added.startDate = makeDate(2026, 1, 5);
                added.leaveDate.reset();
                added.lineManagerId.clear();
                ledger.staff().add(added, kToday, "test");
            } else {
                Module changed = module;
                changed.renewalMonths = changed.renewalMonths ? *changed.renewalMonths + 12 : 36;
                ledger.training().saveModule(changed, false, "test");
            }
            break;
        }
        }
        const auto changes = ledger.takeChanges();
        if (!ledger.training().refresh(records, engine, changes)) {
            ++incremental;
        }
        ASSERT_EQ(fingerprint(engine), fingerprint(ledger.training().engine()))
            << "after step " << step;
        ASSERT_EQ(records.staff, ledger.training().records().staff) << "after step " << step;
    }
    EXPECT_GT(incremental, 35); // most writes did not rebuild
}

TEST_P(EngineRefresh, ChangesAreTakenOnlyWhenCommitted) {
    const LedgerData data = council();
    Ledger ledger =
        ledgers().create("test", [&](Ledger& l) { l.imports().records(data, kToday, "test"); });
    (void)ledger.takeChanges();
    Completion bad;
    bad.employeeId = "NOBODY";
    bad.moduleCode = data.modules.front().code;
    bad.completedOn = kToday;
    EXPECT_THROW(ledger.training().addCompletion(bad, kToday, "test"), ValidationError);
    EXPECT_TRUE(ledger.takeChanges().empty());

    ledger.settings().set("organisation_name", "Somewhere", "test");
    Completion good = bad;
    good.employeeId = data.staff.front().employeeId;
    ledger.training().addCompletion(good, kToday, "test");
    const std::vector<LedgerChange> expected{
        {LedgerChange::Kind::Settings, ""},
        {LedgerChange::Kind::Completions, data.staff.front().employeeId}};
    EXPECT_EQ(ledger.takeChanges(), expected);
    EXPECT_TRUE(ledger.takeChanges().empty());
}

TEST_P(CompactLoad, ReportsHowFarItHasReadAndStopsWhenCancelled) {
    GeneratorOptions options;
    options.seed = 11;
    options.staff = 100;
    options.teams = 4;
    options.modules = 10;
    options.today = kToday;
    options.completionsPerStaff = 90; // about 9,000 rows: more than one report
    const LedgerData data = generateCouncil(options);
    Ledger ledger =
        ledgers().create("test", [&](Ledger& l) { l.imports().records(data, kToday, "test"); });
    std::vector<double> heard;
    Progress listening;
    listening.report = [&](double fraction) {
        heard.push_back(fraction);
        return true;
    };
    const ComplianceEngine engine = ledger.training().engine(&listening);
    EXPECT_EQ(engine.completionCount(), ledger.training().engine().completionCount());
    ASSERT_GE(heard.size(), 2u);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_GE(heard.front(), 0.0);
    EXPECT_LE(heard.back(), 1.0);

    Progress cancelling;
    cancelling.report = [](double) {
        return false;
    };
    EXPECT_THROW((void)ledger.training().engine(&cancelling), Cancelled);
    // The ledger is still usable afterwards.
    EXPECT_EQ(ledger.training().engine().completionCount(), engine.completionCount());
}
