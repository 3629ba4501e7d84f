#include "session/serveraddress.h"

#include "common/convert.h"

#include "base/error.h"
#include "postgres/conninfo.h"

#include <QCoreApplication>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

using convert::text;

namespace {

QString tr(const char* source) {
    return QCoreApplication::translate("Session", source);
}

QString decoded(QStringView part) {
    return QUrl::fromPercentEncoding(part.toUtf8());
}

// The name libpq logs in with when neither the URI nor PGUSER gives one.
QString systemLogin() {
    if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr) {
        return QString::fromLocal8Bit(entry->pw_name);
    }
    return {};
}

QString firstOf(std::initializer_list<QString> candidates) {
    for (const QString& candidate : candidates) {
        if (!candidate.isEmpty()) {
            return candidate;
        }
    }
    return {};
}

} // namespace

bool ServerAddress::isServer(const QString& text) {
    return ledger::pg::isServerLocation(convert::text(text));
}

std::optional<ServerAddress> ServerAddress::parse(const QString& uri) {
    if (!isServer(uri)) {
        return std::nullopt;
    }
    // libpq's grammar: scheme://[user[:password]@][host[:port]][,...][/database][?key=value&...]
    QStringView rest = QStringView(uri).mid(uri.indexOf(QLatin1String("://")) + 3);
    QString user;
    QString host;
    QString database;
    // As libpq, the user part ends at the first '@' met before any '/'.
    for (qsizetype i = 0; i < rest.size() && rest[i] != QLatin1Char('/'); ++i) {
        if (rest[i] == QLatin1Char('@')) {
            const QStringView userSpec = rest.left(i);
            user = decoded(userSpec.left(userSpec.indexOf(QLatin1Char(':')))); // no password
            rest = rest.mid(i + 1);
            break;
        }
    }
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != QLatin1Char('/') && rest[end] != QLatin1Char('?')) {
        ++end;
    }
    const QStringView hosts = rest.left(end);
    QStringView first = hosts.left(hosts.indexOf(QLatin1Char(',')));
    if (first.startsWith(QLatin1Char('['))) {
        first = first.left(first.indexOf(QLatin1Char(']')) + 1); // an IPv6 address, kept bracketed
    } else {
        first = first.left(first.indexOf(QLatin1Char(':')));
    }
    host = decoded(first);
    rest = rest.mid(end);
    if (rest.startsWith(QLatin1Char('/'))) {
        const qsizetype query = rest.indexOf(QLatin1Char('?'));
        database = decoded(rest.mid(1, query < 0 ? -1 : query - 1));
        rest = query < 0 ? QStringView() : rest.mid(query);
    }
    if (rest.startsWith(QLatin1Char('?'))) {
        for (const QStringView pair : rest.mid(1).split(QLatin1Char('&'))) {
            const qsizetype equals = pair.indexOf(QLatin1Char('='));
            if (equals < 0) {
                continue;
            }
            const QString key = decoded(pair.left(equals));
            const QString value = decoded(pair.mid(equals + 1));
            if (key == QLatin1String("user")) {
                user = value;
            } else if (key == QLatin1String("host")) {
                host = value.section(QLatin1Char(','), 0, 0);
            } else if (key == QLatin1String("dbname")) {
                database = value;
            }
        }
    }
    ServerAddress address;
    address.m_login = firstOf({user, qEnvironmentVariable("PGUSER"), systemLogin()});
    address.m_host = firstOf({host, qEnvironmentVariable("PGHOST").section(QLatin1Char(','), 0, 0),
                              QStringLiteral("localhost")});
    address.m_database = firstOf({database, qEnvironmentVariable("PGDATABASE"), address.m_login});
    return address;
}

QString ServerAddress::problem(const QString& uri) {
    if (!isServer(uri)) {
        return {};
    }
    try {
        if (ledger::pg::carriesPassword(text(uri))) {
            return tr("Remove the password from the server address: type it in the Password "
                      "field, or leave that empty to use your password file. Addresses are "
                      "remembered, and a password must never be.");
        }
    } catch (const ledger::ValidationError& e) {
        const QString why = e.errors().empty() ? QString() : text(e.errors().front().message);
        return tr("The server address cannot be read: %1").arg(why);
    }
    return {};
}

QString ServerAddress::tlsWarning(const QString& uri) {
    if (!isServer(uri)) {
        return {};
    }
    try {
        if (const std::optional<std::string> warning = ledger::pg::tlsWarning(text(uri))) {
            return convert::sentence(*warning);
        }
    } catch (const ledger::ValidationError&) {
        // problem() says why; there is no connection to warn about.
    }
    return {};
}

QString ServerAddress::displayName() const {
    return QStringLiteral("%1@%2/%3").arg(m_login, m_host, m_database);
}
