#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ledger {

/// A calendar date: no time of day, no time zone.
using Date = std::chrono::year_month_day;

/// Days since 1970-01-01; the compact form the compliance engine works in.
using DayNumber = std::int32_t;

/// Parses a strict ISO 8601 calendar date `YYYY-MM-DD`; nullopt when it is not a real date.
[[nodiscard]] std::optional<Date> parseIsoDate(std::string_view text);

/// Parses a strict UK date `DD/MM/YYYY`; nullopt when it is not a real date.
[[nodiscard]] std::optional<Date> parseUkDate(std::string_view text);

/// `2026-03-31`.
[[nodiscard]] std::string formatIso(const Date& date);

/// `31/03/2026`, the form shown to people and written where ASC-WDS expects it.
[[nodiscard]] std::string formatUk(const Date& date);

[[nodiscard]] DayNumber toDayNumber(const Date& date);
[[nodiscard]] Date fromDayNumber(DayNumber day);

/// The same day-of-month `months` later (or earlier); the month's last day where that day
/// does not exist (compliance rules section 1).
[[nodiscard]] Date addMonths(const Date& date, int months);

[[nodiscard]] Date addDays(const Date& date, int days);

/// Whole days from `from` to `to` (`to - from`).
[[nodiscard]] int daysBetween(const Date& from, const Date& to);

/// Builds a date from numbers; for tests and generators.
[[nodiscard]] constexpr Date makeDate(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

} // namespace ledger
