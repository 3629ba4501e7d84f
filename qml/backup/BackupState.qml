import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui

// The last backup or restore as a badge in words, with the sentence that says what happened.
RowLayout {
    id: root
    required property string taskState
    required property string summary
    property string idleText: ""

    function stateLabel(state: string): string {
        switch (state) {
        case "backingUp": return qsTr("Backing up…");
        case "backedUp": return qsTr("Backed up");
        case "restoring": return qsTr("Restoring…");
        case "restored": return qsTr("Restored");
        case "cancelled": return qsTr("Cancelled");
        case "failed": return qsTr("Failed");
        }
        return qsTr("Nothing done yet");
    }
    // Green done, red refused, amber cancelled, grey not started or under way.
    function stateColour(state: string): string {
        switch (state) {
        case "backedUp":
        case "restored": return "compliant";
        case "failed": return "overdue";
        case "cancelled": return "due_soon";
        }
        return "not_yet_due";
    }

    spacing: Theme.spacing
    Layout.fillWidth: true

    StatusBadge {
        status: root.stateColour(root.taskState)
        label: root.stateLabel(root.taskState)
        Layout.alignment: Qt.AlignTop
    }
    Label {
        text: root.summary !== "" ? root.summary : root.taskState === "idle" ? root.idleText : ""
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
