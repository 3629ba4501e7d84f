#include "sessions/sessionscontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "sessions/sessionwords.h"

#include "ledger.h"
#include "sessions/series.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <map>

using convert::text;
using namespace sessionwords;

SessionsController::SessionsController(QObject* parent)
    : PageController(parent),
      m_upcoming(new VariantListModel({QStringLiteral("key"), QStringLiteral("when"),
                                       QStringLiteral("title"), QStringLiteral("kind"),
                                       QStringLiteral("status"), QStringLiteral("places"),
                                       QStringLiteral("start"), QStringLiteral("booked")},
                                      this)),
      m_past(new VariantListModel({QStringLiteral("key"), QStringLiteral("when"),
                                   QStringLiteral("title"), QStringLiteral("kind"),
                                   QStringLiteral("status"), QStringLiteral("places"),
                                   QStringLiteral("start"), QStringLiteral("booked")},
                                  this)),
      m_bookings(new VariantListModel({QStringLiteral("employeeId"), QStringLiteral("name"),
                                       QStringLiteral("state"), QStringLiteral("stateCode"),
                                       QStringLiteral("promotedOn"), QStringLiteral("walkIn")},
                                      this)),
      m_suggestions(new VariantListModel(
          {QStringLiteral("rank"), QStringLiteral("key"), QStringLiteral("title"),
           QStringLiteral("priority"), QStringLiteral("stale"), QStringLiteral("why"),
           QStringLiteral("lastTouched"), QStringLiteral("staffReached")},
          this)),
      m_feedback(new VariantListModel({QStringLiteral("employeeId"), QStringLiteral("name"),
                                       QStringLiteral("score"), QStringLiteral("comment")},
                                      this)) {
}

void SessionsController::setSelected(const QString& key) {
    if (key == m_selected) {
        return;
    }
    m_selected = key;
    emit selectedChanged();
    refresh();
}

QString SessionsController::now() const {
    const QByteArray forced = qgetenv("PRACTICE_LEDGER_NOW");
    if (!forced.isEmpty()) {
        return QString::fromUtf8(forced);
    }
    const QDateTime london =
        QDateTime::currentDateTime().toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")));
    const QString time = london.time().toString(QStringLiteral("HH:mm"));
    const ledger::Date today = m_session ? m_session->todayDate() : ledger::Date{};
    return text(ledger::formatIso(today)) + QLatin1Char('T') + time;
}

void SessionsController::build() {
    guardedRead(m_session, [this] {
        const timings::Scope timing("interface: SessionsController built");
        QList<QVariantMap> upcoming, past, bookings, suggestions, feedback;
        QVariantMap detail;
        ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
        if (l) {
            std::map<std::string, QString> names;
            if (const auto data = m_session->data()) {
                for (const ledger::Staff& s : data->staff) {
                    names[s.employeeId] = text(s.fullName);
                }
            }
            const ledger::Date today = m_session->todayDate();
            const std::vector<ledger::SessionWithBookings> all = l->sessions().all();
            for (const ledger::SessionWithBookings& w : all) {
                const ledger::LearningSession& s = w.session;
                const QVariantMap row{{QStringLiteral("key"), text(s.key)},
                                      {QStringLiteral("when"), whenOf(s)},
                                      {QStringLiteral("title"), text(s.title)},
                                      {QStringLiteral("kind"), kindWord(s.kind)},
                                      {QStringLiteral("status"), statusWord(w.outcome.status)},
                                      {QStringLiteral("places"), placesOf(w.outcome)},
                                      {QStringLiteral("start"), startOf(s)},
                                      {QStringLiteral("booked"), placesShort(w.outcome)}};
                const auto day = ledger::dateOf(s.startsAt);
                if (day && *day < today) {
                    past.prepend(row); // the most recent first
                } else {
                    upcoming.push_back(row);
                }
                if (text(s.key) != m_selected) {
                    continue;
                }
                QStringList themes;
                for (const std::string& t : s.themes) {
                    themes << text(t);
                }
                const auto facilitator = names.find(s.facilitatorId);
                detail = {
                    {QStringLiteral("key"), text(s.key)},
                    {QStringLiteral("title"), text(s.title)},
                    {QStringLiteral("when"), whenOf(s)},
                    {QStringLiteral("kind"), kindWord(s.kind)},
                    {QStringLiteral("status"), statusWord(w.outcome.status)},
                    {QStringLiteral("statusCode"),
                     text(std::string(ledger::sessionStatusCode(w.outcome.status)))},
                    {QStringLiteral("cancelReason"), text(w.outcome.cancelReason)},
                    {QStringLiteral("places"), placesOf(w.outcome)},
                    {QStringLiteral("speaker"), text(s.speaker)},
                    {QStringLiteral("organisation"), text(s.organisation)},
                    {QStringLiteral("facilitator"),
                     facilitator != names.end() ? facilitator->second : text(s.facilitatorId)},
                    {QStringLiteral("themes"), themes.join(QStringLiteral(", "))},
                    {QStringLiteral("module"), text(s.moduleCode)},
                    {QStringLiteral("facilitatorId"), text(s.facilitatorId)},
                    {QStringLiteral("teamList"), text(ledger::sessionSpec().at("teams").format(s))},
                    {QStringLiteral("roleList"), text(ledger::sessionSpec().at("roles").format(s))},
                    {QStringLiteral("startsAt"), text(s.startsAt)},
                    {QStringLiteral("endsAt"), text(s.endsAt)},
                    {QStringLiteral("capacity"),
                     w.outcome.capacity ? QString::number(*w.outcome.capacity) : QString()},
                };
                QStringList invited;
                for (const std::string& id : l->sessions().invited(s.id)) {
                    invited << text(id);
                }
                detail.insert(QStringLiteral("invited"), invited.join(QLatin1Char(' ')));
                const std::vector<ledger::SessionFeedback> given = l->sessions().feedback(s.id);
                for (const ledger::SessionFeedback& f : given) {
                    const auto name = names.find(f.employeeId);
                    feedback.push_back({{QStringLiteral("employeeId"), text(f.employeeId)},
                                        {QStringLiteral("name"),
                                         name != names.end() ? name->second : text(f.employeeId)},
                                        {QStringLiteral("score"), f.score},
                                        {QStringLiteral("comment"), text(f.comment)}});
                }
                const auto mean = ledger::meanScore(given);
                detail.insert(QStringLiteral("feedbackSummary"),
                              mean ? tr("Feedback: %1 out of 5 from %n people", nullptr,
                                        static_cast<int>(given.size()))
                                         .arg(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                                  .toString(*mean, 'f', 1))
                                   : tr("No feedback yet."));
                for (const ledger::Booking& b : w.outcome.people) {
                    const auto name = names.find(b.employeeId);
                    bookings.push_back({{QStringLiteral("employeeId"), text(b.employeeId)},
                                        {QStringLiteral("name"),
                                         name != names.end() ? name->second : text(b.employeeId)},
                                        {QStringLiteral("state"), stateWord(b)},
                                        {QStringLiteral("stateCode"),
                                         text(std::string(ledger::bookingStateCode(b.state)))},
                                        {QStringLiteral("promotedOn"),
                                         b.promotedOn ? convert::uk(*b.promotedOn) : QString()},
                                        {QStringLiteral("walkIn"),
                                         b.walkIn && b.state == ledger::BookingState::Attended}});
                }
            }
            for (const ledger::TopicSuggestion& s : l->sessions().suggestions(all, today)) {
                suggestions.push_back(
                    {{QStringLiteral("rank"), s.rank},
                     {QStringLiteral("key"), text(s.key)},
                     {QStringLiteral("title"), text(s.title)},
                     {QStringLiteral("priority"), priorityWord(s.priority)},
                     {QStringLiteral("stale"), s.stale},
                     {QStringLiteral("why"),
                      s.stale ? tr("Not touched in 6 months") : tr("Touched recently")},
                     {QStringLiteral("lastTouched"),
                      s.lastTouchedOn ? convert::uk(*s.lastTouchedOn) : tr("Never")},
                     {QStringLiteral("staffReached"), s.staffReached}});
            }
        }
        m_upcoming->setRows(upcoming);
        m_past->setRows(past);
        m_bookings->setRows(bookings);
        m_suggestions->setRows(suggestions);
        m_feedback->setRows(feedback);
        m_detail = detail;
        emit changed();
    });
}

QString SessionsController::act(const QString& action, const QString& employeeId,
                                const QString& value) {
    if (!m_session || m_selected.isEmpty()) {
        return tr("Choose a session first.");
    }
    const auto kind = ledger::parseBookingAction(action.toStdString());
    if (!kind) {
        return tr("Unknown action %1.").arg(action);
    }
    ledger::BookingAction a;
    a.kind = *kind;
    a.employeeId = employeeId.trimmed().toStdString();
    if (*kind == ledger::BookingActionKind::SetCapacity && !value.trimmed().isEmpty()) {
        bool ok = false;
        const int capacity = value.trimmed().toInt(&ok);
        if (!ok) {
            return tr("The capacity is a whole number from 1 to 1000, or empty for no limit.");
        }
        a.capacity = capacity;
    }
    if (*kind == ledger::BookingActionKind::CancelSession) {
        a.reason = value.toStdString();
    }
    const std::string at = now().toStdString();
    const std::string actor = m_session->actorName();
    return writeSelected(
        [=](ledger::Ledger& l, ledger::RecordId id) { l.sessions().act(id, a, at, actor); });
}

QString SessionsController::writeSelected(
    const std::function<void(ledger::Ledger&, ledger::RecordId)>& work) {
    const std::string key = m_selected.toStdString();
    const QString error = m_session->write([&](ledger::Ledger& l) {
        const auto stored = l.sessions().findByKey(key);
        if (!stored) {
            throw ledger::Conflict("the session was removed meanwhile");
        }
        work(l, stored->session.id);
    });
    refresh();
    return error;
}

QString SessionsController::setInvited(const QString& employeeIds) {
    if (!m_session || m_selected.isEmpty()) {
        return tr("Choose a session first.");
    }
    std::vector<std::string> ids;
    for (const QString& id :
         employeeIds.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts)) {
        ids.push_back(text(id));
    }
    const std::string actor = m_session->actorName();
    return writeSelected(
        [=](ledger::Ledger& l, ledger::RecordId id) { l.sessions().setInvited(id, ids, actor); });
}

QString SessionsController::giveFeedback(const QString& employeeId, int score,
                                         const QString& comment) {
    if (!m_session || m_selected.isEmpty()) {
        return tr("Choose a session first.");
    }
    ledger::SessionFeedback f;
    f.employeeId = text(employeeId.trimmed());
    f.score = score;
    f.comment = text(comment.trimmed());
    const std::string actor = m_session->actorName();
    return writeSelected(
        [=](ledger::Ledger& l, ledger::RecordId id) { l.sessions().giveFeedback(id, f, actor); });
}
