// The real practice-ledger-cli as a process: Ctrl-C at the passphrase prompt gives the
// terminal its echo back.
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
