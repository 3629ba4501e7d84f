// The compact change log (schema 4): an import logged once, records pointing to the entries
// that created and changed them, a person's history by its subject, and old ledgers upgraded
// with their history kept.

#include "io/importer.h"
#include "ledger.h"
#include "reports/report.h"
#include "sqlcipher/sqlcipher_store.h"

#include "engines.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace ledger;
using ledger::test::EngineLedger;
using ledger::test::EngineTest;
using ledger::test::everyCompletion;
using ledger::test::ScratchDir;

namespace {

const Date kToday = makeDate(2026, 11, 25);

const std::string kModules = "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                             "asc_wds_category\n"
                             "FIRE,Fire safety,12,,,,\n"
                             "SAFE,Safeguarding,36,,,,\n";
const std::string kStaff = "employee_id,full_name,email,team,role,start_date,leave_date\n"
                           "E1,Ann Worker,,East,Social Worker,2020-01-06,\n"
                           "E1/2,Di Slash,,West,Social Worker,2021-03-01,\n";
const std::string kCompletions = "employee_id,module,completed_on,expires_on,evidence\n"
                                 "E1,FIRE,2026-01-10,,cert 1\n"
                                 "E1,SAFE,2025-02-01,,\n"
                                 "E1/2,FIRE,2026-02-01,,cert 2\n";

/// Modules and staff imported into a new ledger on the test's engine; `dir` holds files to
/// import from.
struct Imported {
    ScratchDir dir;
    Ledger ledger;
    explicit Imported(EngineLedger& engine) : ledger(engine.create("test")) {
        ledger.imports().csv(ImportKind::Modules, "m.csv", kModules, kToday, false, "Mo");
        ledger.imports().csv(ImportKind::Staff, "s.csv", kStaff, kToday, false, "Sam");
    }
};

std::vector<ChangeLogEntry> entriesOf(Ledger& ledger, std::string_view entity) {
    std::vector<ChangeLogEntry> found;
    for (ChangeLogEntry& e : ledger.audit().changeLog("", "")) {
        if (e.entity == entity) {
            found.push_back(std::move(e));
        }
    }
    return found;
}

std::vector<std::string> errorsOf(Ledger& ledger, const std::string& csv) {
    std::vector<std::string> lines;
    try {
        ledger.imports().csv(ImportKind::Completions, "c.csv", csv, kToday, false, "t");
    } catch (const ValidationError& e) {
        for (const FieldError& f : e.errors()) {
            lines.push_back(formatFieldError(f));
        }
    }
    return lines;
}

class ChangeLog : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ChangeLog, ledger::test::kEngines, ledger::test::engineName);

TEST_P(ChangeLog, AnImportIsOneEntryThatEveryRecordItCreatedPointsTo) {
    Imported c(ledgers());
    const ImportSummary summary =
        c.ledger.imports().csv(ImportKind::Completions, "c.csv", kCompletions, kToday, false, "Cy");
    EXPECT_EQ(summary.added, 3);
    const auto imports = entriesOf(c.ledger, "import");
    ASSERT_EQ(imports.size(), 3u); // modules, staff, completions
    const ChangeLogEntry& entry = imports.back();
    EXPECT_EQ(entry.action, "import");
    EXPECT_EQ(entry.actor, "Cy");
    EXPECT_EQ(entry.recordKey, "c.csv");
    EXPECT_EQ(entry.newValues, R"({"file":"c.csv","sha256":")" + sha256Hex(kCompletions) +
                                   R"(","kind":"completions","added":"3","updated":"0",)"
                                   R"("unchanged":"0"})");
    EXPECT_TRUE(entriesOf(c.ledger, "completion").empty()); // no entry per record
    EXPECT_TRUE(entriesOf(c.ledger, "staff").empty());
    for (const Completion& done : everyCompletion(c.ledger)) {
        const RecordOrigin origin = c.ledger.audit().originOf("completion", done.id);
        ASSERT_TRUE(origin.created.has_value());
        EXPECT_EQ(origin.created->id, entry.id);
        EXPECT_FALSE(origin.changed.has_value());
    }
    const RecordOrigin module =
        c.ledger.audit().originOf("module", c.ledger.training().records().modules.at(0).id);
    ASSERT_TRUE(module.created.has_value());
    EXPECT_EQ(module.created->recordKey, "m.csv");
    EXPECT_EQ(module.created->actor, "Mo");
}

TEST_P(ChangeLog, ReimportingTheSameFileLogsOnlyTheImportAndAChangeLogsItsBeforeAndAfter) {
    Imported c(ledgers());
    c.ledger.imports().csv(ImportKind::Completions, "c.csv", kCompletions, kToday, false, "t");
    const std::size_t before = c.ledger.audit().changeLog("", "").size();
    const ImportSummary again =
        c.ledger.imports().csv(ImportKind::Completions, "c.csv", kCompletions, kToday, false, "t");
    EXPECT_EQ(again.unchanged, 3);
    const auto log = c.ledger.audit().changeLog("", "");
    ASSERT_EQ(log.size(), before + 1); // the event is logged once, with its counts
    EXPECT_EQ(log.back().entity, "import");
    EXPECT_NE(log.back().newValues.find(R"("unchanged":"3")"), std::string::npos);

    std::string changed = kCompletions;
    changed.replace(changed.find("cert 1"), 6, "cert 9");
    const ImportSummary update =
        c.ledger.imports().csv(ImportKind::Completions, "c2.csv", changed, kToday, false, "Ed");
    EXPECT_EQ(update.updated, 1);
    const auto entries = entriesOf(c.ledger, "completion");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "update");
    EXPECT_EQ(entries[0].recordKey, "E1/FIRE/2026-01-10");
    EXPECT_EQ(entries[0].subject, "E1");
    EXPECT_EQ(entries[0].oldValues, R"({"evidence":"cert 1"})");
    EXPECT_EQ(entries[0].newValues, R"({"evidence":"cert 9"})");
    const auto completions = c.ledger.training().completionsOf("E1");
    const auto fire = std::find_if(completions.begin(), completions.end(),
                                   [](const Completion& x) { return x.moduleCode == "FIRE"; });
    const RecordOrigin origin = c.ledger.audit().originOf("completion", fire->id);
    ASSERT_TRUE(origin.created && origin.changed);
    EXPECT_EQ(origin.created->recordKey, "c.csv");
    EXPECT_EQ(origin.changed->id, entries[0].id);
    EXPECT_EQ(origin.changed->actor, "Ed");
}

TEST_P(ChangeLog, EditorsLinkTheirEntriesAndTheSubjectFindsAPersonsHistory) {
    Imported c(ledgers());
    c.ledger.imports().csv(ImportKind::Completions, "c.csv", kCompletions, kToday, false, "t");
    Completion added;
    added.employeeId = "E1";
    added.moduleCode = "FIRE";
    added.completedOn = makeDate(2026, 6, 1);
    const RecordId id = c.ledger.training().addCompletion(added, kToday, "Ed");
    c.ledger.training().voidCompletion(id, "duplicate", "Vi");
    const RecordOrigin origin = c.ledger.audit().originOf("completion", id);
    ASSERT_TRUE(origin.created && origin.changed);
    EXPECT_EQ(origin.created->action, "add");
    EXPECT_EQ(origin.created->actor, "Ed");
    EXPECT_EQ(origin.changed->action, "void");
    EXPECT_EQ(origin.changed->actor, "Vi");

    std::vector<std::pair<std::string, std::string>> seen;
    for (const ChangeLogEntry& e : c.ledger.audit().historyOf("E1")) {
        seen.emplace_back(e.entity + " " + e.recordKey, e.action);
    }
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::string>>{
                        {"import s.csv", "import"},
                        {"import c.csv", "import"},
                        {"completion E1/FIRE/2026-06-01", "add"},
                        {"completion E1/FIRE/2026-06-01", "void"}}));
    // E1/2's keys start with "E1/" but are not E1's, and the other way round.
    ASSERT_EQ(c.ledger.audit().historyOf("E1/2").size(), 2u);
    EXPECT_TRUE(c.ledger.audit().historyOf("E9").empty());
}

TEST_P(ChangeLog, ARepeatedKeyInOneFileIsFoundWithoutHoldingEveryKey) {
    Imported c(ledgers());
    const std::string header = "employee_id,module,completed_on,expires_on,evidence\n";
    EXPECT_EQ(errorsOf(c.ledger, header + "E1,FIRE,2026-01-10,,a\n"
                                          "E1,SAFE,2026-01-10,,\n"
                                          "E1,FIRE,2026-01-10,,b\n"
                                          "E1,FIRE,2026-01-10,,a\n"
                                          "E1,BAD,2026-01-10,,\n"
                                          "E1,BAD,2026-01-10,,x\n"),
              (std::vector<std::string>{
                  "c.csv:4: completed_on: the completion of FIRE by E1 on 2026-01-10 is also on "
                  "line 2 with other values",
                  "c.csv:6: module: no module has code BAD",
                  "c.csv:7: module: no module has code BAD",
                  "c.csv:7: completed_on: the completion of BAD by E1 on 2026-01-10 is also on "
                  "line 6 with other values",
              }));
    EXPECT_TRUE(everyCompletion(c.ledger).empty());
    EXPECT_EQ(entriesOf(c.ledger, "import").size(), 2u); // rolled back with the rest

    const ImportSummary summary = c.ledger.imports().csv(
        ImportKind::Completions, "c.csv", header + "E1,FIRE,2026-01-10,,a\nE1,FIRE,2026-01-10,,a\n",
        kToday, false, "t");
    EXPECT_EQ(summary.added, 1);
    EXPECT_EQ(summary.unchanged, 1);
}

TEST_P(ChangeLog, AFileIsImportedFromItsPathAsFromItsText) {
    Imported c(ledgers());
    test::writeAll(c.dir / "c.csv", kCompletions);
    const ImportSummary dry = c.ledger.imports().file(ImportKind::Completions, c.dir / "c.csv",
                                                      "c.csv", kToday, true, "t");
    EXPECT_EQ(dry.added, 3);
    EXPECT_TRUE(everyCompletion(c.ledger).empty());
    const ImportSummary done = c.ledger.imports().file(ImportKind::Completions, c.dir / "c.csv",
                                                       "c.csv", kToday, false, "t");
    EXPECT_EQ(done.added, 3);
    EXPECT_NE(entriesOf(c.ledger, "import").back().newValues.find(sha256Hex(kCompletions)),
              std::string::npos);
    EXPECT_THROW((void)c.ledger.imports().file(ImportKind::Completions, c.dir / "none.csv",
                                               "none.csv", kToday, false, "t"),
                 ImportFileError);
}

// File-only: the upgrade of an old ledger file (a server's schema starts at its version 1).
TEST(GoldenLedger, ASchema3LedgerUpgradesWithItsBackupSameReportsAndItsHistory) {
    ScratchDir dir;
    const std::filesystem::path golden = std::filesystem::path(LEDGER_TEST_DATA) / "golden";
    const auto path = dir / "schema3.ledger";
    std::filesystem::copy_file(golden / "schema3.ledger", path);
    const char* passphrase = "golden kestrel harbour lantern 1957";
    {
        Ledger ledger = Ledger::open(path, passphrase);
        EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
        ASSERT_EQ(ledger.backupsMade().size(), 1u);
        EXPECT_EQ(ledger.backupsMade()[0], std::filesystem::path(path.string() + ".v3.bak"));
        EXPECT_TRUE(ledger.check().empty());
    }
    Ledger ledger = Ledger::open(path, passphrase, true);
    const ComplianceEngine engine = ledger.training().engine();
    const Date asOf = makeDate(2025, 6, 30);
    EXPECT_EQ(formatTeamCoverageCsv(teamCoverageReport(engine, asOf)),
              test::readAll(golden / "expected-team-2025-06-30.csv"));
    EXPECT_EQ(formatStaffStatusCsv(staffStatusReport(engine, asOf)),
              test::readAll(golden / "expected-staff-2025-06-30.csv"));

    // E00001's history: their record's add and update, their completions' adds, by subject.
    const auto history = ledger.audit().historyOf("E00001");
    const auto has = [&](std::string_view key, std::string_view action, std::string_view actor) {
        return std::any_of(history.begin(), history.end(), [&](const ChangeLogEntry& e) {
            return e.recordKey == key && e.action == action && e.actor == actor &&
                   e.subject == "E00001";
        });
    };
    EXPECT_TRUE(has("E00001", "add", "golden maker"));
    EXPECT_TRUE(has("E00001", "update", "golden editor"));
    EXPECT_TRUE(has("E00001/FIRE/2025-06-01", "add", "golden editor"));
    EXPECT_GT(history.size(), 3u);
    EXPECT_TRUE(std::all_of(history.begin(), history.end(),
                            [](const ChangeLogEntry& e) { return e.subject == "E00001"; }));

    // Old records still say who created and changed them.
    const auto e1 = ledger.staff().find("E00001");
    ASSERT_TRUE(e1.has_value());
    const RecordOrigin origin = ledger.audit().originOf("staff", e1->id);
    ASSERT_TRUE(origin.created && origin.changed);
    EXPECT_EQ(origin.created->actor, "golden maker");
    EXPECT_EQ(origin.changed->actor, "golden editor");
    const auto completions = ledger.training().completionsOf("E00001");
    const auto added =
        std::find_if(completions.begin(), completions.end(), [](const Completion& x) {
            return x.moduleCode == "FIRE" && formatIso(x.completedOn) == "2025-06-01";
        });
    ASSERT_NE(added, completions.end());
    const RecordOrigin completion = ledger.audit().originOf("completion", added->id);
    ASSERT_TRUE(completion.created.has_value());
    EXPECT_EQ(completion.created->actor, "golden editor");
    EXPECT_EQ(completion.created->recordKey, "E00001/FIRE/2025-06-01");
}
