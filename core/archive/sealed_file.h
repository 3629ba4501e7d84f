#pragma once
// An archive file on disk: sealed as it is written, read back before it is published, and
// read through the seal a chunk at a time (bounded memory, whatever its size).

#include "archive/seal.h"
#include "base/progress.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ledger::archive {

/// "Practice Ledger VERSION": who wrote an archive.
[[nodiscard]] std::string writtenBy();

/// Writes a new archive at `path`: `fill` writes the payload to the stream it is given (its
/// progress from 0 to 1 is most of the whole). The archive is written beside `path` readable
/// by its owner only, flushed to the disk, read back through the seal, and only then linked
/// into place. A file already at `path` is refused (AlreadyExists) and left as it is; a
/// cancel (Cancelled) or any failure leaves nothing behind.
void writeSealedFile(const std::filesystem::path& path, std::string_view passphrase, KdfCost cost,
                     const Progress* progress,
                     const std::function<void(std::ostream&, const Progress*)>& fill);

/// Opens the archive at `path` (LedgerMissing when there is none; ArchiveDamaged,
/// WrongPassphrase) and hands `read` a stream of its payload, authenticated a chunk at a
/// time; progress follows the bytes read. What `read` throws passes through; a payload that
/// `read` leaves unread to its end is refused (ArchiveDamaged): a reader must see the final
/// chunk before it trusts the whole.
void readSealedFile(const std::filesystem::path& path, std::string_view passphrase,
                    const Progress* progress, const std::function<void(std::istream&)>& read);

} // namespace ledger::archive
