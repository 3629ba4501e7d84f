#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include "training/compliance.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include <memory>

/// The team x module coverage matrix as of a date: one row per team and a last row for the
/// whole organisation, a first column for every module of the row, then one column per
/// module required anywhere (its counts pooled, as core's poolModules).
class CoverageMatrixModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by CoverageController")

public:
    enum Roles {
        PercentRole = Qt::UserRole + 1,
        DetailRole,
        BandRole,
        RequiredRole,
        CompliantRole,
        DueSoonRole,
        OverdueRole,
        NotYetDueRole,
        IsTotalRole,
        AccessibleTextRole,
        TeamRole,
        ModuleRole,
    };
    Q_ENUM(Roles)

    explicit CoverageMatrixModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// What the totals row is called: the whole organisation on a file; on a server, where
    /// the account sees only its own scope (a manager's tree), everyone it can see.
    void setTotalLabel(const QString& label) { m_totalLabel = label; }
    /// Rebuilds from the engine as of `asOf` (no engine: empty).
    void rebuild(const ledger::ComplianceEngine* engine, const ledger::LedgerData* data,
                 ledger::DayNumber asOf);

    [[nodiscard]] int teamIndexOfRow(int row) const; ///< -1 for the organisation row
    /// -1 for the all-modules column
    [[nodiscard]] int moduleIndexOfColumn(int column) const;
    [[nodiscard]] bool isAllModulesColumn(int column) const;
    [[nodiscard]] const ledger::CoverageCell* cellAt(int row, int column) const;
    [[nodiscard]] QString teamNameOfRow(int row) const;
    [[nodiscard]] QString moduleCodeOfColumn(int column) const;
    [[nodiscard]] QString moduleTitleOfColumn(int column) const;
    /// The row of a team by name (the totals row by its label), or -1.
    Q_INVOKABLE int rowOfTeam(const QString& team) const;
    /// The column of a module by code, or -1.
    Q_INVOKABLE int columnOfModule(const QString& code) const;

private:
    QString m_totalLabel = tr("Whole organisation");
    std::vector<int> m_teams;   ///< engine team index per row (sorted by name)
    std::vector<int> m_modules; ///< engine module index per column (sorted by code)
    QStringList m_teamNames;
    QStringList m_moduleCodes;
    QStringList m_moduleTitles;
    std::unique_ptr<ledger::CoverageTable> m_table;
    std::vector<ledger::CoverageCell> m_rowTotals; ///< every module of each row, pooled
};

/// The coverage page: the date, the matrix, and the people behind a chosen cell. Built when
/// its page is shown (`active`), see WhenShown.
class CoverageController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QDate asOf READ asOf NOTIFY asOfChanged)
    Q_PROPERTY(QString asOfText READ asOfText NOTIFY asOfChanged)
    Q_PROPERTY(CoverageMatrixModel* matrix READ matrix CONSTANT)
    Q_PROPERTY(VariantListModel* people READ people CONSTANT)
    Q_PROPERTY(QString selectionTitle READ selectionTitle NOTIFY selectionChanged)
    Q_PROPERTY(QString selectionSummary READ selectionSummary NOTIFY selectionChanged)
    Q_PROPERTY(bool hasSelection READ hasSelection NOTIFY selectionChanged)
    Q_PROPERTY(int selectedRow READ selectedRow NOTIFY selectionChanged)
    Q_PROPERTY(int selectedColumn READ selectedColumn NOTIFY selectionChanged)

public:
    explicit CoverageController(QObject* parent = nullptr);

    [[nodiscard]] QDate asOf() const { return m_asOf; }
    [[nodiscard]] QString asOfText() const;
    [[nodiscard]] CoverageMatrixModel* matrix() const { return m_matrix; }
    [[nodiscard]] VariantListModel* people() const { return m_people; }
    [[nodiscard]] QString selectionTitle() const { return m_selectionTitle; }
    [[nodiscard]] QString selectionSummary() const { return m_selectionSummary; }
    [[nodiscard]] bool hasSelection() const { return m_selectedRow >= 0; }
    [[nodiscard]] int selectedRow() const { return m_selectedRow; }
    [[nodiscard]] int selectedColumn() const { return m_selectedColumn; }

    /// Sets the date from DD/MM/YYYY; returns "" or what is wrong with it.
    Q_INVOKABLE QString setAsOfText(const QString& text);
    Q_INVOKABLE void setAsOf(const QDate& date);
    Q_INVOKABLE void showToday();
    Q_INVOKABLE void shiftMonths(int months);
    /// Lists the people behind one cell of the matrix.
    Q_INVOKABLE void selectCell(int row, int column);
    Q_INVOKABLE void clearSelection();
    /// Selects the team cell with the lowest coverage (the first place to look).
    Q_INVOKABLE void selectWorstCell();

signals:
    void asOfChanged();
    void selectionChanged();

private:
    void build() override;
    void sessionAttached() override;

    QDate m_asOf;
    CoverageMatrixModel* m_matrix;
    VariantListModel* m_people;
    int m_selectedRow = -1;
    int m_selectedColumn = -1;
    QString m_selectionTitle;
    QString m_selectionSummary;
};

/// Rows describing required (staff, module) statuses, for drill-downs and person pages.
QList<QVariantMap> statusRows(const ledger::ComplianceEngine& engine,
                              const ledger::LedgerData& data,
                              const std::vector<ledger::StatusRow>& rows);

/// The roles of statusRows().
QStringList statusRoles();
