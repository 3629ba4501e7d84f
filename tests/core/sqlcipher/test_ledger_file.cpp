// The ledger file against what people do to it: companion files copied, deleted and restored,
// programs killed at named steps, passphrase changes, read-only places, damage, file modes.
// Most tests drive the real practice-ledger-cli binary, as an administrator would.
#include "ledger.h"
#include "sqlcipher/sqlcipher_store.h"

#include "sqlcipher/ledger_file.h"
#include "sqlcipher/page_check.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <map>
#include <optional>

using namespace ledger;
using ledger::test::everyCompletion;
using ledger::test::readAll;
using ledger::test::ScratchDir;
using ledger::test::writeAll;
namespace fs = std::filesystem;

namespace {

const std::string kData = LEDGER_TEST_DATA;
/// The CLI under test; PRACTICE_LEDGER_TEST_CLI points these tests at another build (to see
/// them fail on an older program).
const std::string kCli = std::getenv("PRACTICE_LEDGER_TEST_CLI")
                             ? std::getenv("PRACTICE_LEDGER_TEST_CLI")
                             : LEDGER_CLI_BINARY;
const std::string kPass = "Larch-Otter-Pewter-19"; // strong enough for init and generate
const std::string kOtherPass = "Quince-Marmot-Ledge-42";
/// How often each kill test repeats; every run must come out right. The sanitizer build,
/// many times slower, repeats them less (the main build's 20 runs are the check).
#if defined(__SANITIZE_ADDRESS__)
constexpr int kKillRuns = 2;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kKillRuns = 2;
#else
constexpr int kKillRuns = 20;
#endif
#else
constexpr int kKillRuns = 20;
#endif

struct Outcome {
    int status = -1;     ///< exit status, or 128 + signal
    bool killed = false; ///< ended by a signal
    std::string out;
    std::string err;
};

/// Runs the CLI binary with `args` and extra environment variables; `asUser` runs it as
/// another user (uid:gid) through setpriv when the tests run as root.
Outcome cli(const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env = {},
            std::optional<std::pair<uid_t, gid_t>> asUser = std::nullopt) {
    ScratchDir outDir;
    const fs::path outFile = outDir / "out";
    const fs::path errFile = outDir / "err";
    const pid_t child = ::fork();
    if (child == 0) {
        const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::setenv("PRACTICE_LEDGER_TODAY", "2026-11-25", 1);
        ::unsetenv("PRACTICE_LEDGER_KILL_AT");
        ::unsetenv("PRACTICE_LEDGER_PASSPHRASE");
        for (const auto& [name, value] : env) {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
        std::vector<std::string> all;
        if (asUser) {
            all = {"/usr/bin/setpriv", "--reuid=" + std::to_string(asUser->first),
                   "--regid=" + std::to_string(asUser->second), "--clear-groups"};
        }
        all.push_back(kCli);
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : all) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    Outcome r;
    r.killed = WIFSIGNALED(status);
    r.status = r.killed ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    r.out = readAll(outFile);
    r.err = readAll(errFile);
    return r;
}

/// A folder with a passphrase file and a ledger path in it.
struct Place {
    ScratchDir dir;
    fs::path ledger = dir / "council.ledger";
    fs::path pass = dir / "pass";
    fs::path otherPass = dir / "other-pass";

    Place() {
        writeAll(pass, kPass + "\n");
        writeAll(otherPass, kOtherPass + "\n");
        ::chmod(pass.c_str(), 0600);
        ::chmod(otherPass.c_str(), 0600);
    }
    Outcome run(std::vector<std::string> args, const std::map<std::string, std::string>& env = {},
                const fs::path& passFile = {}) const {
        args.insert(args.begin(), {"--ledger", ledger.string(), "--passphrase-file",
                                   (passFile.empty() ? pass : passFile).string()});
        return cli(args, env);
    }
    /// Imports one of the small council's files.
    Outcome import(const std::string& kind,
                   const std::map<std::string, std::string>& env = {}) const {
        return run({"import", kind, kData + "/small-council/" + kind + ".csv"}, env);
    }
    /// The small council: staff, modules, rules, completions.
    void fill() const {
        ASSERT_EQ(run({"init"}).status, 0);
        for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
            const Outcome r = import(kind);
            ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
        }
    }
    [[nodiscard]] std::vector<std::string> besides() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir.path())) {
            const std::string name = e.path().filename().string();
            if (name != "pass" && name != "other-pass") {
                names.push_back(name);
            }
        }
        std::sort(names.begin(), names.end());
        return names;
    }
};

std::size_t completionsIn(const fs::path& ledger, const std::string& passphrase = kPass) {
    Ledger reader = Ledger::open(ledger, passphrase, true);
    return everyCompletion(reader).size();
}

std::string coverageCsv(const Place& place) {
    const Outcome r = place.run({"report", "coverage", "--as-of", "2026-11-25", "--format", "csv"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
}

/// A -wal of `ledger` itself, made as an older Practice Ledger (which kept a write-ahead
/// log) would have left it: a copy of the ledger is put in WAL mode, changed, and its -wal
/// taken while the change is still only in the log.
std::string walMadeFrom(const fs::path& ledger, const std::string& passphrase) {
    ScratchDir work;
    const fs::path copy = work / "copy.ledger";
    fs::copy_file(ledger, copy);
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(copy.c_str(), &db), SQLITE_OK);
    const std::string sql = "PRAGMA key = '" + passphrase +
                            "'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096; "
                            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                            "DELETE FROM completion;";
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    const std::string wal = readAll(copy.string() + "-wal");
    EXPECT_FALSE(wal.empty());
    sqlite3_close(db);
    return wal;
}

mode_t modeOf(const fs::path& path) {
    struct stat info {};
    ::lstat(path.c_str(), &info);
    return info.st_mode & 07777;
}

/// Keeps a ledger open read-only in another process until destroyed.
class OtherReader {
public:
    explicit OtherReader(const fs::path& ledger) {
        int toChild[2];
        int fromChild[2];
        EXPECT_EQ(::pipe(toChild), 0);
        EXPECT_EQ(::pipe(fromChild), 0);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(toChild[1]);
            ::close(fromChild[0]);
            char c = 'n';
            std::optional<Ledger> reader;
            try {
                reader.emplace(Ledger::open(ledger, kPass, true));
                (void)everyCompletion(*reader);
                c = 'y';
            } catch (...) {
            }
            (void)!::write(fromChild[1], &c, 1);
            (void)!::read(toChild[0], &c, 1); // open until the parent closes its end
            ::_exit(0);
        }
        ::close(toChild[0]);
        ::close(fromChild[1]);
        m_toChild = toChild[1];
        char c = 0;
        EXPECT_EQ(::read(fromChild[0], &c, 1), 1);
        EXPECT_EQ(c, 'y');
        ::close(fromChild[0]);
    }
    ~OtherReader() {
        ::close(m_toChild);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    OtherReader(const OtherReader&) = delete;
    OtherReader& operator=(const OtherReader&) = delete;

private:
    pid_t m_pid = -1;
    int m_toChild = -1;
};

} // namespace

// 1. A ledger is one file.

TEST(OneFile, ACommittedWriteIsInTheFileAloneEvenWhileAnotherProgramReads) {
    Place place;
    place.fill();
    const std::size_t before = completionsIn(place.ledger);
    ASSERT_GT(before, 1000u);
    {
        OtherReader reader(place.ledger);
        // The reader stays open while more is written and the writer has closed.
        const std::string more = "employee_id,module,completed_on,expires_on,evidence\n"
                                 "HW00020,LEGAL,2026-11-20,,one more\n";
        writeAll(place.dir / "more.csv", more);
        const Outcome r = place.run({"import", "completions", (place.dir / "more.csv").string()});
        ASSERT_EQ(r.status, 0) << r.err;
        // Copied alone, with nothing beside it, the file holds every committed write.
        ScratchDir elsewhere;
        fs::copy_file(place.ledger, elsewhere / "copy.ledger");
        EXPECT_EQ(completionsIn(elsewhere / "copy.ledger"), before + 1);
        EXPECT_EQ(place.besides(), (std::vector<std::string>{"council.ledger", "more.csv"}));
    }
}

TEST(OneFile, RestoringAnOlderCopyGivesExactlyThatCopyWhateverWasOpen) {
    Place place;
    ASSERT_EQ(place.run({"init"}).status, 0);
    for (const char* kind : {"staff", "modules", "requirements"}) {
        ASSERT_EQ(place.import(kind).status, 0);
    }
    const fs::path backup =
        place.dir.path().parent_path() / (place.dir.path().filename().string() + "-backup.ledger");
    fs::copy_file(place.ledger, backup);
    const std::string reportBefore = coverageCsv(place);
    {
        OtherReader reader(place.ledger); // the app left open on someone's desk
        ASSERT_EQ(place.import("completions").status, 0);
        fs::copy_file(backup, place.ledger, fs::copy_options::overwrite_existing);
    }
    fs::remove(backup);
    const Outcome check = place.run({"check"});
    EXPECT_EQ(check.status, 0) << check.err;
    EXPECT_EQ(completionsIn(place.ledger), 0u);
    EXPECT_EQ(coverageCsv(place), reportBefore);
}

TEST(OneFile, AStaleWalOfTheSameLedgerIsRefusedAndChangesNothing) {
    Place place;
    place.fill();
    const std::size_t count = completionsIn(place.ledger);
    writeAll(place.ledger.string() + "-wal", walMadeFrom(place.ledger, kPass));
    const std::string file = readAll(place.ledger);
    const std::string wal = readAll(place.ledger.string() + "-wal");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"check"},
             {"report", "coverage"},
             {"import", "staff", kData + "/small-council/staff.csv"}}) {
        const Outcome r = place.run(args);
        EXPECT_EQ(r.status, 3) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find("council.ledger-wal"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("not part of it"), std::string::npos) << r.err;
    }
    EXPECT_EQ(readAll(place.ledger), file);
    EXPECT_EQ(readAll(place.ledger.string() + "-wal"), wal);
    fs::remove(place.ledger.string() + "-wal");
    EXPECT_EQ(completionsIn(place.ledger), count); // nothing was rolled back
}

TEST(OneFile, AWalOfAnotherLedgerIsNotCalledAWrongPassphrase) {
    Place place;
    place.fill();
    Place other;
    ASSERT_EQ(other.run({"init"}).status, 0);
    writeAll(place.ledger.string() + "-wal", walMadeFrom(other.ledger, kPass));
    const std::string file = readAll(place.ledger);
    const Outcome r = place.run({"check"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err.find("passphrase is wrong"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("council.ledger-wal"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(place.ledger), file);
}

TEST(OneFile, AStrayShmIsHarmless) {
    Place place;
    place.fill();
    writeAll(place.ledger.string() + "-shm", std::string(32768, '\x5a'));
    const std::string shm = readAll(place.ledger.string() + "-shm");
    EXPECT_EQ(place.run({"check"}).status, 0);
    EXPECT_EQ(place.import("staff").status, 0);
    EXPECT_EQ(readAll(place.ledger.string() + "-shm"), shm);
}

TEST(OneFile, AWriterKilledMidWriteLeavesAJournalThatIsNeededAndCheckSaysItWasUndone) {
    Place place;
    ASSERT_EQ(place.run({"init"}).status, 0);
    for (const char* kind : {"staff", "modules", "requirements"}) {
        ASSERT_EQ(place.import(kind).status, 0);
    }
    const fs::path clean = place.dir / "clean.copy";
    fs::copy_file(place.ledger, clean);
    const std::string reportBefore = coverageCsv(place);
    // The first 400 completions of the small council.
    const std::string all = readAll(kData + "/small-council/completions.csv");
    std::size_t end = 0;
    for (int line = 0; line < 401; ++line) {
        end = all.find('\n', end) + 1;
    }
    const fs::path some = place.dir / "some.csv";
    writeAll(some, all.substr(0, end));
    for (int run = 0; run < kKillRuns; ++run) {
        fs::copy_file(clean, place.ledger, fs::copy_options::overwrite_existing);
        // A small page cache makes the writer spill changed pages into the file before it
        // commits, so that the journal is really needed to undo them.
        const Outcome killed = place.run({"import", "completions", some.string()},
                                         {{"PRACTICE_LEDGER_KILL_AT", "import-halfway"},
                                          {"PRACTICE_LEDGER_TEST_CACHE_PAGES", "8"}});
        ASSERT_TRUE(killed.killed) << killed.err;
        const fs::path journal = place.ledger.string() + "-journal";
        ASSERT_TRUE(fs::exists(journal)) << "run " << run;
        EXPECT_EQ(modeOf(journal), 0600u);
        // A wrong passphrase touches neither file.
        const std::string file = readAll(place.ledger);
        const std::string journalBytes = readAll(journal);
        EXPECT_NE(file, readAll(clean)) << "the killed writer changed the file itself";
        EXPECT_EQ(place.run({"check"}, {}, place.otherPass).status, 3);
        EXPECT_EQ(readAll(place.ledger), file);
        EXPECT_EQ(readAll(journal), journalBytes);
        // The right one undoes the half-done import, and says so.
        const Outcome check = place.run({"check"});
        EXPECT_EQ(check.status, 0) << check.err;
        EXPECT_NE(check.out.find("stopped part-way"), std::string::npos) << check.out;
        EXPECT_NE(check.out.find("integrity ok"), std::string::npos) << check.out;
        EXPECT_FALSE(fs::exists(journal));
        EXPECT_EQ(completionsIn(place.ledger), 0u);
        EXPECT_EQ(coverageCsv(place), reportBefore);
    }
}

TEST(OneFile, AJournalOfAnotherLedgerIsRefusedAndLeftAlone) {
    Place place;
    place.fill();
    Place other;
    ASSERT_EQ(other.run({"init"}).status, 0);
    for (const char* kind : {"staff", "modules", "requirements"}) {
        ASSERT_EQ(other.import(kind).status, 0);
    }
    ASSERT_TRUE(other
                    .import("completions", {{"PRACTICE_LEDGER_KILL_AT", "import-halfway"},
                                            {"PRACTICE_LEDGER_TEST_CACHE_PAGES", "8"}})
                    .killed);
    fs::copy_file(other.ledger.string() + "-journal", place.ledger.string() + "-journal");
    const std::string file = readAll(place.ledger);
    const std::string journal = readAll(place.ledger.string() + "-journal");
    const Outcome r = place.run({"report", "coverage"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("council.ledger-journal"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(place.ledger), file);
    EXPECT_EQ(readAll(place.ledger.string() + "-journal"), journal);
}

TEST(OneFile, ANewerLedgersJournalBesideARestoredSmallerCopyIsRefused) {
    Place place;
    ASSERT_EQ(place.run({"init"}).status, 0);
    // (Taken before the staff: an import is one change-log entry, so the modules and
    // requirements alone may fit the pages the ledger already has.)
    const fs::path backup = place.dir / "backup.copy";
    fs::copy_file(place.ledger, backup);
    ASSERT_EQ(place.import("staff").status, 0);
    for (const char* kind : {"modules", "requirements"}) {
        ASSERT_EQ(place.import(kind).status, 0);
    }
    // The ledger grew; a writer is killed part-way; a backup copy is put back in its place.
    ASSERT_TRUE(place
                    .import("completions", {{"PRACTICE_LEDGER_KILL_AT", "import-halfway"},
                                            {"PRACTICE_LEDGER_TEST_CACHE_PAGES", "8"}})
                    .killed);
    fs::copy_file(backup, place.ledger, fs::copy_options::overwrite_existing);
    const std::string file = readAll(place.ledger);
    const Outcome r = place.run({"check"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("another copy"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(place.ledger), file);
}

// 2. Changing the passphrase leaves nothing under the old key.

TEST(PassphraseChange, NoPageOfTheLedgerIsUnderTheOldPassphraseAfterwards) {
    Place place;
    place.fill();
    const std::string reportBefore = coverageCsv(place);
    writeAll(place.dir / "new-pass", kOtherPass + "\n");
    const Outcome r = place.run(
        {"passphrase", "change", "--new-passphrase-file", (place.dir / "new-pass").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    fs::remove(place.dir / "new-pass");
    EXPECT_EQ(place.besides(), std::vector<std::string>{"council.ledger"});
    const auto file = LedgerFile::join(place.ledger);
    std::array<char, kSaltSize> salt{};
    file->read(0, salt);
    const LedgerKeys old = deriveKeys(kPass, std::string_view(salt.data(), salt.size()));
    const std::uint64_t pages = file->size() / kLedgerPageSize;
    EXPECT_EQ(pagesFailingIntegrity(*file, old).size(), pages);
    const LedgerKeys next = deriveKeys(kOtherPass, std::string_view(salt.data(), salt.size()));
    EXPECT_TRUE(pagesFailingIntegrity(*file, next).empty());
    EXPECT_EQ(place.run({"check"}).status, 3);
    EXPECT_EQ(place.run({"check"}, {}, place.otherPass).status, 0);
    const Outcome after = place.run(
        {"report", "coverage", "--as-of", "2026-11-25", "--format", "csv"}, {}, place.otherPass);
    EXPECT_EQ(after.out, reportBefore);
}

TEST(PassphraseChange, IsRefusedWhileAnotherProgramHasTheLedgerOpen) {
    Place place;
    place.fill();
    writeAll(place.dir / "new-pass", kOtherPass + "\n");
    const std::string file = readAll(place.ledger);
    {
        OtherReader reader(place.ledger);
        const Outcome r = place.run(
            {"passphrase", "change", "--new-passphrase-file", (place.dir / "new-pass").string()});
        EXPECT_EQ(r.status, 4);
        EXPECT_NE(r.err.find("open in another program"), std::string::npos) << r.err;
    }
    EXPECT_EQ(readAll(place.ledger), file);
    EXPECT_EQ(place.run({"check"}).status, 0);
}

TEST(PassphraseChange, AKillAtAnyStepLeavesALedgerThatOpensWithExactlyOneOfTheTwo) {
    Place place;
    place.fill();
    const fs::path clean = place.dir / "clean.copy";
    fs::copy_file(place.ledger, clean);
    writeAll(place.dir / "new-pass", kOtherPass + "\n");
    const std::vector<std::pair<std::string, bool>> steps{{"passphrase-exporting", false},
                                                          {"passphrase-exported", false},
                                                          {"passphrase-before-rename", false},
                                                          {"passphrase-renamed", true}};
    for (int run = 0; run < kKillRuns; ++run) {
        const auto& [step, changed] = steps[static_cast<std::size_t>(run) % steps.size()];
        fs::copy_file(clean, place.ledger, fs::copy_options::overwrite_existing);
        const Outcome r = place.run(
            {"passphrase", "change", "--new-passphrase-file", (place.dir / "new-pass").string()},
            {{"PRACTICE_LEDGER_KILL_AT", step}});
        ASSERT_TRUE(r.killed) << step << ": " << r.err;
        // The ledger file alone, copied elsewhere, opens with exactly one of the two.
        ScratchDir elsewhere;
        fs::copy_file(place.ledger, elsewhere / "alone.ledger");
        int opened = 0;
        for (const std::string& passphrase : {kPass, kOtherPass}) {
            try {
                EXPECT_GT(completionsIn(elsewhere / "alone.ledger", passphrase), 1000u);
                EXPECT_EQ(passphrase == kOtherPass, changed) << step;
                ++opened;
            } catch (const WrongPassphrase&) {
            }
        }
        EXPECT_EQ(opened, 1) << step;
    }
}

TEST(BackupCommand, AKillAtAnyStepLeavesNoBackupOrAWholeOneAndTheLedgerAsItWas) {
    Place place;
    place.fill();
    const std::string ledgerBytes = readAll(place.ledger);
    const fs::path backup = place.dir / "backup.ledger";
    const std::vector<std::pair<std::string, bool>> steps{{"backup-copying", false},
                                                          {"backup-copied", false},
                                                          {"backup-verified", false},
                                                          {"backup-before-link", false},
                                                          {"backup-linked", true}};
    for (int run = 0; run < kKillRuns; ++run) {
        const auto& [step, whole] = steps[static_cast<std::size_t>(run) % steps.size()];
        fs::remove(backup);
        const Outcome r =
            place.run({"backup", backup.string()}, {{"PRACTICE_LEDGER_KILL_AT", step}});
        ASSERT_TRUE(r.killed) << step << ": " << r.err;
        ASSERT_EQ(fs::exists(backup), whole) << step;
        if (whole) {
            EXPECT_GT(completionsIn(backup), 1000u) << step;
        }
        EXPECT_EQ(readAll(place.ledger), ledgerBytes) << step;
    }
    // The next backup removes what the killed ones left beside their target.
    fs::remove(backup);
    const Outcome r = place.run({"backup", backup.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    for (const auto& entry : fs::directory_iterator(place.dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".creating-"), std::string::npos)
            << entry.path();
    }
    EXPECT_EQ(completionsIn(backup), completionsIn(place.ledger));
}

TEST(PassphraseChange, ListsTheBackupCopiesStillUnderTheOldPassphrase) {
    Place place;
    place.fill();
    // A backup made as the upgrade makes them: a byte copy of the ledger.
    fs::copy_file(place.ledger, place.ledger.string() + ".v2.bak");
    writeAll(place.dir / "new-pass", kOtherPass + "\n");
    const Outcome r = place.run(
        {"passphrase", "change", "--new-passphrase-file", (place.dir / "new-pass").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("still under the old passphrase"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("council.ledger.v2.bak"), std::string::npos) << r.out;
}

// 3. Creating is atomic.

TEST(Creating, AKilledInitOrGenerateLeavesNoLedgerAndTheNextRunTidiesUp) {
    Place place;
    for (int run = 0; run < kKillRuns; ++run) {
        const bool generate = run % 2 == 1;
        const Outcome killed =
            generate ? place.run({"generate", "--staff", "60", "--teams", "3", "--modules", "6"},
                                 {{"PRACTICE_LEDGER_KILL_AT", "generate-halfway"}})
                     : place.run({"init"}, {{"PRACTICE_LEDGER_KILL_AT", "create-before-link"}});
        ASSERT_TRUE(killed.killed) << killed.err;
        EXPECT_FALSE(fs::exists(fs::symlink_status(place.ledger))) << "run " << run;
    }
    const Outcome init = place.run({"init"});
    ASSERT_EQ(init.status, 0) << init.err;
    EXPECT_EQ(place.besides(), std::vector<std::string>{"council.ledger"});
    EXPECT_EQ(place.run({"check"}).status, 0);
}

TEST(Creating, AKillAfterTheLedgerIsInPlaceLeavesAWholeLedger) {
    Place place;
    const Outcome killed = place.run({"init"}, {{"PRACTICE_LEDGER_KILL_AT", "create-linked"}});
    ASSERT_TRUE(killed.killed);
    EXPECT_EQ(place.run({"check"}).status, 0);
    ASSERT_EQ(place.import("staff").status, 0); // the writer tidies the dead build away
    EXPECT_EQ(place.besides(), std::vector<std::string>{"council.ledger"});
}

// 4. Backups never overwrite.

TEST(Backups, AnUpgradeBackupNeverFollowsALinkNorOverwritesAndIsPrivate) {
    Place place;
    ASSERT_EQ(place.run({"init"}).status, 0);
    // Make it a schema 2 ledger again, as an older program left it.
    {
        fs::remove(place.ledger);
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(place.ledger.c_str(), &db), SQLITE_OK);
        const std::string sql = "PRAGMA key = '" + kPass +
                                "'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096; "
                                "PRAGMA application_id = " +
                                std::to_string(SqlCipherStore::kApplicationId) + "; BEGIN;" +
                                std::string(SqlCipherStore::schemaStep(1)) +
                                std::string(SqlCipherStore::schemaStep(2)) +
                                "PRAGMA user_version = 2; COMMIT;";
        ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    const fs::path victim = place.dir / "victim.txt";
    writeAll(victim, "not yours\n");
    fs::create_symlink(victim, place.ledger.string() + ".v2.bak");
    writeAll(place.ledger.string() + ".v2.1.bak", "an older backup\n");
    ::umask(0);
    Ledger upgraded = Ledger::open(place.ledger, kPass);
    ::umask(022);
    EXPECT_EQ(upgraded.schemaVersion(), SqlCipherStore::kSchemaVersion);
    EXPECT_EQ(readAll(victim), "not yours\n");
    EXPECT_EQ(readAll(place.ledger.string() + ".v2.1.bak"), "an older backup\n");
    const fs::path made = place.ledger.string() + ".v2.2.bak";
    ASSERT_EQ(upgraded.backupsMade(), std::vector<fs::path>{made});
    EXPECT_EQ(modeOf(made), 0600u);
    EXPECT_GT(fs::file_size(made), 0u);
}

// 5. Read-only places work.

namespace {

/// The user the read-only tests run the CLI as: themselves, or "nobody" under root (root
/// ignores file modes).
std::optional<std::pair<uid_t, gid_t>> unprivileged() {
    if (::geteuid() != 0) {
        return std::nullopt;
    }
    return std::make_pair(uid_t{65534}, gid_t{65534});
}

void giveTo(const fs::path& path, const std::optional<std::pair<uid_t, gid_t>>& user) {
    if (user) {
        ASSERT_EQ(::chown(path.c_str(), user->first, user->second), 0);
    }
}

} // namespace

TEST(ReadOnly, AReadOnlyLedgerOrFolderOpensForReportsAndChecksAndLeavesNothing) {
    const auto user = unprivileged();
    for (const bool readOnlyFolder : {false, true}) {
        Place place;
        place.fill();
        const std::string expected = coverageCsv(place);
        fs::permissions(place.dir.path(), fs::perms(0755));
        giveTo(place.ledger, user);
        giveTo(place.pass, user);
        if (readOnlyFolder) {
            fs::permissions(place.dir.path(), fs::perms(0555));
        } else {
            giveTo(place.dir.path(), user);
            ::chmod(place.ledger.c_str(), 0444);
        }
        const auto run = [&](std::vector<std::string> args) {
            args.insert(args.begin(), {"--ledger", place.ledger.string(), "--passphrase-file",
                                       place.pass.string()});
            return cli(args, {}, user);
        };
        for (int twice = 0; twice < 2; ++twice) {
            const Outcome check = run({"check"});
            EXPECT_EQ(check.status, 0) << readOnlyFolder << ": " << check.err;
            const Outcome report =
                run({"report", "coverage", "--as-of", "2026-11-25", "--format", "csv"});
            EXPECT_EQ(report.status, 0) << report.err;
            EXPECT_EQ(report.out, expected);
        }
        const Outcome import = run({"import", "staff", kData + "/small-council/staff.csv"});
        EXPECT_EQ(import.status, 4);
        EXPECT_NE(import.err.find("read-only"), std::string::npos) << import.err;
        EXPECT_EQ(place.besides(), std::vector<std::string>{"council.ledger"});
        fs::permissions(place.dir.path(), fs::perms(0755));
    }
}

// 6. Damage says so.

TEST(Damage, ABitFlipIsReportedAsDamageWithItsPageAndTheRemedy) {
    Place place;
    place.fill();
    const std::uintmax_t size = fs::file_size(place.ledger);
    const std::uintmax_t pages = size / kLedgerPageSize;
    const std::uintmax_t page = pages / 2; // 0-based
    std::string bytes = readAll(place.ledger);
    bytes[page * kLedgerPageSize + 100] =
        static_cast<char>(bytes[page * kLedgerPageSize + 100] ^ 0x10);
    writeAll(place.ledger, bytes);
    const Outcome r = place.run({"check"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("is damaged"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("page " + std::to_string(page + 1) + " (bytes " +
                         std::to_string(page * kLedgerPageSize)),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("Restore the latest backup"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(place.ledger), bytes);
}

// 7. Secrets at rest: files readable by their owner only.

TEST(FileModes, LedgersAndJournalsAreOwnerOnlyWhateverTheUmask) {
    Place place;
    const mode_t saved = ::umask(0);
    const Outcome init = place.run({"init"});
    ::umask(saved);
    ASSERT_EQ(init.status, 0) << init.err;
    EXPECT_EQ(modeOf(place.ledger), 0600u);
    ASSERT_TRUE(place.import("staff", {{"PRACTICE_LEDGER_KILL_AT", "import-halfway"}}).killed);
    ASSERT_TRUE(fs::exists(place.ledger.string() + "-journal"));
    EXPECT_EQ(modeOf(place.ledger.string() + "-journal"), 0600u);
}
