import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// A manager's forum journey, from the app alone (issue 9): raise a theme from an audit, see it
// at the top of the suggestions, plan a monthly series from it with an external speaker, fill
// a session past its places, cancel one booking and see the first waiting person promoted,
// mark attendance at the door with the keyboard (which makes it held), and see the theme's reach go
// up. `walkCouncil` is a session on its own small council; `testClock` sets the wall clock
// actions are recorded at.
Item {
    id: root
    width: 1280
    height: 800

    // What the pages ask of the app window.
    property string currentPage: "themes"
    property string sessionKey: ""
    function openEditor(kind, key, preset) {
        recordDialog.edit(kind, key, preset);
    }
    function openSession(key) {
        root.sessionKey = key;
        root.currentPage = "sessions";
    }

    ThemesPage {
        id: themesPage
        anchors.fill: parent
        visible: root.currentPage === "themes"
        session: walkCouncil
        app: root
    }
    SessionsPage {
        id: sessionsPage
        anchors.fill: parent
        visible: root.currentPage === "sessions"
        session: walkCouncil
        app: root
    }
    RecordDialog {
        id: recordDialog
        session: walkCouncil
        anchors.centerIn: parent
    }

    /// The first item under `item` (itself included) for which `test` holds.
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
    function button(item, text) {
        return root.findItem(item, i => i.clicked !== undefined && i.checkable !== undefined && i.text === text);
    }
    function byAccessibleName(item, name) {
        return root.findItem(item, i => i.Accessible !== undefined && i.Accessible.name === name
                                      && i.forceActiveFocus !== undefined);
    }

    TestCase {
        name: "SessionsWalk"
        when: windowShown

        function cleanupTestCase() {
            testClock.setNow("");
        }

        function clickButton(item, text) {
            const b = root.button(item, text);
            verify(b, "no button " + text);
            verify(b.visible && b.enabled, text + " cannot be clicked: visible " + b.visible + ", enabled " + b.enabled + ", status " + sessionsPage.controller.detail.statusCode);
            mouseClick(b);
        }
        function save() {
            clickButton(recordDialog.footer, "Save");
            tryCompare(recordDialog, "visible", false);
        }
        function bookingState(employeeId) {
            const model = sessionsPage.controller.bookings;
            for (let i = 0; i < model.count; ++i) {
                if (model.get(i).employeeId === employeeId)
                    return model.get(i);
            }
            return null;
        }
        /// Types an employee id at the door and records `action` with its button (or with
        /// the Enter key when `button` is empty).
        function atTheDoor(employeeId, buttonText) {
            const field = root.byAccessibleName(sessionsPage, "Employee id of the person at the door");
            verify(field, "no employee id field");
            mouseClick(field);
            field.selectAll();
            keySequence(StandardKey.Delete);
            for (const c of employeeId)
                keyClick(c);
            compare(field.text, employeeId);
            if (buttonText === "")
                keyClick(Qt.Key_Return);
            else
                clickButton(sessionsPage, buttonText);
        }

        function test_aManagersForumJourney() {
            testClock.setNow("2026-11-25T09:30");

            // 1. Raise a theme from a case-file audit.
            root.currentPage = "themes";
            clickButton(themesPage, "New theme");
            tryCompare(recordDialog, "opened", true);
            const t = recordDialog.editor;
            t.field("key").text = "WALK";
            t.field("title").text = "Advocacy not offered when eligible";
            t.field("source").text = "case_file_audit";
            t.field("raised_on").text = "20/11/2026";
            t.field("priority").text = "high";
            t.field("status").text = "open";
            save();

            // Its page, over a period that takes in December: nothing has reached anyone yet.
            themesPage.choose("WALK");
            tryCompare(themesPage.theme, "found", true);
            themesPage.theme.to = "31/12/2026";
            compare(themesPage.theme.reach.staffReached, 0);
            compare(themesPage.theme.reach.sessionsHeld, 0);

            // 2. It is at the top of the suggestions.
            root.currentPage = "sessions";
            const suggestions = sessionsPage.controller.suggestions;
            tryVerify(() => suggestions.count > 0);
            compare(suggestions.get(0).key, "WALK");
            compare(suggestions.get(0).why, "Not touched in 6 months");

            // 3. Plan a monthly series from it with an external speaker.
            const table = root.findItem(sessionsPage, i => i.accessibleName !== undefined
                                        && i.accessibleName.indexOf("Topic suggestions") === 0);
            verify(table, "no suggestions table");
            table.currentIndex = 0;
            clickButton(sessionsPage, "Plan a forum on this topic");
            tryCompare(recordDialog, "opened", true);
            const s = recordDialog.editor;
            compare(s.field("themes").text, "WALK");
            compare(s.field("title").text, "Advocacy not offered when eligible");
            compare(s.field("kind").text, "practice_forum");
            s.field("key").text = "ADV-FORUM";
            s.field("date").text = "08/12/2026";
            s.field("start_time").text = "10:00";
            s.field("end_time").text = "12:00";
            s.field("speaker").text = "Anna Reid";
            s.field("organisation").text = "Garden Court Chambers";
            s.field("capacity").text = "2";
            s.field("repeat").text = "monthly_weekday";
            s.field("nth").text = "2";
            s.field("count").text = "3";
            compare(s.occurrences, 3);
            save();
            compare(sessionsPage.controller.upcoming.count, 3);

            // 4. Fill the first session past its places.
            root.openSession("ADV-FORUM-001");
            tryCompare(sessionsPage.controller, "selected", "ADV-FORUM-001");
            compare(sessionsPage.controller.detail.speaker, "Anna Reid");
            atTheDoor("HW00001", "Book");
            atTheDoor("HW00002", "Book");
            atTheDoor("HW00003", "Book");
            compare(bookingState("HW00003").state, "Waiting (1 in the queue)");
            compare(sessionsPage.controller.detail.places, "2 of 2 places booked, 1 waiting");

            // 5. Cancel one booking: the first waiting person is promoted.
            atTheDoor("HW00001", "Cancel booking");
            compare(bookingState("HW00001").state, "Cancelled");
            compare(bookingState("HW00003").state, "Booked");
            compare(bookingState("HW00003").promotedOn, "25/11/2026");

            // 6. On the day, attendance at the door with the keyboard.
            testClock.setNow("2026-12-08T10:05");
            atTheDoor("HW00002", "");
            atTheDoor("HW00003", "");
            compare(bookingState("HW00002").state, "Attended");
            compare(bookingState("HW00003").state, "Attended");
            // The first attendance made it held (rules/sessions.md section 3).
            compare(sessionsPage.controller.detail.status, "Held");
            verify(!root.button(sessionsPage, "Mark held").enabled);

            // 7. The theme's reach went up.
            root.currentPage = "themes";
            tryCompare(themesPage.theme.reach, "staffReached", 2);
            compare(themesPage.theme.reach.sessionsHeld, 1);
            compare(themesPage.theme.reach.lastTouched, "08/12/2026");
            compare(themesPage.theme.sessions.count, 3);
        }
    }
}
