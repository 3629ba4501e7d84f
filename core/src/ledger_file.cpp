#include "ledger_file.h"

#include "ledger/error.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ledger {

namespace fs = std::filesystem;

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
            return std::unique_ptr<LedgerFile>(new LedgerFile(it->first, it->second.fd));
        }
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fstat(fd, &info) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw StorageError("cannot open " + path.string() + ": " +
                           std::generic_category().message(error));
    }
    const auto [it, inserted] = r.files.try_emplace(Key{info.st_dev, info.st_ino}, Shared{fd});
    if (!inserted) {
        // The path was replaced by a file this process already has open: use that descriptor.
        ::close(fd);
    }
    ++it->second.users;
    return std::unique_ptr<LedgerFile>(new LedgerFile(it->first, it->second.fd));
}

LedgerFile::~LedgerFile() {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    const auto it = r.files.find(m_key);
    if (it == r.files.end()) {
        return;
    }
    if (m_writer) {
        ::flock(m_fd, LOCK_UN);
        it->second.writer = false;
    }
    if (--it->second.users == 0) {
        ::close(it->second.fd);
        r.files.erase(it);
    }
}

bool LedgerFile::becomeWriter() {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    Shared& shared = r.files.at(m_key);
    if (m_writer) {
        return true;
    }
    if (shared.writer) {
        return false;
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK) {
            return false;
        }
        throw StorageError(std::string("cannot lock the ledger: ") + std::strerror(errno));
    }
    shared.writer = true;
    m_writer = true;
    return true;
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
            throw StorageError(std::string("cannot read the ledger: ") + std::strerror(errno));
        }
        if (got == 0) {
            break;
        }
        done += static_cast<std::size_t>(got);
    }
    return done;
}

void LedgerFile::copyTo(const fs::path& target) const {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    std::array<char, 1 << 16> buffer{};
    std::uint64_t offset = 0;
    while (out) {
        const std::size_t got = read(offset, buffer);
        if (got == 0) {
            break;
        }
        out.write(buffer.data(), static_cast<std::streamsize>(got));
        offset += got;
    }
    out.flush();
    if (!out) {
        throw StorageError("cannot write " + target.string());
    }
}

} // namespace ledger
