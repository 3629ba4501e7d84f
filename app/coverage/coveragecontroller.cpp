#include "coverage/coveragecontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "common/variantlistmodel.h"
#include "session/session.h"

#include "reports/coverage_reports.h"
#include "reports/report.h"

#include <algorithm>
#include <numeric>

using convert::text;

namespace {

QString percentText(const ledger::CoverageCell& cell) {
    const std::string p = ledger::formatPercent(cell.percentTenths());
    return p.empty() ? QObject::tr("n/a") : text(p) + QLatin1Char('%');
}

QString band(const ledger::CoverageCell& cell) {
    const auto tenths = cell.percentTenths();
    if (!tenths) {
        return QStringLiteral("none");
    }
    if (*tenths >= 950) {
        return QStringLiteral("good");
    }
    return *tenths >= 800 ? QStringLiteral("fair") : QStringLiteral("poor");
}

QString detail(const ledger::CoverageCell& cell) {
    QStringList parts;
    parts << QObject::tr("%1 of %2 covered")
                 .arg(cell.compliant + cell.dueSoon)
                 .arg(cell.compliant + cell.dueSoon + cell.overdue);
    if (cell.overdue > 0) {
        parts << QObject::tr("%n overdue", nullptr, cell.overdue);
    }
    if (cell.dueSoon > 0) {
        parts << QObject::tr("%n due soon", nullptr, cell.dueSoon);
    }
    if (cell.notYetDue > 0) {
        parts << QObject::tr("%n not yet due", nullptr, cell.notYetDue);
    }
    return parts.join(QStringLiteral(", "));
}

int severity(ledger::Status s) {
    switch (s) {
    case ledger::Status::Overdue:
        return 0;
    case ledger::Status::DueSoon:
        return 1;
    case ledger::Status::NotYetDue:
        return 2;
    case ledger::Status::Compliant:
        return 3;
    }
    return 4;
}

std::optional<ledger::Date> dayOrNone(ledger::DayNumber day) {
    return day == ledger::kNoDay ? std::nullopt
                                 : std::optional<ledger::Date>(ledger::fromDayNumber(day));
}

} // namespace

QStringList statusRoles() {
    return {QStringLiteral("employeeId"),  QStringLiteral("fullName"),    QStringLiteral("team"),
            QStringLiteral("module"),      QStringLiteral("moduleTitle"), QStringLiteral("status"),
            QStringLiteral("statusLabel"), QStringLiteral("expiresOn"),   QStringLiteral("dueOn")};
}

QList<QVariantMap> statusRows(const ledger::ComplianceEngine& engine,
                              const ledger::LedgerData& data,
                              const std::vector<ledger::StatusRow>& rows) {
    std::vector<const ledger::StatusRow*> order;
    for (const ledger::StatusRow& r : rows) {
        order.push_back(&r);
    }
    std::stable_sort(order.begin(), order.end(), [&](const auto* a, const auto* b) {
        const int sa = severity(a->status.status);
        const int sb = severity(b->status.status);
        if (sa != sb) {
            return sa < sb;
        }
        return data.staff[a->staff].fullName < data.staff[b->staff].fullName;
    });
    QList<QVariantMap> out;
    out.reserve(static_cast<qsizetype>(order.size()));
    for (const ledger::StatusRow* r : order) {
        const ledger::Staff& person = data.staff[r->staff];
        const ledger::Module& module = data.modules[r->module];
        out.push_back(QVariantMap{
            {QStringLiteral("employeeId"), text(person.employeeId)},
            {QStringLiteral("fullName"), text(person.fullName)},
            {QStringLiteral("team"), text(engine.teamName(engine.teamOf(r->staff)))},
            {QStringLiteral("module"), text(module.code)},
            {QStringLiteral("moduleTitle"), text(module.title)},
            {QStringLiteral("status"), text(ledger::statusCode(r->status.status))},
            {QStringLiteral("statusLabel"), text(ledger::statusLabel(r->status.status))},
            {QStringLiteral("expiresOn"), convert::uk(dayOrNone(r->status.expiresOn))},
            {QStringLiteral("dueOn"), convert::uk(dayOrNone(r->status.dueOn))},
        });
    }
    return out;
}

CoverageMatrixModel::CoverageMatrixModel(QObject* parent) : QAbstractTableModel(parent) {
}

int CoverageMatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_teams.size()) + 1;
}

int CoverageMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_table || m_modules.empty()
               ? 0
               : static_cast<int>(m_modules.size()) + 1;
}

bool CoverageMatrixModel::isAllModulesColumn(int column) const {
    // First, where a projector shows it without scrolling.
    return m_table && !m_modules.empty() && column == 0;
}

int CoverageMatrixModel::teamIndexOfRow(int row) const {
    return row >= 0 && row < static_cast<int>(m_teams.size()) ? m_teams[static_cast<size_t>(row)]
                                                              : -1;
}

int CoverageMatrixModel::moduleIndexOfColumn(int column) const {
    return column >= 1 && column <= static_cast<int>(m_modules.size())
               ? m_modules[static_cast<size_t>(column - 1)]
               : -1;
}

const ledger::CoverageCell* CoverageMatrixModel::cellAt(int row, int column) const {
    if (isAllModulesColumn(column) && row >= 0 && row < rowCount()) {
        return &m_rowTotals[static_cast<size_t>(row)];
    }
    const int module = moduleIndexOfColumn(column);
    if (!m_table || module < 0 || row < 0 || row >= rowCount()) {
        return nullptr;
    }
    const int team = teamIndexOfRow(row);
    return team < 0 ? &m_table->total(static_cast<size_t>(module))
                    : &m_table->cell(static_cast<size_t>(team), static_cast<size_t>(module));
}

QString CoverageMatrixModel::teamNameOfRow(int row) const {
    if (row == static_cast<int>(m_teams.size())) {
        return m_totalLabel;
    }
    return row >= 0 && row < m_teamNames.size() ? m_teamNames.at(row) : QString();
}

QString CoverageMatrixModel::moduleCodeOfColumn(int column) const {
    return isAllModulesColumn(column) ? tr("All") : m_moduleCodes.value(column - 1);
}

QString CoverageMatrixModel::moduleTitleOfColumn(int column) const {
    return isAllModulesColumn(column) ? tr("All modules") : m_moduleTitles.value(column - 1);
}

int CoverageMatrixModel::rowOfTeam(const QString& team) const {
    for (int r = 0; r < rowCount(); ++r) {
        if (teamNameOfRow(r) == team) {
            return r;
        }
    }
    return -1;
}

int CoverageMatrixModel::columnOfModule(const QString& code) const {
    const auto at = m_moduleCodes.indexOf(code);
    if (at < 0) {
        return code == tr("All") && !m_modules.empty() ? 0 : -1;
    }
    return static_cast<int>(at) + 1;
}

QVariant CoverageMatrixModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ledger::CoverageCell* cell = cellAt(index.row(), index.column());
    if (!cell) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case PercentRole:
        return cell->required == 0 ? QString() : percentText(*cell);
    case DetailRole:
        return cell->required == 0 ? tr("Not required") : detail(*cell);
    case BandRole:
        return cell->required == 0 ? QStringLiteral("empty") : band(*cell);
    case RequiredRole:
        return cell->required;
    case CompliantRole:
        return cell->compliant;
    case DueSoonRole:
        return cell->dueSoon;
    case OverdueRole:
        return cell->overdue;
    case NotYetDueRole:
        return cell->notYetDue;
    case IsTotalRole:
        return teamIndexOfRow(index.row()) < 0 || isAllModulesColumn(index.column());
    case TeamRole:
        return teamNameOfRow(index.row());
    case ModuleRole:
        return moduleCodeOfColumn(index.column());
    case AccessibleTextRole:
        return cell->required == 0
                   ? tr("%1, %2: not required")
                         .arg(teamNameOfRow(index.row()), moduleTitleOfColumn(index.column()))
                   : tr("%1, %2: %3 covered, %4")
                         .arg(teamNameOfRow(index.row()), moduleTitleOfColumn(index.column()),
                              percentText(*cell), detail(*cell));
    default:
        return {};
    }
}

QVariant CoverageMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    if (orientation == Qt::Horizontal) {
        return role == Qt::DisplayRole ? moduleCodeOfColumn(section) : moduleTitleOfColumn(section);
    }
    return teamNameOfRow(section);
}

QHash<int, QByteArray> CoverageMatrixModel::roleNames() const {
    return {{Qt::DisplayRole, "display"},
            {PercentRole, "percent"},
            {DetailRole, "detail"},
            {BandRole, "band"},
            {RequiredRole, "required"},
            {CompliantRole, "compliant"},
            {DueSoonRole, "dueSoon"},
            {OverdueRole, "overdue"},
            {NotYetDueRole, "notYetDue"},
            {IsTotalRole, "isTotal"},
            {AccessibleTextRole, "accessibleText"},
            {TeamRole, "team"},
            {ModuleRole, "module"}};
}

void CoverageMatrixModel::rebuild(const ledger::ComplianceEngine* engine,
                                  const ledger::LedgerData* data, ledger::DayNumber asOf) {
    beginResetModel();
    m_teams.clear();
    m_modules.clear();
    m_teamNames.clear();
    m_moduleCodes.clear();
    m_moduleTitles.clear();
    m_table.reset();
    m_rowTotals.clear();
    if (engine && data) {
        m_table = std::make_unique<ledger::CoverageTable>(engine->coverageByTeam(asOf));
        for (size_t t = 0; t < engine->teamCount(); ++t) {
            m_teams.push_back(static_cast<int>(t));
        }
        std::sort(m_teams.begin(), m_teams.end(), [&](int a, int b) {
            return engine->teamName(static_cast<size_t>(a)) <
                   engine->teamName(static_cast<size_t>(b));
        });
        for (size_t m = 0; m < engine->moduleCount(); ++m) {
            if (m_table->total(m).required > 0) {
                m_modules.push_back(static_cast<int>(m));
            }
        }
        std::sort(m_modules.begin(), m_modules.end(), [&](int a, int b) {
            return engine->moduleCode(static_cast<size_t>(a)) <
                   engine->moduleCode(static_cast<size_t>(b));
        });
        for (const int t : m_teams) {
            m_teamNames << text(engine->teamName(static_cast<size_t>(t)));
        }
        for (const int m : m_modules) {
            m_moduleCodes << text(engine->moduleCode(static_cast<size_t>(m)));
            m_moduleTitles << text(data->modules[static_cast<size_t>(m)].title);
        }
        for (const int t : m_teams) {
            m_rowTotals.push_back(ledger::poolModules(*m_table, static_cast<size_t>(t)));
        }
        m_rowTotals.push_back(ledger::poolModules(*m_table, std::nullopt));
    }
    endResetModel();
}

CoverageController::CoverageController(QObject* parent)
    : PageController(parent), m_matrix(new CoverageMatrixModel(this)),
      m_people(new VariantListModel(statusRoles(), this)) {
}

void CoverageController::sessionAttached() {
    if (m_session) {
        m_asOf = m_session->today();
    }
    emit asOfChanged();
}

QString CoverageController::asOfText() const {
    return m_asOf.toString(QStringLiteral("dd/MM/yyyy"));
}

QString CoverageController::setAsOfText(const QString& value) {
    const auto parsed = convert::parseTyped(value);
    if (!parsed) {
        return tr("Type a date as DD/MM/YYYY, for example 31/03/2026.");
    }
    setAsOf(convert::toQDate(*parsed));
    return {};
}

void CoverageController::setAsOf(const QDate& date) {
    if (!date.isValid() || date == m_asOf) {
        return;
    }
    m_asOf = date;
    emit asOfChanged();
    refresh();
}

void CoverageController::showToday() {
    if (m_session) {
        setAsOf(m_session->today());
    }
}

void CoverageController::shiftMonths(int months) {
    setAsOf(convert::toQDate(ledger::addMonths(convert::toDate(m_asOf), months)));
}

void CoverageController::build() {
    const timings::Scope timing("interface: coverage page built");
    const bool ready = m_session && m_session->engine() && m_asOf.isValid();
    const int row = m_selectedRow;
    const int column = m_selectedColumn;
    const QString team = m_matrix->teamNameOfRow(row);
    const QString module = m_matrix->moduleCodeOfColumn(column);
    m_matrix->setTotalLabel(m_session && m_session->onServer() ? tr("Everyone you can see")
                                                               : tr("Whole organisation"));
    m_matrix->rebuild(ready ? m_session->engine().get() : nullptr,
                      ready ? m_session->data().get() : nullptr,
                      ready ? ledger::toDayNumber(convert::toDate(m_asOf)) : 0);
    // Keep the same cell selected (by team and module) when the date or data change.
    const int newRow = row >= 0 ? m_matrix->rowOfTeam(team) : -1;
    const int newColumn = column >= 0 ? m_matrix->columnOfModule(module) : -1;
    if (newRow >= 0 && newColumn >= 0) {
        selectCell(newRow, newColumn);
    } else {
        clearSelection();
    }
}

void CoverageController::selectCell(int row, int column) {
    m_shown.ensureBuilt();
    const ledger::CoverageCell* cell = m_matrix->cellAt(row, column);
    if (!cell || !m_session || !m_session->engine()) {
        clearSelection();
        return;
    }
    const auto& engine = *m_session->engine();
    const auto& data = *m_session->data();
    const auto day = ledger::toDayNumber(convert::toDate(m_asOf));
    const int team = m_matrix->teamIndexOfRow(row);
    // The modules behind the cell: its own, or on the all-modules column every one shown.
    std::vector<size_t> modules;
    if (m_matrix->isAllModulesColumn(column)) {
        for (int c = 1; c < m_matrix->columnCount(); ++c) {
            modules.push_back(static_cast<size_t>(m_matrix->moduleIndexOfColumn(c)));
        }
    } else {
        modules.push_back(static_cast<size_t>(m_matrix->moduleIndexOfColumn(column)));
    }
    std::vector<ledger::StatusRow> rows;
    for (size_t t = 0; t < engine.teamCount(); ++t) {
        if (team >= 0 && t != static_cast<size_t>(team)) {
            continue;
        }
        for (const size_t module : modules) {
            auto part = engine.statusesIn(t, module, day);
            rows.insert(rows.end(), part.begin(), part.end());
        }
    }
    m_people->setRows(statusRows(engine, data, rows));
    m_selectedRow = row;
    m_selectedColumn = column;
    m_selectionTitle = tr("%1: %2 (%3)")
                           .arg(m_matrix->teamNameOfRow(row), m_matrix->moduleTitleOfColumn(column),
                                m_matrix->moduleCodeOfColumn(column));
    m_selectionSummary =
        cell->required == 0
            ? tr("Not required")
            : tr("%1 covered on %2: %3").arg(percentText(*cell), asOfText(), detail(*cell));
    emit selectionChanged();
}

void CoverageController::clearSelection() {
    const bool had = m_selectedRow >= 0 || m_people->rowCount() > 0;
    m_selectedRow = -1;
    m_selectedColumn = -1;
    m_selectionTitle.clear();
    m_selectionSummary.clear();
    m_people->setRows({});
    if (had) {
        emit selectionChanged();
    }
}

void CoverageController::selectWorstCell() {
    m_shown.ensureBuilt();
    int bestRow = -1;
    int bestColumn = -1;
    int bestTenths = 1001;
    for (int r = 0; r + 1 < m_matrix->rowCount(); ++r) {
        for (int c = 0; c < m_matrix->columnCount(); ++c) {
            const ledger::CoverageCell* cell = m_matrix->cellAt(r, c);
            const auto tenths = cell ? cell->percentTenths() : std::nullopt;
            if (tenths && cell->required >= 3 && *tenths < bestTenths) {
                bestTenths = *tenths;
                bestRow = r;
                bestColumn = c;
            }
        }
    }
    if (bestRow >= 0) {
        selectCell(bestRow, bestColumn);
    }
}
