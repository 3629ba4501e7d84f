#pragma once

#include <string_view>

namespace ledger {

/// A named step of a long write (creating, changing the passphrase, upgrading...). When the
/// environment variable PRACTICE_LEDGER_KILL_AT names this step, the process ends itself
/// there at once: `STEP` with SIGKILL (as a power cut or `kill -9` would), `STEP:abort` with
/// SIGABRT and `STEP:segv` with SIGSEGV (as a crash would). Tests use it to stop a program
/// at an exact point instead of racing a timer; with the variable unset it does nothing.
void killPoint(std::string_view step);

} // namespace ledger
