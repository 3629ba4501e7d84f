// The staff directory and the person page over real ledgers: searches (the small council and
// a generated twenty thousand), and a person's details, modules, completions and history
// checked against the small council's golden files.
#include "common/variantlistmodel.h"
#include "session/session.h"
#include "staff/completioneditor.h"
#include "staff/directorymodel.h"
#include "staff/personcontroller.h"

#include "demo/generator.h"
#include "ledger.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "modelsupport.h"
#include "testsupport.h"

namespace {

using namespace testsupport;

/// A ledger holding a generated council of `staff` people.
QString makeGenerated(const QTemporaryDir& dir, int staff, int completionsPerStaff) {
    const QString path = dir.filePath(QStringLiteral("county.ledger"));
    ledger::GeneratorOptions options;
    options.seed = 11;
    options.staff = staff;
    options.completionsPerStaff = completionsPerStaff;
    options.today = ledger::makeDate(2026, 11, 25);
    ledger::Ledger l = ledger::Ledger::create(path.toStdString(), kPassphrase, "test");
    l.imports().records(ledger::generateCouncil(options), options.today, "test");
    return path;
}

/// Who matches a directory search, worked out the plain way: every word of the search in the
/// name or employee id, ignoring case; leavers only when asked.
int expectedMatches(const ledger::LedgerData& data, const QString& search, bool leavers) {
    const auto today = ledger::makeDate(2026, 11, 25);
    const QStringList words = search.split(u' ', Qt::SkipEmptyParts);
    int n = 0;
    for (const ledger::Staff& s : data.staff) {
        const bool active = s.startDate <= today && (!s.leaveDate || today <= *s.leaveDate);
        const QString hay =
            QString::fromStdString(s.fullName) + u' ' + QString::fromStdString(s.employeeId);
        const bool match = std::all_of(words.begin(), words.end(), [&](const QString& w) {
            return hay.contains(w, Qt::CaseInsensitive);
        });
        n += match && (active || leavers) ? 1 : 0;
    }
    return n;
}

QStringList column(const QAbstractItemModel* model, int role) {
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r) {
        out << model->data(model->index(r, 0), role).toString();
    }
    return out;
}

} // namespace

class TestStaffModels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_council = makeCouncil(m_dir);
    }

    // ---- StaffDirectoryModel ----------------------------------------------------------------

    void directorySearchesNamesAndIdsIgnoringCaseAndHidesLeavers() {
        Session session(kToday);
        QCOMPARE(session.open(m_council, QLatin1String(kPassphrase)), QString());
        StaffDirectoryModel directory;
        const auto tester = watch(&directory);
        QSignalSpy reset(&directory, &QAbstractItemModel::modelReset);
        QSignalSpy counted(&directory, &StaffDirectoryModel::countChanged);
        directory.setSession(&session);

        // 60 people; 5 have left (HW00025, HW00030, HW00035, HW00050, HW00052).
        QCOMPARE(directory.total(), 60);
        QCOMPARE(directory.rowCount(), 55);
        QVERIFY(!column(&directory, StaffDirectoryModel::EmployeeIdRole)
                     .contains(QStringLiteral("HW00035")));
        // Sorted by name for people.
        const QStringList names = column(&directory, StaffDirectoryModel::FullNameRole);
        for (qsizetype i = 1; i < names.size(); ++i) {
            QVERIFY2(QString::localeAwareCompare(names.at(i - 1), names.at(i)) <= 0,
                     qPrintable(names.at(i - 1) + QStringLiteral(" before ") + names.at(i)));
        }

        // One reset per search, however many rows come and go.
        QStringList resetProblems;
        const auto search = [&](const QString& text) {
            const auto resets = reset.count();
            directory.setSearch(text);
            if (reset.count() != resets + 1) {
                resetProblems
                    << QStringLiteral("\"%1\": %2 resets").arg(text).arg(reset.count() - resets);
            }
            return column(&directory, StaffDirectoryModel::EmployeeIdRole);
        };

        // Part of a name, any case, accents kept.
        const QStringList siobhan{
            QStringLiteral("HW00003"), QStringLiteral("HW00019"), QStringLiteral("HW00023"),
            QStringLiteral("HW00032"), QStringLiteral("HW00033"), QStringLiteral("HW00043"),
            QStringLiteral("HW00046"), QStringLiteral("HW00051"), QStringLiteral("HW00055")};
        QStringList found = search(QStringLiteral("siobh"));
        found.sort();
        QCOMPARE(found, siobhan);
        found = search(QStringLiteral("SIOBHÁN"));
        found.sort();
        QCOMPARE(found, siobhan);
        QCOMPARE(directory.search(), QStringLiteral("SIOBHÁN"));
        // Every word must match, in any order.
        found = search(QStringLiteral("okafor siob"));
        found.sort();
        QCOMPARE(found, (QStringList{QStringLiteral("HW00019"), QStringLiteral("HW00032"),
                                     QStringLiteral("HW00043"), QStringLiteral("HW00046")}));
        QCOMPARE(search(QStringLiteral("李")).size(), 5);

        // Employee ids, in part or whole, any case.
        found = search(QStringLiteral("hw0001"));
        found.sort();
        QCOMPARE(found.size(), 10);
        QCOMPARE(found.first(), QStringLiteral("HW00010"));
        QCOMPARE(found.last(), QStringLiteral("HW00019"));
        QCOMPARE(search(QStringLiteral("HW00042")), QStringList{QStringLiteral("HW00042")});
        QCOMPARE(
            directory.data(directory.index(0, 0), StaffDirectoryModel::FullNameRole).toString(),
            QStringLiteral("Priya Smith, Jr"));
        QCOMPARE(directory.data(directory.index(0, 0), StaffDirectoryModel::TeamRole).toString(),
                 QStringLiteral("Transitions"));
        QCOMPARE(directory.data(directory.index(0, 0), Qt::DisplayRole).toString(),
                 QStringLiteral("Priya Smith, Jr"));
        QCOMPARE(directory.employeeIdAt(0), QStringLiteral("HW00042"));
        QCOMPARE(directory.employeeIdAt(1), QString());

        // A leaver is found only with includeLeavers.
        QCOMPARE(search(QStringLiteral("hw00025")), QStringList());
        QSignalSpy leaversChanged(&directory, &StaffDirectoryModel::includeLeaversChanged);
        directory.setIncludeLeavers(true);
        QCOMPARE(leaversChanged.count(), 1);
        QCOMPARE(column(&directory, StaffDirectoryModel::EmployeeIdRole),
                 QStringList{QStringLiteral("HW00025")});
        const QModelIndex leaver = directory.index(0, 0);
        QCOMPARE(directory.data(leaver, StaffDirectoryModel::ActiveRole).toBool(), false);
        QCOMPARE(directory.data(leaver, StaffDirectoryModel::StatusSummaryRole).toString(),
                 QStringLiteral("Left or not started"));
        found = search(QStringLiteral("siobhán"));
        QCOMPARE(found.size(), siobhan.size() + 1);
        QVERIFY(found.contains(QStringLiteral("HW00025")));
        QVERIFY2(resetProblems.isEmpty(), qPrintable(resetProblems.join(u'\n')));
        directory.setSearch(QString());
        QCOMPARE(directory.rowCount(), 60);
        directory.setIncludeLeavers(false);
        QCOMPARE(directory.rowCount(), 55);
        QVERIFY(counted.count() > 0);

        // A reload keeps the search.
        directory.setSearch(QStringLiteral("hw0001"));
        const auto resets = reset.count();
        session.reload();
        QCOMPARE(reset.count(), resets + 1);
        QCOMPARE(directory.rowCount(), 10);

        // Status summaries in words, matching the person's overdue count.
        directory.setSearch(QStringLiteral("HW00010"));
        const QModelIndex one = directory.index(0, 0);
        const int overdue = directory.data(one, StaffDirectoryModel::OverdueRole).toInt();
        int expectedOverdue = 0;
        for (const QStringList& line :
             readCsv(dataFile(QStringLiteral("expected-staff-2026-11-25.csv")))) {
            expectedOverdue +=
                line.at(0) == QLatin1String("HW00010") && line.at(3) == QLatin1String("overdue")
                    ? 1
                    : 0;
        }
        QVERIFY(expectedOverdue > 0);
        QCOMPARE(overdue, expectedOverdue);
        QVERIFY(directory.data(one, StaffDirectoryModel::StatusSummaryRole)
                    .toString()
                    .startsWith(QStringLiteral("%1 overdue").arg(overdue)));

        // No session, no people.
        directory.setSession(nullptr);
        QCOMPARE(directory.rowCount(), 0);
        QCOMPARE(directory.total(), 0);
    }

    void directoryOfTwentyThousandFiltersWithOneResetPerSearch() {
        QTemporaryDir dir;
        const QString path = makeGenerated(dir, 20000, 5);
        Session session(kToday);
        QCOMPARE(session.open(path, QLatin1String(kPassphrase)), QString());
        const ledger::LedgerData& data = *session.data();
        QCOMPARE(data.staff.size(), std::size_t{20000});

        StaffDirectoryModel directory;
        directory.setSession(&session);
        const auto tester = watch(&directory);
        QSignalSpy reset(&directory, &QAbstractItemModel::modelReset);
        QCOMPARE(directory.total(), 20000);
        QCOMPARE(directory.rowCount(), expectedMatches(data, QString(), false));
        QVERIFY(directory.rowCount() < 20000); // the generator makes leavers

        // Typing a surname letter by letter: one reset per keystroke.
        const QString surname = QString::fromStdString(data.staff[123].fullName).section(u' ', -1);
        QVERIFY(surname.size() >= 3);
        for (qsizetype n = 1; n <= surname.size(); ++n) {
            const QString typed = surname.left(n).toLower();
            const auto resets = reset.count();
            directory.setSearch(typed);
            QCOMPARE(reset.count(), resets + 1);
            QCOMPARE(directory.rowCount(), expectedMatches(data, typed, false));
        }
        QVERIFY(directory.rowCount() > 0);

        // One person by employee id, upper or lower case.
        const QString id = QString::fromStdString(data.staff[4567].employeeId);
        auto resets = reset.count();
        directory.setSearch(id.toLower());
        QCOMPARE(reset.count(), resets + 1);
        directory.setIncludeLeavers(true);
        QCOMPARE(directory.rowCount(), 1);
        QCOMPARE(directory.employeeIdAt(0), id);

        // Two words, with leavers.
        const QString first = QString::fromStdString(data.staff[42].fullName).section(u' ', 0, 0);
        const QString both = first.toUpper() + u' ' + surname;
        resets = reset.count();
        directory.setSearch(both);
        QCOMPARE(reset.count(), resets + 1);
        QCOMPARE(directory.rowCount(), expectedMatches(data, both, true));
        QVERIFY(directory.rowCount() >= 1);

        // Nothing matches.
        directory.setSearch(QStringLiteral("zzqx"));
        QCOMPARE(directory.rowCount(), 0);
        directory.setSearch(QString());
        QCOMPARE(directory.rowCount(), 20000);
    }

    // ---- PersonController ------------------------------------------------------------------

    void personPageShowsDetailsModulesCompletionsAndHistory() {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(m_council, dir.filePath(QStringLiteral("person.ledger"))));
        Session session(kToday);
        QCOMPARE(
            session.open(dir.filePath(QStringLiteral("person.ledger")), QLatin1String(kPassphrase)),
            QString());
        session.setActor(QStringLiteral("Workforce Lead"));
        PersonController person;
        const auto modulesTester = watch(person.modules());
        const auto completionsTester = watch(person.completions());
        const auto historyTester = watch(person.history());
        QSignalSpy changed(&person, &PersonController::changed);
        person.setSession(&session);
        QVERIFY(!person.found());

        person.setEmployeeId(QStringLiteral("HW00010"));
        QVERIFY(person.found());
        QVERIFY(changed.count() >= 1);
        const QVariantMap details = person.details();
        QCOMPARE(details.value(QStringLiteral("employeeId")).toString(), QStringLiteral("HW00010"));
        QCOMPARE(details.value(QStringLiteral("fullName")).toString(),
                 QStringLiteral("Jean-Luc Patel"));
        QCOMPARE(details.value(QStringLiteral("email")).toString(),
                 QStringLiteral("hw00010@example.org"));
        QCOMPARE(details.value(QStringLiteral("team")).toString(),
                 QStringLiteral("Carers' Support"));
        QCOMPARE(details.value(QStringLiteral("role")).toString(),
                 QStringLiteral("Occupational Therapist"));
        QCOMPARE(details.value(QStringLiteral("startDate")).toString(),
                 QStringLiteral("07/09/2016"));
        QCOMPARE(details.value(QStringLiteral("leaveDate")).toString(), QString());
        QCOMPARE(details.value(QStringLiteral("active")).toBool(), true);

        // Required modules and their statuses, as in expected-staff-2026-11-25.csv.
        const QString golden = dataFile(QStringLiteral("expected-staff-2026-11-25.csv"));
        QString diff = statusDiff(person.modules(),
                                  expectedStatuses(golden, QStringLiteral("HW00010"), {}, {}));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const auto labels = values(person.modules(), "statusLabel");
        for (const QString& label : labels) {
            QVERIFY2((QStringList{QStringLiteral("Compliant"), QStringLiteral("Due soon"),
                                  QStringLiteral("Overdue"), QStringLiteral("Not yet due")})
                         .contains(label),
                     qPrintable(label));
        }
        const int overdue = static_cast<int>(labels.count(QStringLiteral("Overdue")));
        const int dueSoon = static_cast<int>(labels.count(QStringLiteral("Due soon")));
        QCOMPARE(person.statusSummary(), QStringLiteral("%1 overdue, %2 due soon, of %3 required")
                                             .arg(overdue)
                                             .arg(dueSoon)
                                             .arg(labels.size()));

        // Completions: every record of completions.csv for this person, dates DD/MM/YYYY.
        QStringList expectedDone;
        for (const QStringList& line : readCsv(dataFile(QStringLiteral("completions.csv")))) {
            if (line.at(0) == QLatin1String("HW00010")) {
                expectedDone << line.at(1) + u' ' + ukFromIso(line.at(2));
            }
        }
        QStringList done;
        for (const QVariantMap& c : person.completions()->rows()) {
            done << c.value(QStringLiteral("module")).toString() + u' ' +
                        c.value(QStringLiteral("completedOn")).toString();
            QVERIFY(isUkDateOrEmpty(c.value(QStringLiteral("expiresOn")).toString()));
            QCOMPARE(c.value(QStringLiteral("voided")).toBool(), false);
        }
        QVERIFY(!expectedDone.isEmpty());
        expectedDone.removeDuplicates(); // the file repeats one line; it is one completion
        expectedDone.sort();
        done.sort();
        QCOMPARE(done, expectedDone);
        const int historyBefore = person.history()->rowCount();

        // An edit shows at once: a new completion, a compliant module, a line of history.
        CompletionEditor editor;
        editor.setSession(&session);
        editor.startNew({{QStringLiteral("employee_id"), QStringLiteral("HW00010")},
                         {QStringLiteral("module"), QStringLiteral("FIRE")},
                         {QStringLiteral("completed_on"), QStringLiteral("20/11/2026")},
                         {QStringLiteral("evidence"), QStringLiteral("Fire brigade session")}});
        const auto changes = changed.count();
        QVERIFY2(editor.save(), qPrintable(editor.message()));
        QVERIFY(changed.count() > changes);
        QCOMPARE(person.completions()->rowCount(), static_cast<int>(expectedDone.size()) + 1);
        const QVariantMap added = person.completions()->get(0); // newest first
        QCOMPARE(added.value(QStringLiteral("module")).toString(), QStringLiteral("FIRE"));
        QCOMPARE(added.value(QStringLiteral("moduleTitle")).toString(),
                 QStringLiteral("Fire safety"));
        QCOMPARE(added.value(QStringLiteral("completedOn")).toString(),
                 QStringLiteral("20/11/2026"));
        QCOMPARE(added.value(QStringLiteral("evidence")).toString(),
                 QStringLiteral("Fire brigade session"));
        QCOMPARE(find(person.modules(), "module", QStringLiteral("FIRE"))
                     .value(QStringLiteral("statusLabel"))
                     .toString(),
                 QStringLiteral("Compliant"));
        QCOMPARE(person.history()->rowCount(), historyBefore + 1);
        const QVariantMap latest = person.history()->get(0); // newest first
        QCOMPARE(latest.value(QStringLiteral("actor")).toString(),
                 QStringLiteral("Workforce Lead"));
        QCOMPARE(latest.value(QStringLiteral("change")).toString(), QStringLiteral("add"));
        QVERIFY2(latest.value(QStringLiteral("what")).toString().contains(QStringLiteral("FIRE")),
                 qPrintable(latest.value(QStringLiteral("what")).toString()));
        QVERIFY2(latest.value(QStringLiteral("newValues"))
                     .toString()
                     .contains(QStringLiteral("Fire brigade session")),
                 qPrintable(latest.value(QStringLiteral("newValues")).toString()));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$"))
                    .match(latest.value(QStringLiteral("at")).toString())
                    .hasMatch());

        // A leaver's page says when they left.
        person.setEmployeeId(QStringLiteral("HW00035"));
        QCOMPARE(person.details().value(QStringLiteral("leaveDate")).toString(),
                 QStringLiteral("29/07/2026"));
        QCOMPARE(person.details().value(QStringLiteral("active")).toBool(), false);

        // Nobody by that id: empty page.
        person.setEmployeeId(QStringLiteral("NOBODY"));
        QVERIFY(!person.found());
        QCOMPARE(person.modules()->rowCount(), 0);
        QCOMPARE(person.completions()->rowCount(), 0);
        QCOMPARE(person.history()->rowCount(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_council;
};

QTEST_MAIN(TestStaffModels)
#include "tst_staff_models.moc"
