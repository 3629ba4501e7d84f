#include "themes/themecontroller.h"

#include "common/convert.h"
#include "common/timings.h"
#include "sessions/sessionwords.h"

#include "ledger.h"
#include "sessions/series.h"
#include "themes/reach.h"

#include <algorithm>
#include <map>

using convert::text;
using namespace sessionwords;

ThemeController::ThemeController(QObject* parent)
    : PageController(parent),
      m_modules(new VariantListModel(
          {QStringLiteral("code"), QStringLiteral("title"), QStringLiteral("known")}, this)),
      m_sessions(new VariantListModel({QStringLiteral("key"), QStringLiteral("date"),
                                       QStringLiteral("when"), QStringLiteral("title"),
                                       QStringLiteral("status"), QStringLiteral("attended"),
                                       QStringLiteral("places")},
                                      this)) {
}

void ThemeController::sessionAttached() {
    if (m_session && m_from.isEmpty() && m_to.isEmpty()) {
        // The 12 months to today.
        const ledger::Date today = m_session->todayDate();
        m_to = convert::uk(today);
        m_from = convert::uk(convert::toDate(convert::toQDate(today).addYears(-1).addDays(1)));
        emit periodChanged();
    }
}

void ThemeController::setSelected(const QString& key) {
    if (key == m_selected) {
        return;
    }
    m_selected = key;
    emit selectedChanged();
    refresh();
}

void ThemeController::setFrom(const QString& from) {
    if (from == m_from) {
        return;
    }
    m_from = from;
    emit periodChanged();
    refresh();
}

void ThemeController::setTo(const QString& to) {
    if (to == m_to) {
        return;
    }
    m_to = to;
    emit periodChanged();
    refresh();
}

void ThemeController::build() {
    guardedRead(m_session, [this] {
        const timings::Scope timing("interface: ThemeController built");
        QVariantMap detail, reach;
        QList<QVariantMap> modules, sessions;
        QString periodError;
        ledger::Ledger* l = m_session ? m_session->ledger() : nullptr;
        const auto from = convert::parseTyped(m_from.trimmed());
        const auto to = convert::parseTyped(m_to.trimmed());
        if (!from || !to) {
            periodError = tr("Type both dates of the period as DD/MM/YYYY.");
        } else if (*to < *from) {
            periodError = tr("The period ends before it starts.");
        }
        const std::string key = text(m_selected);
        std::optional<ledger::AuditTheme> theme;
        if (l && !key.empty()) {
            for (ledger::AuditTheme& t : l->themes().all()) {
                if (t.key == key) {
                    theme = std::move(t);
                    break;
                }
            }
        }
        if (theme) {
            std::map<std::string, QString> names;
            std::map<std::string, QString> moduleTitles;
            if (const auto data = m_session->data()) {
                for (const ledger::Staff& s : data->staff) {
                    names[s.employeeId] = text(s.fullName);
                }
                for (const ledger::Module& m : data->modules) {
                    moduleTitles[m.code] = text(m.title);
                }
            }
            const auto owner = names.find(theme->ownerId);
            detail = {{QStringLiteral("key"), text(theme->key)},
                      {QStringLiteral("title"), text(theme->title)},
                      {QStringLiteral("description"), text(theme->description)},
                      {QStringLiteral("owner"),
                       theme->ownerId.empty() ? QString()
                       : owner != names.end()
                           ? tr("%1 (%2)").arg(owner->second, text(theme->ownerId))
                           : text(theme->ownerId)},
                      {QStringLiteral("source"), text(ledger::themeSourceCode(theme->source))},
                      {QStringLiteral("priority"), priorityWord(theme->priority)},
                      {QStringLiteral("status"), text(ledger::themeStatusCode(theme->status))},
                      {QStringLiteral("raisedOn"), convert::uk(theme->raisedOn)}};
            for (const std::string& code : theme->moduleCodes) {
                const auto title = moduleTitles.find(code);
                modules.push_back(
                    {{QStringLiteral("code"), text(code)},
                     {QStringLiteral("title"),
                      title != moduleTitles.end() ? title->second : tr("(no such module)")},
                     {QStringLiteral("known"), title != moduleTitles.end()}});
            }
            const std::vector<ledger::SessionWithBookings> all = l->sessions().all();
            for (const ledger::SessionWithBookings& w : all) {
                if (std::find(w.session.themes.begin(), w.session.themes.end(), key) ==
                    w.session.themes.end()) {
                    continue;
                }
                int attended = 0;
                for (const ledger::Booking& b : w.outcome.people) {
                    attended += b.state == ledger::BookingState::Attended ? 1 : 0;
                }
                sessions.prepend(
                    {{QStringLiteral("key"), text(w.session.key)},
                     {QStringLiteral("date"), convert::uk(ledger::dateOf(w.session.startsAt))},
                     {QStringLiteral("when"), whenOf(w.session)},
                     {QStringLiteral("title"), text(w.session.title)},
                     {QStringLiteral("status"), statusWord(w.outcome.status)},
                     {QStringLiteral("attended"), attended},
                     {QStringLiteral("places"), placesOf(w.outcome)}});
            }
            if (periodError.isEmpty()) {
                for (const ledger::ThemeWithTouches& t : l->sessions().themesWithTouches(all)) {
                    if (t.key != key) {
                        continue;
                    }
                    const ledger::ThemeReach r = ledger::themeReach(t.touches, *from, *to);
                    reach = {{QStringLiteral("sessionsHeld"), r.sessionsHeld},
                             {QStringLiteral("completions"), r.completions},
                             {QStringLiteral("cpdEntries"), r.cpdEntries},
                             {QStringLiteral("staffReached"), r.staffReached},
                             {QStringLiteral("lastTouched"),
                              r.lastTouchedOn ? convert::uk(*r.lastTouchedOn) : tr("Never")}};
                }
            }
        }
        m_detail = detail;
        m_reach = reach;
        m_periodError = periodError;
        m_modules->setRows(modules);
        m_sessions->setRows(sessions);
        emit changed();
    });
}
