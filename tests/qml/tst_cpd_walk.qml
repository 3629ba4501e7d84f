import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// A social worker's CPD, from the app alone (issue 10): My learning shows this registration
// year's Social Work England check not met; they log two entries with the keyboard only (the
// form filled and saved with key events: Tab between fields, arrow keys in the lists, Space
// on a standard, Enter to save), the second with a peer reflection, and the check turns met.
// `cpdCouncil` is a session on the learning-record examples' staff, used by HW00004 (a social
// worker registered with Social Work England, no CPD yet), today 25/11/2026.
Item {
    id: root
    width: 1280
    height: 800

    property string currentPage: "mine"
    function openEditor(kind, key, preset) {
        recordDialog.edit(kind, key, preset);
    }
    function openSession(key) {}
    function chooseWhoYouAre() {}

    PersonPage {
        id: minePage
        anchors.fill: parent
        mine: true
        session: cpdCouncil
        app: root
        employeeId: cpdCouncil.myEmployeeId
    }
    RecordDialog {
        id: recordDialog
        session: cpdCouncil
        anchors.centerIn: parent
    }

    function findItem(item, test) {
        if (test(item))
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = root.findItem(item.children[i], test);
            if (found)
                return found;
        }
        return null;
    }

    TestCase {
        name: "CpdWalk"
        when: windowShown

        function typeText(text) {
            for (const c of text) {
                if (c === " ")
                    keyClick(Qt.Key_Space);
                else
                    keyClick(c);
            }
        }
        function tab(times) {
            for (let i = 0; i < (times ?? 1); ++i)
                keyClick(Qt.Key_Tab);
        }
        /// Fills the open form from its first field (the date) with key events only, and saves
        /// it with Enter.
        function logWithKeys(date, hours, title, learning, peer) {
            tryCompare(recordDialog, "opened", true);
            // The date field has the focus, holding today: replace it.
            tryVerify(() => root.Window.activeFocusItem && root.Window.activeFocusItem.text === "25/11/2026");
            keySequence(StandardKey.SelectAll);
            typeText(date);
            tab();                            // hours
            typeText(hours);
            tab();                            // title
            typeText(title);
            tab();                            // type of activity: the first in the list
            keyClick(Qt.Key_Down);
            tab();                            // status: draft, then down to final
            keyClick(Qt.Key_Down);
            tab();                            // what I did
            typeText("Went to the forum and took notes.");
            tab();                            // what I learnt
            typeText(learning);
            tab();                            // the difference to my practice
            typeText("I ask about advocacy at the first visit.");
            tab();                            // peer reflection
            typeText(peer);
            tab();                            // standard 4.1
            keyClick(Qt.Key_Space);
            keyClick(Qt.Key_Return);          // saves: the dialog closes only when it saved
            tryCompare(recordDialog, "visible", false);
        }

        function test_aSocialWorkerMeetsThisYearsRequirement() {
            const cpd = minePage.cpdController;
            tryCompare(minePage, "visible", true);
            tryVerify(() => cpd.socialWorkEngland.applicable === true);
            compare(cpd.socialWorkEngland.statusCode, "not_met");
            compare(cpd.entries.count, 0);
            verify(cpd.nextSteps.length > 0);

            // The first entry, without a peer reflection: still not met.
            minePage.logCpd();
            logWithKeys("10/09/2026", "1.5", "Practice forum: advocacy", "When advocacy must be offered.", "");
            tryCompare(cpd.entries, "count", 1);
            compare(cpd.entries.get(0).title, "Practice forum: advocacy");
            compare(cpd.entries.get(0).hours, "1.50");
            compare(cpd.entries.get(0).statusCode, "final");
            compare(cpd.entries.get(0).type, "Course");
            compare(cpd.entries.get(0).standards, "4.1");
            compare(cpd.socialWorkEngland.statusCode, "not_met");
            compare(cpd.socialWorkEngland.detail, "1 final entry, 0 with peer reflection · 5 days left");

            // The second, with a peer reflection: met.
            minePage.logCpd();
            logWithKeys("02/10/2026", "2", "Reflective discussion: charging", "How charging decisions are explained.",
                        "Talked it through with a Senior Social Worker.");
            tryCompare(cpd.entries, "count", 2);
            tryCompare(cpd.socialWorkEngland, "statusCode", "met");
            compare(cpd.socialWorkEngland.status, "Met");
            compare(cpd.socialWorkEngland.detail, "2 final entries, 1 with peer reflection · 5 days left");
            verify(cpd.entries.get(0).peerReflection);

            // The check reads as words on the page, not colour alone.
            const badge = root.findItem(minePage, i => i.label !== undefined && i.status === "met");
            verify(badge, "no Met badge on the page");
            compare(badge.text, "Met");

            // They take the record away: the HCPC profile's choices start with both entries
            // (this cycle's six most recent), the summary typed is counted in words, and the
            // PDF is written as a task whose end the section says in words.
            const section = root.findItem(minePage, i => i.exportTo !== undefined);
            verify(section, "no CPD section on the page");
            minePage.openHcpcProfile();
            const profile = section.profile;
            tryCompare(profile, "opened", true);
            compare(profile.choices.length, 2);
            compare(profile.chosenCount, 2);
            tryVerify(() => root.Window.activeFocusItem && String(root.Window.activeFocusItem.placeholderText).startsWith("Your role"));
            typeText("I work in mental health.");
            compare(profile.summaryWords, 5);
            profile.close();
            tryCompare(profile, "visible", false);
            section.exportTo("hcpc", testOutputUrl + "/profile.pdf");
            tryCompare(section, "exportMessage", "Saved profile.pdf.", 60000);
            verify(!section.exportFailed);
            section.exportTo("csv", testOutputUrl + "/record.csv");
            tryCompare(section, "exportMessage", "Saved record.csv.", 60000);
        }
    }
}
