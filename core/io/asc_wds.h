#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace ledger {

/// One Skills for Care ASC-WDS training category: its bulk-upload code and exact name.
struct AscWdsCategory {
    int code;
    std::string_view name;
};

/// Every current category (48 of them; codes 3, 4 and 24 are not used).
[[nodiscard]] std::span<const AscWdsCategory> ascWdsCategories();

/// The category with this bulk-upload code, if there is one.
[[nodiscard]] std::optional<AscWdsCategory> findAscWdsCategory(int code);

} // namespace ledger
