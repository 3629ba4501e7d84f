pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// Coverage at each month end over a range of months, for the organisation, a team or a
// module: a chart and, beside it, the figures, both from core's trend report; saved as CSV,
// Excel or PDF.
Item {
    id: root
    required property Session session
    required property var app
    readonly property alias controller: controller

    TrendController {
        id: controller
        session: root.session
        active: root.visible
        // The fields show the range however it was set (typed, or the last 24 months).
        onRangeChanged: {
            fromField.text = controller.fromText;
            toField.text = controller.toText;
        }
    }

    ReportSaveDialog {
        id: saveDialog
        title: qsTr("Save the coverage trend")
        onChosen: (format, file) => controller.save(format, file)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            PageTitle {
                title: qsTr("Coverage trend")
                subtitle: controller.hasReport ? controller.subtitle
                                               : qsTr("Coverage at each month end over a range of months.")
            }
            SaveButtons {
                what: qsTr("the coverage trend")
                enabled: controller.hasReport && !root.session.tasks.running
                Layout.alignment: Qt.AlignTop
                onSaveAs: (format) => saveDialog.ask(format, controller.suggestedFileName(format), "")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Team") }
            ComboBox {
                id: teamBox
                Layout.preferredWidth: 220
                model: controller.teamChoices
                textRole: "label"
                valueRole: "value"
                currentIndex: Math.max(0, teamBox.indexOfValue(controller.team))
                Accessible.name: qsTr("Team: %1").arg(teamBox.currentText)
                onActivated: controller.team = teamBox.currentValue
            }
            Label { text: qsTr("Module") }
            ComboBox {
                id: moduleBox
                Layout.preferredWidth: 260
                model: controller.moduleChoices
                textRole: "label"
                valueRole: "value"
                currentIndex: Math.max(0, moduleBox.indexOfValue(controller.module))
                Accessible.name: qsTr("Module: %1").arg(moduleBox.currentText)
                onActivated: controller.module = moduleBox.currentValue
            }
            Label { text: qsTr("From") }
            TextField {
                id: fromField
                Layout.preferredWidth: 90
                text: controller.fromText
                horizontalAlignment: Text.AlignHCenter
                Accessible.name: qsTr("First month (MM/YYYY)")
                onEditingFinished: rangeError.text = controller.setRangeText(fromField.text, toField.text)
            }
            Label { text: qsTr("to") }
            TextField {
                id: toField
                Layout.preferredWidth: 90
                text: controller.toText
                horizontalAlignment: Text.AlignHCenter
                Accessible.name: qsTr("Last month (MM/YYYY)")
                onEditingFinished: rangeError.text = controller.setRangeText(fromField.text, toField.text)
            }
            Button {
                text: qsTr("Last 24 months")
                Accessible.name: qsTr("Show the 24 months up to the last complete month")
                onClicked: {
                    rangeError.text = "";
                    controller.showLast24Months();
                }
            }
            Item { Layout.fillWidth: true }
        }
        Label {
            id: rangeError
            visible: rangeError.text !== ""
            color: Theme.error
            Accessible.role: Accessible.AlertMessage
            Accessible.name: rangeError.text
        }

        // What is going on: working, cancelled or failed, and what the last save did.
        Label {
            visible: text !== ""
            text: controller.computing ? qsTr("Working out coverage at each month end…")
                : controller.message !== "" ? controller.message : controller.saveMessage
            color: controller.state === "failed" || controller.saveMessage.startsWith(qsTr("Not saved"))
                   ? Theme.error : Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 4
                Label {
                    text: controller.chartTitle
                    font.bold: true
                    font.pointSize: Theme.headingSize
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                TrendChart {
                    controller: controller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    opacity: controller.computing ? 0.5 : 1
                }
                Label {
                    text: controller.note
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            TrendTable {
                controller: controller
                Layout.fillHeight: true
                Layout.preferredWidth: implicitWidth
            }
        }
    }
}
