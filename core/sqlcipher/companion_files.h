#pragma once

// The files SQLite keeps beside a ledger, and what to make of them when one is found there
// with no program writing the ledger; private to core.

#include <cstdint>
#include <filesystem>
#include <string>

namespace ledger {

class LedgerFile;
struct LedgerKeys;

/// `PATH-journal`, `PATH-wal`, `PATH-shm`.
[[nodiscard]] std::filesystem::path journalOf(const std::filesystem::path& ledger);
[[nodiscard]] std::filesystem::path walOf(const std::filesystem::path& ledger);
[[nodiscard]] std::filesystem::path shmOf(const std::filesystem::path& ledger);

/// What a `-journal` left beside a ledger nobody is writing means.
enum class LeftJournal {
    None,       ///< no journal, or an empty one: nothing to undo
    Unfinished, ///< the journal of a write that stopped part-way on this very file: needed
};

/// Looks at `PATH-journal` when no program is writing the ledger. A journal that SQLite
/// would play back over the ledger must be the one its last writer left: written for this
/// file (same salt, same page size, integrity codes under the same keys) and for a ledger
/// no larger than this one. Anything else (another ledger's journal, a stale one beside a
/// backup copy restored over the ledger, not a journal at all) would be merged into the
/// ledger's pages, so it is refused with CompanionFileProblem and left where it is.
[[nodiscard]] LeftJournal inspectLeftJournal(const std::filesystem::path& ledger,
                                             const LedgerFile& file, const LedgerKeys& keys);

/// Refuses a `-wal` beside a ledger of schema 3 or later (a rollback-journal ledger: no
/// -wal is ever part of it, but SQLite would read one as if it were). Schema 1 and 2 ledgers
/// kept a write-ahead log, and theirs may hold committed work: it is used, then folded in by
/// the upgrade.
void refuseStrayWal(const std::filesystem::path& ledger, int schemaVersion);

/// The message for a ledger whose unfinished write cannot be undone where it is.
[[nodiscard]] std::string unfinishedWriteHere(const std::filesystem::path& ledger);

} // namespace ledger
