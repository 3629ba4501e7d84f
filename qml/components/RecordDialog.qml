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

    /// The record's name when it was opened, for the title.
    property string recordName: ""
    /// The form of the open record's kind.
    property var form: null
    readonly property bool readOnly: root.session !== null && root.session.readOnly

    /// Opens a record: an empty key starts a new one (with `preset` fields).
    function edit(kind: string, key: string, preset: var) {
        root.clearForm();
        if (key === "") {
            recordEditor.startNew(kind, preset ?? {});
        } else if (!recordEditor.load(kind, key)) {
            return;
        }
        root.recordName = root.nameOf(kind);
        const component = root.formFor(kind);
        root.form = component ? component.createObject(formHolder) : null;
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
        recordEditor.save();
    }

    function clearForm() {
        if (root.form) {
            root.form.visible = false;
            root.form.destroy();
            root.form = null;
        }
    }

    function nameOf(kind: string): string {
        switch (kind) {
        case "staff": return recordEditor.fields.full_name ?? "";
        case "module": return recordEditor.fields.code ?? "";
        case "requirement": return recordEditor.fields.module ?? "";
        case "auditTheme": return recordEditor.fields.title ?? "";
        }
        return recordEditor.fields.name ?? "";
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
        }
        return null;
    }

    function titleFor(kind: string, isNew: bool): string {
        switch (kind) {
        case "staff": return isNew ? qsTr("New person") : qsTr("Edit %1").arg(root.recordName);
        case "team": return isNew ? qsTr("New team") : qsTr("Rename or remove team %1").arg(root.recordName);
        case "role": return isNew ? qsTr("New role") : qsTr("Rename or remove role %1").arg(root.recordName);
        case "module": return isNew ? qsTr("New module") : qsTr("Edit module %1").arg(root.recordName);
        case "requirement": return isNew ? qsTr("New requirement rule")
                                         : qsTr("Edit a rule for %1").arg(root.recordName);
        case "completion": return isNew ? qsTr("Record a completion") : qsTr("Correct a completion");
        case "auditTheme": return isNew ? qsTr("New audit theme") : qsTr("Edit audit theme");
        }
        return "";
    }

    function save() {
        if (recordEditor.save())
            root.close();
        else
            scroller.contentItem.contentY = 0;
    }

    title: root.titleFor(recordEditor.kind, recordEditor.isNew)
    width: 640
    height: Math.min(root.implicitHeight, (root.parent ? root.parent.height : 800) - 2 * Theme.margin)

    onOpened: if (root.form) root.form.focusFirst()
    onClosed: root.clearForm()

    RecordEditor {
        id: recordEditor
        session: root.session
    }
    CatalogController {
        id: catalogController
        session: root.session
        active: root.visible
    }

    Component { id: staffForm; StaffForm { editor: recordEditor; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: nameForm; NameForm { editor: recordEditor; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: moduleForm; ModuleForm { editor: recordEditor; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: ruleForm; RuleForm { editor: recordEditor; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: completionForm; CompletionForm { editor: recordEditor; catalog: catalogController; Layout.fillWidth: true } }
    Component { id: themeForm; ThemeForm { editor: recordEditor; catalog: catalogController; Layout.fillWidth: true } }

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
                visible: recordEditor.message !== "" || root.readOnly
                Layout.fillWidth: true
                implicitHeight: messageText.implicitHeight + 2 * Theme.spacing
                color: Theme.errorBackground
                border.color: Theme.error
                radius: Theme.radius
                Label {
                    id: messageText
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    wrapMode: Text.Wrap
                    color: Theme.error
                    text: "⚠ " + (recordEditor.message !== "" ? recordEditor.message
                                  : qsTr("This ledger is open read-only: changes cannot be saved."))
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: messageText.text
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
            visible: recordEditor.canRemove
            enabled: !root.readOnly
            Accessible.name: qsTr("Remove this record")
            onClicked: removeConfirm.open()
        }
        Button {
            text: qsTr("Void…")
            visible: recordEditor.kind === "completion" && !recordEditor.isNew && recordEditor.fields.voided !== true
            enabled: !root.readOnly
            Accessible.name: qsTr("Void this completion")
            onClicked: voidDialog.open()
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
        title: qsTr("Remove %1?").arg(root.recordName)
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
                    if (recordEditor.remove())
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
            if (recordEditor.voidCompletion()) {
                voidDialog.close();
                root.close();
            } else if (recordEditor.errors.reason === undefined) {
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
            FormField {
                id: voidReason
                label: qsTr("Reason for voiding")
                text: recordEditor.fields.reason ?? ""
                error: recordEditor.errors.reason ?? ""
                onEdited: (text) => recordEditor.setField("reason", text)
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
