pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Ui
import PracticeLedger.Backend

// One person: details, required modules with status and dates, their registration check,
// completions, sessions, CPD and change log. As My learning (`mine`) it is the record of the
// person using the app, with what to do next and their own CPD to log.
Item {
    id: root
    required property Session session
    required property var app
    property string employeeId
    property bool mine: false
    /// Their CPD may be written here: their own, or anyone's on a file (a server lets
    /// managers and leads read others' CPD only).
    readonly property bool canWriteCpd: root.mine || !root.session.onServer
    readonly property CpdController cpdController: cpd

    /// Opens the CPD form with a half-typed entry (screenshots).
    function openCpdExample() {
        root.showCpd();
        root.app.openEditor("cpd", "", { employee_id: root.employeeId, title: "Practice forum: self-neglect",
                                         hours: "1.5", type: "practice_forum", status: "final" });
    }
    function showCpd() {
        tabs.currentIndex = 4;
    }
    function openHcpcProfile() {
        root.showCpd();
        cpdSection.openProfile();
    }
    function logCpd() {
        root.app.openEditor("cpd", "", { employee_id: root.employeeId, status: "draft" });
    }

    PersonController {
        id: person
        session: root.session
        active: root.visible
        employeeId: root.employeeId
    }
    CpdController {
        id: cpd
        session: root.session
        active: root.visible
        employeeId: root.employeeId
    }

    AttachmentsDialog {
        id: certificates
        session: root.session
        cpd: cpd
        // A completion is added and fixed by managers and leads (a server decides who).
        canWrite: !root.mine || !root.session.onServer
    }

    // My learning before anyone is chosen (a file) or for a login tied to no one (a server).
    ColumnLayout {
        visible: root.mine && !person.found
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 560)
        spacing: Theme.margin
        Label {
            text: root.session.onServer
                  ? qsTr("Your login is not tied to a person in this ledger, so there is no learning record to show. Ask a workforce lead to link your account.")
                  : qsTr("Choose who you are to see your learning record: your required modules, your CPD and this year's registration check.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            visible: !root.session.onServer
            text: qsTr("Choose who you are…")
            Accessible.name: text
            onClicked: root.app.chooseWhoYouAre()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        RowLayout {
            Layout.fillWidth: true
            Button {
                visible: !root.mine
                text: qsTr("◀ Staff")
                Accessible.name: qsTr("Back to the staff list")
                onClicked: root.app.currentPage = "directory"
            }
            PageTitle {
                title: root.mine ? qsTr("My learning") + (person.found ? " · " + person.details.fullName : "")
                       : person.found ? person.details.fullName : qsTr("Nobody chosen")
                subtitle: person.found
                          ? [person.details.employeeId, person.details.role, person.details.team].join(" · ")
                          : ""
            }
            Button {
                visible: person.found && root.canWriteCpd
                text: qsTr("Log CPD")
                enabled: !root.session.readOnly
                Accessible.name: root.mine ? qsTr("Log a CPD entry") : qsTr("Log a CPD entry for this person")
                onClicked: root.logCpd()
            }
            Button {
                visible: person.found
                text: qsTr("Export portfolio…")
                Accessible.name: root.mine ? qsTr("Save my learning record as a portfolio")
                                           : qsTr("Save this person's learning record as a portfolio")
                onClicked: {
                    root.app.personId = root.employeeId;
                    root.app.currentPage = "portfolio";
                }
            }
            Button {
                visible: !root.mine
                text: qsTr("Edit details")
                enabled: person.found && !root.session.readOnly
                Accessible.name: qsTr("Edit this person's details")
                onClicked: root.app.openEditor("staff", root.employeeId, {})
            }
            Button {
                visible: !root.mine
                text: qsTr("Record a completion")
                enabled: person.found && !root.session.readOnly
                Accessible.name: qsTr("Record a completed module for this person")
                onClicked: root.app.openEditor("completion", "", { employee_id: root.employeeId })
            }
        }

        GridLayout {
            visible: person.found
            columns: 4
            columnSpacing: Theme.margin * 2
            rowSpacing: 4
            Layout.fillWidth: true
            Label { text: qsTr("Email"); color: Theme.muted }
            Label { text: person.details.email || qsTr("—") }
            Label { text: qsTr("Started"); color: Theme.muted }
            Label {
                text: person.details.startDate
                      + (person.details.leaveDate ? qsTr(" · last day %1").arg(person.details.leaveDate) : "")
            }
            Label { text: qsTr("Line manager"); color: Theme.muted }
            Label { text: person.details.lineManager || qsTr("—") }
            Label { text: qsTr("Registration"); color: Theme.muted }
            Label { text: person.details.registration || qsTr("—") }
        }

        Label {
            visible: person.found
            text: person.statusSummary
            font.bold: true
        }

        // This registration year's check (and HCPC's cycle), in words as well as colour.
        Repeater {
            model: person.found ? [cpd.socialWorkEngland, cpd.hcpc] : []
            delegate: RowLayout {
                id: check
                required property var modelData
                visible: check.modelData.applicable === true
                spacing: Theme.spacing
                StatusBadge { status: check.modelData.statusCode ?? ""; label: check.modelData.status ?? "" }
                Label { text: check.modelData.headline ?? ""; font.bold: true }
                Label { text: check.modelData.detail ?? ""; color: Theme.muted; elide: Text.ElideRight; Layout.fillWidth: true }
            }
        }

        // Programmes: the ASYE and apprenticeships, when the person has them (its own block).
        ProgrammeSections {
            session: root.session
            app: root.app
            employeeId: person.found ? root.employeeId : ""
            pageShown: root.visible
            Layout.fillWidth: true
        }

        // Their trusted-assessor authorisations (only for someone who has any).
        AssessorSection {
            session: root.session
            employeeId: person.found ? root.employeeId : ""
            shown: root.visible
            Layout.fillWidth: true
        }

        // What to do next (My learning).
        ColumnLayout {
            visible: root.mine && person.found && cpd.nextSteps.length > 0
            spacing: 2
            Label { text: qsTr("What to do next"); font.bold: true }
            Repeater {
                model: root.mine ? cpd.nextSteps : []
                delegate: Label {
                    required property string modelData
                    text: "• " + modelData
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        TabBar {
            id: tabs
            visible: person.found
            Layout.fillWidth: true
            TabButton { text: qsTr("Required modules (%1)").arg(person.modules.count); Accessible.name: text }
            TabButton { text: qsTr("Completions (%1)").arg(person.completions.count); Accessible.name: text }
            TabButton { text: qsTr("Sessions (%1)").arg(person.sessions.count); Accessible.name: text }
            TabButton { text: qsTr("Change log (%1)").arg(person.history.count); Accessible.name: text }
            TabButton { text: qsTr("CPD (%1)").arg(cpd.entries.count); Accessible.name: text }
        }

        Rectangle {
            visible: person.found
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border

            StackLayout {
                anchors.fill: parent
                anchors.margins: 1
                currentIndex: tabs.currentIndex

                ListView {
                    clip: true
                    model: person.modules
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Required modules")
                    delegate: ItemDelegate {
                        id: moduleRow
                        required property int index
                        required property string module
                        required property string moduleTitle
                        required property string status
                        required property string statusLabel
                        required property string expiresOn
                        required property string dueOn
                        width: ListView.view.width
                        Accessible.name: qsTr("%1: %2").arg(moduleRow.moduleTitle).arg(moduleRow.statusLabel)
                        background: Rectangle { color: moduleRow.index % 2 ? "#f8f9fb" : Theme.surface }
                        contentItem: RowLayout {
                            Label { text: moduleRow.moduleTitle; elide: Text.ElideRight; Layout.preferredWidth: 340 }
                            Label { text: moduleRow.module; color: Theme.muted; Layout.preferredWidth: 110 }
                            StatusBadge { status: moduleRow.status; label: moduleRow.statusLabel; Layout.preferredWidth: 110 }
                            Label {
                                text: moduleRow.expiresOn !== "" ? qsTr("Expires %1").arg(moduleRow.expiresOn)
                                      : moduleRow.status === "compliant" ? qsTr("Does not expire") : ""
                                color: Theme.muted
                                Layout.preferredWidth: 170
                            }
                            Label {
                                text: moduleRow.dueOn !== "" ? qsTr("Due by %1").arg(moduleRow.dueOn) : ""
                                Layout.fillWidth: true
                            }
                        }
                    }
                }

                ListView {
                    clip: true
                    model: person.completions
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Completions")
                    delegate: ItemDelegate {
                        id: completionRow
                        required property int index
                        required property var completionId
                        required property string module
                        required property string moduleTitle
                        required property string completedOn
                        required property string expiresOn
                        required property string evidence
                        required property bool voided
                        required property string voidReason
                        width: ListView.view.width
                        Accessible.name: qsTr("%1 completed %2%3").arg(completionRow.moduleTitle).arg(completionRow.completedOn).arg(completionRow.voided ? qsTr(", void") : "")
                        onClicked: if (!root.session.readOnly) root.app.openEditor("completion", String(completionRow.completionId), {})
                        Keys.onReturnPressed: completionRow.clicked()
                        background: Rectangle { color: completionRow.index % 2 ? "#f8f9fb" : Theme.surface }
                        contentItem: RowLayout {
                            Label {
                                text: completionRow.moduleTitle
                                font.strikeout: completionRow.voided
                                elide: Text.ElideRight
                                Layout.preferredWidth: 340
                            }
                            Label { text: completionRow.completedOn; Layout.preferredWidth: 110 }
                            Label {
                                text: completionRow.expiresOn !== "" ? qsTr("expires %1").arg(completionRow.expiresOn) : ""
                                color: Theme.muted
                                Layout.preferredWidth: 150
                            }
                            Label {
                                text: completionRow.voided ? qsTr("Void: %1").arg(completionRow.voidReason) : completionRow.evidence
                                color: completionRow.voided ? Theme.error : Theme.muted
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Button {
                                text: qsTr("Certificates…")
                                flat: true
                                Accessible.name: qsTr("Certificates of %1 completed %2").arg(completionRow.moduleTitle).arg(completionRow.completedOn)
                                onClicked: certificates.show("certificate", completionRow.completionId,
                                                             qsTr("Certificates: %1, %2").arg(completionRow.moduleTitle).arg(completionRow.completedOn))
                            }
                        }
                    }
                }

                ColumnLayout {
                    spacing: 0
                    Label {
                        text: person.sessionsSummary !== "" ? person.sessionsSummary
                                                            : qsTr("Not booked on any forum or session yet.")
                        font.bold: true
                        Layout.margins: Theme.spacing
                    }
                    ListView {
                        clip: true
                        model: person.sessions
                        activeFocusOnTab: true
                        keyNavigationEnabled: true
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        ScrollBar.vertical: ScrollBar {}
                        Accessible.name: qsTr("Sessions booked, attended or missed")
                        delegate: ItemDelegate {
                            id: sessionRow
                            required property int index
                            required property string key
                            required property string when
                            required property string title
                            required property string kind
                            required property string state
                            required property string stateCode
                            width: ListView.view.width
                            Accessible.name: qsTr("%1, %2: %3").arg(sessionRow.title).arg(sessionRow.when).arg(sessionRow.state)
                            onClicked: root.app.openSession(sessionRow.key)
                            Keys.onReturnPressed: sessionRow.clicked()
                            background: Rectangle { color: sessionRow.index % 2 ? "#f8f9fb" : Theme.surface }
                            contentItem: RowLayout {
                                Label { text: sessionRow.when; Layout.preferredWidth: 170 }
                                Label { text: sessionRow.title; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label { text: sessionRow.kind; color: Theme.muted; Layout.preferredWidth: 130 }
                                Label {
                                    text: sessionRow.state
                                    font.bold: sessionRow.stateCode === "no_show"
                                    color: sessionRow.stateCode === "no_show" ? Theme.error : Theme.text
                                    Layout.preferredWidth: 190
                                }
                            }
                        }
                    }
                }

                ListView {
                    clip: true
                    model: person.history
                    activeFocusOnTab: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.name: qsTr("Change log")
                    delegate: ItemDelegate {
                        id: historyRow
                        required property int index
                        required property string at
                        required property string actor
                        required property string what
                        required property string change
                        required property string oldValues
                        required property string newValues
                        width: ListView.view.width
                        Accessible.name: qsTr("%1 by %2: %3 %4").arg(historyRow.at).arg(historyRow.actor).arg(historyRow.change).arg(historyRow.what)
                        background: Rectangle { color: historyRow.index % 2 ? "#f8f9fb" : Theme.surface }
                        contentItem: ColumnLayout {
                            spacing: 0
                            Label {
                                text: qsTr("%1 · %2 · %3 %4").arg(historyRow.at).arg(historyRow.actor).arg(historyRow.change).arg(historyRow.what)
                                font.bold: true
                            }
                            Label {
                                visible: historyRow.oldValues !== ""
                                text: qsTr("was: %1").arg(historyRow.oldValues)
                                color: Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: historyRow.newValues !== ""
                                text: qsTr("now: %1").arg(historyRow.newValues)
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }

                CpdSection {
                    id: cpdSection
                    session: root.session
                    app: root.app
                    cpd: cpd
                    canWrite: root.canWriteCpd
                }
            }
        }
    }
}
