#include "session/session.h"

#include "common/convert.h"
#include "session/demofolder.h"

#include "base/error.h"
#include "demo/generator.h"
#include "base/passphrase_policy.h"
#include "sqlcipher/sqlcipher_store.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using convert::text;

namespace {
constexpr int kWatchIntervalMs = 2000;
const char* kActorKey = "last_actor";
} // namespace

Session::Session(QDate today, QObject* parent) : QObject(parent), m_today(today) {
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (unlocked()) {
            lock();
            emit idleLocked();
        }
    });
    m_watchTimer.setInterval(kWatchIntervalMs);
    connect(&m_watchTimer, &QTimer::timeout, this, &Session::checkForExternalChanges);
}

Session::~Session() {
    lock();
}

bool Session::readOnly() const {
    return m_ledger && m_ledger->readOnly();
}

QString Session::ledgerName() const {
    if (m_isDemo) {
        return tr("Demo council");
    }
    return QFileInfo(m_path).fileName();
}

void Session::setActor(const QString& actor) {
    if (actor == m_actor) {
        return;
    }
    m_actor = actor;
    if (m_ledger && !m_busy && !readOnly() && !actor.isEmpty()) {
        try {
            m_ledger->setSetting(kActorKey, text(actor), text(actor));
        } catch (...) {
            // Remembering who you are is a convenience; the session goes on without it.
        }
    }
    emit actorChanged();
}

QString Session::todayText() const {
    return m_today.toString(QStringLiteral("dd/MM/yyyy"));
}

ledger::Date Session::todayDate() const {
    return convert::toDate(m_today);
}

std::string Session::actorName() const {
    return m_actor.isEmpty() ? std::string("unknown") : text(m_actor);
}

QString Session::describeCurrentException() {
    try {
        throw;
    } catch (const ledger::LedgerMissing&) {
        return tr("There is no ledger at that place. Check the file name, or create a new "
                  "ledger.");
    } catch (const ledger::NotALedger&) {
        return tr("That file is not a Practice Ledger ledger.");
    } catch (const ledger::WrongPassphrase&) {
        return tr("The passphrase is wrong, or the ledger file is damaged.");
    } catch (const ledger::NewerSchema&) {
        return tr("This ledger was saved by a newer version of Practice Ledger. Please update "
                  "the program to open it.");
    } catch (const ledger::AlreadyExists&) {
        return tr("A file with that name already exists. Choose another name.");
    } catch (const ledger::ValidationError& e) {
        QStringList lines;
        for (const ledger::FieldError& f : e.errors()) {
            lines << convert::sentence(f.message);
        }
        return lines.join(QLatin1Char('\n'));
    } catch (const ledger::Cancelled&) {
        return tr("Cancelled: nothing was changed.");
    } catch (const ledger::Conflict& e) {
        return text(e.what());
    } catch (const ledger::CompanionFileProblem& e) {
        return text(e.what()); // names the file beside the ledger and what to do
    } catch (const ledger::LedgerDamaged& e) {
        return text(e.what()); // says where and to restore a backup copy
    } catch (const std::exception& e) {
        return tr("Something went wrong: %1").arg(text(e.what()));
    }
}

QString Session::adopt(std::unique_ptr<ledger::Ledger> ledger, const QString& path, bool demo) {
    m_ledger = std::move(ledger);
    m_path = path;
    m_isDemo = demo;
    reload();
    loadSettings();
    m_actor = text(m_ledger->setting(kActorKey));
    QStringList notices;
    for (const std::string& notice : m_ledger->notices()) {
        notices << text(notice);
    }
    if (readOnly()) {
        notices << tr("This ledger is open read-only here: another Practice Ledger is writing "
                      "it, or its file or folder cannot be written.");
    }
    setNotice(notices.join(QLatin1Char(' ')));
    m_watchTimer.start();
    noteActivity();
    emit unlockedChanged();
    emit actorChanged();
    return {};
}

QString Session::open(const QString& path, const QString& passphrase) {
    if (m_busy) {
        return tr("An import is running: wait for it to finish, or cancel it.");
    }
    if (passphrase.isEmpty()) {
        return tr("Type the ledger's passphrase.");
    }
    lock();
    try {
        auto opened = std::make_unique<ledger::Ledger>(
            ledger::Ledger::open(text(path), text(passphrase), ledger::OpenMode::Auto));
        rememberLedger(path);
        return adopt(std::move(opened), path, false);
    } catch (...) {
        return describeCurrentException();
    }
}

QString Session::create(const QString& path, const QString& passphrase) {
    if (m_busy) {
        return tr("An import is running: wait for it to finish, or cancel it.");
    }
    if (passphrase.isEmpty()) {
        return tr("Choose a passphrase.");
    }
    if (const auto strength = ledger::assessPassphrase(text(passphrase)); !strength.acceptable) {
        return convert::sentence("the passphrase is " + strength.message);
    }
    lock();
    try {
        auto created = std::make_unique<ledger::Ledger>(
            ledger::Ledger::create(text(path), text(passphrase), "new ledger"));
        rememberLedger(path);
        return adopt(std::move(created), path, false);
    } catch (...) {
        return describeCurrentException();
    }
}

QString Session::openDemo() {
    if (m_busy) {
        return tr("An import is running: wait for it to finish, or cancel it.");
    }
    lock();
    try {
        DemoFolder::removeLeftovers(QDir::tempPath());
        auto folder = std::make_unique<DemoFolder>(QDir::tempPath());
        const QString path = folder->filePath(QStringLiteral("demo.ledger"));
        ledger::GeneratorOptions options;
        options.seed = 2026;
        options.today = todayDate();
        auto created = std::make_unique<ledger::Ledger>(
            ledger::Ledger::create(text(path), "demo", "demo generator"));
        const ledger::LedgerData council = ledger::generateCouncil(options);
        created->importRecords(council, options.today, "demo generator");
        for (const ledger::AuditTheme& theme :
             ledger::generateAuditThemes(council, options.today)) {
            created->saveAuditTheme(theme, options.today, "demo generator");
        }
        created->setSetting("organisation_name", "Demo Borough Council", "demo generator");
        created->setSetting(kActorKey, "Demo workforce lead", "demo generator");
        m_demoFolder = std::move(folder); // removed on lock
        return adopt(std::move(created), path, true);
    } catch (...) {
        return describeCurrentException();
    }
}

void Session::lock() {
    if (m_busy) {
        // A long task is writing through the ledger on another thread: lock when it ends
        // (cancelled or not), never underneath it.
        m_lockWhenIdle = true;
        return;
    }
    const bool was = unlocked();
    m_watchTimer.stop();
    m_idleTimer.stop();
    m_ledger.reset();
    m_data.reset();
    m_engine.reset();
    m_actor.clear();
    m_demoFolder.reset();
    m_isDemo = false;
    m_path.clear();
    if (was) {
        setNotice({});
        emit unlockedChanged();
        emit actorChanged();
        emit dataChanged();
    }
}

void Session::noteActivity() {
    if (!unlocked()) {
        return;
    }
    if (m_idleOverride.count() > 0) {
        m_idleTimer.start(m_idleOverride);
    } else if (m_idleLockMinutes > 0) {
        m_idleTimer.start(std::chrono::minutes(m_idleLockMinutes));
    } else {
        m_idleTimer.stop();
    }
}

void Session::setIdleLockInterval(std::chrono::milliseconds interval) {
    m_idleOverride = interval;
    noteActivity();
}

void Session::reload() {
    if (!m_ledger || m_busy) {
        return;
    }
    try {
        (void)m_ledger->takeChanges(); // everything is read again
        auto data = std::make_shared<ledger::LedgerData>(m_ledger->records());
        m_engine = std::make_shared<ledger::ComplianceEngine>(m_ledger->engine());
        m_data = std::move(data);
        m_dataVersion = m_ledger->dataVersion();
    } catch (...) {
        // The figures on screen stay as they were; say why they could not be refreshed.
        setNotice(tr("The ledger could not be read again: %1").arg(describeCurrentException()));
        return;
    }
    ++m_revision;
    emit dataChanged();
}

void Session::checkForExternalChanges() {
    if (!m_ledger) {
        return;
    }
    try {
        if (m_ledger->dataVersion() != m_dataVersion) {
            reload();
            loadSettings();
            setNotice(tr("Another program changed this ledger; the figures were reloaded."));
        }
    } catch (...) {
        setNotice(describeCurrentException());
    }
}

void Session::loadSettings() {
    m_organisationName = text(m_ledger->setting("organisation_name"));
    bool ok = false;
    const int minutes = text(m_ledger->setting("idle_lock_minutes")).toInt(&ok);
    m_idleLockMinutes = ok ? minutes : 15;
    emit settingsChanged();
}

QString Session::setting(const QString& key) const {
    if (!m_ledger || m_busy) {
        return {};
    }
    try {
        return text(m_ledger->setting(text(key)));
    } catch (...) {
        return {};
    }
}

QString Session::saveSettings(const QString& organisationName, const QString& localEstId,
                              int idleLockMinutes) {
    if (idleLockMinutes < 0 || idleLockMinutes > 480) {
        return tr("The idle lock is a number of minutes from 0 (never) to 480.");
    }
    if (localEstId.size() > 50) {
        return tr("The ASC-WDS workplace id is at most 50 characters.");
    }
    const QString error = write([&](ledger::Ledger& l) {
        l.setSetting("organisation_name", text(organisationName.trimmed()), actorName());
        l.setSetting("asc_wds_localestid", text(localEstId.trimmed()), actorName());
        l.setSetting("idle_lock_minutes", std::to_string(idleLockMinutes), actorName());
    });
    if (error.isEmpty()) {
        loadSettings();
        noteActivity();
    }
    return error;
}

QString Session::write(const std::function<void(ledger::Ledger&)>& work, QVariantMap* fieldErrors) {
    if (!m_ledger) {
        return tr("No ledger is open.");
    }
    if (readOnly()) {
        return tr("This ledger is open read-only because another Practice Ledger is writing "
                  "it.");
    }
    if (m_busy) {
        return tr("An import is running: wait for it to finish, or cancel it.");
    }
    try {
        work(*m_ledger);
    } catch (const ledger::ValidationError& e) {
        if (fieldErrors) {
            for (const ledger::FieldError& f : e.errors()) {
                const QString field = text(f.field);
                const QString previous = fieldErrors->value(field).toString();
                const QString message = convert::sentence(f.message);
                fieldErrors->insert(
                    field, previous.isEmpty() ? message : previous + QLatin1Char('\n') + message);
            }
        }
        return describeCurrentException();
    } catch (...) {
        return describeCurrentException();
    }
    applyChanges();
    return {};
}

void Session::applyChanges() {
    const std::vector<ledger::LedgerChange> changes = m_ledger->takeChanges();
    if (!m_data || !m_engine) {
        reload();
        return;
    }
    try {
        m_ledger->refresh(*m_data, *m_engine, changes);
        m_dataVersion = m_ledger->dataVersion();
    } catch (...) {
        setNotice(tr("The ledger could not be read again: %1").arg(describeCurrentException()));
        return;
    }
    ++m_revision;
    emit dataChanged();
}

void Session::setBusy(bool busy) {
    m_busy = busy;
    if (busy) {
        m_watchTimer.stop();
        m_idleTimer.stop();
        return;
    }
    if (m_lockWhenIdle) {
        m_lockWhenIdle = false;
        lock();
    } else if (unlocked()) {
        m_watchTimer.start();
        noteActivity();
    }
}

QStringList Session::recentLedgers() const {
    QStringList existing;
    for (const QString& path : QSettings().value(QStringLiteral("recentLedgers")).toStringList()) {
        if (QFileInfo::exists(path)) {
            existing << path;
        }
    }
    return existing;
}

void Session::rememberLedger(const QString& path) {
    QSettings settings;
    QStringList paths = settings.value(QStringLiteral("recentLedgers")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    settings.setValue(QStringLiteral("recentLedgers"), paths.mid(0, 8));
    emit recentLedgersChanged();
}

QString Session::passphraseStrength(const QString& passphrase) const {
    if (passphrase.isEmpty()) {
        return {};
    }
    // The same estimate and words as the refusal in create() and in the CLI.
    return convert::sentence(ledger::assessPassphrase(text(passphrase)).message);
}

QStringList Session::staffNames() const {
    QStringList names;
    if (m_data) {
        const auto today = todayDate();
        for (const ledger::Staff& s : m_data->staff) {
            if (s.startDate <= today && (!s.leaveDate || today <= *s.leaveDate)) {
                names << text(s.fullName);
            }
        }
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

void Session::setNotice(const QString& notice) {
    if (notice != m_notice) {
        m_notice = notice;
        emit noticeChanged();
    }
}
