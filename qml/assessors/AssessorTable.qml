pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Authorisations as a table that grows with its rows (the page scrolls): the person (with
// their id and team), the level, the equipment categories (and any restriction), and the
// status in words on its colour with when the refresher is due. A row opens the authorisation: a
// click, or Enter or Space on it.
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

    // Column widths; the categories take what is left.
    readonly property int personWidth: 165
    readonly property int levelWidth: 120
    readonly property int dueWidth: 110

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: headings.implicitHeight + Theme.spacing * 1.5
            color: Theme.window
            RowLayout {
                id: headings
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacing
                Repeater {
                    model: [
                        { title: qsTr("Person"), width: root.personWidth },
                        { title: qsTr("Level"), width: root.levelWidth },
                        { title: qsTr("Equipment categories"), width: 0 },
                        { title: qsTr("Status, refresher due"), width: root.dueWidth }
                    ]
                    delegate: Label {
                        id: heading
                        required property var modelData
                        text: heading.modelData.title
                        font.bold: true
                        elide: Text.ElideRight
                        wrapMode: Text.Wrap
                        Layout.fillWidth: heading.modelData.width === 0
                        Layout.preferredWidth: heading.modelData.width > 0 ? heading.modelData.width : 1
                        Layout.minimumWidth: heading.modelData.width
                        Layout.maximumWidth: heading.modelData.width > 0 ? heading.modelData.width : Infinity
                        Accessible.role: Accessible.ColumnHeader
                        Accessible.name: heading.modelData.title
                    }
                }
            }
        }

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
                required property string restrictions
                required property string when
                required property string refresherDue
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
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    ColumnLayout {
                        spacing: 0
                        Layout.preferredWidth: root.personWidth
                        Layout.minimumWidth: root.personWidth
                        Layout.maximumWidth: root.personWidth
                        Layout.alignment: Qt.AlignTop
                        Label {
                            text: row.name
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: qsTr("%1 · %2").arg(row.employeeId).arg(row.team)
                            color: Theme.muted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        text: row.level
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Layout.preferredWidth: root.levelWidth
                        Layout.minimumWidth: root.levelWidth
                        Layout.maximumWidth: root.levelWidth
                        Layout.alignment: Qt.AlignTop
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        Label {
                            text: row.categories
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: row.restrictions.trim() !== ""
                            text: qsTr("Restriction: %1").arg(row.restrictions)
                            color: Theme.muted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.preferredWidth: root.dueWidth
                        Layout.minimumWidth: root.dueWidth
                        Layout.maximumWidth: root.dueWidth
                        Layout.alignment: Qt.AlignTop
                        StatusBadge {
                            status: row.badge
                            label: row.status
                        }
                        Label {
                            text: row.refresherDue
                            color: Theme.text
                        }
                    }
                }
            }
        }

        Label {
            visible: root.model !== null && root.model.count === 0
            text: root.emptyText
            color: Theme.muted
            Layout.margins: Theme.spacing
        }
    }
}
