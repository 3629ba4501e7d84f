#pragma once

#include "common/taskcontroller.h"

#include <QtQml/qqmlregistration.h>

/// The Backup and restore page: an encrypted, checked backup of the open ledger file to a
/// new file (core's Ledger::backupTo, the CLI's `backup`), and a backup made into a new
/// ledger file (ledger::restoreBackup, the CLI's `restore`), never over a file that exists
/// (the open ledger least of all). Both run as tasks of the session's runner, with progress
/// and cancel; cancelled or failed, they leave no file.
class BackupController : public TaskController {
    Q_OBJECT
    QML_ELEMENT
    /// idle, backingUp, backedUp, restoring, restored, cancelled, failed
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    /// What the state is about: "backup" or "restore" (the last one asked for; "" before).
    Q_PROPERTY(QString action READ action NOTIFY stateChanged)
    /// What happened, in words.
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    /// The new ledger file the last restore made ("" until one did).
    Q_PROPERTY(QString restoredPath READ restoredPath NOTIFY stateChanged)
    /// A path for a new backup: beside the ledger, `NAME-backup-YYYY-MM-DD.ledger` (the
    /// session's today).
    Q_PROPERTY(QString suggestedBackup READ suggestedBackup NOTIFY suggestionChanged)

public:
    explicit BackupController(QObject* parent = nullptr);
    ~BackupController() override;

    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] QString action() const { return m_action; }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString restoredPath() const { return m_restoredPath; }
    [[nodiscard]] QString suggestedBackup() const;

    // Files are given as paths, or as the `file:` URLs a file dialog gives.

    /// Backs the open ledger up to the new file `file`.
    Q_INVOKABLE void backup(const QString& file);
    /// Makes the backup file `backupFile` (under `passphrase`) into the new ledger file
    /// `target`; the passphrase is not kept.
    Q_INVOKABLE void restore(const QString& backupFile, const QString& passphrase,
                             const QString& target);

signals:
    void suggestionChanged();
    void stateChanged();
    void finished();

private:
    using Work = std::function<QString(const ledger::Progress&)>;
    void run(const QString& state, const QString& title, const QString& doneState, Work work);
    void setState(const QString& state, const QString& summary);
    void sessionSet() override;
    [[nodiscard]] bool isOpenLedger(const QString& path) const;
    /// Why a new file cannot go at `path` ("" when it can).
    [[nodiscard]] QString refusedTarget(const QString& path) const;

    QString m_state = QStringLiteral("idle");
    QString m_summary;
    QString m_action;
    QString m_restoredPath;
    QString m_pendingRestore; ///< where the running restore puts its ledger
};
