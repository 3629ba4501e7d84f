#include "sqlcipher/connection.h"

#include <sqlcipher/sqlite3.h>

namespace ledger::sql {

void Connection::reset(sqlite3* db) {
    close();
    m_db = db;
}

void Connection::close() {
    // Statements first, so that the connection really closes.
    m_statements.clear();
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

StatementLease Connection::statement(const char* sqlText) {
    auto& slot = m_statements[sqlText];
    if (!slot) {
        slot = std::make_unique<Statement>(m_db, sqlText);
    }
    return StatementLease(*slot);
}

std::optional<RecordId> Connection::lookup(const char* sqlText, std::string_view key) {
    auto st = statement(sqlText);
    st->bind(1, key);
    if (st->step()) {
        return st->integer(0);
    }
    return std::nullopt;
}

std::optional<RecordId> Connection::lookup(const char* sqlText, RecordId key) {
    auto st = statement(sqlText);
    st->bind(1, key);
    if (st->step()) {
        return st->integer(0);
    }
    return std::nullopt;
}

RecordId Connection::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const {
    return sqlite3_changes(m_db);
}

} // namespace ledger::sql
