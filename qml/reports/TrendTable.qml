pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// The trend's figures as core's report has them: one row per month end, the report's own
// column headings, each cell as the report spells it for people.
Rectangle {
    id: root
    required property TrendController controller
    readonly property int firstWidth: 100
    readonly property int cellWidth: 82

    function toneColour(tone: string): color {
        switch (tone) {
        case "bad": return Theme.statusTextColour("overdue");
        case "warning": return Theme.statusTextColour("due_soon");
        case "good": return Theme.statusTextColour("compliant");
        case "quiet": return Theme.muted;
        }
        return Theme.text;
    }

    implicitWidth: root.firstWidth + 6 * root.cellWidth + 2 * Theme.spacing + 12
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 0

        Row {
            Layout.bottomMargin: 4
            Repeater {
                model: root.controller.columns
                delegate: Label {
                    required property string modelData
                    required property int index
                    width: index === 0 ? root.firstWidth : root.cellWidth
                    text: modelData
                    font.bold: true
                    wrapMode: Text.WordWrap
                    horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                    rightPadding: index === 0 ? 0 : 6
                    verticalAlignment: Text.AlignBottom
                    height: 40
                }
            }
        }
        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.controller.rows
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Coverage at each month end, in figures")
            delegate: Rectangle {
                id: line
                required property int index
                required property var cells
                required property var tones
                required property string accessibleText
                width: ListView.view.width
                height: 24
                color: line.ListView.isCurrentItem && list.activeFocus ? "#dde7f5"
                     : line.index % 2 === 1 ? "#f3f5f8" : "transparent"
                Accessible.role: Accessible.Row
                Accessible.name: line.accessibleText
                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    Repeater {
                        model: line.cells
                        delegate: Label {
                            required property string modelData
                            required property int index
                            width: index === 0 ? root.firstWidth : root.cellWidth
                            text: modelData
                            color: root.toneColour(line.tones[index])
                            font.bold: index === line.cells.length - 1
                            horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                            rightPadding: index === 0 ? 0 : 6
                        }
                    }
                }
            }
        }
    }
}
