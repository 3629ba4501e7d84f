#pragma once

#include <QObject>
#include <QStringList>

/// The ledger files opened lately on this computer, newest first (paths only, never
/// passphrases), kept in the application's settings.
class RecentLedgers : public QObject {
    Q_OBJECT

public:
    explicit RecentLedgers(QObject* parent = nullptr);

    /// The remembered ledgers that still exist.
    [[nodiscard]] QStringList paths() const;
    /// Puts `path` (made absolute) first; keeps the eight newest.
    void remember(const QString& path);

signals:
    void changed();
};
