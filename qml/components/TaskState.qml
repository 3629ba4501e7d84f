import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui

// A long task's state (a check, a save, an import, an archive, a backup) as a badge in words, with the
// sentence that says what happened.
RowLayout {
    id: root
    required property string taskState
    required property string summary
    property string idleText: ""
    property string idleLabel: qsTr("Not checked yet")

    function stateLabel(state: string): string {
        switch (state) {
        case "checking": return qsTr("Checking…");
        case "checked": return qsTr("Checked");
        case "unmapped": return qsTr("Needs modules");
        case "invalid": return qsTr("Problems found");
        case "saving": return qsTr("Saving…");
        case "saved": return qsTr("Saved");
        case "importing": return qsTr("Importing…");
        case "imported": return qsTr("Imported");
        case "exporting": return qsTr("Archiving…");
        case "exported": return qsTr("Archived");
        case "backingUp": return qsTr("Backing up…");
        case "backedUp": return qsTr("Backed up");
        case "restoring": return qsTr("Restoring…");
        case "restored": return qsTr("Restored");
        case "cancelled": return qsTr("Cancelled");
        case "failed": return qsTr("Failed");
        }
        return root.idleLabel;
    }
    // The badge colours: green done, red refused, amber waiting on you, grey not started.
    function stateColour(state: string): string {
        switch (state) {
        case "checked":
        case "saved":
        case "imported":
        case "exported":
        case "backedUp":
        case "restored": return "compliant";
        case "invalid":
        case "failed": return "overdue";
        case "unmapped":
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
