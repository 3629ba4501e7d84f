#include "coverage/coveragecontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "common/variantlistmodel.h"
#include "session/session.h"

#include "io/asc_wds.h"
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
    return parent.isValid() || m_dashboard.columns.empty()
               ? 0
               : static_cast<int>(m_dashboard.rows.size());
}

int CoverageMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_dashboard.rows.empty()
               ? 0
               : static_cast<int>(m_dashboard.columns.size());
}

bool CoverageMatrixModel::isTotalRow(int row) const {
    return row >= 0 && row < rowCount() && !m_dashboard.rows[static_cast<size_t>(row)].team;
}

bool CoverageMatrixModel::isAllModulesColumn(int column) const {
    return column >= 0 && column < columnCount() &&
           !m_dashboard.columns[static_cast<size_t>(column)].module;
}

const ledger::CoverageCell* CoverageMatrixModel::cellAt(int row, int column) const {
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) {
        return nullptr;
    }
    return &m_dashboard.cell(static_cast<size_t>(row), static_cast<size_t>(column));
}

QString CoverageMatrixModel::teamNameOfRow(int row) const {
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return isTotalRow(row) ? m_totalLabel : text(m_dashboard.rows[static_cast<size_t>(row)].label);
}

QString CoverageMatrixModel::moduleCodeOfColumn(int column) const {
    if (column < 0 || column >= columnCount()) {
        return {};
    }
    return isAllModulesColumn(column) ? tr("All")
                                      : text(m_dashboard.columns[static_cast<size_t>(column)].code);
}

QString CoverageMatrixModel::moduleTitleOfColumn(int column) const {
    if (column < 0 || column >= columnCount()) {
        return {};
    }
    return isAllModulesColumn(column)
               ? tr("All modules shown")
               : text(m_dashboard.columns[static_cast<size_t>(column)].title);
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
    for (int c = 0; c < columnCount(); ++c) {
        if (moduleCodeOfColumn(c) == code) {
            return c;
        }
    }
    return -1;
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
        return isTotalRow(index.row()) || isAllModulesColumn(index.column());
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

void CoverageMatrixModel::reset(ledger::CoverageDashboard dashboard) {
    beginResetModel();
    m_dashboard = std::move(dashboard);
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

namespace {

QString orderWord(ledger::DashboardOrder::By by) {
    switch (by) {
    case ledger::DashboardOrder::By::LowestCoverageFirst:
        return QStringLiteral("lowest");
    case ledger::DashboardOrder::By::HighestCoverageFirst:
        return QStringLiteral("highest");
    case ledger::DashboardOrder::By::Name:
        break;
    }
    return QStringLiteral("name");
}

ledger::DashboardOrder::By orderOfWord(const QString& word) {
    if (word == QLatin1String("lowest")) {
        return ledger::DashboardOrder::By::LowestCoverageFirst;
    }
    if (word == QLatin1String("highest")) {
        return ledger::DashboardOrder::By::HighestCoverageFirst;
    }
    return ledger::DashboardOrder::By::Name;
}

QVariantMap choice(const QVariant& value, const QString& label) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

QString groupName(int group) {
    if (group == 0) {
        return QObject::tr("No group (Other)");
    }
    return text(std::string(ledger::ascWdsGroupName(static_cast<ledger::AscWdsGroup>(group))));
}

} // namespace

QString CoverageController::team() const {
    return text(m_filter.team);
}

void CoverageController::setTeam(const QString& team) {
    if (team == this->team()) {
        return;
    }
    m_filter.team = team.toStdString();
    filterEdited();
}

QString CoverageController::role() const {
    return text(m_filter.role);
}

void CoverageController::setRole(const QString& role) {
    if (role == this->role()) {
        return;
    }
    m_filter.role = role.toStdString();
    filterEdited();
}

QString CoverageController::module() const {
    return text(m_filter.module);
}

void CoverageController::setModule(const QString& module) {
    if (module == this->module()) {
        return;
    }
    m_filter.module = module.toStdString();
    filterEdited();
}

int CoverageController::ascWdsGroup() const {
    return m_filter.ascWdsGroup.value_or(-1);
}

void CoverageController::setAscWdsGroup(int group) {
    const std::optional<int> value =
        group >= 0 && group <= 5 ? std::optional<int>(group) : std::nullopt;
    if (value == m_filter.ascWdsGroup) {
        return;
    }
    m_filter.ascWdsGroup = value;
    filterEdited();
}

QString CoverageController::teamOrder() const {
    return orderWord(m_order.teams);
}

void CoverageController::setTeamOrder(const QString& order) {
    if (orderOfWord(order) == m_order.teams) {
        return;
    }
    m_order.teams = orderOfWord(order);
    filterEdited();
}

QString CoverageController::teamOrderModule() const {
    return text(m_order.teamsByModule);
}

QString CoverageController::moduleOrder() const {
    return orderWord(m_order.modules);
}

void CoverageController::setModuleOrder(const QString& order) {
    if (orderOfWord(order) == m_order.modules) {
        return;
    }
    m_order.modules = orderOfWord(order);
    filterEdited();
}

void CoverageController::orderTeamsByColumn(int column) {
    if (column < 0 || column >= m_matrix->columnCount()) {
        return;
    }
    const std::string code = m_matrix->isAllModulesColumn(column)
                                 ? std::string()
                                 : m_matrix->moduleCodeOfColumn(column).toStdString();
    using By = ledger::DashboardOrder::By;
    if (m_order.teamsByModule != code || m_order.teams == By::Name) {
        m_order.teams = By::LowestCoverageFirst;
    } else if (m_order.teams == By::LowestCoverageFirst) {
        m_order.teams = By::HighestCoverageFirst;
    } else {
        m_order.teams = By::Name;
    }
    m_order.teamsByModule = code;
    filterEdited();
}

void CoverageController::clearFilters() {
    m_filter = {};
    m_order = {};
    filterEdited();
}

bool CoverageController::filtered() const {
    return !m_filter.team.empty() || !m_filter.role.empty() || !m_filter.module.empty() ||
           m_filter.ascWdsGroup.has_value();
}

QString CoverageController::filterSummary() const {
    QStringList parts;
    if (!m_filter.team.empty()) {
        parts << tr("team %1").arg(text(m_filter.team));
    }
    if (!m_filter.role.empty()) {
        parts << tr("%1s only").arg(text(m_filter.role));
    }
    if (!m_filter.module.empty()) {
        parts << tr("module %1").arg(text(m_filter.module));
    }
    if (m_filter.ascWdsGroup) {
        parts << tr("ASC-WDS group: %1").arg(groupName(*m_filter.ascWdsGroup));
    }
    return parts.isEmpty() ? QString() : tr("Showing %1.").arg(parts.join(QStringLiteral("; ")));
}

QVariantList CoverageController::groupChoices() {
    QVariantList out{choice(-1, tr("All ASC-WDS groups"))};
    for (const ledger::AscWdsGroup g : ledger::ascWdsGroups()) {
        out << choice(static_cast<int>(g), groupName(static_cast<int>(g)));
    }
    out << choice(0, groupName(0));
    return out;
}

void CoverageController::rebuildChoices() {
    const QVariantList teamsBefore = m_teamChoices;
    const QVariantList rolesBefore = m_roleChoices;
    const QVariantList modulesBefore = m_moduleChoices;
    m_teamChoices = {choice(QString(), tr("All teams"))};
    m_roleChoices = {choice(QString(), tr("All roles"))};
    m_moduleChoices = {choice(QString(), tr("All modules"))};
    if (m_session && m_session->engine() && m_session->data()) {
        const auto& engine = *m_session->engine();
        QStringList teams;
        for (size_t t = 0; t < engine.teamCount(); ++t) {
            teams << text(engine.teamName(t));
        }
        teams.sort();
        for (const QString& t : teams) {
            m_teamChoices << choice(t, t);
        }
        QStringList roles;
        for (size_t r = 0; r < engine.roleCount(); ++r) {
            if (!engine.roleName(r).empty()) {
                roles << text(engine.roleName(r));
            }
        }
        roles.sort();
        for (const QString& r : roles) {
            m_roleChoices << choice(r, r);
        }
        std::vector<const ledger::Module*> modules;
        for (const ledger::Module& m : m_session->data()->modules) {
            modules.push_back(&m);
        }
        std::sort(modules.begin(), modules.end(),
                  [](const auto* a, const auto* b) { return a->code < b->code; });
        for (const ledger::Module* m : modules) {
            m_moduleChoices << choice(text(m->code),
                                      tr("%1 – %2").arg(text(m->code), text(m->title)));
        }
    }
    if (m_teamChoices != teamsBefore || m_roleChoices != rolesBefore ||
        m_moduleChoices != modulesBefore) {
        emit choicesChanged();
    }
}

void CoverageController::filterEdited() {
    emit filterChanged();
    refresh();
}

void CoverageController::build() {
    const timings::Scope timing("interface: coverage page built");
    const bool ready = m_session && m_session->engine() && m_asOf.isValid();
    const int row = m_selectedRow;
    const int column = m_selectedColumn;
    const QString team = m_matrix->teamNameOfRow(row);
    const QString module = m_matrix->moduleCodeOfColumn(column);
    rebuildChoices();
    m_matrix->setTotalLabel(m_session && m_session->onServer() ? tr("Everyone you can see")
                                                               : tr("Whole organisation"));
    m_matrix->reset(ready ? ledger::coverageDashboard(*m_session->engine(), *m_session->data(),
                                                      ledger::toDayNumber(convert::toDate(m_asOf)),
                                                      m_filter, m_order)
                          : ledger::CoverageDashboard{});
    // Keep the same cell selected (by team and module) when the date, filters or data change.
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
    m_people->setRows(
        statusRows(engine, data,
                   ledger::dashboardPeople(engine, m_matrix->dashboard(), m_filter, day,
                                           static_cast<size_t>(row), static_cast<size_t>(column))));
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
    for (int r = 0; r < m_matrix->rowCount(); ++r) {
        if (m_matrix->isTotalRow(r)) {
            continue;
        }
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
