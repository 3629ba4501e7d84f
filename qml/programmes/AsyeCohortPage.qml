pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The ASYE cohort as of today: each newly qualified social worker enrolled, their team and
// start, how far through the year they are with the reviews held, their next review, and
// everything overdue (reviews past their date without an outcome, supervision gaps) first
// and in words. Filtered by team and by open or closed years; a row opens the person's
// programme.
Item {
    id: root
    required property Session session
    required property var app
    readonly property AsyeCohortController controller: cohort
    readonly property ProgrammeDialog editorDialog: dialog
    readonly property int nameWidth: 180
    readonly property int startWidth: 84
    readonly property int progressWidth: 170
    readonly property int nextWidth: 180
    readonly property int statusWidth: 150

    /// Opens the enrolment form for someone new (from the page's button).
    function enrol() {
        dialog.edit("asye", "", {});
    }

    AsyeCohortController {
        id: cohort
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
                title: qsTr("ASYE cohort")
                subtitle: qsTr("The Assessed and Supported Year in Employment, as of %1").arg(root.session.todayText)
            }
            Label { text: qsTr("Team") }
            ComboBox {
                id: teamBox
                Layout.preferredWidth: 220
                model: [qsTr("All teams")].concat(cohort.teams)
                Accessible.name: qsTr("Team to show")
                onActivated: (index) => cohort.team = index === 0 ? "" : cohort.teams[index - 1]
            }
            ComboBox {
                id: stateBox
                Layout.preferredWidth: 180
                textRole: "label"
                valueRole: "value"
                model: [
                    { value: "open", label: qsTr("Years in progress") },
                    { value: "closed", label: qsTr("Closed years") },
                    { value: "all", label: qsTr("All years") }
                ]
                Accessible.name: qsTr("Open or closed years to show")
                onActivated: cohort.state = stateBox.currentValue
            }
            Button {
                text: qsTr("Enrol…")
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Enrol a newly qualified social worker on the ASYE")
                onClicked: root.enrol()
            }
        }

        Label {
            text: cohort.summary !== "" ? (cohort.needingAction > 0 ? "⚠ " : "") + cohort.summary
                                        : qsTr("Nobody is enrolled here yet.")
            font.bold: true
            color: cohort.needingAction > 0 ? Theme.error : Theme.text
            Accessible.name: text
        }
        // The columns' widths, shared by the heading and the rows.
        RowLayout {
            Layout.fillWidth: true
            // The list's border and its rows' padding.
            Layout.leftMargin: 13
            Layout.rightMargin: 13
            spacing: Theme.spacing
            Label { text: qsTr("Name and team"); font.bold: true; Layout.preferredWidth: root.nameWidth }
            Label { text: qsTr("Started"); font.bold: true; Layout.preferredWidth: root.startWidth }
            Label { text: qsTr("The year so far"); font.bold: true; Layout.preferredWidth: root.progressWidth }
            Label { text: qsTr("Next review"); font.bold: true; Layout.preferredWidth: root.nextWidth }
            Label { text: qsTr("Overdue"); font.bold: true; Layout.fillWidth: true }
            Label { text: qsTr("Status"); font.bold: true; Layout.preferredWidth: root.statusWidth }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: cohort.rows
                activeFocusOnTab: true
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                Accessible.name: qsTr("People enrolled on the ASYE")
                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property string employeeId
                    required property string name
                    required property string team
                    required property string start
                    required property string finalReview
                    required property string nextReview
                    required property string overdue
                    required property string status
                    required property string statusCode
                    required property string reviewsHeld
                    required property real progressValue
                    width: ListView.view.width
                    Accessible.name: qsTr("%1, %2, started %3: %4%5").arg(row.name).arg(row.team).arg(row.start).arg(row.status)
                                        .arg(row.overdue !== "" ? qsTr("; overdue: %1").arg(row.overdue) : "")
                    onClicked: root.app.openProgramme(row.employeeId)
                    Keys.onReturnPressed: row.clicked()
                    background: Rectangle {
                        color: row.overdue !== "" ? "#fff6f5" : row.index % 2 ? "#f8f9fb" : Theme.surface
                        Rectangle {
                            visible: row.overdue !== ""
                            width: 4
                            height: parent.height
                            color: Theme.error
                        }
                    }
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: false
                            Layout.preferredWidth: root.nameWidth
                            Layout.maximumWidth: root.nameWidth
                            Label { text: row.name; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: row.team; color: Theme.muted; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                        Label { text: row.start; Layout.preferredWidth: root.startWidth }
                        ColumnLayout {
                            spacing: 2
                            Layout.fillWidth: false
                            Layout.preferredWidth: root.progressWidth
                            Layout.maximumWidth: root.progressWidth
                            ProgressBar {
                                value: row.progressValue
                                Layout.fillWidth: true
                                Accessible.name: qsTr("The year so far, to the final review on %1").arg(row.finalReview)
                            }
                            Label { text: row.reviewsHeld; color: Theme.muted; font.pointSize: 8.5; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                        Label {
                            text: row.nextReview !== "" ? row.nextReview : qsTr("—")
                            wrapMode: Text.Wrap
                            Layout.preferredWidth: root.nextWidth
                            Layout.maximumWidth: root.nextWidth
                        }
                        Label {
                            text: row.overdue !== "" ? "⚠ " + row.overdue : ""
                            color: Theme.error
                            font.bold: true
                            wrapMode: Text.Wrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Item {
                            Layout.preferredWidth: root.statusWidth
                            implicitHeight: badge.implicitHeight
                            StatusBadge {
                                id: badge
                                status: row.statusCode
                                label: row.status
                            }
                        }
                    }
                }
            }
        }
    }

    ProgrammeDialog {
        id: dialog
        session: root.session
        anchors.centerIn: parent
    }
}
