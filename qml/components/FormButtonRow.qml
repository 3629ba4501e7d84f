import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The row of buttons at the foot of a dialog; put an `Item { Layout.fillWidth: true }`
// between the buttons on the left and those on the right.
Pane {
    id: root
    default property alias buttons: row.data

    padding: Theme.margin
    topPadding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
    }
    RowLayout {
        id: row
        anchors.fill: parent
        spacing: Theme.spacing
    }
}
