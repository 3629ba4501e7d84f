#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

/// One person's page: details, every required module with its status and dates as of
/// today, their completions (voided ones too), the sessions they were booked on, attended or
/// missed, and the change log of their record.
class PersonController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString employeeId READ employeeId WRITE setEmployeeId NOTIFY employeeIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QVariantMap details READ details NOTIFY changed)
    Q_PROPERTY(QString statusSummary READ statusSummary NOTIFY changed)
    Q_PROPERTY(VariantListModel* modules READ modules CONSTANT)
    Q_PROPERTY(VariantListModel* completions READ completions CONSTANT)
    Q_PROPERTY(VariantListModel* history READ history CONSTANT)
    /// The sessions they were booked on, waited for, attended or missed, the latest first.
    Q_PROPERTY(VariantListModel* sessions READ sessions CONSTANT)
    /// "Attended 4 · missed 1 · booked on 2" (empty when none).
    Q_PROPERTY(QString sessionsSummary READ sessionsSummary NOTIFY changed)

public:
    explicit PersonController(QObject* parent = nullptr);

    /// Shown: built now if its data changed since (see WhenShown).
    [[nodiscard]] QString employeeId() const { return m_employeeId; }
    void setEmployeeId(const QString& id);
    [[nodiscard]] bool found() const { return !m_details.isEmpty(); }
    [[nodiscard]] QVariantMap details() const { return m_details; }
    [[nodiscard]] QString statusSummary() const { return m_statusSummary; }
    [[nodiscard]] VariantListModel* modules() const { return m_modules; }
    [[nodiscard]] VariantListModel* completions() const { return m_completions; }
    [[nodiscard]] VariantListModel* history() const { return m_history; }
    [[nodiscard]] VariantListModel* sessions() const { return m_sessions; }
    [[nodiscard]] QString sessionsSummary() const { return m_sessionsSummary; }

signals:
    void employeeIdChanged();
    void changed();

private:
    void build() override;

    QString m_employeeId;
    QVariantMap m_details;
    QString m_statusSummary;
    VariantListModel* m_modules;
    VariantListModel* m_completions;
    VariantListModel* m_history;
    VariantListModel* m_sessions;
    QString m_sessionsSummary;
};
