#include "archives/archivecontroller.h"

#include "common/convert.h"
#include "common/taskrunner.h"

#include "base/passphrase_policy.h"
#include "store/location.h"

#include <QFileInfo>
#include <QLocale>

#include <memory>

using convert::text;

namespace {

/// "1 row", "9,624 rows".
QString rows(std::uint64_t count) {
    return count == 1 ? QObject::tr("1 row")
                      : QObject::tr("%1 rows").arg(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                                       .toString(static_cast<qulonglong>(count)));
}

/// A local path from what a dialog or a person gave ("" when it names no local file).
QString localPath(const QUrl& url) {
    return url.isLocalFile() ? url.toLocalFile() : url.scheme().isEmpty() ? url.path() : QString();
}

/// Why a new passphrase typed twice is refused ("" when it will do).
QString newPassphraseRefusal(const QString& passphrase, const QString& again,
                             const QString& which) {
    if (passphrase.isEmpty()) {
        return QObject::tr("Choose %1.").arg(which);
    }
    if (passphrase != again) {
        return QObject::tr("The two entries of %1 differ: type it again.").arg(which);
    }
    if (const auto strength = ledger::assessPassphrase(text(passphrase)); !strength.acceptable) {
        return convert::sentence(text(which) + " is " + strength.message);
    }
    return {};
}

} // namespace

ArchiveController::ArchiveController(QObject* parent) : TaskController(parent) {
}

ArchiveController::~ArchiveController() {
    stopTask();
}

bool ArchiveController::busy() const {
    return m_state == QLatin1String("exporting") || m_state == QLatin1String("restoring");
}

void ArchiveController::setState(const QString& state, const QString& summary) {
    m_state = state;
    m_summary = summary;
    emit stateChanged();
}

void ArchiveController::exportTo(const QUrl& file, const QString& passphrase,
                                 const QString& again) {
    if (taskRunning() || !session() || !session()->ledgerForTask()) {
        return;
    }
    const QString path = localPath(file);
    if (path.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose a new file for the archive."));
        return;
    }
    if (const QString refusal =
            newPassphraseRefusal(passphrase, again, tr("the archive passphrase"));
        !refusal.isEmpty()) {
        setState(QStringLiteral("failed"), refusal);
        return;
    }
    if (QFileInfo::exists(path)) {
        setState(QStringLiteral("failed"),
                 tr("%1 already exists: an archive is written only to a new file.")
                     .arg(QFileInfo(path).fileName()));
        return;
    }
    ledger::Ledger* ledger = session()->ledgerForTask();
    const std::string secret = text(passphrase);
    const QString name = QFileInfo(path).fileName();
    run(
        tr("Archiving the ledger to %1…").arg(name), QStringLiteral("exporting"),
        QStringLiteral("exported"),
        [ledger, secret, path, name](const ledger::Progress& progress) {
            const std::uint64_t count = ledger->exportArchive(text(path), secret, &progress);
            return tr("Archived %1 to %2, and read it back whole. Keep the archive passphrase "
                      "apart from the archive: without it nothing in it can be read.")
                .arg(rows(count), name);
        },
        tr("Cancelled: no archive was written."));
}

void ArchiveController::restore(const QUrl& archive, const QString& archivePassphrase,
                                const QString& target, const QString& newPassphrase,
                                const QString& again) {
    if (taskRunning() || !session()) {
        return;
    }
    const QString archivePath = localPath(archive);
    if (archivePath.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Choose the archive to restore."));
        return;
    }
    if (archivePassphrase.isEmpty()) {
        setState(QStringLiteral("failed"), tr("Type the archive's passphrase."));
        return;
    }
    const QString where = target.trimmed();
    // A file URL from a dialog, a path typed, or a server address.
    const QString local = where.startsWith(QLatin1String("file:")) ? localPath(QUrl(where)) : where;
    const ledger::Location location = ledger::Location::parse(text(local));
    if (!location.isServer()) {
        if (location.path().empty()) {
            setState(QStringLiteral("failed"), tr("Choose a new file for the restored ledger."));
            return;
        }
        if (QFileInfo::exists(text(location.path().string()))) {
            setState(QStringLiteral("failed"),
                     tr("%1 already exists: an archive is restored only into a new ledger, "
                        "never over one.")
                         .arg(text(location.path().filename().string())));
            return;
        }
        if (const QString refusal =
                newPassphraseRefusal(newPassphrase, again, tr("the new ledger's passphrase"));
            !refusal.isEmpty()) {
            setState(QStringLiteral("failed"), refusal);
            return;
        }
    }
    const std::string archiveSecret = text(archivePassphrase);
    const std::string secret = text(newPassphrase);
    const QString shown = location.isServer() ? where : text(location.path().string());
    m_restoredTo.clear();
    m_pendingRestore = shown;
    run(
        tr("Restoring %1…").arg(QFileInfo(archivePath).fileName()), QStringLiteral("restoring"),
        QStringLiteral("restored"),
        [archivePath, archiveSecret, location, secret, shown](const ledger::Progress& progress) {
            const std::uint64_t count = ledger::Ledger::importArchive(
                text(archivePath), archiveSecret, location, secret, &progress);
            return tr("Restored %1 into %2. Open it from the Open a ledger page.")
                .arg(rows(count), shown);
        },
        tr("Cancelled: nothing was restored."));
}

void ArchiveController::run(const QString& title, const QString& state, const QString& done,
                            Work work, const QString& cancelled) {
    setState(state, {});
    const auto finish = [this, done, cancelled](TaskOutcome outcome, const QString& text) {
        if (outcome == TaskOutcome::Cancelled) {
            setState(QStringLiteral("cancelled"), cancelled);
        } else if (outcome == TaskOutcome::Failed) {
            setState(QStringLiteral("failed"), text);
        } else {
            if (done == QLatin1String("restored")) {
                m_restoredTo = m_pendingRestore;
            }
            setState(done, text);
        }
        emit finished();
    };
    if (!startSummarisedTask(title, std::move(work), finish)) {
        setState(QStringLiteral("failed"),
                 tr("%1 Wait for it to finish.").arg(session()->tasks()->title()));
    }
}
