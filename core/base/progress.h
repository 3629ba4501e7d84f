#pragma once

#include <functional>

namespace ledger {

/// How a long task (an import) reports how far it has got, and how it is cancelled.
struct Progress {
    /// Called with the fraction done, from 0 to 1; returning false cancels the task, which
    /// then throws Cancelled having written nothing. May be empty.
    std::function<bool(double fraction)> report;
};

} // namespace ledger
