#include "programmes/apprenticeshipscontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "programmes/programmewords.h"

#include "ledger.h"
#include "programmes/programme_service.h"

using convert::text;

ApprenticeshipsController::ApprenticeshipsController(QObject* parent)
    : PageController(parent),
      m_rows(new VariantListModel({QStringLiteral("name"),          QStringLiteral("team"),
                                   QStringLiteral("employeeId"),    QStringLiteral("standardCode"),
                                   QStringLiteral("standardTitle"), QStringLiteral("provider"),
                                   QStringLiteral("start"),         QStringLiteral("plannedEnd"),
                                   QStringLiteral("statusCode"),    QStringLiteral("status"),
                                   QStringLiteral("tone"),          QStringLiteral("planned"),
                                   QStringLiteral("expected"),      QStringLiteral("logged"),
                                   QStringLiteral("plannedValue"),  QStringLiteral("expectedValue"),
                                   QStringLiteral("loggedValue"),   QStringLiteral("onTrack"),
                                   QStringLiteral("onTrackCode"),   QStringLiteral("lastReview"),
                                   QStringLiteral("nextReviewDue"), QStringLiteral("reviewOverdue"),
                                   QStringLiteral("review"),        QStringLiteral("epaOverdue"),
                                   QStringLiteral("epa"),           QStringLiteral("breaks"),
                                   QStringLiteral("interval"),      QStringLiteral("withdrawnOn")},
                                  this)) {
}

void ApprenticeshipsController::setStatus(const QString& status) {
    if (status != m_status) {
        m_status = status;
        emit statusChanged();
        refresh();
    }
}

void ApprenticeshipsController::build() {
    const timings::Scope timing("interface: ApprenticeshipsController built");
    QList<QVariantMap> rows;
    int behind = 0;
    int late = 0;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (l && m_session->data()) {
        for (const ledger::ApprenticeshipReportRow& r :
             l->programmes().apprenticeshipReport(m_session->todayDate())) {
            const QString code = text(ledger::apprenticeshipStatusCode(r.figures.status));
            if (!m_status.isEmpty() && code != m_status) {
                continue;
            }
            QVariantMap row = programmewords::apprenticeshipRow(r.apprenticeship, r.figures);
            row.insert(QStringLiteral("name"),
                       m_session->staffName(text(r.apprenticeship.employeeId)));
            row.insert(QStringLiteral("team"), text(r.team));
            behind += r.figures.onTrack == false ? 1 : 0;
            late += r.figures.reviewOverdue == true ? 1 : 0;
            rows << row;
        }
    }
    m_summary = rows.isEmpty() ? QString()
                               : tr("%1 shown · %2 behind on off-the-job hours · %3 with a "
                                    "review overdue")
                                     .arg(rows.size())
                                     .arg(behind)
                                     .arg(late);
    m_rows->setRows(rows);
    emit changed();
}
