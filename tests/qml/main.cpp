// Runs tst_*.qml in this folder against the linked-in QML modules.
#include "testsupport.h"

#include "session/session.h"

#include <QApplication>
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQuickTest/quicktest.h>

/// The wall clock the sessions page records actions at (PRACTICE_LEDGER_NOW), set by a test.
class TestClock : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    Q_INVOKABLE void setNow(const QString& now) {
        if (now.isEmpty()) {
            qunsetenv("PRACTICE_LEDGER_NOW");
        } else {
            qputenv("PRACTICE_LEDGER_NOW", now.toUtf8());
        }
    }
};

class Setup : public QObject {
    Q_OBJECT

public slots:
    // The modules are static and carry their QML under qrc:/qt/qml, which Qt 6.4 does not
    // search by default. Each test file also sees `council`: a session on a ledger of the
    // small council of tests/data (opened once, shared by the files), for the dialogs that
    // need real records.
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // `council` for the dialogs; the walk through a manager's forum journey writes a lot,
        // so `walkCouncil` is its own ledger.
        if (!m_council) {
            m_council = openCouncil(m_dir);
            m_walk = openCouncil(m_walkDir);
        }
        engine->rootContext()->setContextProperty(QStringLiteral("council"), m_council);
        engine->rootContext()->setContextProperty(QStringLiteral("walkCouncil"), m_walk);
        engine->rootContext()->setContextProperty(QStringLiteral("testClock"), &m_clock);
        // `cpdCouncil`: the learning-record examples' staff (registered with Social Work
        // England and HCPC), no CPD yet, used by HW00004, a social worker.
        if (!m_cpd) {
            m_cpd = new Session(testsupport::kToday, this);
            const QString path = m_cpdDir.filePath(QStringLiteral("cpd.ledger"));
            {
                ledger::Ledger l =
                    ledger::Ledger::create(path.toStdString(), testsupport::kPassphrase, "test");
                l.imports().csv(ledger::ImportKind::Staff, "staff",
                                testsupport::readFile(
                                    QStringLiteral(LEDGER_TEST_DATA "/learning-record/staff.csv"))
                                    .toStdString(),
                                ledger::makeDate(2026, 11, 25), false, "test");
            }
            const QString error = m_cpd->open(path, QString::fromUtf8(testsupport::kPassphrase));
            if (!error.isEmpty()) {
                qFatal("cannot open the CPD council: %s", qPrintable(error));
            }
            m_cpd->setWhoYouAre(QStringLiteral("HW00004"));
        }
        engine->rootContext()->setContextProperty(QStringLiteral("cpdCouncil"), m_cpd);
        // Where a test may write files (exports), as a file URL without a trailing slash.
        engine->rootContext()->setContextProperty(QStringLiteral("testOutputUrl"),
                                                  QUrl::fromLocalFile(m_outDir.path()).toString());
    }

private:
    Session* openCouncil(const QTemporaryDir& dir) {
        auto* session = new Session(testsupport::kToday, this);
        const QString error = session->open(testsupport::makeCouncil(dir),
                                            QString::fromUtf8(testsupport::kPassphrase));
        if (!error.isEmpty()) {
            qFatal("cannot open the small council: %s", qPrintable(error));
        }
        session->setActor(QStringLiteral("Jo Manager"));
        return session;
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_walkDir;
    QTemporaryDir m_cpdDir;
    QTemporaryDir m_outDir;
    Session* m_cpd = nullptr;
    Session* m_council = nullptr;
    Session* m_walk = nullptr;
    TestClock m_clock;
};

int main(int argc, char** argv) {
    // QUICK_TEST_MAIN would make a QGuiApplication; QtCharts (used by the pages) needs a
    // QApplication.
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "tst_qml_components", QUICK_TEST_SOURCE_DIR,
                                      &setup);
}

#include "main.moc"
