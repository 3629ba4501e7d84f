#pragma once

#include "common/variantlistmodel.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

/// Import from the app: choose a CSV of one of the four kinds, see the dry run (the counts,
/// or every error with its line) before anything is written, then import. Both run off the
/// interface thread with progress, as tasks of the session's TaskRunner; cancelling the
/// import rolls it back whole. After an import the session reads the ledger again (a task
/// too), which waitForFinished() also waits for.
class ImportController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl WRITE setFileUrl NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(bool canImport READ canImport NOTIFY stateChanged)
    Q_PROPERTY(VariantListModel* problems READ problems CONSTANT)
    Q_PROPERTY(QString expectedColumns READ expectedColumns NOTIFY kindChanged)

public:
    explicit ImportController(QObject* parent = nullptr);
    ~ImportController() override;

    [[nodiscard]] Session* session() const { return m_session; }
    void setSession(Session* session);
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString& kind);
    [[nodiscard]] QUrl fileUrl() const { return m_fileUrl; }
    void setFileUrl(const QUrl& url);
    [[nodiscard]] QString fileName() const;
    /// idle, checking, checked, invalid, importing, imported, cancelled, failed
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] bool canImport() const { return m_state == QLatin1String("checked"); }
    [[nodiscard]] VariantListModel* problems() const { return m_problems; }
    [[nodiscard]] QString expectedColumns() const;

    /// The dry run: counts or every problem; writes nothing.
    Q_INVOKABLE void check();
    /// The import itself, after a clean dry run of the same file.
    Q_INVOKABLE void runImport();
    Q_INVOKABLE void cancel();
    /// Waits for the session's tasks, this one and what follows it (tests and shutdown).
    Q_INVOKABLE bool waitForFinished(int milliseconds = 60000);

signals:
    void sessionChanged();
    void kindChanged();
    void fileChanged();
    void stateChanged();
    void progressChanged();
    void finished();

private:
    void start(bool dryRun);
    void setState(const QString& state, const QString& summary);
    void followProgress();

    QPointer<Session> m_session;
    QString m_kind = QStringLiteral("staff");
    QUrl m_fileUrl;
    QString m_state = QStringLiteral("idle");
    QString m_summary;
    double m_progress = 0;
    VariantListModel* m_problems;
    bool m_starting = false; ///< inside tasks()->start(): its progress and cancel are ours
    quint64 m_task = 0;      ///< the running check or import on the session's runner, or 0
};
