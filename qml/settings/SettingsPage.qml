pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Settings kept in the ledger itself (so they travel with it): the organisation's name, its
// ASC-WDS workplace id, and how soon an idle ledger locks.
Item {
    id: root
    required property Session session
    required property var app

    property string result: ""
    property bool failed: false

    /// Shows the saved values again, forgetting unsaved edits.
    function reset() {
        organisation.text = root.session.organisationName;
        localEstId.text = root.session.setting("asc_wds_localestid");
        idleLock.value = root.session.idleLockMinutes;
        root.result = "";
    }
    function save() {
        const error = root.session.saveSettings(organisation.text, localEstId.text, idleLock.value);
        root.failed = error !== "";
        root.result = error !== "" ? error : qsTr("Saved.");
    }

    // Each visit shows what is saved (another ledger may have been opened meanwhile).
    onVisibleChanged: if (root.visible) root.reset()
    Component.onCompleted: root.reset()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        PageTitle {
            title: qsTr("Settings")
            subtitle: qsTr("These are kept in the ledger, so they go wherever the ledger goes.")
        }

        Frame {
            Layout.preferredWidth: 560
            padding: Theme.margin
            background: Rectangle {
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
            }

            ColumnLayout {
                anchors.fill: parent
                spacing: Theme.margin
                Keys.onReturnPressed: if (!root.session.readOnly) root.save()
                Keys.onEnterPressed: if (!root.session.readOnly) root.save()

                FormField {
                    id: organisation
                    label: qsTr("Organisation name")
                    placeholderText: qsTr("e.g. Northshire County Council – Adult Social Care")
                    hint: qsTr("Shown at the top of the window and on reports and evidence packs.")
                    readOnly: root.session.readOnly
                }
                FormField {
                    id: localEstId
                    label: qsTr("ASC-WDS workplace id (LOCALESTID)")
                    hint: qsTr("Your workplace's id in ASC-WDS; it goes in the training bulk-upload file.")
                    readOnly: root.session.readOnly
                }
                ColumnLayout {
                    spacing: 2
                    Label {
                        text: qsTr("Lock after idle (minutes)")
                        font.bold: true
                    }
                    SpinBox {
                        id: idleLock
                        from: 0
                        to: 480
                        editable: true
                        enabled: !root.session.readOnly
                        Accessible.name: qsTr("Lock after idle, in minutes; 0 never locks")
                    }
                    Label {
                        text: qsTr("0 = never lock. The ledger locks itself when nobody has used the app for this long.")
                        color: Theme.muted
                        font.pointSize: 8.5
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }

                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Save")
                        highlighted: true
                        enabled: !root.session.readOnly
                        Accessible.name: qsTr("Save the settings")
                        onClicked: root.save()
                    }
                    Button {
                        text: qsTr("Undo changes")
                        enabled: !root.session.readOnly
                        Accessible.name: qsTr("Show the saved settings again")
                        onClicked: root.reset()
                    }
                    Label {
                        visible: root.result !== "" || root.session.readOnly
                        text: root.session.readOnly ? qsTr("This ledger is open read-only: settings cannot be saved.")
                            : (root.failed ? "⚠ " : "✓ ") + root.result
                        color: root.session.readOnly ? Theme.muted : root.failed ? Theme.error : "#1e5b2a"
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                }
            }
        }

        Item { Layout.fillHeight: true }
    }
}
