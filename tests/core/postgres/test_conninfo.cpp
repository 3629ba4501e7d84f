// Questions asked of a PostgreSQL location before connecting, and how the server's failures
// map to errors: pure, no server needed (these run with the file engine's tests).

#include "postgres/conninfo.h"
#include "postgres/pg.h"

#include "postgres/pg_test_cluster.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace ledger;
using namespace ledger::pg;

namespace {

TEST(Conninfo, ServerLocationsAreThePostgresUris) {
    EXPECT_TRUE(isServerLocation("postgresql://db.example.org/ledger"));
    EXPECT_TRUE(isServerLocation("postgres://db.example.org/ledger"));
    EXPECT_TRUE(isServerLocation("postgresql:///ledger"));
    EXPECT_FALSE(isServerLocation("council.ledger"));
    EXPECT_FALSE(isServerLocation("/home/ann/postgresql://x"));
    EXPECT_FALSE(isServerLocation("host=db.example.org dbname=ledger")); // could be a file name
    EXPECT_FALSE(isServerLocation("PostgreSQL://db/ledger"));
    EXPECT_FALSE(isServerLocation(""));
}

TEST(Conninfo, APasswordInTheLocationIsFound) {
    EXPECT_TRUE(carriesPassword("postgresql://ann:secret@db.example.org/ledger"));
    EXPECT_TRUE(carriesPassword("postgresql://db.example.org/ledger?password=")); // empty
    EXPECT_TRUE(carriesPassword("postgresql://db.example.org/ledger?user=ann&password=secret"));
    EXPECT_TRUE(carriesPassword("postgres://ann:s%40cret@db.example.org/ledger"));
    EXPECT_TRUE(carriesPassword("host=db.example.org password=secret"));
    EXPECT_FALSE(carriesPassword("postgresql://ann@db.example.org/ledger"));
    EXPECT_FALSE(carriesPassword("postgresql://ann:@db.example.org/ledger")); // libpq reads none
    EXPECT_FALSE(carriesPassword("postgresql://db.example.org/ledger?passfile=/home/ann/.pgpass"));
    EXPECT_FALSE(carriesPassword("host=db.example.org dbname=ledger"));
    EXPECT_FALSE(carriesPassword("ledger")); // a bare database name
}

TEST(Conninfo, AnUnreadableLocationIsAValidationError) {
    EXPECT_THROW((void)carriesPassword("postgresql://db.example.org/ledger?colour=blue"),
                 ValidationError);
    EXPECT_THROW((void)tlsWarning("host=db.example.org dbname"), ValidationError);
    ASSERT_TRUE(conninfoProblem("postgresql://db.example.org/ledger?colour=blue"));
    EXPECT_NE(conninfoProblem("postgresql://db.example.org/ledger?colour=blue")->find("colour"),
              std::string::npos);
    EXPECT_EQ(conninfoProblem("postgresql://db.example.org/ledger?sslmode=verify-full"),
              std::nullopt);
}

TEST(Conninfo, LoopbackHosts) {
    for (const char* host :
         {"", "/var/run/postgresql", "/tmp", "@abstract", "localhost", "LocalHost", "127.0.0.1",
          "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
        EXPECT_TRUE(isLoopbackHost(host)) << host;
    }
    for (const char* host : {"db.example.org", "10.0.0.5", "128.0.0.1", "::2", "fe80::1",
                             "localhost.example.org", "127.example.org", "::ffff:10.0.0.1"}) {
        EXPECT_FALSE(isLoopbackHost(host)) << host;
    }
}

TEST(Conninfo, RemoteHostsWithoutVerifiedTlsAreWarnedAbout) {
    const std::optional<std::string> warning = tlsWarningFor("db.example.org", "", "prefer");
    ASSERT_TRUE(warning);
    EXPECT_EQ(*warning, "the connection to db.example.org is not protected by verified TLS "
                        "(sslmode=prefer): the password and the records could be read or "
                        "changed on the way; ask the database administrator for "
                        "sslmode=verify-full");
    for (const char* mode : {"", "disable", "allow", "prefer", "require", "verify-ca"}) {
        EXPECT_TRUE(tlsWarningFor("db.example.org", "", mode)) << mode;
    }
    EXPECT_NE(tlsWarningFor("db.example.org", "", "")->find("sslmode=prefer"), std::string::npos);
    EXPECT_EQ(tlsWarningFor("db.example.org", "", "verify-full"), std::nullopt);
}

TEST(Conninfo, LoopbackDestinationsNeedNoTls) {
    EXPECT_EQ(tlsWarningFor("", "", "disable"), std::nullopt);
    EXPECT_EQ(tlsWarningFor("/var/run/postgresql", "", "prefer"), std::nullopt);
    EXPECT_EQ(tlsWarningFor("localhost", "", "disable"), std::nullopt);
    EXPECT_EQ(tlsWarningFor("localhost,127.0.0.2", "", "prefer"), std::nullopt);
    // The address is where libpq connects; the name only checks the certificate.
    EXPECT_EQ(tlsWarningFor("db.example.org", "127.0.0.1", "prefer"), std::nullopt);
    EXPECT_TRUE(tlsWarningFor("localhost", "10.0.0.5", "prefer"));
    // One remote host in a list is enough.
    const std::optional<std::string> warning = tlsWarningFor("localhost,db2.example.org", "", "");
    ASSERT_TRUE(warning);
    EXPECT_NE(warning->find("db2.example.org"), std::string::npos);
}

TEST(Conninfo, TheWarningReadsTheLocationAndTheEnvironment) {
    // None of the variables libpq would take a host or an sslmode from.
    const test::ScopedEnv host("PGHOST", nullptr);
    const test::ScopedEnv hostaddr("PGHOSTADDR", nullptr);
    const test::ScopedEnv sslmode("PGSSLMODE", nullptr);
    const test::ScopedEnv requiressl("PGREQUIRESSL", nullptr);
    const test::ScopedEnv service("PGSERVICE", nullptr);
    EXPECT_TRUE(tlsWarning("postgresql://db.example.org/ledger"));
    EXPECT_TRUE(tlsWarning("postgresql://db.example.org/ledger?sslmode=require"));
    EXPECT_TRUE(tlsWarning("host=10.1.2.3 dbname=ledger"));
    EXPECT_EQ(tlsWarning("postgresql://db.example.org/ledger?sslmode=verify-full"), std::nullopt);
    EXPECT_EQ(tlsWarning("postgresql:///ledger"), std::nullopt);
    EXPECT_EQ(tlsWarning("postgresql://localhost/ledger"), std::nullopt);
    EXPECT_EQ(tlsWarning("postgresql://[::1]:5433/ledger"), std::nullopt);
    EXPECT_EQ(tlsWarning("postgresql://%2Fvar%2Frun%2Fpostgresql/ledger"), std::nullopt);
    EXPECT_EQ(tlsWarning("postgresql://db.example.org/ledger?hostaddr=127.0.0.1"), std::nullopt);
    EXPECT_EQ(tlsWarning("ledger"), std::nullopt); // a database name on the default socket

    // What the location leaves out, libpq takes from the environment (PQconndefaults).
    const test::ScopedEnv remote("PGHOST", "db.example.org");
    EXPECT_TRUE(tlsWarning("postgresql:///ledger"));
    EXPECT_EQ(tlsWarning("postgresql://localhost/ledger"), std::nullopt);
    const test::ScopedEnv verified("PGSSLMODE", "verify-full");
    EXPECT_EQ(tlsWarning("postgresql:///ledger"), std::nullopt);
    EXPECT_TRUE(tlsWarning("postgresql:///ledger?sslmode=prefer"));
}

TEST(ServerErrors, SqlStatesMapToTheProgramsErrors) {
    const auto kindOf = [](const std::string& state, bool duringConnect = false) -> std::string {
        try {
            throwServerError(state, "the server's words", duringConnect);
        } catch (const ServerUnreachable& e) {
            EXPECT_EQ(e.sqlState(), state);
            return "unreachable";
        } catch (const DatabaseMissing& e) {
            EXPECT_EQ(e.sqlState(), state);
            return "database missing";
        } catch (const AuthenticationFailed& e) {
            EXPECT_EQ(e.sqlState(), state);
            return "authentication";
        } catch (const PermissionDenied& e) {
            EXPECT_EQ(e.sqlState(), state);
            return "not permitted";
        } catch (const ServerConflict& e) {
            EXPECT_EQ(e.sqlState(), state);
            return "conflict";
        } catch (const ServerStorageError& e) {
            EXPECT_EQ(e.sqlState(), state);
            EXPECT_STREQ(e.what(), "the server's words");
            return "storage";
        }
        return "nothing";
    };
    EXPECT_EQ(kindOf("08006"), "unreachable");
    EXPECT_EQ(kindOf("08001"), "unreachable");
    EXPECT_EQ(kindOf("", true), "unreachable");
    EXPECT_EQ(kindOf("3D000"), "database missing");
    EXPECT_EQ(kindOf("28P01"), "authentication");
    EXPECT_EQ(kindOf("28000"), "authentication");
    EXPECT_EQ(kindOf("42501"), "not permitted");
    EXPECT_EQ(kindOf("40001"), "conflict");
    EXPECT_EQ(kindOf("40P01"), "conflict");
    EXPECT_EQ(kindOf("23505"), "conflict");
    EXPECT_EQ(kindOf("23503"), "storage");
    EXPECT_EQ(kindOf("42P01"), "storage");
    EXPECT_EQ(kindOf("53300"), "storage");
    EXPECT_EQ(kindOf(""), "storage");
}

TEST(ServerErrors, EachIsAlsoTheErrorTheRestOfTheProgramCatches) {
    EXPECT_THROW(throwServerError("08006", "m"), LedgerMissing);
    EXPECT_THROW(throwServerError("3D000", "m"), LedgerMissing);
    EXPECT_THROW(throwServerError("28P01", "m"), WrongPassphrase);
    EXPECT_THROW(throwServerError("42501", "m"), NotPermitted);
    EXPECT_THROW(throwServerError("40P01", "m"), Conflict);
    EXPECT_THROW(throwServerError("XX000", "m"), StorageError);
    EXPECT_THROW(throwServerError("XX000", "m"), Error);
    EXPECT_THROW(throwServerError("XX000", "m"), ServerFailure);
}

TEST(ServerErrors, AConnectionFailureIsSplitIntoSqlStateAndMessage) {
    const ConnectionFailureText refused = splitConnectionFailure(
        "connection to server on socket \"/tmp/pg/.s.PGSQL.5432\" failed: FATAL:  28P01: "
        "password authentication failed for user \"ann\"\nLOCATION:  auth_failed, auth.c:334\n");
    EXPECT_EQ(refused.sqlState, "28P01");
    EXPECT_EQ(refused.message, "connection to server on socket \"/tmp/pg/.s.PGSQL.5432\" "
                               "failed: FATAL:  password authentication failed for user \"ann\"");

    const ConnectionFailureText translated =
        splitConnectionFailure("Verbindung fehlgeschlagen: FATAL:  3D000: Datenbank »x« "
                               "existiert nicht\nLOCATION:  InitPostgres, postinit.c:948\n");
    EXPECT_EQ(translated.sqlState, "3D000");

    const ConnectionFailureText local = splitConnectionFailure(
        "connection to server on socket \"/nowhere/.s.PGSQL.5432\" failed: No such file or "
        "directory\n\tIs the server running locally and accepting connections on that "
        "socket?\n");
    EXPECT_EQ(local.sqlState, "");
    EXPECT_EQ(local.message, "connection to server on socket \"/nowhere/.s.PGSQL.5432\" failed: "
                             "No such file or directory\n\tIs the server running locally and "
                             "accepting connections on that socket?");

    EXPECT_EQ(splitConnectionFailure("fe_sendauth: no password supplied\n").sqlState, "");
}

TEST(ServerErrors, NoServerAtTheSocketIsUnreachable) {
    const test::ScratchDir dir;
    try {
        (void)Connection::open("host=" + dir.path().string() + " dbname=ledger user=ann");
        FAIL() << "connected to nothing";
    } catch (const ServerUnreachable& e) {
        EXPECT_EQ(e.sqlState(), "");
        EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos)
            << e.what();
    }
    EXPECT_THROW((void)Connection::open("host=" + dir.path().string() + " dbname=ledger"),
                 LedgerMissing);
}

TEST(ServerErrors, AnUnreadableLocationIsRefusedBeforeConnecting) {
    EXPECT_THROW((void)Connection::open("postgresql://localhost/ledger?colour=blue"),
                 ValidationError);
}

} // namespace
