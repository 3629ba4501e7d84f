pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A staff member: who they are, where they work, and their professional registration.
GridLayout {
    id: root
    required property RecordEditor editor
    required property CatalogController catalog

    function focusFirst() {
        (root.editor.isNew ? employeeId : fullName).field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    FormField {
        id: employeeId
        label: qsTr("Employee id")
        text: root.editor.fields.employee_id ?? ""
        readOnly: !root.editor.isNew
        error: root.editor.errors.employee_id ?? ""
        hint: root.editor.isNew ? qsTr("As in the HR system; it cannot be changed later.")
                                : qsTr("Cannot be changed.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("employee_id", text)
    }
    FormField {
        id: fullName
        label: qsTr("Full name")
        text: root.editor.fields.full_name ?? ""
        error: root.editor.errors.full_name ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("full_name", text)
    }
    FormField {
        label: qsTr("Email")
        text: root.editor.fields.email ?? ""
        error: root.editor.errors.email ?? ""
        placeholderText: qsTr("name@council.gov.uk")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("email", text)
    }
    ChoiceField {
        label: qsTr("Team")
        editable: true
        choices: root.catalog.teamNames
        value: root.editor.fields.team ?? ""
        error: root.editor.errors.team ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("team", value)
    }
    ChoiceField {
        label: qsTr("Role")
        editable: true
        choices: root.catalog.roleNames
        value: root.editor.fields.role ?? ""
        error: root.editor.errors.role ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("role", value)
    }
    FormField {
        label: qsTr("Start date")
        text: root.editor.fields.start_date ?? ""
        error: root.editor.errors.start_date ?? ""
        placeholderText: qsTr("DD/MM/YYYY")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("start_date", text)
    }
    FormField {
        label: qsTr("Leave date")
        text: root.editor.fields.leave_date ?? ""
        error: root.editor.errors.leave_date ?? ""
        placeholderText: qsTr("DD/MM/YYYY")
        hint: qsTr("Their last working day; empty while they work here.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("leave_date", text)
    }
    FormField {
        label: qsTr("Line manager's employee id")
        text: root.editor.fields.line_manager_id ?? ""
        error: root.editor.errors.line_manager_id ?? ""
        hint: qsTr("Optional.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("line_manager_id", text)
    }
    ChoiceField {
        label: qsTr("Professional registration")
        choices: root.catalog.registrationBodies
        value: root.editor.fields.registration_body ?? ""
        error: root.editor.errors.registration_body ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("registration_body", value)
    }
    FormField {
        label: qsTr("Registration number")
        text: root.editor.fields.registration_number ?? ""
        error: root.editor.errors.registration_number ?? ""
        placeholderText: qsTr("e.g. SW123456")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("registration_number", text)
    }
}
