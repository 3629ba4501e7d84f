pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// One person's programmes: their ASYE (the review timeline with each review's date and
// outcome, or "Overdue" / "Due"; the supervision log with each gap in place against the
// expected cadence; the outcome and any extension) and each apprenticeship (hours against
// plan, reviews, EPA, the off-the-job log and the progress reviews), with their editors.
Item {
    id: root
    required property Session session
    required property var app
    property string employeeId
    /// The page "◀" goes back to.
    property string backPage: "asye"
    readonly property ProgrammePersonController controller: programmes
    readonly property ProgrammeDialog editorDialog: dialog

    function openEditor(kind: string, key: string, preset: var) {
        dialog.edit(kind, key, preset);
    }
    function logSupervision() {
        root.openEditor("supervision", "", { employee_id: root.employeeId });
    }
    function editEnrolment() {
        root.openEditor("asye", root.employeeId, {});
    }

    ProgrammePersonController {
        id: programmes
        session: root.session
        active: root.visible
        employeeId: root.employeeId
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: scroller.availableWidth
        clip: true

        ColumnLayout {
            width: scroller.availableWidth - 2 * Theme.margin
            x: Theme.margin
            y: Theme.margin
            spacing: Theme.margin

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Button {
                    text: root.backPage === "apprenticeships" ? qsTr("◀ Apprenticeships") : qsTr("◀ ASYE cohort")
                    Accessible.name: root.backPage === "apprenticeships" ? qsTr("Back to the apprenticeships") : qsTr("Back to the ASYE cohort")
                    onClicked: root.app.currentPage = root.backPage
                }
                PageTitle {
                    title: programmes.found ? qsTr("Programmes · %1").arg(programmes.name) : qsTr("Nobody chosen")
                    subtitle: programmes.found ? qsTr("%1 · %2 · as of %3").arg(root.employeeId).arg(programmes.team).arg(root.session.todayText) : ""
                }
                Button {
                    visible: programmes.found
                    text: qsTr("Person page")
                    Accessible.name: qsTr("Open the person page of %1").arg(programmes.name)
                    onClicked: root.app.openPerson(root.employeeId)
                }
            }

            // ---- ASYE ------------------------------------------------------------------
            Label {
                visible: programmes.found
                text: qsTr("ASYE")
                font.bold: true
                font.pointSize: Theme.headingSize
                Accessible.role: Accessible.Heading
                Accessible.name: qsTr("Assessed and Supported Year in Employment")
            }
            RowLayout {
                visible: programmes.found && !programmes.enrolled
                Label { text: qsTr("Not enrolled on the ASYE."); color: Theme.muted }
                Button {
                    text: qsTr("Enrol…")
                    enabled: !root.session.readOnly
                    Accessible.name: qsTr("Enrol %1 on the ASYE").arg(programmes.name)
                    onClicked: root.openEditor("asye", "", { employee_id: root.employeeId })
                }
            }
            AsyeDetail {
                visible: programmes.found && programmes.enrolled
                session: root.session
                person: programmes
                Layout.fillWidth: true
                onLogSupervision: root.logSupervision()
                onEditEnrolment: root.editEnrolment()
                onOpenSupervision: (isoDate) => root.openEditor("supervision", root.employeeId + "|" + isoDate, {})
            }

            // ---- Apprenticeships ---------------------------------------------------------
            RowLayout {
                visible: programmes.found
                Layout.fillWidth: true
                Layout.topMargin: Theme.margin
                Label {
                    text: qsTr("Apprenticeships")
                    font.bold: true
                    font.pointSize: Theme.headingSize
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Add an apprenticeship…")
                    enabled: !root.session.readOnly
                    Accessible.name: qsTr("Add an apprenticeship for %1").arg(programmes.name)
                    onClicked: root.openEditor("apprenticeship", "", { employee_id: root.employeeId })
                }
            }
            Label {
                visible: programmes.found && programmes.apprenticeships.count === 0
                text: qsTr("No apprenticeship.")
                color: Theme.muted
            }
            Repeater {
                model: programmes.apprenticeships
                delegate: ApprenticeshipDetail {
                    session: root.session
                    Layout.fillWidth: true
                    onEditRequested: (kind, key, preset) => root.openEditor(kind, key, preset)
                }
            }
            Item { implicitHeight: Theme.margin }
        }
    }

    ProgrammeDialog {
        id: dialog
        session: root.session
        anchors.centerIn: parent
    }
}
