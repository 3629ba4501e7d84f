pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A staff member: who they are, where they work, and their professional registration.
GridLayout {
    id: root
    required property Session session
    required property CatalogController catalog
    readonly property StaffEditor editor: StaffEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("New person")
                                                      : qsTr("Edit %1").arg(root.editor.recordName)

    function focusFirst() {
        (root.editor.isNew ? employeeId : fullName).field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    EditorTextField {
        id: employeeId
        source: root.editor.field("employee_id")
        label: qsTr("Employee id")
        readOnly: !root.editor.isNew
        hint: root.editor.isNew ? qsTr("As in the HR system; it cannot be changed later.")
                                : qsTr("Cannot be changed.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        id: fullName
        source: root.editor.field("full_name")
        label: qsTr("Full name")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("email")
        label: qsTr("Email")
        placeholderText: qsTr("name@council.gov.uk")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("team")
        label: qsTr("Team")
        editable: true
        choices: root.catalog.teamNames
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("role")
        label: qsTr("Role")
        editable: true
        choices: root.catalog.roleNames
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("start_date")
        label: qsTr("Start date")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("leave_date")
        label: qsTr("Leave date")
        hint: qsTr("Their last working day; empty while they work here.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("line_manager_id")
        label: qsTr("Line manager's employee id")
        hint: qsTr("Optional.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("registration_body")
        label: qsTr("Professional registration")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("registration_number")
        label: qsTr("Registration number")
        placeholderText: qsTr("e.g. SW123456")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
}
