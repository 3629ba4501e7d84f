#pragma once

#include <QObject>

class QSocketNotifier;

/// Ends the event loop cleanly on SIGTERM, SIGHUP and SIGINT, so that the normal teardown
/// runs (the session locks and the demo's folder is removed) and the program exits with
/// 128 + the signal's number. The handler only writes the number to a pipe, which is
/// async-signal-safe; the event loop reads it. A second signal ends the process at once.
/// One per process.
class QuitOnSignal : public QObject {
    Q_OBJECT

public:
    explicit QuitOnSignal(QObject* parent = nullptr);
    ~QuitOnSignal() override;
    QuitOnSignal(const QuitOnSignal&) = delete;
    QuitOnSignal& operator=(const QuitOnSignal&) = delete;

signals:
    /// A signal arrived; the event loop is about to end.
    void received(int signal);

private:
    void readPipe();

    QSocketNotifier* m_notifier = nullptr;
};
