pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A person's trusted-assessor authorisations, for the person page and My learning: each
// level with its status today in words on its colour, the equipment, and when the refresher
// is due. Shown only for someone who has any.
ColumnLayout {
    id: root
    required property Session session
    property string employeeId
    /// Whether the page showing it is shown (its data is read only then).
    property bool shown: true

    visible: people.authorisations.count > 0
    spacing: 2

    PersonAssessorsController {
        id: people
        session: root.session
        active: root.shown
        employeeId: root.employeeId
    }

    Label {
        text: qsTr("Trusted assessor")
        font.bold: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Repeater {
        model: people.authorisations
        delegate: RowLayout {
            id: authorisation
            required property string level
            required property string categories
            required property string status
            required property string badge
            required property string when
            spacing: Theme.spacing
            Layout.fillWidth: true
            StatusBadge { status: authorisation.badge; label: authorisation.status }
            Label { text: authorisation.level; font.bold: true }
            Label { text: authorisation.when }
            Label {
                text: authorisation.categories
                color: Theme.muted
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }
}
