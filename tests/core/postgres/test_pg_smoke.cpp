// The libpq layer (core/postgres/pg.h) against the throwaway cluster: connecting through
// pgpass, the session settings, parameters and typed reads, prepared statements, COPY, and
// the server's failures as the errors of base/error.h.

#include "postgres/pg_test_cluster.h"

#include "postgres/pg.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

using ledger::pg::Connection;
using ledger::pg::Params;

namespace ledger::test {
namespace {

pg::ConnectOptions withPassword(std::string password) {
    pg::ConnectOptions options;
    options.password = std::move(password);
    return options;
}

pg::ConnectOptions withSearchPath(std::string searchPath) {
    pg::ConnectOptions options;
    options.searchPath = std::move(searchPath);
    return options;
}

class PgCluster : public PgClusterTest {};

TEST_F(PgCluster, ConnectsAsTheAdminThroughPgpassFile) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    const pg::Result r = conn.exec("SELECT current_user, current_database(), "
                                   "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)");
    EXPECT_EQ(r.text(0, 0), "pladmin");
    EXPECT_EQ(r.text(0, 1), db);
    EXPECT_EQ(r.text(0, 2), "f"); // the stand-in for a council's DBA is no superuser
    EXPECT_EQ(conn.user(), "pladmin");
    EXPECT_EQ(conn.database(), db);
    EXPECT_EQ(conn.tlsWarning(), std::nullopt); // a Unix socket
}

TEST_F(PgCluster, ConnectsToAUriWithHostAndPgpassFromTheEnvironment) {
    const std::string db = createDatabase();
    const ScopedEnv host("PGHOST", cluster().host.c_str());
    const ScopedEnv passFile("PGPASSFILE", cluster().passFile.c_str());
    const ScopedEnv password("PGPASSWORD", nullptr);
    Connection conn = Connection::open("postgresql:///" + db + "?user=pladmin");
    EXPECT_EQ(conn.exec("SELECT current_user").text(0, 0), "pladmin");
}

TEST_F(PgCluster, SetsDatesTimeZoneEncodingAndSearchPathPerSession) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db), withSearchPath("ledger, pg_catalog"));
    const pg::Result r = conn.exec("SELECT DATE '2026-03-31', "
                                   "TIMESTAMPTZ '2026-03-31 12:00:00+01', "
                                   "current_setting('search_path'), "
                                   "current_setting('client_encoding'), "
                                   "current_setting('application_name')");
    EXPECT_EQ(r.text(0, 0), "2026-03-31");
    EXPECT_EQ(r.text(0, 1), "2026-03-31 11:00:00+00");
    EXPECT_EQ(r.text(0, 2), "ledger, pg_catalog");
    EXPECT_EQ(r.text(0, 3), "UTF8");
    EXPECT_EQ(r.text(0, 4), "practice-ledger");
}

TEST_F(PgCluster, ParametersRoundTripAsTextAndNull) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    conn.exec("CREATE TABLE t (id bigint PRIMARY KEY, name text, on_day date)");
    const Params first{"9007199254740993", "Zoë O'Brien; DROP TABLE t", "2026-02-28"};
    EXPECT_EQ(conn.execParams("INSERT INTO t VALUES ($1, $2, $3)", first).affectedRows(), 1);
    EXPECT_EQ(
        conn.execParams("INSERT INTO t VALUES ($1, $2, $3)", {"2", std::nullopt, std::nullopt})
            .affectedRows(),
        1);

    const pg::Result r = conn.exec("SELECT id, name, on_day FROM t ORDER BY id");
    ASSERT_EQ(r.rows(), 2);
    ASSERT_EQ(r.columns(), 3);
    EXPECT_EQ(r.int64(0, 0), 2);
    EXPECT_TRUE(r.isNull(0, 1));
    EXPECT_EQ(r.optionalText(0, 1), std::nullopt);
    EXPECT_EQ(r.view(0, 1), "");
    EXPECT_EQ(r.int64(1, 0), 9007199254740993);
    EXPECT_EQ(r.optionalText(1, 1), std::optional<std::string>("Zoë O'Brien; DROP TABLE t"));
    EXPECT_EQ(r.text(1, 2), "2026-02-28");
    EXPECT_EQ(r.column("on_day"), 2);
    EXPECT_THROW((void)r.text(2, 0), std::out_of_range);
    EXPECT_THROW((void)r.column("nope"), std::out_of_range);
    EXPECT_THROW((void)r.int64(0, 1), StorageError); // NULL
    EXPECT_THROW((void)r.int64(1, 1), StorageError); // not a number
    EXPECT_EQ(conn.exec("UPDATE t SET name = 'x'").affectedRows(), 2);
}

TEST_F(PgCluster, PreparedStatementsRunMoreThanOnce) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    conn.exec("CREATE TABLE t (n integer)");
    conn.prepare("add", "INSERT INTO t VALUES ($1::integer) RETURNING n * 2");
    EXPECT_EQ(conn.execPrepared("add", {"20"}).int64(0, 0), 40);
    EXPECT_EQ(conn.execPrepared("add", {"21"}).int64(0, 0), 42);
    EXPECT_EQ(conn.exec("SELECT sum(n) FROM t").int64(0, 0), 41);
    EXPECT_THROW(conn.execPrepared("missing", {}), pg::ServerStorageError); // 26000
}

TEST_F(PgCluster, QuotesIdentifiersAndLiterals) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    const std::string name = "team \"A\"; drop";
    conn.exec("CREATE TABLE " + conn.quoteIdentifier(name) + " (v text)");
    conn.exec("INSERT INTO " + conn.quoteIdentifier(name) + " VALUES (" +
              conn.quoteLiteral("it's \\ fine") + ")");
    EXPECT_EQ(conn.exec("SELECT v FROM " + conn.quoteIdentifier(name)).text(0, 0), "it's \\ fine");
}

TEST_F(PgCluster, WrongPasswordIsAuthenticationFailed) {
    const std::string db = createDatabase();
    try {
        (void)Connection::open(conninfo(db), withPassword("not-the-password"));
        FAIL() << "connected with a wrong password";
    } catch (const pg::AuthenticationFailed& e) {
        EXPECT_EQ(e.sqlState(), "28P01");
        EXPECT_NE(std::string(e.what()).find("password authentication failed for user \"pladmin\""),
                  std::string::npos)
            << e.what();
        EXPECT_EQ(std::string(e.what()).find("LOCATION"), std::string::npos) << e.what();
    }
    // It is the error the rest of the program knows as a wrong passphrase (exit 3).
    EXPECT_THROW((void)Connection::open(conninfo(db), withPassword("x")), WrongPassphrase);
}

TEST_F(PgCluster, TheGivenPasswordWinsOverOneInTheUri) {
    const std::string db = createDatabase();
    const std::string role = createRole("right-password-1");
    const std::string uri = "postgresql://" + role + ":wrong@/" + db + "?host=" + cluster().host;
    EXPECT_THROW((void)Connection::open(uri), pg::AuthenticationFailed);
    Connection conn = Connection::open(uri, withPassword("right-password-1"));
    EXPECT_EQ(conn.exec("SELECT current_user").text(0, 0), role);
}

TEST_F(PgCluster, NoPasswordAnywhereIsAuthenticationFailedWithoutSqlState) {
    const std::string db = createDatabase();
    const std::string role = createRole("some-password-2"); // not in the pgpass file
    const ScopedEnv password("PGPASSWORD", nullptr);
    try {
        (void)Connection::open(conninfo(db, role));
        FAIL() << "connected without a password";
    } catch (const pg::AuthenticationFailed& e) {
        EXPECT_EQ(e.sqlState(), "");
        EXPECT_NE(std::string(e.what()).find("no password supplied"), std::string::npos)
            << e.what();
    }
}

TEST_F(PgCluster, MissingDatabaseIsDatabaseMissing) {
    try {
        (void)Connection::open(conninfo("no_such_database"));
        FAIL() << "connected to a database that does not exist";
    } catch (const pg::DatabaseMissing& e) {
        EXPECT_EQ(e.sqlState(), "3D000");
        EXPECT_NE(std::string(e.what()).find("database \"no_such_database\" does not exist"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW((void)Connection::open(conninfo("no_such_database")), LedgerMissing);
}

TEST_F(PgCluster, UniqueViolationIsConflict) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    conn.exec("CREATE TABLE staff (employee_id text PRIMARY KEY)");
    conn.execParams("INSERT INTO staff VALUES ($1)", {"E1"});
    try {
        conn.execParams("INSERT INTO staff VALUES ($1)", {"E1"});
        FAIL() << "inserted a duplicate key";
    } catch (const pg::ServerConflict& e) {
        EXPECT_EQ(e.sqlState(), "23505");
        const std::string what = e.what();
        EXPECT_NE(what.find("duplicate key value violates unique constraint \"staff_pkey\""),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("Key (employee_id)=(E1) already exists."), std::string::npos) << what;
    }
    // The connection carries on after a failed statement.
    EXPECT_EQ(conn.exec("SELECT count(*) FROM staff").int64(0, 0), 1);
}

TEST_F(PgCluster, ConcurrentUpdateUnderRepeatableReadIsConflict) {
    const std::string db = createDatabase();
    Connection first = Connection::open(conninfo(db));
    Connection second = Connection::open(conninfo(db));
    first.exec("CREATE TABLE t (id integer PRIMARY KEY, v integer); INSERT INTO t VALUES (1, 0)");
    first.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
    EXPECT_EQ(first.exec("SELECT v FROM t WHERE id = 1").int64(0, 0), 0); // takes the snapshot
    second.exec("UPDATE t SET v = 2 WHERE id = 1");                       // commits
    try {
        first.exec("UPDATE t SET v = 1 WHERE id = 1");
        FAIL() << "updated a row changed since the snapshot";
    } catch (const pg::ServerConflict& e) {
        EXPECT_EQ(e.sqlState(), "40001");
    }
    first.exec("ROLLBACK");
    EXPECT_EQ(first.exec("SELECT v FROM t WHERE id = 1").int64(0, 0), 2);
}

TEST_F(PgCluster, MissingPrivilegeIsNotPermitted) {
    const std::string db = createDatabase();
    const std::string role = createRole("reader-password-3");
    Connection admin = Connection::open(conninfo(db));
    admin.exec("CREATE TABLE secret (v text)");
    Connection reader = Connection::open(conninfo(db, role), withPassword("reader-password-3"));
    try {
        reader.exec("SELECT v FROM secret");
        FAIL() << "read a table without the privilege";
    } catch (const pg::PermissionDenied& e) {
        EXPECT_EQ(e.sqlState(), "42501");
        EXPECT_NE(std::string(e.what()).find("permission denied for table secret"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(reader.exec("SELECT v FROM secret"), NotPermitted);
}

// Pins what the row-level security policies of a later slice rely on: a row outside a
// policy's WITH CHECK is refused with 42501, the same NotPermitted.
TEST_F(PgCluster, RowLevelSecurityRefusalIsNotPermitted) {
    const std::string db = createDatabase();
    const std::string role = createRole("writer-password-4");
    Connection admin = Connection::open(conninfo(db));
    admin.exec("CREATE TABLE completion (staff text, n integer);"
               "ALTER TABLE completion ENABLE ROW LEVEL SECURITY;"
               "GRANT SELECT, INSERT ON completion TO " +
               admin.quoteIdentifier(role) + ";" + "CREATE POLICY own ON completion TO " +
               admin.quoteIdentifier(role) + " USING (staff = 'A') WITH CHECK (staff = 'A');" +
               "INSERT INTO completion VALUES ('A', 1), ('B', 2)");
    Connection writer = Connection::open(conninfo(db, role), withPassword("writer-password-4"));
    EXPECT_EQ(writer.exec("SELECT count(*) FROM completion").int64(0, 0), 1); // B's is hidden
    writer.execParams("INSERT INTO completion VALUES ($1, 3)", {"A"});
    try {
        writer.execParams("INSERT INTO completion VALUES ($1, 4)", {"B"});
        FAIL() << "wrote a row outside the policy";
    } catch (const pg::PermissionDenied& e) {
        EXPECT_EQ(e.sqlState(), "42501");
        EXPECT_NE(std::string(e.what()).find("row-level security"), std::string::npos) << e.what();
    }
}

TEST_F(PgCluster, OtherFailuresAreStorageErrorsWithTheServersMessage) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    try {
        conn.exec("SELEC 1");
        FAIL();
    } catch (const pg::ServerStorageError& e) {
        EXPECT_EQ(e.sqlState(), "42601");
        EXPECT_NE(std::string(e.what()).find("syntax error at or near \"SELEC\""),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(conn.exec("SELECT 1/0"), StorageError); // 22012
}

TEST_F(PgCluster, NoticesAreCollectedNotPrinted) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    conn.exec("DROP TABLE IF EXISTS not_there");
    const std::vector<std::string> notices = conn.takeNotices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_NE(notices[0].find("table \"not_there\" does not exist, skipping"), std::string::npos)
        << notices[0];
    EXPECT_TRUE(conn.takeNotices().empty());
}

TEST_F(PgCluster, CopyOutStreamsEveryRow) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    conn.exec("CREATE TABLE c (id integer, on_day date, note text);"
              "INSERT INTO c SELECT n, DATE '2026-01-01' + n, CASE WHEN n % 2 = 0 THEN 'x' END "
              "FROM generate_series(1, 5000) AS n");
    std::vector<std::string> rows;
    const std::int64_t count =
        conn.copyOut("COPY (SELECT id, on_day, note FROM c ORDER BY id) TO STDOUT",
                     [&](std::string_view row) { rows.emplace_back(row); });
    EXPECT_EQ(count, 5000);
    ASSERT_EQ(rows.size(), 5000u);
    EXPECT_EQ(rows[0], "1\t2026-01-02\t\\N\n");
    EXPECT_EQ(rows[1], "2\t2026-01-03\tx\n");
    EXPECT_EQ(rows[4999], "5000\t2039-09-10\tx\n");
    EXPECT_EQ(conn.exec("SELECT count(*) FROM c").int64(0, 0), 5000); // usable afterwards
}

TEST_F(PgCluster, CopyOutStoppedByTheReaderLeavesTheConnectionUsable) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    int seen = 0;
    EXPECT_THROW(conn.copyOut("COPY (SELECT n FROM generate_series(1, 1000000) AS n) TO STDOUT",
                              [&](std::string_view) {
                                  if (++seen == 10) {
                                      throw std::runtime_error("enough");
                                  }
                              }),
                 std::runtime_error);
    EXPECT_EQ(seen, 10);
    EXPECT_EQ(conn.exec("SELECT 42").int64(0, 0), 42);
}

TEST_F(PgCluster, CopyFailuresAndMisuseAreReported) {
    const std::string db = createDatabase();
    Connection conn = Connection::open(conninfo(db));
    EXPECT_THROW(conn.copyOut("COPY missing TO STDOUT", [](std::string_view) {}),
                 pg::ServerStorageError); // 42P01
    // A failure part-way through the rows comes back as the server's error.
    EXPECT_THROW(conn.copyOut("COPY (SELECT 1 / (n - 500) FROM generate_series(1, 1000) AS n) "
                              "TO STDOUT",
                              [](std::string_view) {}),
                 StorageError); // 22012 after 499 rows
    EXPECT_THROW(conn.copyOut("SELECT 1", [](std::string_view) {}), std::invalid_argument);
    EXPECT_THROW(conn.exec("COPY (SELECT 1) TO STDOUT"), std::invalid_argument);
    conn.exec("CREATE TABLE t (n integer)");
    EXPECT_THROW(conn.exec("COPY t FROM STDIN"), std::invalid_argument);
    EXPECT_EQ(conn.exec("SELECT count(*) FROM t").int64(0, 0), 0);
}

TEST_F(PgCluster, MovedConnectionsAndResultsKeepWorking) {
    const std::string db = createDatabase();
    Connection first = Connection::open(conninfo(db));
    Connection second = std::move(first);
    pg::Result result = second.exec("SELECT 7");
    pg::Result moved = std::move(result);
    EXPECT_EQ(moved.int64(0, 0), 7);
    EXPECT_THROW(first.exec("SELECT 1"), pg::ServerUnreachable); // NOLINT(bugprone-use-after-move)
    EXPECT_TRUE(first.takeNotices().empty());
    first = Connection::open(conninfo(db)); // a moved-from connection can be assigned again
    EXPECT_EQ(first.exec("SELECT 8").int64(0, 0), 8);
}

} // namespace
} // namespace ledger::test
