#include "programmes/asyecohortcontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "programmes/programmewords.h"

#include "ledger.h"
#include "programmes/programme_service.h"

#include <set>

using convert::text;

AsyeCohortController::AsyeCohortController(QObject* parent)
    : PageController(parent),
      m_rows(new VariantListModel(
          {QStringLiteral("employeeId"), QStringLiteral("name"), QStringLiteral("team"),
           QStringLiteral("start"), QStringLiteral("finalReview"), QStringLiteral("closed"),
           QStringLiteral("outcome"), QStringLiteral("extension"), QStringLiteral("nextReview"),
           QStringLiteral("overdueReviews"), QStringLiteral("gapCount"), QStringLiteral("overdue"),
           QStringLiteral("statusCode"), QStringLiteral("status"), QStringLiteral("reviewsHeld"),
           QStringLiteral("progressValue")},
          this)) {
}

void AsyeCohortController::setTeam(const QString& team) {
    if (team != m_team) {
        m_team = team;
        emit teamChanged();
        refresh();
    }
}

void AsyeCohortController::setState(const QString& state) {
    if (state != m_state) {
        m_state = state;
        emit stateChanged();
        refresh();
    }
}

void AsyeCohortController::build() {
    const timings::Scope timing("interface: AsyeCohortController built");
    QList<QVariantMap> first;
    QList<QVariantMap> rest;
    std::set<QString> teams;
    int reviews = 0;
    int gaps = 0;
    m_needingAction = 0;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (l && m_session->data()) {
        const ledger::Date today = m_session->todayDate();
        for (const ledger::AsyeReportRow& r : l->programmes().asyeReport(today)) {
            const QString team = text(r.team);
            teams.insert(team);
            const bool closed = ledger::isClosed(r.enrolment);
            if ((!m_team.isEmpty() && team != m_team) ||
                (m_state == QLatin1String("open") && closed) ||
                (m_state == QLatin1String("closed") && !closed)) {
                continue;
            }
            QVariantMap row = programmewords::asyeSummary(r.enrolment, r.figures, today);
            const QString id = text(r.enrolment.employeeId);
            row.insert(QStringLiteral("employeeId"), id);
            row.insert(QStringLiteral("name"), m_session->staffName(id));
            row.insert(QStringLiteral("team"), team);
            const bool late = !r.figures.overdue.empty();
            const bool gap = !r.figures.gaps.empty();
            reviews += late ? 1 : 0;
            gaps += gap ? 1 : 0;
            m_needingAction += late || gap ? 1 : 0;
            (late || gap ? first : rest) << row;
        }
    }
    m_teams = QStringList(teams.begin(), teams.end());
    const auto shown = first.size() + rest.size();
    m_summary = shown == 0 ? QString()
                           : tr("%1 shown · %2 with a review overdue · %3 with supervision gaps")
                                 .arg(shown)
                                 .arg(reviews)
                                 .arg(gaps);
    m_rows->setRows(first + rest);
    emit changed();
}

QString AsyeCohortController::firstWithGap() const {
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l || !m_session->data()) {
        return {};
    }
    try {
        for (const ledger::AsyeReportRow& r : l->programmes().asyeReport(m_session->todayDate())) {
            if (!ledger::isClosed(r.enrolment) && !r.figures.gaps.empty()) {
                return text(r.enrolment.employeeId);
            }
        }
    } catch (...) {
        m_session->reportError(Session::describeCurrentException());
    }
    return {};
}
