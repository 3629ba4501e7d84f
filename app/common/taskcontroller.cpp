#include "common/taskcontroller.h"

#include <memory>

TaskController::TaskController(QObject* parent) : QObject(parent) {
}

TaskController::~TaskController() {
    stopTask();
}

void TaskController::setSession(Session* session) {
    if (m_session == session) {
        return;
    }
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        disconnect(m_session->tasks(), nullptr, this, nullptr);
    }
    m_session = session;
    if (m_session) {
        connect(m_session->tasks(), &TaskRunner::progressChanged, this,
                &TaskController::followProgress);
    }
    sessionSet();
    emit sessionChanged();
}

void TaskController::followProgress() {
    const TaskRunner* tasks = m_session ? m_session->tasks() : nullptr;
    if (tasks && tasks->running() && (m_starting || tasks->currentTask() == m_task)) {
        m_progress = tasks->progress();
        emit progressChanged();
    }
}

void TaskController::cancel() {
    TaskRunner* tasks = m_session ? m_session->tasks() : nullptr;
    if (tasks && tasks->running() && (m_starting || tasks->currentTask() == m_task)) {
        tasks->cancel();
    }
}

bool TaskController::waitForFinished(int milliseconds) {
    return !m_session || m_session->tasks()->waitForFinished(milliseconds);
}

void TaskController::stopTask() {
    cancel();
    if (m_task != 0 && m_session) {
        (void)m_session->tasks()->waitForFinished(-1);
    }
}

bool TaskController::startSummarisedTask(const QString& title, SummarisedWork work,
                                         TaskRunner::Done done) {
    auto summary = std::make_shared<QString>();
    const auto job = [work = std::move(work),
                      summary](const ledger::Progress& progress) -> std::function<void()> {
        TaskRunner::throwIfCancelled(progress, 0.0);
        *summary = work(progress);
        return {};
    };
    return startTask(
        title, true, job,
        [summary, done = std::move(done)](TaskOutcome outcome, const QString& message) {
            done(outcome, outcome == TaskOutcome::Finished ? *summary : message);
        });
}

bool TaskController::startTask(const QString& title, bool cancellable, TaskRunner::Job job,
                               TaskRunner::Done done) {
    if (!m_session) {
        return false;
    }
    const QPointer<TaskController> self(this);
    const auto ended = [self, done = std::move(done)](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        self->m_task = 0;
        self->m_progress = 1;
        emit self->progressChanged();
        if (done) {
            done(outcome, message);
        }
    };
    m_progress = 0;
    m_starting = true;
    m_task = m_session->tasks()->start(title, cancellable, std::move(job), ended);
    m_starting = false;
    return m_task != 0;
}
