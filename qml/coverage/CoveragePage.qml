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
    /// Social workers' care skills, teams lowest first, the worst cell open (--screenshot).
    function showFilteredExample() {
        const social = controller.roleChoices.find(c => c.value === "Social Worker");
        controller.role = social ? social.value : (controller.roleChoices[1]?.value ?? "");
        controller.ascWdsGroup = 1;
        controller.teamOrder = "lowest";
        controller.selectWorstCell();
    }

    // One labelled chooser of the filter bar: {value, label} choices, the chosen value.
    component Chooser: ColumnLayout {
        id: chooser
        required property string label
        required property var choices
        required property var value
        property int preferredWidth: 190
        signal chosen(var value)
        spacing: 2
        Label { text: chooser.label; color: Theme.muted }
        ComboBox {
            id: box
            Layout.preferredWidth: chooser.preferredWidth
            model: chooser.choices
            textRole: "label"
            valueRole: "value"
            // Follows the controller, also after a choice here (which would break a plain
            // binding) and when the choices change.
            function follow() {
                box.currentIndex = Qt.binding(() => box.count > 0 ? Math.max(0, box.indexOfValue(chooser.value)) : -1);
            }
            Component.onCompleted: box.follow()
            Accessible.name: chooser.label
            onActivated: {
                chooser.chosen(box.currentValue);
                box.follow();
            }
        }
    }

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

        // Filters and orders: what the matrix counts and how it is laid out.
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Chooser {
                label: qsTr("Team")
                choices: controller.teamChoices
                value: controller.team
                onChosen: (value) => controller.team = value
            }
            Chooser {
                label: qsTr("Role")
                choices: controller.roleChoices
                value: controller.role
                onChosen: (value) => controller.role = value
            }
            Chooser {
                label: qsTr("Module")
                choices: controller.moduleChoices
                value: controller.module
                preferredWidth: 230
                onChosen: (value) => controller.module = value
            }
            Chooser {
                label: qsTr("ASC-WDS category group")
                choices: controller.groupChoices
                value: controller.ascWdsGroup
                preferredWidth: 250
                onChosen: (value) => controller.ascWdsGroup = value
            }
            Chooser {
                label: controller.teamOrder === "name" || controller.teamOrderModule === ""
                       ? qsTr("Order teams") : qsTr("Order teams by %1").arg(controller.teamOrderModule)
                choices: [
                    { value: "name", label: qsTr("By name") },
                    { value: "lowest", label: qsTr("Lowest coverage first") },
                    { value: "highest", label: qsTr("Highest coverage first") }
                ]
                value: controller.teamOrder
                onChosen: (value) => controller.teamOrder = value
            }
            Chooser {
                label: qsTr("Order modules")
                choices: [
                    { value: "name", label: qsTr("By code") },
                    { value: "lowest", label: qsTr("Lowest coverage first") },
                    { value: "highest", label: qsTr("Highest coverage first") }
                ]
                value: controller.moduleOrder
                onChosen: (value) => controller.moduleOrder = value
            }
            ColumnLayout {
                spacing: 2
                Label { text: " " }
                Button {
                    text: qsTr("Clear filters")
                    enabled: controller.filtered || controller.teamOrder !== "name"
                             || controller.moduleOrder !== "name"
                    Accessible.name: qsTr("Clear every filter and order")
                    onClicked: controller.clearFilters()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            Label {
                visible: controller.filtered
                text: controller.filterSummary
                font.bold: true
            }
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
                    // A header orders the teams by that column: lowest coverage first, then
                    // highest, then by name again.
                    delegate: Rectangle {
                        id: columnCell
                        required property string display
                        required property int column
                        readonly property bool allColumn: columnCell.column === 0 && controller.module === ""
                        readonly property bool orderedHere: controller.teamOrder !== "name"
                            && controller.teamOrderModule === (columnCell.allColumn ? "" : columnCell.display)
                        implicitWidth: 112
                        implicitHeight: 34
                        color: headerTap.containsMouse ? Theme.surface : Theme.window
                        border.color: Theme.border
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Order teams by %1 coverage").arg(columnCell.display)
                        Accessible.onPressAction: controller.orderTeamsByColumn(columnCell.column)
                        Label {
                            anchors.centerIn: parent
                            text: columnCell.display + (!columnCell.orderedHere ? ""
                                  : controller.teamOrder === "lowest" ? " ▲" : " ▼")
                            font.bold: true
                            elide: Text.ElideRight
                            width: parent.width - 8
                            horizontalAlignment: Text.AlignHCenter
                        }
                        MouseArea {
                            id: headerTap
                            anchors.fill: parent
                            hoverEnabled: true
                            cursorShape: Qt.PointingHandCursor
                            onClicked: controller.orderTeamsByColumn(columnCell.column)
                            ToolTip.visible: containsMouse
                            ToolTip.delay: 600
                            ToolTip.text: qsTr("Order teams by this column: lowest first, highest first, then by name")
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
                        readonly property bool total: controller.team === "" && rowCell.row === matrix.rows - 1
                        color: rowCell.total ? "#e9edf3" : Theme.window
                        border.color: Theme.border
                        Label {
                            anchors.fill: parent
                            anchors.leftMargin: 8
                            verticalAlignment: Text.AlignVCenter
                            text: rowCell.display
                            font.bold: rowCell.total
                            elide: Text.ElideRight
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: matrix.rows === 0
                    width: parent.width - 2 * Theme.margin
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    text: controller.filtered
                          ? qsTr("Nothing is required of anyone these filters keep on %1. Choose other filters, or clear them.").arg(controller.asOfText)
                          : qsTr("Nothing is required of anyone on %1.").arg(controller.asOfText)
                    color: Theme.muted
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
