pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// The people overdue or falling due, in groups (a line manager's or a team's): each group a
// heading with its counts, then its people with their module, status in words on its colour,
// expiry and due dates. One ListView over the controller's flat list, so that only the rows
// in view are made.
Rectangle {
    id: root
    required property ExpiringController controller
    /// A line manager's reminder list was asked for: their id and name.
    signal reminderListRequested(string managerId, string title)

    readonly property int nameWidth: 300
    readonly property int idWidth: 100
    readonly property int moduleWidth: 140
    readonly property int statusWidth: 140
    readonly property int dateWidth: 120

    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 32
            color: Theme.window
            Row {
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                spacing: 0
                Repeater {
                    model: [
                        { text: qsTr("Name"), width: root.nameWidth },
                        { text: qsTr("Employee"), width: root.idWidth },
                        { text: qsTr("Module"), width: root.moduleWidth },
                        { text: qsTr("Status"), width: root.statusWidth },
                        { text: qsTr("Expires"), width: root.dateWidth },
                        { text: qsTr("Due"), width: root.dateWidth }
                    ]
                    delegate: Label {
                        required property var modelData
                        width: modelData.width
                        height: 32
                        verticalAlignment: Text.AlignVCenter
                        text: modelData.text
                        font.bold: true
                    }
                }
            }
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.controller.items
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People overdue or falling due")

            delegate: Rectangle {
                id: entry
                required property int index
                required property string kind
                required property string title
                required property string key
                required property string counts
                required property bool hasManager
                required property bool samePerson
                required property int overdue
                required property string name
                required property string employeeId
                required property string module
                required property string status
                required property string statusLabel
                required property string expires
                required property string due
                required property string accessibleText
                readonly property bool isGroup: entry.kind === "group"

                width: ListView.view.width
                height: entry.isGroup ? 46 : 30
                color: entry.isGroup ? "#e9edf3"
                     : entry.ListView.isCurrentItem && list.activeFocus ? "#dde7f5" : Theme.surface
                Accessible.role: entry.isGroup ? Accessible.Heading : Accessible.ListItem
                Accessible.name: entry.accessibleText

                RowLayout {
                    visible: entry.isGroup
                    anchors.fill: parent
                    anchors.leftMargin: Theme.margin
                    anchors.rightMargin: Theme.margin
                    spacing: Theme.margin
                    Label {
                        text: entry.title
                        font.bold: true
                        font.pointSize: Theme.headingSize
                        elide: Text.ElideRight
                        Layout.maximumWidth: root.nameWidth + root.idWidth + root.moduleWidth
                    }
                    Label {
                        text: entry.counts
                        color: entry.overdue > 0 ? Theme.statusTextColour("overdue") : Theme.muted
                        font.bold: entry.overdue > 0
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Button {
                        visible: entry.isGroup && entry.hasManager
                        text: qsTr("Save reminder list…")
                        Accessible.name: qsTr("Save reminder list for %1…").arg(entry.title)
                        onClicked: root.reminderListRequested(entry.key, entry.title)
                    }
                }
                Row {
                    visible: !entry.isGroup
                    anchors.fill: parent
                    anchors.leftMargin: Theme.margin
                    Label {
                        width: root.nameWidth
                        anchors.verticalCenter: parent.verticalCenter
                        text: entry.samePerson ? "" : entry.name
                        elide: Text.ElideRight
                        rightPadding: Theme.spacing
                    }
                    Label {
                        width: root.idWidth
                        anchors.verticalCenter: parent.verticalCenter
                        text: entry.samePerson ? "" : entry.employeeId
                        color: Theme.muted
                    }
                    Label {
                        width: root.moduleWidth
                        anchors.verticalCenter: parent.verticalCenter
                        text: entry.module
                        elide: Text.ElideRight
                    }
                    Item {
                        width: root.statusWidth
                        height: parent.height
                        StatusBadge {
                            anchors.verticalCenter: parent.verticalCenter
                            status: entry.status
                            label: entry.statusLabel
                        }
                    }
                    Label {
                        width: root.dateWidth
                        anchors.verticalCenter: parent.verticalCenter
                        text: entry.expires !== "" ? entry.expires : "–"
                    }
                    Label {
                        width: root.dateWidth
                        anchors.verticalCenter: parent.verticalCenter
                        text: entry.due
                        font.bold: entry.status === "overdue"
                    }
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: Theme.border
                    opacity: entry.isGroup ? 1 : 0.5
                }
            }
        }
    }
}
