pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A team or a role: just its name. Renaming moves everyone and every rule with it.
ColumnLayout {
    id: root
    required property Session session
    required property CatalogController catalog
    /// "team" or "role".
    property string kind: "team"
    readonly property bool team: root.kind === "team"
    readonly property NameEditor editor: root.team ? teamEditor : roleEditor
    readonly property string title: root.team
        ? (root.editor.isNew ? qsTr("New team") : qsTr("Rename or remove team %1").arg(root.editor.recordName))
        : (root.editor.isNew ? qsTr("New role") : qsTr("Rename or remove role %1").arg(root.editor.recordName))

    function focusFirst() {
        name.field.forceActiveFocus();
    }

    spacing: Theme.spacing

    TeamEditor {
        id: teamEditor
        session: root.session
    }
    RoleEditor {
        id: roleEditor
        session: root.session
    }

    EditorTextField {
        id: name
        source: root.editor.field("name")
        hint: root.editor.isNew ? ""
            : root.team ? qsTr("Renaming changes it for everyone in the team and its rules.")
                        : qsTr("Renaming changes it for everyone in the role and its rules.")
    }
}
