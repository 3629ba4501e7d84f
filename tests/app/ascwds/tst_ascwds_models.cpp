// The ASC-WDS page's controllers over a copy of the small council, and the module editor's
// ASC-WDS fields: the export's check and a save that writes the CLI's very bytes; the
// import's check by line, an unknown kind of training mapped here, imported and remembered
// (so that the same file then needs no mapping); a cancel that writes nothing.
#include "ascwds/ascwdsexportcontroller.h"
#include "ascwds/ascwdsimportcontroller.h"
#include "catalog/moduleeditor.h"
#include "common/editorfield.h"
#include "common/variantlistmodel.h"
#include "session/session.h"

#include "cli/cli_runner.h"
#include "io/asc_wds_training.h"
#include "ledger.h"

#include <QAccessible>
#include <QAccessibleInterface>
#include <QFile>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

#include "modelsupport.h"
#include "test_support.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

std::size_t completionCount(Session& session) {
    return ledger::test::everyCompletion(*session.ledger()).size();
}

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Sets the workplace id of the ledger file at `path` (closed again after).
void setWorkplace(const QString& path, const char* id) {
    ledger::Ledger l = ledger::Ledger::open(path.toStdString(), kPassphrase, false);
    l.settings().set(ledger::kAscWdsWorkplaceSetting, id, "test");
}

/// A training file of three rows: two of a kind of training no module matches (lines 2 and
/// 3), one of the council's FIRE module by its category and title (line 4).
QString trainingFile() {
    return QString::fromStdString(std::string(ledger::kAscWdsTrainingHeader)) +
           QStringLiteral("\n"
                          "J1,HW00001,21,Domestic abuse (level 2),,,,,,03/02/2025,,\n"
                          "J1,HW00002,21,Domestic abuse (level 2),,,,,,04/02/2025,,\n"
                          "J1,HW00001,6,Fire safety,,,,,12,05/02/2025,,Drill\n");
}

} // namespace

class TestAscWdsModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
    }

    // ---- AscWdsExportController ------------------------------------------------------------

    void exportIsRefusedWithoutAWorkplaceIdAndSaysWhy() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        AscWdsExportController exporter;
        exporter.setSession(&session);
        const auto tester = watch(exporter.problems());
        QCOMPARE(exporter.workplaceId(), QString());
        QCOMPARE(exporter.asOf(), QStringLiteral("25/11/2026"));
        QCOMPARE(exporter.state(), QStringLiteral("idle"));
        exporter.check();
        QVERIFY(exporter.waitForFinished());
        QCOMPARE(exporter.state(), QStringLiteral("invalid"));
        QVERIFY(!exporter.canSave());
        QVERIFY(exporter.problems()->rowCount() > 0);
        const QVariantMap first = exporter.problems()->get(0);
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("Problem"));
        QCOMPARE(first.value(QStringLiteral("field")).toString(), QStringLiteral("LOCALESTID"));
        // Nothing is written while there are problems.
        const QString file = dir.filePath(QStringLiteral("refused.csv"));
        exporter.save(QUrl::fromLocalFile(file));
        QVERIFY(exporter.waitForFinished());
        QCOMPARE(exporter.state(), QStringLiteral("invalid"));
        QVERIFY(!QFile::exists(file));

        // A day that is not a date is refused in words.
        exporter.setAsOf(QStringLiteral("31/02/2026"));
        QCOMPARE(exporter.state(), QStringLiteral("idle"));
        exporter.check();
        QCOMPARE(exporter.state(), QStringLiteral("failed"));
        QVERIFY(exporter.summary().contains(QStringLiteral("DD/MM/YYYY")));

        // The workplace id set in Settings is the one the page shows.
        QSignalSpy workplace(&exporter, &AscWdsExportController::workplaceChanged);
        QCOMPARE(session.saveSettings(QString(), QStringLiteral("J1"), 0), QString());
        QVERIFY(workplace.count() >= 1);
        QCOMPARE(exporter.workplaceId(), QStringLiteral("J1"));
    }

    void exportCountsTheRowsAndSavesTheBytesTheCliWrites() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        setWorkplace(path, "J1");

        // The CLI's file, for the same ledger and day.
        const QString cliFile = dir.filePath(QStringLiteral("cli.csv"));
        ledger::test::Cli cli;
        cli.vars["PRACTICE_LEDGER_PASSPHRASE"] = kPassphrase;
        const ledger::test::Result r = cli({"--ledger", path.toStdString(), "export", "asc-wds",
                                            cliFile.toStdString(), "--as-of", "2026-11-20"});
        QVERIFY2(r.status == 0, r.err.c_str());
        const QByteArray expected = bytesOf(cliFile);
        const int rows = static_cast<int>(expected.count('\n')) - 1;
        QVERIFY(rows > 0);

        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        AscWdsExportController exporter;
        exporter.setSession(&session);
        QSignalSpy finished(&exporter, &AscWdsExportController::finished);
        QCOMPARE(exporter.workplaceId(), QStringLiteral("J1"));
        exporter.setAsOf(QStringLiteral("20/11/2026"));
        exporter.check();
        QVERIFY(exporter.waitForFinished());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(exporter.state(), QStringLiteral("checked"));
        QCOMPARE(exporter.rowCount(), rows);
        QCOMPARE(exporter.summary(),
                 QStringLiteral("Ready to save: %1 training records as of 20/11/2026.")
                     .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(rows)));
        QVERIFY(exporter.canSave());

        const QString appFile = dir.filePath(QStringLiteral("app.csv"));
        exporter.save(QUrl::fromLocalFile(appFile));
        QVERIFY(exporter.waitForFinished());
        QCOMPARE(exporter.state(), QStringLiteral("saved"));
        QCOMPARE(exporter.summary(),
                 QStringLiteral("Saved %1 training records as of 20/11/2026 to app.csv.")
                     .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(rows)));
        QCOMPARE(bytesOf(appFile), expected);
        // Readable by its owner only: it holds personal records.
        QCOMPARE(QFile::permissions(appFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        // A cancelled save leaves no file.
        const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
        auto connection = connect(&exporter, &AscWdsExportController::progressChanged, &exporter,
                                  [&exporter] { exporter.cancel(); });
        exporter.save(QUrl::fromLocalFile(cancelled));
        QVERIFY(exporter.waitForFinished());
        disconnect(connection);
        QCOMPARE(exporter.state(), QStringLiteral("cancelled"));
        QCOMPARE(exporter.summary(), QStringLiteral("Cancelled: no file was written."));
        QVERIFY(!QFile::exists(cancelled));
    }

    // ---- AscWdsImportController ------------------------------------------------------------

    void importMapsUnknownTrainingRemembersItAndTheNextFileNeedsNoMapping() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        setWorkplace(path, "J1");
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        const QString file = dir.filePath(QStringLiteral("training.csv"));
        writeFile(file, trainingFile());

        AscWdsImportController importer;
        importer.setSession(&session);
        const auto problems = watch(importer.problems());
        const auto unmapped = watch(importer.unmapped());
        QSignalSpy data(&session, &Session::dataChanged);
        importer.setFileUrl(QUrl::fromLocalFile(file));
        QCOMPARE(importer.fileName(), QStringLiteral("training.csv"));
        QVERIFY(!importer.canImport());
        const std::size_t before = completionCount(session);

        importer.check();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("unmapped"));
        QCOMPARE(importer.problems()->rowCount(), 0);
        QCOMPARE(importer.unmapped()->rowCount(), 1);
        const QVariantMap row = importer.unmapped()->get(0);
        QCOMPARE(row.value(QStringLiteral("category")).toInt(), 21);
        QCOMPARE(row.value(QStringLiteral("categoryName")).toString(), QStringLiteral("Other"));
        QCOMPARE(row.value(QStringLiteral("trainingName")).toString(),
                 QStringLiteral("Domestic abuse (level 2)"));
        QCOMPARE(row.value(QStringLiteral("lines")).toString(), QStringLiteral("2, 3"));
        QCOMPARE(row.value(QStringLiteral("rows")).toInt(), 2);
        QCOMPARE(row.value(QStringLiteral("where")).toString(),
                 QStringLiteral("2 rows, lines 2, 3"));
        QCOMPARE(importer.chosen(), QStringList{QString()});
        QVERIFY(!importer.canImport()); // a module still to choose
        // The choices: none yet, then every module as "CODE – Title".
        const QVariantList choices = importer.moduleChoices();
        QCOMPARE(choices.first().toMap().value(QStringLiteral("value")).toString(), QString());
        QVERIFY(choices.contains(QVariantMap{
            {QStringLiteral("value"), QStringLiteral("DA")},
            {QStringLiteral("label"), QStringLiteral("DA – Domestic abuse awareness")}}));
        QCOMPARE(completionCount(session), before); // the check wrote nothing

        importer.choose(0, QStringLiteral("DA"));
        QVERIFY(importer.canImport());
        importer.runImport();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("imported"));
        QCOMPARE(importer.summary(),
                 QStringLiteral("Imported: 3 added, 0 updated, 0 unchanged. The module "
                                "chosen is remembered for the next file."));
        QCOMPARE(completionCount(session), before + 3);
        QCOMPARE(data.count(), 1); // the session read the ledger again
        QCOMPARE(ledger::parseAscWdsMappings(
                     session.ledger()->settings().get(ledger::kAscWdsMappingsSetting)),
                 (std::vector<ledger::AscWdsMapping>{{21, "Domestic abuse (level 2)", "DA"}}));

        // The same file again: no mapping needed, nothing new.
        AscWdsImportController again;
        again.setSession(&session);
        again.setFileUrl(QUrl::fromLocalFile(file));
        again.check();
        QVERIFY(again.waitForFinished());
        QCOMPARE(again.state(), QStringLiteral("checked"));
        QCOMPARE(again.unmapped()->rowCount(), 0);
        QCOMPARE(again.summary(),
                 QStringLiteral("Ready to import: 0 to add, 0 to update, 3 unchanged."));
        QVERIFY(again.canImport());
    }

    void importListsEveryErrorByLineAndImportsNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("errors.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        setWorkplace(path, "J1");
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        const QString file = dir.filePath(QStringLiteral("bad.csv"));
        writeFile(file, QString::fromStdString(std::string(ledger::kAscWdsTrainingHeader)) +
                            QStringLiteral("\n"
                                           "J1,HW00001,6,Fire safety,,,,,,31/02/2025,,\n"
                                           "J1,NOBODY,6,Fire safety,,,,,,01/02/2025,,\n"));
        AscWdsImportController importer;
        importer.setSession(&session);
        importer.setFileUrl(QUrl::fromLocalFile(file));
        importer.check();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("invalid"));
        QVERIFY(!importer.canImport());
        QCOMPARE(importer.problems()->rowCount(), 2);
        QCOMPARE(importer.problems()->get(0).value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(importer.problems()->get(0).value(QStringLiteral("field")).toString(),
                 QStringLiteral("DATECOMPLETED"));
        QCOMPARE(importer.problems()->get(1).value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(importer.problems()->get(1).value(QStringLiteral("field")).toString(),
                 QStringLiteral("UNIQUEWORKERID"));
        QCOMPARE(importer.summary(),
                 QStringLiteral("2 errors found: nothing can be imported until they are "
                                "corrected."));
    }

    void aCancelledImportWritesNeitherCompletionsNorMappings() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cancel.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        setWorkplace(path, "J1");
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        const QString file = dir.filePath(QStringLiteral("training.csv"));
        writeFile(file, trainingFile());
        AscWdsImportController importer;
        importer.setSession(&session);
        importer.setFileUrl(QUrl::fromLocalFile(file));
        QSignalSpy finished(&importer, &AscWdsImportController::finished);
        importer.check();
        QVERIFY(importer.waitForFinished());
        importer.choose(0, QStringLiteral("DA"));
        const std::size_t before = completionCount(session);

        // Cancelled at the first progress report (announced before the worker starts).
        auto connection = connect(&importer, &AscWdsImportController::progressChanged, &importer,
                                  [&importer] { importer.cancel(); });
        importer.runImport();
        QCOMPARE(importer.state(), QStringLiteral("importing"));
        QVERIFY(importer.waitForFinished());
        disconnect(connection);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(importer.state(), QStringLiteral("cancelled"));
        QCOMPARE(importer.summary(), QStringLiteral("Cancelled: nothing was imported."));
        QCOMPARE(completionCount(session), before);
        QCOMPARE(session.ledger()->settings().get(ledger::kAscWdsMappingsSetting), std::string());
        // The choice is kept, and the import can be run again.
        QCOMPARE(importer.chosen(), QStringList{QStringLiteral("DA")});
        QVERIFY(importer.canImport());
        importer.runImport();
        QVERIFY(importer.waitForFinished());
        QCOMPARE(importer.state(), QStringLiteral("imported"));
        QCOMPARE(completionCount(session), before + 3);
    }

    void thePageShowsEachUnmappedKindOfTrainingWithANamedModuleChooser() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("page.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        setWorkplace(path, "J1");
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        const QString file = dir.filePath(QStringLiteral("training.csv"));
        writeFile(file, trainingFile());

        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PracticeLedger/Ui/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(QMetaObject::invokeMethod(window, "showPage",
                                          Q_ARG(QVariant, QStringLiteral("asc-wds"))));
        QVERIFY(session.tasks()->waitForFinished());
        auto* page = window->findChild<QQuickItem*>(QStringLiteral("ascWdsPage"));
        QVERIFY(page);
        auto* importer = page->property("importer").value<AscWdsImportController*>();
        QVERIFY(importer);
        importer->setFileUrl(QUrl::fromLocalFile(file));
        importer->check();
        QVERIFY(importer->waitForFinished());
        QCOMPARE(importer->state(), QStringLiteral("unmapped"));
        QTest::qWait(300);

        // The row's chooser, named for assistive technology by what it maps.
        const QString name = QStringLiteral("Module for Category 21 (Other), “Domestic abuse "
                                            "(level 2)”");
        QQuickItem* chooser = nullptr;
        QStringList seen;
        std::function<void(QQuickItem*)> walk = [&](QQuickItem* item) {
            if (item->inherits("QQuickComboBox") && item->isVisible()) {
                QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(item);
                const QString said = iface ? iface->text(QAccessible::Name) : QString();
                seen << said;
                if (said == name) {
                    chooser = item;
                }
            }
            const QList<QQuickItem*> children = item->childItems();
            for (QQuickItem* child : children) {
                walk(child);
            }
        };
        walk(page);
        QVERIFY2(chooser, qPrintable(seen.join(QStringLiteral(" | "))));
        // Chosen from the keyboard: the import may then run.
        chooser->forceActiveFocus();
        QTest::keyClick(window, Qt::Key_Down);
        QTRY_VERIFY(!importer->chosen().constFirst().isEmpty());
        QVERIFY(importer->canImport());
        QTest::qWait(300);
        // A picture of it when asked for (ASCWDS_IMPORT_SCREENSHOT=FILE).
        if (const QString shot = qEnvironmentVariable("ASCWDS_IMPORT_SCREENSHOT");
            !shot.isEmpty()) {
            QVERIFY(window->grabWindow().save(shot));
        }
    }

    // ---- ModuleEditor's ASC-WDS fields -----------------------------------------------------

    void moduleEditorSavesTheAscWdsFieldsAndReadsThemBack() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("module.ledger"));
        QVERIFY(QFile::copy(m_council, path));
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        ModuleEditor editor;
        editor.setSession(&session);
        QVERIFY(editor.load(QStringLiteral("DA")));
        // A provider code for in-house training is refused, in words, by the field.
        editor.field(QStringLiteral("asc_wds_who_delivered"))->setText(QStringLiteral("1"));
        editor.field(QStringLiteral("asc_wds_provider"))->setText(QStringLiteral("88"));
        QVERIFY(!editor.save());
        QVERIFY(editor.field(QStringLiteral("asc_wds_provider"))
                    ->error()
                    .contains(QStringLiteral("external provider")));
        editor.field(QStringLiteral("asc_wds_category"))->setText(QStringLiteral("21"));
        editor.field(QStringLiteral("asc_wds_accredited"))->setText(QStringLiteral("999"));
        editor.field(QStringLiteral("asc_wds_who_delivered"))->setText(QStringLiteral("2"));
        editor.field(QStringLiteral("asc_wds_how_delivered"))->setText(QStringLiteral("2"));
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QVERIFY(session.tasks()->waitForFinished());

        ModuleEditor reopened;
        reopened.setSession(&session);
        QVERIFY(reopened.load(QStringLiteral("DA")));
        QCOMPARE(reopened.field(QStringLiteral("asc_wds_category"))->text(), QStringLiteral("21"));
        QCOMPARE(reopened.field(QStringLiteral("asc_wds_accredited"))->text(),
                 QStringLiteral("999"));
        QCOMPARE(reopened.field(QStringLiteral("asc_wds_who_delivered"))->text(),
                 QStringLiteral("2"));
        QCOMPARE(reopened.field(QStringLiteral("asc_wds_provider"))->text(), QStringLiteral("88"));
        QCOMPARE(reopened.field(QStringLiteral("asc_wds_how_delivered"))->text(),
                 QStringLiteral("2"));
        ledger::Module stored;
        for (const ledger::Module& m : session.ledger()->training().records().modules) {
            if (m.code == "DA") {
                stored = m;
            }
        }
        QVERIFY(stored.ascWdsProvider == 88);
        QVERIFY(stored.ascWdsAccredited == 999);
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
};

QTEST_MAIN(TestAscWdsModels)
#include "tst_ascwds_models.moc"
