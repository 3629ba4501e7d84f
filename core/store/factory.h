#pragma once

// Opening a ledger where it lives. The one place above the engines that names one: today a
// SQLCipher file; a shared PostgreSQL server is the next engine.

#include "store/store.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

namespace ledger {

/// Opens an existing ledger (see SqlCipherStore::open: one writer at a time).
[[nodiscard]] std::unique_ptr<Store> openStore(const std::filesystem::path& path,
                                               std::string_view passphrase, OpenMode mode);

/// A new ledger being filled before it appears at its path (see
/// SqlCipherStore::beginCreate); `publish` puts it in place and closes it.
struct StoreBeingBuilt {
    std::unique_ptr<Store> store;
    std::function<void()> publish;
};
[[nodiscard]] StoreBeingBuilt beginCreateStore(const std::filesystem::path& path,
                                               std::string_view passphrase);

} // namespace ledger
