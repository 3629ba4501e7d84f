// The QML-facing models and controllers over real ledgers: every model runs under
// QAbstractItemModelTester while its data changes (reloads, searches, dates), and the figures
// it shows are checked against the small council's golden files in tests/data.
#include "catalog/catalogcontroller.h"
#include "common/variantlistmodel.h"
#include "coverage/coveragecontroller.h"
#include "imports/importcontroller.h"
#include "session/session.h"
#include "staff/completioneditor.h"
#include "staff/directorymodel.h"
#include "staff/personcontroller.h"

#include "demo/generator.h"
#include "ledger.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

#include "common/convert.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

/// A requirement rule's key as the catalog gives it.
QString ruleKey(const char* module, const char* scope, const char* value) {
    return QStringList{QLatin1String(module), QLatin1String(scope), QString::fromUtf8(value)}.join(
        convert::kRuleKeySeparator);
}
const QString kWholeOrganisation = QStringLiteral("Whole organisation");

using Tester = QAbstractItemModelTester;

std::unique_ptr<Tester> watch(QAbstractItemModel* model) {
    return std::make_unique<Tester>(model, Tester::FailureReportingMode::QtTest);
}

/// One RFC 4180 line (the golden files have no line breaks inside fields).
QStringList splitCsvLine(const QString& line) {
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
QList<QStringList> readCsv(const QString& path) {
    QList<QStringList> rows;
    const QStringList lines = readFile(path).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        rows << splitCsvLine(lines.at(i));
    }
    return rows;
}

/// 2026-11-25 as 25/11/2026 ("" stays "").
QString ukFromIso(const QString& iso) {
    return iso.isEmpty()
               ? QString()
               : QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd/MM/yyyy"));
}

/// A ledger holding a generated council of `staff` people.
QString makeGenerated(const QTemporaryDir& dir, int staff, int completionsPerStaff) {
    const QString path = dir.filePath(QStringLiteral("county.ledger"));
    ledger::GeneratorOptions options;
    options.seed = 11;
    options.staff = staff;
    options.completionsPerStaff = completionsPerStaff;
    options.today = ledger::makeDate(2026, 11, 25);
    ledger::Ledger l = ledger::Ledger::create(path.toStdString(), kPassphrase, "test");
    l.imports().records(ledger::generateCouncil(options), options.today, "test");
    return path;
}

QStringList rowHeaders(const CoverageMatrixModel* m) {
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        out << m->headerData(r, Qt::Vertical, Qt::DisplayRole).toString();
    }
    return out;
}

QStringList columnHeaders(const CoverageMatrixModel* m) {
    QStringList out;
    for (int c = 0; c < m->columnCount(); ++c) {
        out << m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    }
    return out;
}

int intAt(const CoverageMatrixModel* m, int row, int column, int role) {
    return m->data(m->index(row, column), role).toInt();
}

/// "25.0% required 4: 1 compliant, 0 due soon, 3 overdue, 0 not yet due".
QString cellText(const CoverageMatrixModel* m, int row, int column) {
    const QModelIndex i = m->index(row, column);
    return QStringLiteral("%1 required %2: %3 compliant, %4 due soon, %5 overdue, %6 not yet due")
        .arg(m->data(i, CoverageMatrixModel::PercentRole).toString())
        .arg(m->data(i, CoverageMatrixModel::RequiredRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::CompliantRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::DueSoonRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::OverdueRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::NotYetDueRole).toInt());
}

/// The same text from a line of expected-team-*.csv
/// (team,module,required,compliant,due_soon,overdue,not_yet_due,coverage_percent).
QString expectedCellText(const QStringList& line) {
    const QString percent = line.at(7).isEmpty() ? QStringLiteral("n/a") : line.at(7) + u'%';
    return QStringLiteral("%1 required %2: %3 compliant, %4 due soon, %5 overdue, %6 not yet due")
        .arg(percent, line.at(2), line.at(3), line.at(4), line.at(5), line.at(6));
}

/// Every cell of the matrix against a golden by-team report: the cells in the file match,
/// the others are not required, the columns are the modules required anywhere, and the last
/// row adds up the teams. Returns the differences, one a line ("" when none).
QString diffWithGolden(const CoverageMatrixModel* m, const QString& goldenFile) {
    QStringList diffs;
    std::set<std::pair<int, int>> seen;
    QStringList modules;
    for (const QStringList& line : readCsv(goldenFile)) {
        const int row = m->rowOfTeam(line.at(0));
        const int column = m->columnOfModule(line.at(1));
        if (!modules.contains(line.at(1))) {
            modules << line.at(1);
        }
        if (row < 0 || column < 0) {
            diffs << QStringLiteral("missing cell %1 / %2").arg(line.at(0), line.at(1));
            continue;
        }
        seen.insert({row, column});
        const QString expected = expectedCellText(line);
        const QString actual = cellText(m, row, column);
        if (expected != actual) {
            diffs << QStringLiteral("%1 / %2: expected \"%3\", got \"%4\"")
                         .arg(line.at(0), line.at(1), expected, actual);
        }
    }
    modules.sort();
    if (columnHeaders(m) != modules) {
        diffs << QStringLiteral("columns: expected %1, got %2")
                     .arg(modules.join(u' '), columnHeaders(m).join(u' '));
    }
    const int total = m->rowCount() - 1;
    for (int c = 0; c < m->columnCount(); ++c) {
        int sums[5] = {0, 0, 0, 0, 0};
        const int roles[5] = {CoverageMatrixModel::RequiredRole, CoverageMatrixModel::CompliantRole,
                              CoverageMatrixModel::DueSoonRole, CoverageMatrixModel::OverdueRole,
                              CoverageMatrixModel::NotYetDueRole};
        for (int r = 0; r < total; ++r) {
            if (!seen.contains({r, c}) && intAt(m, r, c, CoverageMatrixModel::RequiredRole) != 0) {
                diffs << QStringLiteral("%1 / %2 is required but not in the golden file")
                             .arg(rowHeaders(m).at(r), columnHeaders(m).at(c));
            }
            for (int k = 0; k < 5; ++k) {
                sums[k] += intAt(m, r, c, roles[k]);
            }
        }
        for (int k = 0; k < 5; ++k) {
            if (intAt(m, total, c, roles[k]) != sums[k]) {
                diffs << QStringLiteral("whole organisation / %1: role %2 is %3, the teams add "
                                        "up to %4")
                             .arg(columnHeaders(m).at(c))
                             .arg(roles[k])
                             .arg(intAt(m, total, c, roles[k]))
                             .arg(sums[k]);
            }
        }
    }
    return diffs.join(u'\n');
}

/// The lines of expected-staff-*.csv for one person or one (team, module), keyed
/// "employee/module", as [status, expires_on, due_on].
QHash<QString, QStringList> expectedStatuses(const QString& goldenFile, const QString& employee,
                                             const QString& team, const QString& module) {
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
QString statusDiff(const VariantListModel* model, const QHash<QString, QStringList>& expected) {
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

/// Who matches a directory search, worked out the plain way: every word of the search in the
/// name or employee id, ignoring case; leavers only when asked.
int expectedMatches(const ledger::LedgerData& data, const QString& search, bool leavers) {
    const auto today = ledger::makeDate(2026, 11, 25);
    const QStringList words = search.split(u' ', Qt::SkipEmptyParts);
    int n = 0;
    for (const ledger::Staff& s : data.staff) {
        const bool active = s.startDate <= today && (!s.leaveDate || today <= *s.leaveDate);
        const QString hay =
            QString::fromStdString(s.fullName) + u' ' + QString::fromStdString(s.employeeId);
        const bool match = std::all_of(words.begin(), words.end(), [&](const QString& w) {
            return hay.contains(w, Qt::CaseInsensitive);
        });
        n += match && (active || leavers) ? 1 : 0;
    }
    return n;
}

QStringList column(const QAbstractItemModel* model, int role) {
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r) {
        out << model->data(model->index(r, 0), role).toString();
    }
    return out;
}

QStringList values(const VariantListModel* model, const char* role) {
    QStringList out;
    for (const QVariantMap& row : model->rows()) {
        out << row.value(QLatin1String(role)).toString();
    }
    return out;
}

/// The first row whose `role` is `value`.
QVariantMap find(const VariantListModel* model, const char* role, const QString& value) {
    for (const QVariantMap& row : model->rows()) {
        if (row.value(QLatin1String(role)).toString() == value) {
            return row;
        }
    }
    return {};
}

std::size_t completionCount(Session& session) {
    return session.ledger()->training().data().completions.size();
}

/// The completions that count, as the ledger holds them (for comparing with the engine the
/// session keeps current).
std::size_t countedCompletions(Session& session) {
    const auto all = session.ledger()->training().data().completions;
    return static_cast<std::size_t>(std::count_if(
        all.begin(), all.end(), [](const ledger::Completion& c) { return !c.voided; }));
}

bool isUkDateOrEmpty(const QString& text) {
    static const QRegularExpression uk(QStringLiteral("^(\\d\\d/\\d\\d/\\d{4})?$"));
    return uk.match(text).hasMatch();
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
    }

    // ---- VariantListModel -------------------------------------------------------------

    void variantListModelServesRowsByRoleName() {
        VariantListModel model({QStringLiteral("name"), QStringLiteral("people")});
        const auto tester = watch(&model);
        QSignalSpy counted(&model, &VariantListModel::countChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(Qt::UserRole + 1), QByteArray("name"));
        QCOMPARE(roles.value(Qt::UserRole + 2), QByteArray("people"));

        model.setRows(
            {{{QStringLiteral("name"), QStringLiteral("East")}, {QStringLiteral("people"), 4}},
             {{QStringLiteral("name"), QStringLiteral("West")}, {QStringLiteral("people"), 2}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.data(model.index(1, 0), Qt::DisplayRole).toString(), QStringLiteral("West"));
        QCOMPARE(model.data(model.index(0, 0), Qt::UserRole + 2).toInt(), 4);
        QVERIFY(!model.data(model.index(0, 0), Qt::UserRole + 3).isValid());
        QCOMPARE(model.get(1).value(QStringLiteral("people")).toInt(), 2);
        QVERIFY(model.get(2).isEmpty());
        QVERIFY(model.get(-1).isEmpty());

        // Same count: the rows are replaced, the count is not announced again.
        model.setRows({{{QStringLiteral("name"), QStringLiteral("North")}},
                       {{QStringLiteral("name"), QStringLiteral("South")}}});
        QCOMPARE(counted.count(), 1);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.get(0).value(QStringLiteral("name")).toString(), QStringLiteral("North"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(counted.count(), 2);
    }

    // ---- CoverageMatrixModel and CoverageController ---------------------------------------

    void coverageMatrixOnTodayMatchesTheGoldenTeamReport() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        CoverageController coverage;
        const CoverageMatrixModel* matrix = coverage.matrix();
        const auto tester = watch(coverage.matrix());
        QCOMPARE(matrix->rowCount(), 0); // no session yet
        coverage.setSession(&session);
        QCOMPARE(coverage.asOf(), kToday);
        QCOMPARE(coverage.asOfText(), QStringLiteral("25/11/2026"));

        QCOMPARE(rowHeaders(matrix),
                 (QStringList{
                     QStringLiteral("Carers' Support"), QStringLiteral("Hospital Discharge"),
                     QStringLiteral("Learning Disability"), QStringLiteral("Mental Health"),
                     QStringLiteral("Occupational Therapy"), QStringLiteral("Older People East"),
                     QStringLiteral("Older People West"), QStringLiteral("Quality Assurance"),
                     QStringLiteral("Reablement"), QStringLiteral("Safeguarding Adults"),
                     QStringLiteral("Sensory Impairment"), QStringLiteral("Transitions"),
                     QStringLiteral("Équipe Nord, \"pilot\""), kWholeOrganisation}));
        QCOMPARE(columnHeaders(matrix),
                 (QStringList{QStringLiteral("BLS"), QStringLiteral("CARE-ACT"),
                              QStringLiteral("DA"), QStringLiteral("ED"), QStringLiteral("FIRE"),
                              QStringLiteral("IG"), QStringLiteral("LEGAL"), QStringLiteral("MCA"),
                              QStringLiteral("MH"), QStringLiteral("OMMT"),
                              QStringLiteral("SAFE-L3"), QStringLiteral("TA-REF")}));
        QCOMPARE(matrix
                     ->headerData(matrix->columnOfModule(QStringLiteral("FIRE")), Qt::Horizontal,
                                  Qt::ToolTipRole)
                     .toString(),
                 QStringLiteral("Fire safety"));

        // Three cells read from expected-team-2026-11-25.csv.
        const int carers = matrix->rowOfTeam(QStringLiteral("Carers' Support"));
        const int fire = matrix->columnOfModule(QStringLiteral("FIRE"));
        // Carers' Support,FIRE,4,1,0,3,0,25.0
        QCOMPARE(cellText(matrix, carers, fire),
                 QStringLiteral("25.0% required 4: 1 compliant, 0 due soon, 3 overdue, 0 not yet "
                                "due"));
        const QModelIndex carersFire = matrix->index(carers, fire);
        QCOMPARE(matrix->data(carersFire, Qt::DisplayRole).toString(), QStringLiteral("25.0%"));
        QCOMPARE(matrix->data(carersFire, CoverageMatrixModel::BandRole).toString(),
                 QStringLiteral("poor"));
        QCOMPARE(matrix->data(carersFire, CoverageMatrixModel::DetailRole).toString(),
                 QStringLiteral("1 of 4 covered, 3 overdue"));
        QCOMPARE(matrix->data(carersFire, CoverageMatrixModel::AccessibleTextRole).toString(),
                 QStringLiteral("Carers' Support, Fire safety: 25.0% covered, 1 of 4 covered, 3 "
                                "overdue"));
        QCOMPARE(matrix->data(carersFire, CoverageMatrixModel::TeamRole).toString(),
                 QStringLiteral("Carers' Support"));
        QCOMPARE(matrix->data(carersFire, CoverageMatrixModel::ModuleRole).toString(),
                 QStringLiteral("FIRE"));
        QCOMPARE(matrix->data(carersFire, CoverageMatrixModel::IsTotalRole).toBool(), false);

        // "Équipe Nord, ""pilot""",IG,6,1,2,3,0,50.0
        const QModelIndex nordIg =
            matrix->index(matrix->rowOfTeam(QStringLiteral("Équipe Nord, \"pilot\"")),
                          matrix->columnOfModule(QStringLiteral("IG")));
        QCOMPARE(matrix->data(nordIg, CoverageMatrixModel::PercentRole).toString(),
                 QStringLiteral("50.0%"));
        QCOMPARE(matrix->data(nordIg, CoverageMatrixModel::CompliantRole).toInt(), 1);
        QCOMPARE(matrix->data(nordIg, CoverageMatrixModel::DueSoonRole).toInt(), 2);
        QCOMPARE(matrix->data(nordIg, CoverageMatrixModel::OverdueRole).toInt(), 3);
        QCOMPARE(matrix->data(nordIg, CoverageMatrixModel::DetailRole).toString(),
                 QStringLiteral("3 of 6 covered, 3 overdue, 2 due soon"));

        // Older People East,OMMT,9,1,0,7,1,12.5 (someone in their grace period counts neither way)
        const QModelIndex eastOmmt =
            matrix->index(matrix->rowOfTeam(QStringLiteral("Older People East")),
                          matrix->columnOfModule(QStringLiteral("OMMT")));
        QCOMPARE(matrix->data(eastOmmt, CoverageMatrixModel::PercentRole).toString(),
                 QStringLiteral("12.5%"));
        QCOMPARE(matrix->data(eastOmmt, CoverageMatrixModel::CompliantRole).toInt(), 1);
        QCOMPARE(matrix->data(eastOmmt, CoverageMatrixModel::OverdueRole).toInt(), 7);
        QCOMPARE(matrix->data(eastOmmt, CoverageMatrixModel::NotYetDueRole).toInt(), 1);

        // Hospital Discharge,CARE-ACT,5,5,0,0,0,100.0 and "Équipe Nord..." ED 83.3: the bands.
        QCOMPARE(matrix
                     ->data(matrix->index(matrix->rowOfTeam(QStringLiteral("Hospital Discharge")),
                                          matrix->columnOfModule(QStringLiteral("CARE-ACT"))),
                            CoverageMatrixModel::BandRole)
                     .toString(),
                 QStringLiteral("good"));
        QCOMPARE(
            matrix
                ->data(matrix->index(matrix->rowOfTeam(QStringLiteral("Équipe Nord, \"pilot\"")),
                                     matrix->columnOfModule(QStringLiteral("ED"))),
                       CoverageMatrixModel::BandRole)
                .toString(),
            QStringLiteral("fair"));

        // BLS is for Reablement only: elsewhere the cell is empty, not 0%.
        const QModelIndex carersBls =
            matrix->index(carers, matrix->columnOfModule(QStringLiteral("BLS")));
        QCOMPARE(matrix->data(carersBls, CoverageMatrixModel::PercentRole).toString(), QString());
        QCOMPARE(matrix->data(carersBls, CoverageMatrixModel::BandRole).toString(),
                 QStringLiteral("empty"));
        QCOMPARE(matrix->data(carersBls, CoverageMatrixModel::DetailRole).toString(),
                 QStringLiteral("Not required"));

        // The last row is the whole organisation.
        const int total = matrix->rowCount() - 1;
        QCOMPARE(
            matrix->data(matrix->index(total, fire), CoverageMatrixModel::IsTotalRole).toBool(),
            true);
        QCOMPARE(matrix->data(matrix->index(total, fire), CoverageMatrixModel::TeamRole).toString(),
                 kWholeOrganisation);

        // And every other cell, from the whole golden file.
        const QString diff =
            diffWithGolden(matrix, dataFile(QStringLiteral("expected-team-2026-11-25.csv")));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void coverageAsOfTextMovesTheMatrixToThatDate() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        CoverageController coverage;
        coverage.setSession(&session);
        const CoverageMatrixModel* matrix = coverage.matrix();
        const auto tester = watch(coverage.matrix());
        QSignalSpy dated(&coverage, &CoverageController::asOfChanged);
        QSignalSpy reset(coverage.matrix(), &QAbstractItemModel::modelReset);

        QCOMPARE(coverage.setAsOfText(QStringLiteral("31/03/2025")), QString());
        QCOMPARE(coverage.asOf(), QDate(2025, 3, 31));
        QCOMPARE(coverage.asOfText(), QStringLiteral("31/03/2025"));
        QCOMPARE(dated.count(), 1);
        QCOMPARE(reset.count(), 1);
        // Hospital Discharge,IG,4,0,1,3,0,25.0 (it was 5 required, 0.0% on 25/11/2026)
        QCOMPARE(cellText(matrix, matrix->rowOfTeam(QStringLiteral("Hospital Discharge")),
                          matrix->columnOfModule(QStringLiteral("IG"))),
                 QStringLiteral("25.0% required 4: 0 compliant, 1 due soon, 3 overdue, 0 not yet "
                                "due"));
        // Rules not yet in force on that date have no column.
        QCOMPARE(matrix->columnOfModule(QStringLiteral("OMMT")), -1);
        QCOMPARE(matrix->columnOfModule(QStringLiteral("LEGAL")), -1);
        const QString diff =
            diffWithGolden(matrix, dataFile(QStringLiteral("expected-team-2025-03-31.csv")));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // A date that cannot be read is explained, and nothing changes.
        const QStringList before = {cellText(matrix, 0, 0), coverage.asOfText()};
        for (const QString& bad : {QStringLiteral("31/02/2025"), QStringLiteral("next week"),
                                   QStringLiteral("13/13/2025"), QString()}) {
            const QString error = coverage.setAsOfText(bad);
            QVERIFY2(error.contains(QStringLiteral("DD/MM/YYYY")), qPrintable(bad + u':' + error));
        }
        QCOMPARE(coverage.asOf(), QDate(2025, 3, 31));
        QCOMPARE(dated.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE((QStringList{cellText(matrix, 0, 0), coverage.asOfText()}), before);

        // The same date again changes nothing either.
        QCOMPARE(coverage.setAsOfText(QStringLiteral("31/03/2025")), QString());
        QCOMPARE(dated.count(), 1);

        // A month back from 31 March is the last day of February.
        coverage.shiftMonths(-1);
        QCOMPARE(coverage.asOf(), QDate(2025, 2, 28));
        QCOMPARE(dated.count(), 2);
        QCOMPARE(reset.count(), 2);
        coverage.shiftMonths(21);
        QCOMPARE(coverage.asOf(), QDate(2026, 11, 28));
        coverage.showToday();
        QCOMPARE(coverage.asOf(), kToday);
        QCOMPARE(dated.count(), 4);
        const QString today =
            diffWithGolden(matrix, dataFile(QStringLiteral("expected-team-2026-11-25.csv")));
        QVERIFY2(today.isEmpty(), qPrintable(today));

        // Locking empties the matrix; unlocking fills it again.
        session.lock();
        QCOMPARE(matrix->rowCount(), 0);
        QCOMPARE(matrix->columnCount(), 0);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        QCOMPARE(matrix->rowCount(), 14);
    }

    void selectingACellListsItsPeopleInWordsWithUkDates() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        CoverageController coverage;
        coverage.setSession(&session);
        const CoverageMatrixModel* matrix = coverage.matrix();
        const auto peopleTester = watch(coverage.people());
        const auto matrixTester = watch(coverage.matrix());
        QSignalSpy selection(&coverage, &CoverageController::selectionChanged);
        QVERIFY(!coverage.hasSelection());

        const int row = matrix->rowOfTeam(QStringLiteral("Carers' Support"));
        const int fire = matrix->columnOfModule(QStringLiteral("FIRE"));
        coverage.selectCell(row, fire);
        QCOMPARE(selection.count(), 1);
        QVERIFY(coverage.hasSelection());
        QCOMPARE(coverage.selectedRow(), row);
        QCOMPARE(coverage.selectedColumn(), fire);
        QCOMPARE(coverage.selectionTitle(), QStringLiteral("Carers' Support: Fire safety (FIRE)"));
        QCOMPARE(coverage.selectionSummary(),
                 QStringLiteral("25.0% covered on 25/11/2026: 1 of 4 covered, 3 overdue"));

        const VariantListModel* people = coverage.people();
        QCOMPARE(people->rowCount(), 4);
        // Overdue first, in words; the dates as a person in England reads them.
        QCOMPARE(values(people, "statusLabel"),
                 (QStringList{QStringLiteral("Overdue"), QStringLiteral("Overdue"),
                              QStringLiteral("Overdue"), QStringLiteral("Compliant")}));
        for (const QVariantMap& p : people->rows()) {
            QVERIFY(isUkDateOrEmpty(p.value(QStringLiteral("expiresOn")).toString()));
            QVERIFY(isUkDateOrEmpty(p.value(QStringLiteral("dueOn")).toString()));
            QCOMPARE(p.value(QStringLiteral("team")).toString(), QStringLiteral("Carers' Support"));
            QCOMPARE(p.value(QStringLiteral("moduleTitle")).toString(),
                     QStringLiteral("Fire safety"));
        }
        const auto golden =
            expectedStatuses(dataFile(QStringLiteral("expected-staff-2026-11-25.csv")), QString(),
                             QStringLiteral("Carers' Support"), QStringLiteral("FIRE"));
        QString diff = statusDiff(people, golden);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // A real date, shown DD/MM/YYYY.
        QVERIFY(std::any_of(people->rows().begin(), people->rows().end(), [](const QVariantMap& p) {
            return !p.value(QStringLiteral("expiresOn")).toString().isEmpty();
        }));

        // Another date keeps the same team and module selected and lists that day's people.
        QCOMPARE(coverage.setAsOfText(QStringLiteral("31/03/2025")), QString());
        QVERIFY(coverage.hasSelection());
        QCOMPARE(
            matrix->headerData(coverage.selectedRow(), Qt::Vertical, Qt::DisplayRole).toString(),
            QStringLiteral("Carers' Support"));
        QCOMPARE(matrix->headerData(coverage.selectedColumn(), Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("FIRE"));
        diff = statusDiff(
            people,
            expectedStatuses(dataFile(QStringLiteral("expected-staff-2025-03-31.csv")), QString(),
                             QStringLiteral("Carers' Support"), QStringLiteral("FIRE")));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(values(people, "statusLabel"),
                 (QStringList{QStringLiteral("Overdue"), QStringLiteral("Overdue"),
                              QStringLiteral("Overdue"), QStringLiteral("Overdue")}));
        coverage.showToday();

        // The whole organisation row lists everyone required to have the module.
        const int total = matrix->rowCount() - 1;
        coverage.selectCell(total, fire);
        QCOMPARE(people->rowCount(), intAt(matrix, total, fire, CoverageMatrixModel::RequiredRole));
        QVERIFY(coverage.selectionTitle().startsWith(kWholeOrganisation));
        QCOMPARE(static_cast<int>(values(people, "status").count(QStringLiteral("overdue"))),
                 intAt(matrix, total, fire, CoverageMatrixModel::OverdueRole));

        // The worst team cell with at least three people: several are 0.0%; any of them will do.
        coverage.selectWorstCell();
        QVERIFY(coverage.selectedRow() < total);
        QCOMPARE(matrix
                     ->data(matrix->index(coverage.selectedRow(), coverage.selectedColumn()),
                            CoverageMatrixModel::PercentRole)
                     .toString(),
                 QStringLiteral("0.0%"));

        // Outside the matrix: nothing is selected.
        coverage.selectCell(99, 0);
        QVERIFY(!coverage.hasSelection());
        QCOMPARE(people->rowCount(), 0);
        coverage.selectCell(row, fire);
        coverage.clearSelection();
        QVERIFY(!coverage.hasSelection());
        QCOMPARE(people->rowCount(), 0);
        QCOMPARE(coverage.selectionTitle(), QString());
    }

    // ---- StaffDirectoryModel ----------------------------------------------------------------

    void directorySearchesNamesAndIdsIgnoringCaseAndHidesLeavers() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        StaffDirectoryModel directory;
        const auto tester = watch(&directory);
        QSignalSpy reset(&directory, &QAbstractItemModel::modelReset);
        QSignalSpy counted(&directory, &StaffDirectoryModel::countChanged);
        directory.setSession(&session);

        // 60 people; 5 have left (HW00025, HW00030, HW00035, HW00050, HW00052).
        QCOMPARE(directory.total(), 60);
        QCOMPARE(directory.rowCount(), 55);
        QVERIFY(!column(&directory, StaffDirectoryModel::EmployeeIdRole)
                     .contains(QStringLiteral("HW00035")));
        // Sorted by name for people.
        const QStringList names = column(&directory, StaffDirectoryModel::FullNameRole);
        for (qsizetype i = 1; i < names.size(); ++i) {
            QVERIFY2(QString::localeAwareCompare(names.at(i - 1), names.at(i)) <= 0,
                     qPrintable(names.at(i - 1) + QStringLiteral(" before ") + names.at(i)));
        }

        // One reset per search, however many rows come and go.
        QStringList resetProblems;
        const auto search = [&](const QString& text) {
            const auto resets = reset.count();
            directory.setSearch(text);
            if (reset.count() != resets + 1) {
                resetProblems
                    << QStringLiteral("\"%1\": %2 resets").arg(text).arg(reset.count() - resets);
            }
            return column(&directory, StaffDirectoryModel::EmployeeIdRole);
        };

        // Part of a name, any case, accents kept.
        const QStringList siobhan{
            QStringLiteral("HW00003"), QStringLiteral("HW00019"), QStringLiteral("HW00023"),
            QStringLiteral("HW00032"), QStringLiteral("HW00033"), QStringLiteral("HW00043"),
            QStringLiteral("HW00046"), QStringLiteral("HW00051"), QStringLiteral("HW00055")};
        QStringList found = search(QStringLiteral("siobh"));
        found.sort();
        QCOMPARE(found, siobhan);
        found = search(QStringLiteral("SIOBHÁN"));
        found.sort();
        QCOMPARE(found, siobhan);
        QCOMPARE(directory.search(), QStringLiteral("SIOBHÁN"));
        // Every word must match, in any order.
        found = search(QStringLiteral("okafor siob"));
        found.sort();
        QCOMPARE(found, (QStringList{QStringLiteral("HW00019"), QStringLiteral("HW00032"),
                                     QStringLiteral("HW00043"), QStringLiteral("HW00046")}));
        QCOMPARE(search(QStringLiteral("李")).size(), 5);

        // Employee ids, in part or whole, any case.
        found = search(QStringLiteral("hw0001"));
        found.sort();
        QCOMPARE(found.size(), 10);
        QCOMPARE(found.first(), QStringLiteral("HW00010"));
        QCOMPARE(found.last(), QStringLiteral("HW00019"));
        QCOMPARE(search(QStringLiteral("HW00042")), QStringList{QStringLiteral("HW00042")});
        QCOMPARE(
            directory.data(directory.index(0, 0), StaffDirectoryModel::FullNameRole).toString(),
            QStringLiteral("Priya Smith, Jr"));
        QCOMPARE(directory.data(directory.index(0, 0), StaffDirectoryModel::TeamRole).toString(),
                 QStringLiteral("Transitions"));
        QCOMPARE(directory.data(directory.index(0, 0), Qt::DisplayRole).toString(),
                 QStringLiteral("Priya Smith, Jr"));
        QCOMPARE(directory.employeeIdAt(0), QStringLiteral("HW00042"));
        QCOMPARE(directory.employeeIdAt(1), QString());

        // A leaver is found only with includeLeavers.
        QCOMPARE(search(QStringLiteral("hw00025")), QStringList());
        QSignalSpy leaversChanged(&directory, &StaffDirectoryModel::includeLeaversChanged);
        directory.setIncludeLeavers(true);
        QCOMPARE(leaversChanged.count(), 1);
        QCOMPARE(column(&directory, StaffDirectoryModel::EmployeeIdRole),
                 QStringList{QStringLiteral("HW00025")});
        const QModelIndex leaver = directory.index(0, 0);
        QCOMPARE(directory.data(leaver, StaffDirectoryModel::ActiveRole).toBool(), false);
        QCOMPARE(directory.data(leaver, StaffDirectoryModel::StatusSummaryRole).toString(),
                 QStringLiteral("Left or not started"));
        found = search(QStringLiteral("siobhán"));
        QCOMPARE(found.size(), siobhan.size() + 1);
        QVERIFY(found.contains(QStringLiteral("HW00025")));
        QVERIFY2(resetProblems.isEmpty(), qPrintable(resetProblems.join(u'\n')));
        directory.setSearch(QString());
        QCOMPARE(directory.rowCount(), 60);
        directory.setIncludeLeavers(false);
        QCOMPARE(directory.rowCount(), 55);
        QVERIFY(counted.count() > 0);

        // A reload keeps the search.
        directory.setSearch(QStringLiteral("hw0001"));
        const auto resets = reset.count();
        session.reload();
        QCOMPARE(reset.count(), resets + 1);
        QCOMPARE(directory.rowCount(), 10);

        // Status summaries in words, matching the person's overdue count.
        directory.setSearch(QStringLiteral("HW00010"));
        const QModelIndex one = directory.index(0, 0);
        const int overdue = directory.data(one, StaffDirectoryModel::OverdueRole).toInt();
        int expectedOverdue = 0;
        for (const QStringList& line :
             readCsv(dataFile(QStringLiteral("expected-staff-2026-11-25.csv")))) {
            expectedOverdue +=
                line.at(0) == QLatin1String("HW00010") && line.at(3) == QLatin1String("overdue")
                    ? 1
                    : 0;
        }
        QVERIFY(expectedOverdue > 0);
        QCOMPARE(overdue, expectedOverdue);
        QVERIFY(directory.data(one, StaffDirectoryModel::StatusSummaryRole)
                    .toString()
                    .startsWith(QStringLiteral("%1 overdue").arg(overdue)));

        // No session, no people.
        directory.setSession(nullptr);
        QCOMPARE(directory.rowCount(), 0);
        QCOMPARE(directory.total(), 0);
    }

    void directoryOfTwentyThousandFiltersWithOneResetPerSearch() {
        QTemporaryDir dir;
        const QString path = makeGenerated(dir, 20000, 5);
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        const ledger::LedgerData& data = *session.data();
        QCOMPARE(data.staff.size(), std::size_t{20000});

        StaffDirectoryModel directory;
        directory.setSession(&session);
        const auto tester = watch(&directory);
        QSignalSpy reset(&directory, &QAbstractItemModel::modelReset);
        QCOMPARE(directory.total(), 20000);
        QCOMPARE(directory.rowCount(), expectedMatches(data, QString(), false));
        QVERIFY(directory.rowCount() < 20000); // the generator makes leavers

        // Typing a surname letter by letter: one reset per keystroke.
        const QString surname = QString::fromStdString(data.staff[123].fullName).section(u' ', -1);
        QVERIFY(surname.size() >= 3);
        for (qsizetype n = 1; n <= surname.size(); ++n) {
            const QString typed = surname.left(n).toLower();
            const auto resets = reset.count();
            directory.setSearch(typed);
            QCOMPARE(reset.count(), resets + 1);
            QCOMPARE(directory.rowCount(), expectedMatches(data, typed, false));
        }
        QVERIFY(directory.rowCount() > 0);

        // One person by employee id, upper or lower case.
        const QString id = QString::fromStdString(data.staff[4567].employeeId);
        auto resets = reset.count();
        directory.setSearch(id.toLower());
        QCOMPARE(reset.count(), resets + 1);
        directory.setIncludeLeavers(true);
        QCOMPARE(directory.rowCount(), 1);
        QCOMPARE(directory.employeeIdAt(0), id);

        // Two words, with leavers.
        const QString first = QString::fromStdString(data.staff[42].fullName).section(u' ', 0, 0);
        const QString both = first.toUpper() + u' ' + surname;
        resets = reset.count();
        directory.setSearch(both);
        QCOMPARE(reset.count(), resets + 1);
        QCOMPARE(directory.rowCount(), expectedMatches(data, both, true));
        QVERIFY(directory.rowCount() >= 1);

        // Nothing matches.
        directory.setSearch(QStringLiteral("zzqx"));
        QCOMPARE(directory.rowCount(), 0);
        directory.setSearch(QString());
        QCOMPARE(directory.rowCount(), 20000);
    }

    // ---- PersonController ------------------------------------------------------------------

    void personPageShowsDetailsModulesCompletionsAndHistory() {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(m_council, dir.filePath(QStringLiteral("person.ledger"))));
        Session session(kToday);
        QCOMPARE(
            session.open(dir.filePath(QStringLiteral("person.ledger")), QLatin1String(kPassphrase)),
            QString());
        session.setActor(QStringLiteral("Workforce Lead"));
        PersonController person;
        const auto modulesTester = watch(person.modules());
        const auto completionsTester = watch(person.completions());
        const auto historyTester = watch(person.history());
        QSignalSpy changed(&person, &PersonController::changed);
        person.setSession(&session);
        QVERIFY(!person.found());

        person.setEmployeeId(QStringLiteral("HW00010"));
        QVERIFY(person.found());
        QVERIFY(changed.count() >= 1);
        const QVariantMap details = person.details();
        QCOMPARE(details.value(QStringLiteral("employeeId")).toString(), QStringLiteral("HW00010"));
        QCOMPARE(details.value(QStringLiteral("fullName")).toString(),
                 QStringLiteral("Jean-Luc Patel"));
        QCOMPARE(details.value(QStringLiteral("email")).toString(),
                 QStringLiteral("hw00010@example.org"));
        QCOMPARE(details.value(QStringLiteral("team")).toString(),
                 QStringLiteral("Carers' Support"));
        QCOMPARE(details.value(QStringLiteral("role")).toString(),
                 QStringLiteral("Occupational Therapist"));
        QCOMPARE(details.value(QStringLiteral("startDate")).toString(),
                 QStringLiteral("07/09/2016"));
        QCOMPARE(details.value(QStringLiteral("leaveDate")).toString(), QString());
        QCOMPARE(details.value(QStringLiteral("active")).toBool(), true);

        // Required modules and their statuses, as in expected-staff-2026-11-25.csv.
        const QString golden = dataFile(QStringLiteral("expected-staff-2026-11-25.csv"));
        QString diff = statusDiff(person.modules(),
                                  expectedStatuses(golden, QStringLiteral("HW00010"), {}, {}));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const auto labels = values(person.modules(), "statusLabel");
        for (const QString& label : labels) {
            QVERIFY2((QStringList{QStringLiteral("Compliant"), QStringLiteral("Due soon"),
                                  QStringLiteral("Overdue"), QStringLiteral("Not yet due")})
                         .contains(label),
                     qPrintable(label));
        }
        const int overdue = static_cast<int>(labels.count(QStringLiteral("Overdue")));
        const int dueSoon = static_cast<int>(labels.count(QStringLiteral("Due soon")));
        QCOMPARE(person.statusSummary(), QStringLiteral("%1 overdue, %2 due soon, of %3 required")
                                             .arg(overdue)
                                             .arg(dueSoon)
                                             .arg(labels.size()));

        // Completions: every record of completions.csv for this person, dates DD/MM/YYYY.
        QStringList expectedDone;
        for (const QStringList& line : readCsv(dataFile(QStringLiteral("completions.csv")))) {
            if (line.at(0) == QLatin1String("HW00010")) {
                expectedDone << line.at(1) + u' ' + ukFromIso(line.at(2));
            }
        }
        QStringList done;
        for (const QVariantMap& c : person.completions()->rows()) {
            done << c.value(QStringLiteral("module")).toString() + u' ' +
                        c.value(QStringLiteral("completedOn")).toString();
            QVERIFY(isUkDateOrEmpty(c.value(QStringLiteral("expiresOn")).toString()));
            QCOMPARE(c.value(QStringLiteral("voided")).toBool(), false);
        }
        QVERIFY(!expectedDone.isEmpty());
        expectedDone.removeDuplicates(); // the file repeats one line; it is one completion
        expectedDone.sort();
        done.sort();
        QCOMPARE(done, expectedDone);
        const int historyBefore = person.history()->rowCount();

        // An edit shows at once: a new completion, a compliant module, a line of history.
        CompletionEditor editor;
        editor.setSession(&session);
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00010")},
                         {QStringLiteral("module"), QStringLiteral("FIRE")},
                         {QStringLiteral("completed_on"), QStringLiteral("20/11/2026")},
                         {QStringLiteral("evidence"), QStringLiteral("Fire brigade session")}});
        const auto changes = changed.count();
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QVERIFY(changed.count() > changes);
        QCOMPARE(person.completions()->rowCount(), static_cast<int>(expectedDone.size()) + 1);
        const QVariantMap added = person.completions()->get(0); // newest first
        QCOMPARE(added.value(QStringLiteral("module")).toString(), QStringLiteral("FIRE"));
        QCOMPARE(added.value(QStringLiteral("moduleTitle")).toString(),
                 QStringLiteral("Fire safety"));
        QCOMPARE(added.value(QStringLiteral("completedOn")).toString(),
                 QStringLiteral("20/11/2026"));
        QCOMPARE(added.value(QStringLiteral("evidence")).toString(),
                 QStringLiteral("Fire brigade session"));
        QCOMPARE(find(person.modules(), "module", QStringLiteral("FIRE"))
                     .value(QStringLiteral("statusLabel"))
                     .toString(),
                 QStringLiteral("Compliant"));
        QCOMPARE(person.history()->rowCount(), historyBefore + 1);
        const QVariantMap latest = person.history()->get(0); // newest first
        QCOMPARE(latest.value(QStringLiteral("actor")).toString(),
                 QStringLiteral("Workforce Lead"));
        QCOMPARE(latest.value(QStringLiteral("change")).toString(), QStringLiteral("add"));
        QVERIFY2(latest.value(QStringLiteral("what")).toString().contains(QStringLiteral("FIRE")),
                 qPrintable(latest.value(QStringLiteral("what")).toString()));
        QVERIFY2(latest.value(QStringLiteral("newValues"))
                     .toString()
                     .contains(QStringLiteral("Fire brigade session")),
                 qPrintable(latest.value(QStringLiteral("newValues")).toString()));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$"))
                    .match(latest.value(QStringLiteral("at")).toString())
                    .hasMatch());

        // A leaver's page says when they left.
        person.setEmployeeId(QStringLiteral("HW00035"));
        QCOMPARE(person.details().value(QStringLiteral("leaveDate")).toString(),
                 QStringLiteral("29/07/2026"));
        QCOMPARE(person.details().value(QStringLiteral("active")).toBool(), false);

        // Nobody by that id: empty page.
        person.setEmployeeId(QStringLiteral("NOBODY"));
        QVERIFY(!person.found());
        QCOMPARE(person.modules()->rowCount(), 0);
        QCOMPARE(person.completions()->rowCount(), 0);
        QCOMPARE(person.history()->rowCount(), 0);
    }

    // ---- CatalogController -----------------------------------------------------------------

    void catalogListsTeamsRolesWithPeopleAndRulesWithWhomTheyApplyTo() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        CatalogController catalog;
        std::vector<std::unique_ptr<Tester>> testers;
        for (VariantListModel* m : {catalog.teams(), catalog.roles(), catalog.modules(),
                                    catalog.rules(), catalog.themes()}) {
            testers.push_back(watch(m));
        }
        QSignalSpy changed(&catalog, &CatalogController::changed);
        catalog.setSession(&session);
        QCOMPARE(changed.count(), 1);

        QCOMPARE(catalog.teams()->rowCount(), 13);
        QCOMPARE(values(catalog.teams(), "name"), catalog.teamNames());
        QCOMPARE(catalog.teamNames().first(), QStringLiteral("Carers' Support"));
        // Active people only: Older People East has 11 people, 2 of whom have left.
        QCOMPARE(find(catalog.teams(), "name", QStringLiteral("Older People East"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 9);
        QCOMPARE(find(catalog.teams(), "name", QStringLiteral("Carers' Support"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 4);
        int people = 0;
        for (const QVariantMap& t : catalog.teams()->rows()) {
            people += t.value(QStringLiteral("people")).toInt();
        }
        QCOMPARE(people, 55);
        QCOMPARE(find(catalog.roles(), "name", QStringLiteral("Team Manager"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 10);
        QVERIFY(catalog.roleNames().contains(QStringLiteral("OT Assistant")));
        QCOMPARE(values(catalog.roles(), "name"), catalog.roleNames());

        // 18 rules, each saying whom it is for.
        QCOMPARE(catalog.rules()->rowCount(), 18);
        const QVariantMap safe = find(catalog.rules(), "key", ruleKey("SAFE-L3", "all", ""));
        QCOMPARE(safe.value(QStringLiteral("appliesTo")).toString(), QStringLiteral("All staff"));
        QCOMPARE(safe.value(QStringLiteral("dueWithinDays")).toInt(), 90);
        QCOMPARE(safe.value(QStringLiteral("effectiveFrom")).toString(), QString());
        QCOMPARE(find(catalog.rules(), "key", ruleKey("MH", "team", "Reablement"))
                     .value(QStringLiteral("appliesTo"))
                     .toString(),
                 QStringLiteral("Team: Reablement"));
        const QVariantMap otRule =
            find(catalog.rules(), "key", ruleKey("MH", "role", "Occupational Therapist"));
        QCOMPARE(otRule.value(QStringLiteral("appliesTo")).toString(),
                 QStringLiteral("Role: Occupational Therapist"));
        QCOMPARE(otRule.value(QStringLiteral("effectiveFrom")).toString(),
                 QStringLiteral("01/06/2024"));
        QCOMPARE(otRule.value(QStringLiteral("scope")).toString(), QStringLiteral("role"));

        // Modules with their renewal in words and how many rules they have.
        QCOMPARE(catalog.modules()->rowCount(), 12);
        const QVariantMap mh = find(catalog.modules(), "code", QStringLiteral("MH"));
        QCOMPARE(mh.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Moving and handling people"));
        QCOMPARE(mh.value(QStringLiteral("ruleCount")).toInt(), 3);
        QCOMPARE(find(catalog.modules(), "code", QStringLiteral("ED"))
                     .value(QStringLiteral("renewal"))
                     .toString(),
                 QStringLiteral("Never expires"));
        QCOMPARE(catalog.moduleChoices().size(), 12);
        QCOMPARE(catalog.labelOf(catalog.themeSources(), QStringLiteral("complaint")),
                 QStringLiteral("Complaint"));
        QCOMPARE(catalog.labelOf(catalog.registrationBodies(), QStringLiteral("SWE")),
                 QStringLiteral("Social Work England"));
        QCOMPARE(catalog.themes()->rowCount(), 0);

        // A new team shows, with nobody in it; data changes reach the lists.
        QCOMPARE(session.write([](ledger::Ledger& l) { l.staff().addTeam("Front Door", "test"); }),
                 QString());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(catalog.teams()->rowCount(), 14);
        QCOMPARE(find(catalog.teams(), "name", QStringLiteral("Front Door"))
                     .value(QStringLiteral("people"))
                     .toInt(),
                 0);
        session.lock();
        QCOMPARE(catalog.teams()->rowCount(), 0);
        QCOMPARE(catalog.rules()->rowCount(), 0);
    }

    // ---- ImportController ------------------------------------------------------------------

    void importChecksFirstThenWritesAndListsEveryProblem() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        ImportController importer;
        importer.setSession(&session);
        const auto tester = watch(importer.problems());
        QSignalSpy finished(&importer, &ImportController::finished);
        QSignalSpy data(&session, &Session::dataChanged);
        const auto staffBefore = session.ledger()->training().data().staff.size();

        // A good file: two new people, one unchanged, and a column we do not know.
        const QString good = dir.filePath(QStringLiteral("new-staff.csv"));
        writeFile(
            good,
            QStringLiteral("employee_id,full_name,email,team,role,start_date,leave_date,shoe_size\n"
                           "HW00010,Jean-Luc Patel,hw00010@example.org,Carers' Support,"
                           "Occupational Therapist,2016-09-07,,9\n"
                           "HW90001,Ada Lovelace,ada@example.org,Mental Health,Social Worker,"
                           "2026-01-05,,5\n"
                           "HW90002,Grace Hopper,grace@example.org,Front Door,Social Worker,"
                           "2026-02-02,,6\n"));
        importer.setKind(QStringLiteral("staff"));
        importer.setFileUrl(QUrl::fromLocalFile(good));
        QCOMPARE(importer.fileName(), QStringLiteral("new-staff.csv"));
        QCOMPARE(importer.state(), QStringLiteral("idle"));
        QVERIFY(importer.expectedColumns().startsWith(
            QStringLiteral("employee_id,full_name,email,team,role,start_date,leave_date")));
        importer.check();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(importer.state(), QStringLiteral("checked"));
        QVERIFY(importer.canImport());
        QCOMPARE(importer.summary(),
                 QStringLiteral("Ready to import: 2 to add, 0 to update, 1 unchanged."));
        QCOMPARE(importer.progress(), 1.0);
        // The unknown column is reported, not fatal.
        QCOMPARE(importer.problems()->rowCount(), 1);
        QVERIFY2(importer.problems()
                     ->get(0)
                     .value(QStringLiteral("text"))
                     .toString()
                     .contains(QStringLiteral("shoe_size")),
                 qPrintable(importer.problems()->get(0).value(QStringLiteral("text")).toString()));
        // A dry run writes nothing.
        QCOMPARE(session.ledger()->training().data().staff.size(), staffBefore);
        QCOMPARE(data.count(), 0);

        importer.runImport();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(finished.count(), 2);
        QCOMPARE(importer.state(), QStringLiteral("imported"));
        QCOMPARE(importer.summary(), QStringLiteral("Imported: 2 added, 0 updated, 1 unchanged."));
        QVERIFY(!importer.canImport());
        QCOMPARE(session.ledger()->training().data().staff.size(), staffBefore + 2);
        QCOMPARE(session.data()->staff.size(), staffBefore + 2);
        QCOMPARE(data.count(), 1);
        // Importing again needs a new check.
        importer.runImport();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(finished.count(), 2);

        // A bad file: every problem, "file:line: field: message", sorted by line; nothing
        // can be imported.
        const QString bad = dir.filePath(QStringLiteral("bad-staff.csv"));
        writeFile(bad,
                  QStringLiteral("employee_id,full_name,email,team,role,start_date,leave_date\n"
                                 "HW90003,Alan Turing,alan@example.org,Mental Health,"
                                 "Social Worker,2026-02-31,\n"
                                 "HW90004,,joan@example.org,Mental Health,Social Worker,"
                                 "2026-01-05,\n"
                                 "HW90005,Mary Somerville,mary@example.org,Mental Health,"
                                 "Social Worker,2026-01-05,2025-01-05\n"));
        importer.setFileUrl(QUrl::fromLocalFile(bad));
        QCOMPARE(importer.problems()->rowCount(), 0);
        importer.check();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(finished.count(), 3);
        QCOMPARE(importer.state(), QStringLiteral("invalid"));
        QVERIFY(!importer.canImport());
        const VariantListModel* problems = importer.problems();
        QVERIFY2(problems->rowCount() >= 3, qPrintable(values(problems, "text").join(u'\n')));
        QVERIFY(
            importer.summary().startsWith(QStringLiteral("%1 problem").arg(problems->rowCount())));
        const QRegularExpression shape(QStringLiteral("^bad-staff\\.csv:(\\d+): ([a-z_]+): .+$"));
        int previousLine = 0;
        QStringList lines;
        for (const QVariantMap& p : problems->rows()) {
            const QString text = p.value(QStringLiteral("text")).toString();
            const auto match = shape.match(text);
            QVERIFY2(match.hasMatch(), qPrintable(text));
            QCOMPARE(match.captured(1).toInt(), p.value(QStringLiteral("line")).toInt());
            QCOMPARE(match.captured(2), p.value(QStringLiteral("field")).toString());
            QVERIFY(p.value(QStringLiteral("line")).toInt() >= previousLine);
            previousLine = p.value(QStringLiteral("line")).toInt();
            lines << QStringLiteral("%1 %2").arg(previousLine).arg(match.captured(2));
        }
        QVERIFY2(lines.contains(QStringLiteral("2 start_date")), qPrintable(lines.join(u',')));
        QVERIFY2(lines.contains(QStringLiteral("3 full_name")), qPrintable(lines.join(u',')));
        QVERIFY2(lines.contains(QStringLiteral("4 leave_date")), qPrintable(lines.join(u',')));
        importer.runImport(); // refused: the check failed
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("invalid"));
        QCOMPARE(finished.count(), 3);
        QCOMPARE(session.ledger()->training().data().staff.size(), staffBefore + 2);

        // A file that cannot be read.
        importer.setFileUrl(QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.csv"))));
        importer.check();
        QCOMPARE(importer.state(), QStringLiteral("failed"));
        QVERIFY(!importer.summary().isEmpty());
    }

    void cancellingAnImportChangesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cancel.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());

        // 20,000 new completions of the small council's people and modules.
        const QStringList modules{
            QStringLiteral("SAFE-L3"), QStringLiteral("MCA"),      QStringLiteral("FIRE"),
            QStringLiteral("IG"),      QStringLiteral("MH"),       QStringLiteral("ED"),
            QStringLiteral("DA"),      QStringLiteral("CARE-ACT"), QStringLiteral("OMMT"),
            QStringLiteral("BLS"),     QStringLiteral("TA-REF"),   QStringLiteral("LEGAL")};
        QString csv = QStringLiteral("employee_id,module,completed_on,expires_on,evidence\n");
        const QDate first(1990, 1, 1); // before anything in completions.csv
        for (int i = 0; i < 20000; ++i) {
            csv += QStringLiteral("HW%1,%2,%3,,bulk\n")
                       .arg(i % 60, 5, 10, QLatin1Char('0'))
                       .arg(modules.at((i / 60) % 12))
                       .arg(first.addDays(i / 720).toString(Qt::ISODate));
        }
        const QString file = dir.filePath(QStringLiteral("bulk-completions.csv"));
        writeFile(file, csv);

        ImportController importer;
        importer.setSession(&session);
        importer.setKind(QStringLiteral("completions"));
        importer.setFileUrl(QUrl::fromLocalFile(file));
        const auto tester = watch(importer.problems());
        QSignalSpy finished(&importer, &ImportController::finished);
        importer.check();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("checked"));
        QCOMPARE(importer.summary(),
                 QStringLiteral("Ready to import: 20000 to add, 0 to update, 0 unchanged."));
        const std::size_t before = completionCount(session);

        // Cancel on the first progress report. runImport() announces progress 0 before its
        // worker starts, so the cancel flag is already set when the worker's first report
        // (at 0%) asks for it: the import is cancelled every time, never half done.
        QList<double> reports;
        auto connection = connect(&importer, &ImportController::progressChanged, &importer,
                                  [&importer, &reports] {
                                      if (reports.isEmpty()) {
                                          importer.cancel();
                                      }
                                      reports << importer.progress();
                                  });
        importer.runImport();
        QVERIFY(!reports.isEmpty());
        QCOMPARE(importer.state(), QStringLiteral("importing"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        disconnect(connection);
        QVERIFY2(importer.state() == QLatin1String("cancelled") ||
                     importer.state() == QLatin1String("imported"),
                 qPrintable(importer.state()));
        if (importer.state() == QLatin1String("imported")) {
            QCOMPARE(completionCount(session), before + 20000);
            QFAIL("the import finished although it was cancelled before its first report");
        }
        QCOMPARE(importer.summary(), QStringLiteral("Cancelled: nothing was imported."));
        QCOMPARE(completionCount(session), before);
        QCOMPARE(session.engine()->completionCount(), countedCompletions(session));
        QVERIFY(session.ledger()->check().empty());

        // The same file imports whole afterwards.
        importer.check();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("checked"));
        importer.runImport();
        QVERIFY(importer.waitForFinished(120000));
        QCOMPARE(importer.state(), QStringLiteral("imported"));
        QCOMPARE(completionCount(session), before + 20000);
        QCOMPARE(session.engine()->completionCount(), countedCompletions(session));
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
