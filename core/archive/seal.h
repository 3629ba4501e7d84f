#pragma once
// The seal around every archive (issue 13): nothing inside an archive reaches a parser
// (Boost.Serialization above all, toolchain.md section 5) before it has been authenticated.
//
// An archive is a fixed header of our own, then the payload in authenticated chunks:
//
//   header (kHeaderSize bytes, little-endian integers)
//     magic "PLARCHIV", format version u32, header size u32,
//     Argon2id ops limit u64, memory limit u64, salt (16 bytes),
//     chunk size u32 (the most plaintext one chunk holds), reserved u32 (0),
//     payload size u64, secretstream header (24 bytes),
//     BLAKE2b-256 keyed with the archive key of everything before it (the passphrase),
//     BLAKE2b-256 of everything before it (damage: checked first, so that a damaged header
//     never reads as a wrong passphrase).
//   chunks: ciphertext length u32, then crypto_secretstream_xchacha20poly1305 ciphertext; the
//     first chunk carries the header up to its key check as additional data, the payload size
//     left out (a writer to a file writes the header last, once it knows the size, which the
//     keyed check then holds), and the last chunk the FINAL tag.
//
// Every size in the header is checked against hard limits before anything is allocated or a
// key derived, so a hostile header cannot demand gigabytes; the key comes from the
// passphrase through Argon2id (crypto_pwhash). A missing final chunk is truncation; a chunk
// moved, dropped or altered fails authentication; bytes after the final chunk are refused.

#include "base/error.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace ledger::archive {

inline constexpr std::string_view kMagic = "PLARCHIV";
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 16 + 4 + 4 + 8 + 24 + 32 + 32;

/// The hard limits a header is held to (a reader refuses more, whatever the header says).
inline constexpr std::uint64_t kMaxOpsLimit = 10;
inline constexpr std::uint64_t kMaxMemLimit = std::uint64_t{128} << 20;   ///< 128 MiB
inline constexpr std::uint32_t kMaxChunkSize = std::uint32_t{1} << 20;    ///< 1 MiB
inline constexpr std::uint64_t kMaxPayloadSize = std::uint64_t{64} << 30; ///< 64 GiB

/// Argon2id's cost: what the writer asks of every later reader.
struct KdfCost {
    std::uint64_t opsLimit;
    std::uint64_t memLimit;
};
/// libsodium's interactive cost (2 passes over 64 MiB): a fraction of a second.
[[nodiscard]] KdfCost defaultKdfCost();
/// The least cost libsodium allows: for tests only.
[[nodiscard]] KdfCost minimumKdfCost();

/// The archive cannot be read: damaged, truncated, tampered with, out of limits, or not an
/// archive. Nothing from it may be used. (A wrong passphrase is WrongPassphrase.)
class ArchiveDamaged : public Error {
public:
    using Error::Error;
};

/// Seals a payload written in pieces; `sink` receives the archive's bytes in order.
class SealWriter {
public:
    /// Derives the key (Argon2id at `cost`, a fresh salt) and writes the header. `payloadSize`
    /// is the exact number of bytes write() will be given.
    SealWriter(std::function<void(std::string_view)> sink, std::string_view passphrase,
               std::uint64_t payloadSize, KdfCost cost = defaultKdfCost(),
               std::uint32_t chunkSize = 64 * 1024);
    /// Seals a payload of any size (up to kMaxPayloadSize) into `out`, which must seek (a
    /// file, a string stream): a blank header first, the real one written over it by
    /// finish(). Until then the archive is not one (its header is all zeros).
    SealWriter(std::ostream& out, std::string_view passphrase, KdfCost cost = defaultKdfCost(),
               std::uint32_t chunkSize = 64 * 1024);
    ~SealWriter();
    SealWriter(const SealWriter&) = delete;
    SealWriter& operator=(const SealWriter&) = delete;

    void write(std::string_view bytes);
    /// Writes the final chunk. Throws std::logic_error when fewer or more bytes were written
    /// than the header promised.
    void finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Opens a sealed archive read through `source` (which fills up to `size` bytes at `into`
/// and returns how many, 0 at the end) and hands back its payload chunk by chunk, each
/// authenticated before it is returned.
class SealReader {
public:
    /// Reads and checks the header and derives the key. Throws ArchiveDamaged (naming what
    /// is wrong) or WrongPassphrase.
    SealReader(std::function<std::size_t(char* into, std::size_t size)> source,
               std::string_view passphrase);
    ~SealReader();
    SealReader(const SealReader&) = delete;
    SealReader& operator=(const SealReader&) = delete;

    /// The payload size the header promises (already checked against the limits).
    [[nodiscard]] std::uint64_t payloadSize() const;
    /// The next piece of the payload, or false after the final chunk (when the payload had
    /// exactly the promised size and nothing follows it). Throws ArchiveDamaged.
    bool next(std::string& piece);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// The whole payload sealed in memory (small archives and tests).
[[nodiscard]] std::string seal(std::string_view payload, std::string_view passphrase,
                               KdfCost cost = defaultKdfCost(),
                               std::uint32_t chunkSize = 64 * 1024);
/// The whole payload of an archive in memory, refused (ArchiveDamaged) when the header
/// promises more than `maxPayload` bytes.
[[nodiscard]] std::string unseal(std::string_view archive, std::string_view passphrase,
                                 std::uint64_t maxPayload);

} // namespace ledger::archive
