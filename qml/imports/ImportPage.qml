pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Import from a CSV file: choose what it holds and the file, check it (a dry run that writes
// nothing), then import it whole. A cancelled or failed import writes nothing.
Item {
    id: root
    required property Session session
    required property var app

    readonly property bool busy: importer.state === "checking" || importer.state === "importing"

    function stateLabel(state: string): string {
        switch (state) {
        case "checking": return qsTr("Checking…");
        case "checked": return qsTr("Checked");
        case "invalid": return qsTr("Problems found");
        case "importing": return qsTr("Importing…");
        case "imported": return qsTr("Imported");
        case "cancelled": return qsTr("Cancelled");
        case "failed": return qsTr("Failed");
        }
        return qsTr("Not checked yet");
    }
    // The badge colours: green done, red refused, amber stopped, grey waiting.
    function stateColour(state: string): string {
        switch (state) {
        case "checked":
        case "imported": return "compliant";
        case "invalid":
        case "failed": return "overdue";
        case "cancelled": return "due_soon";
        }
        return "not_yet_due";
    }

    ImportController {
        id: importer
        session: root.session
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a CSV file to import")
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        onAccepted: importer.fileUrl = fileDialog.selectedFile
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        PageTitle {
            title: qsTr("Import")
            subtitle: qsTr("Add or update records from a CSV file (UTF-8, first line the column names).")
        }

        Frame {
            Layout.fillWidth: true
            padding: Theme.margin
            background: Rectangle {
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
            }

            GridLayout {
                anchors.fill: parent
                columns: 2
                columnSpacing: Theme.margin
                rowSpacing: Theme.spacing

                Label {
                    text: qsTr("1. The file holds")
                    font.bold: true
                }
                RowLayout {
                    spacing: Theme.margin
                    Layout.fillWidth: true
                    ButtonGroup { id: kindGroup }
                    Repeater {
                        model: [
                            { value: "staff", label: qsTr("Staff") },
                            { value: "modules", label: qsTr("Modules") },
                            { value: "requirements", label: qsTr("Requirement rules") },
                            { value: "completions", label: qsTr("Completions") }
                        ]
                        delegate: RadioButton {
                            id: kindButton
                            required property var modelData
                            text: kindButton.modelData.label
                            checked: importer.kind === kindButton.modelData.value
                            enabled: !root.busy
                            ButtonGroup.group: kindGroup
                            Accessible.name: qsTr("Import %1").arg(kindButton.modelData.label)
                            onClicked: importer.kind = kindButton.modelData.value
                        }
                    }
                }

                Label {
                    text: qsTr("Columns")
                    font.bold: true
                    Layout.alignment: Qt.AlignTop
                }
                Label {
                    text: importer.expectedColumns
                    font.family: "monospace"
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Expected columns: %1").arg(importer.expectedColumns)
                }

                Label {
                    text: qsTr("2. The file")
                    font.bold: true
                }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    TextField {
                        text: importer.fileName
                        readOnly: true
                        placeholderText: qsTr("No file chosen")
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Chosen file")
                    }
                    Button {
                        text: qsTr("Choose file…")
                        icon.name: "document-open"
                        enabled: !root.busy
                        Accessible.name: qsTr("Choose a CSV file")
                        onClicked: fileDialog.open()
                    }
                }

                Label {
                    text: qsTr("3. Check, then import")
                    font.bold: true
                }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Check file")
                        enabled: !root.busy && importer.fileName !== ""
                        Accessible.name: qsTr("Check the file without writing anything")
                        onClicked: importer.check()
                    }
                    Button {
                        text: qsTr("Import")
                        highlighted: true
                        enabled: !root.busy && importer.canImport && !root.session.readOnly
                        Accessible.name: qsTr("Import the checked file")
                        onClicked: importer.runImport()
                    }
                    ProgressBar {
                        visible: root.busy
                        value: importer.progress
                        Layout.fillWidth: true
                        Accessible.name: root.stateLabel(importer.state)
                    }
                    Button {
                        text: qsTr("Cancel")
                        visible: root.busy
                        Accessible.name: importer.state === "importing" ? qsTr("Cancel the import; nothing will be written")
                                                                        : qsTr("Cancel the check")
                        onClicked: importer.cancel()
                    }
                    Item {
                        visible: !root.busy
                        Layout.fillWidth: true
                    }
                }

                Item { implicitWidth: 1 }
                Label {
                    text: root.session.readOnly
                          ? qsTr("This ledger is open read-only: a file can be checked but not imported.")
                          : qsTr("Checking writes nothing. Nothing is written until you choose Import, and then the whole file goes in at once: an import that is cancelled or fails writes nothing at all.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            StatusBadge {
                status: root.stateColour(importer.state)
                label: root.stateLabel(importer.state)
                Layout.alignment: Qt.AlignTop
            }
            Label {
                text: importer.summary !== "" ? importer.summary
                      : importer.state === "idle" ? qsTr("Choose what the file holds and the file, then check it.") : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }

        Label {
            visible: importer.problems.count > 0
            text: importer.state === "invalid" ? qsTr("Problems (%1): correct them in the file and check it again").arg(importer.problems.count)
                                               : qsTr("Notes (%1)").arg(importer.problems.count)
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        CatalogTable {
            visible: importer.problems.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            activatable: false
            model: importer.problems
            nameRole: "text"
            accessibleName: qsTr("Problems in the file")
            columns: [
                { role: "line", title: qsTr("Line"), width: 60, blankZero: true },
                { role: "field", title: qsTr("Field"), width: 180 },
                { role: "message", title: qsTr("Problem"), wrap: true }
            ]
        }
        Item {
            visible: importer.problems.count === 0
            Layout.fillHeight: true
        }
    }
}
