#include "sqlcipher/sqlite_util.h"

namespace ledger::sql {

void fail(sqlite3* db, std::string_view what) {
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no database");
    if ((code & 0xFF) == SQLITE_BUSY || (code & 0xFF) == SQLITE_LOCKED) {
        throw Conflict("the ledger is busy in another program (" + message + ")");
    }
    if ((code & 0xFF) == SQLITE_READONLY) {
        throw Conflict("the ledger is open read-only (" + message + ")");
    }
    throw StorageError(message);
}

void exec(sqlite3* db, const char* sqlText) {
    char* error = nullptr;
    if (sqlite3_exec(db, sqlText, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        fail(db, message);
    }
}

Statement::Statement(sqlite3* db, std::string_view sqlText) : m_db(db) {
    if (sqlite3_prepare_v2(db, sqlText.data(), static_cast<int>(sqlText.size()), &m_stmt,
                           nullptr) != SQLITE_OK) {
        fail(db, "preparing a statement");
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) {
        fail(m_db, "binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        fail(m_db, "binding a value");
    }
    return *this;
}

Statement& Statement::bindStatic(int index, std::string_view value) {
    if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_STATIC) != SQLITE_OK) {
        fail(m_db, "binding a value");
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) {
        fail(m_db, "binding a value");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(m_db, "running a statement");
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
                : std::string();
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
    static const char kNothing = 0;
    if (sqlite3_bind_blob64(m_stmt, index, bytes.empty() ? &kNothing : bytes.data(),
                            static_cast<sqlite3_uint64>(bytes.size()),
                            SQLITE_STATIC) != SQLITE_OK) {
        fail(m_db, "binding a file's bytes");
    }
    return *this;
}

std::string Statement::blob(int column) const {
    const void* data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(size))
                : std::string();
}

std::string_view Statement::textView(int column) const {
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string_view(reinterpret_cast<const char*>(data),
                                   static_cast<std::size_t>(size))
                : std::string_view();
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return integer(column);
}

} // namespace ledger::sql
