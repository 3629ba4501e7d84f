#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include "reports/coverage_dashboard.h"
#include "training/compliance.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include <memory>

/// The coverage dashboard's matrix (core's CoverageDashboard): one row per team shown and a
/// last row for all of them, a first column for every module shown pooled, then one column
/// per module.
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
    /// Shows `dashboard` (empty: nothing).
    void reset(ledger::CoverageDashboard dashboard);
    [[nodiscard]] const ledger::CoverageDashboard& dashboard() const { return m_dashboard; }

    [[nodiscard]] bool isTotalRow(int row) const;
    [[nodiscard]] bool isAllModulesColumn(int column) const;
    [[nodiscard]] const ledger::CoverageCell* cellAt(int row, int column) const;
    [[nodiscard]] QString teamNameOfRow(int row) const;
    [[nodiscard]] QString moduleCodeOfColumn(int column) const;
    [[nodiscard]] QString moduleTitleOfColumn(int column) const;
    /// The row of a team by name (the totals row by its label), or -1.
    Q_INVOKABLE int rowOfTeam(const QString& team) const;
    /// The column of a module by code ("All": the all-modules column), or -1.
    Q_INVOKABLE int columnOfModule(const QString& code) const;

private:
    QString m_totalLabel = tr("Whole organisation");
    ledger::CoverageDashboard m_dashboard;
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
    /// The filters' choices: "" for all, else a team, role or module code, and for the
    /// ASC-WDS group -1 for all, 0 for none, 1 to 5 a group.
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY filterChanged)
    Q_PROPERTY(QString role READ role WRITE setRole NOTIFY filterChanged)
    Q_PROPERTY(QString module READ module WRITE setModule NOTIFY filterChanged)
    Q_PROPERTY(int ascWdsGroup READ ascWdsGroup WRITE setAscWdsGroup NOTIFY filterChanged)
    /// Orders: "name", "lowest" or "highest" (coverage first).
    Q_PROPERTY(QString teamOrder READ teamOrder WRITE setTeamOrder NOTIFY filterChanged)
    /// The column teams are ordered by when not by name: a module code, or "" for All.
    Q_PROPERTY(QString teamOrderModule READ teamOrderModule NOTIFY filterChanged)
    Q_PROPERTY(QString moduleOrder READ moduleOrder WRITE setModuleOrder NOTIFY filterChanged)
    /// What each chooser offers: {value, label} maps, the first one "all".
    Q_PROPERTY(QVariantList teamChoices READ teamChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList roleChoices READ roleChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList moduleChoices READ moduleChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList groupChoices READ groupChoices CONSTANT)
    /// In words, what the matrix counts ("Social worker only, Health and safety modules");
    /// empty with no filter.
    Q_PROPERTY(QString filterSummary READ filterSummary NOTIFY filterChanged)
    Q_PROPERTY(bool filtered READ filtered NOTIFY filterChanged)

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

    [[nodiscard]] QString team() const;
    void setTeam(const QString& team);
    [[nodiscard]] QString role() const;
    void setRole(const QString& role);
    [[nodiscard]] QString module() const;
    void setModule(const QString& module);
    [[nodiscard]] int ascWdsGroup() const;
    void setAscWdsGroup(int group);
    [[nodiscard]] QString teamOrder() const;
    void setTeamOrder(const QString& order);
    [[nodiscard]] QString teamOrderModule() const;
    [[nodiscard]] QString moduleOrder() const;
    void setModuleOrder(const QString& order);
    [[nodiscard]] QVariantList teamChoices() const { return m_teamChoices; }
    [[nodiscard]] QVariantList roleChoices() const { return m_roleChoices; }
    [[nodiscard]] QVariantList moduleChoices() const { return m_moduleChoices; }
    [[nodiscard]] static QVariantList groupChoices();
    [[nodiscard]] QString filterSummary() const;
    [[nodiscard]] bool filtered() const;

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
    /// Orders the teams by one column's coverage (a header clicked): lowest first, then on a
    /// second click of the same column highest first, then by name again.
    Q_INVOKABLE void orderTeamsByColumn(int column);
    /// Every filter and order back to the start.
    Q_INVOKABLE void clearFilters();

signals:
    void asOfChanged();
    void selectionChanged();
    void filterChanged();
    void choicesChanged();

private:
    void build() override;
    void sessionAttached() override;
    void filterEdited();
    void rebuildChoices();

    QDate m_asOf;
    CoverageMatrixModel* m_matrix;
    VariantListModel* m_people;
    int m_selectedRow = -1;
    int m_selectedColumn = -1;
    QString m_selectionTitle;
    QString m_selectionSummary;
    ledger::DashboardFilter m_filter;
    ledger::DashboardOrder m_order;
    QVariantList m_teamChoices;
    QVariantList m_roleChoices;
    QVariantList m_moduleChoices;
};

/// Rows describing required (staff, module) statuses, for drill-downs and person pages.
QList<QVariantMap> statusRows(const ledger::ComplianceEngine& engine,
                              const ledger::LedgerData& data,
                              const std::vector<ledger::StatusRow>& rows);

/// The roles of statusRows().
QStringList statusRoles();
