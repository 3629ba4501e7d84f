// The composition root: reads the command line, builds the session, hands it to the
// interface, and optionally renders one page to a picture and exits.
#include "session/serveraddress.h"
#include "session/session.h"

#include "common/convert.h"
#include "common/quitonsignal.h"
#include "common/timings.h"

#include "commandline.h"

#include "base/kill_point.h"
#include "base/process_protection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>
#include <optional>
#include <system_error>

namespace {

QDate today() {
    const QByteArray injected = qgetenv("PRACTICE_LEDGER_TODAY");
    if (!injected.isEmpty()) {
        const QDate date = QDate::fromString(QString::fromLatin1(injected), Qt::ISODate);
        if (!date.isValid()) {
            std::fprintf(stderr, "PRACTICE_LEDGER_TODAY='%s' is not a date (YYYY-MM-DD)\n",
                         injected.constData());
            std::exit(1);
        }
        return date;
    }
    return QDate::currentDate();
}

/// The secret for --ledger: the file's first line (one trailing LF or CRLF stripped, as the
/// CLI reads it), else for a ledger file PRACTICE_LEDGER_PASSPHRASE, for a server nothing
/// (libpq's password file); nullopt when the file cannot be read.
std::optional<QString> secretFor(const QString& file, bool server) {
    if (file.isEmpty()) {
        return server ? QString() : QString::fromUtf8(qgetenv("PRACTICE_LEDGER_PASSPHRASE"));
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    QByteArray bytes = f.readAll();
    if (bytes.endsWith('\n')) {
        bytes.chop(bytes.endsWith("\r\n") ? 2 : 1);
    }
    return QString::fromUtf8(bytes);
}

} // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    try {
        ledger::protectProcess(); // no core dumps: before anything personal is in memory
    } catch (const std::system_error& e) {
        std::fprintf(stderr, "practice-ledger: cannot turn off core dumps: %s\n", e.what());
        return 4;
    }
    ledger::killPoint("app-started");
    QApplication app(argc, argv); // QtCharts needs a QApplication
    // SIGTERM, SIGHUP and SIGINT end the event loop, so the demo's folder goes with the
    // normal teardown.
    QuitOnSignal quitOnSignal;
    QApplication::setOrganizationName(QStringLiteral("Practice Ledger"));
    QApplication::setApplicationName(QStringLiteral("Practice Ledger"));
    QApplication::setApplicationVersion(QStringLiteral(PRACTICE_LEDGER_VERSION));
    // The installed desktop file and icon (packaging/): Wayland shells match windows to the
    // desktop file by this name; the icon comes from the theme where the package put it.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.practiceledger.PracticeLedger"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("org.practiceledger.PracticeLedger")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    appcommandline::setUp(parser);
    parser.process(app);

    auto* session = new Session(today(), &app);
    session->watchActivity(&app);
    const QString pageName = parser.value(QStringLiteral("page"));
    const bool shooting = parser.isSet(QStringLiteral("screenshot"));
    // A ledger file given as the argument (a file manager's "Open with") is offered for
    // unlocking, as --location does.
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(stderr, "practice-ledger: one ledger file at a time\n");
        return 1;
    }
    QString location = parser.value(QStringLiteral("location"));
    if (!files.isEmpty()) {
        // A path typed in a shell may be relative: the recent ledgers keep where it is.
        location = ServerAddress::isServer(files.constFirst())
                       ? files.constFirst()
                       : QFileInfo(files.constFirst()).absoluteFilePath();
    }
    // The interface thread's blocked time from here to the first page of an opened ledger.
    StallMeter* stalls = timings::enabled() ? new StallMeter(&app) : nullptr;
    if (stalls) {
        stalls->start();
    }

    if (parser.isSet(QStringLiteral("ledger"))) {
        const std::optional<QString> passphrase =
            secretFor(parser.value(QStringLiteral("passphrase-file")),
                      ServerAddress::isServer(parser.value(QStringLiteral("ledger"))));
        if (!passphrase) {
            std::fprintf(stderr, "practice-ledger: cannot read the passphrase file %s\n",
                         qPrintable(parser.value(QStringLiteral("passphrase-file"))));
            return 2;
        }
        // Opens as a task; a missing file or a wrong passphrase shows on the unlock page.
        const QString error = session->unlock(parser.value(QStringLiteral("ledger")), *passphrase);
        if (!error.isEmpty() && shooting) {
            std::fprintf(stderr, "practice-ledger: %s\n", qPrintable(error));
            return 3;
        }
    } else if (parser.isSet(QStringLiteral("demo")) ||
               (shooting && pageName != QLatin1String("unlock"))) {
        const QString error = session->openDemo();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "practice-ledger: %s\n", qPrintable(error));
            return 3;
        }
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(session)},
                                 {QStringLiteral("initialLocation"), location}});
    {
        const timings::Scope timing("interface: load Main.qml");
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PracticeLedger/Ui/Main.qml")));
    }
    if (engine.rootObjects().isEmpty()) {
        return 4;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());

    if (stalls) {
        // The first frame after the first load shows the coverage page.
        QObject::connect(session, &Session::openFinished, window, [=](const QString&) {
            timings::report("first load finished (wall, since start)",
                            static_cast<double>(sinceStart.nsecsElapsed()) / 1e6);
            auto* once = new QObject(window);
            QObject::connect(window, &QQuickWindow::frameSwapped, once, [=] {
                stalls->stop();
                delete once;
                timings::report("first coverage frame (wall, since start)",
                                static_cast<double>(sinceStart.nsecsElapsed()) / 1e6);
                timings::report("interface thread blocked, start to first coverage frame",
                                stalls->blockedMs());
                timings::report("interface thread longest block", stalls->longestMs());
            });
        });
    }

    if (shooting) {
        const QString file = parser.value(QStringLiteral("screenshot"));
        const auto shoot = [window, file, pageName, session] {
            // After a frame of the pages: a page changed in the same event as the pages first
            // appear (after the first load) leaves Qt 6.4's layouts unplaced.
            auto* once = new QObject(window);
            QObject::connect(window, &QQuickWindow::frameSwapped, once, [window, once, pageName] {
                QObject::disconnect(window, nullptr, once, nullptr);
                once->deleteLater();
                QMetaObject::invokeMethod(
                    window,
                    [window, pageName] {
                        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, pageName));
                    },
                    Qt::QueuedConnection);
            });
            window->requestUpdate();
            QTimer::singleShot(1700, window, [window, file, session] {
                const auto grab = [window, file] {
                    const bool ok = window->grabWindow().save(file);
                    if (!ok) {
                        std::fprintf(stderr, "practice-ledger: cannot write %s\n",
                                     qPrintable(file));
                    }
                    QCoreApplication::exit(ok ? 0 : 4);
                };
                TaskRunner* tasks = session->tasks();
                if (!tasks->running()) {
                    grab();
                    return;
                }
                // A page working out its figures as a task (the trend) is shot once they show.
                QObject::connect(tasks, &TaskRunner::runningChanged, window, [window, tasks, grab] {
                    if (!tasks->running()) {
                        QTimer::singleShot(500, window, grab);
                    }
                });
            });
        };
        if (session->opening()) {
            // The page is shown once the first load has finished; a failure ends here.
            QObject::connect(
                session, &Session::openFinished, window, [session, shoot](const QString& message) {
                    if (!session->unlocked()) {
                        std::fprintf(
                            stderr, "practice-ledger: %s\n",
                            qPrintable(message.isEmpty() ? QStringLiteral("cancelled") : message));
                        QCoreApplication::exit(3);
                        return;
                    }
                    shoot();
                });
        } else {
            shoot();
        }
    }
    return QApplication::exec();
}
