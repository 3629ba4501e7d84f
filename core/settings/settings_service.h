#pragma once

#include "store/unit_of_work.h"

#include <string>
#include <string_view>

namespace ledger {

/// Settings held in the ledger (organisation name, ASC-WDS workplace id, idle lock, ...).
class SettingsService {
public:
    explicit SettingsService(UnitOfWork& work);

    /// The value, or empty when not set.
    [[nodiscard]] std::string get(std::string_view key);
    /// Sets a value, logged in the change log (nothing when it is unchanged).
    void set(std::string_view key, std::string_view value, std::string_view actor);

private:
    UnitOfWork& m_work;
    ChangeLogRepository& m_changes;
    SettingsRepository& m_settings;
};

} // namespace ledger
