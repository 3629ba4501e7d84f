pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Audit themes: findings from audits, complaints, reviews and inspections that training and
// practice forums should address.
Item {
    id: root
    required property Session session
    required property var app

    CatalogController {
        id: catalog
        session: root.session
        active: root.visible
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            PageTitle {
                title: qsTr("Audit themes")
                subtitle: qsTr("What case-file audits, complaints, ombudsman findings, reviews and inspections asked the service to learn, and the modules that address it.")
            }
            Button {
                text: qsTr("New theme")
                icon.name: "list-add"
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Add a new audit theme")
                Layout.alignment: Qt.AlignBottom
                onClicked: root.app.openEditor("auditTheme", "", {})
            }
        }

        CatalogTable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacing
            model: catalog.themes
            nameRole: "title"
            accessibleName: qsTr("Audit themes; press Enter to edit the current one")
            emptyText: qsTr("No audit themes yet.")
            columns: [
                { role: "key", title: qsTr("Key"), width: 90 },
                { role: "title", title: qsTr("Theme") },
                { role: "source", title: qsTr("Source"), width: 180 },
                { role: "raisedOn", title: qsTr("Raised on"), width: 90 },
                { role: "priority", title: qsTr("Priority"), width: 70 },
                { role: "status", title: qsTr("Status"), width: 120 },
                { role: "modules", title: qsTr("Linked modules"), width: 200 }
            ]
            onActivated: (row) => root.app.openEditor("auditTheme", catalog.themes.get(row).themeId, {})
        }
    }
}
