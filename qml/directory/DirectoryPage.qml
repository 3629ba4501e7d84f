pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// Everyone in the ledger, searchable by name or employee id.
Item {
    id: root
    required property Session session
    required property var app

    /// The employee id of the first active person with something overdue (for screenshots).
    function firstWithOverdue(): string { return directory.firstWithOverdue(); }

    StaffDirectoryModel {
        id: directory
        session: root.session
        active: root.visible
        search: searchField.text
        includeLeavers: leaversBox.checked
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        RowLayout {
            Layout.fillWidth: true
            PageTitle {
                title: qsTr("Staff")
                subtitle: qsTr("%1 of %2 people shown").arg(directory.count).arg(directory.total)
            }
            Button {
                text: qsTr("New person")
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Add a new person")
                onClicked: root.app.openEditor("staff", "", {})
            }
        }

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: searchField
                Layout.fillWidth: true
                placeholderText: qsTr("Search by name or employee id")
                Accessible.name: qsTr("Search staff by name or employee id")
                Keys.onDownPressed: { list.forceActiveFocus(); list.currentIndex = 0; }
            }
            CheckBox {
                id: leaversBox
                text: qsTr("Include leavers")
                Accessible.name: qsTr("Include leavers and people not started yet")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 1
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Layout.topMargin: 6
                    Layout.bottomMargin: 6
                    Label { text: qsTr("Name"); font.bold: true; Layout.preferredWidth: 260 }
                    Label { text: qsTr("Employee id"); font.bold: true; Layout.preferredWidth: 110 }
                    Label { text: qsTr("Team"); font.bold: true; Layout.preferredWidth: 200 }
                    Label { text: qsTr("Role"); font.bold: true; Layout.preferredWidth: 200 }
                    Label { text: qsTr("Training today"); font.bold: true; Layout.fillWidth: true }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                ListView {
                    id: list
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: directory
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    reuseItems: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Staff list")
                    delegate: ItemDelegate {
                        id: person
                        required property int index
                        required property string employeeId
                        required property string fullName
                        required property string team
                        required property string role
                        required property string statusSummary
                        required property int overdue
                        required property int dueSoon
                        required property bool active
                        width: ListView.view.width
                        leftPadding: Theme.margin
                        rightPadding: Theme.margin
                        highlighted: ListView.isCurrentItem
                        Accessible.name: qsTr("%1, %2, %3, %4").arg(person.fullName).arg(person.employeeId).arg(person.team).arg(person.statusSummary)
                        onClicked: root.app.openPerson(person.employeeId)
                        Keys.onReturnPressed: root.app.openPerson(person.employeeId)
                        background: Rectangle {
                            color: person.highlighted ? "#dde7f5" : (person.index % 2 ? "#f8f9fb" : Theme.surface)
                        }
                        contentItem: RowLayout {
                            Label { text: person.fullName; elide: Text.ElideRight; Layout.preferredWidth: 260 }
                            Label { text: person.employeeId; color: Theme.muted; Layout.preferredWidth: 110 }
                            Label { text: person.team; elide: Text.ElideRight; Layout.preferredWidth: 200 }
                            Label { text: person.role; elide: Text.ElideRight; Layout.preferredWidth: 200 }
                            StatusBadge {
                                status: !person.active ? "" : person.overdue > 0 ? "overdue"
                                        : person.dueSoon > 0 ? "due_soon" : "compliant"
                                label: person.statusSummary
                            }
                            Item { Layout.fillWidth: true }
                        }
                    }
                }
            }
        }
    }
}
