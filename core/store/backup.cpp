#include "store/backup.h"

#include "sqlcipher/sqlcipher_store.h"

namespace ledger {

BackupSummary backupStore(Store& store, const std::filesystem::path& target,
                          const Progress* progress) {
    auto* file = dynamic_cast<SqlCipherStore*>(&store);
    if (file == nullptr) {
        throw ActionRefused("a ledger on a server is backed up by its database administrator "
                            "(pg_dump); `archive export` writes an archive of it");
    }
    return file->backupTo(target, progress);
}

BackupSummary restoreBackup(const std::filesystem::path& backup, std::string_view passphrase,
                            const std::filesystem::path& target, const Progress* progress) {
    return SqlCipherStore::restoreBackup(backup, passphrase, target, progress);
}

} // namespace ledger
