#include "backup/backupcontroller.h"

#include "common/convert.h"
#include "common/taskrunner.h"

#include "store/backup.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>

#include <memory>

using convert::text;

namespace {

/// A path, or a `file:` URL as a file dialog gives it; another scheme (a remote place) is
/// not a file here.
QString localPath(const QString& given) {
    if (!given.contains(QLatin1String("://"))) {
        return given;
    }
    const QUrl url(given);
    return url.isLocalFile() ? url.toLocalFile() : QString();
}

/// "1 record", "9,624 records".
QString records(std::uint64_t count) {
    return count == 1 ? QObject::tr("1 record")
                      : QObject::tr("%1 records")
                            .arg(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                     .toString(static_cast<qulonglong>(count)));
}

} // namespace

BackupController::BackupController(QObject* parent) : TaskController(parent) {
    connect(this, &TaskController::sessionChanged, this, &BackupController::suggestionChanged);
}

BackupController::~BackupController() {
    stopTask();
}

void BackupController::sessionSet() {
    if (session()) {
        connect(session(), &Session::unlockedChanged, this, &BackupController::suggestionChanged);
    }
}

bool BackupController::busy() const {
    return m_state == QLatin1String("backingUp") || m_state == QLatin1String("restoring");
}

QString BackupController::suggestedBackup() const {
    if (!session() || !session()->unlocked() || session()->onServer()) {
        return {};
    }
    const QFileInfo ledger(session()->ledgerPath());
    const QString name =
        QStringLiteral("%1-backup-%2.ledger")
            .arg(ledger.completeBaseName(), session()->today().toString(Qt::ISODate));
    return ledger.absoluteDir().filePath(name);
}

void BackupController::setState(const QString& state, const QString& summary) {
    m_state = state;
    m_summary = summary;
    emit stateChanged();
}

bool BackupController::isOpenLedger(const QString& path) const {
    return session() && !path.isEmpty() &&
           QFileInfo(path).absoluteFilePath() ==
               QFileInfo(session()->ledgerPath()).absoluteFilePath();
}

QString BackupController::refusedTarget(const QString& path) const {
    const QFileInfo target(path);
    if (isOpenLedger(path)) {
        return tr("That is the open ledger. Choose a new file: nothing is ever written over the "
                  "open ledger.");
    }
    if (target.exists() || target.isSymLink()) {
        return tr("A file already exists at %1. Choose a new name: nothing is ever written over "
                  "a file.")
            .arg(QDir::toNativeSeparators(path));
    }
    return {};
}

void BackupController::backup(const QString& file) {
    if (taskRunning()) {
        return;
    }
    m_action = QStringLiteral("backup");
    const QString path = localPath(file);
    if (path.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose a new file for the backup."));
        return;
    }
    if (session() && session()->onServer()) {
        setState(QStringLiteral("failed"),
                 tr("A ledger on a server is backed up by its database administrator "
                    "(pg_dump)."));
        return;
    }
    if (const QString refused = refusedTarget(path); !refused.isEmpty()) {
        setState(QStringLiteral("failed"), refused);
        return;
    }
    ledger::Ledger* ledger = session() ? session()->ledgerForTask() : nullptr;
    if (ledger == nullptr) {
        return;
    }
    const QString shown = QDir::toNativeSeparators(path);
    const QString day = session()->todayText();
    run(QStringLiteral("backingUp"), tr("Backing up the ledger to %1…").arg(shown),
        QStringLiteral("backedUp"), [ledger, path, shown, day](const ledger::Progress& progress) {
            const ledger::BackupSummary done =
                ledger->backupTo(std::filesystem::path(text(path)), &progress);
            return tr("Backed up %1 on %2 to %3, verified: it opens with this ledger's "
                      "passphrase, and only you can read the file.")
                .arg(records(done.records), day, shown);
        });
}

void BackupController::restore(const QString& backupFile, const QString& passphrase,
                               const QString& target) {
    if (taskRunning()) {
        return;
    }
    m_action = QStringLiteral("restore");
    const QString from = localPath(backupFile);
    const QString to = localPath(target);
    QString refused = from.isEmpty() ? tr("Choose the backup file to restore.")
                      : isOpenLedger(from)
                          ? tr("That is the open ledger itself: choose a backup of it (Back up "
                               "makes one).")
                      : passphrase.isEmpty() ? tr("Type the backup's passphrase.")
                      : to.isEmpty()         ? tr("Choose a new file for the restored ledger.")
                                             : refusedTarget(to);
    if (!refused.isEmpty()) {
        setState(QStringLiteral("failed"), refused);
        return;
    }
    const std::string secret = text(passphrase);
    const QString shown = QDir::toNativeSeparators(to);
    m_pendingRestore = to;
    run(QStringLiteral("restoring"), tr("Restoring %1…").arg(QFileInfo(from).fileName()),
        QStringLiteral("restored"), [from, to, secret, shown](const ledger::Progress& progress) {
            const ledger::BackupSummary done =
                ledger::restoreBackup(std::filesystem::path(text(from)), secret,
                                      std::filesystem::path(text(to)), &progress);
            return tr("Restored %1 as the new ledger %2, verified. It opens with the backup's "
                      "passphrase.")
                .arg(records(done.records), shown);
        });
}

void BackupController::run(const QString& state, const QString& title, const QString& doneState,
                           Work work) {
    if (taskRunning() || !session()) {
        return;
    }
    const bool restoring = doneState == QLatin1String("restored");
    const auto done = [this, doneState, restoring](TaskOutcome outcome, const QString& text) {
        m_restoredPath =
            restoring && outcome == TaskOutcome::Finished ? m_pendingRestore : QString();
        if (outcome == TaskOutcome::Cancelled) {
            setState(QStringLiteral("cancelled"), tr("Cancelled: no file was written."));
        } else if (outcome == TaskOutcome::Failed) {
            setState(QStringLiteral("failed"),
                     (restoring ? tr("Not restored: %1") : tr("Not backed up: %1")).arg(text));
        } else {
            setState(doneState, text);
        }
        emit finished();
    };
    setState(state, {});
    if (!startSummarisedTask(title, std::move(work), done)) {
        setState(QStringLiteral("failed"),
                 tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}
