#include "store/factory.h"

#include "postgres/pg_store.h"
#include "sqlcipher/sqlcipher_store.h"

namespace ledger {

std::unique_ptr<Store> openStore(const Location& location, std::string_view secret, OpenMode mode) {
    if (location.isServer()) {
        std::optional<std::string> password;
        if (!secret.empty()) {
            password = std::string(secret);
        }
        return pg::PgStore::open(location.uri(), password, mode);
    }
    return SqlCipherStore::open(location.path(), secret, mode);
}

StoreBeingBuilt beginCreateStore(const std::filesystem::path& path, std::string_view passphrase) {
    std::unique_ptr<SqlCipherStore> building = SqlCipherStore::beginCreate(path, passphrase);
    SqlCipherStore* store = building.get();
    return StoreBeingBuilt{std::move(building), [store] {
                               store->publish();
                           }};
}

} // namespace ledger
