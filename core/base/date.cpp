#include "base/date.h"

#include <cstdio>

namespace ledger {

namespace {

bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::optional<Date> checked(int y, int m, int d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) {
        return std::nullopt;
    }
    const Date date = makeDate(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

} // namespace

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int y = 0, m = 0, d = 0;
    if (!readDigits(text, 0, 4, y) || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d)) {
        return std::nullopt;
    }
    return checked(y, m, d);
}

std::optional<Date> parseUkDate(std::string_view text) {
    if (text.size() != 10 || text[2] != '/' || text[5] != '/') {
        return std::nullopt;
    }
    int y = 0, m = 0, d = 0;
    if (!readDigits(text, 0, 2, d) || !readDigits(text, 3, 2, m) || !readDigits(text, 6, 4, y)) {
        return std::nullopt;
    }
    return checked(y, m, d);
}

std::string formatIso(const Date& date) {
    const int year = static_cast<int>(date.year());
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    if (year < 0 || year > 9999 || month > 99 || day > 99) {
        char buffer[24];
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
        return buffer;
    }
    // By hand: imports format two million of these.
    std::string text(10, '-');
    text[0] = static_cast<char>('0' + year / 1000);
    text[1] = static_cast<char>('0' + year / 100 % 10);
    text[2] = static_cast<char>('0' + year / 10 % 10);
    text[3] = static_cast<char>('0' + year % 10);
    text[5] = static_cast<char>('0' + month / 10 % 10);
    text[6] = static_cast<char>('0' + month % 10);
    text[8] = static_cast<char>('0' + day / 10 % 10);
    text[9] = static_cast<char>('0' + day % 10);
    return text;
}

std::string formatUk(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return buffer;
}

DayNumber toDayNumber(const Date& date) {
    return static_cast<DayNumber>(std::chrono::sys_days{date}.time_since_epoch().count());
}

Date fromDayNumber(DayNumber day) {
    return Date{std::chrono::sys_days{std::chrono::days{day}}};
}

Date addMonths(const Date& date, int months) {
    const std::chrono::year_month_day shifted = date + std::chrono::months{months};
    if (shifted.ok()) {
        return shifted;
    }
    const std::chrono::year_month_day_last last{shifted.year(),
                                                std::chrono::month_day_last{shifted.month()}};
    return Date{last};
}

Date addDays(const Date& date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

int daysBetween(const Date& from, const Date& to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

} // namespace ledger
