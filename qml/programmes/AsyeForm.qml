pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// An ASYE enrolment: who, from when, with whom (assessor and supervisor chosen from the
// staff), protected time, the nine-month review and any extension, then the outcome of each
// review and of the year. Keyboard first: Tab moves field to field, Enter saves.
GridLayout {
    id: root
    required property Session session
    readonly property AsyeEditor editor: AsyeEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Enrol on the ASYE") : qsTr("ASYE of %1").arg(root.editor.personName)
    readonly property var people: root.session.staffChoices()

    function focusFirst() {
        if (root.editor.isNew && root.editor.field("employee_id").text === "")
            person.forceActiveFocus();
        else
            start.field.forceActiveFocus();
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
        label: qsTr("Newly qualified social worker")
        choices: root.people
        Layout.columnSpan: 2
    }
    EditorTextField {
        id: start
        source: root.editor.field("start_date")
        hint: qsTr("DD/MM/YYYY: the reviews are counted from it")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("protected_time_percent")
        hint: qsTr("0 to 100; 10% is half a day a week")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("assessor_id")
        choices: root.people
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("supervisor_id")
        choices: root.people
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("nine_month_review")
        label: qsTr("Nine-month review held")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("extension_months")
        hint: qsTr("0 to 12: moves the final review")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Label {
        text: qsTr("Outcomes")
        font.bold: true
        font.pointSize: Theme.headingSize
        Layout.columnSpan: 2
        Layout.topMargin: Theme.spacing
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    EditorChoiceField {
        source: root.editor.field("outcome_3m")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("outcome_6m")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("outcome_9m")
        label: qsTr("Nine-month review")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("outcome_final")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("outcome")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
}
