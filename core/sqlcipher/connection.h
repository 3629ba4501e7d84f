#pragma once

#include "base/ids.h"
#include "sqlcipher/sqlite_util.h"

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace ledger::sql {

/// A cached prepared statement on loan; reset (bindings cleared) when the loan ends, so that
/// no statement keeps a read transaction open.
class StatementLease {
public:
    explicit StatementLease(Statement& statement) : m_statement(&statement) {}
    ~StatementLease() { m_statement->reset(); }
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;

    Statement* operator->() const { return m_statement; }
    Statement& operator*() const { return *m_statement; }

private:
    Statement* m_statement;
};

/// The open connection of a SQLCipher store, shared by its repositories, with the statements
/// prepared on it. The store opens and closes the handle (and replaces it when the
/// passphrase changes); the repositories only ask it for statements.
class Connection {
public:
    Connection() = default;
    ~Connection() { close(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    [[nodiscard]] sqlite3* db() const { return m_db; }
    /// Takes over `db` (closing any handle held before).
    void reset(sqlite3* db);
    /// Finalizes the cached statements and closes the handle (a no-op when none).
    void close();
    /// Forgets the handle without closing it (closed by the caller) and its statements.
    void release() {
        m_statements.clear();
        m_db = nullptr;
    }
    /// Finalizes the cached statements, as closing the handle needs.
    void forgetStatements() { m_statements.clear(); }

    /// The prepared statement for `sqlText`, which must be a string literal or a string that
    /// lives as long as the program (the cache is keyed on its address); reset when the lease
    /// ends.
    [[nodiscard]] StatementLease statement(const char* sqlText);
    /// The integer in column 0 of the first row of `sqlText` with `key` bound to ?1.
    [[nodiscard]] std::optional<RecordId> lookup(const char* sqlText, std::string_view key);
    [[nodiscard]] std::optional<RecordId> lookup(const char* sqlText, RecordId key);
    /// The rowid of the last row inserted on this connection.
    [[nodiscard]] RecordId lastInsertId() const;
    /// How many rows the last INSERT, UPDATE or DELETE changed.
    [[nodiscard]] int changes() const;

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<const char*, std::unique_ptr<Statement>> m_statements;
};

} // namespace ledger::sql
