#include "base/process_protection.h"

#include <cerrno>
#include <system_error>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace ledger {

void protectProcess() {
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        throw std::system_error(errno, std::generic_category(), "prctl(PR_SET_DUMPABLE, 0)");
    }
    // Both: a core_pattern that pipes to a helper ignores RLIMIT_CORE, and a kernel with
    // fs.suid_dumpable=2 still dumps a process that is not dumpable.
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0) {
        throw std::system_error(errno, std::generic_category(), "setrlimit(RLIMIT_CORE, 0)");
    }
}

} // namespace ledger
