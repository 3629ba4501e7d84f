#include "sqlcipher/ledger_file.h"

#include "base/error.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ledger {

namespace fs = std::filesystem;

namespace {

// SQLite locks the bytes from 0x40000000 to 0x400001FF; ours are well away from them.
constexpr off_t kWriterByte = 0x60000000;
constexpr off_t kPresenceByte = 0x60000001;

std::string systemMessage(int error) {
    return std::generic_category().message(error);
}

flock byteLock(short type, off_t byte) {
    flock lock{};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = byte;
    lock.l_len = 1;
    lock.l_pid = 0;
    return lock;
}

/// Takes (or changes, or drops) one of our byte locks without waiting; false when another
/// open file description holds a conflicting one.
bool setLock(int fd, short type, off_t byte) {
    flock lock = byteLock(type, byte);
    if (::fcntl(fd, F_OFD_SETLK, &lock) == 0) {
        return true;
    }
    if (errno == EAGAIN || errno == EACCES) {
        return false;
    }
    throw StorageError("cannot lock the ledger: " + systemMessage(errno));
}

/// True when another open file description holds a lock on `byte` that conflicts with `type`.
bool someoneElseHolds(int fd, short type, off_t byte) {
    flock lock = byteLock(type, byte);
    if (::fcntl(fd, F_OFD_GETLK, &lock) != 0) {
        throw StorageError("cannot ask about the ledger's locks: " + systemMessage(errno));
    }
    return lock.l_type != F_UNLCK;
}

} // namespace

struct LedgerFile::Registry {
    std::mutex mutex;
    std::map<Key, Shared> files;
};

LedgerFile::Registry& LedgerFile::registry() {
    static Registry r;
    return r;
}

std::unique_ptr<LedgerFile> LedgerFile::join(const fs::path& path) {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        if (const auto it = r.files.find(Key{info.st_dev, info.st_ino}); it != r.files.end()) {
            ++it->second.users;
            return std::unique_ptr<LedgerFile>(
                new LedgerFile(it->first, it->second.fd, it->second.writable));
        }
    }
    // Read-write where the file's mode allows it (our write locks need it), else read-only.
    bool writable = true;
    int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
        writable = false;
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0 || ::fstat(fd, &info) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw StorageError("cannot open " + path.string() + ": " + systemMessage(error));
    }
    const auto [it, inserted] =
        r.files.try_emplace(Key{info.st_dev, info.st_ino}, Shared{fd, writable});
    if (!inserted) {
        // The path was replaced by a file this process already has open: use that descriptor.
        ::close(fd);
    } else if (!setLock(fd, F_RDLCK, kPresenceByte)) {
        // Only a passphrase change holds it exclusively, and only for a moment.
        r.files.erase(it);
        ::close(fd);
        throw Conflict(path.string() + " is having its passphrase changed by another program; "
                                       "try again in a moment");
    }
    ++it->second.users;
    return std::unique_ptr<LedgerFile>(
        new LedgerFile(it->first, it->second.fd, it->second.writable));
}

LedgerFile::~LedgerFile() {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    const auto it = r.files.find(m_key);
    if (it == r.files.end()) {
        return;
    }
    if (m_writer) {
        setLock(m_fd, F_UNLCK, kWriterByte);
        it->second.writer = false;
    }
    if (--it->second.users == 0) {
        ::close(it->second.fd); // drops its OFD locks
        r.files.erase(it);
    }
}

bool LedgerFile::writable() const {
    return m_writable;
}

bool LedgerFile::becomeWriter() {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    Shared& shared = r.files.at(m_key);
    if (m_writer) {
        return true;
    }
    if (shared.writer || !m_writable) {
        return false;
    }
    if (!setLock(m_fd, F_WRLCK, kWriterByte)) {
        return false;
    }
    shared.writer = true;
    m_writer = true;
    return true;
}

void LedgerFile::stopWriting() {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    if (!m_writer) {
        return;
    }
    setLock(m_fd, F_UNLCK, kWriterByte);
    r.files.at(m_key).writer = false;
    m_writer = false;
}

bool LedgerFile::otherWriterAlive() const {
    return someoneElseHolds(m_fd, F_WRLCK, kWriterByte);
}

bool LedgerFile::alone() const {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    return r.files.at(m_key).users == 1 && !someoneElseHolds(m_fd, F_WRLCK, kPresenceByte);
}

bool LedgerFile::keepOthersOut() {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    return r.files.at(m_key).users == 1 && m_writable && setLock(m_fd, F_WRLCK, kPresenceByte);
}

std::size_t LedgerFile::read(std::uint64_t offset, std::span<char> buffer) const {
    std::size_t done = 0;
    while (done < buffer.size()) {
        const ssize_t got = ::pread(m_fd, buffer.data() + done, buffer.size() - done,
                                    static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            throw StorageError("cannot read the ledger: " + systemMessage(errno));
        }
        if (got == 0) {
            break;
        }
        done += static_cast<std::size_t>(got);
    }
    return done;
}

std::uint64_t LedgerFile::size() const {
    struct stat info {};
    if (::fstat(m_fd, &info) != 0) {
        throw StorageError("cannot read the ledger: " + systemMessage(errno));
    }
    return static_cast<std::uint64_t>(info.st_size);
}

fs::path LedgerFile::copyToNew(const fs::path& target) const {
    // FILE.v1.bak, then FILE.v1.1.bak, FILE.v1.2.bak...
    const std::string whole = target.string();
    const std::string stem = whole.ends_with(".bak") ? whole.substr(0, whole.size() - 4) : whole;
    fs::path chosen = target;
    int fd = -1;
    for (int n = 1; fd < 0; ++n) {
        try {
            fd = createPrivateFile(chosen);
        } catch (const AlreadyExists&) {
            if (n > 9999) {
                throw StorageError("too many backup copies beside " + target.string());
            }
            chosen = stem + "." + std::to_string(n) + ".bak";
        }
    }
    try {
        copyInto(fd, chosen);
        if (::fsync(fd) != 0) {
            throw StorageError("cannot write " + chosen.string() + ": " + systemMessage(errno));
        }
    } catch (...) {
        ::close(fd);
        std::error_code ec;
        fs::remove(chosen, ec);
        throw;
    }
    ::close(fd);
    syncFolder(chosen.parent_path());
    return chosen;
}

bool LedgerFile::copyInto(int fd, const fs::path& name,
                          const std::function<bool(double)>& keepGoing) const {
    const std::uint64_t total = size();
    std::array<char, 1 << 16> buffer{};
    std::uint64_t offset = 0;
    for (;;) {
        const std::size_t got = read(offset, buffer);
        if (got == 0) {
            return true;
        }
        std::size_t written = 0;
        while (written < got) {
            const ssize_t n = ::write(fd, buffer.data() + written, got - written);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                throw StorageError("cannot write " + name.string() + ": " + systemMessage(errno));
            }
            written += static_cast<std::size_t>(n);
        }
        offset += got;
        if (keepGoing && total > 0 &&
            !keepGoing(static_cast<double>(offset) / static_cast<double>(total))) {
            return false;
        }
    }
}

void syncFolder(const fs::path& folder) {
    const fs::path where = folder.empty() ? fs::path(".") : folder;
    const int fd = ::open(where.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool folderWritable(const fs::path& folder) {
    const fs::path where = folder.empty() ? fs::path(".") : folder;
    return ::access(where.c_str(), W_OK | X_OK) == 0;
}

int createPrivateFile(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            throw AlreadyExists("a file already exists at " + path.string());
        }
        throw StorageError("cannot create " + path.string() + ": " + systemMessage(errno));
    }
    // 0600 whatever the umask (the umask can only take bits away, but say it anyway).
    ::fchmod(fd, 0600);
    return fd;
}

} // namespace ledger
