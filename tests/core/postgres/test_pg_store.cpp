// The PostgreSQL engine as a whole: `server init`, accounts, the ledger's services over a
// server, and who sees what, enforced by the server (row-level security), proved by logging
// in as each kind of account and asking the server directly as well as through the product.

#include "postgres/pg_test_cluster.h"

#include "ledger.h"
#include "postgres/pg_store.h"
#include "postgres/server_admin.h"
#include "training/compliance.h"

#include <gtest/gtest.h>

#include <string>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25);

Staff person(const char* id, const char* name, const char* team, const char* manager) {
    Staff s;
    s.employeeId = id;
    s.fullName = name;
    s.team = team;
    s.role = "Social Worker";
    s.lineManagerId = manager;
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

Completion done(const char* employeeId, const char* moduleCode, Date on) {
    Completion c;
    c.employeeId = employeeId;
    c.moduleCode = moduleCode;
    c.completedOn = on;
    return c;
}

class PgLedger : public PgLedgerTest {};

/// Lead L; M1 manages A and B; A manages A1; M2 manages C. Modules FIRE (all) and one
/// completion each.
void fillTree(Ledger& ledger) {
    Module fire;
    fire.code = "FIRE";
    fire.title = "Fire safety";
    fire.renewalMonths = 12;
    ledger.training().saveModule(fire, true, "admin");
    Requirement all;
    all.moduleCode = "FIRE";
    all.scope = Scope::All;
    all.dueWithinDays = 30;
    ledger.training().saveRequirement(all, "admin");
    for (const Staff& s :
         {person("L", "Lee Lead", "Office", ""), person("M1", "Mo One", "East", "L"),
          person("M2", "Max Two", "West", "L"), person("A", "Ann", "East", "M1"),
          person("B", "Bo", "East", "M1"), person("A1", "Ash", "East", "A"),
          person("C", "Cy", "West", "M2")}) {
        ledger.staff().add(s, kToday, "admin");
    }
    for (const char* id : {"L", "M1", "M2", "A", "B", "A1", "C"}) {
        ledger.training().addCompletion(done(id, "FIRE", makeDate(2026, 6, 1)), kToday, "admin");
    }
}

TEST_F(PgLedger, ServerInitMakesOneLedgerPerDatabaseAndRefusesASecond) {
    const std::string db = newLedger();
    pg::Connection admin = pg::Connection::open(conninfo(db));
    EXPECT_THROW(pg::initServer(admin), AlreadyExists);
    // Every table is under row-level security, and the schema is the program's.
    Ledger ledger = Ledger::open(location(db), "", OpenMode::ReadWrite);
    EXPECT_EQ(ledger.check(), std::vector<std::string>{});
    EXPECT_EQ(ledger.schemaVersion(), 7); // the version this program writes
    const pg::Result groups =
        admin.execParams("SELECT count(*) FROM pg_roles WHERE rolname LIKE $1 || '\\_%'", {db});
    EXPECT_EQ(groups.int64(0, 0), 4); // owner, workforce lead, manager, staff
}

TEST_F(PgLedger, ADatabaseWithoutALedgerIsNotALedger) {
    const std::string db = createDatabase();
    EXPECT_THROW((void)Ledger::open(location(db), "", OpenMode::ReadWrite), NotALedger);
}

TEST_F(PgLedger, TheAdministratorSetsUpTheLedgerThroughTheServices) {
    const std::string db = newLedger();
    Ledger ledger = Ledger::open(location(db), "", OpenMode::ReadWrite);
    fillTree(ledger);
    const LedgerData records = ledger.training().records();
    ASSERT_EQ(records.staff.size(), 7u);
    EXPECT_EQ(records.staff.front().employeeId, "A"); // byte order, as the file engine
    EXPECT_EQ(ledger.training().completionsOf("A1").size(), 1u);
    const ComplianceEngine engine = ledger.training().engine();
    const auto table = engine.coverageByTeam(toDayNumber(kToday));
    EXPECT_EQ(table.total(0).required, 7);
    EXPECT_EQ(table.total(0).compliant, 7);
    // The administrator works as the owner: the change log keeps the program's actor.
    const auto log = ledger.audit().changeLog("module", "FIRE");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].actor, "admin");
}

TEST_F(PgLedger, AManagerSeesTheirTreeAndRecordsOnlyForIt) {
    const std::string db = newLedger();
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        fillTree(admin);
    }
    const std::string m1 = account(db, "M1", pg::Access::Manager);
    Ledger ledger = Ledger::open(location(db, m1), kTestPassword, OpenMode::ReadWrite);
    std::vector<std::string> seen;
    for (const Staff& s : ledger.training().records().staff) {
        seen.push_back(s.employeeId);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"A", "A1", "B", "M1"})); // two levels down
    EXPECT_EQ(ledger.training().engine().coverageByTeam(toDayNumber(kToday)).total(0).required, 4);
    // Records a completion for someone in the tree; the server names the login as actor.
    ledger.training().addCompletion(done("A1", "FIRE", makeDate(2026, 7, 1)), kToday, "someone");
    const auto entries = ledger.audit().historyOf("A1");
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().actor, m1);
    // Outside the tree: C is invisible, so the product refuses; the server refuses too.
    EXPECT_ANY_THROW(
        ledger.training().addCompletion(done("C", "FIRE", makeDate(2026, 7, 1)), kToday, m1));
    pg::ConnectOptions withPassword;
    withPassword.password = kTestPassword;
    pg::Connection raw = pg::Connection::open(conninfo(db, m1), withPassword);
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.completion").int64(0, 0), 5);
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.staff WHERE employee_id = 'C'").int64(0, 0), 0);
    // A blind insert with ids learnt elsewhere: the policy's WITH CHECK refuses it.
    const std::string ids = [&] {
        const pg::Result r = owner(db).exec("SELECT s.id || ', ' || m.id FROM ledger.staff s, "
                                            "ledger.module m WHERE s.employee_id = 'M2'");
        return r.text(0, 0);
    }();
    EXPECT_THROW(raw.exec("INSERT INTO ledger.completion (staff_id, module_id, completed_on) "
                          "VALUES (" +
                          ids + ", DATE '2026-08-01')"),
                 NotPermitted); // M2 is not in M1's tree
    EXPECT_THROW(raw.exec("UPDATE ledger.staff SET full_name = 'x'"), NotPermitted);
    EXPECT_THROW(raw.exec("UPDATE ledger.change_log SET actor = 'x'"), NotPermitted);
    EXPECT_THROW(raw.exec("DELETE FROM ledger.change_log"), NotPermitted);
}

TEST_F(PgLedger, StaffSeeOnlyTheirOwnRecordAndWriteNothing) {
    const std::string db = newLedger();
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        fillTree(admin);
    }
    const std::string a1 = account(db, "A1", pg::Access::Staff);
    Ledger ledger = Ledger::open(location(db, a1), kTestPassword, OpenMode::ReadWrite);
    const LedgerData records = ledger.training().records();
    ASSERT_EQ(records.staff.size(), 1u);
    EXPECT_EQ(records.staff[0].employeeId, "A1");
    EXPECT_EQ(records.modules.size(), 1u); // the catalog is everyone's
    EXPECT_THROW(
        ledger.training().addCompletion(done("A1", "FIRE", makeDate(2026, 7, 1)), kToday, a1),
        NotPermitted);
    pg::ConnectOptions withPassword;
    withPassword.password = kTestPassword;
    pg::Connection raw = pg::Connection::open(conninfo(db, a1), withPassword);
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.completion").int64(0, 0), 1);
    EXPECT_THROW(raw.exec("SELECT count(*) FROM ledger.account"), NotPermitted);
}

TEST_F(PgLedger, AWorkforceLeadSeesAndWritesEverything) {
    const std::string db = newLedger();
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        fillTree(admin);
    }
    const std::string lead = account(db, "L", pg::Access::WorkforceLead);
    Ledger ledger = Ledger::open(location(db, lead), kTestPassword, OpenMode::ReadWrite);
    EXPECT_EQ(ledger.training().records().staff.size(), 7u);
    ledger.staff().add(person("N", "Nia New", "West", "M2"), kToday, lead);
    EXPECT_EQ(ledger.training().engine().coverageByTeam(toDayNumber(kToday)).total(0).required, 8);
    pg::ConnectOptions withPassword;
    withPassword.password = kTestPassword;
    pg::Connection raw = pg::Connection::open(conninfo(db, lead), withPassword);
    EXPECT_THROW(raw.exec("DELETE FROM ledger.change_log"), NotPermitted);
}

TEST_F(PgLedger, AccountsAreListedMovedAndRemoved) {
    const std::string db = newLedger();
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        fillTree(admin);
    }
    pg::Connection admin = pg::Connection::open(conninfo(db));
    EXPECT_THROW(pg::addAccount(admin, "NOBODY", db + "_x", pg::Access::Staff, kTestPassword),
                 ValidationError);
    const std::string m1 = account(db, "M1", pg::Access::Manager);
    EXPECT_THROW(pg::addAccount(admin, "M1", m1, pg::Access::Staff, kTestPassword), AlreadyExists);
    auto accounts = pg::listAccounts(admin);
    ASSERT_EQ(accounts.size(), 1u);
    EXPECT_EQ(accounts[0].login, m1);
    EXPECT_EQ(accounts[0].employeeId, "M1");
    EXPECT_EQ(accounts[0].access, "manager");
    pg::setAccess(admin, m1, pg::Access::Staff);
    EXPECT_EQ(pg::listAccounts(admin)[0].access, "staff");
    {
        Ledger ledger = Ledger::open(location(db, m1), kTestPassword, OpenMode::ReadWrite);
        EXPECT_EQ(ledger.training().records().staff.size(), 1u); // now only themselves
    }
    pg::removeAccount(admin, m1);
    EXPECT_TRUE(pg::listAccounts(admin).empty());
    EXPECT_THROW(pg::removeAccount(admin, m1), ValidationError);
}

} // namespace
} // namespace ledger::test
