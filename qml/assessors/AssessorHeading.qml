import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui

// The heading of one list on the trusted-assessors page.
Label {
    id: root
    font.bold: true
    font.pointSize: Theme.headingSize - 2
    wrapMode: Text.Wrap
    Layout.fillWidth: true
    Accessible.role: Accessible.Heading
    Accessible.name: root.text
}
