#include "cpd/registrationcontroller.h"

#include "common/convert.h"
#include "common/timings.h"

#include "cpd/cpd_service.h"
#include "ledger.h"

#include <set>

using convert::text;

RegistrationController::RegistrationController(QObject* parent)
    : PageController(parent),
      m_swe(new VariantListModel({QStringLiteral("employeeId"), QStringLiteral("name"),
                                  QStringLiteral("team"), QStringLiteral("entries"),
                                  QStringLiteral("withPeer"), QStringLiteral("daysLeft"),
                                  QStringLiteral("status"), QStringLiteral("statusCode")},
                                 this)),
      m_hcpc(new VariantListModel(
          {QStringLiteral("employeeId"), QStringLiteral("name"), QStringLiteral("team"),
           QStringLiteral("activities"), QStringLiteral("types"), QStringLiteral("gaps"),
           QStringLiteral("status"), QStringLiteral("statusCode"), QStringLiteral("reasons")},
          this)) {
}

void RegistrationController::setTeam(const QString& team) {
    if (team == m_team) {
        return;
    }
    m_team = team;
    emit teamChanged();
    refresh();
}

void RegistrationController::build() {
    const timings::Scope timing("interface: RegistrationController built");
    QList<QVariantMap> swe, hcpc;
    std::set<QString> teams;
    m_sweSummary.clear();
    m_hcpcSummary.clear();
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (l) {
        const ledger::Date today = m_session->todayDate();
        const auto shown = [&](const std::string& team) {
            teams.insert(text(team));
            return m_team.isEmpty() || text(team) == m_team;
        };
        int met = 0;
        for (const ledger::CpdReportRow& r : l->cpd().cpdReport(today)) {
            if (!shown(r.team)) {
                continue;
            }
            const bool ok = r.status == ledger::RegistrationStatus::Met;
            met += ok ? 1 : 0;
            swe << QVariantMap{
                {QStringLiteral("employeeId"), text(r.employeeId)},
                {QStringLiteral("name"), m_session->staffName(text(r.employeeId))},
                {QStringLiteral("team"), text(r.team)},
                {QStringLiteral("entries"), r.figures.entries},
                {QStringLiteral("withPeer"), r.figures.withPeerReflection},
                {QStringLiteral("daysLeft"), r.figures.daysLeft},
                {QStringLiteral("status"), ok ? tr("Met") : tr("Not met")},
                {QStringLiteral("statusCode"), text(ledger::registrationStatusCode(r.status))}};
        }
        const int year = ledger::sweRegistrationYearContaining(today);
        m_sweSummary = tr("Social Work England, registration year to %1: %2 of %3 met")
                           .arg(convert::uk(ledger::sweRegistrationYearEnd(year)))
                           .arg(met)
                           .arg(swe.size());
        met = 0;
        for (const ledger::HcpcReportRow& r : l->cpd().hcpcReport(today)) {
            if (!shown(r.team)) {
                continue;
            }
            const bool ok = r.status == ledger::RegistrationStatus::Met;
            met += ok ? 1 : 0;
            QStringList types, gaps, reasons;
            for (const ledger::HcpcType t : r.figures.types) {
                types << text(ledger::hcpcTypeCode(t)).replace(QLatin1Char('_'), QLatin1Char(' '));
            }
            for (const ledger::HcpcGap& g : r.figures.gaps) {
                gaps << tr("%1 to %2").arg(convert::uk(g.from), convert::uk(g.to));
            }
            for (const ledger::HcpcReason reason : r.figures.reasons) {
                reasons << (reason == ledger::HcpcReason::Gaps ? tr("a gap of three months")
                                                               : tr("fewer than two kinds"));
            }
            hcpc << QVariantMap{
                {QStringLiteral("employeeId"), text(r.employeeId)},
                {QStringLiteral("name"), m_session->staffName(text(r.employeeId))},
                {QStringLiteral("team"), text(r.team)},
                {QStringLiteral("activities"), static_cast<int>(r.figures.activities.size())},
                {QStringLiteral("types"), types.join(QStringLiteral(", "))},
                {QStringLiteral("gaps"), gaps.join(QStringLiteral("; "))},
                {QStringLiteral("status"), ok ? tr("Met") : tr("Not met")},
                {QStringLiteral("statusCode"), text(ledger::registrationStatusCode(r.status))},
                {QStringLiteral("reasons"), reasons.join(QStringLiteral(" and "))}};
        }
        const int cycle = ledger::hcpcCycleContaining(today);
        m_hcpcSummary = tr("HCPC, cycle to %1: %2 of %3 met")
                            .arg(convert::uk(ledger::hcpcCycleEnd(cycle)))
                            .arg(met)
                            .arg(hcpc.size());
    }
    m_teams = QStringList(teams.begin(), teams.end());
    m_swe->setRows(swe);
    m_hcpc->setRows(hcpc);
    emit changed();
}
