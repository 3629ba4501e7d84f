#include "common/variantlistmodel.h"

VariantListModel::VariantListModel(QStringList roles, QObject* parent)
    : QAbstractListModel(parent), m_roles(std::move(roles)) {
}

int VariantListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant VariantListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const QVariantMap& row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        return m_roles.isEmpty() ? QVariant() : row.value(m_roles.first());
    }
    const int at = role - Qt::UserRole - 1;
    if (at < 0 || at >= m_roles.size()) {
        return {};
    }
    return row.value(m_roles.at(at));
}

QHash<int, QByteArray> VariantListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i) {
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i).toUtf8());
    }
    return names;
}

void VariantListModel::setRows(QList<QVariantMap> rows) {
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges) {
        emit countChanged();
    }
}

QVariantMap VariantListModel::get(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QVariantMap();
}
