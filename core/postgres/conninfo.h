#pragma once

// Pure questions about a PostgreSQL location (libpq's URI or key=value syntax), asked before
// connecting: is it a server at all, does it carry a password (refused: passwords come from
// PGPASSFILE or a prompt), and does it need a warning about an unprotected network.

#include <optional>
#include <string>
#include <string_view>

namespace ledger::pg {

/// True when `location` names a server: it starts with `postgresql://` or `postgres://`
/// (libpq's two URI prefixes). Anything else is a ledger file path, even `host=x`.
[[nodiscard]] bool isServerLocation(std::string_view location);

/// True when libpq would read `text`, given as a database name, as a connection string
/// instead: a server location, or anything with an `=`.
[[nodiscard]] bool isConninfo(std::string_view text);

/// Why libpq cannot parse `conninfo` (a URI or key=value pairs), or nullopt when it can.
[[nodiscard]] std::optional<std::string> conninfoProblem(std::string_view conninfo);

/// True when `conninfo` carries a password (`postgresql://user:secret@host/db`,
/// `?password=`, `password=`), even an empty one. Callers refuse such a location: a password
/// on a command line or in a list of recent ledgers is readable by others. Throws
/// ValidationError when `conninfo` cannot be parsed.
[[nodiscard]] bool carriesPassword(std::string_view conninfo);

/// True when `host` is this machine: empty (libpq's default socket folder), a socket folder
/// (`/...`) or an abstract socket (`@...`), `localhost`, 127.0.0.0/8, or `::1` (also as
/// ::ffff:127.x.y.z).
[[nodiscard]] bool isLoopbackHost(std::string_view host);

/// The warning for a connection to `host`/`hostaddr` (comma-separated lists, as libpq takes
/// them; the address, when given, is where libpq connects) with `sslmode`: nullopt when every
/// destination is loopback or `sslmode` is `verify-full`, else a sentence naming the first
/// remote destination and the mode.
[[nodiscard]] std::optional<std::string>
tlsWarningFor(std::string_view host, std::string_view hostaddr, std::string_view sslmode);

/// tlsWarningFor over what connecting to `conninfo` would use: its own `host`, `hostaddr`
/// and `sslmode`, and for those it leaves out, libpq's defaults (PGHOST, PGHOSTADDR and
/// PGSSLMODE from the environment, else `prefer`). A service file (`service=`, PGSERVICE) is
/// not read here: check the open connection as well (Connection::tlsWarning). Throws
/// ValidationError when `conninfo` cannot be parsed.
[[nodiscard]] std::optional<std::string> tlsWarning(std::string_view conninfo);

} // namespace ledger::pg
