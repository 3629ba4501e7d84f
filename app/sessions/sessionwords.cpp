#include "sessions/sessionwords.h"

#include "common/convert.h"
#include "sessions/series.h"

#include <QObject>

using convert::text;

QString sessionwords::statusWord(ledger::SessionStatus status) {
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

QString sessionwords::priorityWord(ledger::ThemePriority priority) {
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

QString sessionwords::kindWord(ledger::SessionKind kind) {
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

QString sessionwords::stateWord(const ledger::Booking& b) {
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

QString sessionwords::whenOf(const ledger::LearningSession& s) {
    const auto day = ledger::dateOf(s.startsAt);
    QString when = day ? convert::uk(*day) : text(s.startsAt);
    when += QLatin1Char(' ') + text(s.startsAt.substr(11)) + QChar(0x2013);
    if (s.endsAt.substr(0, 10) != s.startsAt.substr(0, 10)) {
        const auto end = ledger::dateOf(s.endsAt);
        when += (end ? convert::uk(*end) : text(s.endsAt.substr(0, 10))) + QLatin1Char(' ');
    }
    return when + text(s.endsAt.substr(11));
}

QString sessionwords::placesOf(const ledger::BookingOutcome& o) {
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

QString sessionwords::placesShort(const ledger::BookingOutcome& o) {
    int waiting = 0;
    for (const ledger::Booking& b : o.people) {
        waiting += b.state == ledger::BookingState::Waiting ? 1 : 0;
    }
    QString places = o.capacity ? QObject::tr("%1 of %2").arg(o.bookedCount()).arg(*o.capacity)
                                : QObject::tr("%1 (no limit)").arg(o.bookedCount());
    if (waiting > 0) {
        places += QObject::tr(", %1 waiting").arg(waiting);
    }
    return places;
}

QString sessionwords::startOf(const ledger::LearningSession& s) {
    const auto day = ledger::dateOf(s.startsAt);
    return (day ? convert::uk(*day) : text(s.startsAt.substr(0, 10))) + QLatin1Char(' ') +
           text(s.startsAt.substr(11));
}
