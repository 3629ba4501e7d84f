#pragma once

// Helpers shared by the core tests: a scratch directory and whole-file reads.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace ledger::test {

/// A fresh directory under the system temporary directory, removed on destruction.
class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("practice-ledger-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return m_path / name;
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void writeAll(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

} // namespace ledger::test
