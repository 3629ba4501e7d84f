pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Backups of the open ledger file, and a backup made into a new ledger file: one controller,
// one task at a time, its progress and state shown in the section that started it.
Item {
    id: root
    required property Session session
    required property var app

    readonly property BackupController controller: BackupController {
        session: root.session
    }

    /// For --screenshot: a backup of the open ledger beside it, under the suggested name.
    function showExample() {
        backupSection.useSuggestedName();
        root.controller.backup(root.controller.suggestedBackup);
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        PageTitle {
            title: qsTr("Backup and restore")
            subtitle: qsTr("Keep an encrypted copy of the ledger somewhere safe, and make a new ledger from such a copy when it is needed.")
        }

        RowLayout {
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true

            BackupSection {
                id: backupSection
                session: root.session
                controller: root.controller
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
            RestoreSection {
                session: root.session
                app: root.app
                controller: root.controller
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
        }
    }
}
