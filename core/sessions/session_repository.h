#pragma once

#include "base/date.h"
#include "base/ids.h"
#include "sessions/bookings.h"
#include "sessions/session.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ledger {

/// One attendee's word on a session: a score of 1 to 5 and a comment.
struct SessionFeedback {
    std::string employeeId;
    int score = 0;
    std::string comment;

    friend bool operator==(const SessionFeedback&, const SessionFeedback&) = default;
};

/// The mean score of a session's feedback (1 to 5); nullopt when no one gave any.
[[nodiscard]] inline std::optional<double> meanScore(const std::vector<SessionFeedback>& given) {
    if (given.empty()) {
        return std::nullopt;
    }
    int total = 0;
    for (const SessionFeedback& f : given) {
        total += f.score;
    }
    return static_cast<double>(total) / static_cast<double>(given.size());
}

/// A non-void completion of a module linked to an audit theme: one touch of the theme.
struct ThemeCompletionTouch {
    std::string themeKey;
    std::string employeeId;
    Date completedOn{};
};

/// Where learning sessions, their links (target teams and roles, audit themes, the module
/// delivered), their action logs, invitations and feedback live (rules/sessions.md sections 2
/// and 3). A session's status, current capacity and bookings are never stored: they are the
/// replay of its log (sessions/bookings.h).
class SessionRepository {
public:
    virtual ~SessionRepository() = default;

    /// Every session (that this account may see), with its links, by starts_at then key (byte
    /// order).
    [[nodiscard]] virtual std::vector<LearningSession> sessions() = 0;
    [[nodiscard]] virtual std::optional<LearningSession> session(RecordId id) = 0;
    [[nodiscard]] virtual std::optional<LearningSession> sessionByKey(std::string_view key) = 0;
    /// Inserts when `session.id` is 0, else updates: refused (StaleRecord) when its known
    /// version is not the stored one, Conflict when it was removed meanwhile. Replaces its
    /// team, role and theme links (ValidationError naming an unknown team, role, theme key or
    /// module code). Returns its id.
    virtual RecordId putSession(const LearningSession& session) = 0;
    /// Removes a session with its links, log, invitations and feedback.
    virtual void removeSession(RecordId id) = 0;

    /// A session's action log, in the order recorded.
    [[nodiscard]] virtual std::vector<BookingAction> actionLog(RecordId session) = 0;
    /// Every visible session's log, by session id (sessions with an empty log left out).
    [[nodiscard]] virtual std::unordered_map<RecordId, std::vector<BookingAction>> actionLogs() = 0;
    /// Replaces a session's whole log (an import; the caller has replayed it); each action
    /// points to the change-log entry `change`.
    virtual void replaceLog(RecordId session, const std::vector<BookingAction>& log,
                            RecordId change) = 0;
    /// Appends one action the caller's replay accepted, pointing to `change`.
    virtual void appendAction(RecordId session, const BookingAction& action, RecordId change) = 0;

    /// True when the store itself decides and records each action taken in the app
    /// (recordAction: a server, where many clients book at once); false when the caller
    /// replays and appends (a ledger file, which has one writer at a time).
    [[nodiscard]] virtual bool decidesActions() const { return false; }
    /// Records one action at the end of the session's log as the store decides it: the
    /// session locked against every other writer first, `at` the store's own Europe/London
    /// wall clock read after the lock (never before the log's last), the replay's refusal
    /// thrown as ActionRefused (nothing written), the delivered-module rule applied to the
    /// completions, and a change-log entry. Returns the `at` recorded. Only when
    /// decidesActions().
    virtual std::string recordAction(RecordId session, const BookingAction& action);

    /// The people invited by name, by employee id.
    [[nodiscard]] virtual std::vector<std::string> invited(RecordId session) = 0;
    /// Replaces the people invited by name (ValidationError naming an unknown employee id).
    virtual void setInvited(RecordId session, const std::vector<std::string>& employeeIds) = 0;

    /// The feedback given on a session, by employee id.
    [[nodiscard]] virtual std::vector<SessionFeedback> feedback(RecordId session) = 0;
    /// Adds or replaces one person's feedback.
    virtual void putFeedback(RecordId session, const SessionFeedback& feedback) = 0;

    /// Every non-void completion of a module linked to an audit theme (that this account may
    /// see), for theme reach.
    [[nodiscard]] virtual std::vector<ThemeCompletionTouch> themeCompletionTouches() = 0;
};

} // namespace ledger
