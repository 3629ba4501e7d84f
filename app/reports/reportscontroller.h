#pragma once

#include "common/pagecontroller.h"

#include "reports/report_table.h"

#include <QAbstractTableModel>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

/// One sheet of a report as a table for a TableView: each cell as people read it (core's
/// displayValue: UK dates, statuses in words), its tone, and whether it is a number.
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Reports page's controller owns its table")

public:
    enum Role { ToneRole = Qt::UserRole + 1, NumericRole };
    explicit ReportTableModel(QObject* parent = nullptr);

    void setSheet(std::shared_ptr<const ledger::Report> report);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    /// The column's width in characters, from its label and widest cell (first 500 rows).
    Q_INVOKABLE int columnChars(int column) const;

private:
    std::shared_ptr<const ledger::Report> m_report;
    const ledger::ReportSheet* m_sheet = nullptr;
};

/// The Reports page: every report of core's catalog (reports/report_catalog.h), run with the
/// choices its catalog entry names, shown as a table, and saved as CSV, Excel or PDF: the
/// same report the CLI's `report NAME` writes. Running and saving are tasks, off the
/// interface thread, with progress and cancel; a cancelled save leaves no file.
class ReportsController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    /// Each report: name, title, description, and which choices it takes (asOf, dateRange,
    /// monthRange, within, byStaff, periodMonths, registrationYear).
    Q_PROPERTY(QVariantList catalog READ catalog CONSTANT)
    /// Team names and module codes, for the trend's choices.
    Q_PROPERTY(QStringList teams READ teams NOTIFY namesChanged)
    Q_PROPERTY(QStringList modules READ modules NOTIFY namesChanged)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY resultChanged)
    Q_PROPERTY(QString title READ title NOTIFY resultChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY resultChanged)
    Q_PROPERTY(QString notes READ notes NOTIFY resultChanged)
    /// "412 rows".
    Q_PROPERTY(QString summary READ summary NOTIFY resultChanged)
    Q_PROPERTY(ReportTableModel* table READ table CONSTANT)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)

public:
    explicit ReportsController(QObject* parent = nullptr);

    [[nodiscard]] QVariantList catalog() const;
    [[nodiscard]] QStringList teams() const { return m_teams; }
    [[nodiscard]] QStringList modules() const { return m_modules; }
    [[nodiscard]] bool hasResult() const { return m_report != nullptr; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString subtitle() const;
    [[nodiscard]] QString notes() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] ReportTableModel* table() const { return m_table; }
    [[nodiscard]] bool running() const { return m_task != 0; }

    /// Runs a report as a task. `choices`: name; asOf, from, to (DD/MM/YYYY, empty for the
    /// default); fromMonth, toMonth (MM/YYYY); team, module; within, periodMonths,
    /// registrationYear (numbers, empty for the default); byStaff. Returns why it cannot start
    /// ("" when it started); resultChanged follows when it finished, failed shows why.
    Q_INVOKABLE QString run(const QVariantMap& choices);
    /// Saves the report shown as `format` (csv, xlsx or pdf) to `file`, as a task: whole or
    /// not at all, readable by its owner only. Returns why it cannot start ("" when it
    /// started); saveFinished says how it ended.
    Q_INVOKABLE QString save(const QUrl& file, const QString& format);
    /// Writes the CQC evidence pack (reports/cqc_pack.h) as of `asOfText` (DD/MM/YYYY, empty
    /// for today) to `file` as a PDF, as a task; saveFinished says how it ended.
    Q_INVOKABLE QString saveCqcPack(const QUrl& file, const QString& asOfText);
    /// The file name a save proposes: "coverage-2026-11-29.xlsx".
    Q_INVOKABLE QString suggestedName(const QString& format) const;

signals:
    void namesChanged();
    void resultChanged();
    void runningChanged();
    void runFinished(bool ok, const QString& message);
    void saveFinished(bool ok, const QString& message);

private:
    void build() override;
    void setTask(quint64 task);
    /// Runs `write` as a save task, saveFinished saying how it ended.
    QString startSave(const QString& path, std::function<void(const ledger::Progress&)> write);

    QStringList m_teams;
    QStringList m_modules;
    std::shared_ptr<const ledger::Report> m_report;
    ReportTableModel* m_table;
    quint64 m_task = 0;
};
