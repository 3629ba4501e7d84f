// The real practice-ledger-cli as a process: a crash writes no core dump, whatever
// `ulimit -c` says, Ctrl-C at the passphrase prompt gives the terminal its echo back, and
// export writes its CSV to the standard output.
#include "archive/ledger_archive.h"
#include "demo/demo_ledger.h"
#include "ledger.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using ledger::test::ScratchDir;

namespace {

/// argv and envp built before fork, so that the child only makes async-signal-safe calls.
struct Command {
    std::vector<std::string> args;
    std::vector<std::string> env;

    [[nodiscard]] static std::vector<char*> pointers(std::vector<std::string>& strings) {
        std::vector<char*> out;
        for (std::string& s : strings) {
            out.push_back(s.data());
        }
        out.push_back(nullptr);
        return out;
    }
};

/// The environment of this process without the variables that would change what the CLI
/// does, plus `extra`.
std::vector<std::string> environmentWith(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        if (!entry.starts_with("PRACTICE_LEDGER_")) {
            env.push_back(entry);
        }
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

/// Reads what the child wrote to the terminal until `wanted` shows or 20 s pass.
bool waitForOutput(int master, const std::string& wanted, std::string& seen) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (seen.find(wanted) == std::string::npos) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char buffer[256];
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n > 0) {
                seen.append(buffer, static_cast<std::size_t>(n));
            }
        }
    }
    return true;
}

/// The terminal's two ends, and the child on it, cleaned up however the test ends.
struct Terminal {
    int master = -1;
    int slave = -1;
    pid_t child = -1;
    Terminal() = default;
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;
    ~Terminal() {
        if (child > 0) {
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
        }
        ::close(slave);
        ::close(master);
    }
};

bool echoOn(int tty) {
    termios t{};
    return ::tcgetattr(tty, &t) == 0 && (t.c_lflag & ECHO) != 0;
}

} // namespace

TEST(CliProcess, CtrlCAtThePassphrasePromptRestoresTheTerminalsEcho) {
    ScratchDir dir;
    Terminal tty;
    ASSERT_EQ(::openpty(&tty.master, &tty.slave, nullptr, nullptr, nullptr), 0);
    const int master = tty.master;
    const int slave = tty.slave;
    termios initial{};
    ASSERT_EQ(::tcgetattr(slave, &initial), 0);
    initial.c_lflag |= ECHO | ICANON | ISIG;
    initial.c_cc[VINTR] = 0x03; // ^C
    ASSERT_EQ(::tcsetattr(slave, TCSANOW, &initial), 0);

    Command command{{LEDGER_CLI_BINARY, "--ledger", (dir / "council.ledger").string(), "check"},
                    environmentWith({})};
    std::vector<char*> argv = Command::pointers(command.args);
    std::vector<char*> envp = Command::pointers(command.env);
    tty.child = ::fork();
    const pid_t pid = tty.child;
    if (pid == 0) {
        // A new session with the terminal as its controlling terminal, as a shell gives it.
        ::setsid();
        ::ioctl(slave, TIOCSCTTY, 0);
        ::dup2(slave, 0);
        ::dup2(slave, 1);
        ::dup2(slave, 2);
        ::close(master);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    // The test keeps its own descriptor of the terminal, as the shell would, so that the
    // settings the CLI leaves behind stay there to be read.
    std::string seen;
    ASSERT_TRUE(waitForOutput(master, "Passphrase for ", seen)) << seen;
    // The prompt turns echo off...
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (echoOn(slave) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_FALSE(echoOn(slave));
    // ... and Ctrl-C, typed at the terminal, ends the CLI with SIGINT as usual.
    ASSERT_EQ(::write(master, "\x03", 1), 1);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    tty.child = -1;
    EXPECT_TRUE(WIFSIGNALED(status)) << "status " << status;
    EXPECT_EQ(WTERMSIG(status), SIGINT);
    EXPECT_TRUE(echoOn(slave)) << "the terminal was left without echo";
}

// No core dumps (issue 6, item 9).

namespace {

/// Runs `command` in `dir` with RLIMIT_CORE raised as far as it goes (as after
/// `ulimit -c unlimited`); returns its wait status.
int runWithCoreDumpsAllowed(Command command, const std::filesystem::path& dir) {
    std::vector<char*> argv = Command::pointers(command.args);
    std::vector<char*> envp = Command::pointers(command.env);
    const std::string cwd = dir.string();
    const pid_t pid = ::fork();
    if (pid == 0) {
        rlimit limit{};
        ::getrlimit(RLIMIT_CORE, &limit);
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_CORE, &limit);
        if (::chdir(cwd.c_str()) != 0) {
            ::_exit(120);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

bool hasCoreFile(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().starts_with("core")) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST(CliProcess, ACrashWritesNoCoreDumpEvenUnderUlimitCUnlimited) {
    ScratchDir dir;
    // First make sure this machine would write one: a shell killing itself with SIGSEGV.
    const int control = runWithCoreDumpsAllowed(
        {{"/bin/sh", "-c", "kill -SEGV $$"}, environmentWith({})}, dir.path());
    ASSERT_TRUE(WIFSIGNALED(control));
    if (!WCOREDUMP(control)) {
        GTEST_SKIP() << "this machine writes no core dumps (see /proc/sys/kernel/core_pattern "
                        "and the hard RLIMIT_CORE), so there is nothing to prove here";
    }
    std::filesystem::remove_all(dir.path());
    std::filesystem::create_directories(dir.path());

    const int status =
        runWithCoreDumpsAllowed({{LEDGER_CLI_BINARY, "--ledger", (dir / "l").string(), "check"},
                                 environmentWith({"PRACTICE_LEDGER_KILL_AT=cli-started:segv"})},
                                dir.path());
    ASSERT_TRUE(WIFSIGNALED(status)) << "status " << status;
    EXPECT_EQ(WTERMSIG(status), SIGSEGV);
    EXPECT_FALSE(WCOREDUMP(status));
    EXPECT_FALSE(hasCoreFile(dir.path()));
}

// export through the real program: the CSV on its standard output, exit statuses.

namespace {

struct Finished {
    int status = -1; ///< the wait status
    std::string out;
    std::string err;
    long peakKiB = 0; ///< the child's peak resident memory
};

/// Runs `command` with its standard output and error in files under `dir`.
Finished runCapturing(Command command, const std::filesystem::path& dir) {
    std::vector<char*> argv = Command::pointers(command.args);
    std::vector<char*> envp = Command::pointers(command.env);
    const std::string outPath = (dir / "stdout").string();
    const std::string errPath = (dir / "stderr").string();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0) {
            ::_exit(120);
        }
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    Finished done;
    rusage usage{};
    ::wait4(pid, &done.status, 0, &usage);
    done.peakKiB = usage.ru_maxrss;
    done.out = ledger::test::readAll(outPath);
    done.err = ledger::test::readAll(errPath);
    return done;
}

} // namespace

TEST(CliProcess, ExportWritesTheCsvToTheStandardOutputAndRefusesUnknownKinds) {
    ScratchDir dir;
    const std::string ledgerPath = (dir / "council.ledger").string();
    {
        ledger::Ledger created = ledger::Ledger::create(ledgerPath, "kestrel marmalade orbit", "t");
        created.imports().csv(ledger::ImportKind::Modules, "m.csv",
                              "code,title,renewal_months,renewal_basis,window_days,"
                              "due_soon_days,asc_wds_category\n"
                              "MCA,Mental Capacity Act,36,,,,14\n"
                              "=ED,\"Equality, diversity\",none,,,,\n",
                              ledger::makeDate(2026, 11, 25), false, "t");
    }
    const auto env = environmentWith({"PRACTICE_LEDGER_PASSPHRASE=kestrel marmalade orbit"});
    const Finished ok = runCapturing(
        {{LEDGER_CLI_BINARY, "--ledger", ledgerPath, "export", "modules"}, env}, dir.path());
    ASSERT_TRUE(WIFEXITED(ok.status)) << ok.status;
    EXPECT_EQ(WEXITSTATUS(ok.status), 0) << ok.err;
    EXPECT_EQ(ok.out, "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                      "asc_wds_category,asc_wds_accredited,asc_wds_who_delivered,"
                      "asc_wds_provider,asc_wds_how_delivered\n"
                      "'=ED,\"Equality, diversity\",none,completion,90,60,,,,,\n"
                      "MCA,Mental Capacity Act,36,completion,90,60,14,,,,\n");
    EXPECT_EQ(ok.err, "");

    const Finished unknown = runCapturing(
        {{LEDGER_CLI_BINARY, "--ledger", ledgerPath, "export", "teams"}, env}, dir.path());
    ASSERT_TRUE(WIFEXITED(unknown.status)) << unknown.status;
    EXPECT_EQ(WEXITSTATUS(unknown.status), 1);
    EXPECT_EQ(unknown.out, "");
    EXPECT_NE(unknown.err.find("teams"), std::string::npos) << unknown.err;
}

// A restore killed at any of its named steps (as a power cut would) leaves no ledger at all,
// never a partial one: 20 runs out of 20. A later restore then makes the ledger whole, and
// clears what the killed runs left beside it.
TEST(CliProcess, AnArchiveImportKilledAtAnyStepLeavesNoLedger) {
    ScratchDir dir;
    const auto archive = dir / "council.plarchive";
    {
        ledger::GeneratorOptions options;
        options.staff = 48;
        options.teams = 6;
        options.years = 2;
        options.today = ledger::makeDate(2026, 11, 25);
        ledger::Ledger source = ledger::Ledger::create(
            dir / "source.ledger", "kestrel marmalade orbit", "t",
            [&](ledger::Ledger& l) { (void)ledger::fillDemoLedger(l, options, "demo"); });
        ASSERT_GT(source.exportArchive(archive, "an archive passphrase 2026"), 1000u);
    }
    const std::string target = (dir / "restored.ledger").string();
    const std::vector<const char*> steps{"archive-import-begin", "archive-import-rows",
                                         "archive-import-before-commit", "archive-import-committed",
                                         "archive-import-before-publish"};
    for (int run = 0; run < 20; ++run) {
        const char* step = steps[static_cast<std::size_t>(run) % steps.size()];
        const Finished killed = runCapturing(
            {{LEDGER_CLI_BINARY, "--ledger", target, "archive", "import", archive.string()},
             environmentWith({"PRACTICE_LEDGER_PASSPHRASE=kestrel marmalade orbit",
                              "PRACTICE_LEDGER_ARCHIVE_PASSPHRASE=an archive passphrase 2026",
                              std::string("PRACTICE_LEDGER_KILL_AT=") + step})},
            dir.path());
        ASSERT_TRUE(WIFSIGNALED(killed.status)) << step << ": " << killed.err;
        EXPECT_EQ(WTERMSIG(killed.status), SIGKILL) << step;
        EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(target)))
            << "run " << run << " at " << step;
    }
    const Finished restored = runCapturing(
        {{LEDGER_CLI_BINARY, "--ledger", target, "archive", "import", archive.string()},
         environmentWith({"PRACTICE_LEDGER_PASSPHRASE=kestrel marmalade orbit",
                          "PRACTICE_LEDGER_ARCHIVE_PASSPHRASE=an archive passphrase 2026"})},
        dir.path());
    ASSERT_TRUE(WIFEXITED(restored.status));
    EXPECT_EQ(WEXITSTATUS(restored.status), 0) << restored.err;
    std::vector<std::string> besides;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        besides.push_back(entry.path().filename().string());
    }
    std::sort(besides.begin(), besides.end());
    EXPECT_EQ(besides, (std::vector<std::string>{"council.plarchive", "restored.ledger",
                                                 "source.ledger", "stderr", "stdout"}));
    EXPECT_EQ(ledger::Ledger::open(target, "kestrel marmalade orbit", true).check(),
              std::vector<std::string>{});
}

// A corpus of hand-made hostile archives: each is refused with its own clear message and the
// exit status of the CLI's contract (2; the wrong passphrase 3), makes no ledger, and stays
// under 250 MB of memory at its peak.
TEST(CliProcess, HostileArchivesAreRefusedClearlyInBoundedMemory) {
    namespace archive = ledger::archive;
    ScratchDir dir;
    const std::string passphrase = "an archive passphrase 2026";
    const auto good = dir / "good.plarchive";
    {
        ledger::GeneratorOptions options;
        options.staff = 36;
        options.teams = 6;
        options.years = 1;
        options.today = ledger::makeDate(2026, 11, 25);
        ledger::Ledger source = ledger::Ledger::create(
            dir / "source.ledger", "kestrel marmalade orbit", "t",
            [&](ledger::Ledger& l) { (void)ledger::fillDemoLedger(l, options, "demo"); });
        (void)source.exportArchive(good, passphrase);
    }
    const std::string bytes = ledger::test::readAll(good.string());
    ASSERT_GT(bytes.size(), 3u * 65536u); // several chunks

    std::vector<std::pair<std::string, std::string>> corpus; // name, bytes
    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{7}, std::size_t{100}, archive::kHeaderSize,
          archive::kHeaderSize + 3, std::size_t{70000}, bytes.size() / 2, bytes.size() - 17,
          bytes.size() - 1}) {
        corpus.emplace_back("cut at " + std::to_string(keep), bytes.substr(0, keep));
    }
    for (const std::size_t at :
         {std::size_t{9}, std::size_t{20}, std::size_t{40}, std::size_t{60}, std::size_t{100},
          std::size_t{140}, archive::kHeaderSize + 1, bytes.size() / 3, bytes.size() - 5}) {
        std::string flipped = bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
        corpus.emplace_back("bit flipped at " + std::to_string(at), flipped);
    }
    // The first two chunks swapped, and the second dropped.
    {
        const auto chunkAt = [&](std::size_t offset) {
            std::uint32_t length = 0;
            for (std::size_t i = 0; i < 4; ++i) {
                length |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + i]))
                          << (8 * i);
            }
            return std::pair{offset, 4 + static_cast<std::size_t>(length)};
        };
        const auto first = chunkAt(archive::kHeaderSize);
        const auto second = chunkAt(first.first + first.second);
        const std::string header = bytes.substr(0, archive::kHeaderSize);
        const std::string a = bytes.substr(first.first, first.second);
        const std::string b = bytes.substr(second.first, second.second);
        const std::string rest = bytes.substr(second.first + second.second);
        corpus.emplace_back("chunks swapped", header + b + a + rest);
        corpus.emplace_back("a chunk dropped", header + a + rest);
    }
    // Authentic seals around hostile payloads: a value claiming 2^40 bytes, one claiming 60 MiB
    // with nothing behind it, and a payload that is not one.
    {
        std::ostringstream out;
        archive::ArchiveInfo info;
        info.kind = "ledger";
        info.schemaVersion = 12;
        info.writtenBy = "hostile";
        {
            archive::PayloadWriter writer(out, info);
            writer.beginTable(ledger::TableColumns{"team", {"id", "name"}});
            writer.row({std::string("1"), std::string("MARKERVALUE")});
            writer.endTable();
            writer.finish();
        }
        const std::string payload = out.str();
        const std::size_t at = payload.find("MARKERVALUE");
        for (const std::uint64_t length : {std::uint64_t{1} << 40, std::uint64_t{60} << 20}) {
            std::string hostile = payload;
            for (std::size_t i = 0; i < 8; ++i) {
                hostile[at - 8 + i] = static_cast<char>(length >> (8 * i));
            }
            corpus.emplace_back("a value of " + std::to_string(length) + " bytes",
                                archive::seal(hostile, passphrase, archive::minimumKdfCost()));
        }
        corpus.emplace_back(
            "a payload that is not one",
            archive::seal(std::string(5000, '\xff'), passphrase, archive::minimumKdfCost()));
    }
    corpus.emplace_back("a text file", "employee_id,full_name\nHW1,Ann Example\n");

    const std::string target = (dir / "restored.ledger").string();
    const auto run = [&](const std::string& archiveBytes, const std::string& secret) {
        {
            std::ofstream(dir / "hostile.plarchive", std::ios::binary | std::ios::trunc)
                << archiveBytes;
        }
        return runCapturing({{LEDGER_CLI_BINARY, "--ledger", target, "archive", "import",
                              (dir / "hostile.plarchive").string()},
                             environmentWith({"PRACTICE_LEDGER_PASSPHRASE=kestrel marmalade orbit",
                                              "PRACTICE_LEDGER_ARCHIVE_PASSPHRASE=" + secret})},
                            dir.path());
    };
#if defined(__SANITIZE_ADDRESS__)
    constexpr bool measured = false; // AddressSanitizer's own quarantine holds freed memory
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    constexpr bool measured = false;
#else
    constexpr bool measured = true;
#endif
#else
    constexpr bool measured = true;
#endif
    std::set<std::string> messages;
    long highest = 0;
    for (const auto& [name, archiveBytes] : corpus) {
        const Finished f = run(archiveBytes, passphrase);
        ASSERT_TRUE(WIFEXITED(f.status)) << name << ": " << f.status;
        EXPECT_EQ(WEXITSTATUS(f.status), 2) << name << ": " << f.err;
        EXPECT_EQ(f.err.rfind("practice-ledger-cli: ", 0), 0u) << name << ": " << f.err;
        EXPECT_EQ(f.out, "") << name;
        if (measured) {
            EXPECT_LT(f.peakKiB, 250 * 1024) << name << ": " << f.peakKiB << " KiB";
        }
        EXPECT_FALSE(std::filesystem::exists(target)) << name;
        messages.insert(f.err);
        highest = std::max(highest, f.peakKiB);
    }
    RecordProperty("highest_peak_kib", static_cast<int>(highest));
    EXPECT_GE(messages.size(), 6u); // each kind of damage says what it is
    const Finished wrong = run(bytes, "not the archive passphrase");
    ASSERT_TRUE(WIFEXITED(wrong.status));
    EXPECT_EQ(WEXITSTATUS(wrong.status), 3);
    EXPECT_EQ(wrong.err, "practice-ledger-cli: wrong archive passphrase\n");
    EXPECT_FALSE(std::filesystem::exists(target));
}
