#include "common/timings.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <algorithm>

namespace timings {

bool enabled() {
    static const bool on = [] {
        const char* value = std::getenv("PRACTICE_LEDGER_TIMINGS");
        return value != nullptr && std::strcmp(value, "1") == 0;
    }();
    return on;
}

void report(const char* what, double milliseconds) {
    if (enabled()) {
        std::fprintf(stderr, "timing: %s %.1f ms\n", what, milliseconds);
    }
}

Scope::Scope(const char* what) : m_what(what) {
    if (enabled()) {
        m_timer.start();
    }
}

Scope::~Scope() {
    if (enabled()) {
        report(m_what, static_cast<double>(m_timer.nsecsElapsed()) / 1e6);
    }
}

} // namespace timings

namespace {
constexpr qint64 kTickNs = 1'000'000;
constexpr qint64 kSlackNs = 2'000'000; ///< ordinary event handling between ticks
} // namespace

StallMeter::StallMeter(QObject* parent) : QObject(parent) {
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(1);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 late = now - m_last - kTickNs;
        if (late > kSlackNs) {
            m_blockedNs += late;
            m_longestNs = std::max(m_longestNs, late);
        }
        m_last = now;
    });
}

void StallMeter::start() {
    m_blockedNs = 0;
    m_longestNs = 0;
    m_clock.start();
    m_last = 0;
    m_tick.start();
}

void StallMeter::stop() {
    // The stretch since the last tick counts too (the work that ends the measurement).
    const qint64 late = m_clock.nsecsElapsed() - m_last - kTickNs;
    if (late > kSlackNs) {
        m_blockedNs += late;
        m_longestNs = std::max(m_longestNs, late);
    }
    m_tick.stop();
}
