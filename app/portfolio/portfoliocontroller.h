#pragma once

#include "common/taskcontroller.h"
#include "common/variantlistmodel.h"

#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

/// The portfolio page (core's archive/portfolio.h, the CLI's `archive export-portfolio` and
/// `archive import-portfolio`): one person's learning record saved as a sealed portfolio, and
/// a portfolio checked against this ledger ("Check": what would be added, what is already
/// there, every conflict, unmatched module and problem, in words) and then imported whole,
/// only when nothing is unmatched or conflicting. Each runs as a task of the session's runner
/// with progress and cancel; a cancel leaves no file and writes nothing.
class PortfolioController : public TaskController {
    Q_OBJECT
    QML_ELEMENT
    /// Whose portfolio to save, and their name as this ledger knows them ("" when none).
    Q_PROPERTY(QString employeeId READ employeeId WRITE setEmployeeId NOTIFY employeeIdChanged)
    Q_PROPERTY(QString personName READ personName NOTIFY employeeIdChanged)
    /// idle, saving, saved, cancelled, failed
    Q_PROPERTY(QString exportState READ exportState NOTIFY stateChanged)
    Q_PROPERTY(QString exportSummary READ exportSummary NOTIFY stateChanged)
    /// The portfolio to bring in, and the employee id here to bring it in as ("": its own).
    Q_PROPERTY(QUrl fileUrl READ fileUrl WRITE setFileUrl NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(QString asEmployeeId READ asEmployeeId WRITE setAsEmployeeId NOTIFY fileChanged)
    /// idle, checking, checked, invalid (something in the way), importing, imported, cancelled,
    /// failed
    Q_PROPERTY(QString importState READ importState NOTIFY stateChanged)
    Q_PROPERTY(QString importSummary READ importSummary NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    /// Checked with something to add and nothing unmatched, conflicting or refused.
    Q_PROPERTY(bool canImport READ canImport NOTIFY stateChanged)
    /// What the check found, a row each: kind (in words: "To add", "Already there",
    /// "Conflict", "Unmatched module", "Problem", "Left out"), text, tone (a StatusBadge
    /// status, so that it is never colour alone: the kind says it too).
    Q_PROPERTY(VariantListModel* items READ items CONSTANT)
    /// The history the portfolio carries and an import does not write: kind, text.
    Q_PROPERTY(VariantListModel* history READ history CONSTANT)

public:
    explicit PortfolioController(QObject* parent = nullptr);
    ~PortfolioController() override;

    [[nodiscard]] QString employeeId() const { return m_employeeId; }
    void setEmployeeId(const QString& employeeId);
    [[nodiscard]] QString personName() const;
    [[nodiscard]] QString exportState() const { return m_exportState; }
    [[nodiscard]] QString exportSummary() const { return m_exportSummary; }
    [[nodiscard]] QUrl fileUrl() const { return m_fileUrl; }
    void setFileUrl(const QUrl& url);
    [[nodiscard]] QString fileName() const;
    [[nodiscard]] QString asEmployeeId() const { return m_asEmployeeId; }
    void setAsEmployeeId(const QString& employeeId);
    [[nodiscard]] QString importState() const { return m_importState; }
    [[nodiscard]] QString importSummary() const { return m_importSummary; }
    [[nodiscard]] bool busy() const { return taskRunning(); }
    [[nodiscard]] bool canImport() const;
    [[nodiscard]] VariantListModel* items() const { return m_items; }
    [[nodiscard]] VariantListModel* history() const { return m_history; }

    /// Why a new portfolio's passphrase would be refused ("" when it will do): the ledger's
    /// strength rule, and the two typings the same.
    Q_INVOKABLE QString passphraseProblem(const QString& passphrase, const QString& again) const;
    /// Saves the chosen person's portfolio to the local file of `url` (never over a file).
    Q_INVOKABLE void save(const QUrl& url, const QString& passphrase);
    /// A dry run of importing the chosen file: writes nothing.
    Q_INVOKABLE void check(const QString& passphrase);
    /// Imports the checked file, all or nothing.
    Q_INVOKABLE void runImport(const QString& passphrase);

signals:
    void employeeIdChanged();
    void fileChanged();
    void stateChanged();
    /// A task of this controller ended (its states are set).
    void finished();

private:
    void sessionSet() override;
    void startImport(const QString& passphrase, bool dryRun);
    /// Starts a task of this controller, `finished` emitted after `done`; false when another
    /// task runs.
    bool start(const QString& title, const std::function<void(const ledger::Progress&)>& job,
               const std::function<void(TaskOutcome, const QString&)>& done);
    /// The name this ledger knows the person by ("" when no one has the id).
    [[nodiscard]] QString nameOf(const QString& employeeId) const;
    void setExport(const QString& state, const QString& summary);
    void setImport(const QString& state, const QString& summary);

    QString m_employeeId;
    QString m_exportState = QStringLiteral("idle");
    QString m_exportSummary;
    QUrl m_fileUrl;
    QString m_asEmployeeId;
    QString m_importState = QStringLiteral("idle");
    QString m_importSummary;
    bool m_clean = false; ///< the last check found something to add and nothing in the way
    VariantListModel* m_items;
    VariantListModel* m_history;
};
