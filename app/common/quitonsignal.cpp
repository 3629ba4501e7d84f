#include "common/quitonsignal.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <array>
#include <cerrno>
#include <csignal>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr std::array<int, 3> kSignals{SIGTERM, SIGHUP, SIGINT};
std::array<int, 2> g_pipe{-1, -1};
std::array<struct sigaction, kSignals.size()> g_previous{};
std::array<bool, kSignals.size()> g_installed{};

void writeToPipe(int signal) {
    const int saved = errno;
    const auto byte = static_cast<unsigned char>(signal);
    (void)!::write(g_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

QuitOnSignal::QuitOnSignal(QObject* parent) : QObject(parent) {
    if (g_pipe[0] >= 0) {
        throw std::logic_error("QuitOnSignal: one per process");
    }
    if (::pipe2(g_pipe.data(), O_CLOEXEC | O_NONBLOCK) != 0) {
        throw std::runtime_error("QuitOnSignal: cannot make a pipe");
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitOnSignal::readPipe);
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        struct sigaction action {};
        action.sa_handler = writeToPipe;
        action.sa_flags = static_cast<int>(SA_RESTART | SA_RESETHAND); // the second one kills
        sigemptyset(&action.sa_mask);
        // A signal ignored when we started (nohup, say) stays ignored.
        g_installed[i] = ::sigaction(kSignals[i], nullptr, &g_previous[i]) == 0 &&
                         g_previous[i].sa_handler != SIG_IGN &&
                         ::sigaction(kSignals[i], &action, nullptr) == 0;
    }
}

QuitOnSignal::~QuitOnSignal() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        if (g_installed[i]) {
            ::sigaction(kSignals[i], &g_previous[i], nullptr);
        }
    }
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe = {-1, -1};
}

void QuitOnSignal::readPipe() {
    unsigned char byte = 0;
    if (::read(g_pipe[0], &byte, 1) != 1) {
        return;
    }
    m_notifier->setEnabled(false);
    emit received(byte);
    QCoreApplication::exit(128 + byte);
}
