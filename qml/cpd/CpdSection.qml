pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A person's CPD log: the sessions they attended with no entry yet (each with "Log CPD",
// pre-filled, nothing stored until saved), then every entry, latest first, with its status in
// words, peer reflection and evidence files.
ColumnLayout {
    id: root
    required property Session session
    required property var app
    required property CpdController cpd
    /// The person's own record (My learning): they log and edit; elsewhere managers read.
    property bool canWrite: true

    function logFromSession(key: string) {
        root.app.openEditor("cpd", "", root.cpd.draftFromSession(key));
    }

    spacing: 0

    /// The HCPC profile's choices (for tests and the screenshot page).
    readonly property alias profile: profileDialog

    function openProfile() {
        profileDialog.show();
    }

    property string exportMessage: ""
    property bool exportFailed: false

    /// Starts writing the record or the profile to `file`: the task bar shows its progress
    /// and cancel; the outcome arrives by exportFinished.
    function exportTo(what: string, file: url) {
        const error = what === "hcpc" ? root.cpd.exportHcpcProfile(file, profileDialog.summary, profileDialog.chosenIds())
                                      : root.cpd.exportRecord(file, what);
        root.exportFailed = error !== "";
        root.exportMessage = error;
    }

    Connections {
        target: root.cpd
        function onExportFinished(ok: bool, message: string) {
            root.exportFailed = !ok;
            root.exportMessage = message;
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.margins: Theme.spacing
        spacing: Theme.spacing
        Label {
            text: root.cpd.summary !== "" ? root.cpd.summary : qsTr("No CPD logged yet.")
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("CPD record as PDF…")
            Accessible.name: qsTr("Export the CPD record as PDF")
            enabled: !root.session.tasks.running
            onClicked: {
                exportDialog.what = "pdf";
                exportDialog.open();
            }
        }
        Button {
            text: qsTr("As CSV…")
            Accessible.name: qsTr("Export the CPD record as CSV")
            enabled: !root.session.tasks.running
            onClicked: {
                exportDialog.what = "csv";
                exportDialog.open();
            }
        }
        Button {
            text: qsTr("HCPC profile…")
            Accessible.name: qsTr("Write an HCPC CPD profile")
            enabled: !root.session.tasks.running
            onClicked: profileDialog.show()
        }
    }
    Label {
        visible: root.exportMessage !== ""
        text: (root.exportFailed ? "⚠ " : "✓ ") + root.exportMessage
        color: root.exportFailed ? Theme.error : Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacing
        Layout.rightMargin: Theme.spacing
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.exportMessage
    }

    Repeater {
        model: root.cpd.toLog
        delegate: RowLayout {
            id: toLogRow
            required property string key
            required property string title
            required property string when
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            Layout.rightMargin: Theme.spacing
            Label {
                text: qsTr("Attended %1 (%2): no CPD logged for it yet").arg(toLogRow.title).arg(toLogRow.when)
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                visible: root.canWrite
                enabled: !root.session.readOnly
                text: qsTr("Log CPD")
                Accessible.name: qsTr("Log CPD for %1").arg(toLogRow.title)
                onClicked: root.logFromSession(toLogRow.key)
            }
        }
    }

    ListView {
        id: entryList
        clip: true
        model: root.cpd.entries
        activeFocusOnTab: true
        keyNavigationEnabled: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        ScrollBar.vertical: ScrollBar {}
        Accessible.name: qsTr("CPD entries")
        delegate: ItemDelegate {
            id: entryRow
            required property int index
            required property var entryId
            required property string date
            required property string title
            required property string type
            required property string hours
            required property string status
            required property string statusCode
            required property bool peerReflection
            required property string themes
            required property int evidence
            required property string source
            width: ListView.view.width
            Accessible.name: qsTr("%1, %2: %3, %4 hours, %5%6").arg(entryRow.date).arg(entryRow.title)
                                .arg(entryRow.type).arg(entryRow.hours).arg(entryRow.status)
                                .arg(entryRow.peerReflection ? qsTr(", with peer reflection") : "")
            onClicked: if (root.canWrite && !root.session.readOnly) root.app.openEditor("cpd", String(entryRow.entryId), {})
            Keys.onReturnPressed: entryRow.clicked()
            background: Rectangle { color: entryRow.index % 2 ? "#f8f9fb" : Theme.surface }
            contentItem: RowLayout {
                Label { text: entryRow.date; Layout.preferredWidth: 90 }
                Label { text: entryRow.title; elide: Text.ElideRight; Layout.fillWidth: true }
                Label { text: entryRow.type; color: Theme.muted; Layout.preferredWidth: 150 }
                Label { text: qsTr("%1 h").arg(entryRow.hours); horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 60 }
                Label {
                    text: entryRow.peerReflection ? qsTr("Peer reflection") : ""
                    color: Theme.muted
                    Layout.preferredWidth: 110
                }
                StatusBadge { status: entryRow.statusCode; label: entryRow.status; Layout.preferredWidth: 60 }
                Button {
                    text: entryRow.evidence > 0 ? qsTr("Evidence (%1)…").arg(entryRow.evidence) : qsTr("Evidence…")
                    flat: true
                    Accessible.name: qsTr("Evidence files of %1").arg(entryRow.title)
                    onClicked: evidenceDialog.show("evidence", entryRow.entryId, qsTr("Evidence: %1").arg(entryRow.title))
                }
            }
        }
    }

    FileDialog {
        id: exportDialog
        property string what: "pdf"
        title: exportDialog.what === "csv" ? qsTr("Export the CPD record as CSV") : qsTr("Export the CPD record as PDF")
        fileMode: FileDialog.SaveFile
        defaultSuffix: exportDialog.what
        nameFilters: exportDialog.what === "csv" ? [qsTr("CSV files (*.csv)")] : [qsTr("PDF files (*.pdf)")]
        onAccepted: root.exportTo(exportDialog.what, exportDialog.selectedFile)
    }
    HcpcProfileDialog {
        id: profileDialog
        cpd: root.cpd
        onSaveRequested: profileSaveDialog.open()
    }
    FileDialog {
        id: profileSaveDialog
        title: qsTr("Save the HCPC CPD profile")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: root.exportTo("hcpc", profileSaveDialog.selectedFile)
    }

    AttachmentsDialog {
        id: evidenceDialog
        session: root.session
        cpd: root.cpd
        canWrite: root.canWrite
    }
}
