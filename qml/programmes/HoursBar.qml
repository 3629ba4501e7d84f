import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui

// Off-the-job hours as a bar: the track is the planned hours, the fill the hours logged, the
// mark the hours expected by today; core's on-track word beside it, never colour alone.
RowLayout {
    id: root
    property real planned: 0
    property real expected: 0
    property real logged: 0
    property string plannedText: ""
    property string expectedText: ""
    property string loggedText: ""
    /// "On track", "Behind" or "" (completed or withdrawn), and its code.
    property string onTrack: ""
    property string onTrackCode: ""

    spacing: Theme.spacing
    Accessible.role: Accessible.ProgressBar
    Accessible.name: qsTr("Off-the-job hours: %1 logged, %2 expected by today, %3 planned%4")
                         .arg(root.loggedText).arg(root.expectedText).arg(root.plannedText)
                         .arg(root.onTrack !== "" ? ": " + root.onTrack : "")

    ColumnLayout {
        spacing: 2
        Layout.fillWidth: true
        Rectangle {
            id: track
            Layout.fillWidth: true
            implicitHeight: 10
            radius: 3
            color: "#e3e8f0"
            Rectangle {
                width: root.planned > 0 ? Math.min(1, root.logged / root.planned) * track.width : 0
                height: parent.height
                radius: 3
                color: root.onTrackCode === "behind" ? "#c0392b" : root.onTrackCode === "on_track" ? "#2e7d32" : "#7a8699"
            }
            Rectangle {
                visible: root.planned > 0
                x: Math.min(1, root.expected / root.planned) * track.width - 1
                y: -3
                width: 2
                height: parent.height + 6
                color: Theme.text
            }
        }
        Label {
            text: qsTr("%1 of %2 h · expected %3").arg(root.loggedText).arg(root.plannedText).arg(root.expectedText)
            color: Theme.muted
            font.pointSize: 8.5
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    StatusBadge {
        visible: root.onTrack !== ""
        status: root.onTrackCode === "behind" ? "overdue" : "met"
        label: root.onTrack
        Layout.alignment: Qt.AlignTop
    }
}
