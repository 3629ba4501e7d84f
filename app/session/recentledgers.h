#pragma once

#include <QObject>
#include <QStringList>

/// The ledgers opened lately on this computer, newest first, kept in the application's
/// settings: ledger files (absolute paths) and server addresses (`postgresql://` URIs, kept
/// as typed). Never a passphrase or a password: a server address that carries a password is
/// neither stored nor listed.
class RecentLedgers : public QObject {
    Q_OBJECT

public:
    explicit RecentLedgers(QObject* parent = nullptr);

    /// The remembered ledgers: the files that still exist and the server addresses.
    [[nodiscard]] QStringList locations() const;
    /// Puts `location` first (a file made absolute, a server address unchanged); keeps the
    /// eight newest. Does nothing for a server address that carries a password.
    void remember(const QString& location);

signals:
    void changed();
};
