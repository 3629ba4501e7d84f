#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

/// Figures for measuring the app at scale, printed to stderr as "timing: WHAT N ms" when
/// PRACTICE_LEDGER_TIMINGS=1 (off otherwise: nothing is measured or printed).
namespace timings {

[[nodiscard]] bool enabled();
void report(const char* what, double milliseconds);

/// Reports how long its scope took, when timings are enabled.
class Scope {
public:
    explicit Scope(const char* what);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    const char* m_what;
    QElapsedTimer m_timer;
};

} // namespace timings

/// How long the interface thread is blocked: a timer due every millisecond notes each time
/// it comes late; what it is late by, beyond a little slack, is time the thread spent on
/// other work (loading, building models, rendering) and could not answer a person.
class StallMeter : public QObject {
    Q_OBJECT

public:
    explicit StallMeter(QObject* parent = nullptr);
    void start();
    void stop();
    [[nodiscard]] double blockedMs() const { return static_cast<double>(m_blockedNs) / 1e6; }
    [[nodiscard]] double longestMs() const { return static_cast<double>(m_longestNs) / 1e6; }

private:
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_blockedNs = 0;
    qint64 m_longestNs = 0;
};
