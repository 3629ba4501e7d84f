pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Saving a person's portfolio: whose, under which passphrase (typed twice, held to the same
// rule as a ledger's), to a new file; read back before it is kept.
Frame {
    id: root
    required property Session session
    required property PortfolioController controller
    readonly property string problem: root.controller.passphraseProblem(passphrase.text, again.text)

    function fillPassphrase(text: string) {
        passphrase.text = text;
        again.text = text;
    }

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the portfolio")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "plportfolio"
        nameFilters: [qsTr("Portfolios (*.plportfolio)")]
        onAccepted: root.controller.save(saveDialog.selectedFile, passphrase.text)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Save a portfolio")
            font.bold: true
            font.pointSize: Theme.headingSize
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: qsTr("For the person to take to a new employer or keep. On a server, a login tied to a person saves their own.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label { text: qsTr("Employee ID") }
        TextField {
            text: root.controller.employeeId
            enabled: !root.controller.busy
            Layout.fillWidth: true
            Accessible.name: qsTr("Employee ID of the person whose portfolio to save")
            onTextEdited: root.controller.employeeId = text
        }
        Label {
            text: root.controller.personName !== "" ? root.controller.personName
                  : root.controller.employeeId !== "" ? qsTr("No one here has this employee ID.") : ""
            color: root.controller.personName !== "" ? Theme.text : Theme.muted
            font.bold: root.controller.personName !== ""
            Layout.fillWidth: true
            Accessible.name: text
        }
        Label { text: qsTr("Passphrase for the portfolio") }
        TextField {
            id: passphrase
            echoMode: TextInput.Password
            enabled: !root.controller.busy
            Layout.fillWidth: true
            Accessible.name: qsTr("Passphrase for the portfolio")
        }
        Label { text: qsTr("The passphrase again") }
        TextField {
            id: again
            echoMode: TextInput.Password
            enabled: !root.controller.busy
            Layout.fillWidth: true
            Accessible.name: qsTr("The portfolio's passphrase again")
        }
        Label {
            visible: passphrase.text !== ""
            text: root.problem !== "" ? root.problem : root.session.passphraseStrength(passphrase.text)
            color: root.problem !== "" ? Theme.statusTextColour("overdue") : Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.name: text
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                text: qsTr("Save portfolio…")
                highlighted: true
                enabled: !root.controller.busy && root.controller.personName !== "" && root.problem === ""
                Accessible.name: qsTr("Save the portfolio to a new file")
                onClicked: saveDialog.open()
            }
            ProgressBar {
                visible: root.controller.exportState === "saving"
                value: root.controller.progress
                Layout.fillWidth: true
                Accessible.name: qsTr("Progress of saving the portfolio")
            }
            Button {
                text: qsTr("Cancel")
                visible: root.controller.exportState === "saving"
                Accessible.name: qsTr("Cancel saving; no file will be left")
                onClicked: root.controller.cancel()
            }
            Item {
                visible: root.controller.exportState !== "saving"
                Layout.fillWidth: true
            }
        }
        TaskState {
            taskState: root.controller.exportState
            summary: root.controller.exportSummary
            idleText: qsTr("Choose the person, type a passphrase twice, then save. The file is checked by reading it back before it is kept.")
        }
        Item { Layout.fillHeight: true }
    }
}
