#pragma once

#include "base/progress.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QThread;

/// How a task ended.
enum class TaskOutcome {
    Finished,  ///< the job returned
    Failed,    ///< the job threw; the message says why in words a person understands
    Cancelled, ///< the job threw ledger::Cancelled after cancel() was asked for
};

/// Runs long work (the first load of a ledger, imports, re-reading the ledger) off the
/// interface thread, one task at a time, with progress from 0 to 1 and cancel.
///
/// A job runs on a worker thread and hears cancel through the ledger::Progress it is given
/// (its report() returns false once cancel() was asked for); it may also call
/// `throwIfCancelled` between steps. Whatever the job returns is run on the interface thread
/// when it finished, followed by the `done` callback with the outcome, so that nothing the
/// interface shows is touched from the worker. Core writes are single transactions, so a
/// cancelled or failed job has written nothing.
class TaskRunner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns its task runner")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString title READ title NOTIFY runningChanged)
    Q_PROPERTY(bool cancellable READ cancellable NOTIFY runningChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY cancellingChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)

public:
    /// Runs on the worker; returns what to run on the interface thread when it finished
    /// (may be empty).
    using Job = std::function<std::function<void()>(const ledger::Progress& progress)>;
    /// Runs on the interface thread after the job's own continuation.
    using Done = std::function<void(TaskOutcome outcome, const QString& message)>;

    explicit TaskRunner(QObject* parent = nullptr);
    /// Cancels a running task and waits for it: its job may hold the ledger.
    ~TaskRunner() override;

    [[nodiscard]] bool running() const { return m_run != nullptr; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] bool cancellable() const;
    [[nodiscard]] bool cancelling() const;
    [[nodiscard]] double progress() const { return m_progress; }
    /// The id of the running task (0 when none); each start() gets a new one.
    [[nodiscard]] quint64 currentTask() const;

    /// Starts a task; returns its id, or 0 when another task is running (one at a time).
    /// Progress is announced as 0 (progressChanged) before the worker starts, so that a
    /// cancel asked for then is heard by the job's first report.
    quint64 start(const QString& title, bool cancellable, Job job, Done done = {});
    /// Asks the running task to stop (when it is cancellable); it ends as Cancelled when
    /// the job hears it, or as Finished when the job had already done its work.
    Q_INVOKABLE void cancel();
    /// Waits until no task runs, delivering each task's end here (a task's end may start
    /// another, which is waited for too). The runner reports not running (runningChanged)
    /// before a task's continuation and `done` run. False when `milliseconds` passed first.
    Q_INVOKABLE bool waitForFinished(int milliseconds = 120000);

    /// Throws ledger::Cancelled when `progress` says cancel was asked for (between a job's
    /// steps that have no progress of their own).
    static void throwIfCancelled(const ledger::Progress& progress, double fraction);

signals:
    void runningChanged();
    void cancellingChanged();
    void progressChanged();
    /// A task ended (after its continuation and its `done` ran).
    void taskEnded(quint64 task, TaskOutcome outcome, const QString& message);

private:
    struct Run;
    void deliver(quint64 task);

    std::shared_ptr<Run> m_run;
    QThread* m_thread = nullptr;
    quint64 m_lastId = 0;
    double m_progress = 0;
};
