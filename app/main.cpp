// The composition root: reads the command line, builds the session, hands it to the
// interface, and optionally renders one page to a picture and exits.
#include "session/session.h"

#include "common/convert.h"
#include "common/quitonsignal.h"

#include "base/kill_point.h"
#include "base/process_protection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>
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

} // namespace

int main(int argc, char* argv[]) {
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
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The learning and development record of an adult social care workforce."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Open a generated demo ledger (passphrase demo)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render a page to FILE (PNG) and exit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("The page for --screenshot: unlock, coverage, "
                                                 "drilldown, directory, person, editor, modules, "
                                                 "teams, themes, import, settings."),
                                  QStringLiteral("NAME"), QStringLiteral("coverage"));
    parser.addOptions({demo, screenshot, page});
    parser.process(app);

    auto* session = new Session(today(), &app);
    session->watchActivity(&app);

    const QString pageName = parser.value(page);
    if (parser.isSet(demo) || (parser.isSet(screenshot) && pageName != QLatin1String("unlock"))) {
        const QString error = session->openDemo();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "practice-ledger: %s\n", qPrintable(error));
            return 3;
        }
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(session)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PracticeLedger/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 4;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());

    if (parser.isSet(screenshot)) {
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, pageName));
        const QString file = parser.value(screenshot);
        QTimer::singleShot(1500, window, [window, file] {
            const bool ok = window->grabWindow().save(file);
            if (!ok) {
                std::fprintf(stderr, "practice-ledger: cannot write %s\n", qPrintable(file));
            }
            QCoreApplication::exit(ok ? 0 : 4);
        });
    }
    return QApplication::exec();
}
