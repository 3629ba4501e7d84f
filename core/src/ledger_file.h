#pragma once

// This process's handle on a ledger file and its single-writer lock; private to core.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <utility>

#include <sys/types.h>

namespace ledger {

/// This process's one descriptor of a ledger file, shared by every store open on it.
///
/// Closing any descriptor of a file drops every POSIX lock the process holds on it,
/// SQLite's included (which would let another program delete the WAL under us). So the file
/// is opened once per process, read outside SQLite only through this descriptor, and closed
/// only when the last store on it has closed its connection.
///
/// It also carries the single-writer lock: an exclusive `flock` (independent of SQLite's
/// fcntl locks on Linux) keeps out other processes, and a flag keeps out other stores of
/// this process, which share the descriptor and so its flock.
class LedgerFile {
public:
    /// Joins this process's users of the file at `path`.
    static std::unique_ptr<LedgerFile> join(const std::filesystem::path& path);
    ~LedgerFile();
    LedgerFile(const LedgerFile&) = delete;
    LedgerFile& operator=(const LedgerFile&) = delete;

    /// Takes the writer lock; false when another store, here or in another process, has it.
    bool becomeWriter();
    /// Reads from `offset`; returns how many bytes were read (fewer at the end of the file).
    std::size_t read(std::uint64_t offset, std::span<char> buffer) const;
    /// Copies the whole file to `target`, replacing it.
    void copyTo(const std::filesystem::path& target) const;

private:
    using Key = std::pair<dev_t, ino_t>;
    struct Shared {
        int fd = -1;
        int users = 0;
        bool writer = false;
    };
    struct Registry;
    static Registry& registry();

    LedgerFile(Key key, int fd) : m_key(key), m_fd(fd) {}

    Key m_key;
    int m_fd;
    bool m_writer = false;
};

} // namespace ledger
