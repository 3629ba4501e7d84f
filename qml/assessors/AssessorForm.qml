pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// One trusted-assessor authorisation: who and at which level, the equipment they may assess
// for, the training and observed assessments, the sign-off (only people whose role may sign
// off are offered), refreshers, restrictions and a withdrawal. Keyboard first: Tab moves field
// to field, Space ticks a box, Enter outside the text area saves.
GridLayout {
    id: root
    required property Session session
    readonly property AssessorEditor editor: AssessorEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Add a trusted-assessor authorisation")
                                                      : qsTr("Edit the authorisation of %1").arg(root.editor.recordName)

    function focusFirst() {
        if (root.editor.isNew)
            person.forceActiveFocus();
        else
            trained.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    EditorChoiceField {
        id: person
        source: root.editor.field("employee_id")
        label: qsTr("Person")
        // Read again after every change to the ledger (a new starter, a leaver).
        choices: root.session.revision >= 0 && root.session.unlocked ? root.session.staffChoices() : []
        enabled: root.editor.isNew
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("level")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    ColumnLayout {
        Layout.columnSpan: 2
        spacing: 2
        Label { text: qsTr("Equipment categories they may assess for"); font.bold: true }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: root.editor.categoryChoices
                delegate: CheckBox {
                    id: categoryBox
                    required property var modelData
                    text: categoryBox.modelData.label
                    checked: root.editor.field("categories").text !== "" && root.editor.hasCategory(categoryBox.modelData.value)
                    Accessible.name: qsTr("Equipment category %1").arg(categoryBox.modelData.label)
                    onToggled: root.editor.toggleCategory(categoryBox.modelData.value)
                }
            }
        }
        Label {
            visible: root.editor.field("categories").error !== ""
            text: "⚠ " + root.editor.field("categories").error
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: root.editor.field("categories").error
        }
    }
    EditorTextField {
        id: trained
        source: root.editor.field("trained_on")
        hint: qsTr("DD/MM/YYYY, not after today")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("observed_assessments")
        hint: qsTr("Assessments observed before sign-off, 0 to 999")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("signed_off_by")
        label: qsTr("Signed off by")
        choices: root.editor.signerChoices
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("signed_off_on")
        hint: qsTr("DD/MM/YYYY; empty until signed off")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("refresher_months")
        hint: qsTr("1 to 120; usually 12")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("refreshers")
        label: qsTr("Refreshers done")
        placeholderText: qsTr("e.g. 14/10/2026; 02/11/2027")
        hint: qsTr("Dates DD/MM/YYYY, separated by ;")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    FormTextArea {
        label: root.editor.field("restrictions").label
        hint: qsTr("What they may not assess for, if anything (optional)")
        text: root.editor.field("restrictions").text
        error: root.editor.field("restrictions").error
        lines: 2
        Layout.columnSpan: 2
        onEdited: (text) => root.editor.field("restrictions").text = text
    }
    EditorTextField {
        source: root.editor.field("withdrawn_on")
        hint: qsTr("DD/MM/YYYY; empty while they may assess")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Item { Layout.preferredWidth: 1 }
}
