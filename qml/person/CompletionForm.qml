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
    required property Session session
    required property CatalogController catalog
    readonly property CompletionEditor editor: CompletionEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Record a completion") : qsTr("Correct a completion")
    /// A recorded completion that still counts may be voided.
    readonly property bool canVoid: !root.editor.isNew && !root.voided

    readonly property bool voided: root.editor.voided

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
                      .arg(root.editor.voidReason)
            Accessible.role: Accessible.StaticText
            Accessible.name: voidedText.text
        }
    }
    EditorTextField {
        id: person
        source: root.editor.field("employee_id")
        hint: root.editor.personName
        readOnly: !root.editor.isNew
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    ChoiceField {
        visible: root.editor.isNew
        label: qsTr("Module")
        choices: root.catalog.moduleChoices
        value: root.editor.field("module").text
        error: root.editor.field("module").error
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.field("module").text = value
    }
    FormField {
        visible: !root.editor.isNew
        label: qsTr("Module")
        readOnly: true
        text: root.catalog.labelOf(root.catalog.moduleChoices, root.editor.field("module").text)
        error: root.editor.field("module").error
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        id: completedOn
        label: qsTr("Completed on")
        source: root.editor.field("completed_on")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        label: qsTr("Expires on")
        source: root.editor.field("expires_on")
        hint: qsTr("Only if a certificate gives one; otherwise it follows the module's renewal.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        label: qsTr("Evidence")
        source: root.editor.field("evidence")
        hint: qsTr("Certificate number, provider, or where the evidence is kept.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        visible: !root.editor.isNew
        label: qsTr("Reason for the correction")
        source: root.editor.field("reason")
        hint: qsTr("Required: it is kept in the change log with the old values.")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
}
