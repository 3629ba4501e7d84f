// Many writers on one server: several clients save the same record at the same moment and
// exactly one wins, the others are told who saved it and when, and nothing is lost; a
// ledger written by an older program is refused until its administrator upgrades it, step
// by step, keeping every record.

#include "postgres/pg_test_cluster.h"

#include "cli/cli_runner.h"
#include "ledger.h"
#include "postgres/schema.h"
#include "postgres/server_admin.h"

#include <gtest/gtest.h>

#include <barrier>
#include <poll.h>
#include <string>
#include <thread>
#include <vector>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25);

Staff person(const std::string& id, const std::string& name) {
    Staff s;
    s.employeeId = id;
    s.fullName = name;
    s.team = "East";
    s.role = "Social Worker";
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

class PgManyWriters : public PgLedgerTest {};

/// What one client's save came to.
struct Outcome {
    bool saved = false;
    bool stale = false;
    std::string actor; // who the refusal named
    std::string at;
    std::string other; // any other error
};

TEST_F(PgManyWriters, ClientsSavingOneRecordAtOnceGiveOneWinnerAndConflictsForTheRest) {
    constexpr int kClients = 8;
    const std::string db = newLedger();
    std::vector<std::string> logins;
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        admin.staff().add(person("E1", "Ann Worker"), kToday, "admin");
        for (int i = 0; i < kClients; ++i) {
            const std::string id = "L" + std::to_string(i);
            admin.staff().add(person(id, "Lead " + std::to_string(i)), kToday, "admin");
            logins.push_back(
                addLogin(db, id, db + "_l" + std::to_string(i), pg::Access::WorkforceLead));
        }
    }

    // Each client reads the record, then all save their own change at the same moment.
    std::vector<Outcome> outcomes(kClients);
    std::barrier ready(kClients);
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.emplace_back([&, i] {
            Outcome& outcome = outcomes[static_cast<std::size_t>(i)];
            try {
                Ledger ledger = Ledger::open(location(db, logins[static_cast<std::size_t>(i)]),
                                             kTestPassword, OpenMode::ReadWrite);
                Staff mine = ledger.staff().find("E1").value();
                mine.fullName = "Ann Worker (client " + std::to_string(i) + ")";
                ready.arrive_and_wait();
                try {
                    ledger.staff().update(mine, kToday, "client");
                    outcome.saved = true;
                } catch (const StaleRecord& e) {
                    outcome.stale = true;
                    outcome.actor = e.actor();
                    outcome.at = e.at();
                }
            } catch (const std::exception& e) {
                outcome.other = e.what();
            }
        });
    }
    for (std::thread& t : clients) {
        t.join();
    }

    int winner = -1;
    int stale = 0;
    for (int i = 0; i < kClients; ++i) {
        const Outcome& o = outcomes[static_cast<std::size_t>(i)];
        EXPECT_EQ(o.other, "") << "client " << i;
        if (o.saved) {
            EXPECT_EQ(winner, -1) << "two clients saved over the same version";
            winner = i;
        }
        stale += o.stale ? 1 : 0;
    }
    ASSERT_NE(winner, -1);
    EXPECT_EQ(stale, kClients - 1);

    // The winner's change is the record; each refusal named the winner's login and the time
    // the server stamped on its entry; the losers wrote nothing.
    Ledger admin = Ledger::open(location(db), "", OpenMode::ReadOnly);
    const Staff stored = admin.staff().find("E1").value();
    EXPECT_EQ(stored.fullName, "Ann Worker (client " + std::to_string(winner) + ")");
    EXPECT_EQ(stored.version.value, 2);
    const auto log = admin.audit().changeLog("staff", "E1");
    ASSERT_EQ(log.size(), 2u); // added, and the winner's one update
    EXPECT_EQ(log[1].actor, logins[static_cast<std::size_t>(winner)]);
    for (const Outcome& o : outcomes) {
        if (o.stale) {
            EXPECT_EQ(o.actor, log[1].actor);
            EXPECT_EQ(o.at, log[1].at);
        }
    }
    pg::Connection raw = pg::Connection::open(conninfo(db));
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.change_log WHERE entity = 'staff' AND "
                       "action = 'update'")
                  .int64(0, 0),
              1);
}

TEST_F(PgManyWriters, AManagerHearsOnlyOfChangesToTheirOwnTree) {
    const std::string db = newLedger();
    Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
    Module fire;
    fire.code = "FIRE";
    fire.title = "Fire safety";
    admin.training().saveModule(fire, true, "admin");
    Staff manager = person("M1", "Mo Manager");
    Staff mine = person("A", "Ann");
    mine.lineManagerId = "M1";
    Staff other = person("C", "Cy");
    for (const Staff& s : {manager, mine, other}) {
        admin.staff().add(s, kToday, "admin");
    }
    const std::string login = addLogin(db, "M1", db + "_m1", pg::Access::Manager);
    Ledger listener = Ledger::open(location(db, login), kTestPassword, OpenMode::ReadWrite);
    const int socket = listener.changeSocket();
    ASSERT_GE(socket, 0);

    Completion done;
    done.moduleCode = "FIRE";
    done.completedOn = makeDate(2026, 6, 1);
    done.employeeId = "C";
    admin.training().addCompletion(done, kToday, "admin");
    done.employeeId = "A";
    admin.training().addCompletion(done, kToday, "admin");
    // Both announcements arrive, in commit order (ids only); the server lets the manager read
    // only A's entry. Heard until A's (the waits only bound a broken run).
    std::vector<LedgerChange> heard;
    for (int quiet = 0; heard.empty() && quiet < 50;) {
        pollfd wait{socket, POLLIN, 0};
        if (::poll(&wait, 1, 200) <= 0) {
            ++quiet;
            continue;
        }
        listener.drainChangeSocket();
        heard = listener.othersChanges();
    }
    EXPECT_EQ(heard, (std::vector<LedgerChange>{{LedgerChange::Kind::Completions, "A"}}));
}

TEST_F(PgManyWriters, AnOlderLedgerIsRefusedUntilItsAdministratorUpgradesIt) {
    const std::string db = newLedger(1);
    {
        // A record written by the older program.
        pg::Connection admin = owner(db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker')");
        admin.exec("INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, "
                   "start_date) SELECT 'E1', 'Ann Worker', t.id, r.id, DATE '2020-01-06' "
                   "FROM ledger.team t, ledger.role r");
    }
    EXPECT_THROW((void)Ledger::open(location(db), "", OpenMode::ReadWrite), OlderSchema);

    Cli cli;
    const auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--ledger", scratch().uri(db)});
        return cli(args);
    };
    const Result refused = run({"report", "coverage"});
    EXPECT_EQ(refused.status, 3);
    EXPECT_NE(refused.err.find("server upgrade"), std::string::npos) << refused.err;

    const Result upgraded = run({"server", "upgrade"});
    ASSERT_EQ(upgraded.status, 0) << upgraded.err;
    EXPECT_EQ(upgraded.out, "upgraded the ledger in database " + db + " from schema 1 to " +
                                std::to_string(pg::schema::kVersion) + "\n");
    const Result again = run({"server", "upgrade"});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(again.out, "the ledger in database " + db + " is up to date (schema " +
                             std::to_string(pg::schema::kVersion) + ")\n");

    Ledger ledger = Ledger::open(location(db), "", OpenMode::ReadWrite);
    EXPECT_EQ(ledger.schemaVersion(), pg::schema::kVersion);
    EXPECT_EQ(ledger.check(), std::vector<std::string>{});
    const Staff ann = ledger.staff().find("E1").value();
    EXPECT_EQ(ann.fullName, "Ann Worker");
    EXPECT_EQ(ann.version.value, 1);
    Staff renamed = ann;
    renamed.fullName = "Ann Worker-Smith";
    ledger.staff().update(renamed, kToday, "admin");
    EXPECT_EQ(ledger.staff().find("E1")->version.value, 2);
}

TEST_F(PgManyWriters, ANewerLedgerIsNeverUpgradedDownOrOpened) {
    const std::string db = newLedger();
    pg::Connection admin = pg::Connection::open(conninfo(db));
    admin.exec("SET ROLE " + admin.quoteIdentifier(db + "_owner"));
    admin.exec("UPDATE ledger.meta SET value = '99' WHERE key = 'schema_version'");
    admin.exec("RESET ROLE");
    EXPECT_THROW((void)Ledger::open(location(db), "", OpenMode::ReadOnly), NewerSchema);
    EXPECT_THROW((void)pg::upgradeServer(admin), NewerSchema);
    EXPECT_EQ(admin.exec("SELECT value FROM ledger.meta WHERE key = 'schema_version'").text(0, 0),
              "99");
}

} // namespace
} // namespace ledger::test
