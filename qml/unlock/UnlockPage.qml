pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// Open a ledger with its passphrase (a file) or its login's password (a server), create a
// new one, or open the demo.
Rectangle {
    id: root
    required property Session session
    /// What the location field starts with (--location), else the last ledger opened.
    property string initialLocation: ""
    property string error: ""
    // A location given later (the restored ledger the backup page offers to open) replaces
    // whatever was typed.
    onInitialLocationChanged: pathField.text = root.initialLocation
    property bool creating: false
    // The typed location as the session reads it: a server or a file, and for a server its
    // login, why it would be refused and what to warn about.
    readonly property var place: root.session.describeLocation(pathField.text)
    readonly property bool onServer: root.place.server

    color: Theme.window

    // Opening reads the ledger as a task; a failure later shows as session.openError.
    function openChosen() {
        root.error = "";
        root.session.unlock(pathField.text, passField.text);
        passField.text = "";
    }
    function createChosen() {
        if (newPass.text !== newPassAgain.text) {
            root.error = qsTr("The two passphrases differ. Type the same passphrase twice.");
            return;
        }
        root.error = root.session.create(newPath.text, newPass.text);
        newPass.text = "";
        newPassAgain.text = "";
    }

    FileDialog {
        id: openDialog
        title: qsTr("Choose a ledger")
        nameFilters: [qsTr("Ledgers (*.ledger)"), qsTr("All files (*)")]
        onAccepted: pathField.text = decodeURIComponent(openDialog.selectedFile.toString().replace("file://", ""))
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Where to keep the new ledger")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Ledgers (*.ledger)")]
        onAccepted: newPath.text = decodeURIComponent(saveDialog.selectedFile.toString().replace("file://", ""))
    }

    Rectangle {
        anchors.centerIn: parent
        width: 560
        height: content.implicitHeight + 2 * 32
        color: Theme.surface
        border.color: Theme.border
        radius: 6

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: 32
            spacing: 12

            PageTitle {
                title: qsTr("Practice Ledger")
                // A server's ledger is not an encrypted file: the server keeps it (TLS guards
                // the wire) and decides who may see what.
                subtitle: root.onServer && !root.creating
                          ? qsTr("The learning and development record of your workforce, kept on the server; the server decides who may see what.")
                          : qsTr("The learning and development record of your workforce, kept in an encrypted file.")
            }

            Rectangle {
                id: errorBox
                readonly property string message: root.error !== "" ? root.error : root.session.openError
                visible: message !== ""
                Layout.fillWidth: true
                implicitHeight: errorText.implicitHeight + 16
                color: Theme.errorBackground
                radius: Theme.radius
                Label {
                    id: errorText
                    anchors.fill: parent
                    anchors.margins: 8
                    text: errorBox.message
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: errorBox.message
                }
            }

            TaskProgress {
                tasks: root.session.tasks
                visible: root.session.opening
                Layout.fillWidth: true
            }

            TabBar {
                id: tabs
                enabled: !root.session.opening
                Layout.fillWidth: true
                currentIndex: root.creating ? 1 : 0
                TabButton {
                    text: qsTr("Open a ledger")
                    Accessible.name: qsTr("Open a ledger")
                    onClicked: root.creating = false
                }
                TabButton {
                    text: qsTr("Create a new ledger")
                    Accessible.name: qsTr("Create a new ledger")
                    onClicked: root.creating = true
                }
            }

            ColumnLayout {
                visible: !root.creating
                enabled: !root.session.opening
                spacing: 8
                Layout.fillWidth: true

                ChoiceField {
                    visible: root.session.recentLedgers.length > 0
                    label: qsTr("Recent ledgers")
                    choices: root.session.recentLedgers
                    value: pathField.text
                    onChosen: (value) => pathField.text = value
                }
                RowLayout {
                    Layout.fillWidth: true
                    FormField {
                        id: pathField
                        label: qsTr("Ledger file or server address")
                        placeholderText: qsTr("/home/you/council.ledger or postgresql://server/ledger")
                        text: root.initialLocation !== "" ? root.initialLocation
                              : root.session.recentLedgers.length > 0 ? root.session.recentLedgers[0] : ""
                    }
                    Button {
                        text: qsTr("Browse…")
                        Accessible.name: qsTr("Browse for a ledger file")
                        Layout.alignment: Qt.AlignBottom
                        onClicked: openDialog.open()
                    }
                }
                // Beneath the row, not in the field: the Browse button stays beside the field.
                Label {
                    id: problemText
                    readonly property string problem: root.onServer ? root.place.problem : ""
                    visible: problemText.problem !== ""
                    text: "⚠ " + problemText.problem
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: problemText.problem
                }
                Label {
                    visible: root.onServer && root.place.problem === ""
                    text: qsTr("On a server you sign in as %1; the server decides what you see.")
                          .arg(root.place.login)
                    color: Theme.muted
                    font.pointSize: 8.5
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // Says in words, not colour alone, that the network is not protected.
                Label {
                    id: tlsBanner
                    readonly property string warning: root.onServer ? root.place.warning : ""
                    visible: tlsBanner.warning !== ""
                    Layout.fillWidth: true
                    padding: 8
                    text: qsTr("⚠ Warning: %1").arg(tlsBanner.warning)
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: qsTr("Warning: %1").arg(tlsBanner.warning)
                    background: Rectangle {
                        color: Theme.noticeBackground
                        border.color: Theme.border
                        radius: Theme.radius
                    }
                }
                FormField {
                    id: passField
                    label: root.onServer ? qsTr("Password") : qsTr("Passphrase")
                    echoMode: TextInput.Password
                    hint: root.onServer ? qsTr("Leave it empty to use your password file (PGPASSFILE or ~/.pgpass).") : ""
                    field.onAccepted: root.openChosen()
                }
                Button {
                    text: qsTr("Open")
                    highlighted: true
                    enabled: pathField.text !== "" && (root.onServer ? root.place.problem === "" : passField.text !== "")
                    Accessible.name: qsTr("Open the ledger")
                    Layout.alignment: Qt.AlignRight
                    onClicked: root.openChosen()
                }
            }

            ColumnLayout {
                visible: root.creating
                spacing: 8
                Layout.fillWidth: true

                RowLayout {
                    Layout.fillWidth: true
                    FormField {
                        id: newPath
                        label: qsTr("New ledger file")
                        placeholderText: qsTr("/home/you/council.ledger")
                    }
                    Button {
                        text: qsTr("Choose…")
                        Accessible.name: qsTr("Choose where to keep the new ledger")
                        Layout.alignment: Qt.AlignBottom
                        onClicked: saveDialog.open()
                    }
                }
                FormField {
                    id: newPass
                    label: qsTr("Passphrase")
                    echoMode: TextInput.Password
                    hint: root.session.passphraseStrength(newPass.text)
                }
                FormField {
                    id: newPassAgain
                    label: qsTr("Passphrase again")
                    echoMode: TextInput.Password
                    error: newPassAgain.text !== "" && newPassAgain.text !== newPass.text
                           ? qsTr("Not the same as the passphrase above") : ""
                    field.onAccepted: root.createChosen()
                }
                Label {
                    text: qsTr("Nobody can recover a forgotten passphrase: keep it somewhere safe.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Create")
                    highlighted: true
                    enabled: newPath.text !== "" && newPass.text !== ""
                    Accessible.name: qsTr("Create the ledger")
                    Layout.alignment: Qt.AlignRight
                    onClicked: root.createChosen()
                }
            }

            MenuSeparator { Layout.fillWidth: true }

            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("New here? Try a generated council of about 400 staff.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    enabled: !root.session.opening
                    text: qsTr("Open the demo")
                    Accessible.name: qsTr("Open the demo ledger")
                    onClicked: root.error = root.session.openDemo()
                }
            }
        }
    }
}
