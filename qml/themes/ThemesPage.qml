pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Audit themes: findings from audits, complaints, ombudsman findings, reviews and inspections
// that training and practice forums should address. Choosing one shows its page: what is
// linked to it and how many staff it reached over a chosen period.
Item {
    id: root
    required property Session session
    required property var app

    readonly property alias theme: theme

    CatalogController {
        id: catalog
        session: root.session
        active: root.visible
    }
    ThemeController {
        id: theme
        session: root.session
        active: root.visible
    }

    /// Shows the theme with this key.
    function choose(key: string) {
        theme.selected = key;
        for (let i = 0; i < catalog.themes.count; ++i) {
            if (catalog.themes.get(i).key === key)
                themeTable.currentIndex = i;
        }
    }
    /// Shows the first theme among those with the most sessions on them (screenshots).
    function chooseBusiest() {
        let best = "";
        let most = -1;
        for (let i = 0; i < catalog.themes.count; ++i) {
            theme.selected = catalog.themes.get(i).key;
            if (theme.sessions.count > most) {
                most = theme.sessions.count;
                best = theme.selected;
            }
        }
        root.choose(best);
    }
    /// The row of the chosen theme in the list (for its words), or an empty object.
    readonly property var chosenRow: {
        catalog.themes.count; // re-evaluated when the list changes
        for (let i = 0; i < catalog.themes.count; ++i) {
            if (catalog.themes.get(i).key === theme.selected)
                return catalog.themes.get(i);
        }
        return {};
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            PageTitle {
                title: qsTr("Audit themes")
                subtitle: qsTr("What case-file audits, complaints, ombudsman findings, reviews and inspections asked the service to learn, and what reached staff.")
            }
            Button {
                text: qsTr("New theme")
                icon.name: "list-add"
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Add a new audit theme")
                Layout.alignment: Qt.AlignBottom
                onClicked: root.app.openEditor("auditTheme", "", {})
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            CatalogTable {
                id: themeTable
                Layout.preferredWidth: 3
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: catalog.themes
                nameRole: "title"
                accessibleName: qsTr("Audit themes; press Enter to show the current one")
                emptyText: qsTr("No audit themes yet.")
                columns: [
                    { role: "key", title: qsTr("Key"), width: 80 },
                    { role: "title", title: qsTr("Theme") },
                    { role: "source", title: qsTr("Source"), width: 130 },
                    { role: "priority", title: qsTr("Priority"), width: 70 },
                    { role: "status", title: qsTr("Status"), width: 110 }
                ]
                onActivated: (row) => theme.selected = catalog.themes.get(row).key
            }

            ScrollView {
                id: pageScroll
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: pageScroll.availableWidth
                visible: theme.found
                clip: true

                ColumnLayout {
                    width: pageScroll.availableWidth
                    spacing: Theme.spacing

                    Label {
                        text: theme.detail.title || ""
                        font.bold: true
                        font.pixelSize: 18
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        text: [theme.detail.key, root.chosenRow.source, qsTr("raised %1").arg(theme.detail.raisedOn || ""),
                               qsTr("%1 priority").arg(theme.detail.priority || ""), root.chosenRow.status].join(" · ")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: (theme.detail.owner || "") !== ""
                        text: qsTr("Owner: %1").arg(theme.detail.owner || "")
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: (theme.detail.description || "") !== ""
                        text: theme.detail.description || ""
                        wrapMode: Text.Wrap
                        color: Theme.muted
                        Layout.fillWidth: true
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Button {
                            text: qsTr("Edit…")
                            enabled: !root.session.readOnly
                            Accessible.name: qsTr("Edit this audit theme")
                            onClicked: root.app.openEditor("auditTheme", String(root.chosenRow.themeId), {})
                        }
                        Button {
                            text: qsTr("Plan a forum on this theme")
                            enabled: !root.session.readOnly
                            Accessible.name: qsTr("Plan a practice forum on this audit theme")
                            onClicked: root.app.openEditor("session", "", { kind: "practice_forum",
                                                                             title: theme.detail.title,
                                                                             themes: theme.detail.key })
                        }
                    }

                    Label { text: qsTr("Reach"); font.bold: true; Layout.topMargin: Theme.spacing }
                    RowLayout {
                        Layout.fillWidth: true
                        FormField {
                            label: qsTr("From")
                            text: theme.from
                            placeholderText: qsTr("DD/MM/YYYY")
                            onEdited: (text) => theme.from = text
                        }
                        FormField {
                            label: qsTr("To")
                            text: theme.to
                            placeholderText: qsTr("DD/MM/YYYY")
                            onEdited: (text) => theme.to = text
                        }
                    }
                    Label {
                        visible: theme.periodError !== ""
                        text: theme.periodError
                        color: Theme.error
                        Layout.fillWidth: true
                    }
                    GridLayout {
                        visible: theme.periodError === ""
                        columns: 2
                        columnSpacing: Theme.margin
                        rowSpacing: 2
                        Label { text: qsTr("Staff reached"); color: Theme.muted }
                        Label { text: String(theme.reach.staffReached ?? 0); font.bold: true; Accessible.name: qsTr("Staff reached: %1").arg(text) }
                        Label { text: qsTr("Sessions held"); color: Theme.muted }
                        Label { text: String(theme.reach.sessionsHeld ?? 0) }
                        Label { text: qsTr("Completions of its modules"); color: Theme.muted }
                        Label { text: String(theme.reach.completions ?? 0) }
                        Label { text: qsTr("Last touched"); color: Theme.muted }
                        Label { text: theme.reach.lastTouched ?? "" }
                    }

                    Label { text: qsTr("Modules that address it"); font.bold: true; Layout.topMargin: Theme.spacing }
                    Label {
                        visible: theme.modules.count === 0
                        text: qsTr("None linked yet: edit the theme to link modules.")
                        color: Theme.muted
                    }
                    Repeater {
                        model: theme.modules
                        delegate: Label {
                            required property string code
                            required property string title
                            text: qsTr("%1 – %2").arg(code).arg(title)
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                    }

                    Label { text: qsTr("Sessions on it (%1)").arg(theme.sessions.count); font.bold: true; Layout.topMargin: Theme.spacing }
                    CatalogTable {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.min(320, 40 + 34 * Math.max(1, theme.sessions.count))
                        model: theme.sessions
                        nameRole: "title"
                        accessibleName: qsTr("Sessions on this theme; press Enter to open one")
                        emptyText: qsTr("No sessions on this theme yet.")
                        columns: [
                            { role: "date", title: qsTr("Date"), width: 90 },
                            { role: "title", title: qsTr("Session") },
                            { role: "status", title: qsTr("Status"), width: 75 },
                            { role: "attended", title: qsTr("Attended"), width: 70 }
                        ]
                        onActivated: (row) => root.app.openSession(theme.sessions.get(row).key)
                    }
                }
            }
            Label {
                visible: !theme.found
                text: qsTr("Choose a theme to see what is linked to it and how many staff it reached.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
            }
        }
    }
}
