#include "reports/reportpagecontroller.h"

#include "reports/reportfiles.h"

#include <QFileInfo>
#include <QPointer>

ReportPageController::ReportPageController(QObject* parent) : PageController(parent) {
}

ReportPageController::~ReportPageController() {
    finishTasks();
}

void ReportPageController::finishTasks() {
    // A task reports here and its job may hold what this page gave it: it ends first.
    m_pending.reset();
    if (m_session && (m_task != 0 || m_saveTask != 0)) {
        m_session->tasks()->cancel();
        (void)m_session->tasks()->waitForFinished(-1);
    }
}

void ReportPageController::sessionAttached() {
    QObject::disconnect(m_runnerConnection);
    m_pending.reset();
    if (m_session) {
        // A computation asked for while another task held the ledger starts when it ends:
        // queued, so that the ended task's own continuation runs first and may start what
        // follows it (the session's re-read after an import), which is then waited for too.
        m_runnerConnection = connect(
            m_session->tasks(), &TaskRunner::runningChanged, this,
            [this] {
                if (m_pending && m_session && !m_session->tasks()->running()) {
                    startPending();
                }
            },
            Qt::QueuedConnection);
    }
}

void ReportPageController::setState(const QString& state, const QString& message) {
    if (state == m_state && message == m_message) {
        return;
    }
    m_state = state;
    m_message = message;
    emit stateChanged();
}

void ReportPageController::setSaveMessage(const QString& message) {
    m_saveMessage = message;
    emit saveMessageChanged();
}

void ReportPageController::compute(const QString& title, Job job) {
    m_pending = Pending{title, std::move(job)};
    setState(QStringLiteral("computing"), {});
    if (m_task != 0) {
        // Figures for inputs that changed meanwhile: the running ones are not wanted.
        m_session->tasks()->cancel();
        return;
    }
    startPending();
}

void ReportPageController::clearPending() {
    m_pending.reset();
    if (m_task != 0 && m_session) {
        m_session->tasks()->cancel();
    }
    setState(QStringLiteral("idle"), {});
}

void ReportPageController::startPending() {
    if (!m_pending || !m_session || m_task != 0 || m_session->tasks()->running()) {
        return; // started when the runner is at rest (sessionAttached's connection)
    }
    Pending pending = std::move(*m_pending);
    m_pending.reset();
    const QPointer<ReportPageController> self(this);
    const auto done = [self](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        self->m_task = 0;
        if (self->m_pending) {
            self->startPending(); // the inputs changed while this ran
            return;
        }
        if (outcome == TaskOutcome::Finished) {
            self->setState(QStringLiteral("ready"), {});
        } else if (outcome == TaskOutcome::Cancelled) {
            self->setState(QStringLiteral("cancelled"),
                           tr("Cancelled: the figures shown are those worked out before."));
        } else {
            self->setState(QStringLiteral("failed"),
                           tr("The figures could not be worked out: %1").arg(message));
        }
    };
    m_task = m_session->tasks()->start(pending.title, true, std::move(pending.job), done);
    if (m_task == 0) {
        m_pending = std::move(pending); // another task began in between: after it
    }
}

void ReportPageController::cancel() {
    m_pending.reset();
    if (m_task != 0 && m_session) {
        m_session->tasks()->cancel();
    } else if (computing()) {
        setState(QStringLiteral("cancelled"),
                 tr("Cancelled: the figures shown are those worked out before."));
    }
}

bool ReportPageController::waitForFinished(int milliseconds) {
    while (m_session) {
        if (!m_session->tasks()->waitForFinished(milliseconds)) {
            return false;
        }
        if (!m_pending) {
            return true;
        }
        startPending(); // what waited for another task's end (see sessionAttached)
    }
    return true;
}

void ReportPageController::saveReport(ledger::Report report, const QString& format,
                                      const QUrl& url) {
    if (!m_session) {
        return;
    }
    // A plain path is taken as one; another scheme (a remote place) is not a file here.
    const QString path = url.isLocalFile()        ? url.toLocalFile()
                         : url.scheme().isEmpty() ? url.path()
                                                  : QString();
    if (path.isEmpty() || !reportfiles::knownFormat(format)) {
        setSaveMessage(tr("Choose a file to save to."));
        return;
    }
    if (m_session->tasks()->running()) {
        setSaveMessage(tr("%1 Wait for it to finish, then save.").arg(m_session->tasks()->title()));
        return;
    }
    const QString name = QFileInfo(path).fileName();
    const QPointer<ReportPageController> self(this);
    auto shared = std::make_shared<const ledger::Report>(std::move(report));
    const auto job = [shared, format,
                      path](const ledger::Progress& progress) -> std::function<void()> {
        reportfiles::writeReport(*shared, format, path, progress);
        return {};
    };
    const auto done = [self, name, path](TaskOutcome outcome, const QString& message) {
        if (!self) {
            return;
        }
        self->m_saveTask = 0;
        emit self->savingChanged();
        self->setSaveMessage(outcome == TaskOutcome::Finished
                                 ? tr("Saved %1 in %2.").arg(name, QFileInfo(path).path())
                                 : tr("Not saved: %1").arg(message));
        if (self->m_pending) {
            self->startPending();
        }
    };
    setSaveMessage({});
    m_saveTask = m_session->tasks()->start(tr("Saving %1…").arg(name), false, job, done);
    emit savingChanged();
}
