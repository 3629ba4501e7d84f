#pragma once

// This process's handle on a ledger file, its locks and the files beside it; private to core.
// Why a ledger keeps a rollback journal rather than a write-ahead log (so that the file
// alone is complete once a write returns) is told on SqlCipherStore; what is made of the
// files SQLite leaves beside a ledger is in companion_files.h.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>

#include <sys/types.h>

namespace ledger {

/// This process's one descriptor of a ledger file, shared by every store open on it.
///
/// Closing any descriptor of a file drops every POSIX lock the process holds on it,
/// SQLite's included. So the file is opened once per process, read outside SQLite only
/// through this descriptor, and closed only when the last store on it has closed its
/// connection.
///
/// It carries two locks of our own, as open-file-description (OFD) record locks on bytes
/// far from SQLite's lock bytes, so that no other descriptor's close can drop them and
/// another process can ask about them without taking them:
/// - the writer lock: one program writes a ledger at a time (another store of this process
///   is kept out by a flag, since the stores share the descriptor);
/// - the presence lock: every program that has the ledger open holds it shared, so that a
///   passphrase change, which replaces the file, can know it is alone.
class LedgerFile {
public:
    /// Joins this process's users of the file at `path`.
    static std::unique_ptr<LedgerFile> join(const std::filesystem::path& path);
    ~LedgerFile();
    LedgerFile(const LedgerFile&) = delete;
    LedgerFile& operator=(const LedgerFile&) = delete;

    /// True when this process can write the file (its mode allows it); the folder is
    /// another question (see folderWritable).
    [[nodiscard]] bool writable() const;
    /// Takes the writer lock; false when another store, here or in another process, has it
    /// or the file cannot be written.
    bool becomeWriter();
    /// Gives the writer lock back (after undoing a dead writer's unfinished write for a
    /// store that only reads).
    void stopWriting();
    /// True when another program holds the writer lock now.
    [[nodiscard]] bool otherWriterAlive() const;
    /// True when no other program and no other store of this process has the file open.
    [[nodiscard]] bool alone() const;
    /// Holds the presence lock exclusively, so that no other program can open the file
    /// until this descriptor closes; false when another program has it open.
    bool keepOthersOut();
    /// Reads from `offset`; returns how many bytes were read (fewer at the end of the file).
    std::size_t read(std::uint64_t offset, std::span<char> buffer) const;
    /// The file's size now.
    [[nodiscard]] std::uint64_t size() const;
    /// Copies the whole file to a new file `target`: never through a link and never over an
    /// existing file (then the next free name `stem.1.bak`, `stem.2.bak`... is used),
    /// readable by its owner only, flushed to the disk. Returns the name written.
    [[nodiscard]] std::filesystem::path copyToNew(const std::filesystem::path& target) const;
    /// Writes the whole file into the descriptor `fd` (of the file `name`, for messages)
    /// from where it stands. `keepGoing`, when given, hears the share copied after each piece;
    /// false stops the copy part-way and this returns false.
    bool copyInto(int fd, const std::filesystem::path& name,
                  const std::function<bool(double)>& keepGoing = {}) const;

private:
    using Key = std::pair<dev_t, ino_t>;
    struct Shared {
        int fd = -1;
        bool writable = false;
        int users = 0;
        bool writer = false;
    };
    struct Registry;
    static Registry& registry();

    LedgerFile(Key key, int fd, bool writable) : m_key(key), m_fd(fd), m_writable(writable) {}

    Key m_key;
    int m_fd;
    bool m_writable;
    bool m_writer = false;
};

/// Flushes a folder's entries (a new, renamed or removed file in it) to the disk.
void syncFolder(const std::filesystem::path& folder);

/// True when files can be made and removed in `folder` by this process.
[[nodiscard]] bool folderWritable(const std::filesystem::path& folder);

/// Creates `path` as a new regular file readable by its owner only (0600 whatever the
/// umask), never through a link and never over an existing file; returns its descriptor.
/// Throws AlreadyExists when anything is at `path`, StorageError otherwise.
[[nodiscard]] int createPrivateFile(const std::filesystem::path& path);

} // namespace ledger
