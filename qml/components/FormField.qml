import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A labelled text field with its problem shown beneath it.
ColumnLayout {
    id: root
    property alias label: caption.text
    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property alias readOnly: field.readOnly
    property alias echoMode: field.echoMode
    property alias field: field
    property string error: ""
    property string hint: ""
    signal edited(string text)

    spacing: 2
    Layout.fillWidth: true

    Label {
        id: caption
        font.bold: true
    }
    TextField {
        id: field
        Layout.fillWidth: true
        selectByMouse: true
        Accessible.name: caption.text
        Accessible.description: root.error !== "" ? root.error : root.hint
        onTextEdited: root.edited(field.text)
        background: Rectangle {
            color: field.readOnly ? Theme.window : Theme.surface
            border.color: root.error !== "" ? Theme.error : (field.activeFocus ? Theme.accent : Theme.border)
            border.width: root.error !== "" || field.activeFocus ? 2 : 1
            radius: Theme.radius
        }
    }
    Label {
        visible: root.hint !== "" && root.error === ""
        text: root.hint
        color: Theme.muted
        font.pointSize: 8.5
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: root.error !== ""
        text: "⚠ " + root.error
        color: Theme.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.error
    }
}
