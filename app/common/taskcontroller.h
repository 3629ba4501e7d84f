#pragma once

#include "common/taskrunner.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <functional>

/// What the controllers of pages that run long work (imports, exports, archives) as tasks of
/// the session's runner share: the session, the one task this controller started (its
/// progress and its cancel, never another page's task), and waiting for it before going.
class TaskController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    /// The progress of this controller's task, from 0 to 1.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)

public:
    explicit TaskController(QObject* parent = nullptr);
    ~TaskController() override;

    [[nodiscard]] Session* session() const { return m_session; }
    void setSession(Session* session);
    [[nodiscard]] double progress() const { return m_progress; }

    /// Asks this controller's task, and only it, to stop.
    Q_INVOKABLE void cancel();
    /// Waits for the session's tasks (tests and shutdown).
    Q_INVOKABLE bool waitForFinished(int milliseconds = 120000);

signals:
    void sessionChanged();
    void progressChanged();

protected:
    /// Starts `job` as this controller's task (TaskRunner::start). When it ends, the task is
    /// forgotten here, the progress set to 1, and then `done` runs. False when another task
    /// is running (nothing started).
    bool startTask(const QString& title, bool cancellable, TaskRunner::Job job,
                   TaskRunner::Done done);
    /// Work that says in a sentence what it did.
    using SummarisedWork = std::function<QString(const ledger::Progress&)>;
    /// Starts `work` as this controller's cancellable task (startTask); `done` gets the
    /// outcome and, when it finished, the work's sentence, else the task's message.
    bool startSummarisedTask(const QString& title, SummarisedWork work, TaskRunner::Done done);
    [[nodiscard]] bool taskRunning() const { return m_task != 0; }
    /// Cancels this controller's task and waits for it. A subclass calls it from its own
    /// destructor: the task's end calls back into the subclass.
    void stopTask();
    /// Runs when the session was set, before sessionChanged: a subclass connects its own
    /// signals of the session here.
    virtual void sessionSet() {}

private:
    void followProgress();

    QPointer<Session> m_session;
    double m_progress = 0;
    bool m_starting = false;
    quint64 m_task = 0;
};
