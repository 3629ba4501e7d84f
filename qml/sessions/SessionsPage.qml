pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Forums and sessions: the agenda (upcoming and past), the chosen session's bookings and
// attendance, taken at the door with the keyboard (type an employee id, press a key), and
// the topic suggestions for the next forum.
Item {
    id: root
    required property Session session
    required property var app

    SessionsController {
        id: sessions
        session: root.session
        active: root.visible
    }

    function record(action) {
        const message = sessions.act(action, personField.text, "");
        outcome.text = message === "" ? qsTr("Recorded: %1 for %2.").arg(action.replace("_", " ")).arg(personField.text)
                                      : message;
        if (message === "")
            personField.selectAll();
        personField.forceActiveFocus();
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        PageTitle {
            title: qsTr("Forums and sessions")
            subtitle: qsTr("Practice forums, NQ group sessions, workshops and conferences: who is booked, who is waiting, who came.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            ColumnLayout {
                Layout.preferredWidth: 3
                Layout.fillWidth: true
                Layout.fillHeight: true
                TabBar {
                    id: agendaTabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Upcoming"); Accessible.name: qsTr("Upcoming sessions") }
                    TabButton { text: qsTr("Past"); Accessible.name: qsTr("Past sessions") }
                }
                CatalogTable {
                    id: agenda
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: agendaTabs.currentIndex === 0 ? sessions.upcoming : sessions.past
                    nameRole: "title"
                    accessibleName: qsTr("Sessions; press Enter to open the current one")
                    emptyText: qsTr("No sessions here.")
                    columns: [
                        { role: "when", title: qsTr("When"), width: 170 },
                        { role: "title", title: qsTr("Session") },
                        { role: "status", title: qsTr("Status"), width: 80 },
                        { role: "places", title: qsTr("Places"), width: 240 }
                    ]
                    onActivated: (row) => {
                        sessions.selected = agenda.model.get(row).key;
                        personField.forceActiveFocus();
                    }
                }
                Label {
                    text: qsTr("Suggested topics for the next forum")
                    font.bold: true
                    Layout.topMargin: Theme.spacing
                }
                CatalogTable {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 180
                    model: sessions.suggestions
                    nameRole: "title"
                    activatable: false
                    accessibleName: qsTr("Topic suggestions, most needed first")
                    emptyText: qsTr("No open audit themes.")
                    columns: [
                        { role: "rank", title: qsTr("#"), width: 30 },
                        { role: "title", title: qsTr("Audit theme") },
                        { role: "priority", title: qsTr("Priority"), width: 70 },
                        { role: "why", title: qsTr("Why now"), width: 190 },
                        { role: "lastTouched", title: qsTr("Last touched"), width: 100 },
                        { role: "staffReached", title: qsTr("Staff reached"), width: 100 }
                    ]
                }
            }

            ColumnLayout {
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: sessions.selected !== ""

                Label {
                    text: sessions.detail.title || ""
                    font.bold: true
                    font.pixelSize: 18
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("%1 · %2 · %3").arg(sessions.detail.when || "").arg(sessions.detail.kind || "")
                                             .arg(sessions.detail.status || "")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    text: sessions.detail.places || ""
                    Layout.fillWidth: true
                }
                Label {
                    visible: (sessions.detail.speaker || "") !== ""
                    text: qsTr("Speaker: %1 (%2)").arg(sessions.detail.speaker || "").arg(sessions.detail.organisation || "")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: (sessions.detail.themes || "") !== ""
                    text: qsTr("Audit themes: %1").arg(sessions.detail.themes || "")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }

                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: personField
                        placeholderText: qsTr("Employee id")
                        Accessible.name: qsTr("Employee id of the person at the door")
                        Layout.preferredWidth: 140
                        Keys.onReturnPressed: root.record("attend")
                    }
                    Button {
                        text: qsTr("Attended")
                        Accessible.name: qsTr("Mark the person attended")
                        enabled: !root.session.readOnly
                        onClicked: root.record("attend")
                    }
                    Button {
                        text: qsTr("Book")
                        Accessible.name: qsTr("Book the person a place")
                        enabled: !root.session.readOnly
                        onClicked: root.record("book")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Cancel booking")
                        Accessible.name: qsTr("Cancel the person's booking")
                        enabled: !root.session.readOnly
                        onClicked: root.record("cancel")
                    }
                    Button {
                        text: qsTr("Apologies")
                        Accessible.name: qsTr("Record the person's apologies")
                        enabled: !root.session.readOnly
                        onClicked: root.record(sessions.detail.statusCode === "held" ? "absent" : "apologise")
                    }
                    Button {
                        text: qsTr("No show")
                        Accessible.name: qsTr("Mark the person as not attending")
                        enabled: !root.session.readOnly
                        onClicked: root.record("no_show")
                    }
                }
                Label {
                    id: outcome
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: outcome.text
                }
                CatalogTable {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: sessions.bookings
                    nameRole: "name"
                    accessibleName: qsTr("Bookings; press Enter to put the person in the employee id field")
                    emptyText: qsTr("No one has booked yet.")
                    columns: [
                        { role: "name", title: qsTr("Person") },
                        { role: "employeeId", title: qsTr("Employee id"), width: 90 },
                        { role: "state", title: qsTr("Booking"), width: 170 },
                        { role: "promotedOn", title: qsTr("Place from"), width: 90 }
                    ]
                    onActivated: (row) => {
                        personField.text = sessions.bookings.get(row).employeeId;
                        personField.forceActiveFocus();
                    }
                }
            }
        }
    }
}
