#pragma once

#include "common/taskcontroller.h"
#include "common/variantlistmodel.h"

#include <QUrl>
#include <QtQml/qqmlregistration.h>

/// The ASC-WDS page's export: Skills for Care's training file of the ledger as of a day
/// (core's buildAscWdsExport, the CLI's `export asc-wds`). "Check" counts the rows and lists
/// every problem and warning in words; "Save" writes the file whole or not at all, and
/// nothing while any row breaks an ASC-WDS rule. Both run as tasks of the session's runner,
/// with progress and cancel (a cancelled save leaves no file).
class AscWdsExportController : public TaskController {
    Q_OBJECT
    QML_ELEMENT
    /// The LOCALESTID the file carries: the ledger's setting ("" when none is set).
    Q_PROPERTY(QString workplaceId READ workplaceId NOTIFY workplaceChanged)
    /// The day of the export, DD/MM/YYYY (default the session's today).
    Q_PROPERTY(QString asOf READ asOf WRITE setAsOf NOTIFY asOfChanged)
    /// idle, checking, checked, invalid, saving, saved, cancelled, failed
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(int rowCount READ rowCount NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool canSave READ canSave NOTIFY stateChanged)
    /// Every problem and warning: kind ("Problem" or "Warning"), record, field, message, text.
    Q_PROPERTY(VariantListModel* problems READ problems CONSTANT)

public:
    explicit AscWdsExportController(QObject* parent = nullptr);
    ~AscWdsExportController() override;

    [[nodiscard]] QString workplaceId() const;
    [[nodiscard]] QString asOf() const { return m_asOf; }
    void setAsOf(const QString& asOf);
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] int rowCount() const { return m_rowCount; }
    [[nodiscard]] bool busy() const;
    /// Checked with no problem (a save checks again before it writes).
    [[nodiscard]] bool canSave() const;
    [[nodiscard]] VariantListModel* problems() const { return m_problems; }

    /// Counts the rows and finds every problem; writes nothing.
    Q_INVOKABLE void check();
    /// Builds the file again and writes it to the local file of `url`, whole or not at all.
    Q_INVOKABLE void save(const QUrl& url);

signals:
    void workplaceChanged();
    void asOfChanged();
    void stateChanged();
    void finished();

private:
    void sessionSet() override;
    void start(const QString& path);
    void setState(const QString& state, const QString& summary);

    QString m_asOf;
    QString m_state = QStringLiteral("idle");
    QString m_summary;
    int m_rowCount = 0;
    VariantListModel* m_problems;
};
