import QtQuick
import PracticeLedger.Backend

// A choice bound to one field of a record editor; the choices are the field's own (from its
// kind's spec) unless the form gives others (teams, roles, modules).
ChoiceField {
    id: root
    property EditorField source: null

    label: root.source ? root.source.label : ""
    choices: root.source ? root.source.choices : []
    value: root.source ? root.source.text : ""
    error: root.source ? root.source.error : ""
    onChosen: (value) => { if (root.source) root.source.text = value; }
}
