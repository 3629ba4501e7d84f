#pragma once

// The CLI on a ledger that lives on a PostgreSQL server: opening it (the password from
// libpq's password file, else a prompt, never an argument), and the `server` commands a
// council's database administrator runs.

#include "cli.h"
#include "ledger.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace ledger::cli {

/// What the `server` commands take.
struct ServerOptions {
    std::string employeeId;
    std::string login;
    std::string access;
    std::string passwordFile;
};

/// Refuses a server address that carries a password (UsageError), and warns on `err` when
/// it reaches another machine without verified TLS.
void checkServerLocation(const std::string& uri, std::ostream& err);

/// Opens the ledger on the server at `uri` in `mode`: with the password libpq finds itself
/// (PGPASSFILE, ~/.pgpass), else one asked for without echo.
[[nodiscard]] Ledger openServerLedger(const std::string& uri, OpenMode mode,
                                      const Environment& env);

/// Copies `ledger` whole into the (empty) ledger on the server at `uri`, as its
/// administrator (password from libpq's password file, else asked for).
void copyToServer(Ledger& ledger, const std::string& uri, const Environment& env);

/// `server init | upgrade | add-account | list-accounts | set-access | remove-account` (`command`).
int runServer(const std::string& command, const std::string& uri, const ServerOptions& options,
              const Environment& env, std::ostream& out, std::ostream& err);

} // namespace ledger::cli
