#include "postgres/repositories.h"

// The settings held in a server ledger.

namespace ledger::pg {

std::string SettingsRepo::value(std::string_view key) {
    const Result r = m_session.run("SELECT value FROM setting WHERE key = $1", {param(key)});
    return r.rows() == 0 ? std::string() : r.text(0, 0);
}

void SettingsRepo::setValue(std::string_view key, std::string_view value) {
    m_session.run("INSERT INTO setting (key, value) VALUES ($1, $2) "
                  "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                  {param(key), param(value)});
}

} // namespace ledger::pg
