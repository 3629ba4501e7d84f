#include "server_commands.h"

#include "cli_errors.h"
#include "passphrase.h"

#include "base/passphrase_policy.h"
#include "postgres/conninfo.h"
#include "postgres/pg.h"
#include "postgres/server_admin.h"

#include <iomanip>
#include <ostream>

namespace ledger::cli {

namespace {

/// Runs `connect` with the password libpq finds itself; when it finds none and a terminal is
/// there, asks for one and runs it again with that.
template <typename Connect>
auto withPassword(const std::string& uri, const Environment& env, Connect connect) {
    try {
        return connect(std::optional<std::string>());
    } catch (const pg::AuthenticationFailed& e) {
        if (!e.sqlState().empty()) {
            throw; // the server refused the login or its password
        }
        const auto typed = env.prompt("Password for " + uri + ": ");
        if (!typed) {
            throw UsageError("the server wants a password: put it in a password file "
                             "(PGPASSFILE, or ~/.pgpass) or run this on a terminal to be asked");
        }
        return connect(std::optional<std::string>(*typed));
    }
}

pg::Connection administrator(const std::string& uri, const Environment& env) {
    return withPassword(uri, env, [&](const std::optional<std::string>& password) {
        pg::ConnectOptions options;
        options.password = password;
        return pg::Connection::open(uri, options);
    });
}

pg::Access accessOf(const std::string& text) {
    const auto access = pg::parseAccess(text);
    if (!access) {
        throw UsageError("--access " + text + ": staff, manager or workforce-lead");
    }
    return *access;
}

/// The new account's password: from --password-file, else asked twice without echo; it meets
/// the same rule as a ledger's passphrase.
std::string newPassword(const ServerOptions& options, const Environment& env) {
    std::string password;
    if (!options.passwordFile.empty()) {
        try {
            password = readPassphraseFile(options.passwordFile);
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
    } else {
        const auto typed = env.prompt("Password for the new login " + options.login + ": ");
        if (!typed) {
            throw UsageError("no password: give --password-file FILE (there is no terminal to "
                             "ask on)");
        }
        const auto again = env.prompt("Type it again: ");
        if (!again || *again != *typed) {
            throw UsageError("the two passwords differ");
        }
        password = *typed;
    }
    const PassphraseAssessment assessment = assessPassphrase(password);
    if (!assessment.acceptable) {
        throw UsageError("the password is " + assessment.message);
    }
    return password;
}

} // namespace

void checkServerLocation(const std::string& uri, std::ostream& err) {
    bool carries = false;
    try {
        carries = pg::carriesPassword(uri);
    } catch (const ValidationError& e) {
        throw UsageError("--ledger " + uri + " is not a server address: " +
                         (e.errors().empty() ? std::string() : e.errors().front().message));
    }
    if (carries) {
        throw UsageError("the server address carries a password, which others can read on a "
                         "command line: put it in a password file (PGPASSFILE, or ~/.pgpass) "
                         "or leave it out to be asked");
    }
    if (const auto warning = pg::tlsWarning(uri)) {
        err << "practice-ledger-cli: warning: " << *warning << "\n";
    }
}

Ledger openServerLedger(const std::string& uri, OpenMode mode, const Environment& env) {
    return withPassword(uri, env, [&](const std::optional<std::string>& password) {
        return Ledger::open(Location::parse(uri), password.value_or(std::string()), mode);
    });
}

void copyToServer(Ledger& ledger, const std::string& uri, const Environment& env) {
    withPassword(uri, env, [&](const std::optional<std::string>& password) {
        ledger.copyTo(Location::parse(uri), password.value_or(std::string()));
        return 0;
    });
}

int runServer(const std::string& command, const std::string& uri, const ServerOptions& options,
              const Environment& env, std::ostream& out, std::ostream&) {
    if (command == "add-account") {
        const pg::Access access = accessOf(options.access);
        const std::string password = newPassword(options, env);
        pg::Connection connection = administrator(uri, env);
        pg::addAccount(connection, options.employeeId, options.login, access, password);
        out << "added login " << options.login << " for " << options.employeeId << " ("
            << pg::accessCode(access) << ")\n";
        return kOk;
    }
    pg::Connection connection = administrator(uri, env);
    if (command == "init") {
        pg::initServer(connection);
        const std::string db = connection.database();
        out << "created the ledger in database " << db << ", with the roles " << db << "_owner, "
            << db << "_workforce_lead, " << db << "_manager and " << db << "_staff\n";
        return kOk;
    }
    if (command == "upgrade") {
        const pg::Upgrade upgrade = pg::upgradeServer(connection);
        if (upgrade.from == upgrade.to) {
            out << "the ledger in database " << connection.database() << " is up to date (schema "
                << upgrade.to << ")\n";
        } else {
            out << "upgraded the ledger in database " << connection.database() << " from schema "
                << upgrade.from << " to " << upgrade.to << "\n";
        }
        return kOk;
    }
    if (command == "list-accounts") {
        const auto accounts = pg::listAccounts(connection);
        std::size_t login = 5;
        std::size_t employee = 11;
        for (const pg::Account& a : accounts) {
            login = std::max(login, a.login.size());
            employee = std::max(employee, a.employeeId.size());
        }
        out << std::left << std::setw(static_cast<int>(login + 2)) << "login"
            << std::setw(static_cast<int>(employee + 2)) << "employee_id" << std::setw(16)
            << "access"
            << "name\n";
        for (const pg::Account& a : accounts) {
            out << std::setw(static_cast<int>(login + 2)) << a.login
                << std::setw(static_cast<int>(employee + 2)) << a.employeeId << std::setw(16)
                << (a.access.empty() ? "(none)" : a.access) << a.fullName << "\n";
        }
        return kOk;
    }
    if (command == "set-access") {
        const pg::Access access = accessOf(options.access);
        pg::setAccess(connection, options.login, access);
        out << "login " << options.login << " now has " << pg::accessCode(access) << " access\n";
        return kOk;
    }
    if (command == "remove-account") {
        pg::removeAccount(connection, options.login);
        out << "removed login " << options.login << "\n";
        return kOk;
    }
    throw UsageError("server what? init, upgrade, add-account, list-accounts, set-access or "
                     "remove-account");
}

} // namespace ledger::cli
