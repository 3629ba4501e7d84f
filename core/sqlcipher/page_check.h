#pragma once

// The keys of a ledger file and the integrity code of each of its pages (SQLCipher 3's
// format, checked without SQLite); private to core.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

class LedgerFile;

/// The page size every ledger is written with.
inline constexpr std::uint64_t kLedgerPageSize = 4096;
/// The bytes at the start of a ledger file that hold its salt, in clear.
inline constexpr std::size_t kSaltSize = 16;

/// The two keys SQLCipher 3 derives from a passphrase and a file's salt: the AES-256 key
/// (PBKDF2-HMAC-SHA1, 256,000 iterations) and the page-integrity (HMAC-SHA1) key.
struct LedgerKeys {
    std::array<unsigned char, 32> cipher{};
    std::array<unsigned char, 32> mac{};

    LedgerKeys() = default;
    ~LedgerKeys();
    LedgerKeys(const LedgerKeys&) = default;
    LedgerKeys& operator=(const LedgerKeys&) = default;

    /// The raw-key form `x'<64 hex digits>'` that SQLCipher takes instead of a passphrase,
    /// so that each further connection skips the key derivation.
    [[nodiscard]] std::string rawKey() const;
};

/// Derives the keys once (about 90 ms).
[[nodiscard]] LedgerKeys deriveKeys(std::string_view passphrase, std::string_view salt);

/// Whether page `number` (1-based; exactly kLedgerPageSize bytes) carries an integrity code
/// that matches `keys`. A page of zeros (never written) passes, as SQLCipher lets it.
[[nodiscard]] bool pageIntact(const LedgerKeys& keys, std::uint32_t number, std::string_view page);

/// The numbers of the pages of `file` whose integrity code does not match. This is how a
/// damaged ledger is located: SQLite itself reports only "SQL logic error" when a page
/// fails its code. With the wrong keys every page fails.
[[nodiscard]] std::vector<std::uint32_t> pagesFailingIntegrity(const LedgerFile& file,
                                                               const LedgerKeys& keys);

} // namespace ledger
