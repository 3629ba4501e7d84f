pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A list of records as a table: bold column headings, alternating rows, and a row opened by
// a click or by Enter on the current row. Columns are [{role, title, width, wrap, blankZero}];
// a column without a width takes the space left, `wrap` wraps long text instead of eliding
// it, and `blankZero` shows 0 as nothing.
Frame {
    id: root
    property alias model: list.model
    property var columns: []
    /// The role whose value names a row for screen readers.
    property string nameRole: ""
    property string emptyText: qsTr("Nothing here yet.")
    property bool activatable: true
    property alias currentIndex: list.currentIndex
    property alias count: list.count
    property string accessibleName: ""
    signal activated(int row)

    padding: 1
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

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
                    model: root.columns
                    delegate: Label {
                        id: heading
                        required property var modelData
                        text: heading.modelData.title
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: !(heading.modelData.width > 0)
                        Layout.preferredWidth: heading.modelData.width > 0 ? heading.modelData.width : 0
                        Accessible.role: Accessible.ColumnHeader
                        Accessible.name: heading.modelData.title
                    }
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            activeFocusOnTab: true
            boundsBehavior: Flickable.StopAtBounds
            highlightMoveDuration: 0
            Accessible.role: Accessible.Table
            Accessible.name: root.accessibleName
            ScrollBar.vertical: ScrollBar {}
            Keys.onReturnPressed: if (root.activatable && list.currentIndex >= 0) root.activated(list.currentIndex)
            Keys.onEnterPressed: if (root.activatable && list.currentIndex >= 0) root.activated(list.currentIndex)

            delegate: Rectangle {
                id: row
                required property var model
                required property int index
                readonly property bool current: ListView.isCurrentItem && list.activeFocus

                width: ListView.view.width
                implicitHeight: cells.implicitHeight + Theme.spacing * 1.5
                color: row.current ? "#dce8f7"
                     : mouse.containsMouse && root.activatable ? "#eef3fa"
                     : row.index % 2 === 1 ? "#f6f7f9" : Theme.surface
                border.color: row.current ? Theme.accent : "transparent"
                Accessible.role: Accessible.Row
                Accessible.name: root.nameRole !== "" ? String(row.model[root.nameRole]) : ""

                MouseArea {
                    id: mouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: root.activatable ? Qt.PointingHandCursor : Qt.ArrowCursor
                    onClicked: {
                        list.currentIndex = row.index;
                        list.forceActiveFocus();
                        if (root.activatable)
                            root.activated(row.index);
                    }
                }
                RowLayout {
                    id: cells
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.spacing
                    Repeater {
                        model: root.columns
                        delegate: Label {
                            id: cell
                            required property var modelData
                            readonly property var value: row.model[cell.modelData.role]
                            text: cell.modelData.blankZero && cell.value === 0 ? "" : (cell.value ?? "")
                            wrapMode: cell.modelData.wrap ? Text.Wrap : Text.NoWrap
                            elide: cell.modelData.wrap ? Text.ElideNone : Text.ElideRight
                            color: Theme.text
                            Layout.fillWidth: !(cell.modelData.width > 0)
                            Layout.preferredWidth: cell.modelData.width > 0 ? cell.modelData.width : 0
                            ToolTip.visible: cellHover.hovered && cell.truncated
                            ToolTip.text: cell.text
                            ToolTip.delay: 500
                            HoverHandler { id: cellHover }
                        }
                    }
                }
            }

            Label {
                parent: list
                anchors.centerIn: parent
                visible: list.count === 0
                text: root.emptyText
                color: Theme.muted
            }
        }
    }
}
