#include "sqlcipher/companion_files.h"

#include "base/error.h"
#include "sqlcipher/ledger_file.h"
#include "sqlcipher/page_check.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <system_error>

namespace ledger {

namespace fs = std::filesystem;

namespace {

constexpr std::array<unsigned char, 8> kJournalMagic{0xd9, 0xd5, 0x05, 0xf9,
                                                     0x20, 0xa1, 0x63, 0xd7};

std::uint32_t bigEndian(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) | (std::uint32_t{u[2]} << 8) |
           std::uint32_t{u[3]};
}

[[noreturn]] void refuse(const fs::path& ledger, const std::string& why) {
    throw CompanionFileProblem(journalOf(ledger).string() + " " + why +
                               ". It was left where it is and the ledger was not opened: "
                               "move " +
                               journalOf(ledger).filename().string() +
                               " out of the folder, then open " + ledger.string() + " again.");
}

} // namespace

fs::path journalOf(const fs::path& ledger) {
    return ledger.string() + "-journal";
}

fs::path walOf(const fs::path& ledger) {
    return ledger.string() + "-wal";
}

fs::path shmOf(const fs::path& ledger) {
    return ledger.string() + "-shm";
}

LeftJournal inspectLeftJournal(const fs::path& ledger, const LedgerFile& file,
                               const LedgerKeys& keys) {
    const fs::path path = journalOf(ledger);
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) {
        return LeftJournal::None;
    }
    if (!fs::is_regular_file(status)) {
        refuse(ledger, "is not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        refuse(ledger, "cannot be read");
    }
    std::array<char, 28> header{};
    in.read(header.data(), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0 || header[0] == 0) {
        return LeftJournal::None; // SQLite plays back neither an empty nor a zeroed journal
    }
    if (got < header.size() || std::memcmp(header.data(), kJournalMagic.data(), 8) != 0) {
        refuse(ledger, "is not a journal of a Practice Ledger ledger");
    }
    const std::uint32_t records = bigEndian(header.data() + 8);
    const std::uint64_t originalPages = bigEndian(header.data() + 16);
    const std::uint32_t sector = bigEndian(header.data() + 20);
    const std::uint32_t pageSize = bigEndian(header.data() + 24);
    if (pageSize != kLedgerPageSize || sector < 32 || sector > 65536 ||
        (sector & (sector - 1)) != 0) {
        refuse(ledger, "is a journal of another database, not of this ledger");
    }
    std::array<char, 16> salt{};
    file.read(0, salt);
    // Every page image it holds must be one of this ledger's pages under its keys. Until a
    // writer has synced its journal the header counts no records, yet they are there.
    const std::uint64_t recordSize = 4 + kLedgerPageSize + 4;
    std::error_code sizeError;
    const std::uint64_t journalSize = fs::file_size(path, sizeError);
    const std::uint64_t present = journalSize > sector ? (journalSize - sector) / recordSize : 0;
    const std::uint64_t toCheck =
        records != 0 ? std::min<std::uint64_t>(records, present) : present;
    std::array<char, kLedgerPageSize> page{};
    for (std::uint64_t i = 0; i < toCheck; ++i) {
        in.seekg(static_cast<std::streamoff>(sector + i * recordSize));
        std::array<char, 4> number{};
        in.read(number.data(), number.size());
        in.read(page.data(), page.size());
        if (!in) {
            break;
        }
        const std::uint32_t pageNumber = bigEndian(number.data());
        if (pageNumber == 0) {
            break; // an unwritten tail
        }
        if (pageNumber == 1 && std::memcmp(page.data(), salt.data(), salt.size()) != 0) {
            refuse(ledger, "is a journal of another ledger");
        }
        if (!pageIntact(keys, pageNumber, std::string_view(page.data(), page.size()))) {
            refuse(ledger, "does not belong to this ledger (the pages it holds are not under "
                           "this ledger's keys)");
        }
    }
    // A write grows a ledger or keeps its size, and before its journal counts any record it
    // has not touched the file at all; SQLite would cut the ledger back to the size the
    // journal records. A ledger of another size is another copy put in its place since.
    const std::uint64_t fileSize = file.size();
    const std::uint64_t originalSize = originalPages * kLedgerPageSize;
    if (fileSize < originalSize || (records == 0 && fileSize != originalSize)) {
        refuse(ledger, "belongs to another copy of this ledger (it was left by a write to a "
                       "ledger of a different size: a copy was put in its place since)");
    }
    return LeftJournal::Unfinished;
}

void refuseStrayWal(const fs::path& ledger, int schemaVersion) {
    std::error_code ec;
    if (schemaVersion < 3 || !fs::exists(fs::symlink_status(walOf(ledger), ec))) {
        return;
    }
    throw CompanionFileProblem(walOf(ledger).string() +
                               " is beside the ledger but is not part of it (since schema 3 "
                               "a ledger keeps everything in its own file), and SQLite would "
                               "mix it into the ledger. It was left where it is and the "
                               "ledger was not opened: move " +
                               walOf(ledger).filename().string() +
                               " out of the folder, then open " + ledger.string() + " again.");
}

std::string unfinishedWriteHere(const fs::path& ledger) {
    return ledger.string() +
           " has a write that stopped part-way (a program was killed or the "
           "power failed); " +
           journalOf(ledger).filename().string() +
           " beside it is needed to undo it, and that needs a place where the ledger and its "
           "folder can be written. Nothing was changed: open it where it can be written (or "
           "ask whoever can), and keep " +
           journalOf(ledger).filename().string() + " beside it until then.";
}

} // namespace ledger
