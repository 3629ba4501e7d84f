pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The person page's and My learning's compact programmes: an "ASYE" line and an
// "Apprenticeships" line for each apprenticeship, shown only when the person has them; each
// opens the person's programmes.
ColumnLayout {
    id: root
    required property Session session
    required property var app
    property string employeeId
    /// Whether the page holding the sections is shown (its controller reads only then).
    property bool pageShown: true
    readonly property ProgrammePersonController controller: programmes

    visible: programmes.found && (programmes.enrolled || programmes.apprenticeships.count > 0)
    spacing: 4

    ProgrammePersonController {
        id: programmes
        session: root.session
        active: root.pageShown
        employeeId: root.employeeId
    }

    RowLayout {
        visible: programmes.enrolled
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label { text: qsTr("ASYE"); font.bold: true; Layout.preferredWidth: 120; Accessible.role: Accessible.Heading; Accessible.name: qsTr("Assessed and Supported Year in Employment") }
        StatusBadge { status: programmes.asye.statusCode ?? ""; label: programmes.asye.status ?? "" }
        Label {
            text: {
                const a = programmes.asye;
                const parts = [qsTr("started %1").arg(a.start ?? "")];
                if (a.nextReview) parts.push(qsTr("next: %1").arg(a.nextReview));
                if (a.overdue) parts.push(a.overdue);
                return parts.join(" · ");
            }
            color: (programmes.asye.overdue ?? "") !== "" ? Theme.error : Theme.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("ASYE…")
            flat: true
            Accessible.name: qsTr("Open the ASYE of %1").arg(programmes.name)
            onClicked: root.app.openProgramme(root.employeeId, "asye")
        }
    }
    Repeater {
        model: programmes.apprenticeships
        delegate: RowLayout {
            id: line
            required property int index
            required property string standardCode
            required property string standardTitle
            required property string status
            required property string tone
            required property string logged
            required property string expected
            required property string onTrack
            required property string onTrackCode
            required property string review
            required property bool reviewOverdue
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: line.index === 0 ? qsTr("Apprenticeships") : ""
                font.bold: true
                Layout.preferredWidth: 120
            }
            StatusBadge { status: line.tone; label: line.status }
            Label {
                text: qsTr("%1 %2 · %3 h logged of %4 h expected").arg(line.standardCode).arg(line.standardTitle).arg(line.logged).arg(line.expected)
                      + (line.onTrack !== "" ? " · " + line.onTrack : "") + (line.review !== "" ? " · " + line.review : "")
                color: line.reviewOverdue || line.onTrackCode === "behind" ? Theme.error : Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Apprenticeship…")
                flat: true
                Accessible.name: qsTr("Open the apprenticeship %1 of %2").arg(line.standardCode).arg(programmes.name)
                onClicked: root.app.openProgramme(root.employeeId, "apprenticeships")
            }
        }
    }
}
