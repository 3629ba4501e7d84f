#pragma once

namespace ledger {

/// Keeps the plaintext a running program holds (names, emails, the passphrase) out of core
/// dumps: marks the process not dumpable (PR_SET_DUMPABLE 0, which also keeps other
/// processes of the same user from attaching to it) and sets RLIMIT_CORE to 0, whatever
/// `ulimit -c` says. Called first thing in main() by the app and the CLI; throws
/// std::system_error when either call fails.
void protectProcess();

} // namespace ledger
