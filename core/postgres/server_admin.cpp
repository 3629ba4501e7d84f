#include "postgres/server_admin.h"

#include "postgres/schema.h"

#include <libpq-fe.h>

#include <memory>

namespace ledger::pg {

namespace {

/// The longest database name whose role names (`<db>_workforce_lead`) fit PostgreSQL's 63
/// bytes, past which names are cut short without a word.
constexpr std::size_t kLongestDatabaseName = 63 - std::string_view("_workforce_lead").size();

std::string roleName(Connection& connection, std::string_view suffix) {
    return connection.database() + "_" + std::string(suffix);
}

std::string_view groupSuffix(Access access) {
    switch (access) {
    case Access::Staff:
        return "staff";
    case Access::Manager:
        return "manager";
    case Access::WorkforceLead:
        return "workforce_lead";
    }
    return "staff";
}

/// Runs `work` in one transaction on `connection`: committed whole, or rolled back.
template <typename Work> void inTransaction(Connection& connection, Work work) {
    connection.exec("BEGIN");
    try {
        work();
        connection.exec("COMMIT");
    } catch (...) {
        try {
            connection.exec("ROLLBACK");
        } catch (...) { // NOLINT(bugprone-empty-catch): the first failure is the one to report
        }
        throw;
    }
}

bool roleExists(Connection& connection, const std::string& name) {
    return connection.execParams("SELECT 1 FROM pg_roles WHERE rolname = $1", {name}).rows() > 0;
}

void requireLedger(Connection& connection) {
    if (connection.exec("SELECT to_regnamespace('ledger') IS NULL").view(0, 0) == "t") {
        throw NotALedger("the database " + connection.database() +
                         " holds no Practice Ledger (run server init first)");
    }
}

} // namespace

std::optional<Access> parseAccess(std::string_view text) {
    if (text == "staff") {
        return Access::Staff;
    }
    if (text == "manager") {
        return Access::Manager;
    }
    if (text == "workforce-lead") {
        return Access::WorkforceLead;
    }
    return std::nullopt;
}

std::string_view accessCode(Access access) {
    switch (access) {
    case Access::Staff:
        return "staff";
    case Access::Manager:
        return "manager";
    case Access::WorkforceLead:
        return "workforce-lead";
    }
    return "staff";
}

std::string ownerRole(Connection& connection) {
    return roleName(connection, "owner");
}

std::string accessRole(Connection& connection, Access access) {
    return roleName(connection, groupSuffix(access));
}

void initServer(Connection& connection, int version) {
    if (version < 1 || version > schema::kVersion) {
        throw Error("there is no schema version " + std::to_string(version));
    }
    const std::string database = connection.database();
    if (database.size() > kLongestDatabaseName) {
        throw ValidationError({FieldError{
            {},
            0,
            "database",
            "the database name " + database + " is longer than " +
                std::to_string(kLongestDatabaseName) +
                " bytes, too long for the names of the ledger's roles; use a shorter name"}});
    }
    const std::string owner = ownerRole(connection);
    const std::string lead = accessRole(connection, Access::WorkforceLead);
    const std::string manager = accessRole(connection, Access::Manager);
    const std::string staff = accessRole(connection, Access::Staff);
    const auto q = [&](const std::string& name) {
        return connection.quoteIdentifier(name);
    };
    inTransaction(connection, [&] {
        if (connection.exec("SELECT to_regnamespace('ledger') IS NOT NULL").view(0, 0) == "t") {
            throw AlreadyExists("the database " + database + " already holds a ledger");
        }
        for (const std::string& role : {owner, lead, manager, staff}) {
            if (roleExists(connection, role)) {
                throw AlreadyExists("the role " + role +
                                    " already exists on this server: another ledger's, or one "
                                    "left by an earlier attempt (drop it, or use another "
                                    "database name)");
            }
        }
        for (const std::string& role : {owner, lead, manager, staff}) {
            connection.exec("CREATE ROLE " + q(role) + " NOLOGIN");
        }
        // The administrator may act as the owner (to set the ledger up, copy and upgrade).
        connection.exec("GRANT " + q(owner) + " TO CURRENT_USER");
        connection.exec("REVOKE CONNECT, TEMPORARY ON DATABASE " + q(database) + " FROM PUBLIC");
        connection.exec("GRANT CONNECT, TEMPORARY ON DATABASE " + q(database) + " TO " + q(lead) +
                        ", " + q(manager) + ", " + q(staff));
        connection.exec("CREATE SCHEMA ledger AUTHORIZATION " + q(owner));
        connection.exec("SET LOCAL ROLE " + q(owner));
        for (int step = 0; step < version; ++step) {
            connection.exec(schema::kSteps[static_cast<std::size_t>(step)]);
        }
        connection.execParams("INSERT INTO ledger.meta (key, value) VALUES ('schema_version', $1)",
                              {std::to_string(version)});
        connection.exec("RESET ROLE");
    });
}

Upgrade upgradeServer(Connection& connection) {
    requireLedger(connection);
    const std::string database = connection.database();
    const std::string owner = ownerRole(connection);
    Upgrade upgrade;
    inTransaction(connection, [&] {
        connection.exec("SET LOCAL ROLE " + connection.quoteIdentifier(owner));
        // The row lock makes a second administrator's upgrade wait, then find nothing to do.
        const Result found = connection.exec(
            "SELECT value FROM ledger.meta WHERE key = 'schema_version' FOR UPDATE");
        if (found.rows() == 0) {
            throw NotALedger("the ledger in " + database + " is unfinished (no schema version)");
        }
        upgrade.from = std::stoi(found.text(0, 0));
        if (upgrade.from > schema::kVersion) {
            throw NewerSchema("the ledger in " + database +
                              " was written by a newer Practice Ledger (schema " +
                              std::to_string(upgrade.from) + ", this program knows up to " +
                              std::to_string(schema::kVersion) + "); please update the program");
        }
        for (int version = upgrade.from; version < schema::kVersion; ++version) {
            connection.exec(schema::kSteps[static_cast<std::size_t>(version)]);
        }
        connection.execParams("UPDATE ledger.meta SET value = $1 WHERE key = 'schema_version'",
                              {std::to_string(schema::kVersion)});
        connection.exec("RESET ROLE");
        upgrade.to = schema::kVersion;
    });
    return upgrade;
}

void addAccount(Connection& connection, std::string_view employeeId, std::string_view login,
                Access access, std::string_view password) {
    requireLedger(connection);
    const std::string owner = ownerRole(connection);
    const std::string group = accessRole(connection, access);
    const std::string loginName(login);
    std::unique_ptr<char, decltype(&PQfreemem)> verifier(
        PQencryptPasswordConn(connection.get(), std::string(password).c_str(), loginName.c_str(),
                              "scram-sha-256"),
        &PQfreemem);
    if (!verifier) {
        throw StorageError(std::string("cannot prepare the password: ") +
                           PQerrorMessage(connection.get()));
    }
    inTransaction(connection, [&] {
        connection.exec("SET LOCAL ROLE " + connection.quoteIdentifier(owner));
        if (connection
                .execParams("SELECT 1 FROM ledger.staff WHERE employee_id = $1",
                            {std::string(employeeId)})
                .rows() == 0) {
            throw ValidationError(
                {FieldError{{},
                            0,
                            "employee_id",
                            "no staff member has employee id " + std::string(employeeId)}});
        }
        connection.exec("RESET ROLE");
        if (roleExists(connection, loginName)) {
            throw AlreadyExists("the login " + loginName + " already exists on this server");
        }
        connection.exec("CREATE ROLE " + connection.quoteIdentifier(loginName) +
                        " LOGIN PASSWORD " + connection.quoteLiteral(verifier.get()) + " IN ROLE " +
                        connection.quoteIdentifier(group));
        connection.exec("SET LOCAL ROLE " + connection.quoteIdentifier(owner));
        connection.execParams("INSERT INTO ledger.account (login, employee_id) VALUES ($1, $2)",
                              {loginName, std::string(employeeId)});
        connection.exec("RESET ROLE");
    });
}

std::vector<Account> listAccounts(Connection& connection) {
    requireLedger(connection);
    const std::string owner = ownerRole(connection);
    std::vector<Account> out;
    inTransaction(connection, [&] {
        connection.exec("SET LOCAL ROLE " + connection.quoteIdentifier(owner));
        const Result r = connection.execParams(
            "SELECT a.login, a.employee_id, s.full_name, "
            "COALESCE((SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles l ON l.oid = m.member WHERE l.rolname = a.login AND g.rolname IN "
            "($1, $2, $3) ORDER BY g.rolname LIMIT 1), '') "
            "FROM ledger.account a JOIN ledger.staff s ON s.employee_id = a.employee_id "
            "ORDER BY a.login",
            {accessRole(connection, Access::Staff), accessRole(connection, Access::Manager),
             accessRole(connection, Access::WorkforceLead)});
        for (int i = 0; i < r.rows(); ++i) {
            Account a{r.text(i, 0), r.text(i, 1), r.text(i, 2), {}};
            for (const Access access : {Access::Staff, Access::Manager, Access::WorkforceLead}) {
                if (r.text(i, 3) == accessRole(connection, access)) {
                    a.access = std::string(accessCode(access));
                }
            }
            out.push_back(std::move(a));
        }
        connection.exec("RESET ROLE");
    });
    return out;
}

namespace {

void requireAccount(Connection& connection, const std::string& owner, const std::string& login) {
    connection.exec("SET LOCAL ROLE " + connection.quoteIdentifier(owner));
    if (connection.execParams("SELECT 1 FROM ledger.account WHERE login = $1", {login}).rows() ==
        0) {
        throw ValidationError({FieldError{{}, 0, "login", "no account has the login " + login}});
    }
    connection.exec("RESET ROLE");
}

} // namespace

void setAccess(Connection& connection, std::string_view login, Access access) {
    requireLedger(connection);
    const std::string owner = ownerRole(connection);
    const std::string loginName(login);
    inTransaction(connection, [&] {
        requireAccount(connection, owner, loginName);
        const std::string quoted = connection.quoteIdentifier(loginName);
        for (const Access a : {Access::Staff, Access::Manager, Access::WorkforceLead}) {
            connection.exec("REVOKE " + connection.quoteIdentifier(accessRole(connection, a)) +
                            " FROM " + quoted);
        }
        connection.exec("GRANT " + connection.quoteIdentifier(accessRole(connection, access)) +
                        " TO " + quoted);
    });
}

void removeAccount(Connection& connection, std::string_view login) {
    requireLedger(connection);
    const std::string owner = ownerRole(connection);
    const std::string loginName(login);
    inTransaction(connection, [&] {
        requireAccount(connection, owner, loginName);
        connection.exec("SET LOCAL ROLE " + connection.quoteIdentifier(owner));
        connection.execParams("DELETE FROM ledger.account WHERE login = $1", {loginName});
        connection.exec("RESET ROLE");
        connection.exec("DROP ROLE " + connection.quoteIdentifier(loginName));
    });
}

} // namespace ledger::pg
