import QtQuick
import QtQuick.Controls

// A status in words on its colour: "Overdue", "Due soon", "Compliant", "Not yet due".
Label {
    id: root
    required property string status
    required property string label

    text: root.label
    color: Theme.statusTextColour(root.status)
    font.bold: true
    leftPadding: 8
    rightPadding: 8
    topPadding: 2
    bottomPadding: 2
    background: Rectangle {
        color: Theme.statusColour(root.status)
        radius: Theme.radius
    }
    Accessible.role: Accessible.StaticText
    Accessible.name: root.label
}
