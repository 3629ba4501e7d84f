pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// An audit theme: a finding the service is working on, where it came from, and the modules
// that address it.
GridLayout {
    id: root
    required property RecordEditor editor
    required property CatalogController catalog

    function focusFirst() {
        title.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    FormField {
        id: title
        label: qsTr("Title")
        text: root.editor.fields.title ?? ""
        error: root.editor.errors.title ?? ""
        placeholderText: qsTr("e.g. Carers' assessments offered late")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("title", text)
    }
    ChoiceField {
        label: qsTr("Source")
        choices: root.catalog.themeSources
        value: root.editor.fields.source ?? ""
        error: root.editor.errors.source ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("source", value)
    }
    FormField {
        label: qsTr("Raised on")
        text: root.editor.fields.raised_on ?? ""
        error: root.editor.errors.raised_on ?? ""
        placeholderText: qsTr("DD/MM/YYYY")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("raised_on", text)
    }
    ChoiceField {
        label: qsTr("Priority")
        choices: root.catalog.themePriorities
        value: root.editor.fields.priority ?? ""
        error: root.editor.errors.priority ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("priority", value)
    }
    ChoiceField {
        label: qsTr("Status")
        choices: root.catalog.themeStatuses
        value: root.editor.fields.status ?? ""
        error: root.editor.errors.status ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("status", value)
    }
    FormField {
        label: qsTr("Linked modules")
        text: root.editor.fields.modules ?? ""
        error: root.editor.errors.modules ?? ""
        placeholderText: qsTr("Module codes separated by spaces")
        hint: qsTr("The modules whose training addresses this theme, e.g. CARE-ACT MCA.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("modules", text)
    }
    FormTextArea {
        label: qsTr("Notes")
        text: root.editor.fields.notes ?? ""
        error: root.editor.errors.notes ?? ""
        lines: 4
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("notes", text)
    }
}
