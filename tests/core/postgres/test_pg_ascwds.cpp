// The ASC-WDS delivery fields of a module on a server (schema step 7): a schema-6 server
// upgrades keeping its modules with the fields unset; a workforce lead saves them, a staff
// login reads them and cannot change them; the server refuses a provider code without an
// external provider, as the file does.

#include "postgres/pg_test_cluster.h"

#include "ledger.h"
#include "postgres/schema.h"
#include "postgres/server_admin.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace ledger::test {
namespace {

class PgAscWds : public PgLedgerTest {};

TEST_F(PgAscWds, ASchemaSixServerUpgradesAndKeepsTheModulesAscWdsFields) {
    const std::string db = newLedger(6);
    {
        pg::Connection admin = owner(db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker')");
        admin.exec("INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, "
                   "start_date) SELECT p.id, 'Person ' || p.id, t.id, r.id, DATE '2020-01-06' "
                   "FROM ledger.team t, ledger.role r, (VALUES ('A'), ('L')) AS p(id)");
        admin.exec("INSERT INTO ledger.module (code, title, renewal_months, asc_wds_category) "
                   "VALUES ('FIRE', 'Fire safety', 12, 6)");
    }
    {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        const pg::Upgrade done = pg::upgradeServer(admin);
        EXPECT_EQ(done.from, 6);
        EXPECT_EQ(done.to, 7);
        EXPECT_EQ(pg::schema::kVersion, 7);
    }
    {
        Ledger ledger = Ledger::open(location(db), "", OpenMode::ReadWrite);
        EXPECT_EQ(ledger.check(), std::vector<std::string>{});
        Module fire = ledger.training().records().modules.at(0);
        EXPECT_EQ(fire.ascWdsCategory, 6);
        EXPECT_EQ(fire.ascWdsAccredited, std::nullopt);
        EXPECT_EQ(fire.ascWdsProvider, std::nullopt);
    }
    const std::string lead = account(db, "L", pg::Access::WorkforceLead);
    const std::string staff = account(db, "A", pg::Access::Staff);
    {
        Ledger asLead = Ledger::open(location(db, lead), kTestPassword, OpenMode::ReadWrite);
        Module fire = asLead.training().records().modules.at(0);
        fire.ascWdsAccredited = 1;
        fire.ascWdsWhoDelivered = 2;
        fire.ascWdsProvider = 88;
        fire.ascWdsHowDelivered = 2;
        asLead.training().saveModule(fire, false, "L");
    }
    {
        Ledger asStaff = Ledger::open(location(db, staff), kTestPassword, OpenMode::ReadWrite);
        Module fire = asStaff.training().records().modules.at(0);
        EXPECT_EQ(fire.ascWdsAccredited, 1);
        EXPECT_EQ(fire.ascWdsWhoDelivered, 2);
        EXPECT_EQ(fire.ascWdsProvider, 88);
        EXPECT_EQ(fire.ascWdsHowDelivered, 2);
        fire.ascWdsAccredited = 0;
        EXPECT_ANY_THROW(asStaff.training().saveModule(fire, false, "A"));
    }
    pg::Connection admin = owner(db);
    EXPECT_ANY_THROW(admin.exec("UPDATE ledger.module SET asc_wds_who_delivered = 1"));
    EXPECT_ANY_THROW(admin.exec("UPDATE ledger.module SET asc_wds_accredited = 5"));
    EXPECT_EQ(admin.exec("SELECT asc_wds_accredited FROM ledger.module").text(0, 0), "1");
}

} // namespace
} // namespace ledger::test
