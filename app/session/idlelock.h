#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

/// Locks the open ledger after a quiet time: any key press, click or wheel turn in the
/// application restarts the count. Counts only while armed (a ledger is open and no long
/// task holds it).
class IdleLock : public QObject {
    Q_OBJECT

public:
    explicit IdleLock(QObject* parent = nullptr);

    /// The quiet time in minutes; 0 never locks.
    void setMinutes(int minutes);
    [[nodiscard]] int minutes() const { return m_minutes; }
    /// Overrides the quiet time (tests use milliseconds; people set minutes); 0 removes it.
    void setInterval(std::chrono::milliseconds interval);
    /// Starts counting (again) from now.
    void arm();
    /// Stops counting until armed again.
    void disarm();
    [[nodiscard]] bool armed() const { return m_armed; }
    /// Activity: restarts the count when armed.
    void noteActivity();
    /// Hears key, mouse and wheel input to `target` (the application) as activity.
    void watch(QObject* target);

signals:
    /// The quiet time passed while armed; the lock disarms itself.
    void expired();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void restart();

    QTimer m_timer;
    int m_minutes = 15;
    std::chrono::milliseconds m_override{0};
    bool m_armed = false;
};
