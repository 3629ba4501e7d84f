#include "sessions/session_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/validation.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ledger {

namespace {

void refuse(const char* field, std::string message) {
    throw ValidationError({FieldError{{}, 0, field, std::move(message)}});
}

bool inRange(const std::string& startsAt, std::optional<Date> from, std::optional<Date> to) {
    const std::optional<Date> day = dateOf(startsAt);
    return day && (!from || !(*day < *from)) && (!to || !(*to < *day));
}

ClashSession clashSessionOf(const LearningSession& s, const BookingOutcome& outcome) {
    return ClashSession{
        s.key,           s.startsAt, s.endsAt, outcome.status == SessionStatus::Cancelled,
        s.facilitatorId, s.teams,    s.roles,  peopleForClashes(outcome)};
}

/// The action as the change log shows it.
std::string actionValues(const BookingAction& a) {
    Fields fields{{"at", a.at}};
    if (!a.employeeId.empty()) {
        fields.emplace_back("employee_id", a.employeeId);
    }
    if (a.kind == BookingActionKind::SetCapacity) {
        fields.emplace_back("capacity", a.capacity ? std::to_string(*a.capacity) : "");
    }
    if (a.kind == BookingActionKind::CancelSession) {
        fields.emplace_back("reason", a.reason);
    }
    return json(fields);
}

} // namespace

SessionService::SessionService(UnitOfWork& work)
    : m_work(work), m_staff(work.store().staff()), m_training(work.store().training()),
      m_themes(work.store().themes()), m_sessions(work.store().sessions()),
      m_changes(work.store().changeLog()) {
}

std::vector<SessionWithBookings> SessionService::all() {
    std::vector<LearningSession> sessions = m_sessions.sessions();
    std::unordered_map<RecordId, std::vector<BookingAction>> logs = m_sessions.actionLogs();
    std::vector<SessionWithBookings> out;
    out.reserve(sessions.size());
    for (LearningSession& s : sessions) {
        SessionWithBookings w;
        const auto found = logs.find(s.id);
        if (found != logs.end()) {
            w.log = std::move(found->second);
        }
        w.outcome = replayBookings(s.startsAt, s.capacity, w.log);
        w.session = std::move(s);
        out.push_back(std::move(w));
    }
    return out;
}

std::optional<SessionWithBookings> SessionService::find(RecordId id) {
    std::optional<LearningSession> s = m_sessions.session(id);
    if (!s) {
        return std::nullopt;
    }
    SessionWithBookings w;
    w.log = m_sessions.actionLog(id);
    w.outcome = replayBookings(s->startsAt, s->capacity, w.log);
    w.session = std::move(*s);
    return w;
}

std::optional<SessionWithBookings> SessionService::findByKey(std::string_view key) {
    const std::optional<LearningSession> s = m_sessions.sessionByKey(key);
    return s ? find(s->id) : std::nullopt;
}

SessionContext SessionService::context(const ValidationContext& base) {
    auto themeKeys = std::make_shared<std::unordered_set<std::string>>();
    for (const AuditTheme& t : m_themes.auditThemes()) {
        themeKeys->insert(t.key);
    }
    auto teams = std::make_shared<std::set<std::string, std::less<>>>();
    for (std::string& name : m_staff.names(NameKind::Team)) {
        teams->insert(std::move(name));
    }
    auto roles = std::make_shared<std::set<std::string, std::less<>>>();
    for (std::string& name : m_staff.names(NameKind::Role)) {
        roles->insert(std::move(name));
    }
    return SessionContext{
        base,
        [themeKeys](std::string_view key) { return themeKeys->contains(std::string(key)); },
        [teams](std::string_view name) { return teams->contains(name); },
        [roles](std::string_view name) { return roles->contains(name); },
    };
}

void SessionService::checkEdit(const SessionWithBookings& stored, const LearningSession& edited) {
    const LearningSession& before = stored.session;
    if (edited.key != before.key) {
        refuse("key", "a session's key cannot change");
    }
    if (stored.outcome.status == SessionStatus::Held) {
        if (edited.startsAt != before.startsAt) {
            refuse("starts_at", "session already held");
        }
        if (edited.endsAt != before.endsAt) {
            refuse("ends_at", "session already held");
        }
        if (edited.moduleCode != before.moduleCode) {
            refuse("module", "session already held");
        }
    }
    // No edit may make a recorded action refused.
    const BookingOutcome after = replayBookings(edited.startsAt, edited.capacity, stored.log);
    for (const RefusedAction& r : after.refused) {
        const bool wasRefused =
            std::any_of(stored.outcome.refused.begin(), stored.outcome.refused.end(),
                        [&](const RefusedAction& old) { return old.index == r.index; });
        if (!wasRefused) {
            const BookingAction& a = stored.log[r.index];
            refuse(edited.startsAt != before.startsAt ? "starts_at" : "capacity",
                   "the " + std::string(bookingActionCode(a.kind)) + " recorded at " + a.at +
                       " would be refused (" + r.message + ")");
        }
    }
}

RecordId SessionService::put(const LearningSession& session,
                             const std::optional<LearningSession>& before, std::string_view actor) {
    RecordId id = 0;
    LearningSession after = session;
    const auto save = [&] {
        id = m_sessions.putSession(after);
        after.id = id;
        logged(m_changes, "session", id,
               changeEntry(actor, "session", after.key, before ? &*before : nullptr, after),
               !before);
        m_work.changed(LedgerChange::Kind::Sessions);
    };
    if (!before) {
        after.id = 0;
        save();
        return id;
    }
    after.version = before->version; // the write, too, finds it unchanged since
    saveOver(m_changes, "session", session.id, "this session (" + before->title + ")",
             session.version, before->version, save);
    return id;
}

RecordId SessionService::save(const LearningSession& session, Date today, std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        const ValidationContext base = storedContext(m_staff, m_training, today);
        std::vector<FieldError> errors = validateSession(session, context(base));
        if (const auto other = m_sessions.sessionByKey(session.key);
            other && other->id != session.id) {
            errors.push_back(
                FieldError{{}, 0, "key", "another session has the key " + session.key});
        }
        throwIfAny(errors);
        std::optional<SessionWithBookings> stored;
        if (session.id != 0) {
            stored = find(session.id);
            if (!stored) {
                throw Conflict("the session was removed meanwhile");
            }
            checkEdit(*stored, session);
        }
        id = put(session, stored ? std::optional(stored->session) : std::nullopt, actor);
    });
    return id;
}

std::vector<RecordId> SessionService::saveSeries(const LearningSession& first,
                                                 const SeriesRule& rule, Date today,
                                                 std::string_view actor) {
    if (rule.repeat == Repeat::None) {
        return {save(first, today, actor)};
    }
    std::vector<RecordId> ids;
    m_work.run([&] {
        ids.clear();
        const ValidationContext base = storedContext(m_staff, m_training, today);
        const SessionContext sessionContext = context(base);
        // The first session's own fields first, then the series' dates.
        throwIfAny(validateSession(first, sessionContext));
        const std::vector<Occurrence> occurrences =
            seriesOccurrences(first.key, first.startsAt, first.endsAt, rule);
        std::vector<LearningSession> sessions;
        std::vector<FieldError> errors;
        for (const Occurrence& o : occurrences) {
            LearningSession s = first;
            s.id = 0;
            s.key = o.key;
            s.startsAt = o.startsAt;
            s.endsAt = o.endsAt;
            for (FieldError& e : validateSession(s, sessionContext)) {
                e.message = o.key + ": " + e.message;
                errors.push_back(std::move(e));
            }
            if (m_sessions.sessionByKey(s.key)) {
                errors.push_back(FieldError{{}, 0, "key", "another session has the key " + s.key});
            }
            sessions.push_back(std::move(s));
        }
        throwIfAny(errors);
        for (const LearningSession& s : sessions) {
            ids.push_back(put(s, std::nullopt, actor));
        }
    });
    return ids;
}

void SessionService::remove(RecordId id, std::string_view actor) {
    m_work.run([&] {
        const std::optional<SessionWithBookings> stored = find(id);
        if (!stored) {
            refuse("id", "no session has id " + std::to_string(id));
        }
        if (!stored->log.empty()) {
            refuse("id", "the session has booking actions on record: cancel it instead");
        }
        m_sessions.removeSession(id);
        m_changes.append(logEntry(actor, "session", stored->session.key, "remove",
                                  json(fieldsOf(stored->session)), ""));
        m_work.changed(LedgerChange::Kind::Sessions);
    });
}

std::string SessionService::act(RecordId session, BookingAction action, std::string_view now,
                                std::string_view actor) {
    std::string at;
    m_work.run([&] {
        const std::optional<SessionWithBookings> stored = find(session);
        if (!stored) {
            refuse("session", "no session has id " + std::to_string(session));
        }
        if (actionNamesAPerson(action.kind)) {
            if (action.employeeId.empty()) {
                refuse("employee_id", "the person is required");
            }
            // On a server the server checks the person itself: a manager may record anyone's
            // action, including people outside the tree this account reads.
            if (!m_sessions.decidesActions() && !m_staff.staffMember(action.employeeId)) {
                refuse("employee_id", "no staff member has employee id " + action.employeeId);
            }
        } else {
            action.employeeId.clear();
        }
        if (action.kind == BookingActionKind::SetCapacity && action.capacity &&
            (*action.capacity < 1 || *action.capacity > kMaxCapacity)) {
            refuse("value", "from 1 to " + std::to_string(kMaxCapacity) + ", or empty");
        }
        if (action.kind == BookingActionKind::CancelSession) {
            if (blank(action.reason)) {
                refuse("value", "a cancel reason is required");
            }
            if (auto problem = textProblem(action.reason, TextKind::FreeText)) {
                refuse("value", *problem);
            }
        } else {
            action.reason.clear();
        }
        if (action.kind != BookingActionKind::SetCapacity) {
            action.capacity.reset();
        }
        action.at = std::string(now); // on a server, the server's clock decides
        if (m_sessions.decidesActions()) {
            at = m_sessions.recordAction(session, action);
        } else {
            // Never before the log's last action (the October hour repeats on the clock).
            if (!stored->log.empty() && action.at < stored->log.back().at) {
                action.at = stored->log.back().at;
            }
            std::vector<BookingAction> log = stored->log;
            log.push_back(action);
            const BookingOutcome outcome =
                replayBookings(stored->session.startsAt, stored->session.capacity, log);
            for (const RefusedAction& r : outcome.refused) {
                if (r.index + 1 == log.size()) {
                    throw ActionRefused(r.message);
                }
            }
            ChangeLogEntry entry =
                logEntry(actor, "booking", stored->session.key,
                         std::string(bookingActionCode(action.kind)), "", actionValues(action));
            entry.subject = action.employeeId;
            const RecordId change = m_changes.append(entry);
            m_sessions.appendAction(session, action, change);
            applyDeliveredModules({session}, actor);
            at = action.at;
        }
        m_work.changed(LedgerChange::Kind::Sessions);
        if (!stored->session.moduleCode.empty() && !action.employeeId.empty()) {
            m_work.changed(LedgerChange::Kind::Completions, action.employeeId);
        }
    });
    return at;
}

void SessionService::applyDeliveredModules(const std::vector<RecordId>& sessions,
                                           std::string_view actor) {
    // The named sessions that deliver a module on a valid day.
    std::vector<std::pair<LearningSession, Date>> named;
    for (const RecordId id : sessions) {
        std::optional<LearningSession> s = m_sessions.session(id);
        if (!s || s->moduleCode.empty()) {
            continue;
        }
        if (const std::optional<Date> day = dateOf(s->startsAt)) {
            named.emplace_back(std::move(*s), *day);
        }
    }
    if (named.empty()) {
        return;
    }
    // Only the sessions delivering one of those modules on its day matter, in all()'s order
    // and as visible as there; of the logs, only theirs.
    std::set<std::pair<std::string, Date>> wanted;
    for (const auto& [s, day] : named) {
        wanted.emplace(s.moduleCode, day);
    }
    std::vector<SessionWithBookings> delivering;
    for (LearningSession& s : m_sessions.sessions()) {
        if (s.moduleCode.empty()) {
            continue;
        }
        const std::optional<Date> day = dateOf(s.startsAt);
        if (day && wanted.contains({s.moduleCode, *day})) {
            SessionWithBookings w;
            w.session = std::move(s);
            delivering.push_back(std::move(w));
        }
    }
    // One query per log for the few an action touches; one read of every log for the many an
    // import may name.
    constexpr std::size_t kFewLogs = 8;
    if (delivering.size() <= kFewLogs) {
        for (SessionWithBookings& w : delivering) {
            w.log = m_sessions.actionLog(w.session.id);
        }
    } else {
        std::unordered_map<RecordId, std::vector<BookingAction>> logs = m_sessions.actionLogs();
        for (SessionWithBookings& w : delivering) {
            if (const auto found = logs.find(w.session.id); found != logs.end()) {
                w.log = std::move(found->second);
            }
        }
    }
    for (SessionWithBookings& w : delivering) {
        w.outcome = replayBookings(w.session.startsAt, w.session.capacity, w.log);
    }

    for (const auto& [s, day] : named) {
        // The sessions delivering the same module that day, this one among them.
        std::vector<const SessionWithBookings*> siblings;
        const SessionWithBookings* self = nullptr;
        for (const SessionWithBookings& w : delivering) {
            if (w.session.moduleCode == s.moduleCode && dateOf(w.session.startsAt) == day) {
                siblings.push_back(&w);
                if (w.session.id == s.id) {
                    self = &w;
                }
            }
        }
        if (!self) {
            continue;
        }
        for (const Booking& person : self->outcome.people) {
            const SessionWithBookings* attendedAt = nullptr;
            for (const SessionWithBookings* w : siblings) {
                const Booking* b = w->outcome.find(person.employeeId);
                if (b && b->state == BookingState::Attended && (!attendedAt || w == self)) {
                    attendedAt = w;
                }
            }
            std::optional<Completion> held;
            for (Completion& c : m_training.completionsOf(person.employeeId)) {
                if (c.moduleCode == s.moduleCode && c.completedOn == day) {
                    held = std::move(c);
                }
            }
            bool madeBySession = false;
            if (held && held->evidence.starts_with("session ")) {
                const std::string key = held->evidence.substr(8);
                madeBySession = std::any_of(
                    siblings.begin(), siblings.end(),
                    [&](const SessionWithBookings* w) { return w->session.key == key; });
            }
            const DeliveredChange change =
                deliveredChange(held.has_value(), madeBySession, held && held->voided, attendedAt);
            if (change == DeliveredChange::None) {
                continue;
            }
            if (change == DeliveredChange::Record) {
                Completion c;
                c.employeeId = person.employeeId;
                c.moduleCode = s.moduleCode;
                c.completedOn = day;
                c.evidence = "session " + attendedAt->session.key;
                const std::optional<RecordId> added = m_training.addCompletion(c);
                if (added) {
                    c.id = *added;
                    logged(
                        m_changes, "completion", c.id,
                        changeEntry<Completion>(actor, "completion", completionKey(c), nullptr, c),
                        true);
                }
            } else {
                Completion after = *held;
                after.voided = change == DeliveredChange::Void;
                after.voidReason = after.voided ? "attendance withdrawn" : "";
                m_training.updateCompletion(after);
                ChangeLogEntry entry = logEntry(
                    actor, "completion", completionKey(after), after.voided ? "void" : "restore",
                    "", json({{"reason", after.voided ? after.voidReason : "attended"}}));
                entry.subject = after.employeeId;
                logged(m_changes, "completion", after.id, entry, false);
            }
            m_work.changed(LedgerChange::Kind::Completions, person.employeeId);
        }
    }
}

std::vector<std::string> SessionService::invited(RecordId session) {
    return m_sessions.invited(session);
}

void SessionService::setInvited(RecordId session, const std::vector<std::string>& employeeIds,
                                std::string_view actor) {
    m_work.run([&] {
        const std::optional<LearningSession> s = m_sessions.session(session);
        if (!s) {
            refuse("session", "no session has id " + std::to_string(session));
        }
        const std::vector<std::string> before = m_sessions.invited(session);
        std::vector<std::string> after = employeeIds;
        std::sort(after.begin(), after.end());
        after.erase(std::unique(after.begin(), after.end()), after.end());
        if (before == after) {
            return;
        }
        m_sessions.setInvited(session, after);
        const auto joined = [](const std::vector<std::string>& ids) {
            std::string out;
            for (const std::string& id : ids) {
                out += (out.empty() ? "" : ";") + id;
            }
            return out;
        };
        m_changes.append(logEntry(actor, "session", s->key, "invite",
                                  json({{"invited", joined(before)}}),
                                  json({{"invited", joined(after)}})));
        m_work.changed(LedgerChange::Kind::Sessions);
    });
}

std::vector<SessionFeedback> SessionService::feedback(RecordId session) {
    return m_sessions.feedback(session);
}

void SessionService::giveFeedback(RecordId session, const SessionFeedback& f,
                                  std::string_view actor) {
    m_work.run([&] {
        const std::optional<SessionWithBookings> stored = find(session);
        if (!stored) {
            refuse("session", "no session has id " + std::to_string(session));
        }
        const Booking* b = stored->outcome.find(f.employeeId);
        if (!b || b->state != BookingState::Attended) {
            refuse("employee_id", f.employeeId + " did not attend this session");
        }
        if (f.score < 1 || f.score > 5) {
            refuse("score", "a score from 1 to 5");
        }
        if (auto problem = textProblem(f.comment, TextKind::FreeText)) {
            refuse("comment", *problem);
        }
        if (codePoints(f.comment) > kMaxLongTextLength) {
            refuse("comment", "at most 10,000 characters");
        }
        m_sessions.putFeedback(session, f);
        ChangeLogEntry entry =
            logEntry(actor, "session", stored->session.key, "feedback", "",
                     json({{"score", std::to_string(f.score)}, {"comment", f.comment}}));
        entry.subject = f.employeeId;
        m_changes.append(entry);
        m_work.changed(LedgerChange::Kind::Sessions);
    });
}

std::vector<Clash> SessionService::clashesOf(const LearningSession& session) {
    return clashesOf(std::vector<LearningSession>{session});
}

std::vector<Clash> SessionService::clashesOf(const std::vector<LearningSession>& candidates) {
    const std::vector<SessionWithBookings> stored = all();
    std::vector<Clash> out;
    for (const LearningSession& session : candidates) {
        std::vector<ClashSession> sessions;
        BookingOutcome own;
        for (const SessionWithBookings& w : stored) {
            if (w.session.id == session.id && session.id != 0) {
                own = replayBookings(session.startsAt, session.capacity, w.log);
            } else if (w.session.key != session.key) {
                sessions.push_back(clashSessionOf(w.session, w.outcome));
            }
        }
        sessions.push_back(clashSessionOf(session, own));
        for (Clash& c : findClashes(sessions)) {
            if (c.session == session.key || c.other == session.key) {
                out.push_back(std::move(c));
            }
        }
    }
    return out;
}

std::vector<Clash> SessionService::clashes(std::optional<Date> from, std::optional<Date> to) {
    std::vector<ClashSession> sessions;
    for (const SessionWithBookings& w : all()) {
        if (inRange(w.session.startsAt, from, to)) {
            sessions.push_back(clashSessionOf(w.session, w.outcome));
        }
    }
    return findClashes(sessions);
}

std::vector<BookingsRow> SessionService::bookings(std::optional<Date> from,
                                                  std::optional<Date> to) {
    std::vector<SessionBookings> sessions;
    for (SessionWithBookings& w : all()) {
        sessions.push_back(SessionBookings{std::move(w.session.key), std::move(w.session.startsAt),
                                           std::move(w.outcome)});
    }
    return bookingsRows(sessions, from, to);
}

std::vector<ThemeWithTouches> SessionService::themesWithTouches() {
    return themesWithTouches(all());
}

std::vector<ThemeWithTouches>
SessionService::themesWithTouches(const std::vector<SessionWithBookings>& sessions) {
    std::vector<ThemeWithTouches> out;
    std::map<std::string, std::size_t> byKey;
    for (const AuditTheme& t : m_themes.auditThemes()) {
        byKey.emplace(t.key, out.size());
        out.push_back(ThemeWithTouches{t.key, t.title, t.priority, t.status, t.raisedOn, {}});
    }
    for (const SessionWithBookings& w : sessions) {
        if (w.outcome.status != SessionStatus::Held || w.session.themes.empty()) {
            continue;
        }
        ThemeTouch touch;
        touch.kind = ThemeTouch::Kind::HeldSession;
        touch.date = dateOf(w.session.startsAt).value_or(Date{});
        for (const Booking& b : w.outcome.people) {
            if (b.state == BookingState::Attended) {
                touch.people.push_back(b.employeeId);
            }
        }
        for (const std::string& key : w.session.themes) {
            if (const auto found = byKey.find(key); found != byKey.end()) {
                out[found->second].touches.push_back(touch);
            }
        }
    }
    for (ThemeCompletionTouch& c : m_sessions.themeCompletionTouches()) {
        if (const auto found = byKey.find(c.themeKey); found != byKey.end()) {
            out[found->second].touches.push_back(
                ThemeTouch{ThemeTouch::Kind::Completion, c.completedOn, {std::move(c.employeeId)}});
        }
    }
    for (ThemeCpdTouch& c : m_work.store().cpd().themeCpdTouches()) {
        if (const auto found = byKey.find(c.themeKey); found != byKey.end()) {
            out[found->second].touches.push_back(
                ThemeTouch{ThemeTouch::Kind::CpdEntry, c.date, {std::move(c.employeeId)}});
        }
    }
    return out;
}

std::vector<TopicSuggestion> SessionService::suggestions(Date asOf, int periodMonths) {
    return suggestions(all(), asOf, periodMonths);
}

std::vector<TopicSuggestion>
SessionService::suggestions(const std::vector<SessionWithBookings>& sessions, Date asOf,
                            int periodMonths) {
    return topicSuggestions(themesWithTouches(sessions), asOf, periodMonths);
}

} // namespace ledger
