// The real practice-ledger-cli as a process: a crash writes no core dump, whatever
// `ulimit -c` says, Ctrl-C at the passphrase prompt gives the terminal its echo back, and
// export writes its CSV to the standard output.
#include "ledger.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
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
    ::waitpid(pid, &done.status, 0);
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
