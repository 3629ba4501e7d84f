pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Registration checks by team, for managers and workforce leads: who has met this
// registration year's Social Work England requirement and HCPC's CPD standards, in words as
// well as colour; a row opens the person.
Item {
    id: root
    required property Session session
    required property var app
    readonly property RegistrationController controller: registration

    RegistrationController {
        id: registration
        session: root.session
        active: root.visible
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        RowLayout {
            Layout.fillWidth: true
            PageTitle {
                title: qsTr("Registration checks")
                subtitle: qsTr("CPD as Social Work England and HCPC ask for it, as of %1").arg(root.session.todayText)
            }
            Label { text: qsTr("Team") }
            ComboBox {
                id: teamBox
                Layout.preferredWidth: 260
                model: [qsTr("All teams")].concat(registration.teams)
                Accessible.name: qsTr("Team to show")
                onActivated: (index) => registration.team = index === 0 ? "" : registration.teams[index - 1]
            }
        }

        Label { text: registration.sweSummary; font.bold: true }
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Name"); font.bold: true; leftPadding: Theme.spacing; Layout.preferredWidth: 260 }
            Label { text: qsTr("Team"); font.bold: true; Layout.preferredWidth: 220 }
            Label { text: qsTr("Final entries"); font.bold: true; Layout.preferredWidth: 110 }
            Label { text: qsTr("With peer reflection"); font.bold: true; Layout.preferredWidth: 170 }
            Label { text: qsTr("Days left"); font.bold: true; Layout.preferredWidth: 90 }
            Label { text: qsTr("Status"); font.bold: true; Layout.fillWidth: true }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            ListView {
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: registration.socialWorkEngland
                activeFocusOnTab: true
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Social Work England registration checks")
                delegate: ItemDelegate {
                    id: sweRow
                    required property int index
                    required property string employeeId
                    required property string name
                    required property string team
                    required property int entries
                    required property int withPeer
                    required property int daysLeft
                    required property string status
                    required property string statusCode
                    width: ListView.view.width
                    Accessible.name: qsTr("%1, %2: %3 final entries, %4 with peer reflection, %5")
                                         .arg(sweRow.name).arg(sweRow.team).arg(sweRow.entries)
                                         .arg(sweRow.withPeer).arg(sweRow.status)
                    onClicked: root.app.openPerson(sweRow.employeeId)
                    Keys.onReturnPressed: sweRow.clicked()
                    background: Rectangle { color: sweRow.index % 2 ? "#f8f9fb" : Theme.surface }
                    contentItem: RowLayout {
                        Label { text: qsTr("%1 (%2)").arg(sweRow.name).arg(sweRow.employeeId); elide: Text.ElideRight; Layout.preferredWidth: 252 }
                        Label { text: sweRow.team; elide: Text.ElideRight; Layout.preferredWidth: 220 }
                        Label { text: sweRow.entries; Layout.preferredWidth: 110 }
                        Label { text: sweRow.withPeer; Layout.preferredWidth: 170 }
                        Label { text: sweRow.daysLeft; Layout.preferredWidth: 90 }
                        StatusBadge { status: sweRow.statusCode; label: sweRow.status }
                        Item { Layout.fillWidth: true }
                    }
                }
            }
        }

        Label { text: registration.hcpcSummary; font.bold: true }
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Name"); font.bold: true; leftPadding: Theme.spacing; Layout.preferredWidth: 260 }
            Label { text: qsTr("Team"); font.bold: true; Layout.preferredWidth: 220 }
            Label { text: qsTr("Activities"); font.bold: true; Layout.preferredWidth: 90 }
            Label { text: qsTr("Kinds"); font.bold: true; Layout.preferredWidth: 260 }
            Label { text: qsTr("Status"); font.bold: true; Layout.fillWidth: true }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            ListView {
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: registration.hcpc
                activeFocusOnTab: true
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("HCPC registration checks")
                delegate: ItemDelegate {
                    id: hcpcRow
                    required property int index
                    required property string employeeId
                    required property string name
                    required property string team
                    required property int activities
                    required property string types
                    required property string gaps
                    required property string status
                    required property string statusCode
                    required property string reasons
                    width: ListView.view.width
                    Accessible.name: qsTr("%1, %2: %3 activities, %4%5")
                                         .arg(hcpcRow.name).arg(hcpcRow.team).arg(hcpcRow.activities)
                                         .arg(hcpcRow.status)
                                         .arg(hcpcRow.reasons !== "" ? qsTr(" (%1)").arg(hcpcRow.reasons) : "")
                    onClicked: root.app.openPerson(hcpcRow.employeeId)
                    Keys.onReturnPressed: hcpcRow.clicked()
                    background: Rectangle { color: hcpcRow.index % 2 ? "#f8f9fb" : Theme.surface }
                    contentItem: RowLayout {
                        Label { text: qsTr("%1 (%2)").arg(hcpcRow.name).arg(hcpcRow.employeeId); elide: Text.ElideRight; Layout.preferredWidth: 252 }
                        Label { text: hcpcRow.team; elide: Text.ElideRight; Layout.preferredWidth: 220 }
                        Label { text: hcpcRow.activities; Layout.preferredWidth: 90 }
                        Label { text: hcpcRow.types; elide: Text.ElideRight; Layout.preferredWidth: 260 }
                        StatusBadge { status: hcpcRow.statusCode; label: hcpcRow.status }
                        Label {
                            text: hcpcRow.gaps !== "" ? qsTr("Gap: %1").arg(hcpcRow.gaps) : hcpcRow.reasons
                            color: Theme.muted
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }
}
