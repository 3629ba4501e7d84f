#pragma once

#include "session/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <vector>

/// Everyone in the ledger, filtered by a search over name and employee id. Built for 20,000
/// people: the search text of each person is prepared once per data change, and a search is
/// one pass over plain strings.
class StaffDirectoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(bool includeLeavers READ includeLeavers WRITE setIncludeLeavers NOTIFY
                   includeLeaversChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)

public:
    enum Roles {
        EmployeeIdRole = Qt::UserRole + 1,
        FullNameRole,
        TeamRole,
        RoleRole,
        ActiveRole,
        StatusSummaryRole,
        OverdueRole,
        DueSoonRole,
    };
    Q_ENUM(Roles)

    explicit StaffDirectoryModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Session* session() const { return m_session; }
    void setSession(Session* session);
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString& search);
    [[nodiscard]] bool includeLeavers() const { return m_includeLeavers; }
    void setIncludeLeavers(bool include);
    [[nodiscard]] int total() const { return static_cast<int>(m_people.size()); }

    /// The employee id on a row (for QML key handling).
    Q_INVOKABLE QString employeeIdAt(int row) const;

signals:
    void sessionChanged();
    void searchChanged();
    void includeLeaversChanged();
    void countChanged();

private:
    struct Person {
        QString employeeId;
        QString fullName;
        QString team;
        QString role;
        QString haystack; ///< casefolded name and id
        bool active = false;
        int overdue = 0;
        int dueSoon = 0;
    };
    void rebuild();
    void applyFilter();

    QPointer<Session> m_session;
    QString m_search;
    bool m_includeLeavers = false;
    std::vector<Person> m_people;
    std::vector<int> m_order;   ///< indexes of m_people sorted by name
    std::vector<int> m_visible; ///< the rows shown, in m_order's order
};
