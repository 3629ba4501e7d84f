// The Backup and restore page's controller over a copy of the small council: a backup that
// says how many records it holds, is verified and readable by its owner only; the refusals
// (the open ledger, a file that exists) in words; a cancel that leaves nothing; a restore
// into a new file that opens, and one refused for a wrong passphrase that writes nothing.
#include "backup/backupcontroller.h"
#include "session/session.h"

#include "ledger.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The names in `dir` that a backup or restore left under a temporary name.
QStringList leftovers(const QTemporaryDir& dir) {
    return QDir(dir.path()).entryList({QStringLiteral("*.creating-*")}, QDir::Files);
}

std::size_t completionsIn(const QString& path, const char* passphrase) {
    ledger::Ledger l = ledger::Ledger::open(path.toStdString(), passphrase, true);
    return ledger::test::everyCompletion(l).size();
}

} // namespace

class TestBackupModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
    }

    void init() {
        m_work = std::make_unique<QTemporaryDir>();
        m_ledger = m_work->filePath(QStringLiteral("council.ledger"));
        QVERIFY(QFile::copy(m_council, m_ledger));
        m_session = std::make_unique<Session>(kToday);
        QCOMPARE(m_session->open(m_ledger, QLatin1String(kPassphrase)), QString());
        m_controller = std::make_unique<BackupController>();
        m_controller->setSession(m_session.get());
    }

    void cleanup() {
        m_controller.reset();
        m_session.reset();
        m_work.reset();
    }

    void aBackupSaysHowManyRecordsItHoldsAndOpensWithTheLedgersPassphrase() {
        QCOMPARE(m_controller->state(), QStringLiteral("idle"));
        const QString backup = m_controller->suggestedBackup();
        QCOMPARE(backup, m_work->filePath(QStringLiteral("council-backup-2026-11-25.ledger")));
        QSignalSpy progress(m_controller.get(), &BackupController::progressChanged);
        m_controller->backup(backup);
        QCOMPARE(m_controller->state(), QStringLiteral("backingUp"));
        QVERIFY(m_controller->busy());
        QVERIFY(m_controller->waitForFinished());
        QCOMPARE(m_controller->state(), QStringLiteral("backedUp"));
        QVERIFY(!m_controller->busy());
        QVERIFY(progress.count() >= 2);
        QCOMPARE(m_controller->progress(), 1.0);

        const std::size_t completions = completionsIn(backup, kPassphrase);
        QCOMPARE(completions, completionsIn(m_ledger, kPassphrase));
        QVERIFY(completions > 100);
        // "Backed up 1,234 records to …": every row of the ledger, counted in the copy.
        const QString summary = m_controller->summary();
        QVERIFY2(summary.startsWith(QStringLiteral("Backed up ")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral(" records on 25/11/2026 to %1, verified")
                                      .arg(QDir::toNativeSeparators(backup))),
                 qPrintable(summary));
        const QString count = summary.section(QLatin1Char(' '), 2, 2);
        bool ok = false;
        const qulonglong records =
            QLocale(QLocale::English, QLocale::UnitedKingdom).toULongLong(count, &ok);
        QVERIFY2(ok && records > completions, qPrintable(count));
        QVERIFY2(count.contains(QLatin1Char(',')), qPrintable(count)); // 1,234: UK digits
        QCOMPARE(QFile::permissions(backup) & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::Permissions());
        QCOMPARE(leftovers(*m_work), QStringList());
    }

    void aBackupIsRefusedOverTheOpenLedgerOrAnExistingFile() {
        const QByteArray ledgerBytes = bytesOf(m_ledger);
        m_controller->backup(m_ledger);
        QCOMPARE(m_controller->state(), QStringLiteral("failed"));
        QVERIFY2(m_controller->summary().contains(QStringLiteral("That is the open ledger")),
                 qPrintable(m_controller->summary()));
        QCOMPARE(bytesOf(m_ledger), ledgerBytes);

        const QString existing = m_work->filePath(QStringLiteral("old-backup.ledger"));
        writeFile(existing, QStringLiteral("last year's backup"));
        m_controller->backup(existing);
        QCOMPARE(m_controller->state(), QStringLiteral("failed"));
        QVERIFY2(m_controller->summary().contains(QStringLiteral("A file already exists")),
                 qPrintable(m_controller->summary()));
        QCOMPARE(readFile(existing), QStringLiteral("last year's backup"));

        m_controller->backup(QString());
        QCOMPARE(m_controller->summary(), QStringLiteral("Choose a new file for the backup."));
        QCOMPARE(leftovers(*m_work), QStringList());
    }

    void aCancelledBackupLeavesNoFile() {
        const QString backup = m_work->filePath(QStringLiteral("cancelled.ledger"));
        auto connection = connect(m_controller.get(), &BackupController::progressChanged,
                                  m_controller.get(), [this] { m_controller->cancel(); });
        m_controller->backup(backup);
        QVERIFY(m_controller->waitForFinished());
        disconnect(connection);
        QCOMPARE(m_controller->state(), QStringLiteral("cancelled"));
        QCOMPARE(m_controller->summary(), QStringLiteral("Cancelled: no file was written."));
        QVERIFY(!QFile::exists(backup));
        QCOMPARE(leftovers(*m_work), QStringList());
        // The ledger is still open and works.
        QVERIFY(m_session->ledger() != nullptr);
        QCOMPARE(m_session->ledger()->check(), std::vector<std::string>{});
    }

    void aRestoreMakesANewLedgerAndOffersToOpenIt() {
        const QString backup = m_work->filePath(QStringLiteral("backup.ledger"));
        m_controller->backup(backup);
        QVERIFY(m_controller->waitForFinished());
        QCOMPARE(m_controller->state(), QStringLiteral("backedUp"));
        QCOMPARE(m_controller->restoredPath(), QString());

        const QString restored = m_work->filePath(QStringLiteral("restored.ledger"));
        m_controller->restore(backup, QLatin1String(kPassphrase), restored);
        QCOMPARE(m_controller->state(), QStringLiteral("restoring"));
        QVERIFY(m_controller->waitForFinished());
        QCOMPARE(m_controller->state(), QStringLiteral("restored"));
        QCOMPARE(m_controller->restoredPath(), restored);
        QVERIFY2(m_controller->summary().contains(
                     QStringLiteral("as the new ledger %1, verified. It opens with the backup's "
                                    "passphrase.")
                         .arg(QDir::toNativeSeparators(restored))),
                 qPrintable(m_controller->summary()));
        QCOMPARE(completionsIn(restored, kPassphrase), completionsIn(m_ledger, kPassphrase));
    }

    void aRestoreIsRefusedOverTheOpenLedgerAnExistingFileOrWithTheWrongPassphrase() {
        const QString backup = m_work->filePath(QStringLiteral("backup.ledger"));
        m_controller->backup(backup);
        QVERIFY(m_controller->waitForFinished());
        const QByteArray ledgerBytes = bytesOf(m_ledger);
        const QByteArray backupBytes = bytesOf(backup);

        m_controller->restore(backup, QLatin1String(kPassphrase), m_ledger);
        QCOMPARE(m_controller->state(), QStringLiteral("failed"));
        QVERIFY(m_controller->summary().contains(QStringLiteral("That is the open ledger")));

        m_controller->restore(backup, QLatin1String(kPassphrase), backup);
        QCOMPARE(m_controller->state(), QStringLiteral("failed"));
        QVERIFY(m_controller->summary().contains(QStringLiteral("A file already exists")));

        m_controller->restore(m_ledger, QLatin1String(kPassphrase),
                              m_work->filePath(QStringLiteral("new.ledger")));
        QCOMPARE(m_controller->state(), QStringLiteral("failed"));
        QVERIFY(m_controller->summary().contains(QStringLiteral("That is the open ledger itself")));

        m_controller->restore(backup, QString(), m_work->filePath(QStringLiteral("new.ledger")));
        QCOMPARE(m_controller->summary(), QStringLiteral("Type the backup's passphrase."));

        const QString target = m_work->filePath(QStringLiteral("new.ledger"));
        m_controller->restore(backup, QStringLiteral("not the passphrase"), target);
        QVERIFY(m_controller->waitForFinished());
        QCOMPARE(m_controller->state(), QStringLiteral("failed"));
        QVERIFY2(m_controller->summary().startsWith(QStringLiteral("Not restored: ")),
                 qPrintable(m_controller->summary()));
        QVERIFY2(m_controller->summary().contains(QStringLiteral("passphrase")),
                 qPrintable(m_controller->summary()));
        QCOMPARE(m_controller->restoredPath(), QString());
        QVERIFY(!QFile::exists(target));
        QCOMPARE(bytesOf(m_ledger), ledgerBytes);
        QCOMPARE(bytesOf(backup), backupBytes);
        QCOMPARE(leftovers(*m_work), QStringList());
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_ledger;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<BackupController> m_controller;
};

QTEST_MAIN(TestBackupModels)
#include "tst_backup_models.moc"
