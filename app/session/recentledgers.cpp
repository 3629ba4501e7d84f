#include "session/recentledgers.h"

#include <QFileInfo>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("recentLedgers");
constexpr int kKept = 8;
} // namespace

RecentLedgers::RecentLedgers(QObject* parent) : QObject(parent) {
}

QStringList RecentLedgers::paths() const {
    QStringList existing;
    for (const QString& path : QSettings().value(kKey).toStringList()) {
        if (QFileInfo::exists(path)) {
            existing << path;
        }
    }
    return existing;
}

void RecentLedgers::remember(const QString& path) {
    QSettings settings;
    QStringList paths = settings.value(kKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    settings.setValue(kKey, paths.mid(0, kKept));
    emit changed();
}
