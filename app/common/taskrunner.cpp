#include "common/taskrunner.h"

#include "common/errortext.h"

#include "base/error.h"

#include <QDeadlineTimer>
#include <QThread>

#include <atomic>

struct TaskRunner::Run {
    quint64 id = 0;
    QString title;
    bool cancellable = true;
    std::atomic_bool cancel{false};
    std::atomic_int lastPermille{-1}; ///< progress is posted at most once per 0.1%
    Job job;
    Done done;
    // Written by the worker before it ends; read on the interface thread after joining it.
    TaskOutcome outcome = TaskOutcome::Finished;
    QString message;
    std::function<void()> then;
};

TaskRunner::TaskRunner(QObject* parent) : QObject(parent) {
}

TaskRunner::~TaskRunner() {
    if (m_thread) {
        if (m_run) {
            m_run->cancel.store(true);
        }
        m_thread->wait();
        delete m_thread;
    }
}

QString TaskRunner::title() const {
    return m_run ? m_run->title : QString();
}

bool TaskRunner::cancellable() const {
    return m_run && m_run->cancellable;
}

bool TaskRunner::cancelling() const {
    return m_run && m_run->cancel.load();
}

quint64 TaskRunner::currentTask() const {
    return m_run ? m_run->id : 0;
}

void TaskRunner::throwIfCancelled(const ledger::Progress& progress, double fraction) {
    if (progress.report && !progress.report(fraction)) {
        throw ledger::Cancelled("cancelled");
    }
}

quint64 TaskRunner::start(const QString& title, bool cancellable, Job job, Done done) {
    if (m_run) {
        return 0;
    }
    auto run = std::make_shared<Run>();
    run->id = ++m_lastId;
    run->title = title;
    run->cancellable = cancellable;
    run->job = std::move(job);
    run->done = std::move(done);
    m_run = run;
    m_progress = 0;
    emit runningChanged();
    emit progressChanged(); // before the worker starts: a cancel asked for now is heard

    m_thread = QThread::create([this, run] {
        ledger::Progress progress;
        progress.report = [this, run](double fraction) {
            const int permille = static_cast<int>(fraction * 1000);
            if (run->lastPermille.exchange(permille) != permille) {
                QMetaObject::invokeMethod(
                    this,
                    [this, id = run->id, fraction] {
                        if (m_run && m_run->id == id) {
                            m_progress = fraction;
                            emit progressChanged();
                        }
                    },
                    Qt::QueuedConnection);
            }
            return !run->cancel.load();
        };
        try {
            run->then = run->job(progress);
            run->outcome = TaskOutcome::Finished;
        } catch (const ledger::Cancelled&) {
            run->outcome = TaskOutcome::Cancelled;
            run->message = errortext::describeCurrentException();
        } catch (...) {
            run->outcome = TaskOutcome::Failed;
            run->message = errortext::describeCurrentException();
        }
        run->job = nullptr; // what it captured goes with the worker's work, not later
        QMetaObject::invokeMethod(
            this, [this, id = run->id] { deliver(id); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("task"));
    m_thread->start();
    return run->id;
}

void TaskRunner::cancel() {
    if (m_run && m_run->cancellable && !m_run->cancel.exchange(true)) {
        emit cancellingChanged();
    }
}

bool TaskRunner::waitForFinished(int milliseconds) {
    const QDeadlineTimer deadline(milliseconds);
    while (m_run) {
        if (!m_thread->wait(deadline)) {
            return false;
        }
        deliver(m_run->id);
    }
    return true;
}

void TaskRunner::deliver(quint64 task) {
    if (!m_run || m_run->id != task) {
        return; // already delivered (by waitForFinished)
    }
    // The worker posted this as its last act; it is ending, if not ended.
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const std::shared_ptr<Run> run = std::move(m_run);
    m_run.reset();
    const bool wasCancelling = run->cancel.load();
    if (run->outcome == TaskOutcome::Finished && m_progress < 1) {
        m_progress = 1;
        emit progressChanged();
    }
    // Not running before the continuation: what it shows sees a runner at rest, and it may
    // start the next task.
    emit runningChanged();
    if (run->outcome == TaskOutcome::Finished && run->then) {
        run->then();
    }
    if (run->done) {
        run->done(run->outcome, run->message);
    }
    run->then = nullptr;
    if (wasCancelling) {
        emit cancellingChanged();
    }
    emit taskEnded(run->id, run->outcome, run->message);
}
