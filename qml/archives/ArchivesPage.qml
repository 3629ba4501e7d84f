pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Archives: the whole ledger in one file sealed under a passphrase of its own (to move it to a
// server and back, or keep it off-site), and an archive restored into a new ledger.
Item {
    id: root
    required property Session session
    required property var app
    readonly property ArchiveController archives: ArchiveController {
        session: root.session
    }

    // The screenshot's example (main.cpp --page archives): the demo archived beside itself.
    function archiveExample(file: string, passphrase: string) {
        exportFile.text = file;
        exportPassphrase.text = passphrase;
        exportAgain.text = passphrase;
        root.archives.exportTo(file, passphrase, passphrase);
    }

    // The second screenshot's example: that archive restored into a new file beside it.
    property string exampleRestoreTo: ""
    function restoreExample(target: string) {
        root.exampleRestoreTo = target;
    }
    Connections {
        target: root.archives
        function onFinished() {
            if (root.exampleRestoreTo === "" || root.archives.state !== "exported") {
                return;
            }
            archiveFile.text = exportFile.text;
            archivePassphrase.text = exportPassphrase.text;
            restoreTarget.text = root.exampleRestoreTo;
            newPassphrase.text = exportPassphrase.text;
            newAgain.text = exportPassphrase.text;
            root.exampleRestoreTo = "";
            root.archives.restore(archiveFile.text, archivePassphrase.text, restoreTarget.text,
                                  newPassphrase.text, newAgain.text);
        }
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Archive the ledger to a new file")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "plarchive"
        nameFilters: [qsTr("Practice Ledger archives (*.plarchive)")]
        onAccepted: exportFile.text = exportDialog.selectedFile.toString().replace(/^file:\/\//, "")
    }
    FileDialog {
        id: archiveDialog
        title: qsTr("Choose an archive to restore")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Practice Ledger archives (*.plarchive)"), qsTr("All files (*)")]
        onAccepted: archiveFile.text = archiveDialog.selectedFile.toString().replace(/^file:\/\//, "")
    }
    FileDialog {
        id: targetDialog
        title: qsTr("Restore into a new ledger file")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "ledger"
        nameFilters: [qsTr("Ledger files (*.ledger)")]
        onAccepted: restoreTarget.text = targetDialog.selectedFile.toString().replace(/^file:\/\//, "")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        PageTitle {
            title: qsTr("Archives")
            subtitle: qsTr("Every record of the ledger in one file: staff, training, sessions, CPD with its evidence, programmes, settings and the change log. Sealed under its own passphrase, checked whole when it is read.")
        }

        TaskState {
            taskState: root.archives.state
            summary: root.archives.summary
            idleLabel: qsTr("Ready")
            idleText: qsTr("Nothing written yet. An archive never replaces a file, and a restore never writes over a ledger.")
        }
        RowLayout {
            visible: root.archives.busy
            spacing: Theme.spacing
            Layout.fillWidth: true
            ProgressBar {
                value: root.archives.progress
                Layout.fillWidth: true
                Accessible.name: qsTr("Progress of the archive task")
            }
            Button {
                text: qsTr("Cancel")
                Accessible.name: root.archives.state === "exporting"
                                 ? qsTr("Cancel; no archive will be written")
                                 : qsTr("Cancel; nothing will be restored")
                onClicked: root.archives.cancel()
            }
        }

        RowLayout {
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true

            Frame {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                padding: Theme.margin
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    Label {
                        text: qsTr("Archive this ledger")
                        font.bold: true
                        font.pointSize: Theme.headingSize
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        text: root.session.onServer
                              ? qsTr("On a server, only its database administrator sees the whole ledger to archive it.")
                              : qsTr("Written beside its name, read back whole, then kept; readable by you only.")
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        FormField {
                            id: exportFile
                            label: qsTr("New archive file")
                            placeholderText: qsTr("/path/to/council-2026-11-30.plarchive")
                            readOnly: root.archives.busy
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Choose…")
                            enabled: !root.archives.busy
                            Layout.alignment: Qt.AlignBottom
                            Accessible.name: qsTr("Choose the new archive file")
                            onClicked: exportDialog.open()
                        }
                    }
                    FormField {
                        id: exportPassphrase
                        label: qsTr("Archive passphrase")
                        echoMode: TextInput.Password
                        readOnly: root.archives.busy
                        hint: exportPassphrase.text !== ""
                              ? root.session.passphraseStrength(exportPassphrase.text)
                              : qsTr("Three or four unrelated words make a good one. Keep it apart from the archive.")
                        Layout.fillWidth: true
                    }
                    FormField {
                        id: exportAgain
                        label: qsTr("Archive passphrase again")
                        echoMode: TextInput.Password
                        readOnly: root.archives.busy
                        error: exportAgain.text !== "" && exportAgain.text !== exportPassphrase.text
                               ? qsTr("The two entries differ.") : ""
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Archive the ledger")
                        highlighted: true
                        enabled: !root.archives.busy && exportFile.text !== "" && exportPassphrase.text !== ""
                        Accessible.name: qsTr("Archive the whole ledger to the new file")
                        onClicked: root.archives.exportTo(exportFile.text, exportPassphrase.text, exportAgain.text)
                    }
                    Item { Layout.fillHeight: true }
                }
            }

            Frame {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                padding: Theme.margin
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }
                ColumnLayout {
                    id: restoreColumn
                    anchors.fill: parent
                    spacing: Theme.spacing
                    Label {
                        text: qsTr("Restore an archive")
                        font.bold: true
                        font.pointSize: Theme.headingSize
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        text: qsTr("Into a new ledger file, or into a server ledger that holds no records yet (as its administrator). All or nothing: a damaged or altered archive restores nothing.")
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        FormField {
                            id: archiveFile
                            label: qsTr("Archive")
                            placeholderText: qsTr("/path/to/an archive.plarchive")
                            readOnly: root.archives.busy
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Choose…")
                            enabled: !root.archives.busy
                            Layout.alignment: Qt.AlignBottom
                            Accessible.name: qsTr("Choose the archive to restore")
                            onClicked: archiveDialog.open()
                        }
                    }
                    FormField {
                        id: archivePassphrase
                        label: qsTr("Its archive passphrase")
                        echoMode: TextInput.Password
                        readOnly: root.archives.busy
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        FormField {
                            id: restoreTarget
                            label: qsTr("Restore into (a new file, or postgresql://server/database)")
                            placeholderText: qsTr("/path/to/restored.ledger")
                            readOnly: root.archives.busy
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Choose…")
                            enabled: !root.archives.busy
                            Layout.alignment: Qt.AlignBottom
                            Accessible.name: qsTr("Choose the new ledger file to restore into")
                            onClicked: targetDialog.open()
                        }
                    }
                    readonly property bool toServer: restoreTarget.text.startsWith("postgresql://")
                                                     || restoreTarget.text.startsWith("postgres://")
                    FormField {
                        id: newPassphrase
                        label: restoreColumn.toServer ? qsTr("Administrator's password (empty: the password file)")
                                               : qsTr("New ledger's passphrase")
                        echoMode: TextInput.Password
                        readOnly: root.archives.busy
                        hint: restoreColumn.toServer ? "" : root.session.passphraseStrength(newPassphrase.text)
                        Layout.fillWidth: true
                    }
                    FormField {
                        id: newAgain
                        visible: !restoreColumn.toServer
                        label: qsTr("New ledger's passphrase again")
                        echoMode: TextInput.Password
                        readOnly: root.archives.busy
                        error: newAgain.text !== "" && newAgain.text !== newPassphrase.text
                               ? qsTr("The two entries differ.") : ""
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Restore")
                        highlighted: true
                        enabled: !root.archives.busy && archiveFile.text !== "" && restoreTarget.text !== ""
                        Accessible.name: qsTr("Restore the archive into the new ledger")
                        onClicked: root.archives.restore(archiveFile.text, archivePassphrase.text,
                                                         restoreTarget.text, newPassphrase.text,
                                                         restoreColumn.toServer ? newPassphrase.text : newAgain.text)
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }
}
