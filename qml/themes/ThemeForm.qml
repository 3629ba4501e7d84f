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
    required property Session session
    required property CatalogController catalog
    readonly property ThemeEditor editor: ThemeEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("New audit theme") : qsTr("Edit audit theme")

    function focusFirst() {
        (root.editor.isNew ? key : title).field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    EditorTextField {
        id: key
        source: root.editor.field("key")
        label: qsTr("Key")
        placeholderText: qsTr("e.g. CARERS")
        readOnly: !root.editor.isNew
        hint: root.editor.isNew ? qsTr("A short code for imports and reports; it cannot be changed later.")
                                : qsTr("Cannot be changed.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("owner_id")
        label: qsTr("Owner's employee id")
        hint: qsTr("Optional: who is leading the work on it.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        id: title
        source: root.editor.field("title")
        label: qsTr("Title")
        placeholderText: qsTr("e.g. Carers' assessments offered late")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("source")
        label: qsTr("Source")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("raised_on")
        label: qsTr("Raised on")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("priority")
        label: qsTr("Priority")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("status")
        label: qsTr("Status")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("modules")
        label: qsTr("Linked modules")
        placeholderText: qsTr("Module codes separated by spaces")
        hint: qsTr("The modules whose training addresses this theme, e.g. CARE-ACT MCA.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    FormTextArea {
        label: qsTr("Description")
        text: root.editor.field("description").text
        error: root.editor.field("description").error
        lines: 4
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.field("description").text = text
    }
}
