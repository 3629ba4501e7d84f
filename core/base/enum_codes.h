#pragma once

// One parse/format pair per enum, from one table of (value, code) pairs.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ledger {

template <typename Enum, std::size_t N>
using CodeTable = std::array<std::pair<Enum, const char*>, N>;

/// The code of `value` in `table`; empty when it has none.
template <typename Enum, std::size_t N>
[[nodiscard]] std::string codeOf(const CodeTable<Enum, N>& table, Enum value) {
    for (const auto& [e, code] : table) {
        if (e == value) {
            return code;
        }
    }
    return {};
}

/// The value whose code is exactly `code`.
template <typename Enum, std::size_t N>
[[nodiscard]] std::optional<Enum> parseCode(const CodeTable<Enum, N>& table,
                                            std::string_view code) {
    for (const auto& [e, c] : table) {
        if (code == c) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace ledger
