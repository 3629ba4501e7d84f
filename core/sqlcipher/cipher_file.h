#pragma once

// Connections to ledger files and the files made beside them: shared by the store (opening,
// creating, changing the passphrase) and by backups; private to core.

#include "sqlcipher/page_check.h"

#include <sqlcipher/sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace ledger {

class LedgerFile;

/// Keys a new connection with a passphrase or the raw-key form (LedgerKeys::rawKey).
void applyKey(sqlite3* db, std::string_view passphrase);

/// Refuses files that cannot be a ledger before SQLCipher looks at them, so that "not a
/// ledger" and "wrong passphrase" stay distinct (NotALedger).
void checkLooksLikeLedger(const std::filesystem::path& path, const LedgerFile& file);

[[nodiscard]] std::int64_t pragmaInteger(sqlite3* db, const char* pragma);
[[nodiscard]] int pragmaInt(sqlite3* db, const char* pragma);

/// Reads the schema with the key applied; throws WrongPassphrase, NotALedger or
/// NewerSchema; returns the schema version.
int checkOpened(sqlite3* db, const std::filesystem::path& path);

using KeyedConnection = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

/// A connection to `path` keyed with `key` (a passphrase, or a raw-key form).
/// `immutable` reads the file alone: no lock, no companion file read or made.
[[nodiscard]] KeyedConnection openKeyed(const std::filesystem::path& path, std::string_view key,
                                        int flags, bool immutable);

/// The page-integrity keys of the ledger at `file` for `passphrase`, after checking them
/// against page 1 (without SQLite, so that nothing beside the file is read or changed).
[[nodiscard]] LedgerKeys keysFor(const std::filesystem::path& path, const LedgerFile& file,
                                 std::string_view passphrase);

/// Removes the half-made files (FileBeingMade) that making `path` left in its folder when
/// the program making them died: each is locked by its maker while it lives, so one that
/// can be locked now is proved dead.
void removeDeadBuilds(const std::filesystem::path& path);

/// A new file being made for `target` under a name of its own beside it
/// (`TARGET.creating-WHAT-PID-N`): readable by its owner only, and locked while this program
/// lives, so that removeDeadBuilds can prove a leftover dead. Dropped before it is put in
/// place, it is removed with anything SQLite left beside it.
class FileBeingMade {
public:
    FileBeingMade(std::filesystem::path target, std::string_view what);
    ~FileBeingMade();
    FileBeingMade(const FileBeingMade&) = delete;
    FileBeingMade& operator=(const FileBeingMade&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }
    [[nodiscard]] int fd() const { return m_fd; }

    /// Flushes the file to the disk (StorageError).
    void flush();
    /// Flushes it and links it into place at the target, never over a file that is there
    /// (AlreadyExists, the target untouched); then drops the temporary name. Kill points
    /// `STEP-before-link` and `STEP-linked` bracket the link.
    void putInPlace(std::string_view step);
    /// The caller has moved the file to where it belongs: nothing to remove.
    void forget() { m_done = true; }

private:
    std::filesystem::path m_target;
    std::filesystem::path m_path;
    int m_fd = -1;
    bool m_done = false;
};

} // namespace ledger
