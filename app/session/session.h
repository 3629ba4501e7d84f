#pragma once

#include "training/compliance.h"
#include "store/ledger_data.h"
#include "ledger.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <functional>
#include <memory>

class DemoFolder;

/// The open ledger, shared by every page: opening and creating, the demo, who you are, the
/// idle lock, read-only mode and reloading when another program changed the ledger. It
/// keeps one snapshot of the records (staff, modules, rules) and one compliance engine over
/// the ledger, brought up to date after every write with what that write changed, so that
/// every figure on screen comes from the same place.
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session is made by the application")

    Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY unlockedChanged)
    Q_PROPERTY(bool isDemo READ isDemo NOTIFY unlockedChanged)
    Q_PROPERTY(QString ledgerPath READ ledgerPath NOTIFY unlockedChanged)
    Q_PROPERTY(QString ledgerName READ ledgerName NOTIFY unlockedChanged)
    Q_PROPERTY(QString actor READ actor WRITE setActor NOTIFY actorChanged)
    Q_PROPERTY(QDate today READ today CONSTANT)
    Q_PROPERTY(QString todayText READ todayText CONSTANT)
    Q_PROPERTY(int revision READ revision NOTIFY dataChanged)
    Q_PROPERTY(QString organisationName READ organisationName NOTIFY settingsChanged)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes NOTIFY settingsChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(QStringList recentLedgers READ recentLedgers NOTIFY recentLedgersChanged)

public:
    explicit Session(QDate today, QObject* parent = nullptr);
    ~Session() override;

    [[nodiscard]] bool unlocked() const { return m_ledger != nullptr; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] bool readOnly() const;
    [[nodiscard]] bool isDemo() const { return m_isDemo; }
    [[nodiscard]] QString ledgerPath() const { return m_path; }
    [[nodiscard]] QString ledgerName() const;
    [[nodiscard]] QString actor() const { return m_actor; }
    void setActor(const QString& actor);
    [[nodiscard]] QDate today() const { return m_today; }
    [[nodiscard]] QString todayText() const;
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] QString organisationName() const { return m_organisationName; }
    [[nodiscard]] int idleLockMinutes() const { return m_idleLockMinutes; }
    [[nodiscard]] QString notice() const { return m_notice; }
    /// Ledger files opened lately on this computer (paths only, never passphrases).
    [[nodiscard]] QStringList recentLedgers() const;

    /// A hint on how hard a passphrase would be to guess, from ledger::assessPassphrase (the
    /// rule create() applies): "" for none typed, else why it would be refused and what
    /// would do, or "Strong enough: ...".
    Q_INVOKABLE QString passphraseStrength(const QString& passphrase) const;
    /// Who you are: the names of the active staff, for the chooser at unlock.
    Q_INVOKABLE QStringList staffNames() const;

    /// Opens a ledger; returns "" or a message a person understands.
    Q_INVOKABLE QString open(const QString& path, const QString& passphrase);
    /// Creates a new ledger; returns "" or a message. Refuses a passphrase that
    /// ledger::assessPassphrase does not accept.
    Q_INVOKABLE QString create(const QString& path, const QString& passphrase);
    /// Builds the demo council in a private folder (passphrase "demo", the one exception to
    /// the passphrase rule) and opens it; first removes the folders of dead demo runs.
    Q_INVOKABLE QString openDemo();
    /// Forgets the open ledger and its data; the unlock screen shows again.
    Q_INVOKABLE void lock();
    /// Any key or mouse activity; restarts the idle timer.
    Q_INVOKABLE void noteActivity();
    /// Saves settings held in the ledger; returns "" or a message.
    Q_INVOKABLE QString saveSettings(const QString& organisationName, const QString& localEstId,
                                     int idleLockMinutes);
    Q_INVOKABLE QString setting(const QString& key) const;
    /// Looks for changes made by another program now (also done every few seconds).
    Q_INVOKABLE void checkForExternalChanges();

    // For controllers (C++ only).
    /// The open ledger, or nullptr when locked or while a long task holds it.
    [[nodiscard]] ledger::Ledger* ledger() { return m_busy ? nullptr : m_ledger.get(); }
    /// The ledger for the long task that made the session busy.
    [[nodiscard]] ledger::Ledger* ledgerForTask() { return m_ledger.get(); }
    /// Staff, modules and rules (no completions: the engine holds those, compactly).
    [[nodiscard]] std::shared_ptr<const ledger::LedgerData> data() const { return m_data; }
    [[nodiscard]] std::shared_ptr<const ledger::ComplianceEngine> engine() const {
        return m_engine;
    }
    [[nodiscard]] ledger::Date todayDate() const;
    [[nodiscard]] std::string actorName() const;
    /// Re-reads the ledger and rebuilds the engine; emits dataChanged.
    void reload();
    /// Runs a write use case: turns core errors into a message (or field errors via
    /// `fieldErrors`); after success brings the records and the engine up to date with what
    /// it changed (one person's completions, say), not by reloading. Returns "" on success.
    QString write(const std::function<void(ledger::Ledger&)>& work,
                  QVariantMap* fieldErrors = nullptr);
    /// Overrides the idle lock time (tests use milliseconds; people set minutes).
    void setIdleLockInterval(std::chrono::milliseconds interval);
    /// While a long task writes from another thread, the session leaves the ledger alone.
    void setBusy(bool busy);
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
    /// The ledger locked itself after the idle time.
    void idleLocked();

private:
    QString adopt(std::unique_ptr<ledger::Ledger> ledger, const QString& path, bool demo);
    /// Brings the snapshot and the engine up to date with the ledger's committed changes.
    void applyChanges();
    void loadSettings();
    void setNotice(const QString& notice);
    void rememberLedger(const QString& path);

    QDate m_today;
    std::unique_ptr<ledger::Ledger> m_ledger;
    std::shared_ptr<ledger::LedgerData> m_data;
    std::shared_ptr<ledger::ComplianceEngine> m_engine;
    QString m_path;
    std::unique_ptr<DemoFolder> m_demoFolder;
    bool m_isDemo = false;
    QString m_actor;
    QString m_organisationName;
    int m_idleLockMinutes = 15;
    std::chrono::milliseconds m_idleOverride{0};
    bool m_busy = false;         ///< a long task holds the ledger on another thread
    bool m_lockWhenIdle = false; ///< lock() was asked for while busy
    QString m_notice;
    int m_revision = 0;
    std::int64_t m_dataVersion = 0;
    QTimer m_idleTimer;
    QTimer m_watchTimer;
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
