// The app and a ledger on a PostgreSQL server: an address with a password is refused and
// never remembered, server addresses are remembered as typed, the ledger's name is
// login@host/database, the unprotected-network warning, and (with the throwaway cluster of
// tests/pg/cluster.sh) opening a server's ledger, where who you are is the login.
#include "session/recentledgers.h"
#include "session/serveraddress.h"
#include "session/session.h"
#include "sessions/sessioneditor.h"
#include "sessions/sessionscontroller.h"
#include "staff/staffeditor.h"
#include "testsupport.h"
#include "themes/themecontroller.h"

#include "ledger.h"
#include "postgres/pg.h"
#include "postgres/server_admin.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>
#include <unistd.h>

namespace {

using namespace testsupport;

const QString kKey = QStringLiteral("recentLedgers");

// Sets (or, with a null value, unsets) one environment variable for a scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (qEnvironmentVariableIsSet(name)) {
            m_old = qgetenv(name);
        }
        if (value != nullptr) {
            qputenv(name, value);
        } else {
            qunsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (m_old) {
            qputenv(m_name, *m_old);
        } else {
            qunsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<QByteArray> m_old;
};

// libpq's defaults that would change what an address means, unset for a test.
struct NoLibpqDefaults {
    ScopedEnv host{"PGHOST", nullptr};
    ScopedEnv hostaddr{"PGHOSTADDR", nullptr};
    ScopedEnv sslmode{"PGSSLMODE", nullptr};
    ScopedEnv database{"PGDATABASE", nullptr};
    ScopedEnv user{"PGUSER", "erin"};
};

QString nameOf(const QString& uri) {
    const std::optional<ServerAddress> address = ServerAddress::parse(uri);
    return address ? address->displayName() : QStringLiteral("(not a server)");
}

// The throwaway cluster the `pgcluster` fixture starts: its socket folder and the password
// file of `pladmin`, from the file PRACTICE_LEDGER_TEST_PG names; empty when there is none,
// with the reason in `unavailable`.
struct Cluster {
    QString host;
    QString passFile;
    QString unavailable;
};

Cluster readCluster() {
    Cluster cluster;
    const QString pointer = qEnvironmentVariable("PRACTICE_LEDGER_TEST_PG");
    if (pointer.isEmpty()) {
        cluster.unavailable = QStringLiteral("PRACTICE_LEDGER_TEST_PG is not set (run it "
                                             "through ctest, which starts the cluster)");
        return cluster;
    }
    QFile file(pointer);
    if (!file.open(QIODevice::ReadOnly)) {
        cluster.unavailable = QStringLiteral("no cluster: cannot read ") + pointer;
        return cluster;
    }
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("unavailable:"))) {
            cluster.unavailable = line;
        } else if (line.startsWith(QLatin1String("PGHOST="))) {
            cluster.host = line.mid(7);
        } else if (line.startsWith(QLatin1String("PGPASSFILE="))) {
            cluster.passFile = line.mid(11);
        }
    }
    if (cluster.unavailable.isEmpty() && (cluster.host.isEmpty() || cluster.passFile.isEmpty())) {
        cluster.unavailable =
            QStringLiteral("no cluster: ") + pointer + QStringLiteral(" names none");
    }
    return cluster;
}

// `value` quoted for a key=value conninfo.
std::string quoted(const QString& value) {
    std::string text = "'";
    for (const char c : value.toStdString()) {
        if (c == '\\' || c == '\'') {
            text.push_back('\\');
        }
        text.push_back(c);
    }
    return text + "'";
}

} // namespace

class TestServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().remove(kKey); }

    void anAddressWithAPasswordIsRefusedAndNothingIsKept() {
        Session session(kToday);
        for (const QString& uri :
             {QStringLiteral("postgresql://alice:s3cret@db.example.org/council"),
              QStringLiteral("postgres://db.example.org/council?user=alice&password=s3cret"),
              QStringLiteral("postgresql://alice@localhost/council?password=")}) {
            const QString message = session.open(uri, QString());
            QVERIFY2(message.startsWith(QStringLiteral("Remove the password from the server "
                                                       "address")),
                     qPrintable(message));
            QVERIFY(!message.contains(QLatin1String("s3cret")));
            // The task path refuses before starting anything.
            QCOMPARE(session.unlock(uri, QStringLiteral("typed")), message);
            QCOMPARE(session.openError(), message);
            QVERIFY(!session.opening());
            QVERIFY(!session.unlocked());
            QCOMPARE(session.describeLocation(uri).value(QStringLiteral("problem")).toString(),
                     message);
            QVERIFY(!session.describeLocation(uri)
                         .value(QStringLiteral("name"))
                         .toString()
                         .contains(QLatin1String("s3cret")));
        }
        QVERIFY(session.recentLedgers().isEmpty());
        QVERIFY(QSettings().value(kKey).toStringList().isEmpty());
    }

    void anUnreadableAddressIsRefusedInPlainWords() {
        Session session(kToday);
        const QString message = session.open(QStringLiteral("postgresql://host/db?nonsense=1"), {});
        QVERIFY2(message.startsWith(QStringLiteral("The server address cannot be read:")),
                 qPrintable(message));
    }

    void aServerLedgerIsNotCreatedFromTheApp() {
        Session session(kToday);
        QVERIFY(session
                    .create(QStringLiteral("postgresql://db.example.org/council"),
                            QStringLiteral("kestrel marmalade orbit"))
                    .contains(QLatin1String("server init")));
    }

    void recentLedgersKeepsAServerAddressAsTypedAndNeverOneWithAPassword() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("council.ledger"));
        writeFile(file, QStringLiteral("x"));
        RecentLedgers recent;
        QSignalSpy changed(&recent, &RecentLedgers::changed);
        const QString server =
            QStringLiteral("postgresql:///council?host=%2Fvar%2Frun%2Fpostgresql&user=alice");
        recent.remember(server);
        recent.remember(file);
        QCOMPARE(recent.locations(), (QStringList{file, server}));
        recent.remember(QStringLiteral("postgresql://alice:s3cret@db.example.org/council"));
        recent.remember(QStringLiteral("postgresql://db.example.org/council?password=s3cret"));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(recent.locations(), (QStringList{file, server}));
        QVERIFY(
            !QSettings().value(kKey).toStringList().join(' ').contains(QLatin1String("s3cret")));

        // One written there by another program is neither listed nor kept.
        QSettings().setValue(kKey, QStringList{QStringLiteral("postgres://bob:pw@h/db"), server});
        QCOMPARE(recent.locations(), QStringList{server});
        recent.remember(file);
        QCOMPARE(QSettings().value(kKey).toStringList(), (QStringList{file, server}));

        // A file that has gone is not listed; a server address is listed without asking it.
        QFile::remove(file);
        QCOMPARE(recent.locations(), QStringList{server});
    }

    void theNameOfAServerLedgerIsLoginAtHostSlashDatabase() {
        const NoLibpqDefaults defaults;
        QCOMPARE(nameOf(QStringLiteral("postgresql://alice@db.example.org:5433/council")),
                 QStringLiteral("alice@db.example.org/council"));
        QCOMPARE(nameOf(QStringLiteral("postgresql://alice:s3cret@db.example.org/council")),
                 QStringLiteral("alice@db.example.org/council"));
        QCOMPARE(
            nameOf(QStringLiteral("postgres://db.example.org/council?user=bob&sslmode=require")),
            QStringLiteral("bob@db.example.org/council"));
        // A socket folder, in the host part or as host=, percent-encoded or not.
        QCOMPARE(nameOf(QStringLiteral("postgresql://%2Fvar%2Frun%2Fpostgresql/council?user=bob")),
                 QStringLiteral("bob@/var/run/postgresql/council"));
        QCOMPARE(nameOf(QStringLiteral("postgresql:///council?host=/tmp/pg&user=carol")),
                 QStringLiteral("carol@/tmp/pg/council"));
        QCOMPARE(nameOf(QStringLiteral("postgresql://dan@[::1]:5432,db2.example.org/ledger")),
                 QStringLiteral("dan@[::1]/ledger"));
        QCOMPARE(nameOf(QStringLiteral("postgresql://fay%40council@db.example.org/l%20d")),
                 QStringLiteral("fay@council@db.example.org/l d"));
        // What the address leaves out, libpq's defaults: PGUSER, this computer, the login.
        QCOMPARE(nameOf(QStringLiteral("postgresql://")), QStringLiteral("erin@localhost/erin"));
        const ScopedEnv host("PGHOST", "/run/pg");
        const ScopedEnv database("PGDATABASE", "council");
        QCOMPARE(nameOf(QStringLiteral("postgresql:///")), QStringLiteral("erin@/run/pg/council"));

        QCOMPARE(nameOf(QStringLiteral("/home/you/postgresql://x")),
                 QStringLiteral("(not a server)"));
        Session session(kToday);
        const QVariantMap described =
            session.describeLocation(QStringLiteral("postgresql://alice@db.example.org/council"));
        QCOMPARE(described.value(QStringLiteral("server")).toBool(), true);
        QCOMPARE(described.value(QStringLiteral("name")).toString(),
                 QStringLiteral("alice@db.example.org/council"));
        QCOMPARE(described.value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
        QCOMPARE(described.value(QStringLiteral("problem")).toString(), QString());
        QCOMPARE(session.describeLocation(QStringLiteral("/home/you/council.ledger")),
                 (QVariantMap{{QStringLiteral("server"), false}}));
    }

    void anUnprotectedNetworkIsWarnedOfAndThisComputerIsNot() {
        const NoLibpqDefaults defaults;
        Session session(kToday);
        const auto warning = [&session](const char* uri) {
            return session.describeLocation(QString::fromUtf8(uri))
                .value(QStringLiteral("warning"))
                .toString();
        };
        const QString remote = warning("postgresql://db.example.org/x");
        QVERIFY2(remote.startsWith(QStringLiteral("The connection to db.example.org is not "
                                                  "protected by verified TLS (sslmode=prefer)")),
                 qPrintable(remote));
        QVERIFY(
            warning("postgresql://db.example.org/x?sslmode=require").contains("sslmode=require"));
        QCOMPARE(warning("postgresql://db.example.org/x?sslmode=verify-full"), QString());
        QCOMPARE(warning("postgresql:///x?host=/var/run/postgresql"), QString());
        QCOMPARE(warning("postgresql://%2Ftmp/x"), QString());
        QCOMPARE(warning("postgresql://localhost/x"), QString());
        QCOMPARE(warning("postgresql://127.0.0.1:5432/x"), QString());
        QCOMPARE(warning("postgresql:///x"), QString());
        QCOMPARE(warning("/home/you/council.ledger"), QString());
    }

    void aServerLedgerOpensAndWhoYouAreIsTheLogin() {
        const Cluster cluster = readCluster();
        if (!cluster.unavailable.isEmpty()) {
            if (qEnvironmentVariable("PRACTICE_LEDGER_REQUIRE_PG") == QLatin1String("1")) {
                QFAIL(qPrintable(cluster.unavailable +
                                 QStringLiteral(" (and PRACTICE_LEDGER_REQUIRE_PG=1)")));
            }
            QSKIP(qPrintable(cluster.unavailable));
        }
        using namespace ledger;
        const std::string database = "app_" + std::to_string(::getpid());
        const auto conninfo = [&](const std::string& db, const char* user) {
            return "host=" + quoted(cluster.host) + " passfile=" + quoted(cluster.passFile) +
                   " dbname=" + quoted(QString::fromStdString(db)) + " user=" + user;
        };
        pg::Connection super = pg::Connection::open(conninfo("postgres", "plsuper"));
        const std::string name = super.quoteIdentifier(database);
        const auto dropAll = [&] {
            super.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            for (const char* suffix : {"_owner", "_workforce_lead", "_manager", "_staff"}) {
                super.exec("DROP ROLE IF EXISTS " + super.quoteIdentifier(database + suffix));
            }
        };
        dropAll(); // a crashed run's leftovers under this pid
        super.exec("CREATE DATABASE " + name +
                   " TEMPLATE template0 OWNER pladmin STRATEGY FILE_COPY");
        struct Cleanup {
            std::function<void()> run;
            ~Cleanup() { run(); }
        } cleanup{dropAll};
        {
            pg::Connection admin = pg::Connection::open(conninfo(database, "pladmin"));
            pg::initServer(admin);
            // The sessions below record actions at a set wall clock, not the server's.
            admin.exec("SET ROLE " + admin.quoteIdentifier(database + "_owner"));
            admin.exec("INSERT INTO ledger.meta (key, value) VALUES ('settable_clock', 'yes')");
        }
        const QString uri =
            QStringLiteral("postgresql:///%1?host=%2&user=pladmin&passfile=%3")
                .arg(QString::fromStdString(database), cluster.host, cluster.passFile);
        {
            Ledger filled =
                Ledger::open(Location::parse(uri.toStdString()), "", OpenMode::ReadWrite);
            for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
                const QString file = dataFile(QStringLiteral("%1.csv").arg(QLatin1String(kind)));
                filled.imports().csv(*parseImportKind(kind), kind, readFile(file).toStdString(),
                                     makeDate(2026, 11, 25), false, "test");
            }
        }

        Session session(kToday);
        // A wrong password typed in, and a database the server does not have.
        const QString refused = session.open(uri, QStringLiteral("wrong"));
        QVERIFY2(refused.startsWith(QStringLiteral("The server refused the login")),
                 qPrintable(refused));
        QString missing = uri;
        missing.replace(QString::fromStdString(database), QStringLiteral("no_such_ledger"));
        QVERIFY(session.open(missing, QString()).startsWith("The server has no database"));
        QVERIFY(session.recentLedgers().isEmpty());

        // No password typed: libpq's password file. Opened as a task, as the unlock page does.
        QCOMPARE(session.unlock(uri, QString()), QString());
        QVERIFY(session.tasks()->waitForFinished());
        QVERIFY2(session.unlocked(), qPrintable(session.openError()));
        QVERIFY(session.onServer());
        QVERIFY(!session.readOnly());
        QCOMPARE(session.ledgerPath(), uri);
        QCOMPARE(
            session.ledgerName(),
            QStringLiteral("pladmin@%1/%2").arg(cluster.host, QString::fromStdString(database)));
        QCOMPARE(session.actor(), QStringLiteral("pladmin"));
        session.setActor(QStringLiteral("Somebody Else"));
        QCOMPARE(session.actor(), QStringLiteral("pladmin"));
        // The administrator is tied to no person: My learning has no one to show, and who
        // you are cannot be chosen on a server.
        QCOMPARE(session.myEmployeeId(), QString());
        session.setWhoYouAre(QStringLiteral("HW00001"));
        QCOMPARE(session.myEmployeeId(), QString());
        QVERIFY(session.data() != nullptr);
        QCOMPARE(session.engine()->staffCount(), session.data()->staff.size());
        QVERIFY(!session.data()->staff.empty());
        QCOMPARE(session.recentLedgers(), QStringList{uri});
        // Writing works, and nothing was stored as who you are.
        QCOMPARE(session.saveSettings(QStringLiteral("Server Council"), QString(), 20), QString());
        QCOMPARE(session.organisationName(), QStringLiteral("Server Council"));
        QCOMPARE(session.setting(QStringLiteral("last_actor")), QString());

        // Someone else at the same time: both open the same person's form; the first saves,
        // the second hears of it at once (the server's notification) and cannot save over it.
        Session other(kToday);
        QCOMPARE(other.open(uri, QString()), QString());
        const QString person = QStringLiteral("HW00001");
        StaffEditor mine;
        mine.setSession(&session);
        StaffEditor theirs;
        theirs.setSession(&other);
        QVERIFY(mine.load(person));
        QVERIFY(theirs.load(person));
        mine.field(QStringLiteral("email"))->setText(QStringLiteral("jl.nowak@example.org"));
        QVERIFY2(mine.save(), qPrintable(mine.message()));
        const auto seenBy = [&](Session& s) {
            for (const ledger::Staff& st : s.data()->staff) {
                if (st.employeeId == "HW00001") {
                    return st;
                }
            }
            return ledger::Staff{};
        };
        const auto emailSeenBy = [&](Session& s) {
            return QString::fromStdString(seenBy(s).email);
        };
        QTRY_COMPARE(emailSeenBy(other), QStringLiteral("jl.nowak@example.org"));
        QVERIFY(other.notice().isEmpty()); // on a server others' work simply appears

        theirs.field(QStringLiteral("full_name"))->setText(QStringLiteral("Jean-Luc Nowak-Smith"));
        QVERIFY(!theirs.save());
        QVERIFY(theirs.stale());
        QVERIFY2(theirs.message().startsWith(QStringLiteral("pladmin saved this record at ")),
                 qPrintable(theirs.message()));
        QVERIFY(theirs.message().contains(QStringLiteral("your changes are still in the form")));
        QCOMPARE(theirs.field(QStringLiteral("full_name"))->text(),
                 QStringLiteral("Jean-Luc Nowak-Smith")); // the input is kept
        QCOMPARE(theirs.field(QStringLiteral("email"))->text(),
                 QStringLiteral("hw00001@example.org"));
        QVERIFY(other.tasks()->waitForFinished());
        QVERIFY(theirs.showStored());
        QVERIFY(!theirs.stale());
        QCOMPARE(theirs.field(QStringLiteral("email"))->text(),
                 QStringLiteral("jl.nowak@example.org"));
        theirs.field(QStringLiteral("full_name"))->setText(QStringLiteral("Jean-Luc Nowak-Smith"));
        QVERIFY2(theirs.save(), qPrintable(theirs.message()));
        QTRY_COMPARE(QString::fromStdString(seenBy(session).fullName),
                     QStringLiteral("Jean-Luc Nowak-Smith"));

        // The Forums and sessions workspace on the server: a theme, a series planned from the
        // editor, a session booked past its places, a cancellation that promotes the first
        // waiting person (seen by the other client too), attendance at the door, and the
        // theme's reach going up.
        {
            ledger::AuditTheme theme;
            theme.key = "SRV";
            theme.title = "Advocacy offered late";
            theme.raisedOn = ledger::makeDate(2026, 11, 20);
            QCOMPARE(session.write([&](ledger::Ledger& l) {
                l.themes().save(theme, ledger::makeDate(2026, 11, 25), "pladmin");
            }),
                     QString());
        }
        SessionEditor planner;
        planner.setSession(&session);
        planner.startNew({{QStringLiteral("themes"), QStringLiteral("SRV")}});
        for (const auto& [field, value] :
             {std::pair{"key", "SRVF"}, std::pair{"title", "Advocacy forum"},
              std::pair{"date", "08/12/2026"}, std::pair{"start_time", "10:00"},
              std::pair{"end_time", "12:00"}, std::pair{"capacity", "1"},
              std::pair{"speaker", "Anna Reid"}, std::pair{"repeat", "weekly"},
              std::pair{"count", "2"}}) {
            planner.field(QString::fromLatin1(field))->setText(QString::fromLatin1(value));
        }
        QCOMPARE(planner.occurrences(), 2);
        QVERIFY2(planner.save(), qPrintable(planner.message()));
        SessionsController sessions;
        sessions.setSession(&session);
        SessionsController theirSessions;
        theirSessions.setSession(&other);
        QCOMPARE(sessions.upcoming()->rowCount(), 2);
        sessions.setSelected(QStringLiteral("SRVF-001"));
        theirSessions.setSelected(QStringLiteral("SRVF-001"));
        {
            const ScopedEnv now("PRACTICE_LEDGER_NOW", "2026-11-25T09:30");
            QCOMPARE(sessions.act(QStringLiteral("book"), QStringLiteral("HW00001")), QString());
            QCOMPARE(theirSessions.act(QStringLiteral("book"), QStringLiteral("HW00002")),
                     QString());
            QCOMPARE(sessions.act(QStringLiteral("book"), QStringLiteral("HW00001")),
                     QStringLiteral("Not recorded: Already booked."));
            QTRY_COMPARE(sessions.detail().value(QStringLiteral("places")).toString(),
                         QStringLiteral("1 of 1 places booked, 1 waiting"));
            QCOMPARE(sessions.act(QStringLiteral("cancel"), QStringLiteral("HW00001")), QString());
        }
        QTRY_COMPARE(theirSessions.detail().value(QStringLiteral("places")).toString(),
                     QStringLiteral("1 of 1 places booked"));
        const auto stateOf = [](SessionsController& c, const QString& id) {
            for (const QVariantMap& row : c.bookings()->rows()) {
                if (row.value(QStringLiteral("employeeId")).toString() == id) {
                    return row.value(QStringLiteral("state")).toString();
                }
            }
            return QString();
        };
        QCOMPARE(stateOf(theirSessions, QStringLiteral("HW00002")), QStringLiteral("Booked"));
        ThemeController reach;
        reach.setSession(&session);
        reach.setActive(true);
        reach.setSelected(QStringLiteral("SRV"));
        reach.setTo(QStringLiteral("31/12/2026"));
        QCOMPARE(reach.reach().value(QStringLiteral("staffReached")).toInt(), 0);
        {
            const ScopedEnv now("PRACTICE_LEDGER_NOW", "2026-12-08T10:05");
            QCOMPARE(theirSessions.act(QStringLiteral("attend"), QStringLiteral("HW00002")),
                     QString());
        }
        QTRY_COMPARE(reach.reach().value(QStringLiteral("staffReached")).toInt(), 1);
        QCOMPARE(reach.reach().value(QStringLiteral("sessionsHeld")).toInt(), 1);
        QTRY_COMPARE(sessions.detail().value(QStringLiteral("status")).toString(),
                     QStringLiteral("Held"));

        other.lock();

        session.lock();
        QVERIFY(!session.onServer());
        QCOMPARE(session.ledgerName(), QString());
    }
};

QTEST_MAIN(TestServer)
#include "tst_server.moc"
