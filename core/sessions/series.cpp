#include "sessions/series.h"

#include "base/error.h"

#include <date/tz.h>
#include <libical/ical.h>

#include <array>
#include <cstdio>
#include <memory>

namespace ledger {

namespace {

bool digits(std::string_view text, std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

int number(std::string_view text, std::size_t from, std::size_t n) {
    int value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

constexpr std::array<const char*, 7> kDayCodes{"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
constexpr std::array<const char*, 7> kDayNames{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                               "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 5> kOrdinals{"1st", "2nd", "3rd", "4th", "last"};

[[noreturn]] void refuse(const char* field, std::string message) {
    throw ValidationError({FieldError{{}, 0, field, std::move(message)}});
}

/// `YYYYMMDDTHHMMSS`, libical's form of a floating (zone-less) date-time.
std::string icalText(const Date& date, std::string_view time) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02u%02uT%.2s%.2s00", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  time.data(), time.data() + 3);
    return text;
}

/// The RRULE (RFC 5545) for `rule` starting on `first`.
std::string rruleFor(const SeriesRule& rule, const Date& first) {
    std::string text;
    const unsigned day = static_cast<unsigned>(first.day());
    switch (rule.repeat) {
    case Repeat::Weekly:
        text = "FREQ=WEEKLY;INTERVAL=1";
        break;
    case Repeat::Fortnightly:
        text = "FREQ=WEEKLY;INTERVAL=2";
        break;
    case Repeat::MonthlyDay:
        // add_months: the same day, or the month's last where there is none (31 January,
        // 28 February, 31 March): the last of the days 28..d that the month has.
        if (day <= 28) {
            text = "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(day);
        } else {
            text = "FREQ=MONTHLY;BYMONTHDAY=28";
            for (unsigned d = 29; d <= day; ++d) {
                text += "," + std::to_string(d);
            }
            text += ";BYSETPOS=-1";
        }
        break;
    case Repeat::MonthlyWeekday: {
        const std::chrono::weekday weekday{std::chrono::sys_days(first)};
        const int nth = *rule.nth == WeekOfMonth::Last ? -1 : static_cast<int>(*rule.nth);
        text = "FREQ=MONTHLY;BYDAY=" + std::to_string(nth) + kDayCodes[weekday.c_encoding()];
        break;
    }
    case Repeat::None:
        text = "FREQ=DAILY";
        break;
    }
    if (rule.count) {
        text += ";COUNT=" + std::to_string(*rule.count);
    } else if (rule.until) {
        text += ";UNTIL=" + icalText(*rule.until, "23:59");
    }
    return text;
}

/// The dates libical's iterator gives for `rule` from `first`: at most kMostOccurrences + 1,
/// so that an `until` too far is seen.
std::vector<Date> recurrenceDates(const SeriesRule& rule, const Date& first,
                                  std::string_view time) {
    const std::string rrule = rruleFor(rule, first);
    const icalrecurrencetype recurrence = icalrecurrencetype_from_string(rrule.c_str());
    if (recurrence.freq == ICAL_NO_RECURRENCE) {
        throw Error("libical cannot read the recurrence rule " + rrule);
    }
    const icaltimetype start = icaltime_from_string(icalText(first, time).c_str());
    std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)> it(
        icalrecur_iterator_new(recurrence, start), &icalrecur_iterator_free);
    if (!it) {
        throw Error("libical cannot iterate the recurrence rule " + rrule);
    }
    std::vector<Date> dates;
    for (icaltimetype next = icalrecur_iterator_next(it.get());
         !icaltime_is_null_time(next) && dates.size() <= kMostOccurrences;
         next = icalrecur_iterator_next(it.get())) {
        dates.push_back(makeDate(next.year, static_cast<unsigned>(next.month),
                                 static_cast<unsigned>(next.day)));
    }
    return dates;
}

} // namespace

std::optional<Date> dateOf(std::string_view dateTime) {
    if (dateTime.size() < 10) {
        return std::nullopt;
    }
    return parseIsoDate(dateTime.substr(0, 10));
}

std::optional<std::string> dateTimeProblem(std::string_view text) {
    const bool shaped = text.size() == 16 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
                        text[13] == ':' && digits(text, 0, 4) && digits(text, 5, 2) &&
                        digits(text, 8, 2) && digits(text, 11, 2) && digits(text, 14, 2);
    if (!shaped) {
        return "not a date-time YYYY-MM-DDTHH:MM: " + std::string(text);
    }
    const std::optional<Date> date = dateOf(text);
    const int hour = number(text, 11, 2);
    const int minute = number(text, 14, 2);
    if (!date || hour > 23 || minute > 59) {
        return "not a real date-time: " + std::string(text);
    }
    // The tz database's Europe/London: the hour the clocks skip does not exist; the hour
    // they repeat is taken as written.
    static const date::time_zone* london = date::locate_zone("Europe/London");
    const date::local_seconds local =
        date::local_days(date::year_month_day(date::year(static_cast<int>(date->year())),
                                              date::month(static_cast<unsigned>(date->month())),
                                              date::day(static_cast<unsigned>(date->day())))) +
        std::chrono::hours(hour) + std::chrono::minutes(minute);
    if (london->get_info(local).result == date::local_info::nonexistent) {
        return std::string(text) + " does not exist in Europe/London (the clocks go forward)";
    }
    return std::nullopt;
}

std::optional<Repeat> parseRepeat(std::string_view code) {
    if (code.empty() || code == "none") {
        return Repeat::None;
    }
    if (code == "weekly") {
        return Repeat::Weekly;
    }
    if (code == "fortnightly") {
        return Repeat::Fortnightly;
    }
    if (code == "monthly_day") {
        return Repeat::MonthlyDay;
    }
    if (code == "monthly_weekday") {
        return Repeat::MonthlyWeekday;
    }
    return std::nullopt;
}

std::string_view repeatCode(Repeat repeat) {
    constexpr std::array<std::string_view, 5> kCodes{"none", "weekly", "fortnightly", "monthly_day",
                                                     "monthly_weekday"};
    return kCodes[static_cast<std::size_t>(repeat)];
}

std::optional<WeekOfMonth> parseWeekOfMonth(std::string_view code) {
    if (code == "last") {
        return WeekOfMonth::Last;
    }
    if (code.size() == 1 && code[0] >= '1' && code[0] <= '4') {
        return static_cast<WeekOfMonth>(code[0] - '0');
    }
    return std::nullopt;
}

std::vector<Occurrence> seriesOccurrences(std::string_view key, std::string_view startsAt,
                                          std::string_view endsAt, const SeriesRule& rule) {
    if (auto problem = dateTimeProblem(startsAt)) {
        refuse("starts_at", *problem);
    }
    if (auto problem = dateTimeProblem(endsAt)) {
        refuse("ends_at", *problem);
    }
    const Date first = *dateOf(startsAt);
    const std::string_view startTime = startsAt.substr(11);
    const std::string_view endTime = endsAt.substr(11);
    if (rule.repeat == Repeat::None) {
        if (rule.count || rule.until || rule.nth) {
            refuse(rule.nth     ? "nth"
                   : rule.count ? "count"
                                : "until",
                   "only a repeating session has one");
        }
        if (!(startsAt < endsAt)) {
            refuse("ends_at", "ends before it starts");
        }
        return {Occurrence{std::string(key), std::string(startsAt), std::string(endsAt)}};
    }
    if ((rule.repeat == Repeat::MonthlyWeekday) != rule.nth.has_value()) {
        refuse("nth", rule.nth ? "only a monthly_weekday series has one"
                               : "required for a monthly_weekday series");
    }
    if (rule.count.has_value() == rule.until.has_value()) {
        refuse("count", "exactly one of count and until with a repeat");
    }
    if (rule.count && (*rule.count < 1 || *rule.count > kMostOccurrences)) {
        refuse("count", "from 1 to " + std::to_string(kMostOccurrences));
    }
    if (rule.until && *rule.until < first) {
        refuse("until", "before the first session");
    }
    if (dateOf(endsAt) != first) {
        refuse("ends_at", "a series' first session ends on the day it starts");
    }
    if (!(startTime < endTime)) {
        refuse("ends_at", "ends before it starts");
    }
    if (rule.repeat == Repeat::MonthlyWeekday) {
        const unsigned day = static_cast<unsigned>(first.day());
        const std::chrono::weekday weekday{std::chrono::sys_days(first)};
        const std::chrono::year_month_day_last last{first.year(),
                                                    std::chrono::month_day_last{first.month()}};
        const bool fits = *rule.nth == WeekOfMonth::Last
                              ? day + 7 > static_cast<unsigned>(last.day())
                              : (day - 1) / 7 + 1 == static_cast<unsigned>(*rule.nth);
        if (!fits) {
            refuse("starts_at", std::string("not the ") +
                                    kOrdinals[static_cast<std::size_t>(*rule.nth) - 1] + " " +
                                    kDayNames[weekday.c_encoding()] + " of its month");
        }
    }
    const std::vector<Date> dates = recurrenceDates(rule, first, startTime);
    if (dates.size() > static_cast<std::size_t>(kMostOccurrences)) {
        refuse("until", "more than " + std::to_string(kMostOccurrences) + " occurrences");
    }
    std::vector<Occurrence> occurrences;
    for (std::size_t k = 0; k < dates.size(); ++k) {
        char number[24];
        std::snprintf(number, sizeof number, "%03zu", k + 1);
        Occurrence o{std::string(key) + "-" + number,
                     formatIso(dates[k]) + "T" + std::string(startTime),
                     formatIso(dates[k]) + "T" + std::string(endTime)};
        for (const auto& [field, value] :
             {std::pair{"starts_at", &o.startsAt}, std::pair{"ends_at", &o.endsAt}}) {
            if (auto problem = dateTimeProblem(*value)) {
                refuse(field, "occurrence " + o.key + ": " + *problem);
            }
        }
        occurrences.push_back(std::move(o));
    }
    return occurrences;
}

} // namespace ledger
