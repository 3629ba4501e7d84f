#include "sqlcipher/cipher_file.h"

#include "base/error.h"
#include "base/kill_point.h"
#include "sqlcipher/companion_files.h"
#include "sqlcipher/ledger_file.h"
#include "sqlcipher/sqlcipher_store.h"
#include "sqlcipher/sqlite_util.h"

#include <array>
#include <chrono>
#include <random>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ledger {

namespace fs = std::filesystem;
using sql::Statement;

namespace {

/// `path` for a `file:` URI: absolute, with the characters a URI gives meaning escaped.
std::string uriPath(const fs::path& path) {
    const std::string whole = fs::absolute(path).string();
    std::string out;
    for (const char c : whole) {
        if (c == '%' || c == '?' || c == '#') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0F];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

void applyKey(sqlite3* db, std::string_view passphrase) {
    if (sqlite3_key(db, passphrase.data(), static_cast<int>(passphrase.size())) != SQLITE_OK) {
        sql::fail(db, "setting the passphrase");
    }
    // Only honoured after the key and before the first read (see docs/toolchain notes).
    sql::exec(db, "PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;");
}

void checkLooksLikeLedger(const fs::path& path, const LedgerFile& file) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        throw NotALedger(path.string() + " is not a Practice Ledger file (" + ec.message() + ")");
    }
    if (size == 0) {
        throw NotALedger(path.string() + " is an empty file, not a Practice Ledger file");
    }
    std::array<char, 512> head{};
    const std::size_t got = file.read(0, head);
    if (std::string_view(head.data(), got).starts_with(std::string_view("SQLite format 3\0", 16))) {
        throw NotALedger(path.string() +
                         " is an unencrypted SQLite database, not a Practice Ledger file");
    }
    if (size % kLedgerPageSize != 0) {
        throw NotALedger(path.string() + " is not a Practice Ledger file");
    }
    bool allText = true;
    for (std::size_t i = 0; i < got && allText; ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        allText = c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F);
    }
    if (allText) {
        throw NotALedger(path.string() + " is a text file, not a Practice Ledger file");
    }
}

std::int64_t pragmaInteger(sqlite3* db, const char* pragma) {
    Statement st(db, std::string("PRAGMA ") + pragma);
    return st.step() ? st.integer(0) : 0;
}

int pragmaInt(sqlite3* db, const char* pragma) {
    return static_cast<int>(pragmaInteger(db, pragma));
}

int checkOpened(sqlite3* db, const fs::path& path) {
    sqlite3_stmt* probe = nullptr;
    const int prc =
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &probe, nullptr);
    const int src = prc == SQLITE_OK ? sqlite3_step(probe) : prc;
    sqlite3_finalize(probe);
    if (src == SQLITE_NOTADB || src == SQLITE_CORRUPT) {
        throw WrongPassphrase("the passphrase is wrong, or " + path.string() + " is damaged");
    }
    if (src != SQLITE_ROW) {
        sql::fail(db, "reading " + path.string());
    }
    if (pragmaInt(db, "application_id") != SqlCipherStore::kApplicationId) {
        throw NotALedger(path.string() + " is an encrypted database of another program");
    }
    const int version = pragmaInt(db, "user_version");
    if (version > SqlCipherStore::kSchemaVersion) {
        throw NewerSchema(path.string() + " was written by a newer Practice Ledger (schema " +
                          std::to_string(version) + ", this program reads up to " +
                          std::to_string(SqlCipherStore::kSchemaVersion) +
                          "); please update the program");
    }
    if (version < 1) {
        throw NotALedger(path.string() + " is an unfinished ledger");
    }
    return version;
}

KeyedConnection openKeyed(const fs::path& path, std::string_view key, int flags, bool immutable) {
    sqlite3* raw = nullptr;
    const std::string name = immutable ? "file:" + uriPath(path) + "?immutable=1" : path.string();
    const int rc =
        sqlite3_open_v2(name.c_str(), &raw,
                        flags | SQLITE_OPEN_FULLMUTEX | (immutable ? SQLITE_OPEN_URI : 0), nullptr);
    KeyedConnection db(raw, sqlite3_close_v2);
    if (rc != SQLITE_OK) {
        sql::fail(raw, "opening " + path.string());
    }
    applyKey(raw, key);
    return db;
}

LedgerKeys keysFor(const fs::path& path, const LedgerFile& file, std::string_view passphrase) {
    std::array<char, kLedgerPageSize> page{};
    std::size_t got = file.read(0, page);
    LedgerKeys keys = deriveKeys(passphrase, std::string_view(page.data(), kSaltSize));
    // A writer in another program may be rewriting page 1 at this very moment: look again
    // a few times before calling the passphrase wrong.
    for (int attempt = 0; !pageIntact(keys, 1, std::string_view(page.data(), got)); ++attempt) {
        if (attempt == 3 || !file.otherWriterAlive()) {
            throw WrongPassphrase("the passphrase is wrong, or " + path.string() + " is damaged");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        got = file.read(0, page);
    }
    return keys;
}

void removeDeadBuilds(const fs::path& path) {
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const std::string prefix = path.filename().string() + ".creating-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix) || name.ends_with("-journal") || !entry.is_regular_file(ec) ||
            entry.is_symlink(ec)) {
            continue;
        }
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            fs::remove(entry.path(), ec);
            fs::remove(journalOf(entry.path()), ec);
        }
        ::close(fd);
    }
}

FileBeingMade::FileBeingMade(fs::path target, std::string_view what) : m_target(std::move(target)) {
    removeDeadBuilds(m_target);
    std::random_device random;
    while (m_fd < 0) {
        m_path = m_target.string() + ".creating-" + std::string(what) + (what.empty() ? "" : "-") +
                 std::to_string(::getpid()) + "-" + std::to_string(random() % 1000000);
        try {
            m_fd = createPrivateFile(m_path);
        } catch (const AlreadyExists&) {
        }
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        std::error_code ec;
        fs::remove(m_path, ec);
        throw StorageError("cannot lock " + m_path.string() + ": " +
                           std::generic_category().message(error));
    }
}

FileBeingMade::~FileBeingMade() {
    if (!m_done) {
        std::error_code ec;
        fs::remove(m_path, ec);
        fs::remove(journalOf(m_path), ec);
    }
    ::close(m_fd);
}

void FileBeingMade::flush() {
    if (::fsync(m_fd) != 0) {
        throw StorageError("cannot write " + m_target.string() + ": " +
                           std::generic_category().message(errno));
    }
}

void FileBeingMade::putInPlace(std::string_view step) {
    flush();
    killPoint(std::string(step) + "-before-link");
    // link() never replaces a name that exists, unlike rename(): a file that appeared at the
    // target meanwhile (or the open ledger, given as the target) is left as it is.
    if (::link(m_path.c_str(), m_target.c_str()) != 0) {
        const int error = errno;
        if (error == EEXIST) {
            throw AlreadyExists("a file already exists at " + m_target.string());
        }
        throw StorageError("cannot create " + m_target.string() + ": " +
                           std::generic_category().message(error));
    }
    m_done = true;
    syncFolder(m_target.parent_path());
    killPoint(std::string(step) + "-linked");
    std::error_code ec;
    fs::remove(m_path, ec);
    syncFolder(m_target.parent_path());
}

} // namespace ledger
