import QtQuick
import PracticeLedger.Backend

// A text field bound to one field of a record editor: its label, text and problem.
FormField {
    id: root
    property EditorField source: null

    label: root.source ? root.source.label : ""
    text: root.source ? root.source.text : ""
    error: root.source ? root.source.error : ""
    placeholderText: root.source && root.source.isDate ? qsTr("DD/MM/YYYY") : ""
    onEdited: (text) => { if (root.source) root.source.text = text; }
}
