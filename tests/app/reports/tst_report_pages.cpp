// The coverage trend and overdue-and-due-soon controllers: what they show is core's reports
// (trendReport, expiringReport) as the CLI writes them, worked out as tasks that a cancel
// leaves without effect; a line manager's reminder list holds that manager's rows only; and a
// saved file is whole. The trend runs over the small council, the expiring list over the demo
// council (which has line managers).
#include "common/variantlistmodel.h"
#include "reports/expiringcontroller.h"
#include "reports/trendcontroller.h"
#include "session/session.h"

#include "common/convert.h"
#include "reports/coverage_reports.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <map>
#include <set>

#include "modelsupport.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

QByteArray readBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string sheetCsv(const ledger::Report& report) {
    return report.sheets.empty() ? std::string() : ledger::formatCsv(report.sheets.front());
}

/// The cells of a trend row as the page shows them.
QStringList shownCells(const VariantListModel* rows, int row) {
    return rows->get(row).value(QStringLiteral("cells")).toStringList();
}

/// The same row of a core report as people read it.
QStringList coreCells(const ledger::Report& report, std::size_t row) {
    QStringList out;
    const ledger::ReportSheet& sheet = report.sheets.front();
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        out << convert::text(ledger::displayValue(sheet.rows[row][c], sheet.columns[c]));
    }
    return out;
}

} // namespace

class TestReportPages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_out.isValid());
        m_council = makeCouncil(m_dir);
    }

    // ---- TrendController ----------------------------------------------------------------

    void trendShowsCoresTrendReportForThe24MonthsToLastMonth() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        TrendController trend;
        const auto tester = watch(trend.rows());
        trend.setSession(&session);
        // Worked out as a task, off the interface thread.
        QVERIFY(session.tasks()->running());
        QCOMPARE(trend.state(), QStringLiteral("computing"));
        QVERIFY(trend.waitForFinished());
        QCOMPARE(trend.state(), QStringLiteral("ready"));
        QCOMPARE(trend.fromText(), QStringLiteral("11/2024"));
        QCOMPARE(trend.toText(), QStringLiteral("10/2026"));

        const ledger::Report expected = ledger::trendReport(
            ledger::coverageTrend(*session.engine(), ledger::YearMonth{2024, 11},
                                  ledger::YearMonth{2026, 10}, {}),
            "All teams, every module");
        QCOMPARE(sheetCsv(trend.report()), sheetCsv(expected));
        QCOMPARE(trend.rows()->rowCount(), 24);
        for (int r = 0; r < 24; ++r) {
            QCOMPARE(shownCells(trend.rows(), r), coreCells(expected, static_cast<std::size_t>(r)));
        }
        QCOMPARE(shownCells(trend.rows(), 23).first(), QStringLiteral("31/10/2026"));
        QCOMPARE(trend.columns().first(), QStringLiteral("Month end"));
        QCOMPARE(trend.columns().last(), QStringLiteral("Coverage %"));
        // The chart is core's: its labels, values and axis.
        const ledger::ReportChart& chart = expected.charts.front();
        QCOMPARE(trend.xLabels().size(), 24);
        QCOMPARE(trend.xLabels().first(), QStringLiteral("11/2024"));
        QCOMPARE(trend.yMin(), chart.yMin);
        QCOMPARE(trend.yMax(), chart.yMax);
        const QVariantList values = trend.values();
        for (std::size_t i = 0; i < 24; ++i) {
            const auto& v = chart.series.front().second[i];
            QCOMPARE(values[static_cast<qsizetype>(i)].isValid(), v.has_value());
            if (v) {
                QCOMPARE(values[static_cast<qsizetype>(i)].toDouble(), *v);
            }
        }
        QCOMPARE(trend.subtitle(), QStringLiteral("All teams, every module: month ends "
                                                  "30/11/2024 to 31/10/2026"));
    }

    void trendForOneTeamAndModuleOverAChosenRangeIsCoresToo() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        TrendController trend;
        trend.setSession(&session);
        QVERIFY(trend.waitForFinished());
        const QVariantList teams = trend.teamChoices();
        const QVariantList modules = trend.moduleChoices();
        QCOMPARE(teams.first().toMap().value(QStringLiteral("label")).toString(),
                 QStringLiteral("All teams"));
        QCOMPARE(modules.first().toMap().value(QStringLiteral("label")).toString(),
                 QStringLiteral("All modules"));
        QVERIFY(teams.size() > 2 && modules.size() > 2);
        const QString team = teams.at(1).toMap().value(QStringLiteral("value")).toString();
        const QString module = modules.at(1).toMap().value(QStringLiteral("value")).toString();

        QCOMPARE(trend.setRangeText(QStringLiteral("13/2025"), QStringLiteral("03/2026")),
                 QStringLiteral("Type each month as MM/YYYY, for example 03/2026."));
        QVERIFY(trend.setRangeText(QStringLiteral("06/2026"), QStringLiteral("01/2026"))
                    .contains(QStringLiteral("after")));
        QVERIFY(!session.tasks()->running()); // nothing asked for
        QCOMPARE(trend.setRangeText(QStringLiteral("01/2026"), QStringLiteral("6/2026")),
                 QString());
        trend.setTeam(team);
        trend.setModule(module);
        QVERIFY(trend.waitForFinished());
        QCOMPARE(trend.state(), QStringLiteral("ready"));

        ledger::CoverageSelection selection;
        selection.team = session.engine()->findTeam(convert::text(team));
        selection.module = session.engine()->findModule(convert::text(module));
        const ledger::Report expected = ledger::trendReport(
            ledger::coverageTrend(*session.engine(), ledger::YearMonth{2026, 1},
                                  ledger::YearMonth{2026, 6}, selection),
            convert::text(QStringLiteral("Team %1, module %2").arg(team, module)));
        QCOMPARE(sheetCsv(trend.report()), sheetCsv(expected));
        QCOMPARE(trend.subtitle(), convert::text(expected.subtitle));
        QCOMPARE(trend.rows()->rowCount(), 6);
        // A different selection gives different figures (the choice is used).
        trend.setTeam({});
        trend.setModule({});
        QVERIFY(trend.waitForFinished());
        QVERIFY(sheetCsv(trend.report()) != sheetCsv(expected));
        trend.showLast24Months();
        QCOMPARE(trend.fromText(), QStringLiteral("11/2024"));
    }

    void cancellingTheTrendLeavesWhatWasShown() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        TrendController trend;
        trend.setSession(&session);
        QVERIFY(trend.waitForFinished());
        const std::string before = sheetCsv(trend.report());
        const QList<QVariantMap> rowsBefore = trend.rows()->rows();
        const QString subtitleBefore = trend.subtitle();
        QSignalSpy reports(&trend, &TrendController::reportChanged);

        trend.setModule(
            trend.moduleChoices().at(1).toMap().value(QStringLiteral("value")).toString());
        QVERIFY(session.tasks()->running());
        trend.cancel(); // heard by the first month's progress
        QVERIFY(trend.waitForFinished());
        QCOMPARE(trend.state(), QStringLiteral("cancelled"));
        QVERIFY(trend.message().startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(reports.count(), 0);
        QCOMPARE(sheetCsv(trend.report()), before);
        QCOMPARE(trend.rows()->rows(), rowsBefore);
        QCOMPARE(trend.subtitle(), subtitleBefore);
    }

    void aChangeWhileWorkingStartsAgainWithTheNewChoice() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        TrendController trend;
        trend.setSession(&session); // computing the default
        const QString module =
            trend.moduleChoices().at(2).toMap().value(QStringLiteral("value")).toString();
        trend.setModule(module); // the running task is cancelled and computed again
        QVERIFY(trend.waitForFinished());
        QCOMPARE(trend.state(), QStringLiteral("ready"));
        QVERIFY(trend.subtitle().startsWith(QStringLiteral("All teams, module ") + module));
    }

    void aPageAskedWhileTheLedgerIsReadAgainWorksAfterIt() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        const int revision = session.revision();
        session.reloadInBackground();
        QVERIFY(session.tasks()->running());
        TrendController trend;
        trend.setSession(&session);
        QCOMPARE(trend.state(), QStringLiteral("computing"));
        QVERIFY(trend.waitForFinished());
        QVERIFY(session.revision() > revision); // the re-read was not pushed aside
        QCOMPARE(trend.state(), QStringLiteral("ready"));
        QCOMPARE(trend.rows()->rowCount(), 24);
        QCOMPARE(sheetCsv(trend.report()),
                 sheetCsv(ledger::trendReport(
                     ledger::coverageTrend(*session.engine(), ledger::YearMonth{2024, 11},
                                           ledger::YearMonth{2026, 10}, {}),
                     "All teams, every module")));
    }

    void aPageClosedWhileWorkingEndsItsTaskFirst() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        auto trend = std::make_unique<TrendController>();
        trend->setSession(&session);
        QVERIFY(session.tasks()->running());
        trend.reset(); // cancels its task and waits for it
        QVERIFY(!session.tasks()->running());
        // The session's runner is free for the next page.
        ExpiringController expiring;
        expiring.setSession(&session);
        QVERIFY(expiring.waitForFinished());
        QCOMPARE(expiring.state(), QStringLiteral("ready"));
    }

    void savedTrendFilesAreWholeAndTheCsvIsCores() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        TrendController trend;
        trend.setSession(&session);
        QVERIFY(trend.waitForFinished());

        const QString csv = m_out.filePath(QStringLiteral("trend.csv"));
        trend.save(QStringLiteral("csv"), QUrl::fromLocalFile(csv));
        QVERIFY(trend.saving());
        QVERIFY(trend.waitForFinished());
        QCOMPARE(trend.saveMessage(), QStringLiteral("Saved trend.csv in %1.").arg(m_out.path()));
        QCOMPARE(readBytes(csv).toStdString(), sheetCsv(trend.report()));
        QVERIFY(!(QFile::permissions(csv) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));

        const QString pdf = m_out.filePath(QStringLiteral("trend.pdf"));
        trend.save(QStringLiteral("pdf"), QUrl::fromLocalFile(pdf));
        QVERIFY(trend.waitForFinished());
        const QByteArray pdfBytes = readBytes(pdf);
        QVERIFY(pdfBytes.startsWith("%PDF-"));
        QVERIFY(pdfBytes.trimmed().endsWith("%%EOF"));

        const QString xlsx = m_out.filePath(QStringLiteral("trend.xlsx"));
        trend.save(QStringLiteral("xlsx"), QUrl::fromLocalFile(xlsx));
        QVERIFY(trend.waitForFinished());
        QVERIFY(readBytes(xlsx).startsWith("PK"));

        // A folder that is not there: nothing written, and the reason shown.
        const QString nowhere = m_out.filePath(QStringLiteral("missing/trend.csv"));
        trend.save(QStringLiteral("csv"), QUrl::fromLocalFile(nowhere));
        QVERIFY(trend.waitForFinished());
        QVERIFY(trend.saveMessage().startsWith(QStringLiteral("Not saved")));
        QVERIFY(!QFile::exists(nowhere));
        // Nothing left beside the saved files either (QSaveFile's temporary files).
        QCOMPARE(QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    // ---- ExpiringController ---------------------------------------------------------------

    void expiringListIsCoresReportGroupedByLineManager() {
        Session& session = demo();
        ExpiringController expiring;
        const auto tester = watch(expiring.items());
        expiring.setSession(&session);
        QCOMPARE(expiring.state(), QStringLiteral("computing"));
        QVERIFY(expiring.waitForFinished());
        QCOMPARE(expiring.state(), QStringLiteral("ready"));
        QCOMPARE(expiring.asOfText(), QStringLiteral("25/11/2026"));
        QCOMPARE(expiring.within(), 90);

        const ledger::Date asOf = ledger::makeDate(2026, 11, 25);
        const auto rows = ledger::expiringRows(*session.engine(), session.data()->staff, asOf, 90);
        QVERIFY(rows.size() > 10);
        QCOMPARE(sheetCsv(expiring.report()), sheetCsv(ledger::expiringReport(rows, asOf, 90)));
        QCOMPARE(expiring.reportRowCount(), static_cast<int>(rows.size()));

        // Each group heads its people; the people are core's rows in core's order.
        std::set<std::string> managers;
        for (const auto& r : rows) {
            managers.insert(r.lineManagerId);
        }
        // Core's order, except that the people with no line manager come last.
        std::vector<ledger::ExpiringRow> expected;
        std::copy_if(rows.begin(), rows.end(), std::back_inserter(expected),
                     [](const auto& r) { return !r.lineManagerId.empty(); });
        std::copy_if(rows.begin(), rows.end(), std::back_inserter(expected),
                     [](const auto& r) { return r.lineManagerId.empty(); });
        QVERIFY(expected.back().lineManagerId.empty()); // the demo has people without one
        const QList<QVariantMap>& items = expiring.items()->rows();
        QCOMPARE(items.size(), static_cast<qsizetype>(rows.size() + managers.size()));
        std::size_t person = 0;
        int groups = 0;
        int overdue = 0;
        int within = 0;
        for (const QVariantMap& item : items) {
            if (item.value(QStringLiteral("kind")) == QStringLiteral("group")) {
                ++groups;
                QCOMPARE(overdue + within, 0); // the group before had as many rows as it said
                overdue = item.value(QStringLiteral("overdue")).toInt();
                within = item.value(QStringLiteral("dueWithin")).toInt();
                const QString key = item.value(QStringLiteral("key")).toString();
                QCOMPARE(item.value(QStringLiteral("hasManager")).toBool(), !key.isEmpty());
                QCOMPARE(item.value(QStringLiteral("title")).toString(),
                         key.isEmpty()
                             ? QStringLiteral("No line manager")
                             : QStringLiteral("%1 (%2)").arg(session.staffName(key), key));
                continue;
            }
            const ledger::ExpiringRow& r = expected[person];
            QCOMPARE(item.value(QStringLiteral("samePerson")).toBool(),
                     person > 0 && expected[person - 1].employeeId == r.employeeId &&
                         expected[person - 1].lineManagerId == r.lineManagerId);
            ++person;
            QCOMPARE(item.value(QStringLiteral("key")).toString(), convert::text(r.lineManagerId));
            QCOMPARE(item.value(QStringLiteral("employeeId")).toString(),
                     convert::text(r.employeeId));
            QCOMPARE(item.value(QStringLiteral("name")).toString(), convert::text(r.fullName));
            QCOMPARE(item.value(QStringLiteral("statusLabel")).toString(),
                     convert::text(ledger::statusLabel(r.status)));
            QCOMPARE(item.value(QStringLiteral("due")).toString(), convert::uk(r.dueOn));
            QCOMPARE(item.value(QStringLiteral("expires")).toString(), convert::uk(r.expiresOn));
            (r.status == ledger::Status::Overdue ? overdue : within) -= 1;
            QVERIFY(overdue >= 0 && within >= 0);
        }
        QCOMPARE(overdue + within, 0);
        QCOMPARE(person, rows.size());
        QCOMPARE(groups, static_cast<int>(managers.size()));
        QVERIFY(
            expiring.summary().contains(QStringLiteral("due within 90 days, as of 25/11/2026")));
    }

    void expiringByTeamAndAShorterWindow() {
        Session& session = demo();
        ExpiringController expiring;
        expiring.setSession(&session);
        QVERIFY(expiring.waitForFinished());
        expiring.setByManager(false);
        expiring.setWithin(30);
        QCOMPARE(expiring.setAsOfText(QStringLiteral("31/13/2026")),
                 QStringLiteral("Type a date as DD/MM/YYYY, for example 31/03/2026."));
        QCOMPARE(expiring.setAsOfText(QStringLiteral("01/10/2026")), QString());
        QVERIFY(expiring.waitForFinished());
        const ledger::Date asOf = ledger::makeDate(2026, 10, 1);
        const auto rows = ledger::expiringRows(*session.engine(), session.data()->staff, asOf, 30);
        QCOMPARE(sheetCsv(expiring.report()), sheetCsv(ledger::expiringReport(rows, asOf, 30)));
        QStringList teams;
        for (const QVariantMap& item : expiring.items()->rows()) {
            if (item.value(QStringLiteral("kind")) == QStringLiteral("group")) {
                teams << item.value(QStringLiteral("title")).toString();
                QVERIFY(!item.value(QStringLiteral("hasManager")).toBool());
            }
        }
        std::set<std::string> expectedTeams;
        for (const auto& r : rows) {
            expectedTeams.insert(r.team);
        }
        QCOMPARE(teams.size(), static_cast<qsizetype>(expectedTeams.size()));
        QStringList sorted = teams;
        std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
            return a.toStdString() < b.toStdString();
        });
        QCOMPARE(teams, sorted);
    }

    void aReminderListHoldsExactlyThatManagersRows() {
        Session& session = demo();
        ExpiringController expiring;
        expiring.setSession(&session);
        QVERIFY(expiring.waitForFinished());
        // The manager with the most rows, so that the list is more than one line.
        std::map<std::string, int> counts;
        const ledger::Date asOf = ledger::makeDate(2026, 11, 25);
        const auto rows = ledger::expiringRows(*session.engine(), session.data()->staff, asOf, 90);
        for (const auto& r : rows) {
            if (!r.lineManagerId.empty()) {
                ++counts[r.lineManagerId];
            }
        }
        QVERIFY(!counts.empty());
        const auto busiest =
            std::max_element(counts.begin(), counts.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        const QString manager = convert::text(busiest->first);
        QVERIFY(busiest->second > 1);

        const QString path = m_out.filePath(QStringLiteral("reminders.csv"));
        expiring.saveReminderList(manager, QUrl::fromLocalFile(path));
        QVERIFY(expiring.waitForFinished());
        QVERIFY2(expiring.saveMessage().startsWith(QStringLiteral("Saved")),
                 qPrintable(expiring.saveMessage()));
        const QString csv = QString::fromUtf8(readBytes(path));
        QStringList lines = csv.split(u'\n');
        QCOMPARE(lines.takeLast(), QString()); // ends with a line end
        QCOMPARE(lines.takeFirst(),
                 QStringLiteral("line_manager_id,employee_id,full_name,email,team,module,status,"
                                "expires_on,due_on"));
        QCOMPARE(lines.size(), busiest->second);
        for (const QString& line : lines) {
            QCOMPARE(splitCsvLine(line).first(), manager);
        }
        std::vector<ledger::ExpiringRow> mine;
        std::copy_if(rows.begin(), rows.end(), std::back_inserter(mine),
                     [&](const auto& r) { return r.lineManagerId == busiest->first; });
        QCOMPARE(csv.toStdString(), sheetCsv(ledger::expiringReport(mine, asOf, 90)));
        QFile::remove(path);
    }

    void cancellingTheExpiringListLeavesWhatWasShown() {
        Session& session = demo();
        ExpiringController expiring;
        expiring.setSession(&session);
        QVERIFY(expiring.waitForFinished());
        const std::string before = sheetCsv(expiring.report());
        const QList<QVariantMap> items = expiring.items()->rows();
        expiring.setWithin(30);
        QVERIFY(session.tasks()->running());
        expiring.cancel();
        QVERIFY(expiring.waitForFinished());
        QCOMPARE(expiring.state(), QStringLiteral("cancelled"));
        QCOMPARE(sheetCsv(expiring.report()), before);
        QCOMPARE(expiring.items()->rows(), items);
    }

    void cleanupTestCase() { m_demo.reset(); }

private:
    Session& demo() {
        if (!m_demo) {
            m_demo = std::make_unique<Session>(kToday);
            if (m_demo->openDemo() != QString()) {
                qFatal("cannot open the demo");
            }
        }
        return *m_demo;
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_out;
    QString m_council;
    std::unique_ptr<Session> m_demo;
};

QTEST_MAIN(TestReportPages)
#include "tst_report_pages.moc"
