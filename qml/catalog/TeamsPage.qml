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
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                spacing: Theme.spacing

                CatalogNameList {
                    kind: "role"
                    heading: qsTr("Roles (%1)").arg(catalog.roles.count)
                    newText: qsTr("New role")
                    emptyText: qsTr("No roles yet.")
                    model: catalog.roles
                    readOnly: root.session.readOnly
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    onOpen: (name) => root.app.openEditor("role", name, {})
                }

                // Which roles may sign trusted assessors off (the signer's role when they
                // sign); the authorisation editor offers only their holders.
                Label {
                    text: qsTr("Can sign off trusted assessors")
                    font.bold: true
                    Layout.topMargin: Theme.spacing
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: catalog.roles
                        delegate: CheckBox {
                            id: signOff
                            required property string name
                            required property bool canSignOff
                            text: signOff.name
                            checked: signOff.canSignOff
                            enabled: !root.session.readOnly
                            Accessible.name: qsTr("%1 can sign off trusted assessors").arg(signOff.name)
                            onToggled: {
                                const error = catalog.setCanSignOff(signOff.name, signOff.checked);
                                signOffError.text = error;
                                if (error !== "")
                                    signOff.checked = signOff.canSignOff;
                            }
                        }
                    }
                }
                Label {
                    id: signOffError
                    visible: signOffError.text !== ""
                    color: Theme.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: signOffError.text
                }
            }
        }
    }
}
