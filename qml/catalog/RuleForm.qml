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
    required property Session session
    required property CatalogController catalog
    readonly property RuleEditor editor: RuleEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("New requirement rule")
                                                      : qsTr("Edit a rule for %1").arg(root.editor.recordName)

    readonly property string scope: root.editor.field("scope").text
    readonly property var scopeChoices: root.editor.field("scope").choices

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
        value: root.editor.field("module").text
        error: root.editor.field("module").error
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.field("module").text = value
    }
    FormField {
        visible: !root.editor.isNew
        label: qsTr("Module")
        readOnly: true
        text: root.catalog.labelOf(root.catalog.moduleChoices, root.editor.field("module").text)
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    ChoiceField {
        visible: root.editor.isNew
        label: qsTr("Applies to")
        choices: root.scopeChoices
        value: root.scope
        error: root.editor.field("scope").error
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => {
            root.editor.field("scope").text = value;
            root.editor.field("value").text = "";
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
        value: root.editor.field("value").text
        error: root.editor.field("value").error
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.field("value").text = value
    }
    FormField {
        visible: !root.editor.isNew && root.scope !== "all"
        label: root.scope === "team" ? qsTr("Team") : qsTr("Role")
        readOnly: true
        text: root.editor.field("value").text
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Item {
        // Keeps the grid's columns when there is no team or role to choose.
        visible: root.scope === "all"
        Layout.preferredWidth: 1
        Layout.fillWidth: true
    }
    EditorTextField {
        id: dueWithin
        source: root.editor.field("due_within_days")
        hint: qsTr("Grace for new starters, and for people already in post when the rule takes effect.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("effective_from")
        hint: qsTr("Optional; empty means the rule has always applied.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
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
