#include "session/recentledgers.h"

#include "session/serveraddress.h"

#include <QFileInfo>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("recentLedgers");
constexpr int kKept = 8;

// A server address the app may show and keep: one libpq reads, without a password.
bool keepableServer(const QString& location) {
    return ServerAddress::isServer(location) && ServerAddress::problem(location).isEmpty();
}
} // namespace

RecentLedgers::RecentLedgers(QObject* parent) : QObject(parent) {
}

QStringList RecentLedgers::locations() const {
    QStringList kept;
    for (const QString& location : QSettings().value(kKey).toStringList()) {
        if (ServerAddress::isServer(location) ? keepableServer(location)
                                              : QFileInfo::exists(location)) {
            kept << location;
        }
    }
    return kept;
}

void RecentLedgers::remember(const QString& location) {
    if (ServerAddress::isServer(location) && !keepableServer(location)) {
        return;
    }
    const QString kept =
        ServerAddress::isServer(location) ? location : QFileInfo(location).absoluteFilePath();
    QSettings settings;
    QStringList locations = settings.value(kKey).toStringList();
    locations.removeAll(kept);
    // Written by hand or by some other program: a password is not kept here either.
    locations.removeIf(
        [](const QString& l) { return ServerAddress::isServer(l) && !keepableServer(l); });
    locations.prepend(kept);
    settings.setValue(kKey, locations.mid(0, kKept));
    emit changed();
}
