import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend

// One list of names (teams or roles) with how many people are in each; a row opens to rename
// or remove it, and `open("")` asks for a new one.
ColumnLayout {
    id: root
    property string kind: "team"
    property string heading: ""
    property string newText: ""
    property string emptyText: ""
    property bool readOnly: false
    property VariantListModel model
    signal open(string name)

    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: root.heading
            font.bold: true
            font.pointSize: Theme.headingSize
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: root.heading
        }
        Button {
            text: root.newText
            icon.name: "list-add"
            enabled: !root.readOnly
            Accessible.name: root.newText
            onClicked: root.open("")
        }
    }
    CatalogTable {
        id: table
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: root.model
        nameRole: "name"
        emptyText: root.emptyText
        accessibleName: root.kind === "team" ? qsTr("Teams; press Enter to rename or remove the current one")
                                             : qsTr("Roles; press Enter to rename or remove the current one")
        columns: [
            { role: "name", title: qsTr("Name") },
            { role: "people", title: qsTr("People now"), width: 100 }
        ]
        onActivated: (row) => root.open(root.model.get(row).name)
    }
    Label {
        text: qsTr("People now: staff in post today.")
        color: Theme.muted
        Layout.fillWidth: true
    }
}
