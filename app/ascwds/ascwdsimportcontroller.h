#pragma once

#include "common/taskcontroller.h"
#include "common/variantlistmodel.h"

#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// The ASC-WDS page's import: a training file from ASC-WDS (core's importAscWdsTraining, as
/// the CLI's `import asc-wds` runs it). The check (a dry run) lists every error by line and
/// every (CATEGORY, TRAININGNAME) no module matches; the person picks a module for each, and
/// the import writes the completions and remembers those choices, in one transaction. Both
/// run as tasks of the session's runner with progress and cancel; a cancel writes nothing.
class AscWdsImportController : public TaskController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QUrl fileUrl READ fileUrl WRITE setFileUrl NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    /// idle, checking, checked, unmapped, invalid, importing, imported, cancelled, failed
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    /// Errors and warnings of the file: kind, line, field, message, text.
    Q_PROPERTY(VariantListModel* problems READ problems CONSTANT)
    /// Rows no module matches: category, categoryName, trainingName, lines ("2, 3"), where
    /// ("2 rows, lines 2, 3"), rows.
    Q_PROPERTY(VariantListModel* unmapped READ unmapped CONSTANT)
    /// The module chosen for each unmapped row (its code, "" when none yet), by row.
    Q_PROPERTY(QStringList chosen READ chosen NOTIFY mappingChanged)
    /// {value: code, label: "CODE – Title"} for each module of the ledger, by code, after a
    /// first {value: "", label: "Choose a module"}.
    Q_PROPERTY(QVariantList moduleChoices READ moduleChoices NOTIFY stateChanged)
    Q_PROPERTY(bool canImport READ canImport NOTIFY mappingChanged)

public:
    explicit AscWdsImportController(QObject* parent = nullptr);
    ~AscWdsImportController() override;

    [[nodiscard]] QUrl fileUrl() const { return m_fileUrl; }
    void setFileUrl(const QUrl& url);
    [[nodiscard]] QString fileName() const;
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] VariantListModel* problems() const { return m_problems; }
    [[nodiscard]] VariantListModel* unmapped() const { return m_unmapped; }
    [[nodiscard]] QStringList chosen() const { return m_chosen; }
    [[nodiscard]] QVariantList moduleChoices() const;
    /// Checked with no error, and every unmapped row given a module.
    [[nodiscard]] bool canImport() const;

    /// The dry run: errors, unmapped rows, counts; writes nothing.
    Q_INVOKABLE void check();
    /// Maps the unmapped row `row` to the module `moduleCode` ("" undoes the choice).
    Q_INVOKABLE void choose(int row, const QString& moduleCode);
    /// The import, with the chosen modules, after a check of the same file.
    Q_INVOKABLE void runImport();

signals:
    void fileChanged();
    void stateChanged();
    void mappingChanged();
    void finished();

private:
    void sessionSet() override;
    void start(bool dryRun);
    void setState(const QString& state, const QString& summary);
    void forget();

    QUrl m_fileUrl;
    QString m_state = QStringLiteral("idle");
    QString m_summary;
    VariantListModel* m_problems;
    VariantListModel* m_unmapped;
    QStringList m_chosen;
    bool m_checked = false; ///< the last check of this file found no error
};
