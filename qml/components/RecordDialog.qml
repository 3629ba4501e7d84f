pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The editor of every kind of record, as one modal dialog. Nothing is written until Save,
// and then only when the whole record is valid; Cancel or Escape saves nothing.
FormDialog {
    id: root
    required property Session session

    /// The form of the open record's kind; it owns its typed editor.
    property var form: null
    readonly property RecordForm editor: root.form ? root.form.editor : null
    readonly property bool readOnly: root.session !== null && root.session.readOnly

    /// Opens a record: an empty key starts a new one (with `preset` fields).
    function edit(kind: string, key: string, preset: var) {
        root.clearForm();
        const component = root.formFor(kind);
        if (!component)
            return;
        const form = component.createObject(formHolder, { kind: kind });
        if (key === "") {
            form.editor.startNew(preset ?? {});
        } else if (!form.editor.load(key)) {
            form.destroy();
            return;
        }
        root.form = form;
        root.open();
    }

    /// A new staff record with mistakes in it, saved so that every problem shows (screenshots).
    function openInvalidExample() {
        root.edit("staff", "", {
            full_name: "",
            email: "not-an-email",
            start_date: "31/02/2026",
            leave_date: "15/01/2026"
        });
        root.editor.save();
    }

    function clearForm() {
        if (root.form) {
            root.form.visible = false;
            root.form.destroy();
            root.form = null;
        }
    }

    function formFor(kind: string): Component {
        switch (kind) {
        case "staff": return staffForm;
        case "team":
        case "role": return nameForm;
        case "module": return moduleForm;
        case "requirement": return ruleForm;
        case "completion": return completionForm;
        case "auditTheme": return themeForm;
        case "session": return sessionForm;
        case "cpd": return cpdForm;
        }
        return null;
    }

    function save() {
        if (root.editor && root.editor.save())
            root.close();
        else
            scroller.contentItem.contentY = 0;
    }

    title: root.form ? root.form.title : ""
    width: 640
    height: Math.min(root.implicitHeight, (root.parent ? root.parent.height : 800) - 2 * Theme.margin)

    onOpened: if (root.form) root.form.focusFirst()
    onClosed: root.clearForm()

    CatalogController {
        id: catalogController
        session: root.session
        active: root.visible
    }

    // Each form is made with its kind (only the team-or-role form uses it).
    Component { id: staffForm; StaffForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: nameForm; NameForm { session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: moduleForm; ModuleForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: ruleForm; RuleForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: completionForm; CompletionForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: sessionForm; SessionForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: cpdForm; CpdForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: themeForm; ThemeForm { property string kind; session: root.session; catalog: catalogController; Layout.fillWidth: true } }

    ScrollView {
        id: scroller
        anchors.fill: parent
        clip: true
        contentWidth: scroller.availableWidth
        Keys.onReturnPressed: root.save()
        Keys.onEnterPressed: root.save()

        ColumnLayout {
            width: scroller.availableWidth
            spacing: Theme.margin

            Rectangle {
                visible: (root.editor !== null && root.editor.message !== "") || root.readOnly
                Layout.fillWidth: true
                implicitHeight: messageText.implicitHeight + 2 * Theme.spacing
                color: Theme.errorBackground
                border.color: Theme.error
                radius: Theme.radius
                Label {
                    id: messageText
                    readonly property string message: root.editor !== null && root.editor.message !== ""
                        ? root.editor.message : qsTr("This ledger is open read-only: changes cannot be saved.")
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    wrapMode: Text.Wrap
                    color: Theme.error
                    text: "⚠ " + messageText.message
                    // The words without the sign, as a field's problem is read out.
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: messageText.message
                }
            }
            ColumnLayout {
                id: formHolder
                Layout.fillWidth: true
            }
        }
    }

    footer: FormButtonRow {
        Button {
            text: qsTr("Remove…")
            visible: root.editor !== null && root.editor.canRemove
            enabled: !root.readOnly
            Accessible.name: qsTr("Remove this record")
            onClicked: removeConfirm.open()
        }
        Button {
            text: qsTr("Void…")
            visible: root.form !== null && root.form.canVoid === true
            enabled: !root.readOnly
            Accessible.name: qsTr("Void this completion")
            onClicked: voidDialog.open()
        }
        Button {
            text: qsTr("Show their version")
            visible: root.editor !== null && root.editor.stale
            Accessible.name: qsTr("Discard my changes and show the record as it was saved by someone else")
            onClicked: root.editor.showStored()
        }
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Cancel")
            Accessible.name: qsTr("Cancel: close without saving")
            onClicked: root.close()
        }
        Button {
            text: qsTr("Save")
            highlighted: true
            enabled: !root.readOnly
            Accessible.name: qsTr("Save the record")
            onClicked: root.save()
        }
    }

    FormDialog {
        id: removeConfirm
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 440
        title: qsTr("Remove %1?").arg(root.editor ? root.editor.recordName : "")
        onOpened: keepButton.forceActiveFocus()

        Label {
            anchors.fill: parent
            wrapMode: Text.Wrap
            text: qsTr("It is removed from the ledger, and the change log keeps a note of it. If "
                       + "something still uses it, nothing is removed and you are told why.")
        }
        footer: FormButtonRow {
            Item { Layout.fillWidth: true }
            Button {
                id: keepButton
                text: qsTr("Keep it")
                Accessible.name: qsTr("Keep the record")
                onClicked: removeConfirm.close()
            }
            Button {
                text: qsTr("Remove")
                Accessible.name: qsTr("Remove the record now")
                onClicked: {
                    removeConfirm.close();
                    if (root.editor.remove())
                        root.close();
                }
            }
        }
    }

    FormDialog {
        id: voidDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 480
        title: qsTr("Void this completion?")
        onOpened: voidReason.field.forceActiveFocus()

        function confirm() {
            if (root.editor.voidCompletion()) {
                voidDialog.close();
                root.close();
            } else if (root.editor.field("reason").error === "") {
                voidDialog.close();
            }
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("A voided completion stays in the record as evidence but no longer "
                           + "counts. Say why; the reason is kept with it.")
            }
            EditorTextField {
                id: voidReason
                source: root.editor ? root.editor.field("reason") : null
                label: qsTr("Reason for voiding")
                Keys.onReturnPressed: voidDialog.confirm()
                Keys.onEnterPressed: voidDialog.confirm()
            }
        }
        footer: FormButtonRow {
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                Accessible.name: qsTr("Cancel: do not void")
                onClicked: voidDialog.close()
            }
            Button {
                text: qsTr("Void completion")
                Accessible.name: qsTr("Void the completion now")
                onClicked: voidDialog.confirm()
            }
        }
    }
}
