import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// A manager's ASYE journey, from the app alone (issue 11): on the cohort page they enrol a
// newly qualified social worker (Jean-Luc Okafor, HW00022) from 01/07/2026 with an assessor
// and a supervisor chosen from the staff, open their programme from the cohort, log a
// supervision, record the 3-month review's outcome, and see it on the cohort page, with the
// gap since that supervision still shown in words. Buttons are clicked, fields typed into and
// choices made with the arrow keys. `cpdCouncil`: the learning-record examples' staff,
// today 25/11/2026.
Item {
    id: root
    width: 1280
    height: 800

    property string currentPage: "asye"
    property string programmePersonId: ""
    function openProgramme(employeeId, back) {
        root.programmePersonId = employeeId;
        root.currentPage = "programme";
    }
    function openPerson(employeeId) {}
    function openEditor(kind, key, preset) {}

    AsyeCohortPage {
        id: cohortPage
        anchors.fill: parent
        visible: root.currentPage === "asye"
        session: cpdCouncil
        app: root
    }
    ProgrammePersonPage {
        id: personPage
        anchors.fill: parent
        visible: root.currentPage === "programme"
        session: cpdCouncil
        app: root
        employeeId: root.programmePersonId
    }

    function findItem(item, test) {
        if (!item)
            return null;
        if (test(item))
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = root.findItem(item.children[i], test);
            if (found)
                return found;
        }
        return null;
    }
    function visibleIn(item) {
        for (let p = item; p; p = p.parent) {
            if (!p.visible)
                return false;
        }
        return true;
    }

    TestCase {
        name: "AsyeWalk"
        when: windowShown

        function typeText(text) {
            for (const c of text)
                keyClick(c);
        }
        /// Clicks a control once the layout around it has settled (a page just filled moves
        /// its buttons).
        function click(item) {
            waitForRendering(item);
            wait(50);
            mouseClick(item);
        }
        function button(scope, label) {
            const b = root.findItem(scope, i => i.text === label && i.clicked !== undefined && root.visibleIn(i));
            verify(b, "no button " + label);
            return b;
        }
        function textField(scope, label) {
            const f = root.findItem(scope, i => i.label === label && i.field !== undefined && root.visibleIn(i));
            verify(f, "no field " + label);
            return f.field;
        }
        function choiceBox(scope, label) {
            const f = root.findItem(scope, i => i.label === label && i.chosen !== undefined && root.visibleIn(i));
            verify(f, "no choice " + label);
            const box = root.findItem(f, i => i.currentIndex !== undefined && i.popup !== undefined);
            verify(box, "no combo box in " + label);
            return box;
        }
        /// Types a date into a field (replacing what is there).
        function typeInto(field, text) {
            field.forceActiveFocus();
            keySequence(StandardKey.SelectAll);
            typeText(text);
        }
        /// Chooses with the arrow keys the option whose value is `value`.
        function chooseWithKeys(box, choices, value) {
            let target = -1;
            for (let i = 0; i < choices.length; ++i) {
                if ((typeof choices[i] === "string" ? choices[i] : choices[i].value) === value)
                    target = i;
            }
            verify(target >= 0, "no option " + value);
            box.forceActiveFocus();
            let guard = 0;
            while (box.currentIndex < target && guard++ < 500)
                keyClick(Qt.Key_Down);
            while (box.currentIndex > target && guard++ < 1000)
                keyClick(Qt.Key_Up);
            compare(box.currentIndex, target);
        }

        function test_aManagerEnrolsLogsASupervisionAndRecordsAReview() {
            const cohort = cohortPage.controller;
            tryCompare(cohortPage, "visible", true);
            tryVerify(() => cohort.summary === "" && cohort.rows.count === 0);

            // Enrol: the dialog opens on the person's choice.
            click(button(cohortPage, "Enrol…"));
            const dialog = cohortPage.editorDialog;
            tryCompare(dialog, "opened", true);
            const people = cpdCouncil.staffChoices();
            const form = dialog.form;
            chooseWithKeys(choiceBox(form, "Newly qualified social worker"), people, "HW00022");
            typeInto(textField(form, "Start date"), "01/07/2026");
            chooseWithKeys(choiceBox(form, "Assessor"), people, "HW00013");
            chooseWithKeys(choiceBox(form, "Supervisor"), people, "HW00012");
            compare(form.editor.personName, "Jean-Luc Okafor");
            click(button(dialog.footer, "Save"));
            tryCompare(dialog, "visible", false);

            // The cohort shows them: the 3-month review (01/10/2026) overdue, and no
            // supervision since the start.
            tryCompare(cohort.rows, "count", 1);
            const row = cohort.rows.get(0);
            compare(row.employeeId, "HW00022");
            compare(row.overdue, "3-month review overdue (due 01/10/2026) · 1 supervision gap");
            compare(row.status, "Review overdue");

            // A click on the row opens their programme.
            const list = root.findItem(cohortPage, i => i.model === cohort.rows && i.itemAtIndex !== undefined);
            tryVerify(() => list.itemAtIndex(0) !== null);
            click(list.itemAtIndex(0));
            tryCompare(personPage, "visible", true);
            const person = personPage.controller;
            tryCompare(person, "enrolled", true);
            compare(person.reviews.get(0).stateText, "Overdue");

            // Log a supervision: the date starts as today.
            click(button(personPage, "Log supervision…"));
            const editor = personPage.editorDialog;
            tryCompare(editor, "opened", true);
            const date = textField(editor.form, "Date of the supervision");
            compare(date.text, "25/11/2026");
            typeInto(date, "08/07/2026");
            click(button(editor.footer, "Save"));
            tryCompare(editor, "visible", false);
            tryVerify(() => person.supervisionLog.count === 3);
            compare(person.supervisionLog.get(1).words, "Supervision");
            compare(person.supervisionLog.get(0).words,
                    "Gap: no supervision since 08/07/2026, 140 days so far (expected weekly)");

            // Record the 3-month review's outcome.
            click(button(personPage, "Record review outcomes…"));
            tryCompare(editor, "opened", true);
            chooseWithKeys(choiceBox(editor.form, "Three-month review"),
                           editor.form.editor.field("outcome_3m").choices, "on_track");
            click(button(editor.footer, "Save"));
            tryCompare(editor, "visible", false);
            tryVerify(() => person.reviews.get(0).stateText === "On track");

            // Back on the cohort page: the review held, only the gap left, in words.
            click(button(personPage, "◀ ASYE cohort"));
            tryCompare(cohortPage, "visible", true);
            tryVerify(() => cohort.rows.get(0).reviewsHeld === "3m On track");
            compare(cohort.rows.get(0).overdue, "1 supervision gap");
            compare(cohort.rows.get(0).status, "Supervision gaps");
            const held = root.findItem(cohortPage, i => i.text === "3m On track" && root.visibleIn(i));
            verify(held, "the review's outcome is not on the cohort page");
            const badge = root.findItem(cohortPage, i => i.label === "Supervision gaps" && i.status !== undefined);
            verify(badge, "no status badge in words on the cohort page");
        }
    }
}
