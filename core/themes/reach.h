#pragma once

// An audit theme's reach over a period, and the topic suggestions for the next practice
// forum (rules/sessions.md sections 6 and 7). Pure: the caller gathers each theme's touches
// (held sessions linked to it with their attended people, non-void completions of modules
// linked to it, final CPD entries linked to it).

#include "base/date.h"
#include "themes/theme.h"

#include <optional>
#include <string>
#include <vector>

namespace ledger {

/// One time a theme reached people.
struct ThemeTouch {
    enum class Kind { HeldSession, Completion, CpdEntry };
    Kind kind = Kind::HeldSession;
    Date date{};
    std::vector<std::string> people; ///< employee ids reached (a session's attended people)
};

/// A theme's reach over [from, to].
struct ThemeReach {
    int sessionsHeld = 0;
    int completions = 0;
    int cpdEntries = 0;
    int staffReached = 0;              ///< distinct employee ids, active or not
    std::optional<Date> lastTouchedOn; ///< latest touch on or before `to`, however early

    friend bool operator==(const ThemeReach&, const ThemeReach&) = default;
};

[[nodiscard]] ThemeReach themeReach(const std::vector<ThemeTouch>& touches, Date from, Date to);

/// A theme as the suggestions weigh it.
struct ThemeWithTouches {
    std::string key;
    std::string title;
    ThemePriority priority = ThemePriority::Medium;
    ThemeStatus status = ThemeStatus::Open;
    Date raisedOn{};
    std::vector<ThemeTouch> touches;
};

/// One ranked topic suggestion.
struct TopicSuggestion {
    int rank = 0;
    std::string key;
    std::string title;
    ThemePriority priority = ThemePriority::Medium;
    ThemeStatus status = ThemeStatus::Open;
    bool stale = false;
    std::optional<Date> lastTouchedOn;
    int staffReached = 0; ///< over the last `periodMonths` months to the day asked about

    friend bool operator==(const TopicSuggestion&, const TopicSuggestion&) = default;
};

/// The open and being-addressed themes raised by `asOf`, ranked: stale first (untouched, or
/// last touched before `periodMonths` months ago), then by priority, then untouched and
/// older touches first, then title and key in byte order.
[[nodiscard]] std::vector<TopicSuggestion>
topicSuggestions(const std::vector<ThemeWithTouches>& themes, Date asOf, int periodMonths = 6);

} // namespace ledger
