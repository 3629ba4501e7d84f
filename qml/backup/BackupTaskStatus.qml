import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// One section's task: its progress and Cancel while it runs, then its state in words. Shown
// in the section whose action (backup or restore) the controller last did.
ColumnLayout {
    id: root
    required property BackupController controller
    required property string action
    required property string idleText
    readonly property bool mine: root.controller.action === root.action

    spacing: Theme.spacing
    Layout.fillWidth: true

    RowLayout {
        visible: root.mine && root.controller.busy
        spacing: Theme.spacing
        Layout.fillWidth: true
        ProgressBar {
            value: root.controller.progress
            Layout.fillWidth: true
            Accessible.name: root.action === "restore" ? qsTr("Progress of the restore")
                                                       : qsTr("Progress of the backup")
        }
        Button {
            text: qsTr("Cancel")
            Accessible.name: qsTr("Cancel; no file will be written")
            onClicked: root.controller.cancel()
        }
    }
    TaskState {
        taskState: root.mine ? root.controller.state : "idle"
        summary: root.mine ? root.controller.summary : ""
        idleLabel: qsTr("Nothing done yet")
        idleText: root.idleText
    }
}
