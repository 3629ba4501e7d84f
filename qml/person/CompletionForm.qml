pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A completion is evidence: a new one is recorded; a recorded one is corrected with a
// reason (or voided), never deleted.
GridLayout {
    id: root
    required property RecordEditor editor
    required property CatalogController catalog

    readonly property bool voided: root.editor.fields.voided === true

    function focusFirst() {
        if (root.editor.isNew)
            person.field.forceActiveFocus();
        else
            completedOn.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    Rectangle {
        visible: root.voided
        Layout.columnSpan: 2
        Layout.fillWidth: true
        implicitHeight: voidedText.implicitHeight + 2 * Theme.spacing
        color: Theme.noticeBackground
        radius: Theme.radius
        Label {
            id: voidedText
            anchors.fill: parent
            anchors.margins: Theme.spacing
            wrapMode: Text.Wrap
            text: qsTr("Voided: this completion no longer counts. Reason given: %1")
                      .arg(root.editor.fields.void_reason ?? "")
            Accessible.role: Accessible.StaticText
            Accessible.name: voidedText.text
        }
    }
    FormField {
        id: person
        label: qsTr("Employee id")
        text: root.editor.fields.employee_id ?? ""
        hint: root.editor.fields.full_name ?? ""
        readOnly: !root.editor.isNew
        error: root.editor.errors.employee_id ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("employee_id", text)
    }
    ChoiceField {
        visible: root.editor.isNew
        label: qsTr("Module")
        choices: root.catalog.moduleChoices
        value: root.editor.fields.module ?? ""
        error: root.editor.errors.module ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("module", value)
    }
    FormField {
        visible: !root.editor.isNew
        label: qsTr("Module")
        readOnly: true
        text: root.catalog.labelOf(root.catalog.moduleChoices, root.editor.fields.module ?? "")
        error: root.editor.errors.module ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    FormField {
        id: completedOn
        label: qsTr("Completed on")
        text: root.editor.fields.completed_on ?? ""
        error: root.editor.errors.completed_on ?? ""
        placeholderText: qsTr("DD/MM/YYYY")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("completed_on", text)
    }
    FormField {
        label: qsTr("Expires on")
        text: root.editor.fields.expires_on ?? ""
        error: root.editor.errors.expires_on ?? ""
        placeholderText: qsTr("DD/MM/YYYY")
        hint: qsTr("Only if a certificate gives one; otherwise it follows the module's renewal.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("expires_on", text)
    }
    FormField {
        label: qsTr("Evidence")
        text: root.editor.fields.evidence ?? ""
        error: root.editor.errors.evidence ?? ""
        hint: qsTr("Certificate number, provider, or where the evidence is kept.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("evidence", text)
    }
    FormField {
        visible: !root.editor.isNew
        label: qsTr("Reason for the correction")
        text: root.editor.fields.reason ?? ""
        error: root.editor.errors.reason ?? ""
        hint: qsTr("Required: it is kept in the change log with the old values.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("reason", text)
    }
}
