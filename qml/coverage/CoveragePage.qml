pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// The team x module coverage matrix as of a chosen date, with the people behind any cell.
Item {
    id: root
    required property Session session
    required property var app

    function selectWorstCell() { controller.selectWorstCell(); }

    CoverageController {
        id: controller
        session: root.session
        active: root.visible
        onSelectionChanged: {
            if (controller.hasSelection)
                matrix.positionViewAtCell(Qt.point(controller.selectedColumn, controller.selectedRow), TableView.Contain)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            PageTitle {
                title: qsTr("Training coverage")
                subtitle: qsTr("Share of required staff covered, by team and module, on %1. People in their grace period count neither way.")
                          .arg(controller.asOfText)
            }
            Button {
                text: qsTr("◀ Month")
                Accessible.name: qsTr("One month earlier")
                onClicked: controller.shiftMonths(-1)
            }
            TextField {
                id: dateField
                Layout.preferredWidth: 120
                text: controller.asOfText
                horizontalAlignment: Text.AlignHCenter
                Accessible.name: qsTr("Coverage as of (DD/MM/YYYY)")
                ToolTip.visible: dateError.text !== ""
                ToolTip.text: dateError.text
                onEditingFinished: dateError.text = controller.setAsOfText(dateField.text)
            }
            Label { id: dateError; visible: false }
            Button {
                text: qsTr("Month ▶")
                Accessible.name: qsTr("One month later")
                onClicked: controller.shiftMonths(1)
            }
            Button {
                text: qsTr("Today")
                Accessible.name: qsTr("Coverage as of today")
                onClicked: controller.showToday()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            Repeater {
                model: [
                    { band: "good", text: qsTr("95% or more") },
                    { band: "fair", text: qsTr("80% to 94.9%") },
                    { band: "poor", text: qsTr("below 80%") },
                    { band: "none", text: qsTr("only people in grace") }
                ]
                delegate: RowLayout {
                    id: legendItem
                    required property var modelData
                    spacing: 4
                    Rectangle {
                        implicitWidth: 14; implicitHeight: 14
                        color: Theme.bandColour(legendItem.modelData.band)
                        border.color: Theme.border
                    }
                    Label { text: legendItem.modelData.text; color: Theme.muted }
                }
            }
            Item { Layout.fillWidth: true }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                clip: true

                HorizontalHeaderView {
                    id: columnHeader
                    anchors.left: matrix.left
                    anchors.top: parent.top
                    syncView: matrix
                    clip: true
                    delegate: Rectangle {
                        id: columnCell
                        required property string display
                        implicitWidth: 112
                        implicitHeight: 34
                        color: Theme.window
                        border.color: Theme.border
                        Label {
                            anchors.centerIn: parent
                            text: columnCell.display
                            font.bold: true
                            elide: Text.ElideRight
                            width: parent.width - 8
                            horizontalAlignment: Text.AlignHCenter
                        }
                    }
                }
                VerticalHeaderView {
                    id: rowHeader
                    anchors.top: matrix.top
                    anchors.left: parent.left
                    syncView: matrix
                    clip: true
                    delegate: Rectangle {
                        id: rowCell
                        required property string display
                        required property int row
                        implicitWidth: 190
                        implicitHeight: 52
                        color: rowCell.row === matrix.rows - 1 ? "#e9edf3" : Theme.window
                        border.color: Theme.border
                        Label {
                            anchors.fill: parent
                            anchors.leftMargin: 8
                            verticalAlignment: Text.AlignVCenter
                            text: rowCell.display
                            font.bold: rowCell.row === matrix.rows - 1
                            elide: Text.ElideRight
                        }
                    }
                }
                TableView {
                    id: matrix
                    anchors.left: rowHeader.right
                    anchors.top: columnHeader.bottom
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    clip: true
                    model: controller.matrix
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.horizontal: ScrollBar {}
                    ScrollBar.vertical: ScrollBar {}
                    delegate: CoverageCell {
                        selected: controller.selectedRow === row && controller.selectedColumn === column
                        onActivated: controller.selectCell(row, column)
                    }
                }
            }

            DrillDown {
                Layout.preferredWidth: 400
                Layout.fillHeight: true
                visible: controller.hasSelection
                title: controller.selectionTitle
                summary: controller.selectionSummary
                people: controller.people
                onClosed: controller.clearSelection()
                onPersonChosen: (employeeId) => root.app.openPerson(employeeId)
            }
        }
    }
}
