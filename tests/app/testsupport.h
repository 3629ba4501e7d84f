#pragma once

// What the app tests share: the small council of tests/data in a fresh ledger, and files.

#include "ledger.h"

#include <QDate>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace testsupport {

inline const QDate kToday(2026, 11, 25);
inline const char* const kPassphrase = "small council";

inline QString dataFile(const QString& name) {
    return QStringLiteral(LEDGER_TEST_DATA "/small-council/") + name;
}

inline QString readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    return QString::fromUtf8(f.readAll());
}

inline void writeFile(const QString& path, const QString& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qFatal("cannot write %s", qPrintable(path));
    }
    f.write(text.toUtf8());
}

/// A ledger holding the small council of tests/data, as of 25/11/2026.
inline QString makeCouncil(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("council.ledger"));
    ledger::Ledger l = ledger::Ledger::create(path.toStdString(), kPassphrase, "test");
    for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
        const QString file = dataFile(QStringLiteral("%1.csv").arg(QLatin1String(kind)));
        l.imports().csv(*ledger::parseImportKind(kind), kind, readFile(file).toStdString(),
                        ledger::makeDate(2026, 11, 25), false, "test");
    }
    return path;
}

} // namespace testsupport
