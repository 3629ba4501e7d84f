#include "programmes/programmepersoncontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "programmes/programmewords.h"

#include "ledger.h"
#include "programmes/programme_service.h"

#include <algorithm>

using convert::text;

namespace {

/// A review outcome's badge colour.
QString outcomeTone(ledger::ReviewOutcome o) {
    switch (o) {
    case ledger::ReviewOutcome::OnTrack:
        return QStringLiteral("met");
    case ledger::ReviewOutcome::Concerns:
        return QStringLiteral("due_soon");
    case ledger::ReviewOutcome::NotHeld:
        break;
    }
    return QStringLiteral("draft");
}

/// The cadence a gap's phase expected, in words (core decides it: rules section 5).
QString cadenceWords(ledger::SupervisionCadence cadence) {
    switch (cadence) {
    case ledger::SupervisionCadence::Weekly:
        return QObject::tr("weekly");
    case ledger::SupervisionCadence::Fortnightly:
        return QObject::tr("fortnightly");
    case ledger::SupervisionCadence::Monthly:
        return QObject::tr("monthly");
    }
    return {};
}

QList<QVariantMap> logWithGaps(const ledger::AsyeEnrolment& e,
                               const std::vector<ledger::Supervision>& supervisions,
                               const ledger::AsyeFigures& f, const ledger::Date& today) {
    QList<QVariantMap> out;
    out << QVariantMap{{QStringLiteral("kind"), QStringLiteral("start")},
                       {QStringLiteral("date"), convert::uk(e.start)},
                       {QStringLiteral("isoDate"), QString()},
                       {QStringLiteral("words"), QObject::tr("The year starts")},
                       {QStringLiteral("days"), 0}};
    auto gap = f.gaps.begin();
    const auto gapsFrom = [&](const ledger::Date& upTo) {
        // The gaps that start on or before `upTo`, in place after it.
        while (gap != f.gaps.end() && gap->from <= upTo) {
            const int days = ledger::daysBetween(gap->from, gap->to);
            const bool open =
                gap->to == today && !ledger::isClosed(e) &&
                std::none_of(supervisions.begin(), supervisions.end(),
                             [&](const ledger::Supervision& s) { return s.date == today; });
            const QString cadence = cadenceWords(gap->cadence);
            out << QVariantMap{
                {QStringLiteral("kind"), QStringLiteral("gap")},
                {QStringLiteral("date"), convert::uk(gap->from)},
                {QStringLiteral("isoDate"), QString()},
                {QStringLiteral("words"),
                 open ? QObject::tr("Gap: no supervision since %1, %2 days so far (expected %3)")
                            .arg(convert::uk(gap->from))
                            .arg(days)
                            .arg(cadence)
                      : QObject::tr("Gap: %1 days from %2 to %3 (expected %4)")
                            .arg(days)
                            .arg(convert::uk(gap->from), convert::uk(gap->to), cadence)},
                {QStringLiteral("days"), days}};
            ++gap;
        }
    };
    gapsFrom(e.start);
    for (const ledger::Supervision& s : supervisions) {
        out << QVariantMap{{QStringLiteral("kind"), QStringLiteral("supervision")},
                           {QStringLiteral("date"), convert::uk(s.date)},
                           {QStringLiteral("isoDate"), text(ledger::formatIso(s.date))},
                           {QStringLiteral("words"), QObject::tr("Supervision")},
                           {QStringLiteral("days"), 0}};
        gapsFrom(s.date);
    }
    gapsFrom(today);
    // Latest first, as the other logs: an open gap (no supervision lately) leads.
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace

ProgrammePersonController::ProgrammePersonController(QObject* parent)
    : PageController(parent),
      m_reviews(new VariantListModel({QStringLiteral("review"), QStringLiteral("name"),
                                      QStringLiteral("date"), QStringLiteral("outcome"),
                                      QStringLiteral("state"), QStringLiteral("stateText"),
                                      QStringLiteral("statusCode")},
                                     this)),
      m_supervisionLog(new VariantListModel({QStringLiteral("kind"), QStringLiteral("date"),
                                             QStringLiteral("isoDate"), QStringLiteral("words"),
                                             QStringLiteral("days")},
                                            this)),
      m_apprenticeships(
          new VariantListModel({QStringLiteral("employeeId"),    QStringLiteral("standardCode"),
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
                                QStringLiteral("interval"),      QStringLiteral("withdrawnOn"),
                                QStringLiteral("otj"),           QStringLiteral("reviews")},
                               this)) {
}

void ProgrammePersonController::setEmployeeId(const QString& id) {
    if (id != m_employeeId) {
        m_employeeId = id;
        emit employeeIdChanged();
        refresh();
    }
}

void ProgrammePersonController::build() {
    const timings::Scope timing("interface: ProgrammePersonController built");
    m_found = false;
    m_name.clear();
    m_team.clear();
    m_asye.clear();
    QList<QVariantMap> reviews;
    QList<QVariantMap> log;
    QList<QVariantMap> apprenticeships;
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    const auto data = m_session ? m_session->data() : nullptr;
    if (l && data && !m_employeeId.isEmpty()) {
        const std::string id = text(m_employeeId);
        for (const ledger::Staff& s : data->staff) {
            if (s.employeeId == id) {
                m_found = true;
                m_name = text(s.fullName);
                m_team = text(s.team);
            }
        }
    }
    if (m_found) {
        const ledger::Date today = m_session->todayDate();
        const ledger::PersonProgrammes pp =
            l->programmes().personProgrammes(text(m_employeeId), today);
        if (pp.enrolment && pp.asye) {
            const ledger::AsyeEnrolment& e = *pp.enrolment;
            const ledger::AsyeFigures& f = *pp.asye;
            m_asye = programmewords::asyeSummary(e, f, today);
            const auto person = [this](const std::string& staffId) {
                const QString who = text(staffId);
                const QString name = m_session->staffName(who);
                return name.isEmpty() ? who : tr("%1 (%2)").arg(name, who);
            };
            m_asye.insert(QStringLiteral("assessor"), person(e.assessorId));
            m_asye.insert(QStringLiteral("supervisor"), person(e.supervisorId));
            m_asye.insert(QStringLiteral("protectedTime"),
                          QStringLiteral("%1%").arg(e.protectedTimePercent));
            m_asye.insert(QStringLiteral("nineMonthReview"),
                          e.nineMonthReview ? tr("Yes") : tr("No"));
            m_asye.insert(QStringLiteral("cadence"),
                          tr("Supervision expected weekly for the first six weeks, at least "
                             "fortnightly until the 6-month review (%1), then at least monthly.")
                              .arg(convert::uk(f.reviews.sixMonth)));
            const bool closed = ledger::isClosed(e);
            for (const ledger::AsyeReview r :
                 {ledger::AsyeReview::ThreeMonth, ledger::AsyeReview::SixMonth,
                  ledger::AsyeReview::NineMonth, ledger::AsyeReview::Final}) {
                const auto date = f.reviews.of(r);
                if (!date) {
                    continue;
                }
                const auto outcome = ledger::reviewOutcome(e, r);
                QString state;
                QString words;
                QString tone;
                if (outcome) {
                    state = QStringLiteral("held");
                    words = programmewords::reviewOutcomeWords(*outcome);
                    tone = outcomeTone(*outcome);
                } else if (closed) {
                    state = QStringLiteral("closed");
                    words = tr("No outcome");
                    tone = QStringLiteral("draft");
                } else if (std::find(f.overdue.begin(), f.overdue.end(), r) != f.overdue.end()) {
                    state = QStringLiteral("overdue");
                    words = tr("Overdue");
                    tone = QStringLiteral("overdue");
                } else if (f.nextReview == date) {
                    state = QStringLiteral("due");
                    words = tr("Due");
                    tone = QStringLiteral("due_soon");
                } else {
                    state = QStringLiteral("later");
                    words = tr("Not yet due");
                    tone = QStringLiteral("not_yet_due");
                }
                reviews << QVariantMap{
                    {QStringLiteral("review"), text(ledger::asyeReviewCode(r))},
                    {QStringLiteral("name"), programmewords::reviewName(r)},
                    {QStringLiteral("date"), convert::uk(date)},
                    {QStringLiteral("outcome"),
                     outcome ? programmewords::reviewOutcomeWords(*outcome) : QString()},
                    {QStringLiteral("state"), state},
                    {QStringLiteral("stateText"), words},
                    {QStringLiteral("statusCode"), tone}};
            }
            log = logWithGaps(e, pp.supervisions, f, today);
        }
        for (const ledger::PersonProgrammes::Apprenticeship& a : pp.apprenticeships) {
            QVariantMap row = programmewords::apprenticeshipRow(a.apprenticeship, a.figures);
            QVariantList otj;
            for (auto it = a.otj.rbegin(); it != a.otj.rend(); ++it) {
                otj << QVariantMap{{QStringLiteral("date"), convert::uk(it->date)},
                                   {QStringLiteral("isoDate"), text(ledger::formatIso(it->date))},
                                   {QStringLiteral("hours"), programmewords::hours(it->hours)}};
            }
            QVariantList held;
            for (auto it = a.reviews.rbegin(); it != a.reviews.rend(); ++it) {
                const std::string code = ledger::apprenticeshipReviewOutcomeCode(it->outcome);
                held << QVariantMap{
                    {QStringLiteral("date"), convert::uk(it->date)},
                    {QStringLiteral("isoDate"), text(ledger::formatIso(it->date))},
                    {QStringLiteral("outcome"),
                     programmewords::labelOf(ledger::apprenticeshipReviewSpec(), "outcome", code)},
                    {QStringLiteral("outcomeCode"), text(code)},
                    {QStringLiteral("notes"), text(it->notes)}};
            }
            row.insert(QStringLiteral("otj"), otj);
            row.insert(QStringLiteral("reviews"), held);
            apprenticeships << row;
        }
    }
    m_reviews->setRows(reviews);
    m_supervisionLog->setRows(log);
    m_apprenticeships->setRows(apprenticeships);
    emit changed();
}

QString ProgrammePersonController::removeSupervision(const QString& isoDate) {
    ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
    if (!l) {
        return tr("The ledger is locked.");
    }
    const auto date = ledger::parseIsoDate(text(isoDate));
    std::optional<ledger::Supervision> found;
    if (date) {
        for (const ledger::Supervision& s : l->programmes().supervisions(text(m_employeeId))) {
            if (s.date == *date) {
                found = s;
            }
        }
    }
    if (!found) {
        return tr("That supervision is no longer in the ledger.");
    }
    const std::string actor = m_session->actorName();
    return m_session->write([supervision = *found, actor](ledger::Ledger& lg) {
        lg.programmes().remove(supervision, actor);
    });
}
