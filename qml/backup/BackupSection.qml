pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The backup: a new file for it (suggested beside the ledger, dated), and the button.
Frame {
    id: root
    required property Session session
    required property BackupController controller

    function useSuggestedName() {
        fileField.text = root.controller.suggestedBackup;
    }

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }
    Component.onCompleted: root.useSuggestedName()

    FileDialog {
        id: saveDialog
        title: qsTr("Where to keep the backup")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "ledger"
        nameFilters: [qsTr("Ledgers (*.ledger)")]
        onAccepted: fileField.text = decodeURIComponent(saveDialog.selectedFile.toString().replace("file://", ""))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Back up this ledger")
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: root.session.onServer
                  ? qsTr("This ledger is on a server: its database administrator backs it up (pg_dump). The command line's archive export writes an archive of it.")
                  : qsTr("The whole ledger, encrypted under its own passphrase, read as it is at one moment even while others change it, and checked before it is kept. Only you can read the file. Keep it away from this computer.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Ledger: %1").arg(root.session.ledgerPath)
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            FormField {
                id: fileField
                label: qsTr("New backup file")
                placeholderText: qsTr("/home/you/council-backup.ledger")
                hint: qsTr("A new file: nothing is ever written over a file.")
                readOnly: root.controller.busy || root.session.onServer
            }
            Button {
                text: qsTr("Browse…")
                enabled: !root.controller.busy && !root.session.onServer
                Accessible.name: qsTr("Browse for where to keep the backup")
                Layout.alignment: Qt.AlignVCenter
                onClicked: saveDialog.open()
            }
        }
        Button {
            text: qsTr("Back up")
            highlighted: true
            enabled: !root.controller.busy && !root.session.onServer && fileField.text !== ""
            Accessible.name: qsTr("Back up the ledger to the new file")
            onClicked: root.controller.backup(fileField.text)
        }
        BackupTaskStatus {
            controller: root.controller
            action: "backup"
            idleText: qsTr("Nothing is written until the copy has been checked.")
        }
        Item { Layout.fillHeight: true }
    }
}
