import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// A workforce lead's two report pages, from the keyboard and mouse, over the small council
// (`council`, today 25/11/2026): the coverage trend (24 month ends to October 2026, core's
// figures in the table beside the chart, one team chosen, saved as CSV), and who is overdue or
// falls due (the window chosen by keyboard, grouped by team, statuses in words, saved).
Item {
    id: root
    width: 1280
    height: 800

    property string currentPage: "trend"
    function openPerson(employeeId) {}

    TrendPage {
        id: trendPage
        anchors.fill: parent
        session: council
        app: root
    }
    ExpiringPage {
        id: expiringPage
        anchors.fill: parent
        session: council
        app: root
        visible: false
    }

    /// The first object under `item` (children, and the popups and other objects it holds)
    /// for which `test` holds.
    function findObject(item, test) {
        if (!item)
            return null;
        if (test(item))
            return item;
        const parts = [];
        if (item.data)
            for (let i = 0; i < item.data.length; ++i)
                parts.push(item.data[i]);
        if (item.contentItem && item.contentItem !== item)
            parts.push(item.contentItem);
        for (const part of parts) {
            const found = root.findObject(part, test);
            if (found)
                return found;
        }
        return null;
    }
    /// Every object under `item` for which `test` holds.
    function findAll(item, test, into) {
        if (!item)
            return into;
        if (test(item))
            into.push(item);
        if (item.data)
            for (let i = 0; i < item.data.length; ++i)
                root.findAll(item.data[i], test, into);
        if (item.contentItem && item.contentItem !== item)
            root.findAll(item.contentItem, test, into);
        return into;
    }
    /// The button (or radio button, switch) named `name` for assistive technology.
    function named(item, name) {
        return root.findObject(item, o => o.checkable !== undefined && o.down !== undefined && o.Accessible.name === name);
    }
    /// Types `text` into the item with the focus, a key at a time.
    function typeText(text) {
        for (const c of text)
            test.keyClick(c);
    }
    /// The control (a combo box, a text field) named `name`.
    function control(item, name) {
        return root.findObject(item, o => o.activeFocusOnTab !== undefined && o.Accessible.name === name);
    }

    TestCase {
        id: test
        name: "ReportsWalk"
        when: windowShown

        function test_1_theTrendShowsCoresFiguresAndSaves() {
            const trend = trendPage.controller;
            tryVerify(() => trend.state === "ready" && !council.tasks.running, 20000, "the trend did not finish");
            compare(trend.fromText, "11/2024");
            compare(trend.toText, "10/2026");
            compare(trend.rows.count, 24);
            compare(trend.columns[0], "Month end");
            compare(trend.rows.get(23).cells[0], "31/10/2026");
            // The chart draws core's 24 points on core's axis.
            const chart = root.findObject(trendPage, o => o.redraw !== undefined && o.plotArea !== undefined);
            verify(chart, "no chart");
            const line = chart.series(0);
            verify(line.count > 0 && line.count <= 24);
            const yAxis = chart.axisY(line);
            compare(yAxis.min, trend.yMin);
            compare(yAxis.max, trend.yMax);
            // The figures are beside it: a row for each month end, read as words.
            const table = root.findObject(trendPage, o => o.activeFocusOnTab !== undefined && o.Accessible.name === "Coverage at each month end, in figures");
            verify(table, "no table");
            compare(table.count, 24);

            // One team, chosen with the keyboard.
            const teamBox = root.control(trendPage, "Team: All teams");
            verify(teamBox, "no team chooser");
            teamBox.forceActiveFocus();
            keyClick(Qt.Key_Down);
            tryVerify(() => trend.team !== "");
            tryVerify(() => trend.state === "ready" && !council.tasks.running, 20000);
            verify(trend.subtitle.startsWith("Team " + trend.team + ", every module"), trend.subtitle);
            compare(teamBox.Accessible.name, "Team: " + trend.team);

            // A range typed as months; a wrong one says why and changes nothing.
            const fromField = root.control(trendPage, "First month (MM/YYYY)");
            const toField = root.control(trendPage, "Last month (MM/YYYY)");
            verify(fromField && toField);
            fromField.forceActiveFocus();
            fromField.selectAll();
            root.typeText("07/2026");
            keyClick(Qt.Key_Tab);
            tryVerify(() => trend.state === "ready" && !council.tasks.running, 20000);
            compare(trend.rows.count, 4);
            fromField.forceActiveFocus();
            fromField.selectAll();
            root.typeText("12/2026");
            keyClick(Qt.Key_Tab);
            verify(root.findObject(trendPage, o => o.activeFocusOnTab !== undefined && o.Accessible.role === Accessible.AlertMessage && o.text.indexOf("after") >= 0), "no range error");
            compare(trend.rows.count, 4);
            mouseClick(root.named(trendPage, "Show the 24 months up to the last complete month"));
            tryVerify(() => trend.state === "ready" && !council.tasks.running && trend.rows.count === 24, 20000);

            // Save as CSV… asks where; the file is then written whole.
            const csvButton = root.named(trendPage, "Save as CSV…");
            verify(csvButton, "no Save as CSV button");
            verify(root.named(trendPage, "Save as Excel…"), "no Save as Excel button");
            verify(root.named(trendPage, "Save as PDF…"), "no Save as PDF button");
            const dialog = root.findObject(trendPage, o => o.chosen !== undefined && o.ask !== undefined);
            verify(dialog, "no save dialog");
            // Quick Test puts this file's items in its window after they were made, so their
            // dialogs found no window of their own (the app's pages are in it from the start).
            dialog.parentWindow = root.Window.window;
            mouseClick(csvButton);
            tryCompare(dialog, "visible", true);
            compare(dialog.format, "csv");
            verify(dialog.selectedFile.toString().endsWith("coverage-trend-2024-11-to-2026-10.csv"), dialog.selectedFile);
            dialog.reject();
            dialog.chosen("csv", testOutputUrl + "/trend.csv", "");
            tryVerify(() => !council.tasks.running, 20000);
            verify(trend.saveMessage.startsWith("Saved trend.csv"), trend.saveMessage);
        }

        function test_2_overdueAndDueSoonByKeyboard() {
            trendPage.visible = false;
            expiringPage.visible = true;
            const expiring = expiringPage.controller;
            tryVerify(() => expiring.state === "ready" && !council.tasks.running, 20000, "the list did not finish");
            compare(expiring.asOfText, "25/11/2026");
            compare(expiring.within, 90);
            verify(expiring.items.count > 1);
            // The small council has no line managers: one group, no reminder list to save.
            compare(expiring.items.get(0).title, "No line manager");
            compare(root.findAll(expiringPage, o => o.checkable !== undefined && o.down !== undefined && o.Accessible.name.startsWith("Save reminder list"), []).filter(b => b.visible).length, 0);

            // 30 days, chosen with the keyboard.
            const thirty = root.named(expiringPage, "Due within 30 days");
            verify(thirty, "no 30 days choice");
            thirty.forceActiveFocus();
            keyClick(Qt.Key_Space);
            tryVerify(() => expiring.within === 30);
            tryVerify(() => expiring.state === "ready" && !council.tasks.running, 20000);
            verify(expiring.summary.indexOf("due within 30 days, as of 25/11/2026") >= 0, expiring.summary);

            // By team: each group a team, its people's statuses in words.
            const grouping = root.named(expiringPage, "Group by line manager (off: by team)");
            verify(grouping, "no grouping switch");
            grouping.forceActiveFocus();
            keyClick(Qt.Key_Space);
            tryVerify(() => !expiring.byManager);
            tryVerify(() => expiring.state === "ready" && !council.tasks.running, 20000);
            compare(expiring.items.get(0).kind, "group");
            verify(expiring.items.get(0).title !== "No line manager");
            const badges = root.findAll(expiringPage, o => o.status !== undefined && o.label !== undefined && o.visible && o.text !== undefined && o.label !== "", []);
            verify(badges.length > 0, "no status shown");
            for (const badge of badges)
                verify(["Overdue", "Due soon", "Compliant", "Not yet due"].includes(badge.text), badge.text);

            // Save all as Excel.
            const dialog = root.findObject(expiringPage, o => o.chosen !== undefined && o.ask !== undefined);
            dialog.parentWindow = root.Window.window; // as for the trend's
            mouseClick(root.named(expiringPage, "Save as Excel…"));
            tryCompare(dialog, "visible", true);
            compare(dialog.format, "xlsx");
            dialog.reject();
            dialog.chosen("xlsx", testOutputUrl + "/expiring.xlsx", "");
            tryVerify(() => !council.tasks.running, 20000);
            verify(expiring.saveMessage.startsWith("Saved expiring.xlsx"), expiring.saveMessage);
        }
    }
}
