#include "postgres/pg_store.h"

#include "postgres/schema.h"
#include "postgres/server_admin.h"

#include <libpq-fe.h>

namespace ledger::pg {

PgStore::PgStore(Connection connection, bool readOnly)
    : m_session(std::move(connection)), m_readOnly(readOnly) {
}

std::unique_ptr<PgStore> PgStore::open(const std::string& conninfo,
                                       const std::optional<std::string>& password, OpenMode mode) {
    ConnectOptions options;
    options.password = password;
    options.searchPath = "ledger";
    Connection connection = Connection::open(conninfo, options);
    const std::string database = connection.database();
    if (connection.exec("SELECT to_regclass('ledger.meta') IS NULL").view(0, 0) == "t") {
        throw NotALedger("the database " + database + " on the server holds no Practice Ledger " +
                         "(its administrator makes one with: practice-ledger-cli --ledger URI "
                         "server init)");
    }
    // The administrator (a member of the owner role who is in none of the ledger's groups)
    // works as the owner; everyone else as their login, under row-level security.
    const std::string owner = ownerRole(connection);
    const Result who = connection.execParams(
        "SELECT pg_has_role(session_user, $1, 'MEMBER') AND NOT (pg_has_role(session_user, $2, "
        "'MEMBER') OR pg_has_role(session_user, $3, 'MEMBER') OR pg_has_role(session_user, $4, "
        "'MEMBER'))",
        {owner, accessRole(connection, Access::WorkforceLead),
         accessRole(connection, Access::Manager), accessRole(connection, Access::Staff)});
    if (who.view(0, 0) == "t") {
        connection.exec("SET ROLE " + connection.quoteIdentifier(owner));
    }
    const Result version =
        connection.exec("SELECT value FROM ledger.meta WHERE key = 'schema_version'");
    const int schemaVersion = version.rows() == 0 ? 0 : std::stoi(version.text(0, 0));
    if (schemaVersion > schema::kVersion) {
        throw NewerSchema("the ledger in " + database +
                          " was written by a newer Practice Ledger (schema " +
                          std::to_string(schemaVersion) + ", this program reads up to " +
                          std::to_string(schema::kVersion) + "); please update the program");
    }
    if (schemaVersion < 1) {
        throw NotALedger("the ledger in " + database + " is unfinished (no schema version)");
    }
    if (schemaVersion < schema::kVersion) {
        throw OlderSchema("the ledger in " + database + " was written by an older Practice " +
                          "Ledger (schema " + std::to_string(schemaVersion) + ", this program " +
                          "needs " + std::to_string(schema::kVersion) + "): its database " +
                          "administrator upgrades it, after a backup (pg_dump), with: " +
                          "practice-ledger-cli --ledger URI server upgrade");
    }
    const bool readOnly = mode == OpenMode::ReadOnly;
    if (readOnly) {
        connection.exec("SET default_transaction_read_only = on");
    }
    std::unique_ptr<PgStore> store(new PgStore(std::move(connection), readOnly));
    store->m_asOwner = who.view(0, 0) == "t";
    Connection& c = store->m_session.connection();
    store->m_login = c.user();
    if (std::optional<std::string> warning = c.tlsWarning()) {
        store->m_notices.push_back(*warning);
    }
    for (std::string& notice : c.takeNotices()) {
        store->m_notices.push_back(std::move(notice));
    }
    return store;
}

std::string PgStore::accountEmployeeId() {
    // Through the function every policy uses: the account table itself is not the logins'.
    const Result r = m_session.run("SELECT employee_id FROM staff WHERE id = my_staff_id()");
    return r.rows() == 0 ? std::string() : r.text(0, 0);
}

int PgStore::schemaVersion() {
    const Result r = m_session.run("SELECT value FROM meta WHERE key = 'schema_version'");
    return r.rows() == 0 ? 0 : std::stoi(r.text(0, 0));
}

void PgStore::begin() {
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only");
    }
    m_session.connection().exec("BEGIN");
}

void PgStore::commit() {
    m_session.connection().exec("COMMIT");
}

void PgStore::rollback() {
    if (m_session.inTransaction()) {
        m_session.connection().exec("ROLLBACK");
    }
}

std::int64_t PgStore::setCacheSize(std::int64_t) {
    return 0; // the server manages its own memory
}

std::vector<std::string> PgStore::checkIntegrity() {
    std::vector<std::string> problems;
    if (schemaVersion() != schema::kVersion) {
        problems.push_back("schema version " + std::to_string(schemaVersion()) + ", expected " +
                           std::to_string(schema::kVersion));
    }
    const Result unprotected = m_session.run(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'ledger' AND c.relkind = 'r' AND NOT c.relrowsecurity ORDER BY 1");
    for (int i = 0; i < unprotected.rows(); ++i) {
        problems.push_back("table ledger." + unprotected.text(i, 0) + " has no row-level security");
    }
    return problems;
}

std::vector<std::filesystem::path> PgStore::changePassphrase(std::string_view,
                                                             const ChangeLogEntry&) {
    throw ValidationError(
        {FieldError{{},
                    0,
                    "passphrase",
                    "a ledger on a server has no passphrase: each person signs in with their "
                    "own login, whose password is changed on the server"}});
}

} // namespace ledger::pg
