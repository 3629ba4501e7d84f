pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend

// The session's long task (a first load, an import, re-reading the ledger): what it is, how
// far it has got, and Cancel when it can be cancelled.
RowLayout {
    id: root
    required property TaskRunner tasks

    visible: root.tasks.running
    spacing: Theme.spacing

    Label {
        text: root.tasks.cancelling ? qsTr("Cancelling…") : root.tasks.title
        elide: Text.ElideRight
        Layout.maximumWidth: 320
    }
    ProgressBar {
        // Steps without progress of their own (key derivation) show as work going on.
        indeterminate: root.tasks.progress <= 0
        value: root.tasks.progress
        Layout.fillWidth: true
        Accessible.name: qsTr("%1 %2% done").arg(root.tasks.title).arg(Math.round(root.tasks.progress * 100))
    }
    Button {
        visible: root.tasks.cancellable
        enabled: !root.tasks.cancelling
        text: qsTr("Cancel")
        Accessible.name: qsTr("Cancel: %1").arg(root.tasks.title)
        onClicked: root.tasks.cancel()
    }
}
