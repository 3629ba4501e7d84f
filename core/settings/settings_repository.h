#pragma once

#include <string>
#include <string_view>

namespace ledger {

/// Where the settings held in a ledger live (organisation name, ASC-WDS workplace id, ...).
class SettingsRepository {
public:
    virtual ~SettingsRepository() = default;

    /// The value, or empty when not set.
    [[nodiscard]] virtual std::string value(std::string_view key) = 0;
    virtual void setValue(std::string_view key, std::string_view value) = 0;
};

} // namespace ledger
