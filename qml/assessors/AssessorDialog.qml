pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The trusted-assessor editors as one modal dialog, in the way of RecordDialog: an
// authorisation ("assessor") or a new equipment category ("category"). Nothing is written
// until Save, and then only when the whole record is valid; Cancel or Escape saves nothing.
FormDialog {
    id: root
    required property Session session
    property string kind: "assessor"
    readonly property bool category: root.kind === "category"
    readonly property RecordForm editor: root.category ? categoryForm.editor : assessorForm.editor
    readonly property bool readOnly: root.session !== null && root.session.readOnly

    /// Opens a record of `kind`: an empty key starts a new one (with `preset` fields).
    function edit(kind: string, key: string, preset: var) {
        root.kind = kind;
        if (key === "") {
            root.editor.startNew(preset ?? {});
        } else if (!root.editor.load(key)) {
            return;
        }
        root.open();
    }

    function save() {
        if (root.editor.save())
            root.close();
        else
            scroller.contentItem.contentY = 0;
    }

    title: root.category ? categoryForm.title : assessorForm.title
    width: 680
    height: Math.min(root.implicitHeight, (root.parent ? root.parent.height : 800) - 2 * Theme.margin)

    onOpened: root.category ? categoryForm.focusFirst() : assessorForm.focusFirst()

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
                visible: root.editor.message !== "" || root.readOnly
                Layout.fillWidth: true
                implicitHeight: messageText.implicitHeight + 2 * Theme.spacing
                color: Theme.errorBackground
                border.color: Theme.error
                radius: Theme.radius
                Label {
                    id: messageText
                    readonly property string message: root.editor.message !== ""
                        ? root.editor.message : qsTr("This ledger is open read-only: changes cannot be saved.")
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    wrapMode: Text.Wrap
                    color: Theme.error
                    text: "⚠ " + messageText.message
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: messageText.message
                }
            }
            AssessorForm {
                id: assessorForm
                visible: !root.category
                session: root.session
                Layout.fillWidth: true
            }
            CategoryForm {
                id: categoryForm
                visible: root.category
                session: root.session
                Layout.fillWidth: true
            }
        }
    }

    footer: FormButtonRow {
        Button {
            text: qsTr("Show their version")
            visible: root.editor.stale
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
            text: root.category ? qsTr("Add category") : qsTr("Save")
            highlighted: true
            enabled: !root.readOnly
            Accessible.name: root.category ? qsTr("Add the category to the list") : qsTr("Save the authorisation")
            onClicked: root.save()
        }
    }
}
