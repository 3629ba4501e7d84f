pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// The mandatory modules and the rules that say who must complete them.
Item {
    id: root
    required property Session session
    required property var app

    CatalogController {
        id: catalog
        session: root.session
        active: root.visible
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        PageTitle {
            title: qsTr("Modules and rules")
            subtitle: qsTr("Each module says how long a completion lasts; each rule says who must complete it and how soon.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            Label {
                text: qsTr("Modules (%1)").arg(catalog.modules.count)
                font.bold: true
                font.pointSize: Theme.headingSize
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Button {
                text: qsTr("New module")
                icon.name: "list-add"
                enabled: !root.session.readOnly
                Accessible.name: qsTr("Add a new module")
                onClicked: root.app.openEditor("module", "", {})
            }
        }
        CatalogTable {
            id: modules
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            model: catalog.modules
            nameRole: "title"
            accessibleName: qsTr("Modules; press Enter to edit the current one")
            emptyText: qsTr("No modules yet. Add one, or import a modules CSV.")
            columns: [
                { role: "code", title: qsTr("Code"), width: 90 },
                { role: "title", title: qsTr("Title") },
                { role: "renewal", title: qsTr("Renewal"), width: 285 },
                { role: "dueSoonDays", title: qsTr("Due soon (days)"), width: 110 },
                { role: "category", title: qsTr("ASC-WDS category"), width: 230 },
                { role: "ruleCount", title: qsTr("Rules"), width: 45 }
            ]
            onActivated: (row) => root.app.openEditor("module", catalog.modules.get(row).code, {})
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            Label {
                text: qsTr("Requirement rules (%1)").arg(catalog.rules.count)
                font.bold: true
                font.pointSize: Theme.headingSize
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: qsTr("A module is required of a person when any rule applies to them.")
                color: Theme.muted
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("New rule")
                icon.name: "list-add"
                enabled: !root.session.readOnly && catalog.modules.count > 0
                Accessible.name: qsTr("Add a new requirement rule")
                onClicked: root.app.openEditor("requirement", "", {})
            }
        }
        CatalogTable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 2
            model: catalog.rules
            nameRole: "module"
            accessibleName: qsTr("Requirement rules; press Enter to edit the current one")
            emptyText: qsTr("No rules yet: no module is required of anyone.")
            columns: [
                { role: "module", title: qsTr("Module"), width: 90 },
                { role: "appliesTo", title: qsTr("Applies to") },
                { role: "dueWithinDays", title: qsTr("Due within (days)"), width: 130 },
                { role: "effectiveFrom", title: qsTr("Effective from"), width: 130 }
            ]
            onActivated: (row) => root.app.openEditor("requirement", catalog.rules.get(row).key, {})
        }
    }
}
