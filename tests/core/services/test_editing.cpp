// The editors' use cases (staff, teams, roles, modules, rules, completions, settings), voiding,
// versions and stale saves, the schema 1 -> 2 upgrade, the single writer and import progress
// (change detection is store/test_change_feed.cpp's).
#include "ledger.h"
#include "sqlcipher/sqlcipher_store.h"

#include "engines.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

using namespace ledger;
using ledger::test::EngineLedger;
using ledger::test::EngineTest;
using ledger::test::everyCompletion;
using ledger::test::everyRecord;
using ledger::test::ScratchDir;

namespace {

const Date kToday = makeDate(2026, 11, 25);
const char* kPassphrase = EngineLedger::kPassphrase;

Module module(const char* code, const char* title, std::optional<int> months) {
    Module m;
    m.code = code;
    m.title = title;
    m.renewalMonths = months;
    return m;
}

Staff person(const char* id, const char* name, const char* team, const char* role) {
    Staff s;
    s.employeeId = id;
    s.fullName = name;
    s.team = team;
    s.role = role;
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

Requirement rule(const char* moduleCode, Scope scope, const char* value) {
    Requirement r;
    r.moduleCode = moduleCode;
    r.scope = scope;
    r.value = value;
    r.dueWithinDays = 30;
    return r;
}

Completion completion(const char* employeeId, const char* moduleCode, Date on) {
    Completion c;
    c.employeeId = employeeId;
    c.moduleCode = moduleCode;
    c.completedOn = on;
    return c;
}

/// A small council built through the editors: two modules, two people in two teams, three
/// rules (all, team East, role Occupational Therapist) and three completions.
struct Council {
    EngineLedger& where;
    Ledger ledger;
    RecordId annFire = 0;

    explicit Council(EngineLedger& engine) : where(engine), ledger(engine.create("test")) {
        ledger.training().saveModule(module("FIRE", "Fire safety", 12), true, "test");
        ledger.training().saveModule(module("SAFE", "Safeguarding adults", 36), true, "test");
        ledger.staff().add(person("E1", "Ann Worker", "East", "Social Worker"), kToday, "test");
        ledger.staff().add(person("E2", "Bo Carer", "West", "Occupational Therapist"), kToday,
                           "test");
        ledger.training().saveRequirement(rule("FIRE", Scope::All, ""), "test");
        ledger.training().saveRequirement(rule("SAFE", Scope::Team, "East"), "test");
        ledger.training().saveRequirement(rule("SAFE", Scope::Role, "Occupational Therapist"),
                                          "test");
        annFire = ledger.training().addCompletion(completion("E1", "FIRE", makeDate(2026, 6, 1)),
                                                  kToday, "test");
        ledger.training().addCompletion(completion("E1", "SAFE", makeDate(2025, 1, 10)), kToday,
                                        "test");
        ledger.training().addCompletion(completion("E2", "FIRE", makeDate(2026, 2, 1)), kToday,
                                        "test");
    }
};

/// The field errors a use case threw, each checked to come from a form (line 0, no file).
std::vector<FieldError> errorsOf(const std::function<void()>& work) {
    try {
        work();
    } catch (const ValidationError& e) {
        for (const FieldError& f : e.errors()) {
            EXPECT_EQ(f.line, 0) << f.message;
            EXPECT_TRUE(f.file.empty()) << f.message;
        }
        return e.errors();
    }
    ADD_FAILURE() << "expected a ValidationError";
    return {};
}

std::vector<std::string> fieldsOf(const std::vector<FieldError>& errors) {
    std::vector<std::string> fields;
    for (const FieldError& e : errors) {
        fields.push_back(e.field);
    }
    std::sort(fields.begin(), fields.end());
    return fields;
}

std::string statusOf(Ledger& ledger, const char* employeeId, const char* moduleCode) {
    const ComplianceEngine engine = ledger.training().engine();
    const auto staff = engine.findStaff(employeeId);
    const auto mod = engine.findModule(moduleCode);
    if (!staff || !mod) {
        return "unknown";
    }
    for (const StatusRow& row : engine.statusesOf(*staff, toDayNumber(kToday))) {
        if (row.module == *mod) {
            return statusCode(row.status.status);
        }
    }
    return "not required";
}

using Counts = std::tuple<int, int, int, int, int>;

Counts coverageOf(Ledger& ledger, const char* team, const char* moduleCode) {
    const ComplianceEngine engine = ledger.training().engine();
    const auto t = engine.findTeam(team);
    const auto m = engine.findModule(moduleCode);
    if (!t || !m) {
        return {-1, -1, -1, -1, -1};
    }
    const CoverageTable table = engine.coverageByTeam(toDayNumber(kToday));
    const CoverageCell& c = table.cell(*t, *m);
    return {c.required, c.compliant, c.dueSoon, c.overdue, c.notYetDue};
}

const Completion* findCompletion(const std::vector<Completion>& list, RecordId id) {
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const Completion& c) { return c.id == id; });
    return it == list.end() ? nullptr : &*it;
}

class Editing : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Editing, ledger::test::kEngines, ledger::test::engineName);

TEST_P(Editing, AddStaffCreatesTeamAndRoleByNameAndLogsTheAdd) {
    Council c(ledgers());
    Staff s = person("E3", "Cy Newstarter", "North", "Team Manager");
    s.email = "cy@example.org";
    s.lineManagerId = "E1";
    c.ledger.staff().add(s, kToday, "Sam Lead");
    const LedgerData data = c.ledger.training().records();
    ASSERT_EQ(data.staff.size(), 3u);
    EXPECT_EQ(data.staff[2].employeeId, "E3");
    EXPECT_EQ(data.staff[2].team, "North");
    EXPECT_EQ(c.ledger.staff().teams(), (std::vector<std::string>{"East", "North", "West"}));
    EXPECT_EQ(
        c.ledger.staff().roles(),
        (std::vector<std::string>{"Occupational Therapist", "Social Worker", "Team Manager"}));
    const auto log = c.ledger.audit().changeLog("staff", "E3");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "add");
    EXPECT_EQ(log[0].actor, "Sam Lead");
    EXPECT_NE(log[0].newValues.find(R"("full_name":"Cy Newstarter")"), std::string::npos);
}

TEST_P(Editing, AddStaffReportsEveryProblemAtOnceIncludingAUsedEmployeeId) {
    Council c(ledgers());
    Staff s = person("E1", "", "East", "Social Worker");
    s.email = "not an address";
    s.leaveDate = makeDate(2019, 1, 1);
    const auto errors = errorsOf([&] { c.ledger.staff().add(s, kToday, "test"); });
    EXPECT_EQ(fieldsOf(errors),
              (std::vector<std::string>{"email", "employee_id", "full_name", "leave_date"}));
    const auto used = std::find_if(errors.begin(), errors.end(),
                                   [](const FieldError& e) { return e.field == "employee_id"; });
    ASSERT_NE(used, errors.end());
    EXPECT_EQ(used->message, "employee id E1 is already in use");
    EXPECT_EQ(c.ledger.staff().find("E1").value().fullName, "Ann Worker");
    EXPECT_EQ(c.ledger.audit().changeLog("staff", "E1").size(), 1u);
}

TEST_P(Editing, UpdateStaffMovesAPersonAndLogsOnlyWhatChanged) {
    Council c(ledgers());
    Staff moved = c.ledger.staff().find("E1").value();
    moved.team = "West";
    moved.leaveDate = makeDate(2026, 12, 31);
    c.ledger.staff().update(moved, kToday, "Sam Lead");
    EXPECT_EQ(c.ledger.staff().find("E1").value(), moved);
    const auto log = c.ledger.audit().changeLog("staff", "E1");
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].action, "update");
    EXPECT_EQ(log[1].oldValues, R"({"team":"East","leave_date":""})");
    EXPECT_EQ(log[1].newValues, R"({"team":"West","leave_date":"2026-12-31"})");

    c.ledger.staff().update(moved, kToday, "Sam Lead"); // the same again changes nothing
    EXPECT_EQ(c.ledger.audit().changeLog("staff", "E1").size(), 2u);

    const auto errors = errorsOf(
        [&] { c.ledger.staff().update(person("E9", "Nobody", "East", "X"), kToday, "test"); });
    EXPECT_EQ(fieldsOf(errors), (std::vector<std::string>{"employee_id"}));
}

/// The StaleRecord a save threw, or a failure.
StaleRecord staleOf(const std::function<void()>& work) {
    try {
        work();
    } catch (const StaleRecord& e) {
        return e;
    }
    ADD_FAILURE() << "expected a StaleRecord";
    return StaleRecord("", "", "");
}

TEST_P(Editing, EveryRecordCarriesAVersionThatEachSaveMovesOn) {
    Council c(ledgers());
    EXPECT_EQ(c.ledger.staff().find("E1")->version.value, 1);
    EXPECT_EQ(c.ledger.training().completion(c.annFire)->version.value, 1);
    const LedgerData catalog = c.ledger.training().records();
    for (const Module& m : catalog.modules) {
        EXPECT_EQ(m.version.value, 1) << m.code;
    }
    for (const Requirement& r : catalog.requirements) {
        EXPECT_EQ(r.version.value, 1) << r.moduleCode;
    }
    Staff moved = c.ledger.staff().find("E1").value();
    moved.team = "West";
    c.ledger.staff().update(moved, kToday, "Sam Lead");
    EXPECT_EQ(c.ledger.staff().find("E1")->version.value, 2);
    // Renaming a person's team changes what their record says: a form holding it is stale.
    c.ledger.staff().renameTeam("West", "West Locality", "Sam Lead");
    EXPECT_EQ(c.ledger.staff().find("E1")->version.value, 3);
    EXPECT_EQ(c.ledger.staff().find("E2")->version.value, 2);
}

TEST_P(Editing, SavingOverSomeoneElsesChangeIsRefusedWithWhoAndWhenAndNothingWritten) {
    Council c(ledgers());
    // Two people open the same record; the first saves.
    Staff mine = c.ledger.staff().find("E1").value();
    Staff theirs = mine;
    theirs.email = "ann.worker@council.example";
    c.ledger.staff().update(theirs, kToday, "Jo Manager");
    const std::size_t entries = c.ledger.audit().changeLog("staff", "E1").size();

    mine.fullName = "Ann Worker-Smith";
    const StaleRecord stale = staleOf([&] { c.ledger.staff().update(mine, kToday, "Sam Lead"); });
    // (On a server the administrator works as the ledger's owner, whose entries keep the
    // actor the program gives, as a copy needs; PgManyWriters proves logins are named.)
    const std::string who = "Jo Manager";
    EXPECT_EQ(stale.actor(), who);
    EXPECT_EQ(stale.at(), c.ledger.audit().changeLog("staff", "E1").back().at);
    EXPECT_NE(std::string(stale.what()).find("this person (E1) was saved by " + who),
              std::string::npos)
        << stale.what();
    EXPECT_EQ(c.ledger.staff().find("E1").value(), theirs); // theirs kept, mine not written
    EXPECT_EQ(c.ledger.audit().changeLog("staff", "E1").size(), entries);

    // Read again, the same change saves.
    Staff again = c.ledger.staff().find("E1").value();
    again.fullName = "Ann Worker-Smith";
    c.ledger.staff().update(again, kToday, "Sam Lead");
    EXPECT_EQ(c.ledger.staff().find("E1")->fullName, "Ann Worker-Smith");
    EXPECT_EQ(c.ledger.staff().find("E1")->email, "ann.worker@council.example");

    // Saving exactly what is stored overwrites nobody, whatever the version: nothing written.
    Staff sameAsStored = theirs; // read before the last save
    sameAsStored.fullName = "Ann Worker-Smith";
    c.ledger.staff().update(sameAsStored, kToday, "Sam Lead");
    EXPECT_EQ(c.ledger.audit().changeLog("staff", "E1").size(), entries + 1);
}

TEST_P(Editing, EveryKindOfCorrectionChecksTheVersionItWasReadAt) {
    Council c(ledgers());
    // A module.
    Module fire = c.ledger.training().records().modules.front();
    ASSERT_EQ(fire.code, "FIRE");
    Module fireElsewhere = fire;
    fireElsewhere.title = "Fire safety awareness";
    c.ledger.training().saveModule(fireElsewhere, false, "Jo Manager");
    fire.windowDays = 30;
    staleOf([&] { c.ledger.training().saveModule(fire, false, "Sam Lead"); });
    EXPECT_EQ(c.ledger.training().records().modules.front(), fireElsewhere);

    // A rule.
    Requirement rule = c.ledger.training().records().requirements.front();
    Requirement ruleElsewhere = rule;
    ruleElsewhere.dueWithinDays = 60;
    c.ledger.training().saveRequirement(ruleElsewhere, "Jo Manager");
    rule.dueWithinDays = 10;
    staleOf([&] { c.ledger.training().saveRequirement(rule, "Sam Lead"); });
    EXPECT_EQ(c.ledger.training().records().requirements.front().dueWithinDays, 60);

    // A completion: corrected elsewhere, then corrected or voided from a stale copy.
    Completion done = c.ledger.training().completion(c.annFire).value();
    Completion doneElsewhere = done;
    doneElsewhere.evidence = "Certificate 12";
    c.ledger.training().correctCompletion(doneElsewhere, "certificate found", kToday, "Jo Manager");
    done.completedOn = makeDate(2026, 6, 2);
    staleOf([&] { c.ledger.training().correctCompletion(done, "wrong day", kToday, "Sam Lead"); });
    staleOf([&] {
        c.ledger.training().voidCompletion(c.annFire, "duplicate", "Sam Lead", done.version);
    });
    EXPECT_EQ(c.ledger.training().completion(c.annFire).value(), doneElsewhere);

    // An audit theme.
    AuditTheme theme;
    theme.key = "MCA";
    theme.title = "Mental capacity assessments not recorded";
    theme.raisedOn = makeDate(2026, 9, 1);
    theme.id = c.ledger.themes().save(theme, kToday, "Sam Lead");
    AuditTheme mineTheme = c.ledger.themes().all().front();
    AuditTheme theirTheme = mineTheme;
    theirTheme.status = ThemeStatus::BeingAddressed;
    c.ledger.themes().save(theirTheme, kToday, "Jo Manager");
    mineTheme.priority = ThemePriority::High;
    staleOf([&] { c.ledger.themes().save(mineTheme, kToday, "Sam Lead"); });
    EXPECT_EQ(c.ledger.themes().all().front(), theirTheme);
}

TEST_P(Editing, TeamsAndRolesAreAddedOnceAndListedSorted) {
    Council c(ledgers());
    c.ledger.staff().addTeam("Carers' Support", "test");
    c.ledger.staff().addRole("Approved Mental Health Professional", "test");
    EXPECT_EQ(c.ledger.staff().teams(),
              (std::vector<std::string>{"Carers' Support", "East", "West"}));
    EXPECT_EQ(c.ledger.staff().roles().front(), "Approved Mental Health Professional");
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.staff().addTeam("East", "test"); })),
              (std::vector<std::string>{"name"}));
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.staff().addRole(" ", "test"); })),
              (std::vector<std::string>{"name"}));
    const auto log = c.ledger.audit().changeLog("team", "Carers' Support");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "add");
}

TEST_P(Editing, RenamingATeamMovesItsPeopleAndRulesSoCoverageIsUnchanged) {
    Council c(ledgers());
    const Counts before = coverageOf(c.ledger, "East", "SAFE");
    EXPECT_EQ(before, Counts(1, 1, 0, 0, 0)); // Ann's safeguarding runs to 2028
    c.ledger.staff().renameTeam("East", "East Locality", "Sam Lead");
    EXPECT_EQ(c.ledger.staff().teams(), (std::vector<std::string>{"East Locality", "West"}));
    EXPECT_EQ(c.ledger.staff().find("E1").value().team, "East Locality");
    EXPECT_EQ(coverageOf(c.ledger, "East Locality", "SAFE"), before);
    EXPECT_EQ(statusOf(c.ledger, "E1", "SAFE"), "compliant");
    const auto rules = c.ledger.training().records().requirements;
    EXPECT_TRUE(std::any_of(rules.begin(), rules.end(), [](const Requirement& r) {
        return r.scope == Scope::Team && r.value == "East Locality";
    }));
    EXPECT_EQ(c.ledger.audit().changeLog("team", "East").back().action, "rename");
    const auto ruleLog = c.ledger.audit().changeLog("requirement", "SAFE/team/East");
    ASSERT_EQ(ruleLog.size(), 2u);
    EXPECT_EQ(ruleLog[1].action, "rename");
    EXPECT_EQ(ruleLog[1].newValues, R"({"value":"East Locality"})");
}

TEST_P(Editing, RenamingRefusesAnUnknownTeamAndAnExistingName) {
    Council c(ledgers());
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.staff().renameTeam("East", "West", "test"); })),
              (std::vector<std::string>{"to"}));
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.staff().renameTeam("North", "", "test"); })),
              (std::vector<std::string>{"from", "to"}));
    EXPECT_EQ(fieldsOf(errorsOf([&] {
                  c.ledger.staff().renameRole("Social Worker", "Occupational Therapist", "t");
              })),
              (std::vector<std::string>{"to"}));
    EXPECT_EQ(c.ledger.staff().teams(), (std::vector<std::string>{"East", "West"}));
}

TEST_P(Editing, RenamingARoleMovesRoleScopedRules) {
    Council c(ledgers());
    const std::string before = statusOf(c.ledger, "E2", "SAFE");
    ASSERT_NE(before, "not required");
    c.ledger.staff().renameRole("Occupational Therapist", "OT", "test");
    EXPECT_EQ(c.ledger.staff().find("E2").value().role, "OT");
    EXPECT_EQ(statusOf(c.ledger, "E2", "SAFE"), before);
}

TEST_P(Editing, RemovingATeamOrRoleInUseSaysHowManyUseIt) {
    Council c(ledgers());
    auto errors = errorsOf([&] { c.ledger.staff().removeTeam("East", "test"); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "name");
    EXPECT_EQ(errors[0].message, "1 person and 1 rule use team East");
    c.ledger.staff().add(person("E3", "Cy", "West", "Social Worker"), kToday, "test");
    errors = errorsOf([&] { c.ledger.staff().removeTeam("West", "test"); });
    EXPECT_EQ(errors.at(0).message, "2 people use team West");
    errors = errorsOf([&] { c.ledger.staff().removeRole("Social Worker", "test"); });
    EXPECT_EQ(errors.at(0).message, "2 people use role Social Worker");
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.staff().removeTeam("Nowhere", "test"); })),
              (std::vector<std::string>{"name"}));

    c.ledger.staff().addTeam("Empty", "test");
    c.ledger.staff().removeTeam("Empty", "test");
    EXPECT_EQ(c.ledger.staff().teams(), (std::vector<std::string>{"East", "West"}));
    EXPECT_EQ(c.ledger.audit().changeLog("team", "Empty").back().action, "remove");
}

TEST_P(Editing, SaveModuleAddsNewCodesAndCorrectsExistingOnes) {
    Council c(ledgers());
    Module fire = module("FIRE", "Fire safety awareness", 24);
    c.ledger.training().saveModule(fire, false, "test");
    EXPECT_EQ(c.ledger.training().records().modules[0].title, "Fire safety awareness");
    EXPECT_EQ(c.ledger.audit().changeLog("module", "FIRE").back().newValues,
              R"({"title":"Fire safety awareness","renewal_months":"24"})");

    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.training().saveModule(fire, true, "test"); })),
              (std::vector<std::string>{"code"}));
    Module bad = module("NEW", "", 1000);
    bad.windowDays = -1;
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.training().saveModule(bad, false, "test"); })),
              (std::vector<std::string>{"code", "renewal_months", "title", "window_days"}));
    EXPECT_EQ(c.ledger.training().records().modules.size(), 2u);
}

TEST_P(Editing, RemovingAModuleInUseNamesItsCompletionsRulesAndThemes) {
    Council c(ledgers());
    AuditTheme theme;
    theme.key = "FIRE-DRILLS";
    theme.title = "Fire drills missed";
    theme.raisedOn = makeDate(2026, 1, 1);
    theme.moduleCodes = {"FIRE"};
    c.ledger.themes().save(theme, kToday, "test");
    const auto errors = errorsOf([&] { c.ledger.training().removeModule("FIRE", "test"); });
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "code");
    EXPECT_EQ(errors[0].message, "2 completions, 1 rule and 1 audit theme use module FIRE");

    c.ledger.training().saveModule(module("UNUSED", "Never used", std::nullopt), true, "test");
    c.ledger.training().removeModule("UNUSED", "test");
    EXPECT_EQ(c.ledger.training().records().modules.size(), 2u);
    EXPECT_EQ(c.ledger.audit().changeLog("module", "UNUSED").back().action, "remove");
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.training().removeModule("UNUSED", "test"); })),
              (std::vector<std::string>{"code"}));
}

TEST_P(Editing, RequirementsAreSavedAndRemovedByModuleScopeAndValue) {
    Council c(ledgers());
    Requirement r = rule("SAFE", Scope::Team, "East");
    r.dueWithinDays = 90;
    c.ledger.training().saveRequirement(r, "test");
    const auto rules = c.ledger.training().records().requirements;
    EXPECT_EQ(rules.size(), 3u);
    EXPECT_EQ(c.ledger.audit().changeLog("requirement", "SAFE/team/East").back().newValues,
              R"({"due_within_days":"90"})");

    EXPECT_EQ(fieldsOf(errorsOf([&] {
                  c.ledger.training().saveRequirement(rule("NOPE", Scope::Role, ""), "test");
              })),
              (std::vector<std::string>{"module", "value"}));

    c.ledger.training().removeRequirement(r, "test");
    EXPECT_EQ(c.ledger.training().records().requirements.size(), 2u);
    EXPECT_EQ(statusOf(c.ledger, "E1", "SAFE"), "not required");
    EXPECT_EQ(c.ledger.audit().changeLog("requirement", "SAFE/team/East").back().action, "remove");
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.training().removeRequirement(r, "test"); })),
              (std::vector<std::string>{"scope"}));
}

TEST_P(Editing, AddCompletionRefusesAKeyAlreadyRecorded) {
    Council c(ledgers());
    Completion again = completion("E1", "FIRE", makeDate(2026, 6, 1));
    again.evidence = "certificate 2";
    auto errors = errorsOf([&] { c.ledger.training().addCompletion(again, kToday, "test"); });
    EXPECT_EQ(fieldsOf(errors), (std::vector<std::string>{"completed_on"}));

    Completion bad = completion("E9", "NOPE", makeDate(2027, 1, 1));
    errors = errorsOf([&] { c.ledger.training().addCompletion(bad, kToday, "test"); });
    EXPECT_EQ(fieldsOf(errors),
              (std::vector<std::string>{"completed_on", "employee_id", "module"}));
    EXPECT_EQ(everyCompletion(c.ledger).size(), 3u);

    const auto log = c.ledger.audit().changeLog("completion", "E1/FIRE/2026-06-01");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "add");
}

TEST_P(Editing, CorrectingACompletionNeedsAReasonAndKeepsItInTheLog) {
    Council c(ledgers());
    Completion fixed = *c.ledger.training().completion(c.annFire);
    fixed.completedOn = makeDate(2026, 6, 2);
    fixed.evidence = "cert 17";
    EXPECT_EQ(
        fieldsOf(errorsOf([&] { c.ledger.training().correctCompletion(fixed, " ", kToday, "t"); })),
        (std::vector<std::string>{"reason"}));

    c.ledger.training().correctCompletion(fixed, "typed the wrong day", kToday, "Sam Lead");
    EXPECT_EQ(*c.ledger.training().completion(c.annFire), fixed);
    const auto log = c.ledger.audit().changeLog("completion", "E1/FIRE/2026-06-02");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "correct");
    EXPECT_EQ(log[0].actor, "Sam Lead");
    EXPECT_EQ(log[0].oldValues, R"({"completed_on":"2026-06-01","evidence":""})");
    EXPECT_EQ(
        log[0].newValues,
        R"({"completed_on":"2026-06-02","evidence":"cert 17","reason":"typed the wrong day"})");

    Completion clash = fixed;
    clash.moduleCode = "SAFE";
    clash.completedOn = makeDate(2025, 1, 10); // Ann's safeguarding
    EXPECT_EQ(
        fieldsOf(errorsOf([&] { c.ledger.training().correctCompletion(clash, "x", kToday, "t"); })),
        (std::vector<std::string>{"completed_on"}));
    Completion other = fixed;
    other.employeeId = "E2";
    other.expiresOn = makeDate(2020, 1, 1);
    EXPECT_EQ(
        fieldsOf(errorsOf([&] { c.ledger.training().correctCompletion(other, "", kToday, "t"); })),
        (std::vector<std::string>{"employee_id", "expires_on", "reason"}));
    Completion missing = fixed;
    missing.id = 999;
    EXPECT_EQ(fieldsOf(errorsOf(
                  [&] { c.ledger.training().correctCompletion(missing, "x", kToday, "t"); })),
              (std::vector<std::string>{"id"}));
    EXPECT_EQ(*c.ledger.training().completion(c.annFire), fixed);
}

TEST_P(Editing, AVoidedCompletionIsKeptAsEvidenceButNoLongerCounts) {
    Council c(ledgers());
    EXPECT_EQ(statusOf(c.ledger, "E1", "FIRE"), "compliant");
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.training().voidCompletion(c.annFire, "", "t"); })),
              (std::vector<std::string>{"reason"}));
    c.ledger.training().voidCompletion(c.annFire, "certificate was for another course", "Sam Lead");
    EXPECT_EQ(statusOf(c.ledger, "E1", "FIRE"), "overdue");

    const auto kept = c.ledger.training().completionsOf("E1");
    const Completion* voided = findCompletion(kept, c.annFire);
    ASSERT_NE(voided, nullptr);
    EXPECT_TRUE(voided->voided);
    EXPECT_EQ(voided->voidReason, "certificate was for another course");
    EXPECT_EQ(everyCompletion(c.ledger).size(), 3u); // the store still returns it

    const auto log = c.ledger.audit().changeLog("completion", "E1/FIRE/2026-06-01");
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].action, "void");
    EXPECT_EQ(log[1].newValues, R"({"reason":"certificate was for another course"})");

    EXPECT_EQ(
        fieldsOf(errorsOf([&] { c.ledger.training().voidCompletion(c.annFire, "again", "t"); })),
        (std::vector<std::string>{"id"}));
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.training().voidCompletion(999, "x", "t"); })),
              (std::vector<std::string>{"id"}));
    Completion correction = *voided;
    correction.evidence = "changed";
    EXPECT_EQ(fieldsOf(errorsOf(
                  [&] { c.ledger.training().correctCompletion(correction, "x", kToday, "t"); })),
              (std::vector<std::string>{"id"}));
    // Its key stays taken: a new record for the same day is a duplicate.
    EXPECT_EQ(fieldsOf(errorsOf([&] {
                  c.ledger.training().addCompletion(completion("E1", "FIRE", makeDate(2026, 6, 1)),
                                                    kToday, "t");
              })),
              (std::vector<std::string>{"completed_on"}));
}

TEST_P(Editing, ReimportingAVoidedCompletionLeavesItVoidedAndUnchanged) {
    Council c(ledgers());
    c.ledger.training().voidCompletion(c.annFire, "wrong person", "test");
    const std::string csv = "employee_id,module,completed_on,expires_on,evidence\n"
                            "E1,FIRE,2026-06-01,,cert 1\n"
                            "E2,FIRE,2026-02-01,,\n";
    const ImportSummary summary =
        c.ledger.imports().csv(ImportKind::Completions, "c.csv", csv, kToday, false, "test");
    EXPECT_EQ(summary.added, 0);
    EXPECT_EQ(summary.updated, 0);
    EXPECT_EQ(summary.unchanged, 2);
    ASSERT_EQ(summary.notices.size(), 1u); // said, not silent
    EXPECT_EQ(formatFieldError(summary.notices[0]),
              "c.csv:2: completion: E1/FIRE/2026-06-01 was voided in the ledger and stays void "
              "(it was not changed)");
    const Completion kept = *c.ledger.training().completion(c.annFire);
    EXPECT_TRUE(kept.voided);
    EXPECT_EQ(kept.evidence, "");
    EXPECT_EQ(statusOf(c.ledger, "E1", "FIRE"), "overdue");

    LedgerData records;
    records.completions = {completion("E1", "FIRE", makeDate(2026, 6, 1))};
    EXPECT_EQ(c.ledger.imports().records(records, kToday, "test").unchanged, 1);
    EXPECT_TRUE(c.ledger.training().completion(c.annFire)->voided);
}

TEST_P(Editing, CompletionsOfAPersonComeNewestFirst) {
    Council c(ledgers());
    c.ledger.training().addCompletion(completion("E1", "FIRE", makeDate(2025, 6, 1)), kToday,
                                      "test");
    const auto list = c.ledger.training().completionsOf("E1");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(formatIso(list[0].completedOn), "2026-06-01");
    EXPECT_EQ(formatIso(list[1].completedOn), "2025-06-01");
    EXPECT_EQ(formatIso(list[2].completedOn), "2025-01-10");
    EXPECT_TRUE(c.ledger.training().completionsOf("E9").empty());
}

TEST_P(Editing, HistoryOfAPersonHoldsTheirRecordAndCompletionsOldestFirst) {
    Council c(ledgers());
    c.ledger.staff().add(person("E1/2", "Di Slash", "West", "Social Worker"), kToday, "test");
    c.ledger.training().addCompletion(completion("E1/2", "FIRE", makeDate(2026, 1, 1)), kToday,
                                      "test");
    Staff ann = c.ledger.staff().find("E1").value();
    ann.email = "ann@example.org";
    c.ledger.staff().update(ann, kToday, "test");
    c.ledger.training().voidCompletion(c.annFire, "duplicate", "test");

    std::vector<std::pair<std::string, std::string>> seen;
    for (const ChangeLogEntry& e : c.ledger.audit().historyOf("E1")) {
        seen.emplace_back(e.recordKey, e.action);
    }
    EXPECT_EQ(seen,
              (std::vector<std::pair<std::string, std::string>>{{"E1", "add"},
                                                                {"E1/FIRE/2026-06-01", "add"},
                                                                {"E1/SAFE/2025-01-10", "add"},
                                                                {"E1", "update"},
                                                                {"E1/FIRE/2026-06-01", "void"}}));
    EXPECT_EQ(c.ledger.audit().historyOf("E1/2").size(), 2u);
}

TEST_P(Editing, SettingsAreKeptAndTheirChangesLogged) {
    Council c(ledgers());
    EXPECT_EQ(c.ledger.settings().get("organisation_name"), "");
    c.ledger.settings().set("organisation_name", "Exampleshire County Council", "Sam Lead");
    c.ledger.settings().set("organisation_name", "Exampleshire Council", "Sam Lead");
    c.ledger.settings().set("organisation_name", "Exampleshire Council", "Sam Lead");
    EXPECT_EQ(c.ledger.settings().get("organisation_name"), "Exampleshire Council");
    const auto log = c.ledger.audit().changeLog("setting", "organisation_name");
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].action, "add");
    EXPECT_EQ(log[1].oldValues, R"({"value":"Exampleshire County Council"})");
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.settings().set("", "x", "t"); })),
              (std::vector<std::string>{"key"}));
}

TEST_P(Editing, RemovingAnAuditThemeLogsWhatItWas) {
    Council c(ledgers());
    AuditTheme theme;
    theme.key = "LATE";
    theme.title = "Late reviews";
    theme.raisedOn = makeDate(2026, 2, 1);
    theme.moduleCodes = {"SAFE"};
    const RecordId id = c.ledger.themes().save(theme, kToday, "test");
    c.ledger.themes().remove(id, "test");
    EXPECT_TRUE(c.ledger.themes().all().empty());
    const auto log = c.ledger.audit().changeLog("audit_theme", std::to_string(id));
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].action, "remove");
    EXPECT_NE(log[1].oldValues.find(R"("title":"Late reviews")"), std::string::npos);
    EXPECT_EQ(fieldsOf(errorsOf([&] { c.ledger.themes().remove(id, "test"); })),
              (std::vector<std::string>{"id"}));
}

TEST_P(Editing, AReadOnlyLedgerRefusesEdits) {
    Council c(ledgers());
    Ledger reader = c.where.open(OpenMode::ReadOnly);
    EXPECT_TRUE(reader.readOnly());
    EXPECT_THROW(reader.staff().addTeam("North", "test"), Conflict);
    EXPECT_EQ(reader.staff().teams().size(), 2u);
}

TEST(Migration, AVersion1LedgerIsUpgradedKeepingItsRowsAndABackup) {
    ScratchDir dir;
    const auto path = dir / "old.ledger";
    const std::string keyed = std::string("PRAGMA key = '") + kPassphrase +
                              "'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;";
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const std::string setup =
            keyed + "PRAGMA journal_mode = WAL; PRAGMA application_id = " +
            std::to_string(SqlCipherStore::kApplicationId) + "; BEGIN;" +
            std::string(SqlCipherStore::schemaStep(1)) +
            "INSERT INTO team (id, name) VALUES (1, 'East');"
            "INSERT INTO role (id, name) VALUES (1, 'Social Worker');"
            "INSERT INTO staff (id, employee_id, full_name, team_id, role_id, start_date) "
            "VALUES (1, 'E1', 'Ann Worker', 1, 1, '2020-01-06');"
            "INSERT INTO module (id, code, title, renewal_months) VALUES (1, 'FIRE', 'Fire', 12);"
            "INSERT INTO completion (id, staff_id, module_id, completed_on, evidence) "
            "VALUES (1, 1, 1, '2026-06-01', 'cert');"
            "PRAGMA user_version = 1; COMMIT;";
        char* error = nullptr;
        const int rc = sqlite3_exec(db, setup.c_str(), nullptr, nullptr, &error);
        EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
    }
    {
        Ledger ledger = Ledger::open(path, kPassphrase);
        EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
        const LedgerData data = everyRecord(ledger);
        ASSERT_EQ(data.staff.size(), 1u);
        EXPECT_EQ(data.staff[0].fullName, "Ann Worker");
        ASSERT_EQ(data.modules.size(), 1u);
        ASSERT_EQ(data.completions.size(), 1u);
        EXPECT_EQ(data.completions[0].evidence, "cert");
        EXPECT_FALSE(data.completions[0].voided);
        EXPECT_TRUE(ledger.check().empty());
        ledger.training().voidCompletion(data.completions[0].id, "upgrade test", "test");
    }
    {
        Ledger reopened = Ledger::open(path, kPassphrase, true);
        EXPECT_EQ(everyCompletion(reopened).at(0).voidReason, "upgrade test");
    }

    // The backup is the ledger as it was: schema 1, its rows, the same passphrase.
    const auto backup = std::filesystem::path(path.string() + ".v1.bak");
    ASSERT_TRUE(std::filesystem::exists(backup));
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(backup.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, keyed.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    const auto integer = [&](const char* query) {
        sqlite3_stmt* st = nullptr;
        int value = -1;
        if (sqlite3_prepare_v2(db, query, -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            value = sqlite3_column_int(st, 0);
        }
        sqlite3_finalize(st);
        return value;
    };
    EXPECT_EQ(integer("PRAGMA user_version"), 1);
    EXPECT_EQ(integer("SELECT count(*) FROM completion"), 1);
    EXPECT_EQ(integer("SELECT count(*) FROM staff"), 1);
    sqlite3_close(db);
}

TEST(SingleWriter, ASecondOpenInTheSameProcessIsReadOnlyUntilTheWriterCloses) {
    EngineLedger file(ledger::test::Engine::File); // one writer at a time is the file's rule
    Council council(file);
    const auto path = file.location().path();
    { Ledger moved = std::move(council.ledger); } // closes the council's writer
    std::optional<Ledger> first = Ledger::open(path, kPassphrase, OpenMode::Auto);
    EXPECT_FALSE(first->readOnly());
    Ledger second = Ledger::open(path, kPassphrase, OpenMode::Auto);
    EXPECT_TRUE(second.readOnly());
    EXPECT_THROW(Ledger::open(path, kPassphrase, OpenMode::ReadWrite), Conflict);
    EXPECT_THROW(Ledger::open(path, "wrong horse", OpenMode::ReadWrite), WrongPassphrase);

    first->staff().addTeam("North", "test");
    EXPECT_THROW(second.staff().addTeam("South", "test"), Conflict);
    EXPECT_EQ(second.staff().teams(), (std::vector<std::string>{"East", "North", "West"}));

    first.reset();
    Ledger third = Ledger::open(path, kPassphrase, OpenMode::Auto);
    EXPECT_FALSE(third.readOnly());
    third.staff().addTeam("South", "test");
    EXPECT_EQ(second.staff().teams().size(), 4u);
}

TEST(SingleWriter, AWriterInAnotherProcessMakesAutoReadOnlyAndReadWriteAConflict) {
    EngineLedger file(ledger::test::Engine::File); // one writer at a time is the file's rule
    Council council(file);
    const auto path = file.location().path();
    { Ledger moved = std::move(council.ledger); }
    int ready[2];
    int release[2];
    ASSERT_EQ(::pipe(ready), 0);
    ASSERT_EQ(::pipe(release), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(ready[0]);
        ::close(release[1]);
        int status = 0;
        std::optional<Ledger> writer;
        try {
            writer = Ledger::open(path, kPassphrase, OpenMode::ReadWrite);
            status = writer->readOnly() ? 2 : 0;
        } catch (...) {
            status = 1;
        }
        char byte = 'x';
        [[maybe_unused]] const auto written = ::write(ready[1], &byte, 1);
        [[maybe_unused]] const auto got = ::read(release[0], &byte, 1); // until the parent is done
        ::_exit(status);
    }
    ::close(ready[1]);
    ::close(release[0]);
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    {
        Ledger reader = Ledger::open(path, kPassphrase, OpenMode::Auto);
        EXPECT_TRUE(reader.readOnly());
        EXPECT_EQ(reader.staff().teams().size(), 2u);
        EXPECT_THROW(Ledger::open(path, kPassphrase, OpenMode::ReadWrite), Conflict);
    }
    ::close(release[1]);
    int status = -1;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    ::close(ready[0]);
    Ledger after = Ledger::open(path, kPassphrase, OpenMode::Auto);
    EXPECT_FALSE(after.readOnly());
}

namespace {

std::string manyCompletions(int count) {
    std::string csv = "employee_id,module,completed_on,expires_on,evidence\n";
    for (int i = 0; i < count; ++i) {
        const Date on = fromDayNumber(toDayNumber(makeDate(2024, 1, 1)) + i);
        csv += "E2,SAFE," + formatIso(on) + ",,\n";
    }
    return csv;
}

class ImportProgress : public EngineTest {};

} // namespace

INSTANTIATE_TEST_SUITE_P(Engines, ImportProgress, ledger::test::kEngines, ledger::test::engineName);

TEST_P(ImportProgress, AnImportReportsFromZeroToOneAboutEveryPercent) {
    Council c(ledgers());
    std::vector<double> seen;
    const Progress progress{[&](double f) {
        seen.push_back(f);
        return true;
    }};
    const ImportSummary summary = c.ledger.imports().csv(
        ImportKind::Completions, "c.csv", manyCompletions(400), kToday, false, "t", &progress);
    EXPECT_EQ(summary.added, 400);
    ASSERT_GE(seen.size(), 50u);
    EXPECT_LE(seen.size(), 110u);
    EXPECT_EQ(seen.front(), 0.0);
    EXPECT_EQ(seen.back(), 1.0);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST_P(ImportProgress, CancellingHalfWayThroughAnImportChangesNothing) {
    Council c(ledgers());
    const auto logBefore = c.ledger.audit().changeLog("", "");
    const LedgerData before = everyRecord(c.ledger);
    double last = -1;
    const Progress cancelAtHalf{[&](double f) {
        last = f;
        return f < 0.5;
    }};
    EXPECT_THROW(c.ledger.imports().csv(ImportKind::Completions, "c.csv", manyCompletions(400),
                                        kToday, false, "t", &cancelAtHalf),
                 Cancelled);
    EXPECT_GE(last, 0.5);
    EXPECT_LT(last, 0.6);
    EXPECT_EQ(everyCompletion(c.ledger), before.completions);
    EXPECT_EQ(c.ledger.audit().changeLog("", "").size(), logBefore.size());

    LedgerData records;
    records.staff = {person("E5", "Ed", "North", "Social Worker")};
    for (int i = 0; i < 99; ++i) {
        records.completions.push_back(
            completion("E1", "FIRE", fromDayNumber(toDayNumber(makeDate(2024, 1, 1)) + i)));
    }
    EXPECT_THROW(c.ledger.imports().records(records, kToday, "t", &cancelAtHalf), Cancelled);
    EXPECT_EQ(c.ledger.training().records().staff, before.staff);
    EXPECT_EQ(everyCompletion(c.ledger), before.completions);
    EXPECT_EQ(c.ledger.staff().teams(), (std::vector<std::string>{"East", "West"}));

    const Progress empty;
    EXPECT_EQ(c.ledger.imports().records(records, kToday, "t", &empty).added, 100);
}
