import QtQuick
import QtQuick.Controls
import QtTest
import PracticeLedger.Ui
import PracticeLedger.Backend

// The record dialog when a save is refused because someone else saved the record after it
// was opened: it says who and when in words that fit, keeps the input, still lets the person
// save, and offers their version. `council` is the session main.cpp opens on the small council.
Item {
    id: root
    // The app's window.
    width: 1280
    height: 800
    /// Each stale dialog's other save changes the email to a new address.
    property int otherSaves: 0
    readonly property string otherEmail: "jl.nowak" + root.otherSaves + "@example.org"

    // One dialog for every test, as the app has: Qt 6.4's layouts can crash when a dialog
    // holding a form is destroyed, which the app never does.
    RecordDialog {
        id: recordDialog
        session: council
        anchors.centerIn: parent
    }
    Component {
        id: staffEditorComponent
        StaffEditor { session: council }
    }
    Component {
        id: spyComponent
        SignalSpy {}
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
    /// The buttons under `item`, shown or not.
    function buttonsIn(item) {
        let out = [];
        if (item.checkable !== undefined && item.clicked !== undefined && item.text !== undefined)
            out.push(item);
        for (let i = 0; i < item.children.length; ++i)
            out = out.concat(root.buttonsIn(item.children[i]));
        return out;
    }

    TestCase {
        name: "RecordDialogStale"
        when: windowShown

        function cleanup() {
            recordDialog.close();
            tryCompare(recordDialog, "visible", false);
        }

        /// The dialog on HW00001 after someone else saved it and this dialog's save was refused.
        function staleDialog() {
            const dialog = recordDialog;
            dialog.edit("staff", "HW00001", {});
            tryCompare(dialog, "opened", true);
            const other = createTemporaryObject(staffEditorComponent, root);
            verify(other.load("HW00001"));
            root.otherSaves += 1;
            other.field("email").text = root.otherEmail;
            verify(other.save(), other.message);

            dialog.editor.field("full_name").text = "J-L Nowak";
            const save = root.buttonsIn(dialog.footer).find(b => b.text === "Save");
            verify(save, "no Save button");
            mouseClick(save);
            // The message grows the dialog; a person clicks on what is drawn.
            waitForRendering(root);
            verify(dialog.editor.stale, "the save was not refused as stale: " + dialog.editor.message);
            compare(dialog.editor.field("full_name").text, "J-L Nowak");
            compare(dialog.opened, true);
            return dialog;
        }

        function test_saysWhoAndWhenInWordsThatFit() {
            const dialog = staleDialog();
            verify(dialog.editor.message.startsWith("Jo Manager saved this record at "),
                   dialog.editor.message);
            const message = root.findItem(dialog.contentItem, i => i.text !== undefined
                                          && String(i.text).indexOf("Jo Manager saved") >= 0);
            verify(message, "the message is not shown");
            verify(message.visible);
            compare(message.Accessible.name, dialog.editor.message);
            // UK date and 24-hour time.
            verify(/at \d\d:\d\d on \d\d\/\d\d\/\d{4}, after you opened it/.test(message.text),
                   message.text);
            // Wrapped within the dialog: several lines, none wider than the label, the label
            // inside the dialog and as tall as its text.
            verify(message.lineCount > 1, "not wrapped: " + message.lineCount + " line");
            verify(message.contentWidth <= message.width + 0.5);
            const at = message.mapToItem(dialog.contentItem, 0, 0);
            verify(at.x >= 0 && at.x + message.width <= dialog.contentItem.width + 0.5,
                   "the message runs out of the dialog: " + at.x + " + " + message.width);
            verify(message.height + 0.5 >= message.implicitHeight, "the message is cut off");
            // Its warning is in words, not only in colour.
            verify(message.text.indexOf("Nothing was saved") >= 0, message.text);
        }

        function test_footerFitsNamesEveryButtonAndKeepsSave() {
            const dialog = staleDialog();
            const buttons = root.buttonsIn(dialog.footer);
            const theirs = buttons.find(b => b.text === "Show their version");
            verify(theirs, "no Show their version button");
            verify(theirs.visible);
            verify(theirs.Accessible.name !== "");
            verify(buttons.find(b => b.text === "Save").enabled, "Save is not enabled");
            for (const b of buttons.filter(b => b.visible)) {
                verify(b.Accessible.name !== "", b.text + " has no accessible name");
                const at = b.mapToItem(dialog.footer, 0, 0);
                verify(at.x >= 0 && at.x + b.width <= dialog.footer.width + 0.5,
                       b.text + " overflows the footer: " + at.x + " + " + b.width + " > "
                       + dialog.footer.width);
                verify(b.width + 0.5 >= b.implicitWidth, b.text + " is squeezed");
            }
        }

        function test_showTheirVersionShowsTheStoredRecord() {
            const dialog = staleDialog();
            const loaded = createTemporaryObject(spyComponent, root,
                                                 { target: dialog.editor, signalName: "loaded" });
            const theirs = root.buttonsIn(dialog.footer).find(b => b.text === "Show their version");
            // Pressed from the keyboard, as a person moving through the footer does.
            theirs.forceActiveFocus();
            keyClick(Qt.Key_Space);
            compare(loaded.count, 1, "showStored() was not called");
            verify(!dialog.editor.stale);
            compare(dialog.editor.message, "");
            compare(dialog.editor.field("email").text, root.otherEmail);
            compare(dialog.editor.field("full_name").text, "Jean-Luc Nowak");
            verify(!theirs.visible);
            compare(dialog.opened, true);
        }
    }
}
