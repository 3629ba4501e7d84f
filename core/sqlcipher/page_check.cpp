#include "sqlcipher/page_check.h"

#include "base/error.h"
#include "sqlcipher/ledger_file.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstring>

namespace ledger {

namespace {

constexpr std::size_t kIvSize = 16;
constexpr std::size_t kHmacSize = 20;
constexpr std::size_t kReserve = 48; // IV and HMAC, rounded up to the AES block
constexpr int kKdfIterations = 256000;
constexpr int kHmacKdfIterations = 2;
constexpr unsigned char kHmacSaltMask = 0x3a;

} // namespace

LedgerKeys::~LedgerKeys() {
    OPENSSL_cleanse(cipher.data(), cipher.size());
    OPENSSL_cleanse(mac.data(), mac.size());
}

std::string LedgerKeys::rawKey() const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "x'";
    for (const unsigned char b : cipher) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0x0F]);
    }
    out.push_back('\'');
    return out;
}

LedgerKeys deriveKeys(std::string_view passphrase, std::string_view salt) {
    LedgerKeys keys;
    std::array<unsigned char, kSaltSize> fileSalt{};
    std::memcpy(fileSalt.data(), salt.data(), std::min(salt.size(), kSaltSize));
    std::array<unsigned char, kSaltSize> macSalt = fileSalt;
    for (unsigned char& b : macSalt) {
        b ^= kHmacSaltMask;
    }
    if (PKCS5_PBKDF2_HMAC_SHA1(passphrase.data(), static_cast<int>(passphrase.size()),
                               fileSalt.data(), static_cast<int>(kSaltSize), kKdfIterations,
                               static_cast<int>(keys.cipher.size()), keys.cipher.data()) != 1 ||
        PKCS5_PBKDF2_HMAC_SHA1(reinterpret_cast<const char*>(keys.cipher.data()),
                               static_cast<int>(keys.cipher.size()), macSalt.data(),
                               static_cast<int>(kSaltSize), kHmacKdfIterations,
                               static_cast<int>(keys.mac.size()), keys.mac.data()) != 1) {
        throw StorageError("cannot derive the ledger's keys");
    }
    return keys;
}

bool pageIntact(const LedgerKeys& keys, std::uint32_t number, std::string_view page) {
    if (page.size() != kLedgerPageSize) {
        return false;
    }
    if (std::all_of(page.begin(), page.end(), [](char c) { return c == 0; })) {
        return true;
    }
    // Page 1 begins with the salt, outside the encrypted part.
    const std::size_t start = number == 1 ? kSaltSize : 0;
    const std::size_t size = kLedgerPageSize - start - kReserve;
    std::string message(page.substr(start, size + kIvSize));
    const std::array<char, 4> pageNumber{
        static_cast<char>(number & 0xFF), static_cast<char>((number >> 8) & 0xFF),
        static_cast<char>((number >> 16) & 0xFF), static_cast<char>((number >> 24) & 0xFF)};
    message.append(pageNumber.data(), pageNumber.size());
    std::array<unsigned char, EVP_MAX_MD_SIZE> code{};
    unsigned int codeSize = 0;
    if (HMAC(EVP_sha1(), keys.mac.data(), static_cast<int>(keys.mac.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), code.data(),
             &codeSize) == nullptr ||
        codeSize != kHmacSize) {
        throw StorageError("cannot compute a page's integrity code");
    }
    return CRYPTO_memcmp(code.data(), page.data() + start + size + kIvSize, kHmacSize) == 0;
}

std::vector<std::uint32_t> pagesFailingIntegrity(const LedgerFile& file, const LedgerKeys& keys) {
    std::array<char, kLedgerPageSize> page{};
    std::vector<std::uint32_t> failing;
    const std::uint64_t pages = file.size() / kLedgerPageSize;
    for (std::uint64_t i = 0; i < pages; ++i) {
        const std::size_t got = file.read(i * kLedgerPageSize, page);
        const auto number = static_cast<std::uint32_t>(i + 1);
        if (!pageIntact(keys, number, std::string_view(page.data(), got))) {
            failing.push_back(number);
        }
    }
    return failing;
}

} // namespace ledger
