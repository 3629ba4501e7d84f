pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A new code for the ledger's equipment-category list: the code a file or the CLI uses and
// the label people read. A category is only ever added.
ColumnLayout {
    id: root
    required property Session session
    readonly property CategoryEditor editor: CategoryEditor { session: root.session }
    readonly property string title: qsTr("Add an equipment category")

    function focusFirst() {
        code.field.forceActiveFocus();
    }

    spacing: Theme.spacing

    EditorTextField {
        id: code
        source: root.editor.field("code")
        placeholderText: qsTr("e.g. stair_rails")
        hint: qsTr("1 to 40 characters: a–z, 0–9 and _. It is kept as typed and cannot be changed.")
    }
    EditorTextField {
        source: root.editor.field("label")
        placeholderText: qsTr("e.g. Stair rails")
        hint: qsTr("As people read it on the pages and in the editor.")
    }
}
