#pragma once

// Where a ledger lives: a file on this machine (the encrypted SQLCipher ledger), or a
// database on a PostgreSQL server, given as libpq's URI (`postgresql://host/database`).

#include <filesystem>
#include <string>
#include <string_view>

namespace ledger {

class Location {
public:
    /// A location as a person types it: a server when it starts with `postgresql://` or
    /// `postgres://` (libpq's two URI prefixes), else a file path (even `host=x`).
    [[nodiscard]] static Location parse(std::string_view text);
    /// A ledger file.
    [[nodiscard]] static Location file(std::filesystem::path path);

    [[nodiscard]] bool isServer() const { return m_server; }
    /// The file's path (files only).
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    /// The server's URI (servers only).
    [[nodiscard]] const std::string& uri() const { return m_uri; }
    /// The location as it was given: the path or the URI.
    [[nodiscard]] std::string text() const { return m_server ? m_uri : m_path.string(); }

private:
    Location() = default;

    bool m_server = false;
    std::filesystem::path m_path;
    std::string m_uri;
};

} // namespace ledger
