pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Every apprenticeship as of today: the apprentice, the standard, the status in words and
// colour, off-the-job hours (planned, expected by today, logged) as a bar with core's "On
// track" or "Behind", the next review (or that it is overdue) and the end-point assessment;
// filtered by status. A row opens the person's programmes, with the logs and the editors.
Item {
    id: root
    required property Session session
    required property var app
    readonly property ApprenticeshipsController controller: apprenticeships
    readonly property int personWidth: 170
    readonly property int standardWidth: 200
    readonly property int statusWidth: 96
    readonly property int reviewWidth: 230

    ApprenticeshipsController {
        id: apprenticeships
        session: root.session
        active: root.visible
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            PageTitle {
                title: qsTr("Apprenticeships")
                subtitle: qsTr("Off-the-job hours, progress reviews and end-point assessments, as of %1").arg(root.session.todayText)
            }
            Label { text: qsTr("Status") }
            ComboBox {
                id: statusBox
                Layout.preferredWidth: 200
                textRole: "label"
                valueRole: "value"
                model: [
                    { value: "", label: qsTr("Every status") },
                    { value: "active", label: qsTr("Active") },
                    { value: "on_break", label: qsTr("On a break") },
                    { value: "completed", label: qsTr("Completed") },
                    { value: "withdrawn", label: qsTr("Withdrawn") }
                ]
                Accessible.name: qsTr("Status to show")
                onActivated: apprenticeships.status = statusBox.currentValue
            }
        }

        Label {
            text: apprenticeships.summary !== "" ? apprenticeships.summary : qsTr("No apprenticeship to show.")
            font.bold: true
        }
        // The columns' widths, shared by the heading and the rows.
        RowLayout {
            Layout.fillWidth: true
            // The list's border and its rows' padding.
            Layout.leftMargin: 13
            Layout.rightMargin: 13
            spacing: Theme.spacing
            Label { text: qsTr("Apprentice"); font.bold: true; Layout.preferredWidth: root.personWidth }
            Label { text: qsTr("Standard"); font.bold: true; Layout.preferredWidth: root.standardWidth }
            Label { text: qsTr("Status"); font.bold: true; Layout.preferredWidth: root.statusWidth }
            Label { text: qsTr("Off-the-job hours"); font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
            Label { text: qsTr("Reviews and EPA"); font.bold: true; Layout.preferredWidth: root.reviewWidth }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            ListView {
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: apprenticeships.rows
                activeFocusOnTab: true
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("Apprenticeships")
                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property string employeeId
                    required property string name
                    required property string team
                    required property string standardCode
                    required property string standardTitle
                    required property string status
                    required property string tone
                    required property string planned
                    required property string expected
                    required property string logged
                    required property real plannedValue
                    required property real expectedValue
                    required property real loggedValue
                    required property string onTrack
                    required property string onTrackCode
                    required property string review
                    required property bool reviewOverdue
                    required property string epa
                    required property bool epaOverdue
                    width: ListView.view.width
                    Accessible.name: qsTr("%1, %2 %3: %4%5. %6").arg(row.name).arg(row.standardCode).arg(row.standardTitle)
                                        .arg(row.status).arg(row.onTrack !== "" ? ", " + row.onTrack : "").arg(row.review)
                    onClicked: root.app.openProgramme(row.employeeId, "apprenticeships")
                    Keys.onReturnPressed: row.clicked()
                    background: Rectangle { color: row.index % 2 ? "#f8f9fb" : Theme.surface }
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: false
                            Layout.preferredWidth: root.personWidth
                            Layout.maximumWidth: root.personWidth
                            Label { text: row.name; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: row.team; color: Theme.muted; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: false
                            Layout.preferredWidth: root.standardWidth
                            Layout.maximumWidth: root.standardWidth
                            Label { text: row.standardCode; font.bold: true }
                            Label { text: row.standardTitle; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        }
                        Item {
                            Layout.preferredWidth: root.statusWidth
                            implicitHeight: statusBadge.implicitHeight
                            StatusBadge { id: statusBadge; status: row.tone; label: row.status }
                        }
                        HoursBar {
                            planned: row.plannedValue
                            expected: row.expectedValue
                            logged: row.loggedValue
                            plannedText: row.planned
                            expectedText: row.expected
                            loggedText: row.logged
                            onTrack: row.onTrack
                            onTrackCode: row.onTrackCode
                            Layout.fillWidth: true
                        }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: false
                            Layout.preferredWidth: root.reviewWidth
                            Layout.maximumWidth: root.reviewWidth
                            Label {
                                text: (row.reviewOverdue ? "⚠ " : "") + row.review
                                color: row.reviewOverdue ? Theme.error : Theme.text
                                font.bold: row.reviewOverdue
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: (row.epaOverdue ? "⚠ " : "") + row.epa
                                color: row.epaOverdue ? Theme.error : Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }
    }
}
