pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The programmes' editors as one modal dialog, as RecordDialog is for the other records:
// an ASYE enrolment, a supervision, an apprenticeship, off-the-job hours, a progress review.
// Nothing is written until Save, and then only when the whole record is valid (core's
// problems shown beside their fields); Cancel or Escape saves nothing.
FormDialog {
    id: root
    required property Session session

    property var form: null
    readonly property RecordForm editor: root.form ? root.form.editor : null
    readonly property bool readOnly: root.session !== null && root.session.readOnly

    /// Opens a record of `kind` (asye, supervision, apprenticeship, otj, apprenticeshipReview):
    /// an empty key starts a new one with `preset` fields.
    function edit(kind: string, key: string, preset: var) {
        root.clearForm();
        const component = root.formFor(kind);
        if (!component)
            return;
        const form = component.createObject(formHolder, {});
        if (key === "") {
            form.editor.startNew(preset ?? {});
        } else if (!form.editor.load(key)) {
            form.destroy();
            return;
        }
        root.form = form;
        root.open();
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
        case "asye": return asyeForm;
        case "supervision": return supervisionForm;
        case "apprenticeship": return apprenticeshipForm;
        case "otj": return otjForm;
        case "apprenticeshipReview": return reviewForm;
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

    Component { id: asyeForm; AsyeForm { session: root.session; Layout.fillWidth: true } }
    Component { id: supervisionForm; SupervisionForm { session: root.session; Layout.fillWidth: true } }
    Component { id: apprenticeshipForm; ApprenticeshipForm { session: root.session; Layout.fillWidth: true } }
    Component { id: otjForm; OtjForm { session: root.session; Layout.fillWidth: true } }
    Component { id: reviewForm; ApprenticeshipReviewForm { session: root.session; Layout.fillWidth: true } }

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
            Accessible.name: qsTr("Remove this record, logged in error")
            onClicked: removeConfirm.open()
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
            text: qsTr("It is removed from the ledger, and the change log keeps a note of it.")
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
}
