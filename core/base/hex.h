#pragma once

// Bytes as lower-case hex and back: how a file's bytes travel where only text goes (the
// server's text parameters, which stop at a 0x00 byte, and a ledger copy's rows).

#include <optional>
#include <string>
#include <string_view>

namespace ledger {

/// Each byte as two lower-case hex digits.
[[nodiscard]] std::string toHex(std::string_view bytes);

/// The bytes of hex text (either case); nullopt when it is not an even number of hex digits.
[[nodiscard]] std::optional<std::string> fromHex(std::string_view hex);

} // namespace ledger
