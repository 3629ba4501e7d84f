// Ledger archives (issue 13 item 1): a whole ledger out to one sealed file and back into a new
// ledger, on both engines, with every report and the payload itself the same; and what a
// damaged, tampered, wrong-passphrase, cancelled or misdirected restore leaves: nothing.

#include "archive/ledger_archive.h"
#include "archive/sealed_file.h"

#include "demo/demo_ledger.h"
#include "engines.h"
#include "reports/report.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <sstream>

namespace ledger::test {
namespace {

constexpr const char* kArchivePassphrase = "archive passphrase for tests 2026";

/// Team and staff coverage at two dates, and the CPD, session and programme records that the
/// person pages show: what a restore must give back as it was.
std::string reports(Ledger& ledger) {
    const ComplianceEngine engine = ledger.training().engine();
    std::string out;
    for (const Date asOf : {makeDate(2025, 6, 30), makeDate(2026, 11, 25)}) {
        out += formatTeamCoverageCsv(teamCoverageReport(engine, asOf));
        out += formatStaffStatusCsv(staffStatusReport(engine, asOf));
    }
    out += "cpd entries: " + std::to_string(ledger.cpd().all().size()) + "\n";
    out += "sessions: " + std::to_string(ledger.sessions().all().size()) + "\n";
    out += "change log: " + std::to_string(ledger.audit().changeLog("", "").size()) + "\n";
    return out;
}

/// The decrypted payload of the archive at `path`.
std::string payloadOf(const std::filesystem::path& path) {
    std::string payload;
    archive::readSealedFile(path, kArchivePassphrase, nullptr, [&](std::istream& in) {
        payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    });
    return payload;
}

GeneratorOptions smallDemo() {
    GeneratorOptions options;
    options.staff = 120;
    options.teams = 6;
    options.years = 2;
    options.seed = 7;
    options.today = makeDate(2026, 11, 25);
    return options;
}

std::vector<std::string> filesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

class LedgerArchive : public EngineTest {};

// Export, import into a new ledger, export again: every report of the two ledgers is the
// same, and so are the two archives' payloads, byte for byte.
TEST_P(LedgerArchive, ExportImportExportGivesTheSameReportsAndTheSamePayload) {
    Ledger original = ledgers().create(
        "test", [](Ledger& ledger) { (void)fillDemoLedger(ledger, smallDemo(), "demo"); });
    const std::string expected = reports(original);
    ASSERT_NE(expected.find("cpd entries: "), std::string::npos);
    ASSERT_GT(original.cpd().all().size(), 10u);
    ASSERT_GT(original.sessions().all().size(), 5u);

    ScratchDir dir;
    const auto first = dir / "first.plarchive";
    const std::uint64_t rows = original.exportArchive(first, kArchivePassphrase);
    EXPECT_GT(rows, 1000u);
    struct stat info {};
    ASSERT_EQ(::stat(first.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u); // personal records: its owner only

    EngineLedger second(GetParam());
    Location target = Location::file(dir / "restored.ledger");
    std::string secret = EngineLedger::kPassphrase;
    if (GetParam() == Engine::Postgres) {
        (void)second.create(); // an empty server ledger (`server init`)
        target = second.location();
        secret = "";
    }
    EXPECT_EQ(Ledger::importArchive(first, kArchivePassphrase, target, secret), rows);
    Ledger restored = Ledger::open(target, secret, OpenMode::ReadWrite);
    EXPECT_EQ(reports(restored), expected);
    EXPECT_EQ(restored.audit().changeLog("", ""), original.audit().changeLog("", ""));
    EXPECT_EQ(everyRecord(restored).completions, everyRecord(original).completions);
    EXPECT_EQ(restored.check(), std::vector<std::string>{});

    const auto again = dir / "again.plarchive";
    EXPECT_EQ(restored.exportArchive(again, kArchivePassphrase), rows);
    const std::string payload = payloadOf(first);
    EXPECT_GT(payload.size(), 10000u);
    EXPECT_TRUE(payload == payloadOf(again)) << "the payloads differ";

    // A target that holds records is refused, and left as it is.
    EXPECT_THROW((void)Ledger::importArchive(first, kArchivePassphrase, target, secret),
                 AlreadyExists);
    EXPECT_EQ(reports(restored), expected);
}

INSTANTIATE_TEST_SUITE_P(Engines, LedgerArchive, kEngines, engineName);

/// A small ledger file and its archive, for the refusals below.
class LedgerArchiveRefusals : public ::testing::Test {
protected:
    void SetUp() override {
        Ledger ledger = Ledger::create(m_dir / "source.ledger", EngineLedger::kPassphrase, "test",
                                       [](Ledger& l) {
                                           GeneratorOptions options = smallDemo();
                                           options.staff = 36;
                                           options.teams = 6;
                                           (void)fillDemoLedger(l, options, "demo");
                                       });
        m_archive = m_dir / "ledger.plarchive";
        m_rows = ledger.exportArchive(m_archive, kArchivePassphrase);
        m_bytes = readAll(m_archive.string());
    }

    /// Restores `bytes` (as an archive file) into a new ledger; what it threw, or "restored".
    std::string restore(const std::string& bytes,
                        std::string_view passphrase = kArchivePassphrase) {
        const auto path = m_dir / "attempt.plarchive";
        std::filesystem::remove(path);
        std::ofstream(path, std::ios::binary) << bytes;
        try {
            (void)Ledger::importArchive(path, passphrase, Location::file(m_target),
                                        EngineLedger::kPassphrase);
            return "restored";
        } catch (const archive::ArchiveDamaged& e) {
            return std::string("damaged: ") + e.what();
        } catch (const WrongPassphrase& e) {
            return std::string("passphrase: ") + e.what();
        }
    }

    ScratchDir m_dir;
    std::filesystem::path m_archive;
    std::filesystem::path m_target = m_dir / "target.ledger";
    std::uint64_t m_rows = 0;
    std::string m_bytes;
};

TEST_F(LedgerArchiveRefusals, DamageTamperingAndTheWrongPassphraseLeaveNoLedger) {
    const std::vector<std::string> before = filesIn(m_dir.path());
    EXPECT_EQ(restore(m_bytes, "not the passphrase at all"),
              "passphrase: wrong archive passphrase");
    // Cut short at a few places: inside the header, the first chunk, the middle, the end.
    for (const std::size_t keep :
         {std::size_t{100}, std::size_t{200}, m_bytes.size() / 2, m_bytes.size() - 1}) {
        EXPECT_EQ(restore(m_bytes.substr(0, keep)).rfind("damaged: the archive is cut short", 0),
                  0u)
            << keep;
    }
    // A byte changed in the middle of the payload fails that chunk's check.
    std::string flipped = m_bytes;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
    EXPECT_EQ(restore(flipped),
              "damaged: the archive is damaged or was altered: a chunk fails its check");
    EXPECT_EQ(restore("Staff ID,Name\nHW1,Ann\n"), "damaged: not a Practice Ledger archive");
    EXPECT_FALSE(std::filesystem::exists(m_target));
    std::vector<std::string> after = filesIn(m_dir.path());
    after.erase(std::remove(after.begin(), after.end(), "attempt.plarchive"), after.end());
    EXPECT_EQ(after, before); // nothing half-made beside the target
}

TEST_F(LedgerArchiveRefusals, ACancelledRestoreOrExportLeavesNothing) {
    const std::vector<std::string> before = filesIn(m_dir.path());
    std::vector<double> heard;
    const Progress stopHalfway{[&](double f) {
        heard.push_back(f);
        return f < 0.5;
    }};
    EXPECT_THROW((void)Ledger::importArchive(m_archive, kArchivePassphrase,
                                             Location::file(m_target), EngineLedger::kPassphrase,
                                             &stopHalfway),
                 Cancelled);
    EXPECT_FALSE(std::filesystem::exists(m_target));
    ASSERT_GE(heard.size(), 2u);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));

    Ledger source = Ledger::open(m_dir / "source.ledger", EngineLedger::kPassphrase, true);
    heard.clear();
    EXPECT_THROW(
        (void)source.exportArchive(m_dir / "cancelled.plarchive", kArchivePassphrase, &stopHalfway),
        Cancelled);
    EXPECT_EQ(filesIn(m_dir.path()), before);

    // Unhindered, the progress of a restore runs in order to the end.
    heard.clear();
    const Progress all{[&](double f) {
        heard.push_back(f);
        return true;
    }};
    EXPECT_EQ(Ledger::importArchive(m_archive, kArchivePassphrase, Location::file(m_target),
                                    EngineLedger::kPassphrase, &all),
              m_rows);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_EQ(heard.back(), 1.0);
}

TEST_F(LedgerArchiveRefusals, AnArchiveIsNeverWrittenOverAFileNorRestoredOverALedger) {
    Ledger source = Ledger::open(m_dir / "source.ledger", EngineLedger::kPassphrase, true);
    EXPECT_THROW((void)source.exportArchive(m_archive, kArchivePassphrase), AlreadyExists);
    EXPECT_EQ(readAll(m_archive.string()), m_bytes);
    EXPECT_THROW((void)Ledger::importArchive(m_archive, kArchivePassphrase,
                                             Location::file(m_dir / "source.ledger"),
                                             EngineLedger::kPassphrase),
                 AlreadyExists);
    EXPECT_THROW((void)Ledger::importArchive(m_dir / "missing.plarchive", kArchivePassphrase,
                                             Location::file(m_target), EngineLedger::kPassphrase),
                 LedgerMissing);
    EXPECT_FALSE(std::filesystem::exists(m_target));
}

// ---- the payload, behind the seal -----------------------------------------------------------

std::string samplePayload(const std::string& value) {
    std::ostringstream out;
    archive::ArchiveInfo info;
    info.kind = "ledger";
    info.schemaVersion = 12;
    info.writtenBy = "Practice Ledger test";
    archive::PayloadWriter writer(out, info);
    writer.beginTable(TableColumns{"team", {"id", "name"}});
    writer.row({std::string("1"), value});
    writer.row({std::string("2"), std::nullopt});
    writer.row({std::string("3"), std::string()});
    writer.endTable();
    writer.beginTable(TableColumns{"staff", {"id", "created_change", "changed_change"}, true});
    writer.endTable();
    writer.finish();
    return out.str();
}

/// What reading `payload` gives: its tables and rows as text, or "damaged: ...".
std::string readBack(const std::string& payload) {
    try {
        std::istringstream in(payload);
        archive::PayloadReader reader(in);
        std::string out = reader.info().kind + " " + std::to_string(reader.info().schemaVersion) +
                          " " + reader.info().writtenBy + "\n";
        TableColumns table;
        RawRow row;
        while (reader.nextTable(table)) {
            out += table.table + (table.update ? " (update)" : "") + ":";
            for (const auto& c : table.columns) {
                out += " " + c;
            }
            out += "\n";
            while (reader.nextRow(row)) {
                for (const auto& v : row) {
                    out += v ? "[" + *v + "]" : "NULL";
                }
                out += "\n";
            }
        }
        return out;
    } catch (const archive::ArchiveDamaged& e) {
        return std::string("damaged: ") + e.what();
    }
}

TEST(ArchivePayload, TablesRowsNullsAndBytesComeBackAsTheyWent) {
    const std::string bytes("tab\there, nul\0 and é", 21);
    EXPECT_EQ(readBack(samplePayload(bytes)),
              "ledger 12 Practice Ledger test\nteam: id name\n[1][" + bytes +
                  "]\n[2]NULL\n[3][]\nstaff (update): id created_change changed_change\n");
}

/// The payload with the 8 bytes before the first occurrence of `marker` (the length of a
/// value that starts with it) set to `length`.
std::string withLengthBefore(std::string payload, const std::string& marker, std::uint64_t length) {
    const std::size_t at = payload.find(marker);
    EXPECT_NE(at, std::string::npos);
    for (std::size_t i = 0; i < 8; ++i) {
        payload[at - 8 + i] = static_cast<char>(length >> (8 * i));
    }
    return payload;
}

// Behind the seal only our own writer's bytes should ever be, but the loader does not rely on
// it: a huge length or count is refused before anything is allocated, a short one misreads
// into a refusal, and every cut of the payload is refused.
TEST(ArchivePayload, HostileLengthsCutsAndTrailingBytesAreRefused) {
    const std::string payload = samplePayload("MARKERVALUE");
    for (const std::uint64_t length : {std::uint64_t{1} << 40, std::uint64_t{1} << 63,
                                       ~std::uint64_t{0}, archive::kMaxValueBytes + 1}) {
        EXPECT_EQ(readBack(withLengthBefore(payload, "MARKERVALUE", length)),
                  "damaged: the archive is damaged: a value is longer than any it holds")
            << length;
    }
    // A length within the limit with nothing behind it: refused once the bytes run out,
    // having read only what is there.
    EXPECT_EQ(readBack(withLengthBefore(payload, "MARKERVALUE", 60u << 20)).rfind("damaged: ", 0),
              0u);
    for (std::size_t keep = 0; keep < payload.size(); ++keep) {
        EXPECT_EQ(readBack(payload.substr(0, keep)).rfind("damaged: ", 0), 0u) << keep;
    }
    EXPECT_EQ(readBack(payload + "x"),
              "damaged: the archive is damaged: something follows its last table");
}

// Found by fuzz_archive_payload: Boost's own header began with a string of whatever length
// its first 8 bytes said, so a text file asked for exabytes (and 3 GB would have been
// allocated). The payload now starts with a lead of ours that is checked first.
TEST(ArchivePayload, ATextFileOrABoostHeaderAskingForGigabytesIsRefusedFirst) {
    const std::string csv =
        readAll(std::string(LEDGER_TEST_DATA) + "/../fuzz/corpus/"
                                                "archive-payload-boost-header-length");
    EXPECT_EQ(readBack(csv), "damaged: the archive's contents are not a Practice Ledger archive's");
    std::string header(8, '\0');
    const std::uint64_t huge = 3'000'000'000;
    for (std::size_t i = 0; i < 8; ++i) {
        header[i] = static_cast<char>(huge >> (8 * i));
    }
    EXPECT_EQ(readBack(header + "serialization::archive"),
              "damaged: the archive's contents are not a Practice Ledger archive's");
    EXPECT_EQ(readBack(samplePayload("x").substr(0, 9)),
              "damaged: the archive's contents are not a Practice Ledger archive's");
}

} // namespace
} // namespace ledger::test
