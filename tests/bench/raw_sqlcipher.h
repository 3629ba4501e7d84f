#pragma once

// The references' own access to a ledger file: plain SQLCipher calls on a fresh connection,
// keyed with the passphrase and the ledger's cipher settings (core/src/sqlcipher_store.cpp:
// kdf_iter 256000, cipher_page_size 4096; schema 3, rollback journal). Nothing here goes
// through product code.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace bench::raw {

/// An open, keyed connection; closed on destruction.
class Connection {
public:
    /// sqlite3_open_v2, sqlite3_key(passphrase), PRAGMA kdf_iter / cipher_page_size, and a
    /// first read (so the key derivation happens here). Writers get foreign keys on and
    /// synchronous FULL, as the product's writer has them.
    Connection(const std::filesystem::path& path, std::string_view passphrase, bool write);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const char* sql);
    [[nodiscard]] std::int64_t scalar(const char* sql);
    [[nodiscard]] sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

/// A prepared statement; finalized on destruction.
class Statement {
public:
    Statement(Connection& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bindNull(int index);
    /// True while there is a row.
    bool step();
    /// Steps to the end, expecting no row.
    void run();
    void reset();

    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::string_view text(int column) const; ///< valid until the next step
    [[nodiscard]] bool isNull(int column) const;

private:
    Connection* m_db;
    sqlite3_stmt* m_st = nullptr;
};

} // namespace bench::raw
