pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend

ApplicationWindow {
    id: root
    required property Session session
    /// What the unlock page's location field starts with (--location).
    property string initialLocation: ""

    property string currentPage: "coverage"
    property string personId: ""
    /// The session the Forums and sessions page shows (openSession()).
    property string sessionKey: ""
    /// The person whose programmes (ASYE, apprenticeships) the programme page shows, and the
    /// list it goes back to (openProgramme()).
    property string programmePersonId: ""
    property string programmeBackPage: "asye"

    width: 1280
    height: 800
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    color: Theme.window
    title: root.session.unlocked ? qsTr("%1 – Practice Ledger").arg(root.session.ledgerName)
                                 : qsTr("Practice Ledger")

    /// Shows a page by name (also used by --screenshot).
    function showPage(name) {
        switch (name) {
        case "reports":
            root.currentPage = "reports";
            reportsPage.showExample();
            break;
        case "drilldown":
            root.currentPage = "coverage";
            coveragePage.selectWorstCell();
            break;
        case "coverage-filtered":
            root.currentPage = "coverage";
            coveragePage.showFilteredExample();
            break;
        case "person":
            root.openPerson(directoryPage.firstWithOverdue());
            break;
        case "editor":
            root.currentPage = "directory";
            editorDialog.openInvalidExample();
            break;
        case "theme":
            root.currentPage = "themes";
            themesPage.chooseBusiest();
            break;
        case "attendance":
            root.currentPage = "sessions";
            sessionsPage.chooseNextForum();
            break;
        case "session-editor":
            root.currentPage = "sessions";
            sessionsPage.openClashingExample();
            break;
        case "cpd-form":
            root.currentPage = "mine";
            minePage.openCpdExample();
            break;
        case "hcpc-profile":
            root.currentPage = "mine";
            minePage.openHcpcProfile();
            break;
        case "registration":
            root.currentPage = "mine";
            minePage.showCpd();
            break;
        case "asye-person":
            root.openProgramme(asyePage.controller.firstWithGap(), "asye");
            break;
        case "assessor-editor":
            root.currentPage = "assessors";
            assessorsPage.openExample();
            break;
        case "assessor-person":
            // Someone whose refresher falls due soon: their page shows it.
            root.currentPage = "assessors";
            root.openPerson(assessorsPage.controller.lapsing.get(0).employeeId ?? "");
            break;
        case "assessor-category":
            root.currentPage = "assessors";
            assessorsPage.addCategory();
            break;
        case "archives":
            // The demo archived beside itself, so that the picture shows what an archive holds.
            root.currentPage = "archives";
            archivesPage.archiveExample(root.session.ledgerPath.replace(/demo\.ledger$/, "demo-archive.plarchive"),
                                        "kestrel marmalade orbit lantern");
            break;
        case "archives-restored":
            // Then restored into a new ledger beside it.
            root.currentPage = "archives";
            archivesPage.restoreExample(root.session.ledgerPath.replace(/demo\.ledger$/, "restored.ledger"));
            archivesPage.archiveExample(root.session.ledgerPath.replace(/demo\.ledger$/, "demo-archive.plarchive"),
                                        "kestrel marmalade orbit lantern");
            break;
        case "asc-wds":
            // Checked, so that the picture shows the count and any problem.
            root.currentPage = "asc-wds";
            ascWdsPage.exporter.check();
            break;
        case "backup":
            // A backup of the demo beside it, so that the picture shows the result in words.
            root.currentPage = "backup";
            backupPage.showExample();
            break;
        case "module-editor":
            // A new module with every ASC-WDS field set, the provider shown (external).
            root.currentPage = "modules";
            editorDialog.edit("module", "", {
                code: "TA-REFRESH",
                title: "Trusted assessor refresher",
                renewal_months: "24",
                asc_wds_category: "21",
                asc_wds_accredited: "1",
                asc_wds_who_delivered: "2",
                asc_wds_provider: "88",
                asc_wds_how_delivered: "1"
            });
            break;
        case "portfolio":
            // The demo person's portfolio saved beside the demo and checked as someone else
            // here, so that the picture shows what a check lists.
            root.currentPage = "portfolio";
            portfolioPage.showExample(root.session.myEmployeeId,
                                      root.session.ledgerPath.replace(/(\.ledger)?$/, "-portfolio.plportfolio"),
                                      "kestrel marmalade orbit lantern", directoryPage.firstWithOverdue());
            break;
        case "unlock":
            break;
        default:
            root.currentPage = name;
        }
    }
    function openPerson(employeeId: string) {
        root.personId = employeeId;
        root.currentPage = "person";
    }
    /// Opens a person's programmes; `back` is the list the page returns to.
    function openProgramme(employeeId: string, back: string) {
        root.programmePersonId = employeeId;
        root.programmeBackPage = back === "apprenticeships" ? "apprenticeships" : "asye";
        root.currentPage = "programme";
    }
    function openSession(key: string) {
        root.sessionKey = key;
        root.currentPage = "sessions";
    }
    /// Opens who-you-are (My learning needs it on a file).
    function chooseWhoYouAre() {
        whoDialog.open();
    }
    function openEditor(kind: string, key: string, preset: var) {
        editorDialog.edit(kind, key, preset);
    }

    Connections {
        target: root.session
        function onUnlockedChanged() {
            if (root.session.unlocked) {
                root.currentPage = "coverage";
                if (root.session.myEmployeeId === "" && !root.session.onServer)
                    whoDialog.open();
            }
        }
    }

    header: ToolBar {
        visible: root.session.unlocked
        implicitHeight: 48
        background: Rectangle { color: Theme.surface; border.color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            spacing: Theme.margin
            Label {
                text: root.session.organisationName !== "" ? root.session.organisationName
                                                           : root.session.ledgerName
                font.bold: true
                font.pointSize: Theme.headingSize
            }
            Label {
                // A server's address may be long with its options: login@host/database reads better.
                // Without an organisation name the heading already shows it: not twice.
                text: root.session.isDemo ? qsTr("Demo ledger – generated data")
                      : root.session.onServer ? (root.session.organisationName !== ""
                                                 ? qsTr("On the server: %1").arg(root.session.ledgerName)
                                                 : qsTr("On the server"))
                      : root.session.ledgerPath
                color: Theme.muted
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Today %1").arg(root.session.todayText)
                color: Theme.muted
            }
            Label { text: qsTr("You are") }
            // On a server you are the login you signed in with: not a choice.
            Label {
                visible: root.session.onServer
                text: root.session.actor
                font.bold: true
                Accessible.name: qsTr("Signed in to the server as %1 (labels the change log)").arg(root.session.actor)
            }
            ComboBox {
                id: actorBox
                visible: !root.session.onServer
                Layout.preferredWidth: 240
                model: root.session.unlocked ? root.session.staffChoices() : []
                textRole: "label"
                valueRole: "value"
                displayText: root.session.actor !== "" ? root.session.actor : qsTr("Choose who you are…")
                Accessible.name: qsTr("Who you are (labels the change log and My learning)")
                onActivated: root.session.setWhoYouAre(actorBox.currentValue)
            }
            Button {
                text: qsTr("Lock")
                icon.name: "system-lock-screen"
                Accessible.name: qsTr("Lock the ledger")
                onClicked: root.session.lock()
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: root.session.unlocked

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 210
            color: Theme.navBackground
            ColumnLayout {
                anchors.fill: parent
                anchors.topMargin: Theme.margin
                spacing: 2
                Repeater {
                    model: [
                        { page: "mine", label: qsTr("My learning") },
                        { page: "coverage", label: qsTr("Coverage") },
                        { page: "trend", label: qsTr("Coverage trend") },
                        { page: "expiring", label: qsTr("Overdue and due soon") },
                        { page: "reports", label: qsTr("Reports") },
                        { page: "directory", label: qsTr("Staff") },
                        { page: "modules", label: qsTr("Modules and rules") },
                        { page: "teams", label: qsTr("Teams and roles") },
                        { page: "sessions", label: qsTr("Forums and sessions") },
                        { page: "registration-checks", label: qsTr("Registration checks") },
                        { page: "asye", label: qsTr("ASYE") },
                        { page: "apprenticeships", label: qsTr("Apprenticeships") },
                        { page: "assessors", label: qsTr("Trusted assessors") },
                        { page: "themes", label: qsTr("Audit themes") },
                        { page: "portfolio", label: qsTr("Portfolios") },
                        { page: "import", label: qsTr("Import") },
                        { page: "asc-wds", label: qsTr("ASC-WDS") },
                        { page: "archives", label: qsTr("Archives") },
                        { page: "backup", label: qsTr("Backup and restore") },
                        { page: "settings", label: qsTr("Settings") }
                    ]
                    delegate: ItemDelegate {
                        id: navItem
                        required property var modelData
                        readonly property bool current: root.currentPage === navItem.modelData.page
                            || (navItem.modelData.page === "directory" && root.currentPage === "person")
                            || (navItem.modelData.page === root.programmeBackPage && root.currentPage === "programme")
                        Layout.fillWidth: true
                        text: navItem.modelData.label
                        highlighted: navItem.current
                        Accessible.name: navItem.modelData.label
                        contentItem: Label {
                            text: navItem.text
                            color: Theme.navText
                            font.bold: navItem.current
                            leftPadding: Theme.margin
                        }
                        background: Rectangle {
                            color: navItem.current ? Theme.navSelected
                                 : navItem.hovered ? Qt.lighter(Theme.navBackground, 1.3) : "transparent"
                        }
                        onClicked: root.currentPage = navItem.modelData.page
                    }
                }
                Item { Layout.fillHeight: true }
                Label {
                    visible: root.session.readOnly
                    text: qsTr("Read-only")
                    color: "#ffd479"
                    font.bold: true
                    Layout.margins: Theme.margin
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // A long task on the open ledger (an import, re-reading it): the figures stay as
            // they were until it ends.
            // Shown only while unlocked: a row shown and hidden while the pages were hidden
            // (during the first load) kept its space in Qt 6.4's layout.
            TaskProgress {
                tasks: root.session.tasks
                visible: root.session.unlocked && root.session.tasks.running
                Layout.fillWidth: true
                Layout.margins: Theme.spacing
            }

            Rectangle {
                visible: root.session.notice !== ""
                Layout.fillWidth: true
                implicitHeight: noticeText.implicitHeight + 2 * Theme.spacing
                color: Theme.noticeBackground
                Label {
                    id: noticeText
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: root.session.notice
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: root.session.notice
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: ["coverage", "directory", "person", "modules", "teams", "themes", "portfolio",
                               "import", "settings", "sessions", "mine", "registration-checks",
                               "assessors", "asye", "programme", "apprenticeships", "trend",
                               "expiring", "reports", "asc-wds", "archives", "backup"]
                                  .indexOf(root.currentPage)

                CoveragePage { id: coveragePage; session: root.session; app: root }
                DirectoryPage { id: directoryPage; session: root.session; app: root }
                PersonPage { session: root.session; app: root; employeeId: root.personId }
                ModulesPage { session: root.session; app: root }
                TeamsPage { session: root.session; app: root }
                ThemesPage { id: themesPage; session: root.session; app: root }
                PortfolioPage { id: portfolioPage; objectName: "portfolioPage"; session: root.session; app: root }
                ImportPage { session: root.session; app: root }
                SettingsPage { session: root.session; app: root }
                SessionsPage { id: sessionsPage; session: root.session; app: root }
                PersonPage {
                    id: minePage
                    mine: true
                    session: root.session
                    app: root
                    employeeId: root.session.myEmployeeId
                }
                RegistrationPage { session: root.session; app: root }
                TrustedAssessorsPage { id: assessorsPage; session: root.session; app: root }
                AsyeCohortPage { id: asyePage; session: root.session; app: root }
                ProgrammePersonPage {
                    session: root.session
                    app: root
                    employeeId: root.programmePersonId
                    backPage: root.programmeBackPage
                }
                ApprenticeshipsPage { session: root.session; app: root }
                TrendPage { session: root.session; app: root }
                ExpiringPage { session: root.session; app: root }
                ReportsPage { id: reportsPage; session: root.session; app: root }
                AscWdsPage { id: ascWdsPage; objectName: "ascWdsPage"; session: root.session; app: root }
                ArchivesPage { id: archivesPage; objectName: "archivesPage"; session: root.session; app: root }
                BackupPage { id: backupPage; objectName: "backupPage"; session: root.session; app: root }
            }
        }
    }

    UnlockPage {
        anchors.fill: parent
        visible: !root.session.unlocked
        session: root.session
        initialLocation: root.initialLocation
    }

    Dialog {
        id: whoDialog
        title: qsTr("Who are you?")
        modal: true
        anchors.centerIn: parent
        width: 460
        standardButtons: Dialog.Ok
        closePolicy: Popup.NoAutoClose
        onAccepted: if (whoBox.currentIndex >= 0) root.session.setWhoYouAre(whoBox.currentValue)
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Label {
                text: qsTr("Choose your name. It labels the changes you make in the change log, and My learning shows your record; it is not a login.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ComboBox {
                id: whoBox
                Layout.fillWidth: true
                model: whoDialog.visible ? root.session.staffChoices() : []
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Your name")
            }
        }
    }

    RecordDialog {
        id: editorDialog
        session: root.session
        anchors.centerIn: parent
    }
}
