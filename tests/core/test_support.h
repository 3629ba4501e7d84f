#pragma once

// Helpers shared by the core tests (and the app's): a scratch directory, whole-file reads,
// and every record of a ledger gathered through the services' targeted reads.

#include "ledger.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

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

/// Staff, modules and rules (as records() gives them) and every completion, voided ones
/// included, in the order they were recorded (by id). No read of the product returns every
/// completion: they are gathered person by person, which only a small ledger affords.
inline LedgerData everyRecord(Ledger& ledger) {
    LedgerData data = ledger.training().records();
    for (const Staff& person : data.staff) {
        std::vector<Completion> theirs = ledger.training().completionsOf(person.employeeId);
        data.completions.insert(data.completions.end(), std::make_move_iterator(theirs.begin()),
                                std::make_move_iterator(theirs.end()));
    }
    std::sort(data.completions.begin(), data.completions.end(),
              [](const Completion& a, const Completion& b) { return a.id < b.id; });
    return data;
}

/// Every completion of a ledger, voided ones included, by id (see everyRecord).
inline std::vector<Completion> everyCompletion(Ledger& ledger) {
    return everyRecord(ledger).completions;
}

} // namespace ledger::test
