pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// An apprenticeship: who and which standard, the provider, the planned dates and off-the-job
// hours, how often progress is reviewed, breaks in learning, then the gateway, the end-point
// assessment and a withdrawal.
GridLayout {
    id: root
    required property Session session
    readonly property ApprenticeshipEditor editor: ApprenticeshipEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Add an apprenticeship") : qsTr("Apprenticeship of %1").arg(root.editor.personName)

    function focusFirst() {
        if (person.visible && root.editor.field("employee_id").text === "")
            person.forceActiveFocus();
        else
            code.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    Label {
        visible: !person.visible
        text: qsTr("For %1").arg(root.editor.personName)
        color: Theme.muted
        Layout.columnSpan: 2
    }
    EditorChoiceField {
        id: person
        visible: root.editor.isNew
        source: root.editor.field("employee_id")
        label: qsTr("Apprentice")
        choices: root.session.staffChoices()
        Layout.columnSpan: 2
    }
    EditorTextField {
        id: code
        source: root.editor.field("standard_code")
        placeholderText: qsTr("e.g. ST0510")
        hint: qsTr("ST and four digits")
        readOnly: !root.editor.isNew
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("provider")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("standard_title")
        placeholderText: qsTr("e.g. Social worker (integrated degree)")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("start_date")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("planned_end_date")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("planned_otj_hours")
        placeholderText: qsTr("e.g. 460")
        hint: qsTr("The standard's published minimum, 0 to 10000")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("review_interval_weeks")
        hint: qsTr("1 to 52; 12 unless agreed otherwise")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("breaks")
        placeholderText: qsTr("e.g. 01/03/2026 to 31/05/2026")
        hint: qsTr("Each period as DD/MM/YYYY to DD/MM/YYYY, separated by ;")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    Label {
        text: qsTr("Gateway and end-point assessment")
        font.bold: true
        font.pointSize: Theme.headingSize
        Layout.columnSpan: 2
        Layout.topMargin: Theme.spacing
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    EditorTextField {
        source: root.editor.field("gateway_date")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("epa_date")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("epa_result")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("withdrawn_on")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
}
