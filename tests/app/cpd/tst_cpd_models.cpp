// The CPD controller's exports (issue 10, item 4) over the learning-record examples: a
// person's record as CSV and PDF and an HCPC profile, each written as a task (the session
// busy meanwhile), whole and readable by its owner only; a cancel leaves no file; the
// statement's choices are the six most recent entries of the cycle to start with.
#include "common/taskrunner.h"
#include "cpd/cpdcontroller.h"
#include "session/session.h"

#include "cpd/cpd_export.h"
#include "io/importer.h"
#include "ledger.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "testsupport.h"

namespace {

using namespace testsupport;

const std::string kData = std::string(LEDGER_TEST_DATA) + "/learning-record/";

QString pdfText(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

} // namespace

class TestCpdModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cpd.ledger"));
        ledger::Ledger l = ledger::Ledger::create(m_path.toStdString(), kPassphrase, "test");
        const ledger::Date today = ledger::makeDate(2026, 11, 25);
        l.imports().file(ledger::ImportKind::Staff, kData + "staff.csv", "staff", today, false,
                         "test");
        ledger::ImportFile cpd(kData + "cpd.csv");
        l.cpdImport().run("cpd.csv", cpd, today, false, "test");
        m_expectedCsv = ledger::formatCpdRecordCsv(l.cpd().of("HW00014"));
    }

    void init() {
        m_session = std::make_unique<Session>(kToday);
        QCOMPARE(m_session->open(m_path, QString::fromUtf8(kPassphrase)), QString());
        m_controller = std::make_unique<CpdController>();
        m_controller->setSession(m_session.get());
        m_controller->setActive(true);
    }

    void cleanup() {
        m_controller.reset();
        m_session.reset();
    }

    // HW00014's final entries, as the CLI writes them: the same core function, through a
    // task, into a file only its owner reads.
    void aRecordIsWrittenAsCsvAsATask() {
        m_controller->setEmployeeId(QStringLiteral("HW00014"));
        QSignalSpy finished(m_controller.get(), &CpdController::exportFinished);
        const QString file = m_dir.filePath(QStringLiteral("record.csv"));
        QCOMPARE(m_controller->exportRecord(QUrl::fromLocalFile(file), QStringLiteral("csv")),
                 QString());
        QVERIFY(m_session->tasks()->running());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("Saved record.csv."));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().toStdString(), m_expectedCsv);
        QVERIFY(m_expectedCsv.size() > 500);
        QCOMPARE(QFileInfo(file).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions{});
    }

    void aRecordAndAProfileAreWrittenAsPdf() {
        m_controller->setEmployeeId(QStringLiteral("HW00005"));
        QSignalSpy finished(m_controller.get(), &CpdController::exportFinished);
        const QString record = m_dir.filePath(QStringLiteral("record.pdf"));
        QCOMPARE(m_controller->exportRecord(QUrl::fromLocalFile(record), QStringLiteral("pdf")),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(pdfText(record).contains(QStringLiteral("CPD record: Amara Okafor")));

        // The statement starts with the six most recent final entries of the cycle; the
        // person picks one and writes their own summary.
        const QVariantList choices = m_controller->statementChoices();
        QVERIFY(!choices.isEmpty());
        int chosen = 0;
        for (const QVariant& c : choices) {
            chosen += c.toMap().value(QStringLiteral("chosen")).toBool() ? 1 : 0;
        }
        QCOMPARE(chosen, 3); // HW00005 has three final entries in cycle 2027 (the examples)
        const QVariantMap pick = choices.last().toMap();
        const QString profile = m_dir.filePath(QStringLiteral("profile.pdf"));
        QCOMPARE(m_controller->exportHcpcProfile(QUrl::fromLocalFile(profile),
                                                 QStringLiteral("  I assess for equipment.  "),
                                                 {pick.value(QStringLiteral("entryId"))}),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        const QString text = pdfText(profile);
        QVERIFY2(text.contains(QStringLiteral("I assess for equipment. 4 words")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 activity described")), qPrintable(text));
        QVERIFY2(text.contains(pick.value(QStringLiteral("title")).toString()), qPrintable(text));
        QCOMPARE(m_controller->countWords(QStringLiteral(" one two\tthree\n")), 3);
    }

    // Cancel asked for as the task starts (progress 0 is announced before the worker runs):
    // nothing is written, and the file that was there stays as it was.
    void aCancelledExportLeavesNoFile() {
        m_controller->setEmployeeId(QStringLiteral("HW00014"));
        const QString file = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        QFile::remove(file);
        QSignalSpy finished(m_controller.get(), &CpdController::exportFinished);
        TaskRunner* tasks = m_session->tasks();
        auto connection =
            connect(tasks, &TaskRunner::progressChanged, tasks, [tasks] { tasks->cancel(); });
        QCOMPARE(m_controller->exportRecord(QUrl::fromLocalFile(file), QStringLiteral("pdf")),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        disconnect(connection);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("Cancelled: nothing was saved."));
        QVERIFY(!QFile::exists(file));
        const QStringList left =
            QDir(m_dir.path())
                .entryList({QStringLiteral("*cancelled*")}, QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList());
    }

    void anUnknownPersonOrFormatIsRefusedAtOnce() {
        m_controller->setEmployeeId(QStringLiteral("NOBODY"));
        const QUrl file = QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("x.pdf")));
        QCOMPARE(m_controller->exportRecord(file, QStringLiteral("pdf")),
                 QStringLiteral("There is no person NOBODY in the ledger."));
        m_controller->setEmployeeId(QStringLiteral("HW00014"));
        QCOMPARE(m_controller->exportRecord(file, QStringLiteral("xlsx")),
                 QStringLiteral("A CPD record is written as CSV or PDF."));
        QVERIFY(!m_session->tasks()->running());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::string m_expectedCsv;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CpdController> m_controller;
};

QTEST_MAIN(TestCpdModels)
#include "tst_cpd_models.moc"
