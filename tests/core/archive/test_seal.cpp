// The seal around archives (issue 13 item 2): whatever is done to an archive, nothing comes
// out of it unauthenticated. Truncated at every length, a bit flipped in every byte, chunks
// moved or dropped, bytes added, a header asking for gigabytes, the wrong passphrase, a
// text file: each is refused with its own clear message, and no payload is returned.

#include "archive/seal.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <sstream>
#include <string>

namespace ledger::archive {
namespace {

constexpr std::string_view kPassphrase = "correct horse battery staple";
constexpr std::uint32_t kSmallChunk = 64;

std::string payloadOf(std::size_t size) {
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += static_cast<char>('a' + i * 7 % 26);
    }
    return out;
}

std::string sealed(std::string_view payload) {
    return seal(payload, kPassphrase, minimumKdfCost(), kSmallChunk);
}

/// What unsealing gives: the payload, or "damaged: <message>" / "passphrase: <message>".
std::string outcome(std::string_view archive, std::string_view passphrase = kPassphrase) {
    try {
        return "payload: " + unseal(archive, passphrase, 1 << 20);
    } catch (const ArchiveDamaged& e) {
        return std::string("damaged: ") + e.what();
    } catch (const WrongPassphrase& e) {
        return std::string("passphrase: ") + e.what();
    }
}

bool damaged(const std::string& result) {
    return result.rfind("damaged: ", 0) == 0;
}

/// Rewrites the header's little-endian field at `at` and recomputes its checksum, as a
/// hostile writer would.
std::string withField(std::string archive, std::size_t at, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) {
        archive[at + i] = static_cast<char>(value >> (8 * i));
    }
    constexpr std::size_t checksumAt = kHeaderSize - 32;
    crypto_generichash(reinterpret_cast<unsigned char*>(archive.data() + checksumAt), 32,
                       reinterpret_cast<const unsigned char*>(archive.data()), checksumAt, nullptr,
                       0);
    return archive;
}

/// Where each chunk starts (after the header): {offset, length with its size field}.
std::vector<std::pair<std::size_t, std::size_t>> chunks(const std::string& archive) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t at = kHeaderSize; at + 4 <= archive.size();) {
        std::size_t length = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            length |= static_cast<std::size_t>(static_cast<unsigned char>(archive[at + i]))
                      << (8 * i);
        }
        out.emplace_back(at, 4 + length);
        at += 4 + length;
    }
    return out;
}

TEST(Seal, RoundTripsEveryPayloadSizeAroundTheChunkSize) {
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{1}, std::size_t{kSmallChunk - 1}, std::size_t{kSmallChunk},
          std::size_t{kSmallChunk + 1}, std::size_t{3 * kSmallChunk}, std::size_t{1000}}) {
        const std::string payload = payloadOf(size);
        const std::string archive = sealed(payload);
        EXPECT_EQ(outcome(archive), "payload: " + payload) << size;
        // A fresh salt each time: the same payload never seals to the same bytes.
        EXPECT_NE(archive, sealed(payload));
        // Nothing of the payload shows through.
        if (size >= 16) {
            EXPECT_EQ(archive.find(payload.substr(0, 16)), std::string::npos);
        }
    }
}

TEST(Seal, WritingInPiecesReadsBackInChunks) {
    const std::string payload = payloadOf(500);
    std::string archive;
    SealWriter writer([&](std::string_view b) { archive.append(b); }, kPassphrase, payload.size(),
                      minimumKdfCost(), kSmallChunk);
    for (std::size_t at = 0; at < payload.size(); at += 37) {
        writer.write(std::string_view(payload).substr(at, 37));
    }
    writer.finish();
    std::string_view rest = archive;
    SealReader reader(
        [&](char* into, std::size_t size) {
            const std::size_t n = std::min<std::size_t>({size, rest.size(), 5});
            std::copy_n(rest.data(), n, into);
            rest.remove_prefix(n);
            return n;
        },
        kPassphrase);
    EXPECT_EQ(reader.payloadSize(), 500U);
    std::string back;
    std::string piece;
    int pieces = 0;
    while (reader.next(piece)) {
        EXPECT_LE(piece.size(), kSmallChunk);
        back += piece;
        ++pieces;
    }
    EXPECT_EQ(back, payload);
    EXPECT_EQ(pieces, 8); // 7 full chunks and a final one of 52 bytes
    EXPECT_FALSE(reader.next(piece));
}

TEST(Seal, AWriterThatBreaksItsPromiseCannotFinish) {
    std::string archive;
    SealWriter writer([&](std::string_view b) { archive.append(b); }, kPassphrase, 10,
                      minimumKdfCost(), kSmallChunk);
    writer.write("short");
    EXPECT_THROW(writer.finish(), std::logic_error);
}

TEST(Seal, TheWrongPassphraseIsToldApartFromDamage) {
    const std::string archive = sealed(payloadOf(200));
    EXPECT_EQ(outcome(archive, "correct horse battery stapler"),
              "passphrase: wrong archive passphrase");
    EXPECT_EQ(outcome(archive, ""), "passphrase: wrong archive passphrase");
}

TEST(Seal, EveryTruncationIsRefused) {
    const std::string payload = payloadOf(300);
    const std::string archive = sealed(payload);
    for (std::size_t length = 0; length < archive.size(); ++length) {
        const std::string result = outcome(archive.substr(0, length));
        ASSERT_TRUE(damaged(result)) << length << ": " << result;
    }
    EXPECT_EQ(outcome(archive.substr(0, 3)), "damaged: not a Practice Ledger archive");
    EXPECT_EQ(outcome(archive.substr(0, kHeaderSize - 1)),
              "damaged: the archive is cut short: its header is incomplete");
    EXPECT_EQ(outcome(archive.substr(0, kHeaderSize)),
              "damaged: the archive is cut short: it ends before its last chunk");
    // Cut at a chunk boundary, before the final chunk: truncation, though every chunk read
    // was whole and authentic.
    const auto parts = chunks(archive);
    ASSERT_EQ(parts.size(), 5U);
    EXPECT_EQ(outcome(archive.substr(0, parts.back().first)),
              "damaged: the archive is cut short: it ends before its last chunk");
}

TEST(Seal, ABitFlippedInAnyByteIsRefusedAsDamage) {
    const std::string archive = sealed(payloadOf(200));
    for (std::size_t at = 0; at < archive.size(); ++at) {
        for (const unsigned bit : {0x01U, 0x80U}) {
            std::string flipped = archive;
            flipped[at] = static_cast<char>(static_cast<unsigned char>(flipped[at]) ^ bit);
            const std::string result = outcome(flipped);
            ASSERT_TRUE(damaged(result)) << at << ": " << result;
        }
    }
    std::string header = archive;
    header[20] ^= 1;
    EXPECT_EQ(outcome(header), "damaged: the archive's header is damaged");
    std::string body = archive;
    body[kHeaderSize + 10] ^= 1;
    EXPECT_EQ(outcome(body),
              "damaged: the archive is damaged or was altered: a chunk fails its check");
}

TEST(Seal, ChunksMovedDroppedOrAddedAreRefused) {
    const std::string archive = sealed(payloadOf(4 * kSmallChunk + 10));
    const auto parts = chunks(archive);
    ASSERT_EQ(parts.size(), 5U);
    const auto piece = [&](std::size_t i) {
        return archive.substr(parts[i].first, parts[i].second);
    };
    const std::string header = archive.substr(0, kHeaderSize);
    // Two whole chunks swapped.
    EXPECT_TRUE(damaged(outcome(header + piece(1) + piece(0) + piece(2) + piece(3) + piece(4))));
    // A chunk dropped, or repeated.
    EXPECT_TRUE(damaged(outcome(header + piece(0) + piece(2) + piece(3) + piece(4))));
    EXPECT_TRUE(
        damaged(outcome(header + piece(0) + piece(0) + piece(1) + piece(2) + piece(3) + piece(4))));
    // The final chunk moved before the others.
    EXPECT_TRUE(damaged(outcome(header + piece(4))));
    // A chunk from another archive with the same passphrase.
    const std::string other = sealed(payloadOf(4 * kSmallChunk + 10));
    const auto otherParts = chunks(other);
    EXPECT_TRUE(damaged(outcome(header + other.substr(otherParts[0].first, otherParts[0].second) +
                                piece(1) + piece(2) + piece(3) + piece(4))));
    // Bytes after the end.
    EXPECT_EQ(outcome(archive + "x"), "damaged: the archive has bytes after its end");
    EXPECT_TRUE(damaged(outcome(archive + piece(4))));
}

TEST(Seal, AHeaderAskingForTooMuchIsRefusedBeforeAnythingIsAllocated) {
    const std::string archive = sealed(payloadOf(100));
    const std::string refused = "damaged: the archive's header asks for more than this program "
                                "allows (key cost, chunk or payload size out of bounds)";
    // Memory limit 16 GiB, ops limit 2^40, chunk 4 GiB - 1, payload 2^63: each refused at
    // once (none of them derives a key or allocates).
    EXPECT_EQ(outcome(withField(archive, 24, std::uint64_t{16} << 30, 8)), refused);
    EXPECT_EQ(outcome(withField(archive, 16, std::uint64_t{1} << 40, 8)), refused);
    EXPECT_EQ(outcome(withField(archive, 48, 0xFFFFFFFFU, 4)), refused);
    EXPECT_EQ(outcome(withField(archive, 48, 0, 4)), refused);
    EXPECT_EQ(outcome(withField(archive, 56, std::uint64_t{1} << 63, 8)), refused);
    EXPECT_EQ(outcome(withField(archive, 52, 1, 4)), refused);
    // Within the limits but not what was written: the key check fails (a hostile header
    // with a good checksum cannot be told from a wrong passphrase), or the size is wrong.
    EXPECT_EQ(outcome(withField(archive, 56, 99, 8)), "passphrase: wrong archive passphrase");
    // A later format, or another header size.
    EXPECT_EQ(outcome(withField(archive, 8, 2, 4)),
              "damaged: the archive is in format 2; this version of Practice Ledger reads "
              "format 1");
    EXPECT_EQ(outcome(withField(archive, 12, 999, 4)), "damaged: the archive's header is damaged");
    // A payload larger than the caller accepts is refused before it is read.
    EXPECT_THROW((void)unseal(archive, kPassphrase, 99), ArchiveDamaged);
    // A chunk claiming 4 GiB: refused from its length field alone.
    std::string huge = archive;
    for (std::size_t i = 0; i < 4; ++i) {
        huge[kHeaderSize + i] = static_cast<char>(0xFF);
    }
    EXPECT_EQ(outcome(huge), "damaged: the archive is damaged: a chunk's length is out of bounds");
}

TEST(Seal, ATextFileOrNothingIsNotAnArchive) {
    EXPECT_EQ(outcome("employee_id,full_name\nE1,Pat\n"), "damaged: not a Practice Ledger archive");
    EXPECT_EQ(outcome(""), "damaged: not a Practice Ledger archive");
}

TEST(Seal, TheDefaultCostIsWithinTheReadersLimits) {
    const KdfCost cost = defaultKdfCost();
    EXPECT_LE(cost.opsLimit, kMaxOpsLimit);
    EXPECT_LE(cost.memLimit, kMaxMemLimit);
    EXPECT_GE(cost.memLimit, std::uint64_t{64} << 20);
}

} // namespace
} // namespace ledger::archive

namespace ledger::archive {
namespace {

// An archive written to a file learns its size only at the end: its header is written last,
// over a blank one, and reads as any other.
TEST(Seal, AStreamOfUnknownSizeGetsItsHeaderLastAndReadsTheSame) {
    for (const std::size_t size : {std::size_t{0}, std::size_t{64}, std::size_t{1000}}) {
        std::ostringstream out;
        out << "before"; // the archive need not start the stream
        SealWriter writer(out, kPassphrase, minimumKdfCost(), kSmallChunk);
        const std::string payload = payloadOf(size);
        for (std::size_t at = 0; at < payload.size(); at += 37) {
            writer.write(std::string_view(payload).substr(at, 37));
        }
        writer.finish();
        const std::string archive = out.str().substr(6);
        EXPECT_EQ(outcome(archive), "payload: " + payload) << size;
        // The size it wrote is the one a fixed-size writer would have written.
        EXPECT_EQ(archive.size(), sealed(payload).size()) << size;
    }
}

// The payload size is not in the first chunk's additional data, so the keyed check holds it:
// a size changed (checksum recomputed) is refused, never read as a shorter payload.
TEST(Seal, APayloadSizeChangedInTheHeaderIsRefused) {
    const std::string archive = sealed(payloadOf(300));
    constexpr std::size_t payloadAt = 56;
    for (const std::uint64_t size : {std::uint64_t{0}, std::uint64_t{299}, std::uint64_t{301}}) {
        const std::string result = outcome(withField(archive, payloadAt, size, 8));
        EXPECT_EQ(result.rfind("payload: ", 0), std::string::npos) << size << ": " << result;
    }
}

} // namespace
} // namespace ledger::archive
