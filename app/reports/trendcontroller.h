#pragma once

#include "reports/reportpagecontroller.h"

#include "common/variantlistmodel.h"

#include "reports/coverage_reports.h"

#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// The coverage trend page: coverage at each month end over a range of months (by default
/// the 24 up to the last complete month), for the organisation, one team or one module.
/// Core's coverageTrend works the figures out as a task; every figure shown (the table, the
/// chart, its axis) is read from core's trendReport, never worked out here.
class TrendController : public ReportPageController {
    Q_OBJECT
    QML_ELEMENT
    /// {value, label}: "" for all teams, else a team's name.
    Q_PROPERTY(QVariantList teamChoices READ teamChoices NOTIFY choicesChanged)
    /// {value, label}: "" for all modules, else a module's code.
    Q_PROPERTY(QVariantList moduleChoices READ moduleChoices NOTIFY choicesChanged)
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY selectionChanged)
    Q_PROPERTY(QString module READ module WRITE setModule NOTIFY selectionChanged)
    /// The first and last month as MM/YYYY.
    Q_PROPERTY(QString fromText READ fromText NOTIFY rangeChanged)
    Q_PROPERTY(QString toText READ toText NOTIFY rangeChanged)
    Q_PROPERTY(bool hasReport READ hasReport NOTIFY reportChanged)
    Q_PROPERTY(QString title READ title NOTIFY reportChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY reportChanged)
    Q_PROPERTY(QString note READ note NOTIFY reportChanged)
    /// The table's column headings.
    Q_PROPERTY(QStringList columns READ columns NOTIFY reportChanged)
    /// One row per month end: `cells` (each as people read it), `tones` (none, good,
    /// warning, bad, quiet per cell), `accessibleText`.
    Q_PROPERTY(VariantListModel* rows READ rows CONSTANT)
    Q_PROPERTY(QString chartTitle READ chartTitle NOTIFY reportChanged)
    Q_PROPERTY(QString yLabel READ yLabel NOTIFY reportChanged)
    /// The chart's month labels (MM/YYYY), one per point.
    Q_PROPERTY(QStringList xLabels READ xLabels NOTIFY reportChanged)
    /// One value per month label; null where no one counted (only people in grace).
    Q_PROPERTY(QVariantList values READ values NOTIFY reportChanged)
    Q_PROPERTY(double yMin READ yMin NOTIFY reportChanged)
    Q_PROPERTY(double yMax READ yMax NOTIFY reportChanged)

public:
    explicit TrendController(QObject* parent = nullptr);
    ~TrendController() override;

    [[nodiscard]] QVariantList teamChoices() const { return m_teamChoices; }
    [[nodiscard]] QVariantList moduleChoices() const { return m_moduleChoices; }
    [[nodiscard]] QString team() const { return m_team; }
    void setTeam(const QString& team);
    [[nodiscard]] QString module() const { return m_module; }
    void setModule(const QString& module);
    [[nodiscard]] QString fromText() const;
    [[nodiscard]] QString toText() const;
    [[nodiscard]] bool hasReport() const { return m_hasReport; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString subtitle() const;
    [[nodiscard]] QString note() const;
    [[nodiscard]] QStringList columns() const;
    [[nodiscard]] VariantListModel* rows() const { return m_rows; }
    [[nodiscard]] QString chartTitle() const;
    [[nodiscard]] QString yLabel() const;
    [[nodiscard]] QStringList xLabels() const;
    [[nodiscard]] QVariantList values() const;
    [[nodiscard]] double yMin() const;
    [[nodiscard]] double yMax() const;

    /// Sets the range from two months typed as MM/YYYY; returns "" or what is wrong.
    Q_INVOKABLE QString setRangeText(const QString& from, const QString& to);
    /// The default range: the 24 months up to the last complete month before today.
    Q_INVOKABLE void showLast24Months();
    /// Saves the report shown as csv, xlsx or pdf to `url` (a task; see saveMessage).
    Q_INVOKABLE void save(const QString& format, const QUrl& url);
    /// A file name to offer for `format`, e.g. coverage-trend-2024-11-to-2026-10.csv.
    Q_INVOKABLE QString suggestedFileName(const QString& format) const;

    /// The report shown (tests and exports).
    [[nodiscard]] const ledger::Report& report() const { return m_report; }
    void setRange(ledger::YearMonth from, ledger::YearMonth to);

signals:
    void choicesChanged();
    void selectionChanged();
    void rangeChanged();
    void reportChanged();

private:
    void build() override;
    void sessionAttached() override;
    void showReport(ledger::Report report);

    QVariantList m_teamChoices;
    QVariantList m_moduleChoices;
    QString m_team;
    QString m_module;
    ledger::YearMonth m_from;
    ledger::YearMonth m_to;
    bool m_hasReport = false;
    ledger::Report m_report;
    VariantListModel* m_rows;
};
