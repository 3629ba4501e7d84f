#pragma once

// What a council's database administrator runs on a server ledger: making it, and the
// accounts of the people who use it. Each is one transaction: done whole, or not at all.

#include "postgres/pg.h"
#include "postgres/schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger::pg {

/// The access levels of the group roles `server init` makes.
enum class Access { Staff, Manager, WorkforceLead };

/// `staff`, `manager`, `workforce-lead`; nullopt for anything else.
[[nodiscard]] std::optional<Access> parseAccess(std::string_view text);
[[nodiscard]] std::string_view accessCode(Access access);

/// The ledger's group role names on this database: `<db>_owner`, `<db>_workforce_lead`...
[[nodiscard]] std::string ownerRole(Connection& connection);
[[nodiscard]] std::string accessRole(Connection& connection, Access access);

/// Makes the ledger in the connected (empty) database, as its administrator (a role that may
/// create roles and schemas there): the schema `ledger` of the current version, owned by a
/// new role `<db>_owner` that the administrator joins, and the three group roles. Throws
/// AlreadyExists, changing nothing, when the database holds a ledger or the roles exist;
/// ValidationError when the database's name is too long for the role names. `version` is the
/// schema to make: this program's, or an older one (to prove upgradeServer).
void initServer(Connection& connection, int version = schema::kVersion);

/// What `server upgrade` did: the schema version found and the one left.
struct Upgrade {
    int from = 0;
    int to = 0;
};

/// Brings the ledger in the connected database up to this program's schema, as its
/// administrator (a member of the owner role), step by step in one transaction: all the
/// steps or none. Throws NewerSchema, changing nothing, when a newer program wrote it,
/// NotALedger when the database holds none, NotPermitted when the login may not act as the
/// owner.
Upgrade upgradeServer(Connection& connection);

/// One account: a login, the person it is, its access.
struct Account {
    std::string login;
    std::string employeeId;
    std::string fullName;
    std::string access; ///< accessCode, or empty when the login is in no group
};

/// A new login role `login` for the person `employeeId`, a member of the group of `access`,
/// with `password` (sent to the server only as a SCRAM verifier). Throws ValidationError for
/// an unknown person, AlreadyExists when the login exists.
void addAccount(Connection& connection, std::string_view employeeId, std::string_view login,
                Access access, std::string_view password);
/// Every account, by login.
[[nodiscard]] std::vector<Account> listAccounts(Connection& connection);
/// Moves a login to the group of `access`. Throws ValidationError for an unknown login.
void setAccess(Connection& connection, std::string_view login, Access access);
/// Removes the account and its login role (its change-log entries stay, naming it).
void removeAccount(Connection& connection, std::string_view login);

} // namespace ledger::pg
