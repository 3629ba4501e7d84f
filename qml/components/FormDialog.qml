import QtQuick
import QtQuick.Controls

// A modal dialog in the app's style: a heading, a white surface, the window dimmed behind it.
// Escape closes it; a click outside does not, so nothing typed is lost by accident.
Dialog {
    id: root

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: Theme.margin

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }
    Overlay.modal: Rectangle {
        color: "#66000000"
    }
    header: Label {
        text: root.title
        font.bold: true
        font.pointSize: Theme.headingSize
        elide: Text.ElideRight
        padding: Theme.margin
        bottomPadding: 0
        Accessible.role: Accessible.Heading
        Accessible.name: root.title
    }
}
