// The Reports page's controller (issue 12, items 3 and 4) over the small council, as of
// 25/11/2026: every report of core's catalog offered with the choices it takes; a report run
// as a task shows core's own rows (the table holds each cell as core's displayValue and the
// CSV saved is the CLI's byte for byte); bad choices are refused before anything runs; saves
// as CSV, Excel and PDF are whole files readable by their owner only; a cancelled save leaves
// no file.
#include "reports/reportscontroller.h"
#include "session/session.h"

#include "ledger.h"
#include "reports/report_catalog.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace testsupport;

class TestReportsModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = makeCouncil(m_dir);
        // What core makes of the request the page is given below, straight from the ledger
        // (before any session holds it).
        ledger::Ledger direct = ledger::Ledger::open(m_path.toStdString(), kPassphrase);
        ledger::ReportRequest request;
        request.name = "expiring";
        request.asOf = ledger::makeDate(2025, 3, 31);
        request.withinDays = 60;
        m_expiring = ledger::runReport(direct, request, ledger::makeDate(2026, 11, 25)).report;
    }

    void init() {
        m_session = std::make_unique<Session>(kToday);
        QCOMPARE(m_session->open(m_path, QString::fromUtf8(kPassphrase)), QString());
        m_controller = std::make_unique<ReportsController>();
        m_controller->setSession(m_session.get());
        m_controller->setActive(true);
    }

    void cleanup() {
        m_controller.reset();
        m_session.reset();
    }

    void theCatalogOffersEveryReportWithItsChoices() {
        const QVariantList catalog = m_controller->catalog();
        QCOMPARE(catalog.size(), static_cast<qsizetype>(ledger::reportCatalog().size()));
        QStringList names;
        for (const QVariant& entry : catalog) {
            names << entry.toMap().value(QStringLiteral("name")).toString();
        }
        for (const char* name :
             {"coverage", "expiring", "trend", "themes", "suggestions", "bookings", "clashes",
              "cpd", "hcpc", "asye", "apprenticeships", "trusted-assessors"}) {
            QVERIFY2(names.contains(QLatin1String(name)), name);
        }
        const QVariantMap trend = catalog.at(names.indexOf(QStringLiteral("trend"))).toMap();
        QVERIFY(trend.value(QStringLiteral("monthRange")).toBool());
        QVERIFY(!trend.value(QStringLiteral("asOf")).toBool());
        QVERIFY(m_controller->teams().contains(QStringLiteral("Carers' Support")));
        QVERIFY(m_controller->modules().contains(QStringLiteral("FIRE")));
    }

    void aReportShowsCoresRowsAndSavesTheClisCsv() {
        QSignalSpy finished(m_controller.get(), &ReportsController::runFinished);
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("expiring")},
                                    {QStringLiteral("asOf"), QStringLiteral("31/03/2025")},
                                    {QStringLiteral("within"), QStringLiteral("60")}}),
                 QString());
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY(m_controller->hasResult());
        QCOMPARE(m_controller->title(), QStringLiteral("Training overdue or falling due"));
        QCOMPARE(m_controller->subtitle(), QStringLiteral("As of 31/03/2025, due within 60 days"));

        const ledger::ReportSheet& sheet = m_expiring.sheets.front();

        ReportTableModel* table = m_controller->table();
        QAbstractItemModelTester tester(table);
        QCOMPARE(table->rowCount(), static_cast<int>(sheet.rows.size()));
        QVERIFY(table->rowCount() > 10);
        QCOMPARE(table->columnCount(), 9);
        QCOMPARE(table->headerData(6, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Status"));
        for (int r = 0; r < table->rowCount(); ++r) {
            for (int c = 0; c < table->columnCount(); ++c) {
                const auto& cell =
                    sheet.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                QCOMPARE(table->data(table->index(r, c), Qt::DisplayRole).toString(),
                         QString::fromStdString(ledger::displayValue(
                             cell, sheet.columns[static_cast<std::size_t>(c)])));
            }
        }
        // Statuses in words, with their tone; dates as people read them.
        const QString status = table->data(table->index(0, 6), Qt::DisplayRole).toString();
        QVERIFY2(status == QStringLiteral("Overdue") || status == QStringLiteral("Due soon") ||
                     status == QStringLiteral("Not yet due") ||
                     status == QStringLiteral("Compliant"),
                 qPrintable(status));
        QVERIFY(!table->data(table->index(0, 6), ReportTableModel::ToneRole).toString().isEmpty());
        QVERIFY(table->data(table->index(0, 8), Qt::DisplayRole)
                    .toString()
                    .contains(QRegularExpression(QStringLiteral("^\\d\\d/\\d\\d/\\d{4}$"))));

        // Saved as CSV: the CLI's CSV, byte for byte, readable by its owner only.
        const QString csv = m_dir.filePath(QStringLiteral("expiring.csv"));
        QSignalSpy saved(m_controller.get(), &ReportsController::saveFinished);
        QCOMPARE(m_controller->save(QUrl::fromLocalFile(csv), QStringLiteral("csv")), QString());
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(saved.count(), 1);
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
        QCOMPARE(readFile(csv).toStdString(), ledger::formatCsv(sheet));
        QCOMPARE(QFile::permissions(csv) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // And as Excel and PDF.
        for (const QString& format : {QStringLiteral("xlsx"), QStringLiteral("pdf")}) {
            const QString file = m_dir.filePath(QStringLiteral("expiring.") + format);
            QCOMPARE(m_controller->save(QUrl::fromLocalFile(file), format), QString());
            QVERIFY(m_session->tasks()->waitForFinished());
            QVERIFY2(saved.last().at(0).toBool(), qPrintable(saved.last().at(1).toString()));
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(4).startsWith(format == QLatin1String("pdf") ? "%PDF" : "PK"));
        }
        QCOMPARE(m_controller->suggestedName(QStringLiteral("xlsx")),
                 QStringLiteral("expiring-2026-11-25.xlsx"));
    }

    void badChoicesAreRefusedBeforeAnythingRuns() {
        QSignalSpy finished(m_controller.get(), &ReportsController::runFinished);
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("coverage")},
                                    {QStringLiteral("asOf"), QStringLiteral("31/02/2025")}}),
                 QStringLiteral("Type the day it is as of as a date, DD/MM/YYYY."));
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("trend")},
                                    {QStringLiteral("fromMonth"), QStringLiteral("06/2025")},
                                    {QStringLiteral("toMonth"), QStringLiteral("05/2025")}}),
                 QStringLiteral("The first month is after the last month."));
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("trend")},
                                    {QStringLiteral("fromMonth"), QStringLiteral("13/2025")}}),
                 QStringLiteral("Type the first month as a month, MM/YYYY."));
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("themes")}}),
                 QStringLiteral("Give the first and last day of the period."));
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("nothing")}}),
                 QStringLiteral("Choose a report."));
        QVERIFY(!m_session->tasks()->running());
        QCOMPARE(finished.count(), 0);
        QVERIFY(!m_controller->hasResult());
        QVERIFY(!m_controller
                     ->save(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("x.csv"))),
                            QStringLiteral("csv"))
                     .isEmpty());
    }

    void theTrendRunsForATeamAndACancelledSaveLeavesNoFile() {
        QCOMPARE(m_controller->run({{QStringLiteral("name"), QStringLiteral("trend")},
                                    {QStringLiteral("fromMonth"), QStringLiteral("01/2025")},
                                    {QStringLiteral("toMonth"), QStringLiteral("12/2025")},
                                    {QStringLiteral("team"), QStringLiteral("Carers' Support")}}),
                 QString());
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(m_controller->table()->rowCount(), 12);
        QCOMPARE(m_controller->subtitle(),
                 QStringLiteral(
                     "Team Carers' Support, every module: month ends 31/01/2025 to 31/12/2025"));
        // A save cancelled at once writes nothing.
        const QString file = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        QSignalSpy saved(m_controller.get(), &ReportsController::saveFinished);
        QCOMPARE(m_controller->save(QUrl::fromLocalFile(file), QStringLiteral("pdf")), QString());
        m_session->tasks()->cancel();
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(saved.count(), 1);
        if (!saved.at(0).at(0).toBool()) {
            QCOMPARE(saved.at(0).at(1).toString(), QStringLiteral("Cancelled: nothing was saved."));
            QVERIFY(!QFile::exists(file));
        }
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*partial*")}), QStringList());
    }

    void theCqcPackIsSavedAsAPdf() {
        QCOMPARE(
            m_controller->saveCqcPack(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("p.pdf"))),
                                      QStringLiteral("31/31/2026")),
            QStringLiteral("Type the day the pack is as of as a date, DD/MM/YYYY."));
        const QString file = m_dir.filePath(QStringLiteral("cqc.pdf"));
        QSignalSpy saved(m_controller.get(), &ReportsController::saveFinished);
        QCOMPARE(m_controller->saveCqcPack(QUrl::fromLocalFile(file), QStringLiteral("25/11/2026")),
                 QString());
        QVERIFY(m_session->tasks()->waitForFinished());
        QCOMPARE(saved.count(), 1);
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        QVERIFY(f.size() > 10000);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ledger::Report m_expiring;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ReportsController> m_controller;
};

QTEST_MAIN(TestReportsModels)
#include "tst_reports_models.moc"
