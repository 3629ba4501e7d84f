pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A person's ASYE: where the year stands in words, who assesses and supervises, the review
// timeline (3-month, 6-month, 9-month when held, final: each date with its outcome, or
// "Overdue" / "Due") and the supervision log with each gap in place.
ColumnLayout {
    id: root
    required property Session session
    required property ProgrammePersonController person
    signal logSupervision()
    signal editEnrolment()
    signal openSupervision(string isoDate)

    readonly property var asye: root.person.asye
    property string removeMessage: ""

    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        StatusBadge { status: root.asye.statusCode ?? ""; label: root.asye.status ?? "" }
        Label {
            text: qsTr("Started %1 · final review %2").arg(root.asye.start ?? "").arg(root.asye.finalReview ?? "")
                  + (root.asye.nextReview ? qsTr(" · next: %1").arg(root.asye.nextReview) : "")
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Log supervision…")
            enabled: !root.session.readOnly && root.asye.closed !== true
            Accessible.name: qsTr("Log a supervision of %1").arg(root.person.name)
            onClicked: root.logSupervision()
        }
        Button {
            text: qsTr("Record review outcomes…")
            enabled: !root.session.readOnly
            Accessible.name: qsTr("Edit the enrolment of %1: review outcomes, outcome of the year, extension").arg(root.person.name)
            onClicked: root.editEnrolment()
        }
    }
    Label {
        visible: (root.asye.overdue ?? "") !== ""
        text: "⚠ " + (root.asye.overdue ?? "")
        color: Theme.error
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.asye.overdue ?? ""
    }
    GridLayout {
        columns: 6
        columnSpacing: Theme.margin
        rowSpacing: 4
        Layout.fillWidth: true
        Label { text: qsTr("Assessor"); color: Theme.muted }
        Label { text: root.asye.assessor ?? "" }
        Label { text: qsTr("Supervisor"); color: Theme.muted }
        Label { text: root.asye.supervisor ?? "" }
        Label { text: qsTr("Protected time"); color: Theme.muted }
        Label { text: root.asye.protectedTime ?? "" }
        Label { text: qsTr("Outcome of the year"); color: Theme.muted }
        Label { text: (root.asye.outcome ?? "") !== "" ? root.asye.outcome : qsTr("None yet"); font.bold: (root.asye.outcome ?? "") !== "" }
        Label { text: qsTr("Extension"); color: Theme.muted }
        Label { text: root.asye.extension ?? "" }
        Label { text: qsTr("Nine-month review"); color: Theme.muted }
        Label { text: root.asye.nineMonthReview ?? "" }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.margin * 2

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 380
            spacing: 4
            Label { text: qsTr("Reviews"); font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
            Repeater {
                model: root.person.reviews
                delegate: RowLayout {
                    id: review
                    required property string name
                    required property string date
                    required property string stateText
                    required property string statusCode
                    required property string state
                    spacing: Theme.spacing
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("%1, %2: %3").arg(review.name).arg(review.date).arg(review.stateText)
                    Label { text: "●"; color: review.state === "held" ? Theme.accent : review.state === "overdue" ? Theme.error : Theme.border }
                    Label { text: review.name; font.bold: review.state === "overdue" || review.state === "due"; Layout.preferredWidth: 120 }
                    Label { text: review.date; Layout.preferredWidth: 90 }
                    StatusBadge { status: review.statusCode; label: review.stateText }
                }
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: 4
            Label { text: qsTr("Supervision log"); font.bold: true; Accessible.role: Accessible.Heading; Accessible.name: text }
            Label {
                text: root.asye.cadence ?? ""
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: root.removeMessage !== ""
                text: "⚠ " + root.removeMessage
                color: Theme.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: Math.min(log.count * 34, 420) + 2
                color: Theme.surface
                border.color: Theme.border
                ListView {
                    id: log
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    model: root.person.supervisionLog
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Supervision log with its gaps")
                    delegate: ItemDelegate {
                        id: entry
                        required property int index
                        required property string kind
                        required property string date
                        required property string isoDate
                        required property string words
                        width: ListView.view.width
                        height: 34
                        Accessible.name: entry.kind === "gap" ? entry.words : qsTr("%1 on %2").arg(entry.words).arg(entry.date)
                        background: Rectangle {
                            color: entry.kind === "gap" ? Theme.errorBackground : entry.index % 2 ? "#f8f9fb" : Theme.surface
                        }
                        contentItem: RowLayout {
                            spacing: Theme.spacing
                            Label { text: entry.kind === "gap" ? "" : entry.date; Layout.preferredWidth: 90 }
                            Label {
                                text: entry.kind === "gap" ? "⚠ " + entry.words : entry.words
                                color: entry.kind === "gap" ? Theme.error : entry.kind === "start" ? Theme.muted : Theme.text
                                font.bold: entry.kind === "gap"
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Button {
                                visible: entry.kind === "supervision"
                                text: qsTr("Remove…")
                                flat: true
                                enabled: !root.session.readOnly
                                Accessible.name: qsTr("Remove the supervision of %1, logged in error").arg(entry.date)
                                onClicked: {
                                    confirm.isoDate = entry.isoDate;
                                    confirm.date = entry.date;
                                    confirm.open();
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    FormDialog {
        id: confirm
        property string isoDate: ""
        property string date: ""
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 440
        title: qsTr("Remove the supervision of %1?").arg(confirm.date)
        onOpened: keep.forceActiveFocus()
        Label {
            anchors.fill: parent
            wrapMode: Text.Wrap
            text: qsTr("Only for a supervision logged in error. The change log keeps a note of it.")
        }
        footer: FormButtonRow {
            Item { Layout.fillWidth: true }
            Button {
                id: keep
                text: qsTr("Keep it")
                Accessible.name: qsTr("Keep the supervision")
                onClicked: confirm.close()
            }
            Button {
                text: qsTr("Remove")
                Accessible.name: qsTr("Remove the supervision now")
                onClicked: {
                    confirm.close();
                    root.removeMessage = root.person.removeSupervision(confirm.isoDate);
                }
            }
        }
    }
}
