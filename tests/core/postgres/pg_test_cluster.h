#pragma once

// The throwaway PostgreSQL cluster of the tests (tests/pg/cluster.sh, started by the ctest
// fixture `pgcluster`), a fixture that gives each test its own databases and roles, and one
// that makes ledgers in them with their logins.
//
// PRACTICE_LEDGER_TEST_PG names the cluster's POINTER file: `PGHOST=<socket folder>` and
// `PGPASSFILE=<pgpass with pladmin's password>`, or `unavailable: <reason>`. Without a
// cluster a test skips with the reason, or fails when PRACTICE_LEDGER_REQUIRE_PG=1 (CI).

#include "postgres/pg.h"
#include "postgres/schema.h"
#include "postgres/server_admin.h"
#include "store/location.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace ledger::test {

// Sets (or unsets) one environment variable for a scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_old = old;
        }
        if (value != nullptr) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (m_old) {
            ::setenv(m_name, m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

/// Where the cluster is, or why there is none.
struct PgClusterInfo {
    std::string host;     // the socket folder
    std::string passFile; // pgpass holding pladmin's password
    std::string unavailable;

    [[nodiscard]] bool available() const { return unavailable.empty(); }
};

inline PgClusterInfo readPgCluster() {
    PgClusterInfo cluster;
    const char* pointer = std::getenv("PRACTICE_LEDGER_TEST_PG");
    if (pointer == nullptr || *pointer == '\0') {
        cluster.unavailable = "PRACTICE_LEDGER_TEST_PG is not set (run the PostgreSQL tests "
                              "through ctest, which starts the cluster)";
        return cluster;
    }
    std::ifstream in(pointer);
    if (!in) {
        cluster.unavailable = std::string("no cluster: cannot read ") + pointer;
        return cluster;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("unavailable:", 0) == 0) {
            cluster.unavailable = line;
        } else if (line.rfind("PGHOST=", 0) == 0) {
            cluster.host = line.substr(7);
        } else if (line.rfind("PGPASSFILE=", 0) == 0) {
            cluster.passFile = line.substr(11);
        }
    }
    if (cluster.available() && (cluster.host.empty() || cluster.passFile.empty())) {
        cluster.unavailable = std::string("no cluster: ") + pointer + " names none";
    }
    return cluster;
}

inline bool pgRequired() {
    const char* required = std::getenv("PRACTICE_LEDGER_REQUIRE_PG");
    return required != nullptr && std::string(required) == "1";
}

/// `value` as a conninfo value: single-quoted, with `\` and `'` escaped.
inline std::string conninfoValue(const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') {
            quoted.push_back('\\');
        }
        quoted.push_back(c);
    }
    return quoted + "'";
}

/// The cluster as one test uses it: its own databases and roles, dropped at the end.
class PgScratch {
public:
    PgScratch() : m_cluster(readPgCluster()) {}
    ~PgScratch() { dropAll(); }
    PgScratch(const PgScratch&) = delete;
    PgScratch& operator=(const PgScratch&) = delete;

    [[nodiscard]] const PgClusterInfo& cluster() const { return m_cluster; }

    /// A conninfo to `database` on the cluster's socket as `user`, with pladmin's pgpass
    /// (other roles give their password through ConnectOptions).
    [[nodiscard]] std::string conninfo(const std::string& database,
                                       const std::string& user = "pladmin") const {
        return "host=" + conninfoValue(m_cluster.host) +
               " passfile=" + conninfoValue(m_cluster.passFile) +
               " dbname=" + conninfoValue(database) + " user=" + conninfoValue(user);
    }

    /// The same as a location a person would type (a `postgresql://` URI).
    [[nodiscard]] std::string uri(const std::string& database,
                                  const std::string& user = "pladmin") const {
        return "postgresql:///" + database + "?host=" + m_cluster.host + "&user=" + user +
               "&passfile=" + m_cluster.passFile;
    }

    /// The harness's superuser (trusted over the socket): for setting up, never for the
    /// product.
    [[nodiscard]] pg::Connection superuser(const std::string& database = "postgres") const {
        return pg::Connection::open(conninfo(database, "plsuper"));
    }

    /// A new empty database owned by pladmin; returns its name.
    std::string createDatabase() {
        const std::string name = uniqueName("t");
        pg::Connection super = superuser();
        const std::string quoted = super.quoteIdentifier(name);
        // A database a crashed run left under this pid's name goes first.
        super.exec("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
        // template0: template1 may be in use by a parallel test, which CREATE DATABASE refuses.
        // FILE_COPY: copying template0's files took 45-65 ms here against 110-200 ms for
        // PostgreSQL 15's default WAL_LOG (which writes every page to the WAL).
        super.exec("CREATE DATABASE " + quoted +
                   " TEMPLATE template0 OWNER pladmin STRATEGY FILE_COPY");
        m_databases.push_back(name);
        return name;
    }

    /// A new login role (not a superuser) with `password`; returns its name.
    std::string createRole(const std::string& password) {
        const std::string name = uniqueName("r");
        pg::Connection super = superuser();
        const std::string quoted = super.quoteIdentifier(name);
        super.exec("DROP ROLE IF EXISTS " + quoted);
        super.exec("CREATE ROLE " + quoted + " LOGIN PASSWORD " + super.quoteLiteral(password));
        m_roles.push_back(name);
        return name;
    }

    /// Drops role `name` with the test's databases (one the product made).
    void trackRole(const std::string& name) { m_roles.push_back(name); }
    /// Drops the group roles `server init` makes for `database` with the test's databases.
    void trackLedgerRoles(const std::string& database) {
        for (const char* suffix : {"_owner", "_workforce_lead", "_manager", "_staff"}) {
            m_roles.push_back(database + suffix);
        }
    }

    /// Drops the databases, then the roles (reporting a failure to the test).
    void dropAll() {
        if (!m_cluster.available() || (m_databases.empty() && m_roles.empty())) {
            return;
        }
        try {
            pg::Connection super = superuser();
            for (const std::string& db : m_databases) {
                super.exec("DROP DATABASE IF EXISTS " + super.quoteIdentifier(db) +
                           " WITH (FORCE)");
            }
            for (const std::string& role : m_roles) {
                super.exec("DROP ROLE IF EXISTS " + super.quoteIdentifier(role));
            }
        } catch (const std::exception& e) {
            ADD_FAILURE() << "dropping the test's databases and roles: " << e.what();
        }
        m_databases.clear();
        m_roles.clear();
    }

private:
    // Unique across the processes ctest runs at once (the pid) and within one (the counter).
    static std::string uniqueName(const std::string& prefix) {
        static int counter = 0;
        return prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    }

    PgClusterInfo m_cluster;
    std::vector<std::string> m_databases;
    std::vector<std::string> m_roles;
};

/// Skips the test (or fails it, when required) when there is no cluster; true when there is.
inline bool requireCluster(const PgClusterInfo& cluster) {
    if (cluster.available()) {
        return true;
    }
    if (pgRequired()) {
        ADD_FAILURE() << cluster.unavailable << " (and PRACTICE_LEDGER_REQUIRE_PG=1)";
    }
    return false;
}

/// A test against the cluster. SetUp skips (or fails, when required) without one; each
/// database and role made through it is dropped at the end of the test.
class PgClusterTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!m_scratch.cluster().available()) {
            if (pgRequired()) {
                FAIL() << m_scratch.cluster().unavailable << " (and PRACTICE_LEDGER_REQUIRE_PG=1)";
            }
            GTEST_SKIP() << m_scratch.cluster().unavailable;
        }
    }

    void TearDown() override { m_scratch.dropAll(); }

    [[nodiscard]] const PgClusterInfo& cluster() const { return m_scratch.cluster(); }
    [[nodiscard]] std::string conninfo(const std::string& database,
                                       const std::string& user = "pladmin") const {
        return m_scratch.conninfo(database, user);
    }
    [[nodiscard]] pg::Connection superuser(const std::string& database = "postgres") const {
        return m_scratch.superuser(database);
    }
    std::string createDatabase() { return m_scratch.createDatabase(); }
    std::string createRole(const std::string& password) { return m_scratch.createRole(password); }
    void trackRole(const std::string& name) { m_scratch.trackRole(name); }
    [[nodiscard]] PgScratch& scratch() { return m_scratch; }

private:
    PgScratch m_scratch;
};

/// A test of ledgers on the cluster: each in a database of its own made by `server init`,
/// dropped at the end of the test with its group roles and the logins made through it.
class PgLedgerTest : public PgClusterTest {
protected:
    /// The password account() and addLogin() give a login unless told another.
    static constexpr const char* kTestPassword = "a long test password 2026";

    /// A new database with a ledger of schema `version` in it (`server init` as the
    /// administrator); returns its name.
    std::string newLedger(int version = pg::schema::kVersion) {
        const std::string db = createDatabase();
        pg::Connection admin = pg::Connection::open(conninfo(db));
        scratch().trackLedgerRoles(db);
        pg::initServer(admin, version);
        return db;
    }

    /// `db` as a location, for `user` (the administrator's password from its pgpass file;
    /// others give theirs to Ledger::open).
    [[nodiscard]] Location location(const std::string& db, const std::string& user = "pladmin") {
        return Location::parse(scratch().uri(db, user));
    }

    /// The login `login` for `employeeId` with `access`, dropped with the test; returns it.
    std::string addLogin(const std::string& db, const std::string& employeeId,
                         const std::string& login, pg::Access access,
                         const std::string& password = kTestPassword) {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        pg::addAccount(admin, employeeId, login, access, password);
        trackRole(login);
        return login;
    }

    /// A login `<db>_<employeeId>` for `employeeId` with `access`, dropped with the test.
    std::string account(const std::string& db, const std::string& employeeId, pg::Access access,
                        const std::string& password = kTestPassword) {
        return addLogin(db, employeeId, db + "_" + employeeId, access, password);
    }

    /// The administrator working as the ledger's owner (every row, no policy in the way).
    pg::Connection owner(const std::string& db) {
        pg::Connection c = pg::Connection::open(conninfo(db));
        c.exec("SET ROLE " + c.quoteIdentifier(db + "_owner"));
        return c;
    }
};

} // namespace ledger::test
