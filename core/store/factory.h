#pragma once

// Opening a ledger where it lives. The one place above the engines that names them: a
// SQLCipher file, or a database on a PostgreSQL server.

#include "store/location.h"
#include "store/store.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

namespace ledger {

/// Opens an existing ledger. A file (see SqlCipherStore::open: one writer at a time) opens
/// with `secret` as its passphrase; a server (see pg::PgStore::open) with `secret` as the
/// login's password, or, when it is empty, the password libpq finds itself (PGPASSFILE).
[[nodiscard]] std::unique_ptr<Store> openStore(const Location& location, std::string_view secret,
                                               OpenMode mode);

/// A new ledger being filled before it appears at its path (see
/// SqlCipherStore::beginCreate); `publish` puts it in place and closes it.
struct StoreBeingBuilt {
    std::unique_ptr<Store> store;
    std::function<void()> publish;
};
[[nodiscard]] StoreBeingBuilt beginCreateStore(const std::filesystem::path& path,
                                               std::string_view passphrase);

} // namespace ledger
