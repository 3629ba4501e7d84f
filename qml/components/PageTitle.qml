import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The heading of a page with an optional line under it.
ColumnLayout {
    id: root
    property alias title: heading.text
    property alias subtitle: sub.text
    spacing: 2
    Layout.fillWidth: true

    Label {
        id: heading
        font.pointSize: Theme.titleSize
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
        Accessible.name: heading.text
    }
    Label {
        id: sub
        visible: sub.text !== ""
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
