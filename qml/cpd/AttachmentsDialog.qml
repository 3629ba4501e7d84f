pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The files kept inside the ledger with one record: a CPD entry's evidence or a completion's
// certificates. Each can be saved as a copy; the person who may write adds and removes them.
Dialog {
    id: root
    required property Session session
    required property CpdController cpd
    property bool canWrite: true
    property string owner: "evidence"
    property var ownerId: 0
    property var files: []
    property string message: ""

    function show(owner: string, id: var, title: string) {
        root.owner = owner;
        root.ownerId = id;
        root.title = title;
        root.message = "";
        root.files = root.cpd.attachments(owner, id);
        root.open();
    }
    function done(error: string) {
        root.message = error;
        root.files = root.cpd.attachments(root.owner, root.ownerId);
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: 560
    modal: true
    standardButtons: Dialog.Close

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            visible: root.files.length === 0
            text: root.owner === "certificate"
                  ? qsTr("No certificate yet. Files of up to 25 MB each are kept inside the ledger.")
                  : qsTr("No files yet. A certificate, notes or a reflective log, up to 25 MB each, kept inside the ledger.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: root.files
            delegate: RowLayout {
                id: fileRow
                required property var modelData
                Layout.fillWidth: true
                Label { text: fileRow.modelData.name; elide: Text.ElideMiddle; Layout.fillWidth: true }
                Label { text: fileRow.modelData.size; color: Theme.muted }
                Button {
                    text: qsTr("Save a copy…")
                    Accessible.name: qsTr("Save a copy of %1").arg(fileRow.modelData.name)
                    onClicked: {
                        saveDialog.attachmentId = fileRow.modelData.attachmentId;
                        saveDialog.open();
                    }
                }
                Button {
                    visible: root.canWrite
                    enabled: !root.session.readOnly
                    text: qsTr("Remove")
                    Accessible.name: qsTr("Remove %1").arg(fileRow.modelData.name)
                    onClicked: root.done(root.cpd.removeAttachment(fileRow.modelData.attachmentId))
                }
            }
        }
        Label {
            visible: root.message !== ""
            text: "⚠ " + root.message
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: root.message
        }
        Button {
            visible: root.canWrite
            enabled: !root.session.readOnly
            text: qsTr("Attach a file…")
            Accessible.name: root.owner === "certificate" ? qsTr("Attach a certificate") : qsTr("Attach an evidence file")
            onClicked: openDialog.open()
        }
    }
    FileDialog {
        id: openDialog
        title: root.owner === "certificate" ? qsTr("Attach a certificate") : qsTr("Attach an evidence file")
        onAccepted: root.done(root.cpd.attach(root.owner, root.ownerId, openDialog.selectedFile))
    }
    FileDialog {
        id: saveDialog
        property var attachmentId: 0
        title: qsTr("Save a copy")
        fileMode: FileDialog.SaveFile
        onAccepted: root.done(root.cpd.saveAttachmentAs(saveDialog.attachmentId, saveDialog.selectedFile))
    }
}
