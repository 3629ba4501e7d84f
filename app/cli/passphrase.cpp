#include "passphrase.h"

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ledger::cli {

namespace {

// What a signal handler needs to give the terminal its echo back; set only while a prompt
// waits, read only by the handler.
volatile std::sig_atomic_t g_promptTty = -1;
termios g_promptSaved{};

constexpr std::array<int, 4> kPromptSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void restoreEchoAndDie(int signal) {
    // Only async-signal-safe calls: put the saved settings back, then die of the same signal
    // (SA_RESETHAND made its action the default again; it is delivered once we return).
    if (g_promptTty >= 0) {
        ::tcsetattr(g_promptTty, TCSANOW, &g_promptSaved);
    }
    ::raise(signal);
}

/// While it lives, Ctrl-C (and SIGTERM, SIGHUP, SIGQUIT) at the prompt restores the
/// terminal's settings before the process dies of the signal as usual.
class EchoGuard {
public:
    EchoGuard(int fd, const termios& saved) {
        g_promptSaved = saved;
        std::atomic_signal_fence(std::memory_order_seq_cst); // settings before the descriptor
        g_promptTty = fd;
        for (std::size_t i = 0; i < kPromptSignals.size(); ++i) {
            struct sigaction action {};
            action.sa_handler = restoreEchoAndDie;
            action.sa_flags = static_cast<int>(SA_RESETHAND);
            sigemptyset(&action.sa_mask);
            for (const int other : kPromptSignals) {
                sigaddset(&action.sa_mask, other);
            }
            m_installed[i] = ::sigaction(kPromptSignals[i], nullptr, &m_previous[i]) == 0 &&
                             m_previous[i].sa_handler != SIG_IGN && // ignored stays ignored
                             ::sigaction(kPromptSignals[i], &action, nullptr) == 0;
        }
    }
    ~EchoGuard() {
        for (std::size_t i = 0; i < kPromptSignals.size(); ++i) {
            if (m_installed[i]) {
                ::sigaction(kPromptSignals[i], &m_previous[i], nullptr);
            }
        }
        g_promptTty = -1;
    }
    EchoGuard(const EchoGuard&) = delete;
    EchoGuard& operator=(const EchoGuard&) = delete;

private:
    std::array<struct sigaction, kPromptSignals.size()> m_previous{};
    std::array<bool, kPromptSignals.size()> m_installed{};
};

} // namespace

std::string readPassphraseFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read the passphrase file " + path.string());
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.ends_with("\r\n")) {
        text.resize(text.size() - 2);
    } else if (text.ends_with('\n')) {
        text.pop_back();
    }
    return text;
}

std::optional<std::string> promptPassphrase(const std::string& prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    termios saved{};
    if (::tcgetattr(fd, &saved) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    std::string line;
    {
        const EchoGuard guard(fd, saved);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
        (void)!::write(fd, prompt.data(), prompt.size());
        char c = 0;
        while (::read(fd, &c, 1) == 1 && c != '\n') {
            line.push_back(c);
        }
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    }
    ::close(fd);
    if (line.ends_with('\r')) {
        line.pop_back();
    }
    return line;
}

} // namespace ledger::cli
