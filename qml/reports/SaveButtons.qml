import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui

// "Save as CSV…", "Save as Excel…", "Save as PDF…" for a whole report.
RowLayout {
    id: root
    /// What is saved, for the buttons' accessible names ("the coverage trend").
    property string what
    signal saveAs(string format)

    spacing: Theme.spacing

    Repeater {
        model: [
            { format: "csv", text: qsTr("Save as CSV…") },
            { format: "xlsx", text: qsTr("Save as Excel…") },
            { format: "pdf", text: qsTr("Save as PDF…") }
        ]
        delegate: Button {
            id: button
            required property var modelData
            text: button.modelData.text
            enabled: root.enabled
            Accessible.name: button.modelData.text
            Accessible.description: qsTr("Save %1 to a file").arg(root.what)
            onClicked: root.saveAs(button.modelData.format)
        }
    }
}
