pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Skills for Care's ASC-WDS training file: the ledger's training written as the bulk-upload
// file, and such a file read back into completions, its unknown training mapped to modules.
Item {
    id: root
    required property Session session
    required property var app

    readonly property AscWdsExportController exporter: exportSection.exporter
    readonly property AscWdsImportController importer: importSection.importer

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        PageTitle {
            title: qsTr("ASC-WDS")
            subtitle: qsTr("Skills for Care's Adult Social Care Workforce Data Set: save the training file to upload there, or bring one in from there.")
        }

        RowLayout {
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true

            AscWdsExportSection {
                id: exportSection
                session: root.session
                app: root.app
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
            AscWdsImportSection {
                id: importSection
                session: root.session
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
            }
        }
    }
}
