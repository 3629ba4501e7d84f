#pragma once

// Wall-clock date-times and recurring series (rules/sessions.md, the head of the page and
// section 5). A date-time is a Europe/London wall-clock value `YYYY-MM-DDTHH:MM`, never
// turned into an instant; whether it exists that day is the tz database's word (the hour
// the clocks skip in March does not). A series' dates come from libical's recurrence rules,
// never from arithmetic written here.

#include "base/date.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// Why `text` is not a date-time this ledger accepts (`YYYY-MM-DDTHH:MM`, a real date and
/// time that exists in Europe/London), or nullopt when it is one.
[[nodiscard]] std::optional<std::string> dateTimeProblem(std::string_view text);

/// The date of a date-time (its first 10 characters); nullopt when they are not a date.
[[nodiscard]] std::optional<Date> dateOf(std::string_view dateTime);

enum class Repeat { None, Weekly, Fortnightly, MonthlyDay, MonthlyWeekday };

/// `none`, `weekly`, `fortnightly`, `monthly_day`, `monthly_weekday`; an empty text is None.
[[nodiscard]] std::optional<Repeat> parseRepeat(std::string_view code);
[[nodiscard]] std::string_view repeatCode(Repeat repeat);

/// Which weekday of its month a monthly_weekday series keeps: the 1st to 4th, or the last.
enum class WeekOfMonth { First = 1, Second, Third, Fourth, Last };
/// `1`, `2`, `3`, `4`, `last`.
[[nodiscard]] std::optional<WeekOfMonth> parseWeekOfMonth(std::string_view code);

struct SeriesRule {
    Repeat repeat = Repeat::None;
    std::optional<WeekOfMonth> nth; ///< monthly_weekday only
    std::optional<int> count;       ///< 1..260
    std::optional<Date> until;      ///< occurrences dated on or before it
};

/// One session of a series.
struct Occurrence {
    std::string key; ///< the series key, `-`, and its number in three digits
    std::string startsAt;
    std::string endsAt;

    friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

/// The most occurrences a series may have.
inline constexpr int kMostOccurrences = 260;

/// The sessions of a series whose first session runs `startsAt` to `endsAt` (on the same
/// date F): each on its own date at the same wall-clock times. Throws ValidationError
/// (fields `repeat`, `nth`, `count`, `until`, `starts_at`, `ends_at`; line 0) when the rule
/// or any occurrence is not valid; the whole series is refused then.
[[nodiscard]] std::vector<Occurrence> seriesOccurrences(std::string_view key,
                                                        std::string_view startsAt,
                                                        std::string_view endsAt,
                                                        const SeriesRule& rule);

} // namespace ledger
