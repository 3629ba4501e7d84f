pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A progress review of an apprenticeship: its date (today unless changed), on track or
// concerns, and notes.
GridLayout {
    id: root
    required property Session session
    readonly property ApprenticeshipReviewEditor editor: ApprenticeshipReviewEditor { session: root.session }
    readonly property string title: qsTr("Record progress review")

    function focusFirst() {
        date.field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    Label {
        text: qsTr("For %1 · %2").arg(root.editor.personName).arg(root.editor.field("standard_code").text)
        color: Theme.muted
        Layout.columnSpan: 2
    }
    EditorTextField {
        id: date
        source: root.editor.field("date")
        hint: qsTr("DD/MM/YYYY, not after today")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("outcome")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    FormTextArea {
        label: root.editor.field("notes").label
        text: root.editor.field("notes").text
        error: root.editor.field("notes").error
        lines: 3
        Layout.columnSpan: 2
        onEdited: (text) => root.editor.field("notes").text = text
    }
}
