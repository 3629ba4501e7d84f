#pragma once

#include "common/taskcontroller.h"

#include <QUrl>
#include <QtQml/qqmlregistration.h>

/// The Archives page: the open ledger written whole into a new archive under an archive
/// passphrase of its own, and an archive restored into a new ledger file or an empty server
/// ledger (core's Ledger::exportArchive and importArchive, the CLI's `archive export` and
/// `archive import`). Both run as tasks of the session's runner, with progress and cancel; a
/// cancelled or refused one leaves nothing behind.
class ArchiveController : public TaskController {
    Q_OBJECT
    QML_ELEMENT
    /// idle, exporting, exported, restoring, restored, cancelled, failed
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    /// Where the last restore went (a file path or a server address; "" before one).
    Q_PROPERTY(QString restoredTo READ restoredTo NOTIFY stateChanged)

public:
    explicit ArchiveController(QObject* parent = nullptr);
    ~ArchiveController() override;

    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] QString summary() const { return m_summary; }
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString restoredTo() const { return m_restoredTo; }

    /// Writes the open ledger into a new archive at `file` under `passphrase` (typed twice).
    Q_INVOKABLE void exportTo(const QUrl& file, const QString& passphrase, const QString& again);
    /// Restores the archive at `archive` (its passphrase `archivePassphrase`) into `target`:
    /// a new ledger file (a path or file URL) under `newPassphrase`, typed twice, or a
    /// server address (`postgresql://...`, whose ledger holds no records), as its
    /// administrator with `newPassphrase` as the password ("" for libpq's password file).
    Q_INVOKABLE void restore(const QUrl& archive, const QString& archivePassphrase,
                             const QString& target, const QString& newPassphrase,
                             const QString& again);

signals:
    void stateChanged();
    void finished();

private:
    using Work = std::function<QString(const ledger::Progress&)>;
    /// Runs `work` (which returns the summary) as a task, in `state` until it ends in `done`.
    void run(const QString& title, const QString& state, const QString& done, Work work,
             const QString& cancelled);
    void setState(const QString& state, const QString& summary);

    QString m_state = QStringLiteral("idle");
    QString m_summary;
    QString m_restoredTo;
    QString m_pendingRestore; ///< where the restore running goes
};
