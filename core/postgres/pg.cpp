#include "postgres/pg.h"

#include "postgres/conninfo.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <poll.h>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace ledger::pg {

namespace {

struct FreeMem {
    void operator()(void* p) const noexcept { PQfreemem(p); }
};
using LibpqText = std::unique_ptr<char, FreeMem>;

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

bool isSqlStateChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

} // namespace

[[noreturn]] void throwServerError(const std::string& sqlState, const std::string& message,
                                   bool duringConnect) {
    if (sqlState.rfind("08", 0) == 0 || (sqlState.empty() && duringConnect)) {
        throw ServerUnreachable(message, sqlState);
    }
    if (sqlState == "3D000") {
        throw DatabaseMissing(message, sqlState);
    }
    if (sqlState == "28P01" || sqlState == "28000") {
        throw AuthenticationFailed(message, sqlState);
    }
    if (sqlState == "42501") {
        throw PermissionDenied(message, sqlState);
    }
    if (sqlState == "40001" || sqlState == "40P01" || sqlState == "23505") {
        throw ServerConflict(message, sqlState);
    }
    throw ServerStorageError(message, sqlState);
}

ConnectionFailureText splitConnectionFailure(std::string_view libpqMessage) {
    ConnectionFailureText out;
    // Verbose errors put the code after the severity: "FATAL:  28P01: password ...". The
    // severity word may be translated; the two spaces, the five characters and ": " are not.
    std::size_t at = 0;
    while ((at = libpqMessage.find(":  ", at)) != std::string_view::npos) {
        const std::size_t code = at + 3;
        if (code + 7 <= libpqMessage.size() && libpqMessage[code + 5] == ':' &&
            libpqMessage[code + 6] == ' ' &&
            std::all_of(libpqMessage.begin() + static_cast<std::ptrdiff_t>(code),
                        libpqMessage.begin() + static_cast<std::ptrdiff_t>(code + 5),
                        isSqlStateChar)) {
            out.sqlState = std::string(libpqMessage.substr(code, 5));
            out.message = std::string(libpqMessage.substr(0, code));
            libpqMessage.remove_prefix(code + 7);
            break;
        }
        at = code;
    }
    // The rest, without the LOCATION lines that verbose errors add.
    std::size_t start = 0;
    while (start < libpqMessage.size()) {
        std::size_t end = libpqMessage.find('\n', start);
        if (end == std::string_view::npos) {
            end = libpqMessage.size();
        }
        const std::string_view line = libpqMessage.substr(start, end - start);
        if (line.rfind("LOCATION:", 0) != 0) {
            out.message.append(line);
            out.message.push_back('\n');
        }
        start = end + 1;
    }
    out.message = trimmed(std::move(out.message));
    return out;
}

// ---- Result ----

Result::~Result() {
    if (m_result != nullptr) {
        PQclear(m_result);
    }
}

Result::Result(Result&& other) noexcept : m_result(other.m_result) {
    other.m_result = nullptr;
}

Result& Result::operator=(Result&& other) noexcept {
    if (this != &other) {
        if (m_result != nullptr) {
            PQclear(m_result);
        }
        m_result = other.m_result;
        other.m_result = nullptr;
    }
    return *this;
}

int Result::rows() const {
    return PQntuples(m_result);
}

int Result::columns() const {
    return PQnfields(m_result);
}

std::int64_t Result::affectedRows() const {
    const char* text = PQcmdTuples(m_result);
    std::int64_t n = 0;
    if (text != nullptr && *text != '\0') {
        std::from_chars(text, text + std::strlen(text), n);
    }
    return n;
}

void Result::check(int row, int column) const {
    if (row < 0 || row >= rows() || column < 0 || column >= columns()) {
        throw std::out_of_range("no value at row " + std::to_string(row) + ", column " +
                                std::to_string(column) + " of a result of " +
                                std::to_string(rows()) + " x " + std::to_string(columns()));
    }
}

bool Result::isNull(int row, int column) const {
    check(row, column);
    return PQgetisnull(m_result, row, column) != 0;
}

std::string_view Result::view(int row, int column) const {
    check(row, column);
    return {PQgetvalue(m_result, row, column),
            static_cast<std::size_t>(PQgetlength(m_result, row, column))};
}

std::optional<std::string> Result::optionalText(int row, int column) const {
    if (isNull(row, column)) {
        return std::nullopt;
    }
    return text(row, column);
}

std::int64_t Result::int64(int row, int column) const {
    if (isNull(row, column)) {
        throw StorageError("expected an integer in column " +
                           std::string(PQfname(m_result, column)) + ", found NULL");
    }
    const std::string_view value = view(row, column);
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size()) {
        throw StorageError("expected an integer in column " +
                           std::string(PQfname(m_result, column)) + ", found \"" +
                           std::string(value) + "\"");
    }
    return n;
}

int Result::column(const std::string& name) const {
    const int index = PQfnumber(m_result, name.c_str());
    if (index < 0) {
        throw std::out_of_range("the result has no column " + name);
    }
    return index;
}

// ---- Connection ----

struct Connection::State {
    PGconn* conn = nullptr;
    std::vector<std::string> notices;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        if (conn != nullptr) {
            PQfinish(conn);
        }
    }
};

namespace {

void collectNotice(void* arg, const char* message) {
    static_cast<std::vector<std::string>*>(arg)->push_back(trimmed(message));
}

// libpq's connect_timeout (seconds; absent, 0 or unreadable means wait as long as it takes).
int connectTimeoutMs(PGconn* conn) {
    int seconds = 0;
    PQconninfoOption* options = PQconninfo(conn);
    if (options == nullptr) {
        return -1;
    }
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (std::strcmp(o->keyword, "connect_timeout") == 0 && o->val != nullptr) {
            std::from_chars(o->val, o->val + std::strlen(o->val), seconds);
        }
    }
    PQconninfoFree(options);
    // libpq treats 1 as 2 seconds; anything below 2 is too short to mean it.
    return seconds > 0 ? std::max(seconds, 2) * 1000 : -1;
}

} // namespace

Connection::Connection(std::unique_ptr<State> state) : m_state(std::move(state)) {
}

Connection::~Connection() = default;
Connection::Connection(Connection&& other) noexcept = default;
Connection& Connection::operator=(Connection&& other) noexcept = default;

PGconn* Connection::get() const {
    return m_state ? m_state->conn : nullptr;
}

Connection Connection::openAnother() const {
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfo(get()),
                                                                         &PQconninfoFree);
    if (!options) {
        throw std::bad_alloc();
    }
    std::string conninfo;
    for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
        if (o->val == nullptr || *o->val == '\0') {
            continue;
        }
        std::string quoted = "'";
        for (const char* c = o->val; *c != '\0'; ++c) {
            if (*c == '\\' || *c == '\'') {
                quoted.push_back('\\');
            }
            quoted.push_back(*c);
        }
        conninfo += std::string(conninfo.empty() ? "" : " ") + o->keyword + "=" + quoted + "'";
    }
    return open(conninfo);
}

int Connection::socket() const {
    return PQsocket(get());
}

int Connection::backendPid() const {
    return PQbackendPID(get());
}

std::vector<Connection::Notification> Connection::takeNotifications() {
    if (PQconsumeInput(get()) == 0) {
        throw ServerUnreachable(
            std::string("the connection to the server broke: ") + PQerrorMessage(get()), "");
    }
    std::vector<Notification> heard;
    while (PGnotify* n = PQnotifies(get())) {
        heard.push_back(Notification{n->relname, n->extra, n->be_pid});
        PQfreemem(n);
    }
    return heard;
}

Connection Connection::open(const std::string& conninfo, const ConnectOptions& options) {
    if (isConninfo(conninfo)) {
        if (std::optional<std::string> problem = conninfoProblem(conninfo)) {
            throw ValidationError({FieldError{"", 0, "location", *problem}});
        }
    }
    std::vector<const char*> keywords{"dbname", "client_encoding", "fallback_application_name"};
    std::vector<const char*> values{conninfo.c_str(), "UTF8", "practice-ledger"};
    if (options.password) {
        // After dbname, so that it wins over a password in the conninfo.
        keywords.push_back("password");
        values.push_back(options.password->c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    auto state = std::make_unique<State>();
    state->conn = PQconnectStartParams(keywords.data(), values.data(), 1);
    if (state->conn == nullptr) {
        throw std::bad_alloc();
    }
    PGconn* conn = state->conn;
    PQsetNoticeProcessor(conn, collectNotice, &state->notices);
    // Verbose while connecting: the only way libpq shows the SQLSTATE of a refused login.
    PQsetErrorVerbosity(conn, PQERRORS_VERBOSE);

    const int timeoutMs = connectTimeoutMs(conn);
    PostgresPollingStatusType polling = PGRES_POLLING_WRITING;
    while (PQstatus(conn) != CONNECTION_BAD && polling != PGRES_POLLING_OK &&
           polling != PGRES_POLLING_FAILED) {
        const int socket = PQsocket(conn);
        if (socket >= 0) {
            pollfd wait{socket,
                        static_cast<short>(polling == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
            const int ready = ::poll(&wait, 1, timeoutMs);
            if (ready < 0 && errno == EINTR) {
                continue;
            }
            if (ready < 0) {
                throw ServerUnreachable(
                    std::string("waiting for the server failed: ") + std::strerror(errno), "");
            }
            if (ready == 0) {
                throw ServerUnreachable("the server did not answer within " +
                                            std::to_string(timeoutMs / 1000) + " s",
                                        "");
            }
        }
        polling = PQconnectPoll(conn);
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        ConnectionFailureText failure = splitConnectionFailure(PQerrorMessage(conn));
        if (failure.sqlState.empty() && PQconnectionNeedsPassword(conn) != 0) {
            throw AuthenticationFailed(failure.message, "");
        }
        throwServerError(failure.sqlState, failure.message, true);
    }
    PQsetErrorVerbosity(conn, PQERRORS_DEFAULT);

    Connection connection(std::move(state));
    if (options.searchPath.empty()) {
        connection.exec("SELECT set_config('datestyle', 'ISO, YMD', false), "
                        "set_config('timezone', 'UTC', false)");
    } else {
        connection.execParams("SELECT set_config('datestyle', 'ISO, YMD', false), "
                              "set_config('timezone', 'UTC', false), "
                              "set_config('search_path', $1, false)",
                              {options.searchPath});
    }
    return connection;
}

void Connection::throwFailure(const PGresult* result) const {
    PGconn* conn = get();
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* detail = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL) : nullptr;
    std::string message = primary ? primary : trimmed(PQerrorMessage(conn));
    if (detail != nullptr) {
        message += " (" + std::string(detail) + ")";
    }
    const std::string sqlState = state ? state : "";
    if (sqlState.empty() && PQstatus(conn) == CONNECTION_BAD) {
        throw ServerUnreachable(message, sqlState);
    }
    throwServerError(sqlState, message);
}

Result Connection::checked(PGresult* raw, bool allowCopy) {
    Result result(raw);
    if (raw == nullptr) {
        throwFailure(nullptr);
    }
    switch (PQresultStatus(raw)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
        return result;
    case PGRES_COPY_OUT:
    case PGRES_COPY_IN:
    case PGRES_COPY_BOTH:
        if (allowCopy) {
            return result;
        }
        // Leave the connection usable, then refuse: COPY goes through copyOut.
        if (PQresultStatus(raw) == PGRES_COPY_IN) {
            PQputCopyEnd(get(), "COPY FROM STDIN is not supported through exec");
        } else {
            char* row = nullptr;
            while (PQgetCopyData(get(), &row, 0) > 0) {
                PQfreemem(row);
                row = nullptr;
            }
        }
        while (PGresult* rest = PQgetResult(get())) {
            PQclear(rest);
        }
        throw std::invalid_argument("COPY runs through Connection::copyOut, not exec");
    default:
        throwFailure(raw);
    }
}

Result Connection::exec(const std::string& sql) {
    return checked(PQexec(get(), sql.c_str()));
}

namespace {
struct ParamArrays {
    std::vector<const char*> values;
    explicit ParamArrays(const Params& params) {
        values.reserve(params.size());
        for (const std::optional<std::string>& p : params) {
            values.push_back(p ? p->c_str() : nullptr);
        }
    }
    [[nodiscard]] int count() const { return static_cast<int>(values.size()); }
};
} // namespace

Result Connection::execParams(const std::string& sql, const Params& params) {
    const ParamArrays p(params);
    return checked(
        PQexecParams(get(), sql.c_str(), p.count(), nullptr, p.values.data(), nullptr, nullptr, 0));
}

void Connection::prepare(const std::string& name, const std::string& sql) {
    checked(PQprepare(get(), name.c_str(), sql.c_str(), 0, nullptr));
}

Result Connection::execPrepared(const std::string& name, const Params& params) {
    const ParamArrays p(params);
    return checked(
        PQexecPrepared(get(), name.c_str(), p.count(), p.values.data(), nullptr, nullptr, 0));
}

std::int64_t Connection::copyOut(const std::string& copySql,
                                 const std::function<void(std::string_view row)>& onRow) {
    PGconn* conn = get();
    {
        Result start = checked(PQexec(conn, copySql.c_str()), true);
        if (PQresultStatus(start.get()) != PGRES_COPY_OUT) {
            if (PQresultStatus(start.get()) == PGRES_COPY_IN) {
                PQputCopyEnd(conn, "copyOut takes COPY ... TO STDOUT only");
                while (PGresult* rest = PQgetResult(conn)) {
                    PQclear(rest);
                }
            }
            throw std::invalid_argument("copyOut takes COPY ... TO STDOUT only");
        }
    }
    std::int64_t rows = 0;
    try {
        for (;;) {
            char* buffer = nullptr;
            const int size = PQgetCopyData(conn, &buffer, 0);
            if (size < 0) {
                break; // -1: all rows read; -2: failed (PQgetResult says why)
            }
            const LibpqText row(buffer);
            onRow(std::string_view(buffer, static_cast<std::size_t>(size)));
            ++rows;
        }
    } catch (...) {
        // Stop the server sending the rest, then read what is in flight, so that the
        // connection can take the next command.
        if (PGcancel* cancel = PQgetCancel(conn)) {
            char reason[256];
            PQcancel(cancel, reason, sizeof reason);
            PQfreeCancel(cancel);
        }
        char* buffer = nullptr;
        while (PQgetCopyData(conn, &buffer, 0) > 0) {
            PQfreemem(buffer);
            buffer = nullptr;
        }
        while (PGresult* rest = PQgetResult(conn)) {
            PQclear(rest);
        }
        throw;
    }
    // The COPY's own result (its success or why it failed), then the end of the command.
    PGresult* end = PQgetResult(conn);
    while (PGresult* rest = PQgetResult(conn)) {
        PQclear(rest);
    }
    checked(end);
    return rows;
}

std::string Connection::quoteIdentifier(std::string_view name) const {
    const LibpqText quoted(PQescapeIdentifier(get(), name.data(), name.size()));
    if (!quoted) {
        throw StorageError("cannot quote the identifier: " + trimmed(PQerrorMessage(get())));
    }
    return quoted.get();
}

std::string Connection::quoteLiteral(std::string_view value) const {
    const LibpqText quoted(PQescapeLiteral(get(), value.data(), value.size()));
    if (!quoted) {
        throw StorageError("cannot quote the text: " + trimmed(PQerrorMessage(get())));
    }
    return quoted.get();
}

std::string Connection::user() const {
    const char* user = PQuser(get());
    return user ? user : "";
}

std::string Connection::database() const {
    const char* db = PQdb(get());
    return db ? db : "";
}

std::optional<std::string> Connection::tlsWarning() const {
    if (!m_state) {
        throw std::logic_error("tlsWarning of a moved-from connection");
    }
    PQconninfoOption* options = PQconninfo(get());
    if (options == nullptr) {
        throw std::bad_alloc();
    }
    std::string host;
    std::string hostaddr;
    std::string sslmode;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        const std::string value = o->val ? o->val : "";
        if (std::strcmp(o->keyword, "host") == 0) {
            host = value;
        } else if (std::strcmp(o->keyword, "hostaddr") == 0) {
            hostaddr = value;
        } else if (std::strcmp(o->keyword, "sslmode") == 0) {
            sslmode = value;
        }
    }
    PQconninfoFree(options);
    return tlsWarningFor(host, hostaddr, sslmode);
}

std::vector<std::string> Connection::takeNotices() {
    if (!m_state) {
        return {};
    }
    return std::exchange(m_state->notices, {});
}

} // namespace ledger::pg
