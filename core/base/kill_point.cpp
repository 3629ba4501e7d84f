#include "base/kill_point.h"

#include <csignal>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace ledger {

void killPoint(std::string_view step) {
    const char* wanted = std::getenv("PRACTICE_LEDGER_KILL_AT");
    if (wanted == nullptr || !std::string_view(wanted).starts_with(step)) {
        return;
    }
    const std::string_view rest = std::string_view(wanted).substr(step.size());
    int signal = 0;
    if (rest.empty()) {
        signal = SIGKILL;
    } else if (rest == ":abort") {
        signal = SIGABRT;
    } else if (rest == ":segv") {
        signal = SIGSEGV;
    } else {
        return;
    }
    // Default actions, so that a handler installed for tidy shutdowns cannot soften it.
    std::signal(signal, SIG_DFL);
    ::kill(::getpid(), signal);
    ::_exit(128 + signal); // not reached
}

} // namespace ledger
