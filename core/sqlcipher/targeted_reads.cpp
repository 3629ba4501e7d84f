// SqlCipherStore's targeted reads: what one question needs, never the whole ledger. The
// compliance engine's compact load reads completions as integers and day numbers, straight
// from SQLite's column buffers, without a string per completion.

#include "sqlcipher/sqlcipher_store.h"

#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <limits>

namespace ledger {

using sql::Statement;

namespace {

/// `YYYY-MM-DD` as stored to a day number; kNoDay-like `fallback` when NULL or malformed
/// (the schema and validation never store such a date).
DayNumber dayColumn(sqlite3_stmt* st, int column, DayNumber fallback) {
    const auto* text = sqlite3_column_text(st, column);
    if (text == nullptr || sqlite3_column_bytes(st, column) != 10) {
        return fallback;
    }
    const auto digit = [&](int i) {
        return static_cast<int>(text[i]) - '0';
    };
    const int year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const int month = digit(5) * 10 + digit(6);
    const int day = digit(8) * 10 + digit(9);
    const Date date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                    std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) {
        return fallback;
    }
    return toDayNumber(date);
}

constexpr DayNumber kNoExpiry = std::numeric_limits<DayNumber>::max();

void readRows(sqlite3* db, const char* sqlText, RecordId staffId, std::vector<CompletionRow>& rows,
              const Progress* progress = nullptr, std::size_t expected = 0) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sqlText, -1, &st, nullptr) != SQLITE_OK) {
        sql::fail(db, "could not read the completions");
    }
    if (staffId != 0) {
        sqlite3_bind_int64(st, 1, staffId);
    }
    int rc = SQLITE_ROW;
    const std::size_t step = std::max<std::size_t>(expected / 50, 4096);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (progress && progress->report && rows.size() % step == 0 && expected > 0 &&
            !progress->report(
                std::min(1.0, static_cast<double>(rows.size()) / static_cast<double>(expected)))) {
            sqlite3_finalize(st);
            throw Cancelled("reading the ledger was cancelled");
        }
        rows.push_back(CompletionRow{sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                     dayColumn(st, 2, 0), dayColumn(st, 3, kNoExpiry)});
    }
    if (rc != SQLITE_DONE) {
        sqlite3_finalize(st);
        sql::fail(db, "could not read the completions");
    }
    sqlite3_finalize(st);
}

} // namespace

std::vector<CompletionRow> SqlCipherStore::completionRows(const Progress* progress) {
    // Rowid order: one pass over the table, no index lookups. The engine sorts.
    std::vector<CompletionRow> rows;
    {
        Statement count(m_db, "SELECT max(id) FROM completion");
        if (count.step() && !count.isNull(0)) {
            rows.reserve(static_cast<std::size_t>(count.integer(0)));
        }
    }
    readRows(m_db,
             "SELECT staff_id, module_id, completed_on, expires_on FROM completion "
             "WHERE voided = 0",
             0, rows, progress, rows.capacity());
    return rows;
}

std::vector<CompletionRow> SqlCipherStore::completionRowsOf(RecordId staffId) {
    std::vector<CompletionRow> rows;
    readRows(m_db,
             "SELECT staff_id, module_id, completed_on, expires_on FROM completion "
             "WHERE staff_id = ?1 AND voided = 0",
             staffId, rows);
    return rows;
}

LedgerData SqlCipherStore::loadCatalog() {
    LedgerData data;
    loadReferences(data, false);
    return data;
}

std::int64_t SqlCipherStore::staffCount(NameKind kind, std::string_view name) {
    Statement st(m_db, kind == NameKind::Team
                           ? "SELECT count(*) FROM staff s JOIN team t ON t.id = s.team_id "
                             "WHERE t.name = ?1"
                           : "SELECT count(*) FROM staff s JOIN role r ON r.id = s.role_id "
                             "WHERE r.name = ?1");
    st.bind(1, name);
    return st.step() ? st.integer(0) : 0;
}

std::optional<AuditTheme> SqlCipherStore::auditTheme(RecordId id) {
    for (AuditTheme& theme : auditThemes()) { // a council has tens of themes
        if (theme.id == id) {
            return std::move(theme);
        }
    }
    return std::nullopt;
}

} // namespace ledger
