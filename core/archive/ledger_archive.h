#pragma once
// Ledger archives (issue 13): every record of a ledger, from either engine, in one sealed file
// that another version can read years later and restore into a new ledger file or an empty
// server ledger.
//
// The payload inside the seal (seal.h) is a Boost.Serialization binary archive that holds the
// ledger's tables as ledgerTables() names them: a head (what the archive is, the schema it was
// written from), then each table's name and columns, then its rows, each value the engine's
// text or NULL. Columns are carried by name, so a later version restores an older archive by
// name (a column it lacks is NULL) and refuses one that holds columns it does not know. Boost
// only ever parses bytes the seal has authenticated, and even then every count and length is
// checked against a limit before anything is allocated (toolchain.md section 5).

#include "archive/seal.h"
#include "base/progress.h"
#include "store/store.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace ledger::archive {

/// What an archive holds.
inline constexpr std::string_view kLedgerKind = "ledger";
inline constexpr std::string_view kPortfolioKind = "portfolio";

/// The limits a payload is held to as it is read (more is damage, whatever the archive says).
inline constexpr std::uint64_t kMaxValueBytes = std::uint64_t{64} << 20; ///< one value: 64 MiB
inline constexpr std::uint64_t kMaxNameBytes = 256;                      ///< a table or column
inline constexpr std::uint32_t kMaxColumns = 64;

/// What an archive says of itself before its tables.
struct ArchiveInfo {
    std::string kind;      ///< kLedgerKind or kPortfolioKind
    int schemaVersion = 0; ///< of the ledger it was written from
    std::string writtenBy; ///< "Practice Ledger VERSION"
    std::string subject;   ///< a portfolio's employee id; empty for a ledger
};

/// What restoring an archive did.
struct Restored {
    ArchiveInfo info;
    std::uint64_t rows = 0;
};

/// Writes a payload: the head, then tables of rows, then the end.
class PayloadWriter {
public:
    PayloadWriter(std::ostream& out, const ArchiveInfo& info);
    ~PayloadWriter();
    PayloadWriter(const PayloadWriter&) = delete;
    PayloadWriter& operator=(const PayloadWriter&) = delete;

    void beginTable(const TableColumns& table);
    /// One row of the table begun last: as many values as it has columns.
    void row(const RawRow& row);
    void endTable();
    /// After the last table.
    void finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Reads a payload written by PayloadWriter from `in`, a table and a row at a time. Anything
/// that is not such a payload (or one from a newer version it cannot read) throws
/// ArchiveDamaged naming what is wrong; nothing else escapes it.
class PayloadReader {
public:
    explicit PayloadReader(std::istream& in);
    ~PayloadReader();
    PayloadReader(const PayloadReader&) = delete;
    PayloadReader& operator=(const PayloadReader&) = delete;

    [[nodiscard]] const ArchiveInfo& info() const;
    /// The next table's name and columns (its other fields unset); false after the last,
    /// once the payload is known to end there.
    bool nextTable(TableColumns& table);
    /// The next row of the current table; false after its last.
    bool nextRow(RawRow& row);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// A ledger's payload for `from`: every table of ledgerTables(), in its order, read in one
/// snapshot. Returns the number of rows written.
std::uint64_t writeLedgerPayload(Store& from, PayloadWriter& writer,
                                 const Progress* progress = nullptr);

/// Writes `from` whole into a new archive at `path`, sealed under `passphrase`: written beside
/// it, readable by its owner only, and moved into place only when whole and read back. A file
/// already at `path` is refused (AlreadyExists) and left as it is; a cancel (Cancelled) or any
/// failure leaves nothing. Returns the number of rows it holds.
std::uint64_t exportLedger(Store& from, const std::filesystem::path& path,
                           std::string_view passphrase, const Progress* progress = nullptr,
                           KdfCost cost = defaultKdfCost());

/// Restores the ledger archive at `path` into `to`, which must hold no records
/// (AlreadyExists), in one transaction on `to`: committed whole, or rolled back on damage
/// (ArchiveDamaged), a wrong passphrase (WrongPassphrase, before anything is written) or a
/// cancel. Returns what the archive said of itself and the rows restored.
Restored importLedger(const std::filesystem::path& path, std::string_view passphrase, Store& to,
                      const Progress* progress = nullptr);

} // namespace ledger::archive
