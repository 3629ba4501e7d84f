#pragma once

// A PostgreSQL store's one connection, shared by its repositories, with the statements
// prepared on it. Private to core.

#include "base/ids.h"
#include "postgres/pg.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ledger::pg {

class Session {
public:
    explicit Session(Connection connection) : m_connection(std::move(connection)) {}

    [[nodiscard]] Connection& connection() { return m_connection; }

    /// Runs `sql` with `params`, prepared on this connection the first time this text is run
    /// (the server parses and plans it once; a county import runs a few statements two
    /// million times).
    Result run(const std::string& sql, const Params& params = {});
    /// The integer in column 0 of the first row of `sql` with `key` as $1.
    [[nodiscard]] std::optional<RecordId> lookup(const std::string& sql, std::string_view key);
    /// Runs `query` through a cursor and hands its rows to `batch` a few thousand at a time,
    /// so that no result holds a whole table. A cursor needs a transaction: the caller's, or
    /// a read-only one of its own (one snapshot for the whole read), ended here.
    void forEachBatch(const std::string& query, const std::function<void(const Result&)>& batch);
    /// True while a transaction is open on the connection (one that failed included).
    [[nodiscard]] bool inTransaction() const;

private:
    Connection m_connection;
    std::unordered_map<std::string, std::string> m_prepared; ///< statement text -> its name
};

/// A statement parameter's text: a record id.
/// ` AND ($N::bigint = 0 OR version = $N)`: a known version (RecordVersion) must still be
/// the stored one; 0 is not checked.
[[nodiscard]] inline std::string versionCondition(int parameter) {
    const std::string p = "$" + std::to_string(parameter);
    return " AND (" + p + "::bigint = 0 OR version = " + p + "::bigint)";
}

[[nodiscard]] inline std::optional<std::string> param(RecordId id) {
    return std::to_string(id);
}
/// A statement parameter's text.
[[nodiscard]] inline std::optional<std::string> param(std::string_view text) {
    return std::string(text);
}

} // namespace ledger::pg
