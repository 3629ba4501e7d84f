#pragma once

// What the model and controller tests share: watching a model, reading the small council's
// golden files, and finding rows of a VariantListModel.

#include "common/variantlistmodel.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

#include "testsupport.h"

namespace testsupport {

using Tester = QAbstractItemModelTester;

inline std::unique_ptr<Tester> watch(QAbstractItemModel* model) {
    return std::make_unique<Tester>(model, Tester::FailureReportingMode::QtTest);
}

/// One RFC 4180 line (the golden files have no line breaks inside fields).
inline QStringList splitCsvLine(const QString& line) {
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

/// The records of a golden CSV file, without its header.
inline QList<QStringList> readCsv(const QString& path) {
    QList<QStringList> rows;
    const QStringList lines = readFile(path).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        rows << splitCsvLine(lines.at(i));
    }
    return rows;
}

/// 2026-11-25 as 25/11/2026 ("" stays "").
inline QString ukFromIso(const QString& iso) {
    return iso.isEmpty()
               ? QString()
               : QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd/MM/yyyy"));
}

/// The lines of expected-staff-*.csv for one person or one (team, module), keyed
/// "employee/module", as [status, expires_on, due_on].
inline QHash<QString, QStringList> expectedStatuses(const QString& goldenFile,
                                                    const QString& employee, const QString& team,
                                                    const QString& module) {
    QHash<QString, QStringList> out;
    for (const QStringList& line : readCsv(goldenFile)) {
        const bool match = employee.isEmpty() ? line.at(1) == team && line.at(2) == module
                                              : line.at(0) == employee;
        if (match) {
            out.insert(line.at(0) + u'/' + line.at(2), {line.at(3), line.at(4), line.at(5)});
        }
    }
    return out;
}

/// Rows of statusRows() in the same shape, with UK dates turned back into the golden file's.
inline QString statusDiff(const VariantListModel* model,
                          const QHash<QString, QStringList>& expected) {
    QStringList diffs;
    if (model->rowCount() != expected.size()) {
        diffs << QStringLiteral("%1 rows, expected %2").arg(model->rowCount()).arg(expected.size());
    }
    for (const QVariantMap& row : model->rows()) {
        const QString key = row.value(QStringLiteral("employeeId")).toString() + u'/' +
                            row.value(QStringLiteral("module")).toString();
        const QStringList want = expected.value(key);
        const QStringList got{row.value(QStringLiteral("status")).toString(),
                              row.value(QStringLiteral("expiresOn")).toString(),
                              row.value(QStringLiteral("dueOn")).toString()};
        if (want.isEmpty()) {
            diffs << QStringLiteral("%1 is not in the golden file").arg(key);
        } else if (got != QStringList{want.at(0), ukFromIso(want.at(1)), ukFromIso(want.at(2))}) {
            diffs << QStringLiteral("%1: expected %2, got %3")
                         .arg(key, want.join(u','), got.join(u','));
        }
    }
    return diffs.join(u'\n');
}

inline QStringList values(const VariantListModel* model, const char* role) {
    QStringList out;
    for (const QVariantMap& row : model->rows()) {
        out << row.value(QLatin1String(role)).toString();
    }
    return out;
}

/// The first row whose `role` is `value`.
inline QVariantMap find(const VariantListModel* model, const char* role, const QString& value) {
    for (const QVariantMap& row : model->rows()) {
        if (row.value(QLatin1String(role)).toString() == value) {
            return row;
        }
    }
    return {};
}

inline bool isUkDateOrEmpty(const QString& text) {
    static const QRegularExpression uk(QStringLiteral("^(\\d\\d/\\d\\d/\\d{4})?$"));
    return uk.match(text).hasMatch();
}

} // namespace testsupport
