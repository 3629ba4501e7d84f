pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Off-the-job hours on one day for one apprenticeship: the date (today unless changed) and
// the hours.
GridLayout {
    id: root
    required property Session session
    readonly property OtjEditor editor: OtjEditor { session: root.session }
    readonly property string title: qsTr("Log off-the-job hours")

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
    EditorTextField {
        source: root.editor.field("hours")
        placeholderText: qsTr("e.g. 6.5")
        hint: qsTr("0.01 to 1000, up to two decimals")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
}
