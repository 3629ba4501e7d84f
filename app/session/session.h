#pragma once

#include "ledger.h"
#include "store/ledger_data.h"
#include "training/compliance.h"

#include "common/taskrunner.h"
#include "session/idlelock.h"
#include "session/recentledgers.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <functional>
#include <memory>

class DemoFolder;

/// The open ledger, shared by every page: opening (a ledger file, or a ledger on a
/// PostgreSQL server) and creating, the demo, who you are, read-only mode and reloading when
/// another program changed the ledger. It keeps one snapshot of the records (staff, modules, rules)
/// and one compliance engine over the ledger, brought up to date after every write with what that
/// write changed, so that every figure on screen comes from the same place.
///
/// Long work on the ledger runs through its TaskRunner (`tasks`), one task at a time: the
/// first load after unlock(), imports, and re-reading the whole ledger (after an import, a
/// catalog change, or another program's change). While a task runs the session is busy and
/// leaves the ledger to it. The idle lock (IdleLock) and the remembered ledgers
/// (RecentLedgers) are its parts; QML sees them through its properties.
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session is made by the application")

    Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY unlockedChanged)
    Q_PROPERTY(bool isDemo READ isDemo NOTIFY unlockedChanged)
    Q_PROPERTY(bool onServer READ onServer NOTIFY unlockedChanged)
    Q_PROPERTY(QString ledgerPath READ ledgerPath NOTIFY unlockedChanged)
    Q_PROPERTY(QString ledgerName READ ledgerName NOTIFY unlockedChanged)
    Q_PROPERTY(QString actor READ actor WRITE setActor NOTIFY actorChanged)
    /// Who is using the app, as an employee id: on a server the logged-in account's person;
    /// on a file "who you are", chosen at unlock (empty until chosen, or when the ledger has
    /// no such person). My learning shows this person's record.
    Q_PROPERTY(QString myEmployeeId READ myEmployeeId NOTIFY actorChanged)
    Q_PROPERTY(QDate today READ today CONSTANT)
    Q_PROPERTY(QString todayText READ todayText CONSTANT)
    Q_PROPERTY(int revision READ revision NOTIFY dataChanged)
    Q_PROPERTY(QString organisationName READ organisationName NOTIFY settingsChanged)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes NOTIFY settingsChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(QStringList recentLedgers READ recentLedgers NOTIFY recentLedgersChanged)
    Q_PROPERTY(TaskRunner* tasks READ tasks CONSTANT)
    Q_PROPERTY(bool opening READ opening NOTIFY openingChanged)
    Q_PROPERTY(QString openError READ openError NOTIFY openErrorChanged)

public:
    explicit Session(QDate today, QObject* parent = nullptr);
    ~Session() override;

    [[nodiscard]] bool unlocked() const { return m_ledger != nullptr; }
    [[nodiscard]] bool busy() const { return m_tasks.running(); }
    [[nodiscard]] bool readOnly() const;
    [[nodiscard]] bool isDemo() const { return m_isDemo; }
    /// The open ledger's server (false for a ledger file or when locked).
    [[nodiscard]] bool onServer() const { return m_onServer; }
    /// Where the open ledger is: its file's path, or its server's address as typed.
    [[nodiscard]] QString ledgerPath() const { return m_path; }
    /// The file's name, or `login@host/database` for a server.
    [[nodiscard]] QString ledgerName() const;
    /// Who you are: on a file, the name chosen (it labels the change log); on a server, the
    /// login (the server stamps the change log with it, whatever the app says).
    [[nodiscard]] QString actor() const { return m_actor; }
    [[nodiscard]] QString myEmployeeId() const { return m_myEmployeeId; }
    /// On a file: who you are, by employee id (remembered in the ledger); the change log is
    /// labelled with their name. Ignored on a server (you are the login) and for an id that
    /// is nobody's.
    Q_INVOKABLE void setWhoYouAre(const QString& employeeId);
    /// The people active today as {value: employee id, label: "Name (id)"}, by name.
    Q_INVOKABLE QVariantList staffChoices() const;
    /// Chooses who you are on a ledger file; on a server it changes nothing.
    void setActor(const QString& actor);
    [[nodiscard]] QDate today() const { return m_today; }
    [[nodiscard]] QString todayText() const;
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] QString organisationName() const { return m_organisationName; }
    [[nodiscard]] int idleLockMinutes() const { return m_idleLock.minutes(); }
    [[nodiscard]] QString notice() const { return m_notice; }
    /// Ledgers opened lately on this computer: file paths and server addresses, never a
    /// passphrase or a password.
    [[nodiscard]] QStringList recentLedgers() const { return m_recent.locations(); }
    [[nodiscard]] TaskRunner* tasks() { return &m_tasks; }
    /// The first load started by unlock() is running.
    [[nodiscard]] bool opening() const { return m_opening; }
    /// Why the last unlock() failed ("" after a success, a cancel, or a new attempt).
    [[nodiscard]] QString openError() const { return m_openError; }

    /// A hint on how hard a passphrase would be to guess, from ledger::assessPassphrase (the
    /// rule create() applies): "" for none typed, else why it would be refused and what
    /// would do, or "Strong enough: ...".
    Q_INVOKABLE QString passphraseStrength(const QString& passphrase) const;
    /// Who you are: the names of the active staff, for the chooser at unlock.
    Q_INVOKABLE QStringList staffNames() const;
    /// What the unlock page shows for a location as it is typed: `server` (a server address,
    /// not a file), and for a server `name` (login@host/database), `login`, `problem` (why it
    /// would be refused: a password in it, or unreadable; else "") and `warning` (the network
    /// is not protected by verified TLS; else "").
    Q_INVOKABLE QVariantMap describeLocation(const QString& location) const;

    /// Opens the ledger at `location` (a file path, or a `postgresql://` server address) as
    /// a task: key derivation or connecting, the records and the compliance engine are
    /// read off the interface thread with progress, and the session unlocks when they are
    /// all read (openFinished). `secret` is the file's passphrase, or the server login's
    /// password (empty: libpq's password file); it is never kept. A server address that
    /// carries a password is refused. Returns "" when the task started, or why it could not
    /// start; a failure later is in openError. Cancelling the task leaves the session
    /// locked and nothing changed.
    Q_INVOKABLE QString unlock(const QString& location, const QString& secret);
    /// As unlock(), on this thread; returns "" or a message a person understands (tests
    /// and small ledgers; the interface uses unlock()).
    Q_INVOKABLE QString open(const QString& location, const QString& secret);
    /// Creates a new ledger file; returns "" or a message. Refuses a passphrase that
    /// ledger::assessPassphrase does not accept, and a server address (a server's ledger
    /// is made by its database administrator, with the CLI's `server init`).
    Q_INVOKABLE QString create(const QString& path, const QString& passphrase);
    /// Builds the demo council in a private folder (passphrase "demo", the one exception to
    /// the passphrase rule) and opens it; first removes the folders of dead demo runs.
    Q_INVOKABLE QString openDemo();
    /// Forgets the open ledger and its data; the unlock screen shows again. While a task
    /// holds the ledger, the lock happens when it ends; a first load is cancelled.
    Q_INVOKABLE void lock();
    /// Any key or mouse activity; restarts the idle timer.
    Q_INVOKABLE void noteActivity();
    /// Saves settings held in the ledger; returns "" or a message.
    Q_INVOKABLE QString saveSettings(const QString& organisationName, const QString& localEstId,
                                     int idleLockMinutes);
    Q_INVOKABLE QString setting(const QString& key) const;
    /// Brings in what other programs and people committed (heard through the ledger's change
    /// feed: at once on a server, every few seconds on a file): a person or their
    /// completions in place, themes and settings read again, the catalog or an import by
    /// reading everything again as a task.
    Q_INVOKABLE void checkForExternalChanges();

    // For controllers (C++ only).
    /// The open ledger, or nullptr when locked or while a long task holds it.
    [[nodiscard]] ledger::Ledger* ledger() { return busy() ? nullptr : m_ledger.get(); }
    /// The ledger for a task about to be started on `tasks()` (nullptr when locked).
    [[nodiscard]] ledger::Ledger* ledgerForTask() { return m_ledger.get(); }
    /// Staff, modules and rules (no completions: the engine holds those, compactly).
    [[nodiscard]] std::shared_ptr<const ledger::LedgerData> data() const { return m_data; }
    [[nodiscard]] std::shared_ptr<const ledger::ComplianceEngine> engine() const {
        return m_engine;
    }
    [[nodiscard]] ledger::Date todayDate() const;
    [[nodiscard]] std::string actorName() const;
    /// The full name of the staff member with this employee id; empty when there is none.
    [[nodiscard]] QString staffName(const QString& employeeId) const;
    /// Re-reads the ledger and rebuilds the engine on this thread; emits dataChanged.
    void reload();
    /// Re-reads the ledger and rebuilds the engine as a task; when it is read, replaces the
    /// snapshot, emits dataChanged and runs `after`. The figures on screen stay as they are
    /// until then. Does nothing when locked, or when a lock waits for a task to end.
    void reloadInBackground(std::function<void()> after = {});
    /// Runs a write use case: turns core errors into a message (or field errors via
    /// `fieldErrors`); after success brings the records and the engine up to date with what
    /// it changed (one person's completions, say) on this thread, or, when the change means
    /// rebuilding them (the catalog, an import), by reloadInBackground(). Returns "" on
    /// success. A save over a record someone else saved since it was read (StaleRecord) sets
    /// `stale` and reads the ledger again (as a task), so that the record can be shown as it
    /// is now.
    QString write(const std::function<void(ledger::Ledger&)>& work,
                  QVariantMap* fieldErrors = nullptr, bool* stale = nullptr);
    /// Overrides the idle lock time (tests use milliseconds; people set minutes).
    void setIdleLockInterval(std::chrono::milliseconds interval);
    /// Hears key, mouse and wheel input to `target` (the application) as activity.
    void watchActivity(QObject* target) { m_idleLock.watch(target); }
    /// Shows a problem that no single action caused (a failed re-read, say) in the notice.
    void reportError(const QString& message) { setNotice(message); }
    /// A message a person understands for any exception in flight.
    static QString describeCurrentException();

signals:
    void unlockedChanged();
    void actorChanged();
    void dataChanged();
    void settingsChanged();
    void noticeChanged();
    void recentLedgersChanged();
    void openingChanged();
    void openErrorChanged();
    /// The first load of unlock() ended: "" when the ledger is open, else why not (empty
    /// too when it was cancelled; then the session stays locked).
    void openFinished(const QString& message);
    /// The ledger locked itself after the idle time.
    void idleLocked();

private:
    struct Loaded;
    /// Reads what an open ledger shows (the records, then the engine); on any thread.
    /// With `progress`, a cancel asked for between the two is heard.
    static std::shared_ptr<Loaded> load(std::unique_ptr<ledger::Ledger> ledger,
                                        const ledger::Progress* progress = nullptr);
    QString adopt(const std::shared_ptr<Loaded>& loaded, const QString& location, bool demo);
    /// Why `location` cannot be opened with `secret` before trying ("" when it can be).
    [[nodiscard]] QString refusal(const QString& location, const QString& secret) const;
    /// Brings the snapshot and the engine up to date with the ledger's committed changes.
    void applyChanges();
    void loadSettings();
    void setNotice(const QString& notice);
    void setOpenError(const QString& message);
    void setOpening(bool opening);
    void taskRunningChanged();
    [[nodiscard]] QString busyMessage() const;

    QDate m_today;
    std::unique_ptr<ledger::Ledger> m_ledger;
    std::shared_ptr<ledger::LedgerData> m_data;
    std::shared_ptr<ledger::ComplianceEngine> m_engine;
    QString m_path;
    std::unique_ptr<DemoFolder> m_demoFolder;
    bool m_isDemo = false;
    bool m_onServer = false;
    QString m_serverName; ///< login@host/database, on a server
    QString m_actor;
    QString m_myEmployeeId;
    QString m_organisationName;
    bool m_lockWhenIdle = false; ///< lock() was asked for while a task held the ledger
    bool m_opening = false;
    QString m_openError;
    QString m_notice;
    int m_revision = 0;
    QTimer m_watchTimer;
    /// On a server: readable when another client commits (Ledger::changeSocket).
    std::unique_ptr<QSocketNotifier> m_changeNotifier;
    IdleLock m_idleLock;
    RecentLedgers m_recent;
    TaskRunner m_tasks; ///< last: destroyed (waiting for its task) before the rest
};

/// Points a controller at a session: follows its data changes with `refresh` and drops the
/// previous session's connections. False when it was already that session.
template <typename Owner>
bool attachSession(Owner* owner, QPointer<Session>& current, Session* next,
                   void (Owner::*refresh)()) {
    if (current == next) {
        return false;
    }
    if (current) {
        QObject::disconnect(current, nullptr, owner, nullptr);
    }
    current = next;
    if (current) {
        QObject::connect(current, &Session::dataChanged, owner, refresh);
    }
    return true;
}

/// Runs a controller's read of the ledger; a failure leaves its page empty and is shown in
/// the session's notice rather than ending the program.
inline void guardedRead(Session* session, const std::function<void()>& read) {
    try {
        read();
    } catch (...) {
        if (session) {
            session->reportError(Session::describeCurrentException());
        }
    }
}
