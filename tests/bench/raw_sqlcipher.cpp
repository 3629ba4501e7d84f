#include "raw_sqlcipher.h"

#include <sqlcipher/sqlite3.h>

#include <stdexcept>

namespace bench::raw {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error("ledger_bench (raw SQLCipher): " + what + ": " +
                             (db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

Connection::Connection(const std::filesystem::path& path, std::string_view passphrase, bool write) {
    const int flags = write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        const std::string message = "opening " + path.string();
        sqlite3* db = m_db;
        m_db = nullptr;
        try {
            fail(db, message);
        } catch (...) {
            sqlite3_close_v2(db);
            throw;
        }
    }
    try {
        if (sqlite3_key(m_db, passphrase.data(), static_cast<int>(passphrase.size())) !=
            SQLITE_OK) {
            fail(m_db, "keying " + path.string());
        }
        // After the key, before the first read (toolchain.md section 3).
        exec("PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;");
        if (scalar("SELECT count(*) FROM sqlite_master") <= 0) {
            throw std::runtime_error("ledger_bench: " + path.string() + " has no tables");
        }
        if (write) {
            exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
            sqlite3_busy_timeout(m_db, 5000);
        }
    } catch (...) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw;
    }
}

Connection::~Connection() {
    sqlite3_close_v2(m_db);
}

void Connection::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw std::runtime_error(std::string("ledger_bench (raw SQLCipher): ") + sql + ": " + text);
    }
}

std::int64_t Connection::scalar(const char* sql) {
    Statement st(*this, sql);
    return st.step() ? st.integer(0) : 0;
}

Statement::Statement(Connection& db, const char* sql) : m_db(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_st, nullptr) != SQLITE_OK) {
        fail(db.handle(), std::string("preparing ") + sql);
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_st);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_st, index, value) != SQLITE_OK) {
        fail(m_db->handle(), "binding");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(m_st, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        fail(m_db->handle(), "binding");
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(m_st, index) != SQLITE_OK) {
        fail(m_db->handle(), "binding");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_st);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        fail(m_db->handle(), std::string("running ") + sqlite3_sql(m_st));
    }
    return false;
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_st);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_st, column);
}

std::string_view Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_st, column);
    const int size = sqlite3_column_bytes(m_st, column);
    if (!data) {
        return {};
    }
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_st, column) == SQLITE_NULL;
}

} // namespace bench::raw
