pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Bringing a portfolio in: the file, its passphrase and who it is here; "Check" lists what
// would be added, what is already there, and every conflict and unmatched module, writing
// nothing; "Import" writes it all at once, only when nothing is in the way.
Frame {
    id: root
    required property Session session
    required property PortfolioController controller

    function fillPassphrase(text: string) {
        passphrase.text = text;
    }

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    FileDialog {
        id: openDialog
        title: qsTr("Choose a portfolio")
        nameFilters: [qsTr("Portfolios (*.plportfolio)"), qsTr("All files (*)")]
        onAccepted: root.controller.fileUrl = openDialog.selectedFile
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Bring in a portfolio")
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("Completions (of modules matched by code) with their certificates, and CPD entries with their evidence, are added to the person here. Sessions attended and programmes are shown as their history, not added.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            columns: 3
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Layout.fillWidth: true
            Label { text: qsTr("File") }
            TextField {
                text: root.controller.fileName
                readOnly: true
                placeholderText: qsTr("No file chosen")
                Layout.fillWidth: true
                Accessible.name: qsTr("Chosen portfolio file")
            }
            Button {
                text: qsTr("Choose file…")
                enabled: !root.controller.busy
                Accessible.name: qsTr("Choose a portfolio file")
                onClicked: openDialog.open()
            }
            Label { text: qsTr("Passphrase") }
            TextField {
                id: passphrase
                echoMode: TextInput.Password
                enabled: !root.controller.busy
                Layout.fillWidth: true
                Layout.columnSpan: 2
                Accessible.name: qsTr("The portfolio's passphrase")
            }
            Label { text: qsTr("Bring in as") }
            TextField {
                text: root.controller.asEmployeeId
                placeholderText: qsTr("The portfolio's own employee ID")
                enabled: !root.controller.busy
                Layout.fillWidth: true
                Layout.columnSpan: 2
                Accessible.name: qsTr("Employee ID here to bring the portfolio in as (empty: its own)")
                onTextEdited: root.controller.asEmployeeId = text
            }
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                text: qsTr("Check")
                enabled: !root.controller.busy && root.controller.fileName !== "" && passphrase.text !== ""
                Accessible.name: qsTr("Check the portfolio against this ledger without writing anything")
                onClicked: root.controller.check(passphrase.text)
            }
            Button {
                text: qsTr("Import")
                highlighted: true
                enabled: root.controller.canImport
                Accessible.name: qsTr("Import the checked portfolio")
                onClicked: root.controller.runImport(passphrase.text)
            }
            ProgressBar {
                visible: root.controller.importState === "checking" || root.controller.importState === "importing"
                value: root.controller.progress
                Layout.fillWidth: true
                Accessible.name: qsTr("Progress of the portfolio's check or import")
            }
            Button {
                text: qsTr("Cancel")
                visible: root.controller.importState === "checking" || root.controller.importState === "importing"
                Accessible.name: root.controller.importState === "importing" ? qsTr("Cancel the import; nothing will be written")
                                                                              : qsTr("Cancel the check")
                onClicked: root.controller.cancel()
            }
            Item { Layout.fillWidth: true }
        }
        TaskState {
            taskState: root.controller.importState
            summary: root.controller.importSummary
            idleText: root.session.readOnly
                      ? qsTr("This ledger is open read-only: a portfolio can be checked but not imported.")
                      : qsTr("Choose the file and type its passphrase, then check it. Checking writes nothing; the import writes everything or nothing.")
        }
        CatalogTable {
            visible: root.controller.items.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            activatable: false
            model: root.controller.items
            nameRole: "text"
            accessibleName: qsTr("What the check found")
            columns: [
                { role: "kind", title: qsTr("What"), width: 130 },
                { role: "text", title: qsTr("Record"), wrap: true }
            ]
        }
        Label {
            visible: root.controller.history.count > 0
            text: qsTr("Their history, kept in the portfolio and not added here (%1)").arg(root.controller.history.count)
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        CatalogTable {
            visible: root.controller.history.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 1
            activatable: false
            model: root.controller.history
            nameRole: "text"
            accessibleName: qsTr("Sessions attended and programmes in the portfolio")
            columns: [
                { role: "kind", title: qsTr("Kind"), width: 130 },
                { role: "text", title: qsTr("Record"), wrap: true }
            ]
        }
        Item {
            visible: root.controller.items.count === 0 && root.controller.history.count === 0
            Layout.fillHeight: true
        }
    }
}
