// Trusted assessors on a server: who sees and writes what (row-level security, schema step
// 5), each kind of account logged in as itself: staff read their own authorisations and
// write none; managers read their tree's and write them, never their own nor anyone else's;
// leads read and write all, set a role's can_sign_off and add a category, which everyone
// reads. And a ledger's authorisations, categories and signing roles copied from a file to a
// server and back, and a schema-4 server upgraded to 5 keeping its records.

#include "postgres/pg_test_cluster.h"

#include "ledger.h"
#include "postgres/pg_store.h"
#include "postgres/server_admin.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25);

/// An authorisation in training (not signed off) for `who` at `level`.
TrustedAssessor inTraining(const std::string& who, AssessorLevel level = AssessorLevel::Level3) {
    TrustedAssessor a;
    a.employeeId = who;
    a.level = level;
    a.categories = {"grab_rails"};
    a.trainedOn = makeDate(2025, 1, 6);
    a.observedAssessments = 1;
    return a;
}

/// `employee id:level code` of each authorisation, in the order read.
std::vector<std::string> keys(const std::vector<TrustedAssessor>& all) {
    std::vector<std::string> out;
    for (const TrustedAssessor& a : all) {
        out.push_back(a.employeeId + ":" + assessorLevelCode(a.level));
    }
    return out;
}

class PgAssessors : public PgLedgerTest {
protected:
    /// A ledger with people A and B (managed by M), C (managed by nobody), M and L; logins
    /// for A and B (staff), M (manager) and L (lead).
    void SetUp() override {
        PgLedgerTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_db = newLedger();
        pg::Connection admin = owner(m_db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker')");
        admin.exec(R"sql(
INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, start_date, line_manager_id)
SELECT p.id, 'Person ' || p.id, (SELECT id FROM ledger.team), (SELECT id FROM ledger.role),
       DATE '2020-01-06', p.manager
FROM (VALUES ('A', 'M'), ('B', 'M'), ('C', ''), ('M', ''), ('L', '')) AS p(id, manager))sql");
        m_logins = {{"A", account(m_db, "A", pg::Access::Staff)},
                    {"B", account(m_db, "B", pg::Access::Staff)},
                    {"M", account(m_db, "M", pg::Access::Manager)},
                    {"L", account(m_db, "L", pg::Access::WorkforceLead)}};
    }

    Ledger as(const std::string& who) {
        return Ledger::open(location(m_db, m_logins.at(who)), kTestPassword, OpenMode::ReadWrite);
    }
    pg::Connection rawAs(const std::string& who) {
        pg::ConnectOptions options;
        options.password = kTestPassword;
        options.searchPath = "ledger";
        return pg::Connection::open(conninfo(m_db, m_logins.at(who)), options);
    }
    std::string count(const std::string& table) {
        return owner(m_db).exec("SELECT count(*) FROM ledger." + table).text(0, 0);
    }

    std::string m_db;
    std::map<std::string, std::string> m_logins;
};

TEST_F(PgAssessors, EachAccountReadsAndWritesOnlyItsScope) {
    {
        Ledger lead = as("L");
        for (const std::string who : {"A", "C", "M"}) {
            lead.assessors().save(inTraining(who), kToday, "L");
        }
    }
    // A manager writes their tree (B), never someone outside it (C) nor themselves (M).
    {
        Ledger m = as("M");
        m.assessors().save(inTraining("B"), kToday, "M");
        EXPECT_ANY_THROW(m.assessors().save(inTraining("C", AssessorLevel::Level4), kToday, "M"));
        EXPECT_THROW(m.assessors().save(inTraining("M", AssessorLevel::Level4), kToday, "M"),
                     NotPermitted);
        EXPECT_EQ(keys(m.assessors().all()),
                  (std::vector<std::string>{"A:level_3", "B:level_3", "M:level_3"}));
        // Corrects A's, not their own.
        TrustedAssessor a = *m.assessors().find("A", AssessorLevel::Level3);
        a.observedAssessments = 2;
        m.assessors().save(a, kToday, "M");
        TrustedAssessor own = *m.assessors().find("M", AssessorLevel::Level3);
        own.observedAssessments = 5;
        EXPECT_THROW(m.assessors().save(own, kToday, "M"), NotPermitted);
    }
    EXPECT_EQ(count("trusted_assessor"), "4");
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT observed_assessments FROM ledger.trusted_assessor t JOIN "
                        "ledger.staff s ON s.id = t.staff_id WHERE s.employee_id = 'M'")
                  .text(0, 0),
              "1");

    // Staff read their own and write none, not even their own.
    {
        Ledger a = as("A");
        EXPECT_EQ(keys(a.assessors().all()), (std::vector<std::string>{"A:level_3"}));
        EXPECT_EQ(a.assessors().all().front().observedAssessments, 2);
        EXPECT_FALSE(a.assessors().find("B", AssessorLevel::Level3));
        EXPECT_THROW(a.assessors().save(inTraining("A", AssessorLevel::Level4), kToday, "A"),
                     NotPermitted);
    }
    EXPECT_EQ(keys(as("B").assessors().all()), (std::vector<std::string>{"B:level_3"}));
    EXPECT_EQ(keys(as("L").assessors().all()),
              (std::vector<std::string>{"A:level_3", "B:level_3", "C:level_3", "M:level_3"}));
    EXPECT_EQ(count("trusted_assessor"), "4");

    // The same refusals as raw SQL.
    EXPECT_ANY_THROW(rawAs("A").exec("UPDATE trusted_assessor SET observed_assessments = 9"));
    EXPECT_EQ(rawAs("B").exec("SELECT count(*) FROM trusted_assessor").text(0, 0), "1");
    {
        pg::Connection m = rawAs("M");
        EXPECT_EQ(m.exec("SELECT count(*) FROM trusted_assessor").text(0, 0), "3");
        EXPECT_EQ(m.exec("UPDATE trusted_assessor SET observed_assessments = 9 WHERE staff_id = "
                         "(SELECT ledger.my_staff_id())")
                      .affectedRows(),
                  0);
        EXPECT_EQ(m.exec("UPDATE trusted_assessor SET observed_assessments = 9").affectedRows(), 2);
        EXPECT_ANY_THROW(m.exec("INSERT INTO trusted_assessor (staff_id, level, trained_on) "
                                "SELECT id, 'in_house', DATE '2025-01-01' FROM staff WHERE "
                                "employee_id = 'M'"));
        EXPECT_ANY_THROW(m.exec("DELETE FROM trusted_assessor"));
    }
    EXPECT_EQ(count("trusted_assessor"), "4");
}

TEST_F(PgAssessors, OnlyLeadsSetCanSignOffOrAddCategoriesWhichEveryoneReads) {
    for (const std::string who : {"A", "M", "L"}) {
        EXPECT_EQ(as(who).assessors().categories().size(), 8u) << who;
        EXPECT_EQ(as(who).assessors().roleCanSignOff("Social Worker"), false) << who;
    }
    {
        Ledger m = as("M");
        EXPECT_THROW(m.assessors().setRoleCanSignOff("Social Worker", true, "M"), NotPermitted);
        EXPECT_THROW(m.assessors().addCategory({"hoists", "Hoists"}, "M"), NotPermitted);
    }
    EXPECT_THROW(as("A").assessors().addCategory({"hoists", "Hoists"}, "A"), NotPermitted);
    EXPECT_ANY_THROW(rawAs("M").exec("UPDATE role SET can_sign_off = true"));
    EXPECT_ANY_THROW(
        rawAs("A").exec("INSERT INTO equipment_category (code, label) VALUES ('x', 'X')"));
    {
        Ledger lead = as("L");
        lead.assessors().setRoleCanSignOff("Social Worker", true, "L");
        lead.assessors().addCategory({"hoists", "Hoists"}, "L");
        EXPECT_THROW(lead.assessors().addCategory({"hoists", "Hoists"}, "L"), AlreadyExists);
    }
    for (const std::string who : {"A", "M", "L"}) {
        Ledger l = as(who);
        EXPECT_EQ(l.assessors().roleCanSignOff("Social Worker"), true) << who;
        const auto categories = l.assessors().categories();
        ASSERT_EQ(categories.size(), 9u) << who;
        EXPECT_EQ(categories[5], (EquipmentCategory{"hoists", "Hoists"})) << who;
    }
    EXPECT_EQ(rawAs("B").exec("SELECT count(*) FROM role WHERE can_sign_off").text(0, 0), "1");
}

TEST_F(PgAssessors, AuthorisationsGoFromAFileToAServerAndBack) {
    ScratchDir dir;
    const auto file = dir / "assessors.ledger";
    const std::string passphrase = "copy test passphrase 2026";
    std::vector<TrustedAssessor> authorisations;
    std::vector<EquipmentCategory> categories;
    {
        Ledger ledger = Ledger::create(file, passphrase, "test");
        for (const std::string who : {"A", "S"}) {
            Staff s;
            s.employeeId = who;
            s.fullName = "Person " + who;
            s.team = "East";
            s.role = who == "S" ? "Occupational Therapist" : "Social Worker";
            s.startDate = makeDate(2020, 1, 6);
            ledger.staff().add(s, kToday, "test");
        }
        ledger.assessors().setRoleCanSignOff("Occupational Therapist", true, "test");
        ledger.assessors().addCategory({"hoists", "Hoists"}, "test");
        TrustedAssessor a = inTraining("A");
        a.categories = {"hoists", "grab_rails"};
        a.signedOffBy = "S";
        a.signedOffOn = makeDate(2025, 2, 1);
        a.refreshers = {makeDate(2026, 1, 15)};
        a.restrictions = "Not bariatric";
        ledger.assessors().save(a, kToday, "test");
        ledger.assessors().save(inTraining("S", AssessorLevel::InHouse), kToday, "test");
        authorisations = ledger.assessors().all();
        categories = ledger.assessors().categories();
    }
    ASSERT_EQ(authorisations.size(), 2u);
    const auto same = [&](Ledger& copy) {
        EXPECT_EQ(copy.assessors().all(), authorisations);
        EXPECT_EQ(copy.assessors().categories(), categories);
        EXPECT_EQ(copy.assessors().roleCanSignOff("Occupational Therapist"), true);
        EXPECT_EQ(copy.assessors().roleCanSignOff("Social Worker"), false);
    };
    const std::string second = newLedger();
    {
        Ledger inFile = Ledger::open(file, passphrase, OpenMode::ReadOnly);
        inFile.copyTo(location(second), "");
    }
    {
        Ledger onServer = Ledger::open(location(second), "", OpenMode::ReadOnly);
        same(onServer);
        EXPECT_EQ(onServer.check(), std::vector<std::string>{});
        onServer.copyTo(Location::file(dir / "back.ledger"), passphrase);
    }
    Ledger back = Ledger::open(dir / "back.ledger", passphrase, OpenMode::ReadOnly);
    same(back);
    EXPECT_EQ(back.check(), std::vector<std::string>{});
}

TEST_F(PgAssessors, ASchemaFourServerUpgradesAndKeepsItsRecords) {
    const std::string db = newLedger(4);
    {
        pg::Connection admin = owner(db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker')");
        admin.exec("INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, "
                   "start_date) SELECT 'A', 'Person A', t.id, r.id, DATE '2020-01-06' FROM "
                   "ledger.team t, ledger.role r");
    }
    {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        const pg::Upgrade done = pg::upgradeServer(admin);
        EXPECT_EQ(done.from, 4);
        EXPECT_EQ(done.to, pg::schema::kVersion); // through every later step too
    }
    pg::Connection admin = owner(db);
    EXPECT_EQ(admin.exec("SELECT value FROM ledger.meta WHERE key = 'schema_version'").text(0, 0),
              std::to_string(pg::schema::kVersion));
    EXPECT_EQ(admin.exec("SELECT employee_id FROM ledger.staff").text(0, 0), "A");
    EXPECT_EQ(admin.exec("SELECT can_sign_off::text FROM ledger.role").text(0, 0), "false");
    EXPECT_EQ(admin.exec("SELECT count(*) FROM ledger.equipment_category").text(0, 0), "8");
    EXPECT_EQ(admin
                  .exec("SELECT count(*) FROM pg_policies WHERE schemaname = 'ledger' AND "
                        "tablename IN ('equipment_category', 'trusted_assessor')")
                  .text(0, 0),
              "7");
    Ledger ledger = Ledger::open(location(db), "", OpenMode::ReadWrite);
    EXPECT_EQ(ledger.check(), std::vector<std::string>{});
    ledger.assessors().save(inTraining("A"), kToday, "admin");
    EXPECT_EQ(keys(ledger.assessors().all()), (std::vector<std::string>{"A:level_3"}));
}

} // namespace
} // namespace ledger::test
