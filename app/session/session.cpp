#include "session/session.h"

#include "common/convert.h"
#include "common/errortext.h"
#include "common/timings.h"
#include "session/demofolder.h"
#include "session/serveraddress.h"

#include "base/error.h"
#include "base/passphrase_policy.h"
#include "demo/demo_ledger.h"
#include "io/csv.h"
#include "store/location.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

using convert::text;

namespace {
constexpr int kWatchIntervalMs = 2000;
const char* kActorKey = "last_actor";
const char* kWhoKey = "who_you_are";
} // namespace

/// What an open ledger shows, read in one go (in the first-load task, or on this thread).
struct Session::Loaded {
    std::unique_ptr<ledger::Ledger> ledger;
    std::shared_ptr<ledger::LedgerData> data;
    std::shared_ptr<ledger::ComplianceEngine> engine;
};

Session::Session(QDate today, QObject* parent) : QObject(parent), m_today(today) {
    connect(&m_idleLock, &IdleLock::expired, this, [this] {
        if (unlocked()) {
            lock();
            emit idleLocked();
        }
    });
    m_watchTimer.setInterval(kWatchIntervalMs);
    connect(&m_watchTimer, &QTimer::timeout, this, &Session::checkForExternalChanges);
    connect(&m_recent, &RecentLedgers::changed, this, &Session::recentLedgersChanged);
    connect(&m_tasks, &TaskRunner::runningChanged, this, &Session::taskRunningChanged);
}

Session::~Session() {
    // A task may hold the ledger on another thread: it ends (cancelled if it can be) first.
    m_tasks.cancel();
    (void)m_tasks.waitForFinished(-1);
    lock();
}

bool Session::readOnly() const {
    return m_ledger && m_ledger->readOnly();
}

QString Session::ledgerName() const {
    if (m_isDemo) {
        return tr("Demo council");
    }
    if (m_onServer) {
        return m_serverName;
    }
    return QFileInfo(m_path).fileName();
}

void Session::setActor(const QString& actor) {
    if (actor == m_actor || m_onServer) {
        return; // on a server you are the login
    }
    m_actor = actor;
    if (m_ledger && !busy() && !readOnly() && !actor.isEmpty()) {
        try {
            m_ledger->settings().set(kActorKey, text(actor), text(actor));
        } catch (...) {
            // Remembering who you are is a convenience; the session goes on without it.
        }
    }
    emit actorChanged();
}

void Session::setWhoYouAre(const QString& employeeId) {
    const QString name = staffName(employeeId);
    if (m_onServer || name.isEmpty()) {
        return;
    }
    m_myEmployeeId = employeeId.trimmed();
    if (m_ledger && !busy() && !readOnly()) {
        try {
            m_ledger->settings().set(kWhoKey, text(m_myEmployeeId), text(name));
        } catch (...) {
            // Remembering who you are is a convenience; the session goes on without it.
        }
    }
    const QString before = m_actor;
    setActor(name);
    if (before == m_actor) {
        emit actorChanged(); // the person changed, though not the name
    }
}

QVariantList Session::staffChoices() const {
    QVariantList out;
    if (!m_data) {
        return out;
    }
    const auto today = todayDate();
    std::vector<const ledger::Staff*> active;
    for (const ledger::Staff& s : m_data->staff) {
        if (s.startDate <= today && (!s.leaveDate || today <= *s.leaveDate)) {
            active.push_back(&s);
        }
    }
    std::sort(active.begin(), active.end(), [](const ledger::Staff* a, const ledger::Staff* b) {
        return QString::compare(text(a->fullName), text(b->fullName), Qt::CaseInsensitive) < 0;
    });
    for (const ledger::Staff* s : active) {
        out << QVariantMap{
            {QStringLiteral("value"), text(s->employeeId)},
            {QStringLiteral("label"), tr("%1 (%2)").arg(text(s->fullName), text(s->employeeId))}};
    }
    return out;
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
    return errortext::describeCurrentException();
}

std::shared_ptr<Session::Loaded> Session::load(std::unique_ptr<ledger::Ledger> ledger,
                                               const ledger::Progress* progress) {
    auto loaded = std::make_shared<Loaded>();
    (void)ledger->takeChanges();  // everything is read now
    (void)ledger->changeSocket(); // and what others commit from here on is heard
    loaded->data = std::make_shared<ledger::LedgerData>(ledger->training().records());
    if (progress) {
        TaskRunner::throwIfCancelled(*progress, 0.4);
    }
    // Reading the completions is most of a first load: its progress is 0.4 to 0.95 of the
    // task's, and a cancel is heard while it reads.
    ledger::Progress reading;
    if (progress && progress->report) {
        reading.report = [progress](double fraction) {
            return progress->report(0.4 + 0.55 * fraction);
        };
    }
    loaded->engine =
        std::make_shared<ledger::ComplianceEngine>(ledger->training().engine(&reading));
    loaded->ledger = std::move(ledger);
    return loaded;
}

QString Session::adopt(const std::shared_ptr<Loaded>& loaded, const QString& location, bool demo) {
    const timings::Scope timing("interface: ledger adopted, pages told");
    m_ledger = std::move(loaded->ledger);
    m_data = loaded->data;
    m_engine = loaded->engine;
    m_path = location;
    m_isDemo = demo;
    const std::optional<ServerAddress> server = ServerAddress::parse(location);
    m_onServer = server.has_value();
    m_serverName = server ? server->displayName() : QString();
    ++m_revision;
    loadSettings();
    // On a server the change log names the login whatever the app says; a name chosen here
    // would only mislead (and the ledger's settings are everyone's there).
    // The server's own word for the login (the address's is a guess from libpq's defaults).
    const std::string account = m_ledger->account();
    m_actor = server ? (account.empty() ? server->login() : text(account))
                     : text(m_ledger->settings().get(kActorKey));
    // Who you are: the account's person on a server; on a file the employee id chosen (a
    // ledger from before it was kept gets none: the name alone may be anyone's).
    m_myEmployeeId =
        server ? text(m_ledger->accountEmployeeId()) : text(m_ledger->settings().get(kWhoKey));
    if (!m_onServer && !m_myEmployeeId.isEmpty()) {
        const QString name = staffName(m_myEmployeeId);
        if (name.isEmpty()) {
            m_myEmployeeId.clear(); // no longer anyone in this ledger: asked again
        } else {
            m_actor = name;
        }
    }
    QStringList notices;
    for (const std::string& notice : m_ledger->notices()) {
        notices << text(notice);
    }
    if (readOnly()) {
        notices << tr("This ledger is open read-only here: another Practice Ledger is writing "
                      "it, or its file or folder cannot be written.");
    }
    setNotice(notices.join(QLatin1Char(' ')));
    setOpenError({});
    // On a server, others' commits are announced the moment they happen; a file is polled.
    if (const int socket = m_ledger->changeSocket(); socket >= 0) {
        m_changeNotifier = std::make_unique<QSocketNotifier>(socket, QSocketNotifier::Read);
        connect(m_changeNotifier.get(), &QSocketNotifier::activated, this, [this] {
            try {
                // Read off the socket even while a task uses the ledger; applied when idle.
                if (m_ledger && m_ledger->drainChangeSocket()) {
                    checkForExternalChanges();
                }
            } catch (...) {
                m_changeNotifier->setEnabled(false); // the connection broke: stop listening
                setNotice(tr("Changes others make are no longer heard here: %1")
                              .arg(describeCurrentException()));
            }
        });
    }
    m_watchTimer.start();
    m_idleLock.arm();
    // The data first, while the pages are hidden: each page builds once, when shown.
    emit dataChanged();
    emit unlockedChanged();
    emit actorChanged();
    return {};
}

QString Session::busyMessage() const {
    return m_tasks.cancellable()
               ? tr("%1 Wait for it to finish, or cancel it.").arg(m_tasks.title())
               : tr("%1 Wait a moment for it to finish.").arg(m_tasks.title());
}

QString Session::refusal(const QString& location, const QString& secret) const {
    if (busy()) {
        return busyMessage();
    }
    if (ServerAddress::isServer(location)) {
        return ServerAddress::problem(location); // an empty password: the password file's
    }
    if (secret.isEmpty()) {
        return tr("Type the ledger's passphrase.");
    }
    return {};
}

QString Session::unlock(const QString& location, const QString& secret) {
    if (const QString refused = refusal(location, secret); !refused.isEmpty()) {
        setOpenError(refused);
        return m_openError;
    }
    lock();
    setOpenError({});
    const ledger::Location where = ledger::Location::parse(text(location));
    const std::string key = text(secret);
    const std::optional<ServerAddress> server = ServerAddress::parse(location);
    setOpening(true);
    m_tasks.start(
        tr("Opening %1…").arg(server ? server->displayName() : QFileInfo(location).fileName()),
        true,
        [this, location, where, key](const ledger::Progress& progress) -> std::function<void()> {
            TaskRunner::throwIfCancelled(progress, 0.0);
            const timings::Scope timing("task: open, derive the key, read records and engine");
            auto opened = std::make_unique<ledger::Ledger>(
                ledger::Ledger::open(where, key, ledger::OpenMode::Auto));
            TaskRunner::throwIfCancelled(progress, 0.3);
            auto loaded = load(std::move(opened), &progress);
            TaskRunner::throwIfCancelled(progress, 1.0);
            return [this, loaded, location] {
                m_recent.remember(location);
                adopt(loaded, location, false);
            };
        },
        [this](TaskOutcome outcome, const QString& message) {
            setOpening(false);
            if (outcome == TaskOutcome::Failed) {
                setOpenError(message);
            }
            emit openFinished(outcome == TaskOutcome::Failed ? message : QString());
        });
    return {};
}

QString Session::open(const QString& location, const QString& secret) {
    if (const QString refused = refusal(location, secret); !refused.isEmpty()) {
        return refused;
    }
    lock();
    try {
        auto opened = std::make_unique<ledger::Ledger>(ledger::Ledger::open(
            ledger::Location::parse(text(location)), text(secret), ledger::OpenMode::Auto));
        auto loaded = load(std::move(opened));
        m_recent.remember(location);
        return adopt(loaded, location, false);
    } catch (...) {
        return describeCurrentException();
    }
}

QString Session::create(const QString& path, const QString& passphrase) {
    if (busy()) {
        return busyMessage();
    }
    if (ServerAddress::isServer(path)) {
        return tr("A ledger on a server is made by its database administrator "
                  "(practice-ledger-cli server init). Open it from the Open a ledger tab.");
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
        auto loaded = load(std::move(created));
        m_recent.remember(path);
        return adopt(loaded, path, false);
    } catch (...) {
        return describeCurrentException();
    }
}

QString Session::openDemo() {
    if (busy()) {
        return busyMessage();
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
        const std::string me = ledger::fillDemoLedger(*created, options, "demo generator");
        if (!me.empty()) {
            created->settings().set(kWhoKey, me, "demo generator");
            if (const auto person = created->staff().find(me)) {
                created->settings().set(kActorKey, person->fullName, "demo generator");
            }
        } else {
            created->settings().set(kActorKey, "Demo workforce lead", "demo generator");
        }
        auto loaded = load(std::move(created));
        m_demoFolder = std::move(folder); // removed on lock
        return adopt(loaded, path, true);
    } catch (...) {
        return describeCurrentException();
    }
}

void Session::lock() {
    if (busy()) {
        if (m_opening) {
            m_tasks.cancel(); // nothing is open yet: the first load just stops
            return;
        }
        // A long task is writing through the ledger on another thread: lock when it ends
        // (cancelled or not), never underneath it.
        m_lockWhenIdle = true;
        return;
    }
    const bool was = unlocked();
    m_watchTimer.stop();
    m_changeNotifier.reset();
    m_idleLock.disarm();
    m_ledger.reset();
    m_data.reset();
    m_engine.reset();
    m_actor.clear();
    m_myEmployeeId.clear();
    m_demoFolder.reset();
    m_isDemo = false;
    m_onServer = false;
    m_serverName.clear();
    m_path.clear();
    if (was) {
        setNotice({});
        emit unlockedChanged();
        emit actorChanged();
        emit dataChanged();
    }
}

void Session::noteActivity() {
    m_idleLock.noteActivity();
}

void Session::setIdleLockInterval(std::chrono::milliseconds interval) {
    m_idleLock.setInterval(interval);
}

void Session::reload() {
    if (!m_ledger || busy()) {
        return;
    }
    try {
        (void)m_ledger->takeChanges(); // everything is read again
        auto data = std::make_shared<ledger::LedgerData>(m_ledger->training().records());
        m_engine = std::make_shared<ledger::ComplianceEngine>(m_ledger->training().engine());
        m_data = std::move(data);
    } catch (...) {
        // The figures on screen stay as they were; say why they could not be refreshed.
        setNotice(tr("The ledger could not be read again: %1").arg(describeCurrentException()));
        return;
    }
    ++m_revision;
    emit dataChanged();
}

void Session::reloadInBackground(std::function<void()> after) {
    if (!m_ledger || m_lockWhenIdle) {
        return;
    }
    ledger::Ledger* ledger = m_ledger.get();
    m_tasks.start(
        tr("Reading the ledger again…"), false,
        [this, ledger, after](const ledger::Progress&) -> std::function<void()> {
            (void)ledger->takeChanges(); // everything is read again
            auto data = std::make_shared<ledger::LedgerData>(ledger->training().records());
            auto engine = std::make_shared<ledger::ComplianceEngine>(ledger->training().engine());
            return [this, ledger, data, engine, after] {
                if (m_ledger.get() != ledger) {
                    return; // locked meanwhile
                }
                m_data = data;
                m_engine = engine;
                ++m_revision;
                emit dataChanged();
                if (after) {
                    after();
                }
            };
        },
        [this](TaskOutcome outcome, const QString& message) {
            if (outcome == TaskOutcome::Failed) {
                // The figures on screen stay as they were; say why they were not refreshed.
                setNotice(tr("The ledger could not be read again: %1").arg(message));
            }
        });
}

void Session::checkForExternalChanges() {
    if (!m_ledger || busy()) {
        return; // heard later: the feed keeps what arrived
    }
    std::vector<ledger::LedgerChange> changes;
    try {
        changes = m_ledger->othersChanges();
    } catch (...) {
        setNotice(describeCurrentException());
        return;
    }
    if (changes.empty()) {
        return;
    }
    bool settings = false;
    bool themes = false;
    bool everything = false;
    bool programmes = false;
    std::vector<ledger::LedgerChange> people;
    for (const ledger::LedgerChange& c : changes) {
        switch (c.kind) {
        case ledger::LedgerChange::Kind::Settings:
            settings = true;
            break;
        case ledger::LedgerChange::Kind::Themes:
        case ledger::LedgerChange::Kind::Sessions:
        case ledger::LedgerChange::Kind::Cpd: // CPD entries touch themes
            themes = true;
            break;
        case ledger::LedgerChange::Kind::Programmes: // the programmes' pages read again
            programmes = true;
            break;
        case ledger::LedgerChange::Kind::Assessors: // not shown by the app yet
            break;
        case ledger::LedgerChange::Kind::Staff:
        case ledger::LedgerChange::Kind::Completions:
            people.push_back(c);
            break;
        case ledger::LedgerChange::Kind::Catalog:
        case ledger::LedgerChange::Kind::Everything:
            everything = true;
            break;
        }
    }
    // On a file another program is rare and worth a word; on a server others' work simply
    // appears.
    const QString notice =
        m_onServer ? QString()
                   : tr("Another program changed this ledger; what it changed is shown now.");
    if (settings) {
        loadSettings();
    }
    if (everything || !m_data || !m_engine) {
        // The catalog or an import: every figure may move, read again as a task.
        reloadInBackground([this, notice] {
            if (!notice.isEmpty()) {
                setNotice(notice);
            }
        });
        return;
    }
    if (!people.empty()) {
        try {
            const timings::Scope timing("interface: others' changes brought in (Ledger::refresh)");
            if (!m_ledger->training().apply(*m_data, *m_engine, people)) {
                reloadInBackground(); // a person in a new team or role
                return;
            }
        } catch (...) {
            setNotice(tr("The ledger could not be read again: %1").arg(describeCurrentException()));
            return;
        }
    }
    if (!people.empty() || themes || programmes) {
        ++m_revision;
        emit dataChanged();
    }
    if (!notice.isEmpty()) {
        setNotice(notice);
    }
}

void Session::loadSettings() {
    m_organisationName = text(m_ledger->settings().get("organisation_name"));
    bool ok = false;
    const int minutes = text(m_ledger->settings().get("idle_lock_minutes")).toInt(&ok);
    m_idleLock.setMinutes(ok ? minutes : 15);
    emit settingsChanged();
}

QString Session::setting(const QString& key) const {
    if (!m_ledger || busy()) {
        return {};
    }
    try {
        return text(m_ledger->settings().get(text(key)));
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
        l.settings().set("organisation_name", text(organisationName.trimmed()), actorName());
        l.settings().set("asc_wds_localestid", text(localEstId.trimmed()), actorName());
        l.settings().set("idle_lock_minutes", std::to_string(idleLockMinutes), actorName());
    });
    if (error.isEmpty()) {
        loadSettings();
        noteActivity();
    }
    return error;
}

QString Session::write(const std::function<void(ledger::Ledger&)>& work, QVariantMap* fieldErrors,
                       bool* stale) {
    if (!m_ledger) {
        return tr("No ledger is open.");
    }
    if (readOnly()) {
        return tr("This ledger is open read-only because another Practice Ledger is writing "
                  "it.");
    }
    if (busy()) {
        return busyMessage();
    }
    try {
        const timings::Scope timing("interface: write (the use case's transaction)");
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
    } catch (const ledger::StaleRecord&) {
        if (stale) {
            *stale = true;
        }
        const QString message = describeCurrentException();
        reloadInBackground(); // someone else's change, which this copy has not heard of yet
        return message;
    } catch (...) {
        return describeCurrentException();
    }
    applyChanges();
    return {};
}

void Session::applyChanges() {
    const std::vector<ledger::LedgerChange> changes = m_ledger->takeChanges();
    const bool rebuilds =
        std::any_of(changes.begin(), changes.end(), [](const ledger::LedgerChange& c) {
            return c.kind == ledger::LedgerChange::Kind::Catalog ||
                   c.kind == ledger::LedgerChange::Kind::Everything;
        });
    if (!m_data || !m_engine || rebuilds) {
        // Rebuilding reads every completion (about a second at county scale): as a task.
        reloadInBackground();
        return;
    }
    try {
        const timings::Scope timing("interface: write brought up to date (Ledger::refresh)");
        const bool applied = m_ledger->training().apply(*m_data, *m_engine, changes);
        if (!applied) {
            // A person in a new team or role: its rules are read with everything, as a task.
            reloadInBackground();
            return;
        }
    } catch (...) {
        setNotice(tr("The ledger could not be read again: %1").arg(describeCurrentException()));
        return;
    }
    ++m_revision;
    const timings::Scope timing("interface: views told of the write (dataChanged)");
    emit dataChanged();
}

void Session::taskRunningChanged() {
    if (m_tasks.running()) {
        m_watchTimer.stop();
        m_idleLock.disarm();
        return;
    }
    if (m_lockWhenIdle) {
        m_lockWhenIdle = false;
        lock();
    } else if (unlocked()) {
        m_watchTimer.start();
        m_idleLock.arm();
    }
}

QString Session::passphraseStrength(const QString& passphrase) const {
    if (passphrase.isEmpty()) {
        return {};
    }
    // The same estimate and words as the refusal in create() and in the CLI.
    return convert::sentence(ledger::assessPassphrase(text(passphrase)).message);
}

QStringList Session::staffNames() const {
    const timings::Scope timing("interface: staff names listed");
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

QVariantMap Session::describeLocation(const QString& location) const {
    QVariantMap described{{QStringLiteral("server"), false}};
    const std::optional<ServerAddress> server = ServerAddress::parse(location);
    if (!server) {
        return described;
    }
    described.insert(QStringLiteral("server"), true);
    described.insert(QStringLiteral("name"), server->displayName());
    described.insert(QStringLiteral("login"), server->login());
    described.insert(QStringLiteral("problem"), ServerAddress::problem(location));
    described.insert(QStringLiteral("warning"), ServerAddress::tlsWarning(location));
    return described;
}

void Session::setNotice(const QString& notice) {
    if (notice != m_notice) {
        m_notice = notice;
        emit noticeChanged();
    }
}

void Session::setOpenError(const QString& message) {
    if (message != m_openError) {
        m_openError = message;
        emit openErrorChanged();
    }
}

void Session::setOpening(bool opening) {
    if (opening != m_opening) {
        m_opening = opening;
        emit openingChanged();
    }
}

QString Session::staffName(const QString& employeeId) const {
    if (!m_data) {
        return {};
    }
    // The people are sorted by employee id.
    const std::string id = employeeId.trimmed().toStdString();
    const auto& staff = m_data->staff;
    const auto it = std::lower_bound(
        staff.begin(), staff.end(), id,
        [](const ledger::Staff& s, const std::string& wanted) { return s.employeeId < wanted; });
    return it != staff.end() && it->employeeId == id ? QString::fromStdString(it->fullName)
                                                     : QString();
}
