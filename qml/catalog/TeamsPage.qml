pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The teams and roles people belong to; rules can require a module of one team or role.
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

        PageTitle {
            title: qsTr("Teams and roles")
            subtitle: qsTr("Choose a team or role to rename or remove it. One that people or rules still use cannot be removed.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacing
            spacing: Theme.margin

            CatalogNameList {
                kind: "team"
                heading: qsTr("Teams (%1)").arg(catalog.teams.count)
                newText: qsTr("New team")
                emptyText: qsTr("No teams yet.")
                model: catalog.teams
                readOnly: root.session.readOnly
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                onOpen: (name) => root.app.openEditor("team", name, {})
            }
            CatalogNameList {
                kind: "role"
                heading: qsTr("Roles (%1)").arg(catalog.roles.count)
                newText: qsTr("New role")
                emptyText: qsTr("No roles yet.")
                model: catalog.roles
                readOnly: root.session.readOnly
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                onOpen: (name) => root.app.openEditor("role", name, {})
            }
        }
    }
}
