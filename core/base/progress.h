#pragma once

#include "base/error.h"

#include <functional>

namespace ledger {

/// How a long task (an import) reports how far it has got, and how it is cancelled.
struct Progress {
    /// Called with the fraction done, from 0 to 1; returning false cancels the task, which
    /// then throws Cancelled having written nothing. May be empty.
    std::function<bool(double fraction)> report;
};

/// A part of `whole`'s work, from `from` to `from + span` of it (`whole` must outlive it).
inline Progress partOf(const Progress& whole, double from, double span) {
    if (!whole.report) {
        return {};
    }
    return Progress{[&whole, from, span](double f) {
        return whole.report(from + span * f);
    }};
}

/// Reports `fraction` through `progress` (none: nothing); throws Cancelled(`cancelled`) when
/// it answers stop.
inline void reportProgress(const Progress* progress, double fraction, const char* cancelled) {
    if (progress && progress->report && !progress->report(fraction)) {
        throw Cancelled(cancelled);
    }
}

} // namespace ledger
