pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The export: the workplace id, the day, a check that counts the rows and lists every
// problem, and the save (whole file or nothing; nothing while there are problems).
Frame {
    id: root
    required property Session session
    required property var app
    readonly property AscWdsExportController exporter: AscWdsExportController {
        session: root.session
    }

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the ASC-WDS training file")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: root.exporter.save(saveDialog.selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Export the training file")
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("One row for each completion counted on or before the day, of the staff active on it.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Label {
            text: qsTr("Workplace id (LOCALESTID)")
            font.bold: true
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Label {
                text: root.exporter.workplaceId !== "" ? root.exporter.workplaceId
                                                       : qsTr("Not set: the file needs your workplace's ASC-WDS id. Set it on the Settings page.")
                font.family: root.exporter.workplaceId !== "" ? "monospace" : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.StaticText
                Accessible.name: root.exporter.workplaceId !== "" ? qsTr("Workplace id %1").arg(root.exporter.workplaceId)
                                                                  : qsTr("Workplace id not set")
            }
            Button {
                text: root.exporter.workplaceId !== "" ? qsTr("Change in Settings") : qsTr("Set it in Settings")
                Accessible.name: qsTr("Open Settings to set the ASC-WDS workplace id")
                onClicked: root.app.currentPage = "settings"
            }
        }

        FormField {
            id: asOfField
            label: qsTr("As of (DD/MM/YYYY)")
            text: root.exporter.asOf
            placeholderText: qsTr("DD/MM/YYYY")
            hint: qsTr("Completions on or before this day, of the staff active on it.")
            readOnly: root.exporter.busy
            onEdited: (text) => root.exporter.asOf = text
        }

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                text: qsTr("Check")
                enabled: !root.exporter.busy
                Accessible.name: qsTr("Check the training file without writing anything")
                onClicked: root.exporter.check()
            }
            Button {
                text: qsTr("Save training file…")
                highlighted: true
                enabled: !root.exporter.busy && root.exporter.canSave
                Accessible.name: qsTr("Save the ASC-WDS training file")
                onClicked: {
                    const folder = saveDialog.currentFolder.toString();
                    const name = "asc-wds-training.csv";
                    saveDialog.selectedFile = folder !== "" ? folder + "/" + name : name;
                    saveDialog.open();
                }
            }
            ProgressBar {
                visible: root.exporter.busy
                value: root.exporter.progress
                Layout.fillWidth: true
                Accessible.name: qsTr("Progress of the export")
            }
            Button {
                text: qsTr("Cancel")
                visible: root.exporter.busy
                Accessible.name: qsTr("Cancel; no file will be written")
                onClicked: root.exporter.cancel()
            }
            Item {
                visible: !root.exporter.busy
                Layout.fillWidth: true
            }
        }

        TaskState {
            taskState: root.exporter.state
            summary: root.exporter.summary
            idleText: qsTr("Check first: it counts the rows and lists anything ASC-WDS would refuse. The file can be saved only when there is nothing to correct.")
        }

        CatalogTable {
            visible: root.exporter.problems.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            activatable: false
            model: root.exporter.problems
            nameRole: "text"
            accessibleName: qsTr("Problems and warnings of the export")
            columns: [
                { role: "kind", title: qsTr("Kind"), width: 80 },
                { role: "record", title: qsTr("Record"), width: 160 },
                { role: "field", title: qsTr("Column"), width: 120 },
                { role: "message", title: qsTr("What is wrong"), wrap: true }
            ]
        }
        Item {
            visible: root.exporter.problems.count === 0
            Layout.fillHeight: true
        }
    }
}
