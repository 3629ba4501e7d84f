#include "store/factory.h"

#include "sqlcipher/sqlcipher_store.h"

namespace ledger {

std::unique_ptr<Store> openStore(const std::filesystem::path& path, std::string_view passphrase,
                                 OpenMode mode) {
    return SqlCipherStore::open(path, passphrase, mode);
}

StoreBeingBuilt beginCreateStore(const std::filesystem::path& path, std::string_view passphrase) {
    std::unique_ptr<SqlCipherStore> building = SqlCipherStore::beginCreate(path, passphrase);
    SqlCipherStore* store = building.get();
    return StoreBeingBuilt{std::move(building), [store] {
                               store->publish();
                           }};
}

} // namespace ledger
