#include "archive/ledger_archive.h"

#include "archive/sealed_file.h"
#include "base/kill_point.h"
#include "store/ledger_copy.h"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/basic_archive.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/tracking.hpp>

#include <algorithm>
#include <array>
#include <istream>
#include <optional>
#include <ostream>

namespace ledger::archive::payload {

// The payload's parts. Each writes its class version first: a later version that changes a
// part raises its version and still reads the old one.

/// What the archive is and where it came from.
struct Head {
    ArchiveInfo info;
    template <class Archive> void serialize(Archive& ar, unsigned int version);
};

/// A table's name and its columns, by name.
struct TableHead {
    TableColumns* table = nullptr;
    template <class Archive> void serialize(Archive& ar, unsigned int version);
};

} // namespace ledger::archive::payload

// No class information of Boost's (its tracking flag is a bool read from whatever byte is
// there): each part writes its own version number first instead.
BOOST_CLASS_IMPLEMENTATION(ledger::archive::payload::Head,
                           boost::serialization::object_serializable)
BOOST_CLASS_TRACKING(ledger::archive::payload::Head, boost::serialization::track_never)
BOOST_CLASS_IMPLEMENTATION(ledger::archive::payload::TableHead,
                           boost::serialization::object_serializable)
BOOST_CLASS_TRACKING(ledger::archive::payload::TableHead, boost::serialization::track_never)

namespace ledger::archive {

namespace payload {

constexpr std::uint32_t kHeadVersion = 1;
constexpr std::uint32_t kTableHeadVersion = 1;
/// What precedes each table and each row: another follows, or the list ends.
constexpr std::uint8_t kMore = 1;
constexpr std::uint8_t kEnd = 0;
/// A value: NULL, or text.
constexpr std::uint8_t kNull = 0;
constexpr std::uint8_t kText = 1;
/// A long value is read this much at a time, so that a length no bytes follow allocates
/// nothing beyond what is really there.
constexpr std::uint64_t kReadStep = 64 * 1024;

void newerThanThis(const char* what, unsigned int version) {
    throw ArchiveDamaged(std::string("the archive was written by a newer version of Practice "
                                     "Ledger (its ") +
                         what + " is version " + std::to_string(version) +
                         "): install that version, or a later one, to read it");
}

/// A string as its length (u64) and bytes, refused when longer than `limit` before anything
/// is allocated (Boost's own std::string would allocate whatever length it reads).
template <class Archive> void text(Archive& ar, std::string& value, std::uint64_t limit) {
    if constexpr (Archive::is_saving::value) {
        const std::uint64_t length = value.size();
        ar << length;
        ar.save_binary(value.data(), value.size());
    } else {
        std::uint64_t length = 0;
        ar >> length;
        if (length > limit) {
            throw ArchiveDamaged("the archive is damaged: a value is longer than any it holds");
        }
        value.clear();
        while (length > 0) {
            const std::size_t step = static_cast<std::size_t>(std::min(length, kReadStep));
            const std::size_t at = value.size();
            value.resize(at + step);
            ar.load_binary(value.data() + at, step);
            length -= step;
        }
    }
}

/// A part's version: written as this program's, read and refused when newer.
template <class Archive> void partVersion(Archive& ar, std::uint32_t current, const char* what) {
    std::uint32_t version = current;
    ar& version;
    if (version > current) {
        newerThanThis(what, version);
    }
}

template <class Archive> void Head::serialize(Archive& ar, unsigned int) {
    partVersion(ar, kHeadVersion, "head");
    std::string format = "Practice Ledger archive";
    text(ar, format, kMaxNameBytes);
    if (format != "Practice Ledger archive") {
        throw ArchiveDamaged("the archive's contents are not a Practice Ledger archive's");
    }
    text(ar, info.kind, kMaxNameBytes);
    std::int32_t schema = info.schemaVersion;
    ar& schema;
    info.schemaVersion = schema;
    text(ar, info.writtenBy, kMaxNameBytes);
    text(ar, info.subject, kMaxNameBytes);
}

template <class Archive> void TableHead::serialize(Archive& ar, unsigned int) {
    partVersion(ar, kTableHeadVersion, "table list");
    text(ar, table->table, kMaxNameBytes);
    std::uint8_t update = table->update ? 1 : 0; // a byte, never a bool read from any byte
    ar& update;
    if (update > 1) {
        throw ArchiveDamaged("the archive is damaged: a table's mark is wrong");
    }
    table->update = update == 1;
    std::uint32_t count = static_cast<std::uint32_t>(table->columns.size());
    ar& count;
    if (count == 0 || count > kMaxColumns) {
        throw ArchiveDamaged("the archive is damaged: a table has " + std::to_string(count) +
                             " columns");
    }
    table->columns.resize(count);
    for (std::string& column : table->columns) {
        text(ar, column, kMaxNameBytes);
    }
}

/// Our own lead before Boost's stream, in place of Boost's header: Boost reads its header's
/// signature as a string of whatever length the first 8 bytes say (gigabytes from a text
/// file's first word), so its header is left out (no_header) and this is checked instead:
/// the magic, then the Boost library version that wrote the rest (a later Boost that
/// changed its format would be told apart by it).
constexpr std::string_view kLeadMagic = "PLPAYLD1";

std::uint16_t boostLibraryVersion() {
    const boost::serialization::library_version_type version =
        boost::archive::BOOST_ARCHIVE_VERSION();
    return version;
}

void writeLead(std::ostream& out) {
    const std::uint16_t library = boostLibraryVersion();
    const std::array<char, 2> version{static_cast<char>(library & 0xff),
                                      static_cast<char>(library >> 8)};
    out.write(kLeadMagic.data(), static_cast<std::streamsize>(kLeadMagic.size()));
    out.write(version.data(), static_cast<std::streamsize>(version.size()));
}

void readLead(std::istream& in) {
    std::array<char, kLeadMagic.size() + 2> lead{};
    const auto got = in.rdbuf()->sgetn(lead.data(), static_cast<std::streamsize>(lead.size()));
    if (got != static_cast<std::streamsize>(lead.size()) ||
        std::string_view(lead.data(), kLeadMagic.size()) != kLeadMagic) {
        throw ArchiveDamaged("the archive's contents are not a Practice Ledger archive's");
    }
    const unsigned int library =
        static_cast<unsigned char>(lead[kLeadMagic.size()]) |
        static_cast<unsigned int>(static_cast<unsigned char>(lead[kLeadMagic.size() + 1])) << 8;
    if (library > boostLibraryVersion()) {
        newerThanThis("serialization library", library);
    }
}

} // namespace payload

// ---- writing --------------------------------------------------------------------------------

struct PayloadWriter::State {
    explicit State(std::ostream& out)
        : ar((payload::writeLead(out), out), boost::archive::no_header) {}
    boost::archive::binary_oarchive ar;
    std::size_t columns = 0;
};

PayloadWriter::PayloadWriter(std::ostream& out, const ArchiveInfo& info)
    : m_state(std::make_unique<State>(out)) {
    payload::Head head{info};
    m_state->ar << head;
}

PayloadWriter::~PayloadWriter() = default;

void PayloadWriter::beginTable(const TableColumns& table) {
    m_state->ar << payload::kMore;
    TableColumns copy = table;
    payload::TableHead head{&copy};
    m_state->ar << head;
    m_state->columns = table.columns.size();
}

void PayloadWriter::row(const RawRow& row) {
    if (row.size() != m_state->columns) {
        throw std::logic_error("a row does not have its table's columns");
    }
    auto& ar = m_state->ar;
    ar << payload::kMore;
    for (const auto& value : row) {
        if (value) {
            ar << payload::kText;
            std::string copy = *value;
            payload::text(ar, copy, kMaxValueBytes);
        } else {
            ar << payload::kNull;
        }
    }
}

void PayloadWriter::endTable() {
    m_state->ar << payload::kEnd;
}

void PayloadWriter::finish() {
    m_state->ar << payload::kEnd;
}

// ---- reading --------------------------------------------------------------------------------

namespace {

/// Runs a step of reading, turning whatever Boost or the library throws into ArchiveDamaged
/// (a seal's own ArchiveDamaged, naming truncation or tampering, passes as it is).
template <class Step> auto guarded(Step&& step) {
    try {
        return step();
    } catch (const ArchiveDamaged&) {
        throw;
    } catch (const Cancelled&) {
        throw;
    } catch (const boost::archive::archive_exception& e) {
        throw ArchiveDamaged(std::string("the archive's contents are damaged (") + e.what() + ")");
    } catch (const std::bad_alloc&) {
        throw ArchiveDamaged("the archive's contents are damaged (they ask for more memory "
                             "than any archive needs)");
    } catch (const std::exception& e) {
        throw ArchiveDamaged(std::string("the archive's contents are damaged (") + e.what() + ")");
    }
}

} // namespace

struct PayloadReader::State {
    explicit State(std::istream& in)
        : stream(in), ar((payload::readLead(in), in), boost::archive::no_header) {}
    std::istream& stream;
    boost::archive::binary_iarchive ar;
    ArchiveInfo info;
    std::size_t columns = 0;
    bool inTable = false;
    bool ended = false;
};

PayloadReader::PayloadReader(std::istream& in) {
    guarded([&] {
        m_state = std::make_unique<State>(in);
        payload::Head head;
        m_state->ar >> head;
        m_state->info = head.info;
    });
}

PayloadReader::~PayloadReader() = default;

const ArchiveInfo& PayloadReader::info() const {
    return m_state->info;
}

bool PayloadReader::nextTable(TableColumns& table) {
    State& s = *m_state;
    if (s.ended) {
        return false;
    }
    while (s.inTable) { // the rest of the table before is skipped
        RawRow skipped;
        nextRow(skipped);
    }
    return guarded([&] {
        std::uint8_t marker = 0;
        s.ar >> marker;
        if (marker == payload::kEnd) {
            s.ended = true;
            if (s.stream.rdbuf()->sgetc() != std::char_traits<char>::eof()) {
                throw ArchiveDamaged("the archive is damaged: something follows its last table");
            }
            return false;
        }
        if (marker != payload::kMore) {
            throw ArchiveDamaged("the archive is damaged: a table's mark is wrong");
        }
        table = TableColumns{};
        payload::TableHead head{&table};
        s.ar >> head;
        s.columns = table.columns.size();
        s.inTable = true;
        return true;
    });
}

bool PayloadReader::nextRow(RawRow& row) {
    State& s = *m_state;
    if (!s.inTable) {
        return false;
    }
    return guarded([&] {
        std::uint8_t marker = 0;
        s.ar >> marker;
        if (marker == payload::kEnd) {
            s.inTable = false;
            return false;
        }
        if (marker != payload::kMore) {
            throw ArchiveDamaged("the archive is damaged: a row's mark is wrong");
        }
        row.resize(s.columns);
        for (auto& value : row) {
            std::uint8_t kind = 0;
            s.ar >> kind;
            if (kind == payload::kNull) {
                value.reset();
            } else if (kind == payload::kText) {
                value.emplace();
                payload::text(s.ar, *value, kMaxValueBytes);
            } else {
                throw ArchiveDamaged("the archive is damaged: a value's mark is wrong");
            }
        }
        return true;
    });
}

// ---- a whole ledger -------------------------------------------------------------------------

std::uint64_t writeLedgerPayload(Store& from, PayloadWriter& writer, const Progress* progress) {
    const auto& tables = ledgerTables();
    std::uint64_t done = 0;
    from.beginSnapshot();
    try {
        // Counted first, so that progress follows the rows (completions are most of them).
        std::uint64_t total = 0;
        for (const TableColumns& table : tables) {
            from.readRows(TableColumns{table.table, {table.columns.front()}},
                          [&](const RawRow&) { ++total; });
        }
        const auto step = [&] {
            if (++done % 1024 == 0) {
                reportProgress(progress, static_cast<double>(done) / static_cast<double>(total + 1),
                               "writing the archive was cancelled");
            }
        };
        for (const TableColumns& table : tables) {
            writer.beginTable(table);
            from.readRows(table, [&](const RawRow& row) {
                writer.row(row);
                step();
            });
            writer.endTable();
        }
        writer.finish();
    } catch (...) {
        from.endSnapshot();
        throw;
    }
    from.endSnapshot();
    return done;
}

namespace {

/// Where a table of the archive goes in this version's ledger: its table, and for each of
/// its columns the archive's column that fills it (none: NULL).
struct TableMapping {
    const TableColumns* target = nullptr;
    std::vector<std::optional<std::size_t>> from;
};

TableMapping mapTable(const TableColumns& archived, std::size_t& cursor) {
    const auto& tables = ledgerTables();
    // The archive lists its tables in this version's order, an older one perhaps without the
    // later ones.
    std::size_t at = cursor;
    while (at < tables.size() &&
           (tables[at].table != archived.table || tables[at].update != archived.update)) {
        ++at;
    }
    if (at == tables.size()) {
        throw ArchiveDamaged("the archive holds a table this version does not know (" +
                             archived.table +
                             "): it was written by a newer version of Practice Ledger");
    }
    cursor = at + 1;
    TableMapping mapping;
    mapping.target = &tables[at];
    for (const std::string& column : archived.columns) {
        if (std::find(tables[at].columns.begin(), tables[at].columns.end(), column) ==
            tables[at].columns.end()) {
            throw ArchiveDamaged("the archive holds a column this version does not know (" +
                                 archived.table + "." + column +
                                 "): it was written by a newer version of Practice Ledger");
        }
    }
    for (const std::string& column : tables[at].columns) {
        const auto found = std::find(archived.columns.begin(), archived.columns.end(), column);
        mapping.from.push_back(found == archived.columns.end()
                                   ? std::nullopt
                                   : std::optional<std::size_t>(static_cast<std::size_t>(
                                         found - archived.columns.begin())));
    }
    if (!mapping.from.front()) {
        throw ArchiveDamaged("the archive is damaged: table " + archived.table +
                             " has no key column");
    }
    return mapping;
}

} // namespace

std::uint64_t exportLedger(Store& from, const std::filesystem::path& path,
                           std::string_view passphrase, const Progress* progress, KdfCost cost) {
    ArchiveInfo info;
    info.kind = std::string(kLedgerKind);
    info.schemaVersion = from.schemaVersion();
    info.writtenBy = writtenBy();
    std::uint64_t rows = 0;
    writeSealedFile(path, passphrase, cost, progress, [&](std::ostream& out, const Progress* p) {
        PayloadWriter writer(out, info);
        rows = writeLedgerPayload(from, writer, p);
    });
    return rows;
}

Restored importLedger(const std::filesystem::path& path, std::string_view passphrase, Store& to,
                      const Progress* progress) {
    Restored restored;
    ArchiveInfo& info = restored.info;
    readSealedFile(path, passphrase, progress, [&](std::istream& in) {
        PayloadReader reader(in);
        info = reader.info();
        if (info.kind != kLedgerKind) {
            throw ArchiveDamaged("this archive holds " +
                                 (info.kind == kPortfolioKind
                                      ? std::string("one person's portfolio, not a ledger: "
                                                    "bring it in with import-portfolio")
                                      : "something other than a ledger (" + info.kind + ")"));
        }
        requireNoRecords(to);
        killPoint("archive-import-begin");
        to.begin();
        try {
            std::size_t cursor = 0;
            TableColumns archived;
            RawRow row;
            RawRow mapped;
            std::uint64_t& rows = restored.rows;
            while (reader.nextTable(archived)) {
                const TableMapping mapping = mapTable(archived, cursor);
                const std::unique_ptr<RowWriter> writer = to.rowWriter(*mapping.target);
                while (reader.nextRow(row)) {
                    mapped.assign(mapping.from.size(), std::nullopt);
                    for (std::size_t i = 0; i < mapping.from.size(); ++i) {
                        if (mapping.from[i]) {
                            mapped[i] = std::move(row[*mapping.from[i]]);
                        }
                    }
                    writer->write(mapped);
                    if (++rows == 1000) {
                        killPoint("archive-import-rows");
                    }
                }
                writer->finish();
            }
            killPoint("archive-import-before-commit");
            to.commit();
        } catch (...) {
            to.rollback();
            throw;
        }
        killPoint("archive-import-committed");
    });
    return restored;
}

} // namespace ledger::archive
