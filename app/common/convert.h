#pragma once

// Conversions between core values and Qt values; the one place dates cross the boundary.

#include "base/date.h"

#include <QDate>
#include <QString>

#include <optional>
#include <string>

namespace convert {

inline QString text(const std::string& s) {
    return QString::fromStdString(s);
}
inline std::string text(const QString& s) {
    return s.toStdString();
}
inline QString text(const char* s) {
    return QString::fromUtf8(s);
}

inline QDate toQDate(const ledger::Date& d) {
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

inline ledger::Date toDate(const QDate& d) {
    return ledger::makeDate(d.year(), static_cast<unsigned>(d.month()),
                            static_cast<unsigned>(d.day()));
}

/// Joins module, scope and value into one key for a requirement rule; the unit separator
/// cannot appear in a team or role name typed by a person.
inline constexpr QChar kRuleKeySeparator{0x1f};

/// A core message as a sentence for people: capital first letter, full stop.
inline QString sentence(const std::string& message) {
    QString s = QString::fromStdString(message);
    if (!s.isEmpty()) {
        s[0] = s[0].toUpper();
        if (!s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char(')'))) {
            s += QLatin1Char('.');
        }
    }
    return s;
}

/// 31/03/2026, or "" for no date.
inline QString uk(const std::optional<ledger::Date>& d) {
    return d ? QString::fromStdString(ledger::formatUk(*d)) : QString();
}

/// A date typed by a person: DD/MM/YYYY (or ISO YYYY-MM-DD, as pasted from files).
inline std::optional<ledger::Date> parseTyped(const QString& text) {
    const std::string s = text.trimmed().toStdString();
    if (auto d = ledger::parseUkDate(s)) {
        return d;
    }
    return ledger::parseIsoDate(s);
}

} // namespace convert
