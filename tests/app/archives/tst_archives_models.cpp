// The Archives page's controller over a copy of the small council: the ledger archived and
// restored into a new file whose records are the same; passphrases and targets refused in
// words before anything is written; a cancelled archive or restore leaves nothing; a damaged
// archive or the wrong passphrase restores nothing.
#include "archives/archivecontroller.h"
#include "session/session.h"

#include "ledger.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

const QString kArchivePassphrase = QStringLiteral("kestrel marmalade orbit lantern");

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestArchivesModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
    }

    void archiveAndRestoreGiveTheSameRecords() {
        QTemporaryDir dir;
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        ArchiveController archives;
        archives.setSession(&session);
        QSignalSpy finished(&archives, &ArchiveController::finished);
        QSignalSpy progress(&archives, &ArchiveController::progressChanged);

        const QString archive = dir.filePath(QStringLiteral("council.plarchive"));
        archives.exportTo(QUrl::fromLocalFile(archive), kArchivePassphrase, kArchivePassphrase);
        QCOMPARE(archives.state(), QStringLiteral("exporting"));
        QVERIFY(archives.busy());
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("exported"));
        QVERIFY2(archives.summary().startsWith(QStringLiteral("Archived ")),
                 qPrintable(archives.summary()));
        QVERIFY(archives.summary().contains(QStringLiteral("council.plarchive")));
        QCOMPARE(finished.count(), 1);
        QVERIFY(progress.count() >= 2);
        QVERIFY(QFile::exists(archive));
        QCOMPARE(QFile::permissions(archive) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const QString restored = dir.filePath(QStringLiteral("restored.ledger"));
        archives.restore(QUrl::fromLocalFile(archive), kArchivePassphrase, restored,
                         QStringLiteral("a restored ledger passphrase"),
                         QStringLiteral("a restored ledger passphrase"));
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("restored"));
        QCOMPARE(archives.restoredTo(), restored);
        QVERIFY(archives.summary().contains(restored));

        ledger::Ledger original = ledger::Ledger::open(m_council.toStdString(), kPassphrase, true);
        ledger::Ledger copy =
            ledger::Ledger::open(restored.toStdString(), "a restored ledger passphrase", true);
        QVERIFY(ledger::test::everyCompletion(copy) == ledger::test::everyCompletion(original));
        QVERIFY(copy.audit().changeLog("", "") == original.audit().changeLog("", ""));
    }

    void whatWouldNotDoIsRefusedInWordsBeforeAnythingIsWritten() {
        QTemporaryDir dir;
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        ArchiveController archives;
        archives.setSession(&session);
        const QString archive = dir.filePath(QStringLiteral("a.plarchive"));

        archives.exportTo(QUrl::fromLocalFile(archive), QStringLiteral("short"),
                          QStringLiteral("short"));
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY2(archives.summary().startsWith(QStringLiteral("The archive passphrase is too "
                                                              "short")),
                 qPrintable(archives.summary()));
        archives.exportTo(QUrl::fromLocalFile(archive), kArchivePassphrase,
                          QStringLiteral("something else"));
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY(archives.summary().contains(QStringLiteral("differ")));
        archives.exportTo(QUrl(), kArchivePassphrase, kArchivePassphrase);
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY(filesIn(dir.path()).isEmpty());

        // Never over a file: an archive, or a ledger.
        archives.exportTo(QUrl::fromLocalFile(m_council), kArchivePassphrase, kArchivePassphrase);
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY(archives.summary().contains(QStringLiteral("already exists")));
        archives.exportTo(QUrl::fromLocalFile(archive), kArchivePassphrase, kArchivePassphrase);
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("exported"));
        archives.restore(QUrl::fromLocalFile(archive), kArchivePassphrase, m_council,
                         kArchivePassphrase, kArchivePassphrase);
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY(archives.summary().contains(QStringLiteral("never over one")));

        // The wrong passphrase, and a damaged archive: refused, nothing made.
        const QString target = dir.filePath(QStringLiteral("new.ledger"));
        archives.restore(QUrl::fromLocalFile(archive), QStringLiteral("not it at all"), target,
                         kArchivePassphrase, kArchivePassphrase);
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY2(archives.summary().contains(QStringLiteral("passphrase")),
                 qPrintable(archives.summary()));
        QFile file(archive);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x04);
        file.seek(0);
        file.write(bytes);
        file.close();
        archives.restore(QUrl::fromLocalFile(archive), kArchivePassphrase, target,
                         kArchivePassphrase, kArchivePassphrase);
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("failed"));
        QVERIFY2(archives.summary().contains(QStringLiteral("damaged")),
                 qPrintable(archives.summary()));
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("a.plarchive")});
    }

    void aCancelLeavesNothing() {
        QTemporaryDir dir;
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        ArchiveController archives;
        archives.setSession(&session);
        const QString archive = dir.filePath(QStringLiteral("a.plarchive"));
        archives.exportTo(QUrl::fromLocalFile(archive), kArchivePassphrase, kArchivePassphrase);
        archives.cancel(); // heard by the task's first report
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("cancelled"));
        QCOMPARE(archives.summary(), QStringLiteral("Cancelled: no archive was written."));
        QVERIFY(filesIn(dir.path()).isEmpty());

        archives.exportTo(QUrl::fromLocalFile(archive), kArchivePassphrase, kArchivePassphrase);
        QVERIFY(archives.waitForFinished());
        const QString target = dir.filePath(QStringLiteral("new.ledger"));
        archives.restore(QUrl::fromLocalFile(archive), kArchivePassphrase, target,
                         kArchivePassphrase, kArchivePassphrase);
        archives.cancel();
        QVERIFY(archives.waitForFinished());
        QCOMPARE(archives.state(), QStringLiteral("cancelled"));
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("a.plarchive")});
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
};

QTEST_MAIN(TestArchivesModels)
#include "tst_archives_models.moc"
