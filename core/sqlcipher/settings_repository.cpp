#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

// The settings held in the ledger file.

namespace ledger {

std::string SqlCipherSettingsRepository::value(std::string_view key) {
    auto st = m_conn.statement("SELECT value FROM setting WHERE key = ?1");
    st->bind(1, key);
    return st->step() ? st->text(0) : std::string();
}

void SqlCipherSettingsRepository::setValue(std::string_view key, std::string_view value) {
    m_conn.statement("INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)")
        ->bind(1, key)
        .bind(2, value)
        .run();
}

} // namespace ledger
