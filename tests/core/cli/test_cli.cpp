// practice-ledger-cli's contract: commands, exit statuses, output formats, golden reports.
#include "cli.h"

#include "cli/cli_runner.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

using ledger::test::readAll;
using ledger::test::ScratchDir;
using ledger::test::writeAll;
namespace cli = ledger::cli;

namespace {

using ledger::test::Cli;
using ledger::test::Result;

const std::string kData = LEDGER_TEST_DATA;

/// A ledger holding the small council of tests/data/small-council.
struct SmallCouncil {
    ScratchDir dir;
    Cli cli;
    std::string ledger = (dir / "council.ledger").string();
    std::string pass = (dir / "pass").string();

    SmallCouncil() {
        writeAll(pass, "small council ledger\n");
        std::filesystem::permissions(pass, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
        EXPECT_EQ(run({"init"}).status, 0);
        for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
            const Result r = run({"import", kind, kData + "/small-council/" + kind + ".csv"});
            EXPECT_EQ(r.status, 0) << kind << ": " << r.err;
        }
    }
    Result run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--ledger", ledger, "--passphrase-file", pass});
        return cli(args);
    }
};

} // namespace

TEST(CliGolden, TeamAndStaffCoverageMatchTheIndependentReports) {
    SmallCouncil council;
    for (const char* date : {"2025-03-31", "2026-11-25"}) {
        const Result team = council.run({"report", "coverage", "--as-of", date, "--format", "csv"});
        ASSERT_EQ(team.status, 0) << team.err;
        EXPECT_EQ(team.out, readAll(kData + "/small-council/expected-team-" + date + ".csv"))
            << date;
        const Result staff = council.run(
            {"report", "coverage", "--as-of", date, "--by", "staff", "--format", "csv"});
        ASSERT_EQ(staff.status, 0) << staff.err;
        EXPECT_EQ(staff.out, readAll(kData + "/small-council/expected-staff-" + date + ".csv"))
            << date;
    }
}

TEST(CliGolden, ReimportingTheSameFilesChangesNothing) {
    SmallCouncil council;
    const Result r =
        council.run({"import", "completions", kData + "/small-council/completions.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 0, updated 0, unchanged 1846\n");
    const Result staff = council.run({"import", "staff", kData + "/small-council/staff.csv"});
    EXPECT_EQ(staff.out, "added 0, updated 0, unchanged 60\n");
    Cli fresh;
    ScratchDir dir;
    const std::string path = (dir / "l").string();
    fresh.vars["PRACTICE_LEDGER_PASSPHRASE"] = "kestrel marmalade orbit";
    ASSERT_EQ(fresh({"--ledger", path, "init"}).status, 0);
    for (const char* kind : {"staff", "modules"}) {
        fresh({"--ledger", path, "import", kind, kData + "/small-council/" + kind + ".csv"});
    }
    // 52 rows repeat an earlier row exactly: recorded once, counted as unchanged.
    EXPECT_EQ(
        fresh({"--ledger", path, "import", "completions", kData + "/small-council/completions.csv"})
            .out,
        "added 1794, updated 0, unchanged 52\n");
}

TEST(Cli, InitRefusesAnExistingFileWithStatusTwo) {
    SmallCouncil council;
    const std::string before = readAll(council.ledger);
    const Result r = council.run({"init"});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("already exists"), std::string::npos);
    EXPECT_EQ(readAll(council.ledger), before);
}

TEST(Cli, WrongPassphraseExitsThreeAndLeavesEveryByteUnchanged) {
    SmallCouncil council;
    const std::string file = readAll(council.ledger);
    const std::string wal = readAll(council.ledger + "-wal");
    writeAll(council.pass, "not the passphrase\n");
    const std::string csv = kData + "/small-council/staff.csv";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"report", "coverage"}, {"import", "staff", csv}, {"check"}}) {
        const Result r = council.run(args);
        EXPECT_EQ(r.status, 3) << args[0];
        EXPECT_NE(r.err.find("passphrase is wrong"), std::string::npos) << r.err;
    }
    EXPECT_EQ(readAll(council.ledger), file);
    EXPECT_EQ(readAll(council.ledger + "-wal"), wal);
}

TEST(Cli, ARejectedImportChangesNothingAndListsEveryProblemSortedByLine) {
    SmallCouncil council;
    const auto before = council.run({"report", "coverage", "--by", "staff", "--format", "csv"}).out;
    const std::string bad = (council.dir / "bad.csv").string();
    writeAll(bad, "employee_id,module,completed_on,expires_on,evidence\n"
                  "HW00001,FIRE,2026-11-20,,fine on its own\n"
                  "HW00001,NOPE,2026-01-01,,\n"
                  "\"HW00002\",FIRE,2026-02-30,,\"multi\nline\"\n"
                  "HW99999,FIRE,2026-01-01,,\n");
    const std::string fileBefore = readAll(council.ledger);
    const Result r = council.run({"import", "completions", bad});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, bad + ":3: module: no module has code NOPE\n" + bad +
                         ":4: completed_on: '2026-02-30' is not a date in the form YYYY-MM-DD\n" +
                         bad + ":6: employee_id: no staff member has employee id HW99999\n");
    EXPECT_EQ(council.run({"report", "coverage", "--by", "staff", "--format", "csv"}).out, before);
    EXPECT_EQ(council.run({"import", "completions", bad, "--dry-run"}).status, 2);
}

TEST(Cli, DryRunPrintsTheCountsAndWritesNothing) {
    SmallCouncil council;
    const std::string extra = (council.dir / "extra.csv").string();
    writeAll(extra, "employee_id,module,completed_on,expires_on,evidence\n"
                    "HW00001,FIRE,2026-11-20,,new\n");
    const Result dry = council.run({"import", "completions", extra, "--dry-run"});
    EXPECT_EQ(dry.status, 0);
    EXPECT_EQ(dry.out, "added 1, updated 0, unchanged 0\n");
    const Result real = council.run({"import", "completions", extra});
    EXPECT_EQ(real.out, "added 1, updated 0, unchanged 0\n");
}

TEST(Cli, PassphraseComesFromFileThenEnvironmentNeverAnArgument) {
    ScratchDir dir;
    Cli cli;
    const std::string ledger = (dir / "l").string();
    // No file, no variable, no terminal: a usage error, and no ledger is made.
    EXPECT_EQ(cli({"--ledger", ledger, "init"}).status, 1);
    EXPECT_FALSE(std::filesystem::exists(ledger));
    EXPECT_EQ(cli({"--ledger", ledger, "--passphrase", "x", "init"}).status, 1);
    cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = "heron quarry from env";
    EXPECT_EQ(cli({"--ledger", ledger, "init"}).status, 0);
    writeAll(dir / "pf", "heron quarry from env\n");
    cli.vars.erase("PRACTICE_LEDGER_PASSPHRASE");
    EXPECT_EQ(cli({"--ledger", ledger, "--passphrase-file", (dir / "pf").string(), "check"}).status,
              0);
    writeAll(dir / "pf2", "heron quarry from env\n\n"); // only one newline is stripped
    EXPECT_EQ(
        cli({"--ledger", ledger, "--passphrase-file", (dir / "pf2").string(), "check"}).status, 3);
    writeAll(dir / "empty", "\n");
    EXPECT_EQ(
        cli({"--ledger", ledger, "--passphrase-file", (dir / "empty").string(), "check"}).status,
        1);
}

TEST(Cli, ExitStatusesForUsageAndUnopenableLedgers) {
    ScratchDir dir;
    Cli cli;
    cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = "kestrel marmalade orbit";
    EXPECT_EQ(cli({"report", "coverage"}).status, 1); // no --ledger
    EXPECT_EQ(cli({"--ledger", (dir / "l").string(), "frobnicate"}).status, 1);
    EXPECT_EQ(cli({"--ledger", (dir / "missing").string(), "check"}).status, 3);
    writeAll(dir / "notes.txt", "just some notes\n");
    EXPECT_EQ(cli({"--ledger", (dir / "notes.txt").string(), "check"}).status, 3);
    ASSERT_EQ(cli({"--ledger", (dir / "l").string(), "init"}).status, 0);
    EXPECT_EQ(cli({"--ledger", (dir / "l").string(), "report", "coverage", "--as-of", "31/03/2026"})
                  .status,
              1);
    EXPECT_EQ(
        cli({"--ledger", (dir / "l").string(), "report", "coverage", "--by", "module"}).status, 1);
    cli.vars["PRACTICE_LEDGER_TODAY"] = "tomorrow";
    EXPECT_EQ(cli({"--ledger", (dir / "l").string(), "check"}).status, 1);
}

TEST(Cli, CheckPrintsTheSchemaVersion) {
    SmallCouncil council;
    const Result r = council.run({"check"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "schema version 10\nintegrity ok, foreign keys ok\n");
}

TEST(Cli, PassphraseChange) {
    SmallCouncil council;
    const std::string next = (council.dir / "next").string();
    writeAll(next, "a new passphrase\n");
    EXPECT_EQ(council.run({"passphrase", "change", "--new-passphrase-file", next}).status, 0);
    EXPECT_EQ(council.run({"check"}).status, 3);
    EXPECT_EQ(council.cli({"--ledger", council.ledger, "--passphrase-file", next, "check"}).status,
              0);
}

TEST(Cli, TableReportUsesWordsAndUkDates) {
    SmallCouncil council;
    const Result r = council.run({"report", "coverage", "--as-of", "2026-11-25", "--by", "staff"});
    ASSERT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind("Employee", 0), 0u);
    EXPECT_NE(r.out.find("Overdue"), std::string::npos);
    EXPECT_NE(r.out.find("20/07/2025"), std::string::npos);
    const Result team = council.run({"report", "coverage", "--as-of", "2026-11-25"});
    EXPECT_NE(team.out.find("Carers' Support       CARE-ACT         4          2         0        2"
                            "            0     50.0%"),
              std::string::npos)
        << team.out;
}

TEST(Cli, ANewLedgersPassphraseNeedsTwelveCharactersAndThirtyThreeBits) {
    ScratchDir dir;
    Cli cli;
    const std::string ledger = (dir / "l").string();
    const auto init = [&](const std::string& secret) {
        cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = secret;
        return cli({"--ledger", ledger, "init"});
    };
    const Result shortOne = init("demo");
    EXPECT_EQ(shortOne.status, 1);
    EXPECT_EQ(shortOne.err, "practice-ledger-cli: the passphrase is too short: 4 characters, and "
                            "a passphrase needs at least 12; three or four unrelated words make "
                            "a good one\n");
    const Result guessable = init("small council");
    EXPECT_EQ(guessable.status, 1);
    EXPECT_NE(guessable.err.find("the passphrase is too easy to guess: about 24 bits, and a "
                                 "passphrase needs at least 33"),
              std::string::npos)
        << guessable.err;
    EXPECT_FALSE(std::filesystem::exists(ledger));
    // generate refuses before generating anything.
    const Result generated = cli({"--ledger", ledger, "generate", "--staff", "5"});
    EXPECT_EQ(generated.status, 1);
    EXPECT_NE(generated.err.find("too easy to guess"), std::string::npos) << generated.err;
    EXPECT_EQ(generated.out, "");
    EXPECT_FALSE(std::filesystem::exists(ledger));
    EXPECT_EQ(init("small council ledger").status, 0);
}

TEST(Cli, PassphraseChangeRefusesAWeakNewPassphraseAndChangesNothing) {
    SmallCouncil council;
    const std::string before = readAll(council.ledger);
    const std::string next = (council.dir / "next").string();
    writeAll(next, "password1234\n");
    const Result r = council.run({"passphrase", "change", "--new-passphrase-file", next});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("the new passphrase is too easy to guess"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(council.ledger), before);
    EXPECT_EQ(council.run({"check"}).status, 0); // the old passphrase still opens it
}

TEST(Cli, APassphraseFileOpenToOthersGetsAWarningAndTheCommandGoesOn) {
    SmallCouncil council;
    namespace fs = std::filesystem;
    const auto warning = [](const std::string& file) {
        return "practice-ledger-cli: warning: other users have access to the passphrase file " +
               file + "; run chmod 600 " + file + "\n";
    };
    Result r = council.run({"check"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, ""); // 0600: nothing to say
    for (const fs::perms readable : {fs::perms::others_read, fs::perms::group_read}) {
        fs::permissions(council.pass, fs::perms::owner_read | fs::perms::owner_write | readable);
        r = council.run({"check"});
        EXPECT_EQ(r.status, 0);
        EXPECT_EQ(r.err, warning(council.pass));
    }
    // The new passphrase's file too.
    fs::permissions(council.pass, fs::perms::owner_read | fs::perms::owner_write);
    const std::string next = (council.dir / "next").string();
    writeAll(next, "a new passphrase\n");
    fs::permissions(next, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    r = council.run({"passphrase", "change", "--new-passphrase-file", next});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, warning(next));
}

TEST(Cli, CsvReportsNeverCarrySpreadsheetFormulas) {
    SmallCouncil council;
    const std::string staff = (council.dir / "formula-staff.csv").string();
    writeAll(staff, "employee_id,full_name,email,team,role,start_date,leave_date\n"
                    "\"=HYPERLINK(\"\"http://x.example\"\")\",Eve Formula,eve@example.org,"
                    "\"@SUM(1,2)\",Social Worker,2020-01-01,\n"
                    "+441234,Plus Person,plus@example.org,-Team,Social Worker,2020-01-01,\n");
    const Result imported = council.run({"import", "staff", staff});
    ASSERT_EQ(imported.status, 0) << imported.err;
    const Result byStaff = council.run(
        {"report", "coverage", "--as-of", "2026-11-25", "--by", "staff", "--format", "csv"});
    ASSERT_EQ(byStaff.status, 0) << byStaff.err;
    const std::string link = "\"'=HYPERLINK(\"\"http://x.example\"\")\"";
    EXPECT_NE(byStaff.out.find("\n" + link + ",\"'@SUM(1,2)\",SAFE-L3,"), std::string::npos)
        << byStaff.out;
    EXPECT_NE(byStaff.out.find("\n'+441234,'-Team,SAFE-L3,"), std::string::npos) << byStaff.out;
    const Result byTeam =
        council.run({"report", "coverage", "--as-of", "2026-11-25", "--format", "csv"});
    EXPECT_NE(byTeam.out.find("\n'-Team,SAFE-L3,1,"), std::string::npos) << byTeam.out;
    EXPECT_NE(byTeam.out.find("\n\"'@SUM(1,2)\",SAFE-L3,1,"), std::string::npos) << byTeam.out;
    for (const std::string& line : {byStaff.out, byTeam.out}) {
        for (const char* raw : {"\n=", "\n+", "\n-", "\n@", ",=", ",+", ",-", ",@", "\"=", "\"@"}) {
            EXPECT_EQ(line.find(raw), std::string::npos) << raw;
        }
    }
}

// export (the records of one kind as CSV, in the form their import reads).

TEST(CliExport, WritesEachKindToTheStandardOutputInItsImportsForm) {
    SmallCouncil council;
    const Result completions = council.run({"export", "completions"});
    ASSERT_EQ(completions.status, 0) << completions.err;
    EXPECT_EQ(completions.err, "");
    EXPECT_TRUE(completions.out.starts_with(
        "employee_id,module,completed_on,expires_on,evidence\nHW00000,"))
        << completions.out.substr(0, 200);
    // 1,846 rows in the file, of which 52 repeat an earlier one: 1,794 completions.
    EXPECT_EQ(std::count(completions.out.begin(), completions.out.end(), '\n'), 1795);
    const Result modules = council.run({"export", "modules"});
    ASSERT_EQ(modules.status, 0) << modules.err;
    EXPECT_TRUE(modules.out.starts_with("code,title,renewal_months,renewal_basis,window_days,"
                                        "due_soon_days,asc_wds_category,asc_wds_accredited,"
                                        "asc_wds_who_delivered,asc_wds_provider,"
                                        "asc_wds_how_delivered\n"));
    // What export writes, import reads back as it is.
    for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
        const std::string file = (council.dir / (std::string(kind) + ".csv")).string();
        writeAll(file, council.run({"export", kind}).out);
        const Result again = council.run({"import", kind, file});
        ASSERT_EQ(again.status, 0) << kind << ": " << again.err;
        EXPECT_TRUE(again.out.starts_with("added 0, updated 0, unchanged ")) << again.out;
    }
}

TEST(CliExport, OutputWritesTheFileWholeAndReadableByItsOwnerOnly) {
    SmallCouncil council;
    namespace fs = std::filesystem;
    const std::string output = (council.dir / "staff-export.csv").string();
    writeAll(output, "an older export\n");
    const Result r = council.run({"export", "staff", "--output", output});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(readAll(output), council.run({"export", "staff"}).out);
    EXPECT_EQ(fs::status(output).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    for (const auto& entry : fs::directory_iterator(council.dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find("partial"), std::string::npos)
            << entry.path();
    }
}

TEST(CliExport, FailuresLeaveNoFileAndFollowTheExitStatuses) {
    SmallCouncil council;
    namespace fs = std::filesystem;
    // An unknown kind is a usage error (1), like every other bad argument.
    const Result unknown = council.run({"export", "teams"});
    EXPECT_EQ(unknown.status, 1);
    EXPECT_EQ(unknown.out, "");
    EXPECT_NE(unknown.err.find("teams"), std::string::npos) << unknown.err;
    EXPECT_EQ(council.run({"export"}).status, 1);
    // A ledger that cannot be opened (3): an existing output stays as it was.
    const std::string output = (council.dir / "out.csv").string();
    writeAll(output, "kept\n");
    const std::string wrong = (council.dir / "wrong").string();
    writeAll(wrong, "not the passphrase\n");
    fs::permissions(wrong, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(council
                  .cli({"--ledger", council.ledger, "--passphrase-file", wrong, "export", "staff",
                        "--output", output})
                  .status,
              3);
    EXPECT_EQ(readAll(output), "kept\n");
    // An output that cannot be written (4): nothing is left behind.
    const Result nowhere = council.run(
        {"export", "staff", "--output", (council.dir / "missing" / "out.csv").string()});
    EXPECT_EQ(nowhere.status, 4);
    EXPECT_NE(nowhere.err.find("missing/out.csv"), std::string::npos) << nowhere.err;
    EXPECT_FALSE(fs::exists(council.dir / "missing"));
    const Result folder = council.run({"export", "staff", "--output", council.dir.path().string()});
    EXPECT_EQ(folder.status, 4);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(council.dir.path())) {
        ++files;
    }
    EXPECT_EQ(files, 4u); // the ledger, its passphrase, out.csv and wrong
}

TEST(CliExport, HelpSaysVoidedCompletionsAreLeftOut) {
    Cli cli;
    const Result r = cli({"export", "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("without the voided"), std::string::npos) << r.out;
}
