import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A labelled choice from a list of {value, label}, or of plain strings, with its problem.
ColumnLayout {
    id: root
    property alias label: caption.text
    property var choices: []
    property string value: ""
    property string error: ""
    property bool editable: false
    signal chosen(string value)

    spacing: 2
    Layout.fillWidth: true

    function indexOfValue(v: string): int {
        for (let i = 0; i < root.choices.length; ++i) {
            const c = root.choices[i];
            if ((typeof c === "string" ? c : c.value) === v)
                return i;
        }
        return -1;
    }

    Label {
        id: caption
        font.bold: true
    }
    ComboBox {
        id: box
        Layout.fillWidth: true
        model: root.choices
        editable: root.editable
        textRole: root.choices.length > 0 && typeof root.choices[0] !== "string" ? "label" : ""
        valueRole: root.choices.length > 0 && typeof root.choices[0] !== "string" ? "value" : ""
        currentIndex: root.indexOfValue(root.value)
        Accessible.name: caption.text
        Accessible.description: root.error
        onActivated: (index) => {
            const c = root.choices[index];
            root.chosen(typeof c === "string" ? c : c.value);
        }
        onAccepted: root.chosen(box.editText)
        // A typed value (a new team, say) counts as chosen without pressing Enter.
        onEditTextChanged: if (root.editable && box.activeFocus) root.chosen(box.editText)
        Component.onCompleted: if (root.editable && root.indexOfValue(root.value) < 0) box.editText = root.value
    }
    Label {
        visible: root.error !== ""
        text: "⚠ " + root.error
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.error
    }
}
