pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A team or a role: just its name. Renaming moves everyone and every rule with it.
ColumnLayout {
    id: root
    required property RecordEditor editor
    required property CatalogController catalog

    readonly property bool team: root.editor.kind === "team"

    function focusFirst() {
        name.field.forceActiveFocus();
    }

    spacing: Theme.spacing

    FormField {
        id: name
        label: root.team ? qsTr("Team name") : qsTr("Role name")
        text: root.editor.fields.name ?? ""
        error: root.editor.errors.name ?? root.editor.errors.to ?? ""
        hint: root.editor.isNew ? ""
            : root.team ? qsTr("Renaming changes it for everyone in the team and its rules.")
                        : qsTr("Renaming changes it for everyone in the role and its rules.")
        onEdited: (text) => root.editor.setField("name", text)
    }
}
