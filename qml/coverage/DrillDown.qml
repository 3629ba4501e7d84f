pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// The people behind one coverage cell: status in words, expiry and due dates.
Rectangle {
    id: root
    property string title
    property string summary
    property VariantListModel people
    signal closed()
    signal personChosen(string employeeId)

    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: root.title
                font.bold: true
                font.pointSize: Theme.headingSize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: root.title
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Close the list of people")
                onClicked: root.closed()
            }
        }
        Label {
            text: root.summary
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.people
            activeFocusOnTab: true
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("People behind this figure")
            delegate: ItemDelegate {
                id: person
                required property int index
                required property string employeeId
                required property string fullName
                required property string module
                required property string status
                required property string statusLabel
                required property string expiresOn
                required property string dueOn
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.name: qsTr("%1, %2, %3, %4").arg(person.fullName).arg(person.employeeId).arg(person.module).arg(person.statusLabel)
                onClicked: root.personChosen(person.employeeId)
                Keys.onReturnPressed: root.personChosen(person.employeeId)
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        // Small, so that the status badge always keeps its room beside it.
                        Layout.preferredWidth: 100
                        Label { text: person.fullName; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: person.employeeId + " · " + person.module
                                  + (person.expiresOn !== "" ? qsTr(" · expires %1").arg(person.expiresOn) : "")
                                  + (person.dueOn !== "" ? qsTr(" · due %1").arg(person.dueOn) : "")
                            color: Theme.muted
                            font.pointSize: 8.5
                        }
                    }
                    StatusBadge { status: person.status; label: person.statusLabel }
                }
            }
        }
    }
}
