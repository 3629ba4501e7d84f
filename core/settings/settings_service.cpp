#include "settings/settings_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "store/unit_of_work.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ledger {

SettingsService::SettingsService(UnitOfWork& work)
    : m_work(work), m_changes(work.store().changeLog()), m_settings(work.store().settings()) {
}

std::string SettingsService::get(std::string_view key) {
    return m_settings.value(key);
}

void SettingsService::set(std::string_view key, std::string_view value, std::string_view actor) {
    m_work.run([&] {
        std::vector<FieldError> errors;
        require(errors, !key.empty(), "key", "a setting needs a name");
        throwIfAny(errors);
        const std::string before = m_settings.value(key);
        if (before == value) {
            return;
        }
        m_settings.setValue(key, value);
        m_changes.append(logEntry(actor, "setting", std::string(key),
                                  before.empty() ? "add" : "update",
                                  before.empty() ? "" : json({{"value", before}}),
                                  json({{"value", std::string(value)}})));
        m_work.changed(LedgerChange::Kind::Settings);
    });
}

} // namespace ledger
