#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <sqlcipher/sqlite3.h>

// Learning sessions, their links, action logs, invitations and feedback in the ledger file.

namespace ledger {

using sql::Fields;
using sql::SpecColumns;
using sql::Statement;

namespace {

const SpecColumns<LearningSession>& sessionColumns() {
    static const SpecColumns<LearningSession> kColumns(sessionSpec(), 1);
    return kColumns;
}

const std::string& selectSessions() {
    static const std::string kText = "SELECT s.id, s.version, " + sessionColumns().names("s.") +
                                     ", coalesce(m.code, '') FROM session s "
                                     "LEFT JOIN module m ON m.id = s.module_id";
    return kText;
}

void bindCapacity(Statement& st, int index, const std::optional<int>& capacity) {
    if (capacity) {
        st.bind(index, *capacity);
    } else {
        st.bindNull(index);
    }
}

BookingAction readAction(const Statement& st, int column) {
    BookingAction a;
    a.at = st.text(column);
    a.kind = parseBookingAction(st.textView(column + 1)).value_or(BookingActionKind::Book);
    a.employeeId = st.isNull(column + 2) ? std::string() : st.text(column + 2);
    if (const auto capacity = st.optionalInteger(column + 3)) {
        a.capacity = static_cast<int>(*capacity);
    }
    a.reason = st.text(column + 4);
    return a;
}

} // namespace

std::vector<LearningSession> SqlCipherSessionRepository::readSessions(const std::string& where,
                                                                      const Binder& bind) {
    Statement st(m_conn.db(), selectSessions() + where + " ORDER BY s.starts_at, s.key");
    if (bind) {
        bind(st);
    }
    std::vector<LearningSession> out;
    std::unordered_map<RecordId, std::size_t> at;
    while (st.step()) {
        LearningSession s;
        s.id = st.integer(0);
        s.version.value = st.integer(1);
        sessionColumns().read(st, 2, s);
        s.moduleCode = st.text(2 + sessionColumns().size());
        at.emplace(s.id, out.size());
        out.push_back(std::move(s));
    }
    if (out.empty()) {
        return out;
    }
    // The links of every session read, in name order (a few hundred sessions a year).
    const auto links = [&](const char* text, std::vector<std::string> LearningSession::*member) {
        Statement l(m_conn.db(), text);
        while (l.step()) {
            const auto found = at.find(l.integer(0));
            if (found != at.end()) {
                (out[found->second].*member).push_back(l.text(1));
            }
        }
    };
    links("SELECT l.session_id, t.name FROM session_team l JOIN team t ON t.id = l.team_id "
          "ORDER BY l.session_id, t.name",
          &LearningSession::teams);
    links("SELECT l.session_id, r.name FROM session_role l JOIN role r ON r.id = l.role_id "
          "ORDER BY l.session_id, r.name",
          &LearningSession::roles);
    links("SELECT l.session_id, t.key FROM session_theme l JOIN audit_theme t ON t.id = "
          "l.theme_id ORDER BY l.session_id, t.key",
          &LearningSession::themes);
    return out;
}

std::vector<LearningSession> SqlCipherSessionRepository::sessions() {
    return readSessions("", nullptr);
}

std::optional<LearningSession> SqlCipherSessionRepository::session(RecordId id) {
    auto found = readSessions(" WHERE s.id = ?1", [&](Statement& st) { st.bind(1, id); });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::optional<LearningSession> SqlCipherSessionRepository::sessionByKey(std::string_view key) {
    auto found = readSessions(" WHERE s.key = ?1", [&](Statement& st) { st.bind(1, key); });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId SqlCipherSessionRepository::putSession(const LearningSession& s) {
    const SpecColumns<LearningSession>& columns = sessionColumns();
    std::optional<RecordId> moduleId;
    if (!s.moduleCode.empty()) {
        moduleId = m_conn.lookup("SELECT id FROM module WHERE code = ?1", s.moduleCode);
        if (!moduleId) {
            throw ValidationError({FieldError{{}, 0, "module", "no module " + s.moduleCode}});
        }
    }
    RecordId id = s.id;
    {
        const std::string module = "?" + std::to_string(columns.next());
        static const std::string kInsert = "INSERT INTO session (" + columns.names() +
                                           ", module_id) VALUES (" + columns.parameters() + ", " +
                                           module + ")";
        const std::string version = "?" + std::to_string(columns.next() + 2);
        static const std::string kUpdate =
            "UPDATE session SET " + columns.assignments(Fields::Changeable) +
            ", module_id = " + module + ", version = version + 1 WHERE id = ?" +
            std::to_string(columns.next() + 1) + " AND (" + version +
            " = 0 OR version = " + version + ")";
        Statement st(m_conn.db(), id == 0 ? kInsert : kUpdate);
        columns.bind(st, s);
        if (moduleId) {
            st.bind(columns.next(), *moduleId);
        } else {
            st.bindNull(columns.next());
        }
        if (id != 0) {
            st.bind(columns.next() + 1, id).bind(columns.next() + 2, s.version.value);
        }
        st.run();
        if (id == 0) {
            id = m_conn.lastInsertId();
        } else if (m_conn.changes() == 0) {
            if (!m_conn.lookup("SELECT id FROM session WHERE id = ?1", id)) {
                throw Conflict("the session was removed meanwhile");
            }
            throw StaleRecord("this session was saved by someone else meanwhile", "", "");
        }
    }
    const auto relink = [&](const char* clearText, const char* linkText, const char* field,
                            const char* what, const std::vector<std::string>& names) {
        Statement clear(m_conn.db(), clearText);
        clear.bind(1, id).run();
        Statement link(m_conn.db(), linkText);
        for (const std::string& name : names) {
            link.bind(1, id).bind(2, name);
            link.step();
            if (m_conn.changes() == 0) {
                throw ValidationError(
                    {FieldError{{}, 0, field, std::string("no ") + what + " " + name}});
            }
            link.reset();
        }
    };
    relink("DELETE FROM session_team WHERE session_id = ?1",
           "INSERT INTO session_team (session_id, team_id) SELECT ?1, id FROM team WHERE name = ?2",
           "teams", "team", s.teams);
    relink("DELETE FROM session_role WHERE session_id = ?1",
           "INSERT INTO session_role (session_id, role_id) SELECT ?1, id FROM role WHERE name = ?2",
           "roles", "role", s.roles);
    relink("DELETE FROM session_theme WHERE session_id = ?1",
           "INSERT INTO session_theme (session_id, theme_id) SELECT ?1, id FROM audit_theme "
           "WHERE key = ?2",
           "themes", "audit theme", s.themes);
    return id;
}

void SqlCipherSessionRepository::removeSession(RecordId id) {
    // Its links, log, invitations and feedback go with it (ON DELETE CASCADE).
    m_conn.statement("DELETE FROM session WHERE id = ?1")->bind(1, id).run();
}

std::vector<BookingAction> SqlCipherSessionRepository::actionLog(RecordId session) {
    Statement st(m_conn.db(), "SELECT a.at, a.action, s.employee_id, a.capacity, a.reason "
                              "FROM booking_action a LEFT JOIN staff s ON s.id = a.staff_id "
                              "WHERE a.session_id = ?1 ORDER BY a.seq");
    st.bind(1, session);
    std::vector<BookingAction> out;
    while (st.step()) {
        out.push_back(readAction(st, 0));
    }
    return out;
}

std::unordered_map<RecordId, std::vector<BookingAction>> SqlCipherSessionRepository::actionLogs() {
    Statement st(m_conn.db(), "SELECT a.session_id, a.at, a.action, s.employee_id, a.capacity, "
                              "a.reason FROM booking_action a LEFT JOIN staff s ON "
                              "s.id = a.staff_id ORDER BY a.session_id, a.seq");
    std::unordered_map<RecordId, std::vector<BookingAction>> out;
    while (st.step()) {
        out[st.integer(0)].push_back(readAction(st, 1));
    }
    return out;
}

void SqlCipherSessionRepository::insertAction(RecordId session, std::int64_t seq,
                                              const BookingAction& a, RecordId change) {
    sql::StatementLease st = m_conn.statement(
        "INSERT INTO booking_action (session_id, seq, at, action, staff_id, capacity, reason, "
        "change_id) VALUES (?1, ?2, ?3, ?4, (SELECT id FROM staff WHERE employee_id = ?5), ?6, "
        "?7, ?8)");
    st->bind(1, session).bind(2, seq).bind(3, a.at).bind(4, bookingActionCode(a.kind));
    if (a.employeeId.empty()) {
        st->bindNull(5);
    } else {
        st->bind(5, a.employeeId);
    }
    bindCapacity(*st, 6, a.capacity);
    st->bind(7, a.reason);
    if (change != 0) {
        st->bind(8, change);
    } else {
        st->bindNull(8);
    }
    st->run();
}

void SqlCipherSessionRepository::replaceLog(RecordId session, const std::vector<BookingAction>& log,
                                            RecordId change) {
    m_conn.statement("DELETE FROM booking_action WHERE session_id = ?1")->bind(1, session).run();
    std::int64_t seq = 0;
    for (const BookingAction& a : log) {
        insertAction(session, ++seq, a, change);
    }
}

void SqlCipherSessionRepository::appendAction(RecordId session, const BookingAction& action,
                                              RecordId change) {
    const std::int64_t last =
        m_conn
            .lookup("SELECT coalesce(max(seq), 0) FROM booking_action WHERE session_id = ?1",
                    session)
            .value_or(0);
    insertAction(session, last + 1, action, change);
}

std::vector<std::string> SqlCipherSessionRepository::invited(RecordId session) {
    Statement st(m_conn.db(), "SELECT s.employee_id FROM session_invitation i JOIN staff s ON "
                              "s.id = i.staff_id WHERE i.session_id = ?1 ORDER BY s.employee_id");
    st.bind(1, session);
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

void SqlCipherSessionRepository::setInvited(RecordId session,
                                            const std::vector<std::string>& employeeIds) {
    m_conn.statement("DELETE FROM session_invitation WHERE session_id = ?1")
        ->bind(1, session)
        .run();
    Statement add(m_conn.db(), "INSERT OR IGNORE INTO session_invitation (session_id, staff_id) "
                               "SELECT ?1, id FROM staff WHERE employee_id = ?2");
    for (const std::string& employeeId : employeeIds) {
        add.bind(1, session).bind(2, employeeId);
        add.step();
        if (!m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", employeeId)) {
            throw ValidationError(
                {FieldError{{}, 0, "invited", "no staff member has employee id " + employeeId}});
        }
        add.reset();
    }
}

std::vector<SessionFeedback> SqlCipherSessionRepository::feedback(RecordId session) {
    Statement st(m_conn.db(),
                 "SELECT s.employee_id, f.score, f.comment FROM session_feedback f JOIN staff s "
                 "ON s.id = f.staff_id WHERE f.session_id = ?1 ORDER BY s.employee_id");
    st.bind(1, session);
    std::vector<SessionFeedback> out;
    while (st.step()) {
        out.push_back(SessionFeedback{st.text(0), static_cast<int>(st.integer(1)), st.text(2)});
    }
    return out;
}

void SqlCipherSessionRepository::putFeedback(RecordId session, const SessionFeedback& f) {
    const auto staffId = m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", f.employeeId);
    if (!staffId) {
        throw ValidationError(
            {FieldError{{}, 0, "employee_id", "no staff member has employee id " + f.employeeId}});
    }
    Statement st(m_conn.db(), "INSERT OR REPLACE INTO session_feedback (session_id, staff_id, "
                              "score, comment) VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, session).bind(2, *staffId).bind(3, f.score).bind(4, f.comment).run();
}

std::vector<ThemeCompletionTouch> SqlCipherSessionRepository::themeCompletionTouches() {
    Statement st(m_conn.db(),
                 "SELECT t.key, s.employee_id, c.completed_on FROM audit_theme_module l "
                 "JOIN audit_theme t ON t.id = l.theme_id "
                 "JOIN completion c ON c.module_id = l.module_id AND c.voided = 0 "
                 "JOIN staff s ON s.id = c.staff_id ORDER BY t.key, c.completed_on");
    std::vector<ThemeCompletionTouch> out;
    while (st.step()) {
        out.push_back(ThemeCompletionTouch{st.text(0), st.text(1),
                                           parseIsoDate(st.textView(2)).value_or(Date{})});
    }
    return out;
}

} // namespace ledger
