#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ledger::cli {

/// Reads a passphrase file; one trailing newline (LF or CRLF) is stripped. Throws
/// std::runtime_error when the file cannot be read.
[[nodiscard]] std::string readPassphraseFile(const std::filesystem::path& path);

/// Asks on the terminal without echo; nullopt when there is no terminal.
[[nodiscard]] std::optional<std::string> promptPassphrase(const std::string& prompt);

} // namespace ledger::cli
