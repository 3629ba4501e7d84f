#include "sessions/sessionscontroller.h"

#include "common/convert.h"
#include "common/timings.h"

#include "ledger.h"
#include "sessions/series.h"

#include <QDateTime>
#include <QTimeZone>

#include <map>

using convert::text;

namespace {

QString statusWord(ledger::SessionStatus status) {
    switch (status) {
    case ledger::SessionStatus::Planned:
        return QObject::tr("Planned");
    case ledger::SessionStatus::Held:
        return QObject::tr("Held");
    case ledger::SessionStatus::Cancelled:
        return QObject::tr("Cancelled");
    }
    return {};
}

QString priorityWord(ledger::ThemePriority priority) {
    switch (priority) {
    case ledger::ThemePriority::High:
        return QObject::tr("High");
    case ledger::ThemePriority::Medium:
        return QObject::tr("Medium");
    case ledger::ThemePriority::Low:
        return QObject::tr("Low");
    }
    return {};
}

QString kindWord(ledger::SessionKind kind) {
    switch (kind) {
    case ledger::SessionKind::PracticeForum:
        return QObject::tr("Practice forum");
    case ledger::SessionKind::NqSession:
        return QObject::tr("NQ group session");
    case ledger::SessionKind::Conference:
        return QObject::tr("Conference");
    case ledger::SessionKind::Workshop:
        return QObject::tr("Workshop");
    case ledger::SessionKind::Other:
        return QObject::tr("Other");
    }
    return {};
}

QString stateWord(const ledger::Booking& b) {
    using State = ledger::BookingState;
    switch (b.state) {
    case State::None:
        return {};
    case State::Booked:
        return QObject::tr("Booked");
    case State::Waiting:
        return QObject::tr("Waiting (%1 in the queue)").arg(b.waitingPosition);
    case State::Cancelled:
        return QObject::tr("Cancelled");
    case State::Apologised:
        return QObject::tr("Sent apologies");
    case State::Attended:
        return QObject::tr("Attended");
    case State::Absent:
        return QObject::tr("Absent with apologies");
    case State::NoShow:
        return QObject::tr("Did not attend");
    case State::CancelledBySession:
        return QObject::tr("Session cancelled");
    }
    return {};
}

/// `dd/MM/yyyy` and `10:00–12:00` of a session.
QString whenOf(const ledger::LearningSession& s) {
    const auto day = ledger::dateOf(s.startsAt);
    QString when = day ? convert::uk(*day) : text(s.startsAt);
    when += QLatin1Char(' ') + text(s.startsAt.substr(11)) + QChar(0x2013);
    if (s.endsAt.substr(0, 10) != s.startsAt.substr(0, 10)) {
        const auto end = ledger::dateOf(s.endsAt);
        when += (end ? convert::uk(*end) : text(s.endsAt.substr(0, 10))) + QLatin1Char(' ');
    }
    return when + text(s.endsAt.substr(11));
}

QString placesOf(const ledger::BookingOutcome& o) {
    int waiting = 0;
    for (const ledger::Booking& b : o.people) {
        waiting += b.state == ledger::BookingState::Waiting ? 1 : 0;
    }
    QString places =
        o.capacity ? QObject::tr("%1 of %2 places booked").arg(o.bookedCount()).arg(*o.capacity)
                   : QObject::tr("%1 booked (no limit)").arg(o.bookedCount());
    if (waiting > 0) {
        places += QObject::tr(", %n waiting", nullptr, waiting);
    }
    return places;
}

} // namespace

SessionsController::SessionsController(QObject* parent)
    : QObject(parent),
      m_upcoming(new VariantListModel({QStringLiteral("key"), QStringLiteral("when"),
                                       QStringLiteral("title"), QStringLiteral("kind"),
                                       QStringLiteral("status"), QStringLiteral("places")},
                                      this)),
      m_past(new VariantListModel({QStringLiteral("key"), QStringLiteral("when"),
                                   QStringLiteral("title"), QStringLiteral("kind"),
                                   QStringLiteral("status"), QStringLiteral("places")},
                                  this)),
      m_bookings(new VariantListModel({QStringLiteral("employeeId"), QStringLiteral("name"),
                                       QStringLiteral("state"), QStringLiteral("stateCode"),
                                       QStringLiteral("promotedOn"), QStringLiteral("walkIn")},
                                      this)),
      m_suggestions(new VariantListModel(
          {QStringLiteral("rank"), QStringLiteral("key"), QStringLiteral("title"),
           QStringLiteral("priority"), QStringLiteral("stale"), QStringLiteral("why"),
           QStringLiteral("lastTouched"), QStringLiteral("staffReached")},
          this)) {
}

void SessionsController::setActive(bool active) {
    if (m_shown.setActive(active)) {
        emit activeChanged();
    }
}

void SessionsController::setSession(Session* session) {
    if (!attachSession(this, m_session, session, &SessionsController::refresh)) {
        return;
    }
    emit sessionChanged();
    refresh();
}

void SessionsController::setSelected(const QString& key) {
    if (key == m_selected) {
        return;
    }
    m_selected = key;
    emit selectedChanged();
    refresh();
}

void SessionsController::refresh() {
    m_shown.changed();
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
        QList<QVariantMap> upcoming, past, bookings, suggestions;
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
            for (const ledger::SessionWithBookings& w : l->sessions().all()) {
                const ledger::LearningSession& s = w.session;
                const QVariantMap row{{QStringLiteral("key"), text(s.key)},
                                      {QStringLiteral("when"), whenOf(s)},
                                      {QStringLiteral("title"), text(s.title)},
                                      {QStringLiteral("kind"), kindWord(s.kind)},
                                      {QStringLiteral("status"), statusWord(w.outcome.status)},
                                      {QStringLiteral("places"), placesOf(w.outcome)}};
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
                };
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
            for (const ledger::TopicSuggestion& s : l->sessions().suggestions(today)) {
                suggestions.push_back(
                    {{QStringLiteral("rank"), s.rank},
                     {QStringLiteral("key"), text(s.key)},
                     {QStringLiteral("title"), text(s.title)},
                     {QStringLiteral("priority"), priorityWord(s.priority)},
                     {QStringLiteral("stale"), s.stale},
                     {QStringLiteral("why"),
                      s.stale ? tr("Not touched for 6 months") : tr("Touched recently")},
                     {QStringLiteral("lastTouched"),
                      s.lastTouchedOn ? convert::uk(*s.lastTouchedOn) : tr("Never")},
                     {QStringLiteral("staffReached"), s.staffReached}});
            }
        }
        m_upcoming->setRows(upcoming);
        m_past->setRows(past);
        m_bookings->setRows(bookings);
        m_suggestions->setRows(suggestions);
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
    const std::string key = m_selected.toStdString();
    const std::string at = now().toStdString();
    const std::string actor = m_session->actorName();
    const QString error = m_session->write([=](ledger::Ledger& l) {
        const auto stored = l.sessions().findByKey(key);
        if (!stored) {
            throw ledger::Conflict("the session was removed meanwhile");
        }
        l.sessions().act(stored->session.id, a, at, actor);
    });
    refresh();
    return error;
}
