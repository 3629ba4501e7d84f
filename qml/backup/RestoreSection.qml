pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The restore: the backup, its passphrase and a new file for the ledger it becomes; once
// restored, the new ledger can be opened in place of this one.
Frame {
    id: root
    required property Session session
    required property var app
    required property BackupController controller

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    FileDialog {
        id: openDialog
        title: qsTr("Choose a backup")
        nameFilters: [qsTr("Ledgers (*.ledger)"), qsTr("All files (*)")]
        onAccepted: backupField.text = decodeURIComponent(openDialog.selectedFile.toString().replace("file://", ""))
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Where to keep the restored ledger")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "ledger"
        nameFilters: [qsTr("Ledgers (*.ledger)")]
        onAccepted: targetField.text = decodeURIComponent(saveDialog.selectedFile.toString().replace("file://", ""))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Restore a backup")
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("Makes a new ledger file from a backup once the copy has passed every check. The backup keeps its passphrase. The open ledger and any other file are never written over.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            FormField {
                id: backupField
                label: qsTr("Backup file")
                placeholderText: qsTr("/media/you/backups/council-backup.ledger")
                readOnly: root.controller.busy
            }
            Button {
                text: qsTr("Browse…")
                enabled: !root.controller.busy
                Accessible.name: qsTr("Browse for the backup file")
                Layout.alignment: Qt.AlignBottom
                onClicked: openDialog.open()
            }
        }
        FormField {
            id: passField
            label: qsTr("The backup's passphrase")
            echoMode: TextInput.Password
            readOnly: root.controller.busy
            hint: qsTr("The passphrase of the ledger when it was backed up.")
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            FormField {
                id: targetField
                label: qsTr("New ledger file")
                placeholderText: qsTr("/home/you/council-restored.ledger")
                hint: qsTr("A new file, not the open ledger.")
                readOnly: root.controller.busy
            }
            Button {
                text: qsTr("Browse…")
                enabled: !root.controller.busy
                Accessible.name: qsTr("Browse for where to keep the restored ledger")
                Layout.alignment: Qt.AlignVCenter
                onClicked: saveDialog.open()
            }
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                text: qsTr("Restore")
                highlighted: true
                enabled: !root.controller.busy && backupField.text !== "" && passField.text !== ""
                         && targetField.text !== ""
                Accessible.name: qsTr("Restore the backup as the new ledger file")
                onClicked: {
                    root.controller.restore(backupField.text, passField.text, targetField.text);
                    passField.text = "";
                }
            }
            Button {
                text: qsTr("Open the restored ledger")
                visible: root.controller.state === "restored" && root.controller.restoredPath !== ""
                Accessible.name: qsTr("Close this ledger and open the restored one")
                onClicked: {
                    root.app.initialLocation = root.controller.restoredPath;
                    root.session.lock();
                }
            }
        }
        BackupTaskStatus {
            controller: root.controller
            action: "restore"
            idleText: qsTr("Nothing is written until the copy has been checked.")
        }
        Item { Layout.fillHeight: true }
    }
}
