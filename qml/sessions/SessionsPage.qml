pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Forums and sessions: the agenda (upcoming and past), the chosen session with its bookings
// and attendance (taken at the door with the keyboard: type an employee id, press Enter),
// invitations and feedback, and the topic suggestions for the next forum beside it.
Item {
    id: root
    required property Session session
    required property var app

    /// The session another page asked to show (app.openSession()).
    readonly property string openKey: root.app.sessionKey !== undefined ? root.app.sessionKey : ""
    onOpenKeyChanged: if (root.openKey !== "") root.choose(root.openKey)

    readonly property alias controller: sessions

    SessionsController {
        id: sessions
        session: root.session
        active: root.visible
    }

    /// Shows a session by key, in the agenda tab that holds it.
    function choose(key: string) {
        sessions.selected = key;
        for (let i = 0; i < sessions.past.count; ++i) {
            if (sessions.past.get(i).key === key) {
                agendaTabs.currentIndex = 1;
                agenda.currentIndex = i;
                return;
            }
        }
        agendaTabs.currentIndex = 0;
        for (let j = 0; j < sessions.upcoming.count; ++j) {
            if (sessions.upcoming.get(j).key === key)
                agenda.currentIndex = j;
        }
    }

    /// Shows the next upcoming session that has bookings (screenshots of the door).
    function chooseNextForum() {
        for (let i = 0; i < sessions.upcoming.count; ++i) {
            const row = sessions.upcoming.get(i);
            if (row.status === qsTr("Planned") && row.booked.indexOf("0 of") !== 0) {
                root.choose(row.key);
                personField.text = "";
                return;
            }
        }
    }
    /// Opens the editor on a new session at the same time, for the same teams and facilitator,
    /// as the next upcoming one: the clash warning shows (screenshots).
    function openClashingExample() {
        if (sessions.upcoming.count === 0)
            return;
        root.choose(sessions.upcoming.get(0).key);
        const d = sessions.detail;
        const day = d.startsAt.substring(8, 10) + "/" + d.startsAt.substring(5, 7) + "/" + d.startsAt.substring(0, 4);
        root.app.openEditor("session", "", {
            kind: "workshop", title: qsTr("Safeguarding adults: making enquiries"),
            date: day, start_time: d.startsAt.substring(11), end_time: d.endsAt.substring(11),
            facilitator_id: d.facilitatorId, teams: d.teamList, roles: d.roleList
        });
    }

    function record(action: string, value: string) {
        const message = sessions.act(action, personField.text, value ?? "");
        const done = {
            attend: qsTr("%1 marked attended."), book: qsTr("%1 booked (or put on the waiting list)."),
            cancel: qsTr("%1's booking cancelled."), apologise: qsTr("%1's apologies recorded."),
            absent: qsTr("%1 recorded absent with apologies."), no_show: qsTr("%1 recorded as not attending.")
        };
        outcome.text = message !== "" ? message : (done[action] ?? qsTr("Recorded.")).arg(personField.text);
        if (message === "")
            personField.selectAll();
        personField.forceActiveFocus();
    }

    function recordSession(action: string, value: string) {
        const message = sessions.act(action, "", value);
        const done = { set_capacity: qsTr("Places changed."), cancel_session: qsTr("Session cancelled; bookings kept."),
                       mark_held: qsTr("Session marked as held.") };
        outcome.text = message !== "" ? message : done[action];
        return message;
    }

    /// Opens the session editor for a forum on the suggested theme in row `row`.
    function planFromSuggestion(row: int) {
        const s = sessions.suggestions.get(row);
        root.app.openEditor("session", "", { kind: "practice_forum", title: s.title, themes: s.key });
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            PageTitle {
                title: qsTr("Forums and sessions")
                subtitle: qsTr("Practice forums, NQ group sessions, workshops and conferences: who is booked, who is waiting, who came.")
            }
            Button {
                text: qsTr("Plan a session")
                icon.name: "list-add"
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Plan a new session or series")
                Layout.alignment: Qt.AlignBottom
                onClicked: root.app.openEditor("session", "", {})
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            ColumnLayout {
                Layout.preferredWidth: 6
                Layout.fillWidth: true
                Layout.fillHeight: true
                TabBar {
                    id: agendaTabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Upcoming (%1)").arg(sessions.upcoming.count); Accessible.name: qsTr("Upcoming sessions") }
                    TabButton { text: qsTr("Past (%1)").arg(sessions.past.count); Accessible.name: qsTr("Past sessions") }
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
                        { role: "start", title: qsTr("Starts"), width: 125 },
                        { role: "title", title: qsTr("Session") },
                        { role: "status", title: qsTr("Status"), width: 80 },
                        { role: "booked", title: qsTr("Booked"), width: 140 }
                    ]
                    onActivated: (row) => {
                        sessions.selected = agenda.model.get(row).key;
                        personField.forceActiveFocus();
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    Label {
                        text: qsTr("Suggested topics for the next forum")
                        font.bold: true
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Plan a forum on this topic")
                        enabled: !root.session.readOnly && suggestionTable.currentIndex >= 0
                        Accessible.name: qsTr("Plan a forum on the chosen suggested topic")
                        onClicked: root.planFromSuggestion(suggestionTable.currentIndex)
                    }
                }
                CatalogTable {
                    id: suggestionTable
                    Layout.fillWidth: true
                    Layout.preferredHeight: 180
                    model: sessions.suggestions
                    nameRole: "title"
                    accessibleName: qsTr("Topic suggestions, most needed first; press Enter to plan a forum on one")
                    emptyText: qsTr("No open audit themes.")
                    columns: [
                        { role: "rank", title: qsTr("#"), width: 30 },
                        { role: "title", title: qsTr("Audit theme") },
                        { role: "priority", title: qsTr("Priority"), width: 65 },
                        { role: "why", title: qsTr("Why now"), width: 160 },
                        { role: "lastTouched", title: qsTr("Last touched"), width: 90 },
                        { role: "staffReached", title: qsTr("Reached"), width: 65 }
                    ]
                    onActivated: (row) => { if (!root.session.readOnly) root.planFromSuggestion(row); }
                }
            }

            ColumnLayout {
                Layout.preferredWidth: 5
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: sessions.selected !== ""

                Label {
                    text: sessions.detail.title || ""
                    font.bold: true
                    font.pixelSize: 18
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    text: qsTr("%1 · %2 · %3").arg(sessions.detail.when || "").arg(sessions.detail.kind || "")
                                             .arg(sessions.detail.status || "")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: (sessions.detail.cancelReason || "") !== ""
                    text: qsTr("Cancelled: %1").arg(sessions.detail.cancelReason || "")
                    color: Theme.error
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    text: sessions.detail.places || ""
                    Layout.fillWidth: true
                }
                Label {
                    visible: (sessions.detail.speaker || "") !== ""
                    text: (sessions.detail.organisation || "") !== ""
                          ? qsTr("Speaker: %1 (%2)").arg(sessions.detail.speaker || "").arg(sessions.detail.organisation || "")
                          : qsTr("Speaker: %1").arg(sessions.detail.speaker || "")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: (sessions.detail.themes || "") !== ""
                    text: qsTr("Audit themes: %1").arg(sessions.detail.themes || "")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }

                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Button {
                        text: qsTr("Edit…")
                        enabled: !root.session.readOnly
                        Accessible.name: qsTr("Edit this session")
                        onClicked: root.app.openEditor("session", sessions.selected, {})
                    }
                    Button {
                        text: qsTr("Places…")
                        enabled: !root.session.readOnly && sessions.detail.statusCode === "planned"
                        Accessible.name: qsTr("Change the number of places")
                        onClicked: { capacityField.text = sessions.detail.capacity || ""; capacityDialog.open(); }
                    }
                    Button {
                        text: qsTr("Cancel session…")
                        enabled: !root.session.readOnly && sessions.detail.statusCode === "planned"
                        Accessible.name: qsTr("Cancel this session, keeping its bookings")
                        onClicked: { reasonField.text = ""; cancelDialog.open(); }
                    }
                    Button {
                        text: qsTr("Mark held")
                        enabled: !root.session.readOnly && sessions.detail.statusCode === "planned"
                        Accessible.name: qsTr("Mark this session as held")
                        onClicked: root.recordSession("mark_held", "")
                    }
                }

                Label {
                    text: qsTr("At the door: type an employee id, then press Enter to mark them attended.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: personField
                        placeholderText: qsTr("Employee id")
                        Accessible.name: qsTr("Employee id of the person at the door")
                        Layout.preferredWidth: 140
                        Keys.onReturnPressed: root.record("attend", "")
                        Keys.onEnterPressed: root.record("attend", "")
                    }
                    Button {
                        text: qsTr("Attended")
                        Accessible.name: qsTr("Mark the person attended")
                        enabled: !root.session.readOnly
                        onClicked: root.record("attend", "")
                    }
                    Button {
                        text: qsTr("Book")
                        Accessible.name: qsTr("Book the person a place")
                        enabled: !root.session.readOnly
                        onClicked: root.record("book", "")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Cancel booking")
                        Accessible.name: qsTr("Cancel the person's booking")
                        enabled: !root.session.readOnly
                        onClicked: root.record("cancel", "")
                    }
                    Button {
                        text: qsTr("Apologies")
                        Accessible.name: qsTr("Record the person's apologies")
                        enabled: !root.session.readOnly
                        onClicked: root.record(sessions.detail.statusCode === "held" ? "absent" : "apologise", "")
                    }
                    Button {
                        text: qsTr("No show")
                        Accessible.name: qsTr("Mark the person as not attending")
                        enabled: !root.session.readOnly
                        onClicked: root.record("no_show", "")
                    }
                }
                Label {
                    id: outcome
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.bold: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: outcome.text
                }

                TabBar {
                    id: detailTabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Bookings (%1)").arg(sessions.bookings.count); Accessible.name: text }
                    TabButton { text: qsTr("Invitations"); Accessible.name: qsTr("Invitations by name") }
                    TabButton { text: qsTr("Feedback (%1)").arg(sessions.feedback.count); Accessible.name: text }
                }
                // Takes the height left over: the details above keep theirs.
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 160
                    Layout.minimumHeight: 160
                    currentIndex: detailTabs.currentIndex

                    CatalogTable {
                        model: sessions.bookings
                        nameRole: "name"
                        accessibleName: qsTr("Bookings; press Enter to put the person in the employee id field")
                        emptyText: qsTr("No one has booked yet.")
                        columns: [
                            { role: "name", title: qsTr("Person") },
                            { role: "employeeId", title: qsTr("Employee id"), width: 85 },
                            { role: "state", title: qsTr("Booking"), width: 155 },
                            { role: "promotedOn", title: qsTr("Place from"), width: 85 }
                        ]
                        onActivated: (row) => {
                            personField.text = sessions.bookings.get(row).employeeId;
                            personField.forceActiveFocus();
                        }
                    }

                    ColumnLayout {
                        Label {
                            text: qsTr("Besides the teams and roles it is for, these people are invited by name:")
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        TextField {
                            id: invitedField
                            text: sessions.detail.invited || ""
                            placeholderText: qsTr("Employee ids separated by spaces")
                            Accessible.name: qsTr("Employee ids invited by name")
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Save invitations")
                            enabled: !root.session.readOnly
                            Accessible.name: qsTr("Save who is invited by name")
                            onClicked: {
                                const message = sessions.setInvited(invitedField.text);
                                outcome.text = message !== "" ? message : qsTr("Invitations saved.");
                            }
                        }
                        Item { Layout.fillHeight: true }
                    }

                    ColumnLayout {
                        Label {
                            text: sessions.detail.feedbackSummary || ""
                            font.bold: true
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: qsTr("Score for the person above") }
                            SpinBox {
                                id: scoreBox
                                from: 1
                                to: 5
                                value: 4
                                Accessible.name: qsTr("Feedback score from 1 to 5")
                            }
                        }
                        TextField {
                            id: commentField
                            placeholderText: qsTr("Comment (optional)")
                            Accessible.name: qsTr("Feedback comment")
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Save feedback")
                            enabled: !root.session.readOnly
                            Accessible.name: qsTr("Save the person's feedback")
                            onClicked: {
                                const message = sessions.giveFeedback(personField.text, scoreBox.value, commentField.text);
                                outcome.text = message !== "" ? message : qsTr("Feedback saved for %1.").arg(personField.text);
                                if (message === "")
                                    commentField.text = "";
                            }
                        }
                        CatalogTable {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            model: sessions.feedback
                            nameRole: "name"
                            activatable: false
                            accessibleName: qsTr("Feedback given")
                            emptyText: qsTr("No feedback yet.")
                            columns: [
                                { role: "name", title: qsTr("Person"), width: 150 },
                                { role: "score", title: qsTr("Score"), width: 50 },
                                { role: "comment", title: qsTr("Comment") }
                            ]
                        }
                    }
                }
            }
        }
    }

    FormDialog {
        id: capacityDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 420
        title: qsTr("Places on this session")
        onOpened: capacityField.forceActiveFocus()
        function confirm() {
            if (root.recordSession("set_capacity", capacityField.text) === "")
                capacityDialog.close();
            else
                capacityError.text = outcome.text;
        }
        ColumnLayout {
            anchors.fill: parent
            Label {
                text: qsTr("More places promote people from the waiting list, first come first served. Empty for no limit.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: capacityField
                Accessible.name: qsTr("Number of places")
                Layout.fillWidth: true
                Keys.onReturnPressed: capacityDialog.confirm()
            }
            Label { id: capacityError; color: Theme.error; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        footer: FormButtonRow {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); Accessible.name: qsTr("Close without changing the places"); onClicked: capacityDialog.close() }
            Button { text: qsTr("Save places"); Accessible.name: qsTr("Save the number of places"); onClicked: capacityDialog.confirm() }
        }
    }

    FormDialog {
        id: cancelDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 460
        title: qsTr("Cancel this session?")
        onOpened: reasonField.forceActiveFocus()
        function confirm() {
            if (root.recordSession("cancel_session", reasonField.text) === "")
                cancelDialog.close();
            else
                cancelError.text = outcome.text;
        }
        ColumnLayout {
            anchors.fill: parent
            Label {
                text: qsTr("The bookings are kept as a record and show the session as cancelled. Say why.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: reasonField
                placeholderText: qsTr("e.g. Speaker unwell")
                Accessible.name: qsTr("Reason for cancelling")
                Layout.fillWidth: true
                Keys.onReturnPressed: cancelDialog.confirm()
            }
            Label { id: cancelError; color: Theme.error; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        footer: FormButtonRow {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Keep it"); Accessible.name: qsTr("Keep the session"); onClicked: cancelDialog.close() }
            Button { text: qsTr("Cancel session"); Accessible.name: qsTr("Cancel the session now"); onClicked: cancelDialog.confirm() }
        }
    }
}
