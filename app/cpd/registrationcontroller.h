#pragma once

#include "common/pagecontroller.h"

#include "common/variantlistmodel.h"
#include "common/whenshown.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

/// The registration checks of a team, for managers and workforce leads: `report cpd` and
/// `report hcpc` as of today (core's rows, the same figures), with each person's name, filtered
/// to a team. On a server each account sees the people it may (row-level security).
class RegistrationController : public PageController {
    Q_OBJECT
    QML_ELEMENT
    /// The team shown; empty for everyone.
    Q_PROPERTY(QString team READ team WRITE setTeam NOTIFY teamChanged)
    Q_PROPERTY(QStringList teams READ teams NOTIFY changed)
    /// employeeId, name, team, entries, withPeer, daysLeft, status (words), statusCode.
    Q_PROPERTY(VariantListModel* socialWorkEngland READ socialWorkEngland CONSTANT)
    /// employeeId, name, team, activities, types, gaps (words), status, statusCode, reasons.
    Q_PROPERTY(VariantListModel* hcpc READ hcpc CONSTANT)
    /// "Social Work England, year to 30/11/2026: 9 of 12 met" and the same for HCPC.
    Q_PROPERTY(QString sweSummary READ sweSummary NOTIFY changed)
    Q_PROPERTY(QString hcpcSummary READ hcpcSummary NOTIFY changed)

public:
    explicit RegistrationController(QObject* parent = nullptr);

    [[nodiscard]] QString team() const { return m_team; }
    void setTeam(const QString& team);
    [[nodiscard]] QStringList teams() const { return m_teams; }
    [[nodiscard]] VariantListModel* socialWorkEngland() const { return m_swe; }
    [[nodiscard]] VariantListModel* hcpc() const { return m_hcpc; }
    [[nodiscard]] QString sweSummary() const { return m_sweSummary; }
    [[nodiscard]] QString hcpcSummary() const { return m_hcpcSummary; }

signals:
    void teamChanged();
    void changed();

private:
    void build() override;

    QString m_team;
    QStringList m_teams;
    VariantListModel* m_swe;
    VariantListModel* m_hcpc;
    QString m_sweSummary;
    QString m_hcpcSummary;
};
