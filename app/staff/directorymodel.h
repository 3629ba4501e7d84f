#pragma once

#include "common/whenshown.h"
#include "session/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include <vector>

/// Everyone in the ledger, filtered by a search over name and employee id. Built for 20,000
/// people: the search text of each person is prepared once per data change, and a search is
/// one pass over plain strings.
class StaffDirectoryModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
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
    /// Shown: built now if its data changed since (see WhenShown).
    [[nodiscard]] bool active() const { return m_shown.active(); }
    void setActive(bool active);
    void classBegin() override { m_shown.classBegin(); }
    void componentComplete() override { m_shown.componentComplete(); }
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString& search);
    [[nodiscard]] bool includeLeavers() const { return m_includeLeavers; }
    void setIncludeLeavers(bool include);
    [[nodiscard]] int total() const { return static_cast<int>(m_people.size()); }

    /// The employee id on a row (for QML key handling).
    Q_INVOKABLE QString employeeIdAt(int row) const;
    /// The employee id of the first person shown with something overdue, else of the first
    /// person shown (for screenshots); builds the list first if its page was never shown.
    Q_INVOKABLE QString firstWithOverdue();

signals:
    void sessionChanged();
    void activeChanged();
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
    void refresh();
    void rebuild();
    void applyFilter();

    QPointer<Session> m_session;
    QString m_search;
    bool m_includeLeavers = false;
    std::vector<Person> m_people;
    std::vector<int> m_order;   ///< indexes of m_people sorted by name
    std::vector<int> m_visible; ///< the rows shown, in m_order's order
    WhenShown m_shown{[this] {
        rebuild();
    }};
};
