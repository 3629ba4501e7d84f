#pragma once

#include <QString>

#include <optional>

/// What the app shows of a server location (libpq's `postgresql://` URI) before and after
/// connecting: who logs in, where, to which database, and what to warn about. It reads the
/// URI the way libpq does (`postgresql://user@host:port/database?host=...&user=...`), with
/// libpq's defaults for what the URI leaves out (PGUSER or this computer's login name,
/// PGHOST, PGDATABASE or the login). It never keeps a password: a URI that carries one is
/// refused (see problem()), because locations are remembered and shown.
class ServerAddress {
public:
    /// True when `text` names a server rather than a ledger file (core's Location::parse).
    [[nodiscard]] static bool isServer(const QString& text);
    /// The parts of server location `uri`; nullopt when `uri` is not a server location.
    [[nodiscard]] static std::optional<ServerAddress> parse(const QString& uri);

    /// Why the app refuses to use `uri` ("" when it may): a password in it, or libpq cannot
    /// read it. Always "" for a file path.
    [[nodiscard]] static QString problem(const QString& uri);
    /// The warning sentence for a connection to a non-loopback host without verified TLS
    /// (core's pg::tlsWarning), or "" (also for a file path or an unreadable URI).
    [[nodiscard]] static QString tlsWarning(const QString& uri);

    /// The login libpq will use.
    [[nodiscard]] QString login() const { return m_login; }
    /// The first host: a host name, an address, or a socket folder.
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] QString database() const { return m_database; }
    /// `login@host/database`, as a person reads it (never a password).
    [[nodiscard]] QString displayName() const;

private:
    ServerAddress() = default;

    QString m_login;
    QString m_host;
    QString m_database;
};
