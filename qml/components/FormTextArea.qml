import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A labelled text of several lines with its problem shown beneath it.
ColumnLayout {
    id: root
    property alias label: caption.text
    property alias text: area.text
    property alias placeholderText: area.placeholderText
    property string error: ""
    property string hint: ""
    property int lines: 4
    signal edited(string text)

    spacing: 2
    Layout.fillWidth: true

    Label {
        id: caption
        font.bold: true
    }
    TextArea {
        id: area
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(area.implicitHeight, root.lines * 22 + area.topPadding + area.bottomPadding)
        wrapMode: TextEdit.Wrap
        selectByMouse: true
        Accessible.name: caption.text
        Accessible.description: root.error !== "" ? root.error : root.hint
        // Tab moves on to the next control rather than typing a tab.
        Keys.onTabPressed: (event) => {
            area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason);
            event.accepted = true;
        }
        onTextChanged: if (area.activeFocus) root.edited(area.text)
        background: Rectangle {
            color: Theme.surface
            border.color: root.error !== "" ? Theme.error : (area.activeFocus ? Theme.accent : Theme.border)
            border.width: root.error !== "" || area.activeFocus ? 2 : 1
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
