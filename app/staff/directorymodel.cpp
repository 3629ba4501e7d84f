#include "staff/directorymodel.h"

#include "common/convert.h"
#include "common/timings.h"
#include "session/session.h"

#include <algorithm>

using convert::text;

StaffDirectoryModel::StaffDirectoryModel(QObject* parent) : QAbstractListModel(parent) {
}

int StaffDirectoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

QVariant StaffDirectoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Person& p = m_people[static_cast<size_t>(m_visible[static_cast<size_t>(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
    case FullNameRole:
        return p.fullName;
    case EmployeeIdRole:
        return p.employeeId;
    case TeamRole:
        return p.team;
    case RoleRole:
        return p.role;
    case ActiveRole:
        return p.active;
    case OverdueRole:
        return p.overdue;
    case DueSoonRole:
        return p.dueSoon;
    case StatusSummaryRole: {
        if (!p.active) {
            return tr("Left or not started");
        }
        QStringList parts;
        if (p.overdue > 0) {
            parts << tr("%n overdue", nullptr, p.overdue);
        }
        if (p.dueSoon > 0) {
            parts << tr("%n due soon", nullptr, p.dueSoon);
        }
        return parts.isEmpty() ? tr("Up to date") : parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> StaffDirectoryModel::roleNames() const {
    return {{EmployeeIdRole, "employeeId"},
            {FullNameRole, "fullName"},
            {TeamRole, "team"},
            {RoleRole, "role"},
            {ActiveRole, "active"},
            {StatusSummaryRole, "statusSummary"},
            {OverdueRole, "overdue"},
            {DueSoonRole, "dueSoon"}};
}

void StaffDirectoryModel::setActive(bool active) {
    if (m_shown.setActive(active)) {
        emit activeChanged();
    }
}

void StaffDirectoryModel::setSession(Session* session) {
    if (!attachSession(this, m_session, session, &StaffDirectoryModel::refresh)) {
        return;
    }
    emit sessionChanged();
    refresh();
}

void StaffDirectoryModel::setSearch(const QString& search) {
    if (search == m_search) {
        return;
    }
    m_search = search;
    emit searchChanged();
    applyFilter();
}

void StaffDirectoryModel::setIncludeLeavers(bool include) {
    if (include == m_includeLeavers) {
        return;
    }
    m_includeLeavers = include;
    emit includeLeaversChanged();
    applyFilter();
}

QString StaffDirectoryModel::employeeIdAt(int row) const {
    return row >= 0 && row < rowCount()
               ? m_people[static_cast<size_t>(m_visible[static_cast<size_t>(row)])].employeeId
               : QString();
}

QString StaffDirectoryModel::firstWithOverdue() {
    m_shown.ensureBuilt();
    for (const int i : m_visible) {
        if (m_people[static_cast<size_t>(i)].overdue > 0) {
            return m_people[static_cast<size_t>(i)].employeeId;
        }
    }
    return employeeIdAt(0);
}

void StaffDirectoryModel::refresh() {
    m_shown.changed();
}

void StaffDirectoryModel::rebuild() {
    const timings::Scope timing("interface: staff directory built");
    m_people.clear();
    m_order.clear();
    if (m_session && m_session->data() && m_session->engine()) {
        const auto& data = *m_session->data();
        const auto& engine = *m_session->engine();
        const auto today = ledger::toDayNumber(m_session->todayDate());
        m_people.resize(data.staff.size());
        for (size_t i = 0; i < data.staff.size(); ++i) {
            const ledger::Staff& s = data.staff[i];
            Person& p = m_people[i];
            p.employeeId = text(s.employeeId);
            p.fullName = text(s.fullName);
            p.team = text(s.team);
            p.role = text(s.role);
            p.haystack = (p.fullName + QLatin1Char(' ') + p.employeeId).toCaseFolded();
            p.active = engine.isActive(i, today);
        }
        // Sorted by name once per data change; a search keeps this order.
        m_order.resize(m_people.size());
        for (size_t i = 0; i < m_order.size(); ++i) {
            m_order[i] = static_cast<int>(i);
        }
        std::sort(m_order.begin(), m_order.end(), [&](int a, int b) {
            const Person& pa = m_people[static_cast<size_t>(a)];
            const Person& pb = m_people[static_cast<size_t>(b)];
            const int byName = QString::localeAwareCompare(pa.fullName, pb.fullName);
            return byName != 0 ? byName < 0 : pa.employeeId < pb.employeeId;
        });
        for (const ledger::StatusRow& row : engine.statuses(today)) {
            Person& p = m_people[row.staff];
            p.overdue += row.status.status == ledger::Status::Overdue ? 1 : 0;
            p.dueSoon += row.status.status == ledger::Status::DueSoon ? 1 : 0;
        }
    }
    applyFilter();
}

void StaffDirectoryModel::applyFilter() {
    const QStringList words = m_search.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::vector<int> visible;
    visible.reserve(m_people.size());
    for (const int i : m_order) {
        const Person& p = m_people[static_cast<size_t>(i)];
        if (!m_includeLeavers && !p.active) {
            continue;
        }
        const bool match = std::all_of(words.begin(), words.end(),
                                       [&](const QString& w) { return p.haystack.contains(w); });
        if (match) {
            visible.push_back(i);
        }
    }
    const bool countChanges = visible.size() != m_visible.size();
    beginResetModel();
    m_visible = std::move(visible);
    endResetModel();
    if (countChanges) {
        emit countChanged();
    }
}
