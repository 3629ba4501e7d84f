import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// An occupational therapist signs off a trusted assessor, from the app alone (issue 11): on
// Teams and roles the Occupational Therapist role is ticked as one that may sign off; then on
// Trusted assessors the therapist (HW00004, "you are" in `cpdCouncil`, the learning-record
// examples' staff, today 25/11/2026) adds an authorisation for an OT assistant, offered
// themselves as the signer, and saves; the assistant is then among those who may assess today,
// their status a word as well as a colour. A signer whose role may not sign off is refused at
// the field first.
Item {
    id: root
    width: 1280
    height: 800

    property string currentPage: "assessors"
    function openEditor(kind, key, preset) {}
    function openSession(key) {}
    function chooseWhoYouAre() {}

    TeamsPage {
        id: teamsPage
        anchors.fill: parent
        session: cpdCouncil
        app: root
        visible: false
    }
    TrustedAssessorsPage {
        id: assessorsPage
        anchors.fill: parent
        session: cpdCouncil
        app: root
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
        if (item.footer)
            parts.push(item.footer);
        for (const part of parts) {
            const found = root.findObject(part, test);
            if (found)
                return found;
        }
        return null;
    }
    /// The button (or check box) named `name` for assistive technology.
    function named(item, name) {
        return root.findObject(item, o => o.checkable !== undefined && o.down !== undefined && o.Accessible.name === name);
    }

    TestCase {
        name: "AssessorsWalk"
        when: windowShown

        function test_anOccupationalTherapistSignsOffATrustedAssessor() {
            const page = assessorsPage.controller;
            tryVerify(() => cpdCouncil.myEmployeeId === "HW00004");
            compare(page.authorised.count, 0);

            // Teams and roles: the Occupational Therapist role may sign off.
            assessorsPage.visible = false;
            teamsPage.visible = true;
            const tickName = "Occupational Therapist can sign off trusted assessors";
            tryVerify(() => root.named(teamsPage, tickName) !== null, 10000, "no can-sign-off box");
            const tick = root.named(teamsPage, tickName);
            tryCompare(tick, "visible", true);
            verify(!tick.checked);
            const revision = cpdCouncil.revision;
            tick.forceActiveFocus();
            keyClick(Qt.Key_Space);                 // ticked with the keyboard
            // Saved: the role list is read again, its box ticked.
            tryVerify(() => cpdCouncil.revision > revision && !cpdCouncil.tasks.running, 20000);
            tryVerify(() => { const t = root.named(teamsPage, tickName); return t !== null && t.checked; }, 10000);
            teamsPage.visible = false;
            assessorsPage.visible = true;

            // Trusted assessors: add an authorisation.
            const add = root.named(assessorsPage, "Add a trusted-assessor authorisation");
            verify(add, "no Add authorisation button");
            mouseClick(add);
            const dialog = root.findObject(assessorsPage, o => o.kind === "assessor" && o.editor !== undefined && o.save !== undefined);
            verify(dialog, "no authorisation dialog");
            tryCompare(dialog, "opened", true);
            const editor = dialog.editor;
            editor.field("employee_id").text = "HW00003";          // an OT assistant
            editor.field("level").text = "level_3";
            editor.toggleCategory("grab_rails");
            editor.toggleCategory("toilet_frames");
            editor.field("trained_on").text = "01/10/2026";
            editor.field("observed_assessments").text = "3";
            // The therapist is offered as the signer; a social worker is not.
            const signers = editor.signerChoices.map(c => c.value);
            verify(signers.includes("HW00004"), JSON.stringify(signers));
            verify(!signers.includes("HW0"), JSON.stringify(signers));
            // Someone whose role may not sign off is refused at the field, and nothing saved.
            editor.field("signed_off_by").text = "HW0";
            editor.field("signed_off_on").text = "20/11/2026";
            dialog.save();
            verify(dialog.opened);
            verify(editor.field("signed_off_by").error.indexOf("cannot sign off") >= 0, editor.field("signed_off_by").error);
            compare(page.authorised.count, 0);
            // Signed off by the therapist: saved, and the dialog closes.
            editor.field("signed_off_by").text = "HW00004";
            const save = root.named(dialog, "Save the authorisation");
            verify(save, "no Save button");
            mouseClick(save);
            tryCompare(dialog, "visible", false);

            // The assistant may now assess for those categories today.
            tryCompare(page.authorised, "count", 1);
            const row = page.authorised.get(0);
            compare(row.employeeId, "HW00003");
            compare(row.statusCode, "authorised");
            compare(row.status, "Authorised");
            compare(row.categories, "Grab rails, Toilet frames");
            compare(row.refresherDue, "19/11/2027");
            verify(String(row.signedOff).indexOf("20/11/2026") >= 0, row.signedOff);
        }
    }
}
