pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// Who is overdue, or falls due within 30, 60 or 90 days of a date, grouped by line manager
// or by team; each manager's reminder list, and the whole list, saved as files.
Item {
    id: root
    required property Session session
    required property var app
    readonly property alias controller: controller

    ExpiringController {
        id: controller
        session: root.session
        active: root.visible
        onAsOfChanged: dateField.text = controller.asOfText
    }

    ReportSaveDialog {
        id: saveDialog
        title: saveDialog.about !== "" ? qsTr("Save the reminder list") : qsTr("Save the list of people overdue or due soon")
        onChosen: (format, file, about) => {
            if (about !== "")
                controller.saveReminderList(about, file);
            else
                controller.save(format, file);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            PageTitle {
                title: qsTr("Overdue and due soon")
                subtitle: controller.hasReport ? controller.summary
                                               : qsTr("Required training overdue, or falling due soon.")
            }
            SaveButtons {
                what: qsTr("the list of people overdue or due soon")
                enabled: controller.hasReport && !root.session.tasks.running
                Layout.alignment: Qt.AlignTop
                onSaveAs: (format) => saveDialog.ask(format, controller.suggestedFileName(format, ""), "")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("As of") }
            TextField {
                id: dateField
                Layout.preferredWidth: 120
                text: controller.asOfText
                horizontalAlignment: Text.AlignHCenter
                Accessible.name: qsTr("As of (DD/MM/YYYY)")
                onEditingFinished: dateError.text = controller.setAsOfText(dateField.text)
            }
            Button {
                text: qsTr("Today")
                Accessible.name: qsTr("As of today")
                onClicked: {
                    dateError.text = "";
                    controller.showToday();
                }
            }
            Label {
                text: qsTr("Due within")
                Layout.leftMargin: Theme.margin
            }
            Repeater {
                model: [30, 60, 90]
                delegate: RadioButton {
                    id: windowButton
                    required property int modelData
                    text: qsTr("%1 days").arg(windowButton.modelData)
                    checked: controller.within === windowButton.modelData
                    Accessible.name: qsTr("Due within %1 days").arg(windowButton.modelData)
                    onToggled: if (windowButton.checked) controller.within = windowButton.modelData
                }
            }
            Switch {
                id: groupSwitch
                Layout.leftMargin: Theme.margin
                text: groupSwitch.checked ? qsTr("Grouped by line manager") : qsTr("Grouped by team")
                checked: controller.byManager
                Accessible.name: qsTr("Group by line manager (off: by team)")
                onToggled: controller.byManager = groupSwitch.checked
            }
            Item { Layout.fillWidth: true }
        }
        Label {
            id: dateError
            visible: dateError.text !== ""
            color: Theme.error
            Accessible.role: Accessible.AlertMessage
            Accessible.name: dateError.text
        }

        // What is going on: working, cancelled or failed, and what the last save did.
        Label {
            visible: text !== ""
            text: controller.computing ? qsTr("Finding who is overdue or falls due…")
                : controller.message !== "" ? controller.message : controller.saveMessage
            color: controller.state === "failed" || controller.saveMessage.startsWith(qsTr("Not saved"))
                   ? Theme.error : Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        ExpiringList {
            controller: controller
            enabled: !root.session.tasks.running
            Layout.fillWidth: true
            Layout.fillHeight: true
            opacity: controller.computing ? 0.5 : 1
            onReminderListRequested: (managerId, title) =>
                saveDialog.ask("csv", controller.suggestedFileName("csv", managerId), managerId)
        }
    }
}
