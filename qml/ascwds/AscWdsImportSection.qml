pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The import: a training file from ASC-WDS checked (every error by line), each kind of
// training no module matches given a module here, then imported whole; the choices are
// remembered for the next file.
Frame {
    id: root
    required property Session session
    readonly property AscWdsImportController importer: AscWdsImportController {
        session: root.session
    }

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose an ASC-WDS training file")
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        onAccepted: root.importer.fileUrl = fileDialog.selectedFile
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Import a training file")
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("The 12-column file ASC-WDS gives (or the older 8-column one). Each row becomes a completion of the module with its category and title, or of the module you choose.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            TextField {
                text: root.importer.fileName
                readOnly: true
                placeholderText: qsTr("No file chosen")
                Layout.fillWidth: true
                Accessible.name: qsTr("Chosen training file")
            }
            Button {
                text: qsTr("Choose file…")
                enabled: !root.importer.busy
                Accessible.name: qsTr("Choose an ASC-WDS training file")
                onClicked: fileDialog.open()
            }
        }

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                text: qsTr("Check file")
                enabled: !root.importer.busy && root.importer.fileName !== ""
                Accessible.name: qsTr("Check the training file without writing anything")
                onClicked: root.importer.check()
            }
            Button {
                text: qsTr("Import")
                highlighted: true
                enabled: !root.importer.busy && root.importer.canImport
                Accessible.name: qsTr("Import the checked training file")
                onClicked: root.importer.runImport()
            }
            ProgressBar {
                visible: root.importer.busy
                value: root.importer.progress
                Layout.fillWidth: true
                Accessible.name: qsTr("Progress of the import")
            }
            Button {
                text: qsTr("Cancel")
                visible: root.importer.busy
                Accessible.name: root.importer.state === "importing" ? qsTr("Cancel the import; nothing will be written")
                                                                     : qsTr("Cancel the check")
                onClicked: root.importer.cancel()
            }
            Item {
                visible: !root.importer.busy
                Layout.fillWidth: true
            }
        }

        TaskState {
            taskState: root.importer.state
            summary: root.importer.summary
            idleText: root.session.readOnly
                      ? qsTr("This ledger is open read-only: a file can be checked but not imported.")
                      : qsTr("Choose the file, then check it. Checking writes nothing; the import writes the whole file or nothing.")
        }

        Label {
            visible: root.importer.unmapped.count > 0
            text: qsTr("Training no module matches (%1): choose a module for each").arg(root.importer.unmapped.count)
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ListView {
            id: unmappedList
            visible: root.importer.unmapped.count > 0
            model: root.importer.unmapped
            clip: true
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 220)
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                id: mappingRow
                required property int index
                required property int category
                required property string categoryName
                required property string trainingName
                required property string where
                readonly property string described: qsTr("Category %1 (%2), “%3”").arg(mappingRow.category)
                                                      .arg(mappingRow.categoryName).arg(mappingRow.trainingName)
                width: ListView.view.width
                spacing: Theme.spacing
                Label {
                    text: mappingRow.described + "\n" + mappingRow.where
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                }
                ComboBox {
                    model: root.importer.moduleChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: Math.max(0, indexOfValue(root.importer.chosen[mappingRow.index] ?? ""))
                    enabled: !root.importer.busy
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Accessible.name: qsTr("Module for %1").arg(mappingRow.described)
                    onActivated: (index) => root.importer.choose(mappingRow.index, valueAt(index))
                }
            }
        }

        Label {
            visible: root.importer.problems.count > 0
            text: qsTr("Errors and warnings (%1)").arg(root.importer.problems.count)
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        CatalogTable {
            visible: root.importer.problems.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            activatable: false
            model: root.importer.problems
            nameRole: "text"
            accessibleName: qsTr("Errors and warnings in the file")
            columns: [
                { role: "kind", title: qsTr("Kind"), width: 80 },
                { role: "line", title: qsTr("Line"), width: 50, blankZero: true },
                { role: "field", title: qsTr("Column"), width: 120 },
                { role: "message", title: qsTr("What is wrong"), wrap: true }
            ]
        }
        Item {
            visible: root.importer.problems.count === 0
            Layout.fillHeight: true
        }
    }
}
