// Archives written by this version, kept in tests/data/archives with the reports they must give,
// so that every later version proves it still reads them (issue 13); and the fuzz targets'
// seeds, which must stay archives and payloads this version reads.
//
// To write them again (only when the format changes on purpose, with a new golden file beside
// the old ones rather than over them):
//   PRACTICE_LEDGER_WRITE_GOLDEN=1 core_tests --gtest_filter='GoldenArchive.*:ArchiveSeeds.*'

#include "archive/ledger_archive.h"
#include "archive/sealed_file.h"

#include "cli/cli_runner.h"
#include "demo/demo_ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ledger::test {
namespace {

const std::filesystem::path kArchives = std::filesystem::path(LEDGER_TEST_DATA) / "archives";
const std::filesystem::path kSeeds =
    std::filesystem::path(LEDGER_TEST_DATA) / ".." / "fuzz" / "seeds";
constexpr const char* kGoldenPassphrase = "golden archive passphrase 2026";
constexpr const char* kLedgerPassphrase = "golden ledger passphrase 2026";

bool writing() {
    const char* value = std::getenv("PRACTICE_LEDGER_WRITE_GOLDEN");
    return value != nullptr && std::string(value) == "1";
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

/// Every report of the CLI that reads what an archive carries, as CSV, each under its command.
const std::vector<std::vector<std::string>> kReports{
    {"report", "coverage", "--by", "team", "--as-of", "2026-11-25", "--format", "csv"},
    {"report", "coverage", "--by", "staff", "--as-of", "2026-11-25", "--format", "csv"},
    {"report", "expiring", "--as-of", "2026-11-25", "--within", "120", "--format", "csv"},
    {"report", "trend", "--from", "2025-01", "--to", "2026-10"},
    {"report", "bookings", "--from", "2025-11-26", "--to", "2026-11-25", "--format", "csv"},
    {"report", "themes", "--from", "2025-11-26", "--to", "2026-11-25", "--format", "csv"},
    {"report", "cpd", "--as-of", "2026-11-25", "--format", "csv"},
    {"report", "hcpc", "--as-of", "2026-11-25", "--format", "csv"},
    {"report", "trusted-assessors", "--as-of", "2026-11-25", "--format", "csv"},
    {"report", "asye", "--as-of", "2026-11-25", "--format", "csv"},
    {"report", "apprenticeships", "--as-of", "2026-11-25", "--format", "csv"},
};

std::string reportsOf(const Cli& cli, const std::filesystem::path& ledger) {
    std::string out;
    for (std::vector<std::string> args : kReports) {
        std::string title = "==";
        for (const std::string& a : args) {
            title += " " + a;
        }
        args.insert(args.begin(), {"--ledger", ledger.string()});
        const Result r = cli(args);
        EXPECT_EQ(r.status, 0) << title << ": " << r.err;
        out += title + "\n" + r.out;
    }
    return out;
}

Cli cliFor() {
    Cli cli;
    cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = kLedgerPassphrase;
    cli.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = kGoldenPassphrase;
    return cli;
}

TEST(GoldenArchive, Version1ArchivesStillRestoreAndGiveTheirReports) {
    const auto golden = kArchives / "demo-v1.plarchive";
    const auto expected = kArchives / "demo-v1.reports.txt";
    const Cli cli = cliFor();
    if (writing()) {
        ScratchDir scratch;
        const auto source = scratch / "demo.ledger";
        GeneratorOptions options;
        options.staff = 48;
        options.teams = 6;
        options.years = 2;
        options.seed = 11;
        options.today = makeDate(2026, 11, 25);
        (void)Ledger::create(source, kLedgerPassphrase, "golden",
                             [&](Ledger& l) { (void)fillDemoLedger(l, options, "golden"); });
        std::filesystem::remove(golden);
        const Result r = cli({"--ledger", source.string(), "archive", "export", golden.string()});
        ASSERT_EQ(r.status, 0) << r.err;
        writeFile(expected, reportsOf(cli, source));
    }
    ScratchDir dir;
    const auto restored = dir / "restored.ledger";
    const Result r = cli({"--ledger", restored.string(), "archive", "import", golden.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("restored ", 0), 0u) << r.out;
    const std::string reports = reportsOf(cli, restored);
    EXPECT_GT(reports.size(), 5000u);
    EXPECT_EQ(reports, readAll(expected.string()));
}

// The CLI's contract: damage and refusals exit 2, the wrong passphrase 3, each with a message
// that says what is wrong, and nothing is made.
TEST(GoldenArchive, TheCliExitsTwoOnDamageAndThreeOnTheWrongPassphrase) {
    const auto golden = kArchives / "demo-v1.plarchive";
    ScratchDir dir;
    const auto target = dir / "restored.ledger";
    Cli cli = cliFor();

    std::string bytes = readAll(golden.string());
    bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 1);
    writeFile(dir / "damaged.plarchive", bytes);
    Result r = cli(
        {"--ledger", target.string(), "archive", "import", (dir / "damaged.plarchive").string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "practice-ledger-cli: the archive is damaged or was altered: a chunk fails "
                     "its check\n");

    writeFile(dir / "short.plarchive", readAll(golden.string()).substr(0, 5000));
    r = cli({"--ledger", target.string(), "archive", "import", (dir / "short.plarchive").string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind("practice-ledger-cli: the archive is cut short", 0), 0u) << r.err;

    cli.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = "not the golden passphrase";
    r = cli({"--ledger", target.string(), "archive", "import", golden.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "practice-ledger-cli: wrong archive passphrase\n");
    EXPECT_FALSE(std::filesystem::exists(target));

    // A new archive's passphrase is held to a ledger's rule.
    cli.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = "short";
    r = cli({"--ledger", target.string(), "archive", "export", (dir / "x.plarchive").string()});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.rfind("practice-ledger-cli: the archive passphrase is too short", 0), 0u)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.plarchive"));

    // Restoring over a ledger that exists is refused: exit 2, the ledger as it was.
    cli.vars["PRACTICE_LEDGER_ARCHIVE_PASSPHRASE"] = kGoldenPassphrase;
    ASSERT_EQ(cli({"--ledger", target.string(), "archive", "import", golden.string()}).status, 0);
    const std::string before = readAll(target.string());
    r = cli({"--ledger", target.string(), "archive", "import", golden.string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(readAll(target.string()), before);
}

/// The payload of an archive under `passphrase`.
std::string payloadOf(const std::filesystem::path& path, const char* passphrase) {
    std::string payload;
    archive::readSealedFile(path, passphrase, nullptr, [&](std::istream& in) {
        payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    });
    return payload;
}

// The fuzz targets start from these: archives sealed under "fuzz passphrase" at the least
// key cost, and payloads as this version writes them. They must stay readable, or fuzzing
// would only ever see refusals.
TEST(ArchiveSeeds, TheFuzzSeedsAreArchivesAndPayloadsThisVersionReads) {
    const auto seals = kSeeds / "fuzz_seal";
    const auto payloads = kSeeds / "fuzz_archive_payload";
    if (writing()) {
        const auto sealed = [](const std::string& payload, const char* passphrase,
                               std::uint32_t chunk) {
            return archive::seal(payload, passphrase, archive::minimumKdfCost(), chunk);
        };
        writeFile(seals / "empty.plarchive", sealed("", "fuzz passphrase", 64));
        writeFile(seals / "three-chunks.plarchive",
                  sealed(std::string(150, 'p'), "fuzz passphrase", 64));
        writeFile(seals / "other-passphrase.plarchive", sealed("abc", "other passphrase", 64));

        std::ostringstream small;
        archive::ArchiveInfo info;
        info.kind = "ledger";
        info.schemaVersion = 12;
        info.writtenBy = archive::writtenBy();
        {
            archive::PayloadWriter writer(small, info);
            writer.beginTable(TableColumns{"team", {"id", "name"}});
            writer.row({std::string("1"), std::string("Hospital Discharge")});
            writer.row({std::string("2"), std::nullopt});
            writer.endTable();
            writer.finish();
        }
        writeFile(payloads / "two-rows", small.str());
        // A whole (small) ledger: every table, evidence files as hex.
        ScratchDir scratch;
        GeneratorOptions options;
        options.staff = 6;
        options.teams = 2;
        options.years = 1;
        options.today = makeDate(2026, 11, 25);
        Ledger ledger =
            Ledger::create(scratch / "l.ledger", "seed ledger passphrase", "seed",
                           [&](Ledger& l) { (void)fillDemoLedger(l, options, "seed"); });
        (void)ledger.exportArchive(scratch / "l.plarchive", kGoldenPassphrase);
        writeFile(payloads / "six-people", payloadOf(scratch / "l.plarchive", kGoldenPassphrase));
    }
    EXPECT_EQ(
        archive::unseal(readAll((seals / "empty.plarchive").string()), "fuzz passphrase", 1 << 20),
        "");
    EXPECT_EQ(archive::unseal(readAll((seals / "three-chunks.plarchive").string()),
                              "fuzz passphrase", 1 << 20),
              std::string(150, 'p'));
    EXPECT_THROW((void)archive::unseal(readAll((seals / "other-passphrase.plarchive").string()),
                                       "fuzz passphrase", 1 << 20),
                 WrongPassphrase);
    for (const char* name : {"two-rows", "six-people"}) {
        std::istringstream in(readAll((payloads / name).string()));
        archive::PayloadReader reader(in);
        TableColumns table;
        RawRow row;
        std::size_t rows = 0;
        while (reader.nextTable(table)) {
            while (reader.nextRow(row)) {
                ++rows;
            }
        }
        EXPECT_GT(rows, 1u) << name;
    }
}

} // namespace
} // namespace ledger::test
