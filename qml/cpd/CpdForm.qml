pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A CPD entry, in the order of Social Work England's form: when, what, what was learnt, the
// difference to practice, an optional peer reflection, then the standards and audit themes
// it touches. Keyboard first: Tab moves field to field (a tab inside a text area too), Space
// ticks a box, Enter outside a text area saves.
GridLayout {
    id: root
    required property Session session
    required property CatalogController catalog
    readonly property CpdEditor editor: CpdEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Log CPD") : qsTr("Edit a CPD entry")

    function focusFirst() {
        date.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    Label {
        visible: root.editor.personName !== ""
        text: root.editor.sourceText !== ""
              ? qsTr("For %1 · %2").arg(root.editor.personName).arg(root.editor.sourceText)
              : qsTr("For %1").arg(root.editor.personName)
        color: Theme.muted
        Layout.columnSpan: 2
    }
    EditorTextField {
        id: date
        source: root.editor.field("date")
        label: qsTr("Date")
        hint: qsTr("DD/MM/YYYY, not after today")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("hours")
        label: qsTr("Hours")
        placeholderText: qsTr("e.g. 1.5")
        hint: qsTr("Up to two decimals")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("title")
        label: qsTr("Title")
        placeholderText: qsTr("e.g. Practice forum: self-neglect")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("type")
        label: qsTr("Type of activity")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("status")
        label: qsTr("Status")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Repeater {
        model: [
            { name: "description", label: qsTr("What I did"), hint: "" },
            { name: "learning", label: qsTr("What I learnt"), hint: "" },
            { name: "impact", label: qsTr("The difference it makes to my practice"), hint: "" },
            { name: "peer_reflection", label: qsTr("Peer reflection (optional)"),
              hint: qsTr("What you reflected on with a peer. Name them by job title only, e.g. a Senior Social Worker.") }
        ]
        delegate: FormTextArea {
            id: area
            required property var modelData
            label: area.modelData.label
            hint: area.modelData.hint
            text: root.editor.field(area.modelData.name).text
            error: root.editor.field(area.modelData.name).error
            lines: area.modelData.name === "peer_reflection" ? 2 : 3
            Layout.columnSpan: 2
            Layout.alignment: Qt.AlignTop
            onEdited: (text) => root.editor.field(area.modelData.name).text = text
        }
    }
    ColumnLayout {
        Layout.columnSpan: 2
        spacing: 2
        Label { text: qsTr("Professional standards"); font.bold: true }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8"]
                delegate: CheckBox {
                    id: standard
                    required property string modelData
                    text: standard.modelData
                    checked: root.editor.field("standards").text !== "" && root.editor.listHas("standards", standard.modelData)
                    Accessible.name: qsTr("Standard %1").arg(standard.modelData)
                    onToggled: root.editor.toggleInList("standards", standard.modelData)
                }
            }
        }
        Label {
            visible: root.editor.field("standards").error !== ""
            text: "⚠ " + root.editor.field("standards").error
            color: Theme.error
        }
    }
    ColumnLayout {
        visible: root.editor.themeChoices.length > 0
        Layout.columnSpan: 2
        spacing: 2
        Label { text: qsTr("Audit themes it addresses"); font.bold: true }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: root.editor.themeChoices
                delegate: CheckBox {
                    id: theme
                    required property var modelData
                    text: theme.modelData.label
                    checked: root.editor.field("themes").text !== "" && root.editor.listHas("themes", theme.modelData.value)
                    Accessible.name: qsTr("Audit theme %1").arg(theme.modelData.label)
                    onToggled: root.editor.toggleInList("themes", theme.modelData.value)
                }
            }
        }
        Label {
            visible: root.editor.field("themes").error !== ""
            text: "⚠ " + root.editor.field("themes").error
            color: Theme.error
        }
    }
}
