// The import controller over a copy of the small council: the check before the write, every
// problem listed by line, and a cancelled import that changes nothing.
#include "common/variantlistmodel.h"
#include "imports/importcontroller.h"
#include "session/session.h"

#include "ledger.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "modelsupport.h"
#include "test_support.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

std::size_t completionCount(Session& session) {
    return ledger::test::everyCompletion(*session.ledger()).size();
}

/// The completions that count, as the ledger holds them (for comparing with the engine the
/// session keeps current).
std::size_t countedCompletions(Session& session) {
    const auto all = ledger::test::everyCompletion(*session.ledger());
    return static_cast<std::size_t>(std::count_if(
        all.begin(), all.end(), [](const ledger::Completion& c) { return !c.voided; }));
}

} // namespace

class TestImportsModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
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
        const auto staffBefore = session.ledger()->training().records().staff.size();

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
        QCOMPARE(session.ledger()->training().records().staff.size(), staffBefore);
        QCOMPARE(data.count(), 0);

        importer.runImport();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(finished.count(), 2);
        QCOMPARE(importer.state(), QStringLiteral("imported"));
        QCOMPARE(importer.summary(), QStringLiteral("Imported: 2 added, 0 updated, 1 unchanged."));
        QVERIFY(!importer.canImport());
        QCOMPARE(session.ledger()->training().records().staff.size(), staffBefore + 2);
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
        QCOMPARE(session.ledger()->training().records().staff.size(), staffBefore + 2);

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

QTEST_MAIN(TestImportsModels)
#include "tst_imports_models.moc"
