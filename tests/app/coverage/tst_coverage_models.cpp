// The coverage matrix and its controller over the small council: every cell against the
// golden by-team reports, other dates, and the people behind a cell, under
// QAbstractItemModelTester.
#include "common/variantlistmodel.h"
#include "coverage/coveragecontroller.h"
#include "session/session.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <set>

#include "modelsupport.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

const QString kWholeOrganisation = QStringLiteral("Whole organisation");

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
    modules.prepend(QStringLiteral("All"));
    if (columnHeaders(m) != modules) {
        diffs << QStringLiteral("columns: expected %1, got %2")
                     .arg(modules.join(u' '), columnHeaders(m).join(u' '));
    }
    const int total = m->rowCount() - 1;
    const int all = 0;
    const int roles[5] = {CoverageMatrixModel::RequiredRole, CoverageMatrixModel::CompliantRole,
                          CoverageMatrixModel::DueSoonRole, CoverageMatrixModel::OverdueRole,
                          CoverageMatrixModel::NotYetDueRole};
    // The last column pools each row's modules: counts added up, the percentage from them.
    for (int r = 0; r <= total; ++r) {
        int sums[5] = {0, 0, 0, 0, 0};
        for (int c = 1; c < m->columnCount(); ++c) {
            for (int k = 0; k < 5; ++k) {
                sums[k] += intAt(m, r, c, roles[k]);
            }
        }
        for (int k = 0; k < 5; ++k) {
            if (intAt(m, r, all, roles[k]) != sums[k]) {
                diffs << QStringLiteral("%1 / all modules: role %2 is %3, the modules add up to %4")
                             .arg(rowHeaders(m).at(r))
                             .arg(roles[k])
                             .arg(intAt(m, r, all, roles[k]))
                             .arg(sums[k]);
            }
        }
        const int base = sums[1] + sums[2] + sums[3];
        // Tenths of a percent, rounded half up in whole numbers (compliance rules section 6).
        const int tenths = base == 0 ? 0 : (2000 * (sums[1] + sums[2]) + base) / (2 * base);
        const QString percent = base == 0
                                    ? QStringLiteral("n/a")
                                    : QStringLiteral("%1.%2%").arg(tenths / 10).arg(tenths % 10);
        if (m->data(m->index(r, all), CoverageMatrixModel::PercentRole).toString() != percent) {
            diffs << QStringLiteral("%1 / all modules: %2, pooled %3")
                         .arg(
                             rowHeaders(m).at(r),
                             m->data(m->index(r, all), CoverageMatrixModel::PercentRole).toString(),
                             percent);
        }
    }
    for (int c = 1; c < m->columnCount(); ++c) {
        int sums[5] = {0, 0, 0, 0, 0};
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

} // namespace

class TestCoverageModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
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
        QCOMPARE(
            columnHeaders(matrix),
            (QStringList{QStringLiteral("All"), QStringLiteral("BLS"), QStringLiteral("CARE-ACT"),
                         QStringLiteral("DA"), QStringLiteral("ED"), QStringLiteral("FIRE"),
                         QStringLiteral("IG"), QStringLiteral("LEGAL"), QStringLiteral("MCA"),
                         QStringLiteral("MH"), QStringLiteral("OMMT"), QStringLiteral("SAFE-L3"),
                         QStringLiteral("TA-REF")}));
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

    void filtersCountOnlyWhatTheyKeepAndOrdersFollowTheHeaders() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        CoverageController coverage;
        coverage.setSession(&session);
        const CoverageMatrixModel* matrix = coverage.matrix();
        const auto tester = watch(coverage.matrix());
        QSignalSpy filtered(&coverage, &CoverageController::filterChanged);

        // The choosers offer every team, role and module, "all" first.
        const auto labels = [](const QVariantList& choices) {
            QStringList out;
            for (const QVariant& c : choices) {
                out << c.toMap().value(QStringLiteral("label")).toString();
            }
            return out;
        };
        QCOMPARE(labels(coverage.teamChoices()).first(), QStringLiteral("All teams"));
        QCOMPARE(coverage.teamChoices().size(), 14);
        QVERIFY(labels(coverage.roleChoices()).contains(QStringLiteral("Social Worker")));
        QVERIFY(labels(coverage.moduleChoices()).contains(QStringLiteral("FIRE – Fire safety")));
        QCOMPARE(labels(CoverageController::groupChoices()).size(), 7);

        // Social Workers only: every cell is the golden statuses of the social workers in it
        // (roles from staff.csv), counted here independently of core.
        coverage.setRole(QStringLiteral("Social Worker"));
        QCOMPARE(filtered.count(), 1);
        QVERIFY(coverage.filtered());
        QCOMPARE(coverage.filterSummary(), QStringLiteral("Showing Social Workers only."));
        QHash<QString, QString> roleOf;
        for (const QStringList& line : readCsv(dataFile(QStringLiteral("staff.csv")))) {
            roleOf.insert(line.at(0), line.at(4));
        }
        QHash<QString, int> counted; // "team|module" and "|module" and "team|" and "|"
        QHash<QString, int> covered;
        for (const QStringList& line :
             readCsv(dataFile(QStringLiteral("expected-staff-2026-11-25.csv")))) {
            if (roleOf.value(line.at(0)) != QLatin1String("Social Worker") ||
                line.at(3) == QLatin1String("not_yet_due")) {
                continue;
            }
            const bool isCovered =
                line.at(3) == QLatin1String("compliant") || line.at(3) == QLatin1String("due_soon");
            for (const QString& key : {line.at(1) + u'|' + line.at(2), u'|' + line.at(2),
                                       line.at(1) + u'|', QStringLiteral("|")}) {
                counted[key] += 1;
                covered[key] += isCovered ? 1 : 0;
            }
        }
        QVERIFY(counted.value(QStringLiteral("|")) > 0);
        int checked = 0;
        for (int r = 0; r < matrix->rowCount(); ++r) {
            const bool total = r == matrix->rowCount() - 1;
            const QString team = total ? QString() : rowHeaders(matrix).at(r);
            for (int c = 0; c < matrix->columnCount(); ++c) {
                const QString module = c == 0 ? QString() : columnHeaders(matrix).at(c);
                const QString key = team + u'|' + module;
                const QModelIndex i = matrix->index(r, c);
                const int inCell = matrix->data(i, CoverageMatrixModel::CompliantRole).toInt() +
                                   matrix->data(i, CoverageMatrixModel::DueSoonRole).toInt();
                const int base = inCell + matrix->data(i, CoverageMatrixModel::OverdueRole).toInt();
                QVERIFY2(base == counted.value(key) && inCell == covered.value(key),
                         qPrintable(QStringLiteral("%1: %2 of %3, expected %4 of %5")
                                        .arg(key)
                                        .arg(inCell)
                                        .arg(base)
                                        .arg(covered.value(key))
                                        .arg(counted.value(key))));
                ++checked;
            }
        }
        QVERIFY(checked > 10);
        // A drill-down under a filter lists only the people it counts.
        const int totalRow = matrix->rowCount() - 1;
        coverage.selectCell(totalRow, 0);
        QCOMPARE(
            coverage.people()->rowCount(),
            matrix->data(matrix->index(totalRow, 0), CoverageMatrixModel::RequiredRole).toInt());
        for (const QVariantMap& p : coverage.people()->rows()) {
            QCOMPARE(roleOf.value(p.value(QStringLiteral("employeeId")).toString()),
                     QStringLiteral("Social Worker"));
        }

        // One team and one module: one row, one column, no repeated total.
        coverage.clearFilters();
        coverage.setTeam(QStringLiteral("Carers' Support"));
        coverage.setModule(QStringLiteral("FIRE"));
        QCOMPARE(rowHeaders(matrix), QStringList{QStringLiteral("Carers' Support")});
        QCOMPARE(columnHeaders(matrix), QStringList{QStringLiteral("FIRE")});
        // Carers' Support,FIRE,4,1,0,3,0,25.0
        QCOMPARE(cellText(matrix, 0, 0),
                 QStringLiteral("25.0% required 4: 1 compliant, 0 due soon, 3 overdue, 0 not yet "
                                "due"));

        // The ASC-WDS group "IT, digital and data": IG (26) alone.
        coverage.clearFilters();
        coverage.setAscWdsGroup(3);
        QCOMPARE(columnHeaders(matrix), (QStringList{QStringLiteral("All"), QStringLiteral("IG")}));
        // "Other" (21 and no category): DA, CARE-ACT and the modules with none.
        coverage.setAscWdsGroup(0);
        QVERIFY(columnHeaders(matrix).contains(QStringLiteral("CARE-ACT")));
        QVERIFY(!columnHeaders(matrix).contains(QStringLiteral("FIRE")));
        coverage.setAscWdsGroup(-1);
        QVERIFY(!coverage.filtered());
        QCOMPARE(matrix->rowCount(), 14);

        // A header orders the teams by its column: lowest first, then highest, then by name.
        const int fire = matrix->columnOfModule(QStringLiteral("FIRE"));
        // A cell's percentage as a number; a cell nobody is required in sorts last.
        const auto percentAt = [&](int r, int c) {
            const QString p =
                matrix->data(matrix->index(r, c), CoverageMatrixModel::PercentRole).toString();
            return p.isEmpty() ? std::numeric_limits<double>::infinity() : p.chopped(1).toDouble();
        };
        const auto percentsDown = [&](int column) {
            QList<double> out;
            for (int r = 0; r + 1 < matrix->rowCount(); ++r) {
                out << percentAt(r, column);
            }
            return out;
        };
        coverage.orderTeamsByColumn(fire);
        QCOMPARE(coverage.teamOrder(), QStringLiteral("lowest"));
        QCOMPARE(coverage.teamOrderModule(), QStringLiteral("FIRE"));
        const QList<double> up = percentsDown(matrix->columnOfModule(QStringLiteral("FIRE")));
        QVERIFY(std::is_sorted(up.begin(), up.end()));
        QCOMPARE(rowHeaders(matrix).last(), kWholeOrganisation);
        coverage.orderTeamsByColumn(matrix->columnOfModule(QStringLiteral("FIRE")));
        QCOMPARE(coverage.teamOrder(), QStringLiteral("highest"));
        QList<double> down = percentsDown(matrix->columnOfModule(QStringLiteral("FIRE")));
        down.removeAll(std::numeric_limits<double>::infinity());
        QVERIFY(std::is_sorted(down.rbegin(), down.rend()));
        coverage.orderTeamsByColumn(matrix->columnOfModule(QStringLiteral("FIRE")));
        QCOMPARE(coverage.teamOrder(), QStringLiteral("name"));
        QCOMPARE(rowHeaders(matrix).first(), QStringLiteral("Carers' Support"));
        // Modules by their coverage over everyone: the pooled column stays first.
        coverage.setModuleOrder(QStringLiteral("lowest"));
        QCOMPARE(columnHeaders(matrix).first(), QStringLiteral("All"));
        QList<double> byModule;
        const int total = matrix->rowCount() - 1;
        for (int c = 1; c < matrix->columnCount(); ++c) {
            byModule << percentAt(total, c);
        }
        QVERIFY(std::is_sorted(byModule.begin(), byModule.end()));
        // Whatever the order, every cell still matches the golden report (only the columns'
        // order differs from it).
        QStringList diffs =
            diffWithGolden(matrix, dataFile(QStringLiteral("expected-team-2026-11-25.csv")))
                .split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(diffs.size(), 1);
        QVERIFY2(diffs.first().startsWith(QStringLiteral("columns:")), qPrintable(diffs.first()));
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
};

QTEST_MAIN(TestCoverageModels)
#include "tst_coverage_models.moc"
