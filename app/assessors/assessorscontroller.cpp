#include "assessors/assessorscontroller.h"

#include "assessors/assessorwords.h"
#include "common/convert.h"
#include "common/timings.h"

#include "assessors/assessor_service.h"
#include "ledger.h"

#include <algorithm>
#include <map>
#include <set>

using convert::text;

namespace {

QVariantMap choice(const QString& value, const QString& label) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

int statusOrder(const QString& code) {
    return code == QLatin1String("lapsed") ? 0 : code == QLatin1String("in_training") ? 1 : 2;
}

bool byName(const QVariantMap& a, const QVariantMap& b) {
    const int c = QString::compare(a.value(QStringLiteral("name")).toString(),
                                   b.value(QStringLiteral("name")).toString(), Qt::CaseInsensitive);
    return c != 0 ? c < 0
                  : a.value(QStringLiteral("key")).toString() <
                        b.value(QStringLiteral("key")).toString();
}

} // namespace

AssessorsController::AssessorsController(QObject* parent)
    : PageController(parent), m_authorised(new VariantListModel(assessorwords::roles(), this)),
      m_lapsing(new VariantListModel(assessorwords::roles(), this)),
      m_others(new VariantListModel(assessorwords::roles(), this)) {
}

void AssessorsController::setTeam(const QString& team) {
    if (team == m_team) {
        return;
    }
    m_team = team;
    emit teamChanged();
    refresh();
}

void AssessorsController::setCategory(const QString& category) {
    if (category == m_category) {
        return;
    }
    m_category = category;
    emit categoryChanged();
    refresh();
}

void AssessorsController::build() {
    const timings::Scope timing("interface: AssessorsController built");
    QList<QVariantMap> authorised, lapsing, others;
    m_teamChoices = {choice(QString(), tr("All teams"))};
    m_categoryChoices = {choice(QString(), tr("All categories"))};
    m_summary.clear();
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    const auto data = m_session ? m_session->data() : nullptr;
    if (l && data) {
        const ledger::Date today = m_session->todayDate();
        const std::vector<ledger::EquipmentCategory> categories = l->assessors().categories();
        for (const ledger::EquipmentCategory& c : categories) {
            m_categoryChoices << choice(text(c.code), text(c.label));
        }
        std::map<std::string, const ledger::Staff*, std::less<>> people;
        for (const ledger::Staff& s : data->staff) {
            people.emplace(s.employeeId, &s);
        }
        const auto nameOf = [&](const std::string& id) {
            const auto found = people.find(id);
            return found != people.end() ? text(found->second->fullName) : QString();
        };
        const std::string team = text(m_team);
        const std::string category = text(m_category);
        std::set<QString> teams;
        if (!m_team.isEmpty()) {
            teams.insert(m_team);
        }
        int lapsingCount = 0;
        std::set<std::string> mayAssess;
        for (const ledger::TrustedAssessorReportRow& r : l->assessors().report(today)) {
            const ledger::TrustedAssessor& a = r.assessor;
            teams.insert(text(r.team));
            if (!team.empty() && r.team != team) {
                continue;
            }
            if (!category.empty() && a.categories.count(category) == 0) {
                continue;
            }
            const QVariantMap row =
                assessorwords::rowOf(a, r.figures, today, nameOf(a.employeeId), text(r.team),
                                     nameOf(a.signedOffBy), categories);
            if (r.figures.status == ledger::AssessorStatus::Authorised) {
                // The category filter is mayAssess's question: authorised today, for it.
                authorised << row;
                mayAssess.insert(a.employeeId);
                if (row.value(QStringLiteral("lapsing")).toBool()) {
                    lapsing << row;
                    ++lapsingCount;
                }
            } else {
                others << row;
            }
        }
        for (const QString& t : teams) {
            m_teamChoices << choice(t, t);
        }
        std::stable_sort(authorised.begin(), authorised.end(), byName);
        std::stable_sort(
            lapsing.begin(), lapsing.end(), [](const QVariantMap& a, const QVariantMap& b) {
                const auto day = [](const QVariantMap& m) {
                    return QDate::fromString(m.value(QStringLiteral("refresherDue")).toString(),
                                             QStringLiteral("dd/MM/yyyy"));
                };
                return day(a) != day(b) ? day(a) < day(b) : byName(a, b);
            });
        std::stable_sort(
            others.begin(), others.end(), [](const QVariantMap& a, const QVariantMap& b) {
                const int x = statusOrder(a.value(QStringLiteral("statusCode")).toString());
                const int y = statusOrder(b.value(QStringLiteral("statusCode")).toString());
                return x != y ? x < y : byName(a, b);
            });
        const int n = static_cast<int>(mayAssess.size());
        m_summary =
            (n == 1 ? tr("1 person may assess today") : tr("%1 people may assess today").arg(n)) +
            QStringLiteral(" · ") +
            (lapsingCount == 1
                 ? tr("1 authorisation lapses within %1 days").arg(assessorwords::kLapsingDays)
                 : tr("%1 authorisations lapse within %2 days")
                       .arg(lapsingCount)
                       .arg(assessorwords::kLapsingDays));
    }
    m_authorised->setRows(authorised);
    m_lapsing->setRows(lapsing);
    m_others->setRows(others);
    emit changed();
}
