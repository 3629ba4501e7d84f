// The app as a process: a crash writes no core dump whatever `ulimit -c` says; the demo
// ledger lives in a private folder named for its process, removed on SIGTERM, SIGHUP and
// SIGINT, and a new demo removes the folders of dead demo runs (but not of live ones);
// --ledger opens a given ledger (as a task) so that --screenshot shows it, and a wrong
// passphrase or a missing file ends it with exit code 3 and the message.
#include "session/demofolder.h"
#include "session/session.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace testsupport;

/// The environment of this process plus `extra`, as execve wants it.
std::vector<std::string> environmentWith(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        env.emplace_back(*e);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (std::string& s : strings) {
        out.push_back(s.data());
    }
    out.push_back(nullptr);
    return out;
}

/// Starts a program in `dir` with RLIMIT_CORE raised as far as it goes (as after
/// `ulimit -c unlimited`). argv and envp are built before fork: the child only makes
/// async-signal-safe calls.
pid_t spawn(std::vector<std::string> args, std::vector<std::string> env, const QString& dir) {
    std::vector<char*> argv = pointers(args);
    std::vector<char*> envp = pointers(env);
    const QByteArray cwd = QFile::encodeName(dir);
    const pid_t pid = ::fork();
    if (pid == 0) {
        rlimit limit{};
        ::getrlimit(RLIMIT_CORE, &limit);
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_CORE, &limit);
        if (::chdir(cwd.constData()) != 0) {
            ::_exit(120);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

/// The child's wait status, or -1 when it did not end within `ms`.
int waitFor(pid_t pid, int ms) {
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (timer.elapsed() < ms) {
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            return status;
        }
        QThread::msleep(20);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
}

QStringList demoFolders(const QString& parent) {
    return QDir(parent).entryList({DemoFolder::kPrefix + QLatin1Char('*')},
                                  QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

void makeFolder(const QString& path, bool withLock) {
    QVERIFY(QDir().mkpath(path));
    writeFile(path + QStringLiteral("/demo.ledger"), QStringLiteral("left behind"));
    if (withLock) {
        writeFile(path + QLatin1Char('/') + DemoFolder::kLockName, QString());
    }
}

/// A child process that is killed and reaped if a check fails before it ends.
struct Child {
    pid_t pid = -1;
    ~Child() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
    /// The wait status, or -1 when it did not end within `ms`.
    int wait(int ms) {
        const int status = waitFor(pid, ms);
        pid = -1;
        return status;
    }
};

/// Runs the app to its end with `args` and `env` added to this environment (offscreen);
/// its exit code and what it wrote to stderr.
std::pair<int, QString> runApp(const QStringList& args,
                               const QList<std::pair<QString, QString>>& env) {
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("PRACTICE_LEDGER_PASSPHRASE"));
    for (const auto& [name, value] : env) {
        environment.insert(name, value);
    }
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(LEDGER_APP_BINARY), args);
    if (!app.waitForFinished(60000)) {
        app.kill();
        app.waitForFinished();
        return {-1, QStringLiteral("the app did not end within a minute")};
    }
    return {app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1,
            QString::fromUtf8(app.readAllStandardError())};
}

/// A process id that was just in use and now is not.
pid_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::_exit(0);
    }
    ::waitpid(pid, nullptr, 0);
    return pid;
}

} // namespace

class TestProcess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aCrashWritesNoCoreDumpEvenUnderUlimitCUnlimited() {
        QTemporaryDir dir;
        // First make sure this machine would write one: a shell killing itself with SIGSEGV.
        int status = waitFor(
            spawn({"/bin/sh", "-c", "kill -SEGV $$"}, environmentWith({}), dir.path()), 30000);
        QVERIFY(WIFSIGNALED(status));
        if (!WCOREDUMP(status)) {
            QSKIP("this machine writes no core dumps (see /proc/sys/kernel/core_pattern and the "
                  "hard RLIMIT_CORE), so there is nothing to prove here");
        }
        QTemporaryDir clean;
        Child app{spawn({LEDGER_APP_BINARY},
                        environmentWith({"PRACTICE_LEDGER_KILL_AT=app-started:segv"}),
                        clean.path())};
        status = app.wait(30000);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGSEGV);
        QVERIFY(!WCOREDUMP(status));
        QVERIFY(QDir(clean.path()).entryList({QStringLiteral("core*")}).isEmpty());
    }

    void aGivenLedgerRendersItsCoveragePage() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        const QString shot = dir.filePath(QStringLiteral("coverage.png"));
        const QString secret = dir.filePath(QStringLiteral("passphrase.txt"));
        writeFile(secret, QLatin1String(kPassphrase) + QLatin1Char('\n'));
        const auto [code, errors] =
            runApp({QStringLiteral("--ledger"), path, QStringLiteral("--passphrase-file"), secret,
                    QStringLiteral("--screenshot"), shot, QStringLiteral("--page"),
                    QStringLiteral("coverage")},
                   {});
        QVERIFY2(code == 0, qPrintable(errors));
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1280, 800));
        // The pages, not the light unlock screen: the dark navigation column
        // (Theme.navBackground #233045, dimmed a little by the "Who are you?" dialog).
        QVERIFY2(image.pixelColor(100, 500).lightness() < 60,
                 qPrintable(image.pixelColor(100, 500).name()));
    }

    void aLedgerFileArgumentIsOfferedForUnlockingAndOnlyOne() {
        // As a file manager's "Open with" starts it (the desktop file's Exec=practice-ledger %f).
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        const QString shot = dir.filePath(QStringLiteral("unlock.png"));
        auto [code, errors] = runApp({path, QStringLiteral("--screenshot"), shot,
                                      QStringLiteral("--page"), QStringLiteral("unlock")},
                                     {});
        QVERIFY2(code == 0, qPrintable(errors));
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(1280, 800));
        // The light unlock page, not the pages of an opened ledger.
        QVERIFY2(image.pixelColor(100, 500).lightness() > 200,
                 qPrintable(image.pixelColor(100, 500).name()));

        std::tie(code, errors) = runApp({path, path}, {});
        QCOMPARE(code, 1);
        QVERIFY2(errors.contains(QStringLiteral("one ledger file at a time")), qPrintable(errors));
    }

    void aWrongPassphraseOrAMissingLedgerExitsThreeWithTheMessage() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        const QString shot = dir.filePath(QStringLiteral("shot.png"));
        const QStringList args{QStringLiteral("--screenshot"), shot};
        // The passphrase from the environment.
        auto [code, errors] = runApp(
            QStringList{QStringLiteral("--ledger"), path} + args,
            {{QStringLiteral("PRACTICE_LEDGER_PASSPHRASE"), QStringLiteral("not the passphrase")}});
        QCOMPARE(code, 3);
        QVERIFY2(errors.contains(QStringLiteral("The passphrase is wrong")), qPrintable(errors));
        QVERIFY(!QFile::exists(shot));

        std::tie(code, errors) = runApp(
            QStringList{QStringLiteral("--ledger"), dir.filePath(QStringLiteral("nope.ledger"))} +
                args,
            {{QStringLiteral("PRACTICE_LEDGER_PASSPHRASE"), QLatin1String(kPassphrase)}});
        QCOMPARE(code, 3);
        QVERIFY2(errors.contains(QStringLiteral("There is no ledger at that place")),
                 qPrintable(errors));
        QVERIFY(!QFile::exists(shot));
    }

    void theDemoFolderIsPrivateNamedForItsProcessAndRemovesDeadRuns() {
        QTemporaryDir tmp;
        const QByteArray savedTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", QFile::encodeName(tmp.path()));
        const QString base = tmp.path() + QLatin1Char('/') + DemoFolder::kPrefix;

        // A dead run that locked its folder, and one that died before it could.
        const QString dead = base + QString::number(deadPid()) + QStringLiteral("-abc123");
        makeFolder(dead, true);
        const QString deadEarly = base + QString::number(deadPid()) + QStringLiteral("-def456");
        makeFolder(deadEarly, false);
        // A live run: it holds the lock (here, this test does).
        const QString live = base + QString::number(::getpid()) + QStringLiteral("-ghi789");
        makeFolder(live, true);
        const int held = ::open(QFile::encodeName(live + QStringLiteral("/owner.lock")).constData(),
                                O_RDONLY | O_CLOEXEC);
        QVERIFY(held >= 0);
        QCOMPARE(::flock(held, LOCK_EX | LOCK_NB), 0);
        // A run still starting (no lock yet, its process alive), and a folder of another name.
        const QString starting = base + QString::number(::getppid()) + QStringLiteral("-jkl012");
        makeFolder(starting, false);
        const QString other = base + QStringLiteral("notes");
        makeFolder(other, false);

        {
            Session session(kToday);
            QCOMPARE(session.openDemo(), QString());
            QVERIFY(!QFileInfo::exists(dead));
            QVERIFY(!QFileInfo::exists(deadEarly));
            QVERIFY(QFileInfo::exists(live + QStringLiteral("/demo.ledger")));
            QVERIFY(QFileInfo::exists(starting));
            QVERIFY(QFileInfo::exists(other));

            // The demo's own folder: this process's id in its name, owner only.
            const QString folder = QFileInfo(session.ledgerPath()).absolutePath();
            const QRegularExpression name(
                QStringLiteral("^practice-ledger-demo-%1-[A-Za-z0-9]{6}$").arg(::getpid()));
            QVERIFY2(name.match(QFileInfo(folder).fileName()).hasMatch(), qPrintable(folder));
            QCOMPARE(QFileInfo(folder).absolutePath(), QFileInfo(tmp.path()).absoluteFilePath());
            struct stat info {};
            QCOMPARE(::stat(QFile::encodeName(folder).constData(), &info), 0);
            QCOMPARE(info.st_mode & 07777, 0700u);
            // While it runs, another demo start leaves it alone.
            QCOMPARE(DemoFolder::removeLeftovers(tmp.path()), 0);
            QVERIFY(QFileInfo::exists(session.ledgerPath()));
            session.lock();
            QVERIFY(!QFileInfo::exists(folder));
        }
        ::close(held);
        // Left: the live run's, the starting run's and the folder of another name.
        QCOMPARE(demoFolders(tmp.path()).size(), 3);
        if (savedTmp.isNull()) {
            qunsetenv("TMPDIR");
        } else {
            qputenv("TMPDIR", savedTmp);
        }
    }

    void theDemoFolderGoesOnSigtermSighupAndSigint_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGHUP") << SIGHUP;
        QTest::newRow("SIGINT") << SIGINT;
    }

    void theDemoFolderGoesOnSigtermSighupAndSigint() {
        QFETCH(int, signal);
        QTemporaryDir tmp;
        Child app{spawn({LEDGER_APP_BINARY, "--demo"},
                        environmentWith({"TMPDIR=" + tmp.path().toStdString(),
                                         "QT_QPA_PLATFORM=offscreen", "QT_QUICK_BACKEND=software"}),
                        tmp.path())};
        QVERIFY(app.pid > 0);
        // Wait for the demo ledger to exist.
        QString folder;
        QElapsedTimer timer;
        timer.start();
        while (folder.isEmpty() && timer.elapsed() < 60000) {
            for (const QString& name : demoFolders(tmp.path())) {
                if (QFileInfo::exists(tmp.path() + QLatin1Char('/') + name + "/demo.ledger")) {
                    folder = name;
                }
            }
            QThread::msleep(50);
        }
        QVERIFY2(!folder.isEmpty(), "the demo did not start");
        QVERIFY2(folder.startsWith(DemoFolder::kPrefix + QString::number(app.pid) + '-'),
                 qPrintable(folder));
        QCOMPARE(::kill(app.pid, signal), 0);
        const int status = app.wait(60000);
        QVERIFY2(status != -1, "the app did not end");
        QVERIFY2(demoFolders(tmp.path()).isEmpty(), "the demo's folder was left behind");
        // It ended through its normal teardown, not killed by the signal.
        QVERIFY2(WIFEXITED(status), qPrintable(QStringLiteral("status %1").arg(status)));
        QCOMPARE(WEXITSTATUS(status), 128 + signal);
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
