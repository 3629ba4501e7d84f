// The app through its controllers: open a ledger, see a coverage cell, record, correct and
// void a completion, and watch the cell change; open errors in plain words; the idle lock;
// a second writer opens read-only and notices changes.
#include "catalog/catalogcontroller.h"
#include "catalog/moduleeditor.h"
#include "catalog/nameeditor.h"
#include "catalog/ruleeditor.h"
#include "common/variantlistmodel.h"
#include "coverage/coveragecontroller.h"
#include "imports/importcontroller.h"
#include "session/session.h"
#include "staff/completioneditor.h"
#include "staff/staffeditor.h"
#include "testsupport.h"
#include "themes/themeeditor.h"

#include "ledger.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <stdexcept>

namespace {

using namespace testsupport;

QString cellText(const CoverageMatrixModel* m, int row, int column) {
    const QModelIndex i = m->index(row, column);
    return QStringLiteral("%1 %2/%3/%4/%5")
        .arg(m->data(i, CoverageMatrixModel::PercentRole).toString())
        .arg(m->data(i, CoverageMatrixModel::CompliantRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::DueSoonRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::OverdueRole).toInt())
        .arg(m->data(i, CoverageMatrixModel::NotYetDueRole).toInt());
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editingACompletionChangesTheCoverageCell() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        session.setActor(QStringLiteral("Workforce Lead"));
        CoverageController coverage;
        coverage.setSession(&session);
        const CoverageMatrixModel* matrix = coverage.matrix();
        const int row = matrix->rowOfTeam(QStringLiteral("Carers' Support"));
        const int column = matrix->columnOfModule(QStringLiteral("FIRE"));
        QVERIFY(row >= 0 && column >= 0);
        // shared/examples: Carers' Support,FIRE,4,1,0,3,0,25.0
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("25.0% 1/0/3/0"));

        coverage.selectCell(row, column);
        QCOMPARE(coverage.people()->rowCount(), 4);
        const QVariantMap first = coverage.people()->get(0);
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("overdue"));
        QCOMPARE(first.value(QStringLiteral("statusLabel")).toString(), QStringLiteral("Overdue"));
        const QString who = first.value(QStringLiteral("employeeId")).toString();

        QSignalSpy changed(&session, &Session::dataChanged);
        CompletionEditor editor;
        editor.setSession(&session);
        editor.startNew({{QStringLiteral("employee_id"), who},
                         {QStringLiteral("module"), QStringLiteral("FIRE")},
                         {QStringLiteral("completed_on"), QStringLiteral("20/11/2026")},
                         {QStringLiteral("evidence"), QStringLiteral("Fire brigade session")}});
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("50.0% 2/0/2/0"));
        // The drill-down follows the change.
        QCOMPARE(coverage.selectedRow(), row);
        int compliant = 0;
        for (const QVariantMap& p : coverage.people()->rows()) {
            compliant += p.value(QStringLiteral("status")).toString() == QLatin1String("compliant");
        }
        QCOMPARE(compliant, 2);

        // Correct it to a date long past: it no longer covers today.
        qint64 id = 0;
        for (const auto& c : session.ledger()->training().completionsOf(who.toStdString())) {
            if (c.moduleCode == "FIRE" && c.completedOn == ledger::makeDate(2026, 11, 20)) {
                id = c.id;
            }
        }
        QVERIFY(id != 0);
        QVERIFY(editor.load(QString::number(id)));
        editor.field(QStringLiteral("completed_on"))->setText(QStringLiteral("20/11/2023"));
        QVERIFY(!editor.save()); // a correction needs its reason
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("reason")});
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("50.0% 2/0/2/0"));
        editor.field(QStringLiteral("reason"))->setText(QStringLiteral("typed the wrong year"));
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("25.0% 1/0/3/0"));

        // Void it: kept in the ledger, counts for nothing.
        QVERIFY(editor.load(QString::number(id)));
        QVERIFY(!editor.voidCompletion());
        editor.field(QStringLiteral("reason"))
            ->setText(QStringLiteral("certificate was for someone else"));
        QVERIFY2(editor.voidCompletion(), qPrintable(editor.message()));
        bool kept = false;
        for (const auto& c : session.ledger()->training().completionsOf(who.toStdString())) {
            kept = kept || (c.id == id && c.voided);
        }
        QVERIFY(kept);
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("25.0% 1/0/3/0"));

        // The change log names who did it.
        const auto history = session.ledger()->audit().historyOf(who.toStdString());
        QVERIFY(!history.empty());
        QCOMPARE(QString::fromStdString(history.back().actor), QStringLiteral("Workforce Lead"));
    }

    void aPageBuildsWhenShownAndCatchesUpWithChangesMadeWhileHidden() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        session.setActor(QStringLiteral("Workforce Lead"));
        // As QML makes it: properties set between classBegin and componentComplete.
        CoverageController coverage;
        coverage.classBegin();
        coverage.setSession(&session);
        coverage.setActive(false);
        coverage.componentComplete();
        const CoverageMatrixModel* matrix = coverage.matrix();
        QCOMPARE(matrix->rowCount(), 0); // hidden: nothing built

        coverage.setActive(true);
        const int row = matrix->rowOfTeam(QStringLiteral("Carers' Support"));
        const int column = matrix->columnOfModule(QStringLiteral("FIRE"));
        QVERIFY(row >= 0 && column >= 0);
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("25.0% 1/0/3/0"));
        coverage.selectCell(row, column);
        const QString who =
            coverage.people()->get(0).value(QStringLiteral("employeeId")).toString();

        coverage.setActive(false);
        QSignalSpy reset(matrix, &QAbstractItemModel::modelReset);
        CompletionEditor editor;
        editor.setSession(&session);
        editor.startNew({{QStringLiteral("employee_id"), who},
                         {QStringLiteral("module"), QStringLiteral("FIRE")},
                         {QStringLiteral("completed_on"), QStringLiteral("20/11/2026")}});
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QCOMPARE(reset.count(), 0); // hidden: the change waits
        coverage.setActive(true);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(cellText(matrix, row, column), QStringLiteral("50.0% 2/0/2/0"));
        coverage.setActive(false);
        coverage.setActive(true);
        QCOMPARE(reset.count(), 1); // shown again with nothing new: not built again
    }

    void editorShowsEveryProblemBesideItsFieldAndSavesNothing() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        const auto before = session.data()->staff.size();
        StaffEditor editor;
        editor.setSession(&session);
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00000")},
                         {QStringLiteral("email"), QStringLiteral("not-an-email")},
                         {QStringLiteral("start_date"), QStringLiteral("31/02/2026")},
                         {QStringLiteral("leave_date"), QStringLiteral("01/01/2020")}});
        QVERIFY(!editor.save());
        const QStringList errors = editor.fieldsWithErrors();
        for (const char* field : {"full_name", "email", "team", "role", "start_date"}) {
            QVERIFY2(errors.contains(QLatin1String(field)), field);
        }
        QCOMPARE(editor.field(QStringLiteral("start_date"))->error(),
                 QStringLiteral("Type a real date as DD/MM/YYYY, for example 31/03/2026."));
        QCOMPARE(session.data()->staff.size(), before);
        // Fix everything but the taken employee id: the store's own check speaks up.
        editor.field(QStringLiteral("full_name"))->setText(QStringLiteral("Ada Lovelace"));
        editor.field(QStringLiteral("email"))->setText(QStringLiteral("ada@example.org"));
        editor.field(QStringLiteral("team"))->setText(QStringLiteral("Mental Health"));
        editor.field(QStringLiteral("role"))->setText(QStringLiteral("Social Worker"));
        editor.field(QStringLiteral("start_date"))->setText(QStringLiteral("01/02/2026"));
        editor.field(QStringLiteral("leave_date"))->setText(QString());
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldsWithErrors(), QStringList{QStringLiteral("employee_id")});
        editor.field(QStringLiteral("employee_id"))->setText(QStringLiteral("HW99999"));
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QCOMPARE(session.data()->staff.size(), before + 1);
    }

    void openErrorsAreInPlainWords() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QVERIFY(session.open(path, QStringLiteral("wrong"))
                    .contains(QStringLiteral("passphrase is wrong")));
        QVERIFY(session.open(dir.filePath(QStringLiteral("nope.ledger")), QStringLiteral("x"))
                    .contains(QStringLiteral("no ledger")));
        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        text.open(QIODevice::WriteOnly);
        text.write("some notes\n");
        text.close();
        QVERIFY(session.open(text.fileName(), QStringLiteral("x"))
                    .contains(QStringLiteral("not a Practice Ledger")));
        QVERIFY(!session.unlocked());
        QVERIFY(session.create(path, QStringLiteral("kestrel marmalade orbit"))
                    .contains(QStringLiteral("already exists")));
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        QVERIFY(session.unlocked());
        QVERIFY(session.recentLedgers().contains(QFileInfo(path).absoluteFilePath()));
    }

    void unlockReadsTheLedgerAsATaskAndACancelLeavesItLocked() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QSignalSpy finished(&session, &Session::openFinished);

        // A wrong passphrase: the task fails, the message is kept for the unlock page.
        QCOMPARE(session.unlock(path, QStringLiteral("wrong")), QString());
        QVERIFY(session.opening());
        QVERIFY(session.tasks()->waitForFinished());
        QVERIFY(!session.opening());
        QVERIFY(!session.unlocked());
        QVERIFY(session.openError().contains(QStringLiteral("passphrase is wrong")));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), session.openError());

        // Cancelled while the key is derived: still locked, no message, nothing kept.
        QCOMPARE(session.unlock(path, QLatin1String(kPassphrase)), QString());
        QVERIFY(session.openError().isEmpty());
        session.tasks()->cancel();
        QVERIFY(session.tasks()->waitForFinished());
        QVERIFY(!session.unlocked());
        QVERIFY(session.data() == nullptr);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toString(), QString());

        // The right passphrase: unlocked with the records and the engine read in the task.
        QSignalSpy unlocked(&session, &Session::unlockedChanged);
        QCOMPARE(session.unlock(path, QLatin1String(kPassphrase)), QString());
        QVERIFY(!session.unlocked());
        QVERIFY(session.tasks()->waitForFinished());
        QVERIFY(session.unlocked());
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(finished.count(), 3);
        QCOMPARE(finished.at(2).at(0).toString(), QString());
        QVERIFY(session.data() != nullptr && session.engine() != nullptr);
        QCOMPARE(session.engine()->staffCount(), session.data()->staff.size());
        QVERIFY(session.recentLedgers().contains(QFileInfo(path).absoluteFilePath()));
        QVERIFY(session.ledger() != nullptr);
    }

    void theTaskRunnerRunsOneTaskAtATimeAndHandsItsEndToTheInterfaceThread() {
        TaskRunner tasks;
        QSignalSpy ended(&tasks, &TaskRunner::taskEnded);
        QThread* interface = QThread::currentThread();
        QThread* worker = nullptr;
        QThread* continuation = nullptr;
        QStringList order;
        const quint64 first = tasks.start(
            QStringLiteral("first"), true,
            [&worker](const ledger::Progress& progress) -> std::function<void()> {
                worker = QThread::currentThread();
                (void)progress.report(0.5);
                return {};
            },
            [&](TaskOutcome outcome, const QString&) {
                continuation = QThread::currentThread();
                order << QStringLiteral("first %1").arg(static_cast<int>(outcome));
                // A task started by the end of another is waited for too.
                tasks.start(
                    QStringLiteral("second"), false,
                    [](const ledger::Progress&) -> std::function<void()> {
                        throw std::runtime_error("disk on fire");
                    },
                    [&](TaskOutcome o, const QString& message) {
                        order
                            << QStringLiteral("second %1 %2").arg(static_cast<int>(o)).arg(message);
                    });
            });
        QVERIFY(first != 0);
        QVERIFY(tasks.running());
        QCOMPARE(tasks.title(), QStringLiteral("first"));
        QCOMPARE(tasks.start(QStringLiteral("refused"), true, {}), quint64{0});
        QVERIFY(tasks.waitForFinished());
        QVERIFY(!tasks.running());
        QVERIFY(worker != nullptr && worker != interface);
        QCOMPARE(continuation, interface);
        QCOMPARE(order,
                 (QStringList{QStringLiteral("first 0"),
                              QStringLiteral("second 1 Something went wrong: disk on fire")}));
        QCOMPARE(ended.count(), 2);

        // Cancel is heard by the job's next report, and it ends as cancelled.
        tasks.start(QStringLiteral("long"), true,
                    [](const ledger::Progress& progress) -> std::function<void()> {
                        for (int i = 0; i < 100000; ++i) {
                            TaskRunner::throwIfCancelled(progress, i / 100000.0);
                            QThread::usleep(100);
                        }
                        return {};
                    });
        tasks.cancel();
        QVERIFY(tasks.cancelling());
        QVERIFY(tasks.waitForFinished(10000));
        QCOMPARE(ended.count(), 3);
        QCOMPARE(ended.at(2).at(1).value<TaskOutcome>(), TaskOutcome::Cancelled);
    }

    void locksItselfWhenIdle() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        QCOMPARE(session.idleLockMinutes(), 15);
        QCOMPARE(session.saveSettings(QStringLiteral("Small Council"), QStringLiteral("J101"), 0),
                 QString());
        QCOMPARE(session.organisationName(), QStringLiteral("Small Council"));
        QCOMPARE(session.setting(QStringLiteral("asc_wds_localestid")), QStringLiteral("J101"));
        QSignalSpy locked(&session, &Session::idleLocked);
        session.lock();
        QVERIFY(!session.unlocked());
        QCOMPARE(locked.count(), 0);
        QVERIFY(session.data() == nullptr);

        // Idle: no activity for the idle time locks the ledger and forgets its data.
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        session.setIdleLockInterval(std::chrono::milliseconds(50));
        QTRY_COMPARE(locked.count(), 1);
        QVERIFY(!session.unlocked());
        QVERIFY(session.data() == nullptr);
    }

    void aSaveOverSomeoneElsesChangeKeepsTheInputAndSaysWhoAndWhen() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session session(kToday);
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        session.setActor(QStringLiteral("Jo Manager"));
        // Two forms on one person (two windows, say): the first saves.
        StaffEditor first;
        StaffEditor second;
        first.setSession(&session);
        second.setSession(&session);
        QVERIFY(first.load(QStringLiteral("HW00001")));
        QVERIFY(second.load(QStringLiteral("HW00001")));
        first.field(QStringLiteral("email"))->setText(QStringLiteral("jl.nowak@example.org"));
        QVERIFY2(first.save(), qPrintable(first.message()));

        second.field(QStringLiteral("full_name"))->setText(QStringLiteral("J-L Nowak"));
        QVERIFY(!second.save());
        QVERIFY(second.stale());
        QVERIFY2(second.message().startsWith(QStringLiteral("Jo Manager saved this record at ")),
                 qPrintable(second.message()));
        QVERIFY(second.message().contains(QRegularExpression(
            QStringLiteral("at \\d\\d:\\d\\d on \\d\\d/\\d\\d/\\d{4}, after you opened it"))));
        QCOMPARE(second.field(QStringLiteral("full_name"))->text(), QStringLiteral("J-L Nowak"));
        QVERIFY(session.tasks()->waitForFinished());
        const auto stored = session.ledger()->staff().find("HW00001").value();
        QCOMPARE(QString::fromStdString(stored.fullName), QStringLiteral("Jean-Luc Nowak"));
        QCOMPARE(QString::fromStdString(stored.email), QStringLiteral("jl.nowak@example.org"));

        // Their version, then the change again: saved.
        QVERIFY(second.showStored());
        QCOMPARE(second.message(), QString());
        QCOMPARE(second.field(QStringLiteral("email"))->text(),
                 QStringLiteral("jl.nowak@example.org"));
        second.field(QStringLiteral("full_name"))->setText(QStringLiteral("J-L Nowak"));
        QVERIFY2(second.save(), qPrintable(second.message()));
    }

    void aSecondWriterOpensReadOnlyAndNoticesChanges() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        Session writer(kToday);
        Session reader(kToday);
        QCOMPARE(writer.open(path, QStringLiteral("small council")), QString());
        QCOMPARE(reader.open(path, QStringLiteral("small council")), QString());
        QVERIFY(!writer.readOnly());
        QVERIFY(reader.readOnly());
        QVERIFY(!reader.notice().isEmpty());
        QCOMPARE(reader.saveSettings(QStringLiteral("x"), QString(), 15).isEmpty(), false);

        const auto teamsBefore = reader.data()->staff.size();
        StaffEditor editor;
        editor.setSession(&writer);
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("NEW1")},
                         {QStringLiteral("full_name"), QStringLiteral("New Starter")},
                         {QStringLiteral("team"), QStringLiteral("Mental Health")},
                         {QStringLiteral("role"), QStringLiteral("Social Worker")},
                         {QStringLiteral("start_date"), QStringLiteral("24/11/2026")}});
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QSignalSpy reloaded(&reader, &Session::dataChanged);
        reader.checkForExternalChanges(); // read again as a task
        QVERIFY(reader.tasks()->waitForFinished());
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(reader.data()->staff.size(), teamsBefore + 1);
        QVERIFY(reader.notice().contains(QStringLiteral("changed")));
    }

    void lockingDuringAnImportWaitsForItToEnd() {
        QTemporaryDir dir;
        const QString path = makeCouncil(dir);
        QString csv = QStringLiteral("employee_id,module,completed_on,expires_on,evidence\n");
        for (int day = 1; day <= 28; ++day) {
            for (int month = 1; month <= 12; ++month) {
                csv += QStringLiteral("HW00001,FIRE,2019-%1-%2,,bulk\n")
                           .arg(month, 2, 10, QLatin1Char('0'))
                           .arg(day, 2, 10, QLatin1Char('0'));
            }
        }
        const QString file = dir.filePath(QStringLiteral("bulk.csv"));
        writeFile(file, csv);
        Session session(kToday);
        QCOMPARE(session.open(path, QStringLiteral("small council")), QString());
        ImportController import;
        import.setSession(&session);
        import.setKind(QStringLiteral("completions"));
        import.setFileUrl(QUrl::fromLocalFile(file));
        import.check();
        QVERIFY(import.waitForFinished());
        QCOMPARE(import.state(), QStringLiteral("checked"));
        import.runImport();
        session.lock(); // asked for while the worker writes through the ledger
        QVERIFY(session.unlocked());
        QVERIFY(!session.open(path, QStringLiteral("small council")).isEmpty());
        QVERIFY(import.waitForFinished());
        QCOMPARE(import.state(), QStringLiteral("imported"));
        QVERIFY(!session.unlocked()); // locked as soon as the import ended
    }

    void theDemoOpens() {
        Session session(kToday);
        QCOMPARE(session.openDemo(), QString());
        QVERIFY(session.isDemo());
        QVERIFY(session.data()->staff.size() >= 350);
        QVERIFY(session.data()->modules.size() >= 15);
        QCOMPARE(session.organisationName(), QStringLiteral("Demo Borough Council"));
        QCOMPARE(session.setting(QStringLiteral("asc_wds_localestid")),
                 QStringLiteral("DBC-ADULT-SOCIAL-CARE"));
        const QString path = session.ledgerPath();
        QVERIFY(QFile::exists(path));
        session.lock();
        QVERIFY(!QFile::exists(path)); // nothing of the demo is left behind
    }

    void createRefusesAWeakPassphraseInTheHintsWords() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.ledger"));
        Session session(kToday);
        const QString guessable =
            QStringLiteral("too easy to guess: about 24 bits, and a passphrase needs at least 33 "
                           "(about 10^10 guesses); it has common words or names; add another "
                           "unusual word or two.");
        QCOMPARE(session.create(path, QStringLiteral("small council")),
                 QStringLiteral("The passphrase is ") + guessable);
        QCOMPARE(session.create(path, QStringLiteral("Zoë ünïcödé")),
                 QStringLiteral("The passphrase is too short: 11 characters, and a passphrase "
                                "needs at least 12; three or four unrelated words make a good "
                                "one."));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!session.unlocked());
        // The hint gives the same estimate in the same words, as the person types.
        QCOMPARE(session.passphraseStrength(QString()), QString());
        QCOMPARE(session.passphraseStrength(QStringLiteral("small council")),
                 QLatin1Char('T') + guessable.mid(1));
        QCOMPARE(session.passphraseStrength(QStringLiteral("kestrel marmalade orbit")),
                 QStringLiteral("Strong enough: about 55 bits, at least 33 needed."));
        QCOMPARE(session.create(path, QStringLiteral("kestrel marmalade orbit")), QString());
        QVERIFY(session.unlocked());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
