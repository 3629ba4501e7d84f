#pragma once

// Backing up a ledger file, and putting a backup back as a new ledger file. A ledger on a
// server has no file of its own: its database administrator backs it up (pg_dump).

#include "base/progress.h"
#include "store/store.h"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace ledger {

/// What a backup or a restore put in place, after checking it.
struct BackupSummary {
    std::filesystem::path path; ///< the file written
    /// The rows of every table of the ledger: as many in the file written as in its source.
    std::uint64_t records = 0;
    std::uint64_t bytes = 0; ///< the file's size
};

/// Writes a verified backup of the ledger open in `store` to the new file `target` (see
/// SqlCipherStore::backupTo). A ledger on a server is refused (ActionRefused).
BackupSummary backupStore(Store& store, const std::filesystem::path& target,
                          const Progress* progress = nullptr);

/// Puts the backup file `backup` (a ledger file under `passphrase`) in place as the new
/// ledger file `target`, once the copy has passed every check a ledger gets (see
/// SqlCipherStore::restoreBackup). Never writes over a file (AlreadyExists: the open ledger,
/// the backup itself, anything else at `target`) and never changes the backup.
BackupSummary restoreBackup(const std::filesystem::path& backup, std::string_view passphrase,
                            const std::filesystem::path& target,
                            const Progress* progress = nullptr);

} // namespace ledger
