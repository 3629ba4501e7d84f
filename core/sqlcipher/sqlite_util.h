#pragma once

// Thin RAII helpers over the SQLCipher C API; private to core.

#include "base/error.h"

#include <sqlcipher/sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ledger::sql {

[[noreturn]] void fail(sqlite3* db, std::string_view what);

/// Runs one or more statements that return no rows.
void exec(sqlite3* db, const char* sqlText);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sqlText);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    /// Binds text without a copy: it must stay as it is until the statement is reset.
    Statement& bindStatic(int index, std::string_view value);
    Statement& bindNull(int index);
    /// Binds bytes as a BLOB, without a copy: they must stay as they are until the statement
    /// is reset.
    Statement& bindBlob(int index, std::string_view bytes);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// True while a row is available.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::string text(int column) const;
    /// The text of a column without a copy, valid until the next step or reset.
    [[nodiscard]] std::string_view textView(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    /// The bytes of a BLOB column (empty for NULL).
    [[nodiscard]] std::string blob(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace ledger::sql
