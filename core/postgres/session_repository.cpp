#include "postgres/repositories.h"

#include <map>

// Learning sessions, their links, invitations, feedback and action logs on a server. Logs are
// read through ledger.booking_log() (staff get tokens for other people) and, from the app,
// written only through ledger.record_booking_action(), which decides each action on the
// server (schema.h, step 3).

namespace ledger::pg {

namespace {

const std::string kSessionSelect =
    "SELECT s.id, s.version, s.key, s.kind, s.title, s.starts_at, s.ends_at, s.facilitator_id, "
    "s.speaker, s.organisation, s.capacity, COALESCE(m.code, '') FROM session s "
    "LEFT JOIN module m ON m.id = s.module_id";

std::optional<int> optionalInt(const Result& r, int row, int column) {
    if (r.isNull(row, column)) {
        return std::nullopt;
    }
    return static_cast<int>(r.int64(row, column));
}

std::optional<std::string> optionalParam(const std::optional<int>& value) {
    if (!value) {
        return std::nullopt;
    }
    return std::to_string(*value);
}

LearningSession readSession(const Result& r, int i) {
    LearningSession s;
    s.id = r.int64(i, 0);
    s.version.value = r.int64(i, 1);
    s.key = r.text(i, 2);
    s.kind = parseSessionKind(r.view(i, 3)).value_or(SessionKind::Other);
    s.title = r.text(i, 4);
    s.startsAt = r.text(i, 5);
    s.endsAt = r.text(i, 6);
    s.facilitatorId = r.text(i, 7);
    s.speaker = r.text(i, 8);
    s.organisation = r.text(i, 9);
    s.capacity = optionalInt(r, i, 10);
    s.moduleCode = r.text(i, 11);
    return s;
}

/// Session id -> the names a link table joins to, in byte order, for one session (`only`)
/// or every visible one.
std::map<RecordId, std::vector<std::string>> links(Session& session, const std::string& sql,
                                                   std::optional<RecordId> only) {
    const Result r =
        session.run(sql, {only ? param(*only) : std::optional<std::string>(std::nullopt)});
    std::map<RecordId, std::vector<std::string>> out;
    for (int i = 0; i < r.rows(); ++i) {
        out[r.int64(i, 0)].push_back(r.text(i, 1));
    }
    return out;
}

const std::string kTeamLinks = "SELECT l.session_id, t.name FROM session_team l JOIN team t ON "
                               "t.id = l.team_id WHERE ($1::bigint IS NULL OR l.session_id = $1) "
                               "ORDER BY l.session_id, t.name";
const std::string kRoleLinks = "SELECT l.session_id, t.name FROM session_role l JOIN role t ON "
                               "t.id = l.role_id WHERE ($1::bigint IS NULL OR l.session_id = $1) "
                               "ORDER BY l.session_id, t.name";
const std::string kThemeLinks =
    "SELECT l.session_id, t.key FROM session_theme l JOIN audit_theme t ON "
    "t.id = l.theme_id WHERE ($1::bigint IS NULL OR l.session_id = $1) "
    "ORDER BY l.session_id, t.key";

BookingAction readAction(const Result& r, int i, int first) {
    BookingAction a;
    a.at = r.text(i, first);
    a.kind = parseBookingAction(r.view(i, first + 1)).value_or(BookingActionKind::Book);
    a.employeeId = r.text(i, first + 2);
    a.capacity = optionalInt(r, i, first + 3);
    a.reason = r.text(i, first + 4);
    return a;
}

/// The staff id of `employeeId` as this account may refer to it, or ValidationError.
RecordId staffIdOf(Session& session, std::string_view employeeId, const char* field) {
    const Result r = session.run("SELECT staff_id_of($1)", {param(employeeId)});
    if (r.rows() == 0 || r.isNull(0, 0)) {
        throw ValidationError({FieldError{
            {}, 0, field, "no staff member has employee id " + std::string(employeeId)}});
    }
    return r.int64(0, 0);
}

} // namespace

std::vector<LearningSession> SessionRepo::sessions() {
    static const std::string kText = kSessionSelect + " ORDER BY s.starts_at, s.key";
    const Result r = m_session.run(kText);
    auto teams = links(m_session, kTeamLinks, std::nullopt);
    auto roles = links(m_session, kRoleLinks, std::nullopt);
    auto themes = links(m_session, kThemeLinks, std::nullopt);
    std::vector<LearningSession> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        LearningSession s = readSession(r, i);
        s.teams = std::move(teams[s.id]);
        s.roles = std::move(roles[s.id]);
        s.themes = std::move(themes[s.id]);
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<LearningSession> SessionRepo::session(RecordId id) {
    static const std::string kText = kSessionSelect + " WHERE s.id = $1";
    const Result r = m_session.run(kText, {param(id)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    LearningSession s = readSession(r, 0);
    s.teams = std::move(links(m_session, kTeamLinks, id)[id]);
    s.roles = std::move(links(m_session, kRoleLinks, id)[id]);
    s.themes = std::move(links(m_session, kThemeLinks, id)[id]);
    return s;
}

std::optional<LearningSession> SessionRepo::sessionByKey(std::string_view key) {
    const std::optional<RecordId> id =
        m_session.lookup("SELECT id FROM session WHERE key = $1", key);
    if (!id) {
        return std::nullopt;
    }
    return session(*id);
}

RecordId SessionRepo::putSession(const LearningSession& s) {
    std::optional<std::string> moduleId;
    if (!s.moduleCode.empty()) {
        const std::optional<RecordId> found =
            m_session.lookup("SELECT id FROM module WHERE code = $1", s.moduleCode);
        if (!found) {
            throw ValidationError({FieldError{{}, 0, "module", "no module " + s.moduleCode}});
        }
        moduleId = std::to_string(*found);
    }
    Params params{s.key,
                  sessionKindCode(s.kind),
                  s.title,
                  s.startsAt,
                  s.endsAt,
                  s.facilitatorId,
                  s.speaker,
                  s.organisation,
                  optionalParam(s.capacity),
                  moduleId};
    static const std::string kInsert =
        "INSERT INTO session (key, kind, title, starts_at, ends_at, facilitator_id, speaker, "
        "organisation, capacity, module_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::integer, "
        "$10::bigint) RETURNING id";
    // A known version must still be the stored one (see RecordVersion).
    static const std::string kUpdate =
        "UPDATE session SET key = $1, kind = $2, title = $3, starts_at = $4, ends_at = $5, "
        "facilitator_id = $6, speaker = $7, organisation = $8, capacity = $9::integer, "
        "module_id = $10::bigint, version = version + 1 WHERE id = $11" +
        versionCondition(12) + " RETURNING id";
    if (s.id != 0) {
        params.push_back(param(s.id));
        params.push_back(param(s.version.value));
    }
    const Result r = m_session.run(s.id == 0 ? kInsert : kUpdate, params);
    if (r.rows() == 0) {
        if (s.version.known() &&
            m_session.run("SELECT 1 FROM session WHERE id = $1", {param(s.id)}).rows() > 0) {
            throw StaleRecord("this session was saved by someone else meanwhile", "", "");
        }
        throw Conflict("the session was removed meanwhile");
    }
    const RecordId id = r.int64(0, 0);
    const auto relink = [&](const std::string& table, const std::string& column,
                            const std::string& target, const std::string& targetColumn,
                            const std::vector<std::string>& names, const char* field,
                            const std::string& what) {
        m_session.run("DELETE FROM " + table + " WHERE session_id = $1", {param(id)});
        const std::string insert = "INSERT INTO " + table + " (session_id, " + column +
                                   ") SELECT $1, id FROM " + target + " WHERE " + targetColumn +
                                   " = $2";
        for (const std::string& name : names) {
            if (m_session.run(insert, {param(id), name}).affectedRows() == 0) {
                throw ValidationError({FieldError{{}, 0, field, "no " + what + " " + name}});
            }
        }
    };
    relink("session_team", "team_id", "team", "name", s.teams, "teams", "team");
    relink("session_role", "role_id", "role", "name", s.roles, "roles", "role");
    relink("session_theme", "theme_id", "audit_theme", "key", s.themes, "themes", "audit theme");
    return id;
}

void SessionRepo::removeSession(RecordId id) {
    // Its links, log, invitations and feedback go with it (ON DELETE CASCADE).
    m_session.run("DELETE FROM session WHERE id = $1", {param(id)});
}

std::vector<BookingAction> SessionRepo::actionLog(RecordId session) {
    const Result r = m_session.run(
        "SELECT at, action, employee_id, capacity, reason FROM booking_log($1) ORDER BY seq",
        {param(session)});
    std::vector<BookingAction> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(readAction(r, i, 0));
    }
    return out;
}

std::unordered_map<RecordId, std::vector<BookingAction>> SessionRepo::actionLogs() {
    const Result r = m_session.run("SELECT session_id, at, action, employee_id, capacity, reason "
                                   "FROM booking_log(NULL) ORDER BY session_id, seq");
    std::unordered_map<RecordId, std::vector<BookingAction>> out;
    for (int i = 0; i < r.rows(); ++i) {
        out[r.int64(i, 0)].push_back(readAction(r, i, 1));
    }
    return out;
}

void SessionRepo::replaceLog(RecordId session, const std::vector<BookingAction>& log,
                             RecordId change) {
    m_session.run("DELETE FROM booking_action WHERE session_id = $1", {param(session)});
    int seq = 0;
    for (const BookingAction& action : log) {
        insertAction(session, ++seq, action, change);
    }
}

void SessionRepo::appendAction(RecordId session, const BookingAction& action, RecordId change) {
    const Result last = m_session.run(
        "SELECT COALESCE(max(seq), 0) FROM booking_action WHERE session_id = $1", {param(session)});
    insertAction(session, static_cast<int>(last.int64(0, 0)) + 1, action, change);
}

void SessionRepo::insertAction(RecordId session, int seq, const BookingAction& action,
                               RecordId change) {
    std::optional<std::string> staffId;
    if (actionNamesAPerson(action.kind)) {
        staffId = std::to_string(staffIdOf(m_session, action.employeeId, "employee_id"));
    }
    m_session.run("INSERT INTO booking_action (session_id, seq, at, action, staff_id, capacity, "
                  "reason, change_id) VALUES ($1, $2, $3, $4, $5::bigint, $6::integer, $7, "
                  "NULLIF($8::bigint, 0))",
                  {param(session), std::to_string(seq), action.at,
                   std::string(bookingActionCode(action.kind)), staffId,
                   action.kind == BookingActionKind::SetCapacity ? optionalParam(action.capacity)
                                                                 : std::nullopt,
                   action.kind == BookingActionKind::CancelSession ? action.reason : std::string(),
                   param(change)});
}

std::string SessionRepo::recordAction(RecordId session, const BookingAction& action) {
    try {
        const Result r = m_session.run(
            "SELECT record_booking_action($1, $2, $3, $4::integer, $5, $6)",
            {param(session), std::string(bookingActionCode(action.kind)),
             actionNamesAPerson(action.kind) ? std::optional<std::string>(action.employeeId)
                                             : std::nullopt,
             action.kind == BookingActionKind::SetCapacity ? optionalParam(action.capacity)
                                                           : std::nullopt,
             action.kind == BookingActionKind::CancelSession
                 ? std::optional<std::string>(action.reason)
                 : std::nullopt,
             // Only a test's ledger (the owner's settable clock) takes the caller's time.
             action.at});
        return r.text(0, 0);
    } catch (const ServerStorageError& e) {
        // The function's own SQLSTATEs (schema.h, step 3).
        if (e.sqlState() == "PLR01") {
            throw ActionRefused(e.what());
        }
        if (e.sqlState() == "PLN01") {
            throw Conflict(e.what());
        }
        if (e.sqlState() == "PLV01") {
            // "field: message" names the field (employee_id, value); else the action's.
            const std::string message = e.what();
            const std::size_t colon = message.find(": ");
            if (colon != std::string::npos && message.find(' ') > colon) {
                throw ValidationError(
                    {FieldError{{}, 0, message.substr(0, colon), message.substr(colon + 2)}});
            }
            throw ValidationError({FieldError{{}, 0, "action", message}});
        }
        throw;
    }
}

std::vector<std::string> SessionRepo::invited(RecordId session) {
    const Result r =
        m_session.run("SELECT e FROM (SELECT employee_id_of(staff_id) AS e FROM session_invitation "
                      "WHERE session_id = $1) i WHERE e IS NOT NULL ORDER BY e COLLATE \"C\"",
                      {param(session)});
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(r.text(i, 0));
    }
    return out;
}

void SessionRepo::setInvited(RecordId session, const std::vector<std::string>& employeeIds) {
    std::vector<RecordId> ids;
    ids.reserve(employeeIds.size());
    for (const std::string& employeeId : employeeIds) {
        ids.push_back(staffIdOf(m_session, employeeId, "invited"));
    }
    m_session.run("DELETE FROM session_invitation WHERE session_id = $1", {param(session)});
    for (const RecordId id : ids) {
        m_session.run("INSERT INTO session_invitation (session_id, staff_id) VALUES ($1, $2) "
                      "ON CONFLICT DO NOTHING",
                      {param(session), param(id)});
    }
}

std::vector<SessionFeedback> SessionRepo::feedback(RecordId session) {
    const Result r =
        m_session.run("SELECT e, score, comment FROM (SELECT employee_id_of(staff_id) AS e, "
                      "score, comment FROM session_feedback WHERE session_id = $1) f "
                      "WHERE e IS NOT NULL ORDER BY e COLLATE \"C\"",
                      {param(session)});
    std::vector<SessionFeedback> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(SessionFeedback{r.text(i, 0), static_cast<int>(r.int64(i, 1)), r.text(i, 2)});
    }
    return out;
}

void SessionRepo::putFeedback(RecordId session, const SessionFeedback& feedback) {
    const RecordId staffId = staffIdOf(m_session, feedback.employeeId, "employee_id");
    m_session.run(
        "INSERT INTO session_feedback (session_id, staff_id, score, comment) "
        "VALUES ($1, $2, $3::integer, $4) ON CONFLICT (session_id, staff_id) DO UPDATE "
        "SET score = EXCLUDED.score, comment = EXCLUDED.comment",
        {param(session), param(staffId), std::to_string(feedback.score), feedback.comment});
}

std::vector<ThemeCompletionTouch> SessionRepo::themeCompletionTouches() {
    const Result r = m_session.run(
        "SELECT t.key, s.employee_id, c.completed_on FROM audit_theme_module l "
        "JOIN audit_theme t ON t.id = l.theme_id "
        "JOIN completion c ON c.module_id = l.module_id AND NOT c.voided "
        "JOIN staff s ON s.id = c.staff_id ORDER BY t.key, s.employee_id, c.completed_on");
    std::vector<ThemeCompletionTouch> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(ThemeCompletionTouch{r.text(i, 0), r.text(i, 1),
                                           parseIsoDate(r.view(i, 2)).value_or(Date{})});
    }
    return out;
}

} // namespace ledger::pg
