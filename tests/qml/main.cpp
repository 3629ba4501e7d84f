// Runs tst_*.qml in this folder against the linked-in QML modules.
#include <QApplication>
#include <QObject>
#include <QQmlEngine>
#include <QtQuickTest/quicktest.h>

class Setup : public QObject {
    Q_OBJECT

public slots:
    // The modules are static and carry their QML under qrc:/qt/qml, which Qt 6.4 does not
    // search by default.
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
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
