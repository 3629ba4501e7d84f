import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui

// One cell of the coverage matrix: the percentage in words and numbers on its band colour.
ItemDelegate {
    id: root
    required property int row
    required property int column
    required property string percent
    required property string detail
    required property string band
    required property int overdue
    required property int dueSoon
    required property bool isTotal
    required property string accessibleText
    property bool selected: false
    signal activated()

    implicitWidth: 112
    implicitHeight: 52
    padding: 4
    focusPolicy: Qt.StrongFocus
    Accessible.name: root.accessibleText
    Accessible.role: Accessible.Cell
    onClicked: root.activated()
    Keys.onReturnPressed: root.activated()
    Keys.onSpacePressed: root.activated()

    background: Rectangle {
        color: Theme.bandColour(root.band)
        border.color: root.selected || root.activeFocus ? Theme.accent : Theme.border
        border.width: root.selected || root.activeFocus ? 2 : 1
    }
    contentItem: ColumnLayout {
        spacing: 0
        Label {
            text: root.percent
            font.bold: true
            font.pointSize: root.isTotal ? 11 : 10.5
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: root.band === "empty" ? "" : root.overdue > 0
                  ? qsTr("%1 overdue").arg(root.overdue)
                  : root.dueSoon > 0 ? qsTr("%1 due soon").arg(root.dueSoon) : qsTr("all covered")
            color: root.overdue > 0 ? "#8a1c14" : Theme.muted
            font.pointSize: 8
            Layout.alignment: Qt.AlignHCenter
        }
    }
    ToolTip.visible: root.hovered && root.band !== "empty"
    ToolTip.text: root.detail
    ToolTip.delay: 400
}
