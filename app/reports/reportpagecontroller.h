#pragma once

#include "common/pagecontroller.h"

#include "base/progress.h"
#include "reports/report_table.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>

/// What the report pages (the coverage trend, overdue and due soon) share: their figures are
/// computed by core as a task of the session's runner, off the interface thread, with
/// progress and cancel; and a report is saved as CSV, Excel or PDF, whole or not at all, as
/// a task too.
///
/// A change of the page's inputs while its figures are being computed cancels that task and
/// computes again; a page built while another task holds the ledger (a reload, an import)
/// waits for it. A cancelled computation changes nothing shown: the continuation that shows
/// new figures runs only when the job finished.
class ReportPageController : public PageController {
    Q_OBJECT
    QML_ANONYMOUS
    /// idle, computing, ready, cancelled, failed
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool computing READ computing NOTIFY stateChanged)
    /// Why the figures are missing or old (a cancel, a failure); "" otherwise.
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    /// What the last save did: "Saved to …" or why not.
    Q_PROPERTY(QString saveMessage READ saveMessage NOTIFY saveMessageChanged)
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

public:
    ~ReportPageController() override;

    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] bool computing() const { return m_state == QLatin1String("computing"); }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString saveMessage() const { return m_saveMessage; }
    [[nodiscard]] bool saving() const { return m_saveTask != 0; }

    /// Cancels the computation of the figures (nothing shown changes).
    Q_INVOKABLE void cancel();
    /// Waits until the session's runner is at rest, this page's tasks and what they start
    /// delivered (tests and the screenshot).
    Q_INVOKABLE bool waitForFinished(int milliseconds = 120000);

signals:
    void stateChanged();
    void saveMessageChanged();
    void savingChanged();

protected:
    explicit ReportPageController(QObject* parent = nullptr);

    /// Runs on the worker; returns what shows the figures, run on the interface thread.
    using Job = std::function<std::function<void()>(const ledger::Progress& progress)>;
    /// Cancels this page's tasks and waits for them. A derived controller's destructor calls
    /// it first: a job that had finished shows its figures through the derived class, which
    /// must still be whole then.
    void finishTasks();
    /// Computes the figures as a task titled `title` (see the class comment).
    void compute(const QString& title, Job job);
    /// No figures can be computed (locked, no engine): nothing runs, nothing pending.
    void clearPending();
    /// Writes `report` to the local file of `url` as `format` (csv, xlsx, pdf) as a task.
    void saveReport(ledger::Report report, const QString& format, const QUrl& url);
    void sessionAttached() override;

private:
    struct Pending {
        QString title;
        Job job;
    };
    void startPending();
    void setState(const QString& state, const QString& message);
    void setSaveMessage(const QString& message);

    QString m_state = QStringLiteral("idle");
    QString m_message;
    QString m_saveMessage;
    quint64 m_task = 0;     ///< this page's computation on the runner, or 0
    quint64 m_saveTask = 0; ///< this page's save on the runner, or 0
    std::optional<Pending> m_pending;
    QMetaObject::Connection m_runnerConnection;
};
