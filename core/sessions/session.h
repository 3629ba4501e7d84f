#pragma once

// A learning session (rules/sessions.md section 2): a practice forum, an NQ group session, a
// conference or a workshop, with its audience, linked audit themes and the module it may
// deliver; and what makes one valid (section 9). Its status, current capacity and bookings
// are not fields: they are the replay of its action log (sessions/bookings.h).

#include "base/error.h"
#include "base/field_spec.h"
#include "base/ids.h"
#include "base/validation.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class SessionKind { PracticeForum, NqSession, Conference, Workshop, Other };

/// `practice_forum`, `nq_session`, `conference`, `workshop`, `other`.
[[nodiscard]] std::string sessionKindCode(SessionKind kind);
[[nodiscard]] std::optional<SessionKind> parseSessionKind(std::string_view code);

struct LearningSession {
    RecordId id = 0;
    std::string key;
    SessionKind kind = SessionKind::PracticeForum;
    std::string title;
    std::string startsAt; ///< Europe/London wall clock `YYYY-MM-DDTHH:MM`
    std::string endsAt;
    std::string facilitatorId; ///< employee id; empty when none
    std::string speaker;
    std::string organisation;
    std::optional<int> capacity;     ///< the initial capacity; nullopt: unlimited
    std::vector<std::string> teams;  ///< target teams, by name
    std::vector<std::string> roles;  ///< target roles, by name
    std::vector<std::string> themes; ///< linked audit themes, by key
    std::string moduleCode;          ///< the module it delivers; empty when none
    RecordVersion version;

    friend bool operator==(const LearningSession&, const LearningSession&) = default;
};

/// A session's fields (the change log's values, the stores' columns, the form): `key`,
/// `kind`, `title`, `starts_at`, `ends_at`, `facilitator_id`, `speaker`, `organisation`,
/// `capacity` as columns; `module`, `teams`, `roles`, `themes` kept by the repository
/// (lists written with `;` between items, as the CSV does).
[[nodiscard]] const RecordSpec<LearningSession>& sessionSpec();

/// Limits of section 9.
inline constexpr std::size_t kMaxTitleLength = 200;      ///< code points
inline constexpr std::size_t kMaxLongTextLength = 10000; ///< code points
inline constexpr int kMaxCapacity = 1000;

/// What a session may refer to: people and modules (`base`), and the ledger's audit themes
/// (by key), teams and roles (by name).
struct SessionContext {
    const ValidationContext& base;
    std::function<bool(std::string_view)> hasTheme;
    std::function<bool(std::string_view)> hasTeam;
    std::function<bool(std::string_view)> hasRole;
};

/// Every problem with one session, field by field (section 9; file and line left empty).
[[nodiscard]] std::vector<FieldError> validateSession(const LearningSession& session,
                                                      const SessionContext& context);

} // namespace ledger
