pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A supervision of a newly qualified social worker: its date, today unless changed. One
// logged in error is opened and removed.
ColumnLayout {
    id: root
    required property Session session
    readonly property SupervisionEditor editor: SupervisionEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Log supervision") : qsTr("Supervision")

    function focusFirst() {
        date.field.forceActiveFocus();
    }

    spacing: Theme.spacing

    Label {
        text: qsTr("For %1").arg(root.editor.personName)
        color: Theme.muted
    }
    EditorTextField {
        id: date
        source: root.editor.field("date")
        label: qsTr("Date of the supervision")
        hint: qsTr("DD/MM/YYYY, from the start of the year to today")
    }
}
