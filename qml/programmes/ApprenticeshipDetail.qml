pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// One apprenticeship of a person (a row of ProgrammePersonController.apprenticeships): the
// standard and status in words, hours against plan, the next review and the EPA, then its
// off-the-job log and its progress reviews, with their editors.
Rectangle {
    id: root
    required property Session session
    required property string employeeId
    required property string standardCode
    required property string standardTitle
    required property string provider
    required property string start
    required property string plannedEnd
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
    required property string breaks
    required property string interval
    required property var otj
    required property var reviews
    signal editRequested(string kind, string key, var preset)

    readonly property var preset: ({ employee_id: root.employeeId, standard_code: root.standardCode })

    implicitHeight: body.implicitHeight + 2 * Theme.margin
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            StatusBadge { status: root.tone; label: root.status }
            Label {
                text: qsTr("%1 %2").arg(root.standardCode).arg(root.standardTitle)
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Log off-the-job hours…")
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Log off-the-job hours for %1").arg(root.standardCode)
                onClicked: root.editRequested("otj", "", root.preset)
            }
            Button {
                text: qsTr("Record progress review…")
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Record a progress review of %1").arg(root.standardCode)
                onClicked: root.editRequested("apprenticeshipReview", "", root.preset)
            }
            Button {
                text: qsTr("Edit…")
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Edit the apprenticeship %1").arg(root.standardCode)
                onClicked: root.editRequested("apprenticeship", root.employeeId + "|" + root.standardCode, {})
            }
        }
        Label {
            text: qsTr("%1 · from %2 to %3 (planned) · %4").arg(root.provider).arg(root.start).arg(root.plannedEnd).arg(root.interval)
                  + (root.breaks !== "" ? qsTr(" · breaks: %1").arg(root.breaks) : "")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        HoursBar {
            planned: root.plannedValue
            expected: root.expectedValue
            logged: root.loggedValue
            plannedText: root.planned
            expectedText: root.expected
            loggedText: root.logged
            onTrack: root.onTrack
            onTrackCode: root.onTrackCode
            Layout.fillWidth: true
            Layout.maximumWidth: 640
        }
        RowLayout {
            spacing: Theme.margin
            Label {
                visible: root.review !== ""
                text: (root.reviewOverdue ? "⚠ " : "") + root.review
                color: root.reviewOverdue ? Theme.error : Theme.text
                font.bold: root.reviewOverdue
            }
            Label {
                text: (root.epaOverdue ? "⚠ " : "") + root.epa
                color: root.epaOverdue ? Theme.error : Theme.text
                font.bold: root.epaOverdue
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin * 2
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: false
                Layout.preferredWidth: 260
                Layout.maximumWidth: 260
                spacing: 2
                Label {
                    text: qsTr("Off-the-job log (%1)").arg(root.otj.length)
                    font.bold: true
                }
                Label { visible: root.otj.length === 0; text: qsTr("No hours logged yet."); color: Theme.muted }
                ListView {
                    id: otjList
                    Layout.fillWidth: true
                    implicitHeight: Math.min(root.otj.length * 28, 180)
                    clip: true
                    model: root.otj
                    activeFocusOnTab: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Off-the-job hours of %1").arg(root.standardCode)
                    delegate: ItemDelegate {
                        id: otjRow
                        required property var modelData
                        width: ListView.view.width
                        height: 28
                        Accessible.name: qsTr("%1: %2 hours").arg(otjRow.modelData.date).arg(otjRow.modelData.hours)
                        onClicked: root.editRequested("otj", root.employeeId + "|" + root.standardCode + "|" + otjRow.modelData.isoDate, {})
                        contentItem: RowLayout {
                            Label { text: otjRow.modelData.date; Layout.preferredWidth: 100 }
                            Label { text: qsTr("%1 h").arg(otjRow.modelData.hours); horizontalAlignment: Text.AlignRight; Layout.fillWidth: true }
                        }
                    }
                }
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                spacing: 2
                Label {
                    text: qsTr("Progress reviews (%1)").arg(root.reviews.length)
                    font.bold: true
                }
                Label { visible: root.reviews.length === 0; text: qsTr("No progress review yet."); color: Theme.muted }
                ListView {
                    id: reviewList
                    Layout.fillWidth: true
                    implicitHeight: Math.min(root.reviews.length * 30, 180)
                    clip: true
                    model: root.reviews
                    activeFocusOnTab: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Progress reviews of %1").arg(root.standardCode)
                    delegate: ItemDelegate {
                        id: reviewRow
                        required property var modelData
                        width: ListView.view.width
                        height: 30
                        Accessible.name: qsTr("%1: %2. %3").arg(reviewRow.modelData.date).arg(reviewRow.modelData.outcome).arg(reviewRow.modelData.notes)
                        onClicked: root.editRequested("apprenticeshipReview", root.employeeId + "|" + root.standardCode + "|" + reviewRow.modelData.isoDate, {})
                        contentItem: RowLayout {
                            spacing: Theme.spacing
                            Label { text: reviewRow.modelData.date; Layout.preferredWidth: 90 }
                            StatusBadge {
                                status: reviewRow.modelData.outcomeCode === "concerns" ? "due_soon" : "met"
                                label: reviewRow.modelData.outcome
                                Layout.preferredWidth: 90
                            }
                            Label { text: reviewRow.modelData.notes; color: Theme.muted; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                    }
                }
            }
        }
    }
}
