#pragma once

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

/// A read-only list of rows, each a map from role name to value, with roles fixed at
/// construction. The controllers fill it from core results; QML delegates read the roles.
class VariantListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by controllers")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    explicit VariantListModel(QStringList roles = {}, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces every row.
    void setRows(QList<QVariantMap> rows);
    [[nodiscard]] const QList<QVariantMap>& rows() const { return m_rows; }
    /// One row as a map, for QML (empty when out of range).
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

private:
    QStringList m_roles;
    QList<QVariantMap> m_rows;
};
