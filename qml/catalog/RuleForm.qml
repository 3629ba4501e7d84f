pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A requirement rule: a module required of all staff, a team or a role. A rule is known by
// its module, scope and value, so those are fixed once it exists.
GridLayout {
    id: root
    required property RecordEditor editor
    required property CatalogController catalog

    readonly property string scope: root.editor.fields.scope ?? "all"
    readonly property var scopeChoices: [
        { value: "all", label: qsTr("All staff") },
        { value: "team", label: qsTr("One team") },
        { value: "role", label: qsTr("One role") }
    ]

    function focusFirst() {
        if (root.editor.isNew)
            moduleChoice.nextItemInFocusChain(true).forceActiveFocus();
        else
            dueWithin.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    ChoiceField {
        id: moduleChoice
        visible: root.editor.isNew
        label: qsTr("Module")
        choices: root.catalog.moduleChoices
        value: root.editor.fields.module ?? ""
        error: root.editor.errors.module ?? ""
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("module", value)
    }
    FormField {
        visible: !root.editor.isNew
        label: qsTr("Module")
        readOnly: true
        text: root.catalog.labelOf(root.catalog.moduleChoices, root.editor.fields.module ?? "")
        error: root.editor.errors.module ?? ""
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    ChoiceField {
        visible: root.editor.isNew
        label: qsTr("Applies to")
        choices: root.scopeChoices
        value: root.scope
        error: root.editor.errors.scope ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => {
            root.editor.setField("scope", value);
            root.editor.setField("value", "");
        }
    }
    FormField {
        visible: !root.editor.isNew
        label: qsTr("Applies to")
        readOnly: true
        text: root.catalog.labelOf(root.scopeChoices, root.scope)
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    ChoiceField {
        visible: root.editor.isNew && root.scope !== "all"
        label: root.scope === "team" ? qsTr("Team") : qsTr("Role")
        choices: root.scope === "team" ? root.catalog.teamNames : root.catalog.roleNames
        value: root.editor.fields.value ?? ""
        error: root.editor.errors.value ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("value", value)
    }
    FormField {
        visible: !root.editor.isNew && root.scope !== "all"
        label: root.scope === "team" ? qsTr("Team") : qsTr("Role")
        readOnly: true
        text: root.editor.fields.value ?? ""
        error: root.editor.errors.value ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Item {
        // Keeps the grid's columns when there is no team or role to choose.
        visible: root.scope === "all"
        Layout.preferredWidth: 1
        Layout.fillWidth: true
    }
    FormField {
        id: dueWithin
        label: qsTr("Due within (days)")
        text: root.editor.fields.due_within_days ?? ""
        error: root.editor.errors.due_within_days ?? ""
        hint: qsTr("Grace for new starters, and for people already in post when the rule takes effect.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("due_within_days", text)
    }
    FormField {
        label: qsTr("Effective from")
        text: root.editor.fields.effective_from ?? ""
        error: root.editor.errors.effective_from ?? ""
        placeholderText: qsTr("DD/MM/YYYY")
        hint: qsTr("Optional; empty means the rule has always applied.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("effective_from", text)
    }
    Label {
        visible: !root.editor.isNew
        text: qsTr("To require the module of someone else, add a new rule.")
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.columnSpan: 2
        Layout.fillWidth: true
    }
}
