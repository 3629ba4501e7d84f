#pragma once

// A small RAII layer over libpq: a connection, a result, text parameters, prepared statements,
// COPY ... TO STDOUT, and the server's failures turned into the errors of base/error.h.
// Nothing here knows the ledger's schema.

#include "base/error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace ledger::pg {

/// Text parameters of a statement, `$1` first; `std::nullopt` is SQL NULL.
using Params = std::vector<std::optional<std::string>>;

/// What every error thrown from a server failure also is: the SQLSTATE the server (or libpq)
/// gave, empty when there was none (no server at the address, a password libpq did not have).
class ServerFailure {
public:
    explicit ServerFailure(std::string sqlState) : m_sqlState(std::move(sqlState)) {}
    virtual ~ServerFailure() = default;
    ServerFailure(const ServerFailure&) = default;
    ServerFailure& operator=(const ServerFailure&) = default;

    [[nodiscard]] const std::string& sqlState() const { return m_sqlState; }

private:
    std::string m_sqlState;
};

/// A server failure of the kind `Kind` (one of base/error.h), carrying the server's message
/// and its SQLSTATE.
template <class Kind> class ServerError : public Kind, public ServerFailure {
public:
    ServerError(const std::string& message, std::string sqlState)
        : Kind(message), ServerFailure(std::move(sqlState)) {}
};

/// No server answered at the address, or the connection broke (SQLSTATE class 08, or none).
class ServerUnreachable : public ServerError<LedgerMissing> {
public:
    using ServerError::ServerError;
};
/// The server has no database of that name (3D000).
class DatabaseMissing : public ServerError<LedgerMissing> {
public:
    using ServerError::ServerError;
};
/// The login or its password was refused, or a password was needed and none was found
/// (28P01, 28000).
class AuthenticationFailed : public ServerError<WrongPassphrase> {
public:
    using ServerError::ServerError;
};
/// The account lacks the privilege, or row-level security refused the row (42501).
class PermissionDenied : public ServerError<NotPermitted> {
public:
    using ServerError::ServerError;
};
/// Another session got there first: a serialization failure, a deadlock or a duplicate key
/// (40001, 40P01, 23505).
class ServerConflict : public ServerError<Conflict> {
public:
    using ServerError::ServerError;
};
/// Any other failure the server reported.
class ServerStorageError : public ServerError<StorageError> {
public:
    using ServerError::ServerError;
};

/// Throws the error `sqlState` maps to, with `message`:
/// 08xxx (or "" when `duringConnect`) -> ServerUnreachable, 3D000 -> DatabaseMissing,
/// 28P01 and 28000 -> AuthenticationFailed, 42501 -> PermissionDenied,
/// 40001, 40P01 and 23505 -> ServerConflict, anything else -> ServerStorageError.
[[noreturn]] void throwServerError(const std::string& sqlState, const std::string& message,
                                   bool duringConnect = false);

/// A failed connection's message as libpq writes it with verbose errors ("connection to
/// server ... failed: FATAL:  28P01: password authentication failed ...\nLOCATION: ..."),
/// split into the SQLSTATE (empty when the failure was not the server's) and the message
/// without the code and without LOCATION lines.
struct ConnectionFailureText {
    std::string sqlState;
    std::string message;
};
[[nodiscard]] ConnectionFailureText splitConnectionFailure(std::string_view libpqMessage);

/// The result of one statement. Move-only; rows and columns are 0-based.
class Result {
public:
    explicit Result(pg_result* result) noexcept : m_result(result) {}
    ~Result();
    Result(Result&& other) noexcept;
    Result& operator=(Result&& other) noexcept;
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;

    [[nodiscard]] int rows() const;
    [[nodiscard]] int columns() const;
    /// The rows an INSERT, UPDATE, DELETE, MERGE, SELECT or COPY touched (PQcmdTuples); 0
    /// for other commands.
    [[nodiscard]] std::int64_t affectedRows() const;
    [[nodiscard]] bool isNull(int row, int column) const;
    /// The value as the server's text ("" for NULL); valid while this Result lives.
    [[nodiscard]] std::string_view view(int row, int column) const;
    [[nodiscard]] std::string text(int row, int column) const {
        return std::string(view(row, column));
    }
    [[nodiscard]] std::optional<std::string> optionalText(int row, int column) const;
    /// A bigint/integer column; throws StorageError when the value is NULL or not an integer.
    [[nodiscard]] std::int64_t int64(int row, int column) const;
    /// The column named `name`; throws std::out_of_range when there is none.
    [[nodiscard]] int column(const std::string& name) const;

    [[nodiscard]] pg_result* get() const { return m_result; }

private:
    void check(int row, int column) const;

    pg_result* m_result;
};

/// How to open a connection, besides its conninfo.
struct ConnectOptions {
    /// Overrides any password in the conninfo; without it libpq looks in PGPASSWORD and
    /// PGPASSFILE (or ~/.pgpass) as usual.
    std::optional<std::string> password;
    /// Set as the session's search_path when not empty (e.g. "ledger, pg_catalog").
    std::string searchPath;
};

/// One open connection. Every session is set to DateStyle ISO, YMD, TimeZone UTC and client
/// encoding UTF8, so dates and times read back the same whatever the server's defaults.
/// Move-only; closed (PQfinish) on destruction. Not for use from two threads at once.
class Connection {
public:
    /// Connects to `conninfo`: a `postgresql://` URI or `key=value` pairs, expanded by libpq
    /// (an empty string uses libpq's defaults, PGHOST and the rest). Throws ServerUnreachable,
    /// DatabaseMissing, AuthenticationFailed or ServerStorageError with the server's message,
    /// ValidationError when the conninfo cannot be parsed. A `connect_timeout` bounds each
    /// wait for the server (without one, as in libpq, it waits as long as it takes).
    static Connection open(const std::string& conninfo, const ConnectOptions& options = {});

    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without parameters; returns the last one's result.
    Result exec(const std::string& sql);
    /// Runs one statement with text parameters `$1`, `$2`, ...
    Result execParams(const std::string& sql, const Params& params);
    /// Prepares `sql` once under `name` for this connection (parameter types inferred).
    void prepare(const std::string& name, const std::string& sql);
    /// Runs the statement prepared under `name`.
    Result execPrepared(const std::string& name, const Params& params);

    /// Runs `copySql`, a `COPY ... TO STDOUT`, and hands each data row to `onRow` as COPY
    /// sends it (text format: tab-separated fields ending in '\n'); the row's bytes are valid
    /// only during the call. Returns the number of rows. When `onRow` throws, the COPY is
    /// cancelled and the connection stays usable.
    std::int64_t copyOut(const std::string& copySql,
                         const std::function<void(std::string_view row)>& onRow);

    /// `name` quoted as an SQL identifier for this connection's encoding.
    [[nodiscard]] std::string quoteIdentifier(std::string_view name) const;
    /// `value` quoted as an SQL string literal for this connection's encoding.
    [[nodiscard]] std::string quoteLiteral(std::string_view value) const;

    /// The login the server accepted, and the database.
    [[nodiscard]] std::string user() const;
    [[nodiscard]] std::string database() const;
    /// conninfo.h's tlsWarningFor over the host, address and sslmode this connection used
    /// (service files and the environment included).
    [[nodiscard]] std::optional<std::string> tlsWarning() const;
    /// Notices and warnings the server sent since the last call (e.g. "... does not exist,
    /// skipping"); libpq would otherwise print them on stderr.
    [[nodiscard]] std::vector<std::string> takeNotices();

    /// A second connection with this one's parameters (the same server, database, login and
    /// password), e.g. to LISTEN beside it.
    [[nodiscard]] Connection openAnother() const;
    /// The socket libpq reads from (readable when the server sent something), or -1.
    [[nodiscard]] int socket() const;
    /// The process id of this connection's server backend (a notification's sender).
    [[nodiscard]] int backendPid() const;
    /// One NOTIFY heard: its channel, payload and sending backend.
    struct Notification {
        std::string channel;
        std::string payload;
        int senderPid = 0;
    };
    /// Reads what the server sent without waiting, and returns the notifications heard.
    /// Throws ServerUnreachable when the connection broke.
    [[nodiscard]] std::vector<Notification> takeNotifications();

    /// libpq's handle (nullptr once moved from), for what this layer does not wrap.
    [[nodiscard]] pg_conn* get() const;

private:
    struct State;
    explicit Connection(std::unique_ptr<State> state);
    [[noreturn]] void throwFailure(const pg_result* result) const;
    Result checked(pg_result* result, bool allowCopy = false);

    std::unique_ptr<State> m_state;
};

} // namespace ledger::pg
