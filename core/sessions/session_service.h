#pragma once

// Sessions and their bookings as use cases (rules/sessions.md): planning a session or a
// series, editing one, recording a booking action, invitations and feedback, the clash
// warnings, and the figures the reports and the app show (bookings, clashes, theme reach,
// topic suggestions), each computed here once.

#include "reports/session_reports.h"
#include "sessions/bookings.h"
#include "sessions/clashes.h"
#include "sessions/series.h"
#include "sessions/session.h"
#include "store/unit_of_work.h"
#include "themes/reach.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// A session with its log and what the log's replay makes of it.
struct SessionWithBookings {
    LearningSession session;
    std::vector<BookingAction> log;
    BookingOutcome outcome;
};

class SessionService {
public:
    explicit SessionService(UnitOfWork& work);

    /// Every session (this account may see) with its replayed log, by starts_at then key.
    [[nodiscard]] std::vector<SessionWithBookings> all();
    [[nodiscard]] std::optional<SessionWithBookings> find(RecordId id);
    [[nodiscard]] std::optional<SessionWithBookings> findByKey(std::string_view key);

    /// Saves one session (new when its id is 0) after validating it (section 9; a key used by
    /// another session is refused). A held session's start, end and module cannot change
    /// (`session already held`), and no edit may make a recorded action refused. Returns its
    /// id.
    RecordId save(const LearningSession& session, Date today, std::string_view actor);
    /// Creates a series (section 5) from its first session in one step: every occurrence is
    /// validated first, and an invalid one refuses them all. Returns their ids, in order.
    std::vector<RecordId> saveSeries(const LearningSession& first, const SeriesRule& rule,
                                     Date today, std::string_view actor);
    /// Removes a session that has no recorded action (one with bookings is cancelled instead).
    void remove(RecordId id, std::string_view actor);

    /// Records one action at the end of a session's log, as of `now` (the Europe/London wall
    /// clock `YYYY-MM-DDTHH:MM`; on a server, the server's own clock decides): refused with
    /// the rules' message (ActionRefused) and nothing written, or appended with the
    /// delivered-module rule applied to the completions. Returns the `at` recorded.
    std::string act(RecordId session, BookingAction action, std::string_view now,
                    std::string_view actor);

    [[nodiscard]] std::vector<std::string> invited(RecordId session);
    void setInvited(RecordId session, const std::vector<std::string>& employeeIds,
                    std::string_view actor);
    [[nodiscard]] std::vector<SessionFeedback> feedback(RecordId session);
    /// One attendee's feedback: a score of 1 to 5 and a comment (refused for someone who did
    /// not attend).
    void giveFeedback(RecordId session, const SessionFeedback& feedback, std::string_view actor);

    /// The clashes `session` would have, as saved, with every other session.
    [[nodiscard]] std::vector<Clash> clashesOf(const LearningSession& session);
    /// The clashes each of `sessions` (e.g. the occurrences of a series being planned) would
    /// have, as saved, with every stored session: one read for them all.
    [[nodiscard]] std::vector<Clash> clashesOf(const std::vector<LearningSession>& sessions);
    /// Every clash between sessions both dated within [from, to] (either open).
    [[nodiscard]] std::vector<Clash> clashes(std::optional<Date> from, std::optional<Date> to);
    /// The bookings report's rows (sessions dated within [from, to], either open).
    [[nodiscard]] std::vector<BookingsRow> bookings(std::optional<Date> from,
                                                    std::optional<Date> to);

    /// Every audit theme with what touched it (held sessions' attended people, non-void
    /// completions of its modules; CPD entries when they exist).
    [[nodiscard]] std::vector<ThemeWithTouches> themesWithTouches();
    /// The same, with the sessions' touches taken from `sessions` (what all() returned, for a
    /// caller that holds it already) rather than read again.
    [[nodiscard]] std::vector<ThemeWithTouches>
    themesWithTouches(const std::vector<SessionWithBookings>& sessions);
    /// The ranked topic suggestions as of `asOf` over `periodMonths` (section 7).
    [[nodiscard]] std::vector<TopicSuggestion> suggestions(Date asOf, int periodMonths = 6);
    /// The same, from `sessions` (what all() returned) rather than read again.
    [[nodiscard]] std::vector<TopicSuggestion>
    suggestions(const std::vector<SessionWithBookings>& sessions, Date asOf, int periodMonths = 6);

    /// Applies the delivered-module rule (section 3) after the logs of `sessions` changed:
    /// for each person in them, the completion of each delivered module on its date is
    /// recorded, voided or made to count again as their attendance now says. Inside the
    /// caller's unit of work; entries point to `change` when it is not 0, else each gets its
    /// own.
    void applyDeliveredModules(const std::vector<RecordId>& sessions, std::string_view actor);

private:
    friend class SessionImport; // imports validate, check edits and write as save() does

    [[nodiscard]] SessionContext context(const ValidationContext& base);
    /// Refuses an edit of a stored session that the rules forbid.
    void checkEdit(const SessionWithBookings& stored, const LearningSession& edited);
    RecordId put(const LearningSession& session, const std::optional<LearningSession>& before,
                 std::string_view actor);

    UnitOfWork& m_work;
    StaffRepository& m_staff;
    TrainingRepository& m_training;
    ThemeRepository& m_themes;
    SessionRepository& m_sessions;
    ChangeLogRepository& m_changes;
};

} // namespace ledger
