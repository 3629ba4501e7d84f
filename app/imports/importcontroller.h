#pragma once

#include "common/taskcontroller.h"
#include "common/variantlistmodel.h"

#include <QUrl>
#include <QtQml/qqmlregistration.h>

/// Import from the app: choose a CSV of one of the four kinds, see the dry run (the counts,
/// or every error with its line) before anything is written, then import. Both run off the
/// interface thread with progress, as tasks of the session's TaskRunner; cancelling the
/// import rolls it back whole. After an import the session reads the ledger again (a task
/// too), which waitForFinished() also waits for.
class ImportController : public TaskController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl WRITE setFileUrl NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(bool canImport READ canImport NOTIFY stateChanged)
    Q_PROPERTY(VariantListModel* problems READ problems CONSTANT)
    Q_PROPERTY(QString expectedColumns READ expectedColumns NOTIFY kindChanged)

public:
    explicit ImportController(QObject* parent = nullptr);
    ~ImportController() override;

    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString& kind);
    [[nodiscard]] QUrl fileUrl() const { return m_fileUrl; }
    void setFileUrl(const QUrl& url);
    [[nodiscard]] QString fileName() const;
    /// idle, checking, checked, invalid, importing, imported, cancelled, failed
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] bool canImport() const { return m_state == QLatin1String("checked"); }
    [[nodiscard]] VariantListModel* problems() const { return m_problems; }
    [[nodiscard]] QString expectedColumns() const;

    /// The dry run: counts or every problem; writes nothing.
    Q_INVOKABLE void check();
    /// The import itself, after a clean dry run of the same file.
    Q_INVOKABLE void runImport();

signals:
    void kindChanged();
    void fileChanged();
    void stateChanged();
    void finished();

private:
    void start(bool dryRun);
    void setState(const QString& state, const QString& summary);

    QString m_kind = QStringLiteral("staff");
    QUrl m_fileUrl;
    QString m_state = QStringLiteral("idle");
    QString m_summary;
    VariantListModel* m_problems;
};
