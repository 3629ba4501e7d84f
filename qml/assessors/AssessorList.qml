pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Authorisations as a narrow list beside the team's table: each person with the status in
// words on its colour, the date that matters (when the refresher is due, or when they lapsed,
// were trained or withdrawn), and their level and team (the equipment is in the row's
// accessible name and in the editor). A row opens the
// authorisation: a click, or Enter or Space on it.
Frame {
    id: root
    property VariantListModel model
    property string emptyText: qsTr("No one.")
    property bool canOpen: true
    signal open(string key)

    padding: 1
    Layout.fillWidth: true
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Repeater {
            model: root.model
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string key
                required property string name
                required property string employeeId
                required property string team
                required property string level
                required property string categories
                required property string when
                required property string status
                required property string badge

                Layout.fillWidth: true
                padding: Theme.spacing
                topPadding: 6
                bottomPadding: 6
                enabled: root.canOpen
                Accessible.name: qsTr("%1, %2: %3, %4. %5").arg(row.name).arg(row.level)
                                     .arg(row.status).arg(row.when).arg(row.categories)
                Accessible.description: qsTr("Press Enter to open the authorisation")
                onClicked: root.open(row.key)
                Keys.onReturnPressed: root.open(row.key)
                Keys.onEnterPressed: root.open(row.key)
                background: Rectangle {
                    color: row.visualFocus ? "#dce8f7"
                         : row.hovered ? "#eef3fa"
                         : row.index % 2 === 1 ? "#f6f7f9" : Theme.surface
                    border.color: row.visualFocus ? Theme.accent : "transparent"
                }
                contentItem: ColumnLayout {
                    spacing: 1
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Label {
                            text: row.name
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        StatusBadge {
                            status: row.badge
                            label: row.status
                            Layout.alignment: Qt.AlignTop
                        }
                    }
                    Label {
                        text: row.when
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("%1 · %2").arg(row.level).arg(row.team)
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Label {
            visible: root.model !== null && root.model.count === 0
            text: root.emptyText
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
        }
    }
}
