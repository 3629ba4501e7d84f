#include "archive/seal.h"

#include <sodium.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <vector>

namespace ledger::archive {

namespace {

constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
/// Where each field of the header starts.
constexpr std::size_t kAtVersion = 8;
constexpr std::size_t kAtHeaderSize = 12;
constexpr std::size_t kAtOps = 16;
constexpr std::size_t kAtMem = 24;
constexpr std::size_t kAtSalt = 32;
constexpr std::size_t kAtChunk = kAtSalt + kSaltBytes;
constexpr std::size_t kAtReserved = kAtChunk + 4;
constexpr std::size_t kAtPayload = kAtReserved + 4;
constexpr std::size_t kAtStream = kAtPayload + 8;
constexpr std::size_t kAtKeyCheck = kAtStream + kStreamHeaderBytes;
constexpr std::size_t kAtChecksum = kAtKeyCheck + kHashBytes;
static_assert(kAtChecksum + kHashBytes == kHeaderSize);
static_assert(kSaltBytes == 16 && kStreamHeaderBytes == 24);

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "PLarchiv";
constexpr std::uint64_t kStreamKeyId = 1;
constexpr std::uint64_t kCheckKeyId = 2;

using Header = std::array<unsigned char, kHeaderSize>;
using Key = std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>;

void initSodium() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium cannot start");
    }
}

void putLe(unsigned char* at, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) {
        at[i] = static_cast<unsigned char>(value >> (8 * i));
    }
}

std::uint64_t getLe(const unsigned char* at, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        value |= static_cast<std::uint64_t>(at[i]) << (8 * i);
    }
    return value;
}

/// The archive's two keys from the passphrase: one for the stream, one for the header's
/// key check. Wiped when it goes.
struct Keys {
    Key stream{};
    std::array<unsigned char, kHashBytes> check{};
    Keys() = default;
    Keys(const Keys&) = delete;
    Keys& operator=(const Keys&) = delete;
    ~Keys() {
        sodium_memzero(stream.data(), stream.size());
        sodium_memzero(check.data(), check.size());
    }
};

void deriveKeys(Keys& keys, std::string_view passphrase, const unsigned char* salt, KdfCost cost) {
    std::array<unsigned char, crypto_kdf_KEYBYTES> master{};
    if (crypto_pwhash(master.data(), master.size(), passphrase.data(), passphrase.size(), salt,
                      cost.opsLimit, static_cast<std::size_t>(cost.memLimit),
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("cannot derive the archive key: not enough memory");
    }
    crypto_kdf_derive_from_key(keys.stream.data(), keys.stream.size(), kStreamKeyId, kKdfContext,
                               master.data());
    crypto_kdf_derive_from_key(keys.check.data(), keys.check.size(), kCheckKeyId, kKdfContext,
                               master.data());
    sodium_memzero(master.data(), master.size());
}

void hashInto(unsigned char* out, const Header& header, std::size_t length,
              const unsigned char* key, std::size_t keyLength) {
    crypto_generichash(out, kHashBytes, header.data(), length, key, keyLength);
}

/// What the first chunk carries as additional data: the header up to its key check, with the
/// payload size left out (a writer to a file learns it only at the end, and writes the header
/// last; the size is held by the keyed check instead, and by the FINAL tag's position).
std::array<unsigned char, kAtKeyCheck> firstChunkData(const Header& header) {
    std::array<unsigned char, kAtKeyCheck> data{};
    std::copy_n(header.begin(), kAtKeyCheck, data.begin());
    std::fill_n(data.begin() + kAtPayload, 8, 0);
    return data;
}

} // namespace

KdfCost defaultKdfCost() {
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

KdfCost minimumKdfCost() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

// ---- writing --------------------------------------------------------------------------------

struct SealWriter::State {
    std::function<void(std::string_view)> sink;
    /// Writing to a stream that seeks: the header goes in last, at `start`.
    std::ostream* out = nullptr;
    std::streampos start{};
    crypto_secretstream_xchacha20poly1305_state stream{};
    Header header{};
    std::array<unsigned char, kHashBytes> checkKey{};
    std::optional<std::uint64_t> promised;
    std::uint64_t written = 0;
    std::uint32_t chunkSize = 0;
    std::string buffer;
    std::vector<unsigned char> cipher;
    bool first = true;
    bool finished = false;

    ~State() {
        sodium_memzero(&stream, sizeof stream);
        sodium_memzero(checkKey.data(), checkKey.size());
    }

    void begin(std::string_view passphrase, KdfCost cost, std::uint32_t chunk) {
        if (chunk == 0 || chunk > kMaxChunkSize || cost.opsLimit > kMaxOpsLimit ||
            cost.memLimit > kMaxMemLimit || (promised && *promised > kMaxPayloadSize)) {
            throw std::invalid_argument("archive limits exceeded");
        }
        chunkSize = chunk;
        Header& h = header;
        std::copy(kMagic.begin(), kMagic.end(), h.begin());
        putLe(h.data() + kAtVersion, kFormatVersion, 4);
        putLe(h.data() + kAtHeaderSize, kHeaderSize, 4);
        putLe(h.data() + kAtOps, cost.opsLimit, 8);
        putLe(h.data() + kAtMem, cost.memLimit, 8);
        randombytes_buf(h.data() + kAtSalt, kSaltBytes);
        putLe(h.data() + kAtChunk, chunk, 4);
        putLe(h.data() + kAtReserved, 0, 4);
        Keys keys;
        deriveKeys(keys, passphrase, h.data() + kAtSalt, cost);
        crypto_secretstream_xchacha20poly1305_init_push(&stream, h.data() + kAtStream,
                                                        keys.stream.data());
        checkKey = keys.check;
    }

    /// The header's payload size and its two checks.
    void completeHeader(std::uint64_t payload) {
        putLe(header.data() + kAtPayload, payload, 8);
        hashInto(header.data() + kAtKeyCheck, header, kAtKeyCheck, checkKey.data(),
                 checkKey.size());
        hashInto(header.data() + kAtChecksum, header, kAtChecksum, nullptr, 0);
    }

    void emit(std::string_view bytes) {
        if (out) {
            out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            if (!*out) {
                throw std::runtime_error("cannot write the archive");
            }
        } else {
            sink(bytes);
        }
    }

    void push(std::string_view plain, unsigned char tag) {
        cipher.resize(plain.size() + kABytes);
        unsigned long long length = 0;
        const auto data = firstChunkData(header);
        crypto_secretstream_xchacha20poly1305_push(
            &stream, cipher.data(), &length, reinterpret_cast<const unsigned char*>(plain.data()),
            plain.size(), first ? data.data() : nullptr, first ? data.size() : 0, tag);
        first = false;
        std::array<unsigned char, 4> size{};
        putLe(size.data(), length, 4);
        emit(std::string_view(reinterpret_cast<const char*>(size.data()), size.size()));
        emit(std::string_view(reinterpret_cast<const char*>(cipher.data()),
                              static_cast<std::size_t>(length)));
    }
};

SealWriter::SealWriter(std::function<void(std::string_view)> sink, std::string_view passphrase,
                       std::uint64_t payloadSize, KdfCost cost, std::uint32_t chunkSize)
    : m_state(std::make_unique<State>()) {
    initSodium();
    State& s = *m_state;
    s.sink = std::move(sink);
    s.promised = payloadSize;
    s.begin(passphrase, cost, chunkSize);
    s.completeHeader(payloadSize);
    s.emit(std::string_view(reinterpret_cast<const char*>(s.header.data()), s.header.size()));
}

SealWriter::SealWriter(std::ostream& out, std::string_view passphrase, KdfCost cost,
                       std::uint32_t chunkSize)
    : m_state(std::make_unique<State>()) {
    initSodium();
    State& s = *m_state;
    s.out = &out;
    s.begin(passphrase, cost, chunkSize);
    s.start = out.tellp();
    if (s.start == std::streampos(-1)) {
        throw std::invalid_argument("an archive of unknown size is written to a stream that seeks");
    }
    const Header placeholder{};
    s.emit(std::string_view(reinterpret_cast<const char*>(placeholder.data()), placeholder.size()));
}

SealWriter::~SealWriter() = default;

void SealWriter::write(std::string_view bytes) {
    State& s = *m_state;
    if (s.finished) {
        throw std::logic_error("the archive is already finished");
    }
    s.written += bytes.size();
    while (!bytes.empty()) {
        const std::size_t take = std::min(bytes.size(), s.chunkSize - s.buffer.size());
        s.buffer.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
        if (s.buffer.size() == s.chunkSize) {
            s.push(s.buffer, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
            s.buffer.clear();
        }
    }
}

void SealWriter::finish() {
    State& s = *m_state;
    if (s.finished) {
        return;
    }
    if (s.promised && s.written != *s.promised) {
        throw std::logic_error("the archive's payload is not the size its header promises");
    }
    if (s.written > kMaxPayloadSize) {
        throw std::invalid_argument("archive limits exceeded");
    }
    s.push(s.buffer, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    s.buffer.clear();
    if (s.out) {
        s.completeHeader(s.written);
        const std::streampos end = s.out->tellp();
        s.out->seekp(s.start);
        s.emit(std::string_view(reinterpret_cast<const char*>(s.header.data()), s.header.size()));
        s.out->seekp(end);
        s.out->flush();
        if (!*s.out) {
            throw std::runtime_error("cannot write the archive");
        }
    }
    s.finished = true;
}

// ---- reading --------------------------------------------------------------------------------

struct SealReader::State {
    std::function<std::size_t(char*, std::size_t)> source;
    crypto_secretstream_xchacha20poly1305_state stream{};
    Header header{};
    std::uint64_t payload = 0;
    std::uint64_t seen = 0;
    std::uint32_t chunkSize = 0;
    std::vector<unsigned char> cipher;
    bool first = true;
    bool done = false;

    ~State() { sodium_memzero(&stream, sizeof stream); }

    /// Fills `size` bytes; false when the source ends first (after `got` bytes).
    bool readExact(unsigned char* into, std::size_t size, std::size_t& got) {
        got = 0;
        while (got < size) {
            const std::size_t n = source(reinterpret_cast<char*>(into) + got, size - got);
            if (n == 0) {
                return false;
            }
            got += std::min(n, size - got);
        }
        return true;
    }
};

SealReader::SealReader(std::function<std::size_t(char* into, std::size_t size)> source,
                       std::string_view passphrase)
    : m_state(std::make_unique<State>()) {
    initSodium();
    State& s = *m_state;
    s.source = std::move(source);
    Header& h = s.header;
    std::size_t got = 0;
    const bool whole = s.readExact(h.data(), h.size(), got);
    if (got < kMagic.size() || !std::equal(kMagic.begin(), kMagic.end(), h.begin())) {
        throw ArchiveDamaged("not a Practice Ledger archive");
    }
    if (!whole) {
        throw ArchiveDamaged("the archive is cut short: its header is incomplete");
    }
    const auto version = getLe(h.data() + kAtVersion, 4);
    if (version != kFormatVersion) {
        throw ArchiveDamaged("the archive is in format " + std::to_string(version) +
                             "; this version of Practice Ledger reads format " +
                             std::to_string(kFormatVersion));
    }
    std::array<unsigned char, kHashBytes> sum{};
    hashInto(sum.data(), h, kAtChecksum, nullptr, 0);
    if (getLe(h.data() + kAtHeaderSize, 4) != kHeaderSize ||
        sodium_memcmp(sum.data(), h.data() + kAtChecksum, kHashBytes) != 0) {
        throw ArchiveDamaged("the archive's header is damaged");
    }
    const KdfCost cost{getLe(h.data() + kAtOps, 8), getLe(h.data() + kAtMem, 8)};
    s.chunkSize = static_cast<std::uint32_t>(getLe(h.data() + kAtChunk, 4));
    s.payload = getLe(h.data() + kAtPayload, 8);
    if (cost.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || cost.opsLimit > kMaxOpsLimit ||
        cost.memLimit < crypto_pwhash_argon2id_MEMLIMIT_MIN || cost.memLimit > kMaxMemLimit ||
        s.chunkSize == 0 || s.chunkSize > kMaxChunkSize || getLe(h.data() + kAtReserved, 4) != 0 ||
        s.payload > kMaxPayloadSize) {
        throw ArchiveDamaged("the archive's header asks for more than this program allows "
                             "(key cost, chunk or payload size out of bounds)");
    }
    Keys keys;
    deriveKeys(keys, passphrase, h.data() + kAtSalt, cost);
    std::array<unsigned char, kHashBytes> check{};
    hashInto(check.data(), h, kAtKeyCheck, keys.check.data(), keys.check.size());
    if (sodium_memcmp(check.data(), h.data() + kAtKeyCheck, kHashBytes) != 0) {
        throw WrongPassphrase("wrong archive passphrase");
    }
    if (crypto_secretstream_xchacha20poly1305_init_pull(&s.stream, h.data() + kAtStream,
                                                        keys.stream.data()) != 0) {
        throw ArchiveDamaged("the archive's header is damaged");
    }
}

SealReader::~SealReader() = default;

std::uint64_t SealReader::payloadSize() const {
    return m_state->payload;
}

bool SealReader::next(std::string& piece) {
    State& s = *m_state;
    piece.clear();
    if (s.done) {
        return false;
    }
    std::array<unsigned char, 4> size{};
    std::size_t got = 0;
    if (!s.readExact(size.data(), size.size(), got)) {
        throw ArchiveDamaged("the archive is cut short: it ends before its last chunk");
    }
    const std::uint64_t length = getLe(size.data(), 4);
    if (length < kABytes || length > std::uint64_t{s.chunkSize} + kABytes) {
        throw ArchiveDamaged("the archive is damaged: a chunk's length is out of bounds");
    }
    s.cipher.resize(static_cast<std::size_t>(length));
    if (!s.readExact(s.cipher.data(), s.cipher.size(), got)) {
        throw ArchiveDamaged("the archive is cut short: its last chunk is incomplete");
    }
    piece.resize(s.cipher.size() - kABytes);
    unsigned long long plain = 0;
    unsigned char tag = 0;
    const auto data = firstChunkData(s.header);
    if (crypto_secretstream_xchacha20poly1305_pull(
            &s.stream, reinterpret_cast<unsigned char*>(piece.data()), &plain, &tag,
            s.cipher.data(), s.cipher.size(), s.first ? data.data() : nullptr,
            s.first ? data.size() : 0) != 0) {
        piece.clear();
        throw ArchiveDamaged("the archive is damaged or was altered: a chunk fails its check");
    }
    s.first = false;
    piece.resize(static_cast<std::size_t>(plain));
    s.seen += plain;
    if (s.seen > s.payload) {
        piece.clear();
        throw ArchiveDamaged("the archive holds more than its header says");
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        char extra = 0;
        if (s.seen != s.payload) {
            piece.clear();
            throw ArchiveDamaged("the archive holds less than its header says");
        }
        if (s.source(&extra, 1) != 0) {
            piece.clear();
            throw ArchiveDamaged("the archive has bytes after its end");
        }
        s.done = true;
    } else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
        piece.clear();
        throw ArchiveDamaged("the archive is damaged: a chunk has an unknown tag");
    }
    return true;
}

// ---- in memory ------------------------------------------------------------------------------

std::string seal(std::string_view payload, std::string_view passphrase, KdfCost cost,
                 std::uint32_t chunkSize) {
    std::string out;
    SealWriter writer([&](std::string_view bytes) { out.append(bytes); }, passphrase,
                      payload.size(), cost, chunkSize);
    writer.write(payload);
    writer.finish();
    return out;
}

std::string unseal(std::string_view archive, std::string_view passphrase,
                   std::uint64_t maxPayload) {
    SealReader reader(
        [&](char* into, std::size_t size) {
            const std::size_t n = std::min(size, archive.size());
            std::copy_n(archive.data(), n, into);
            archive.remove_prefix(n);
            return n;
        },
        passphrase);
    if (reader.payloadSize() > maxPayload) {
        throw ArchiveDamaged("the archive's payload is larger than this program accepts");
    }
    std::string out;
    out.reserve(static_cast<std::size_t>(reader.payloadSize()));
    std::string piece;
    while (reader.next(piece)) {
        out += piece;
    }
    return out;
}

} // namespace ledger::archive
