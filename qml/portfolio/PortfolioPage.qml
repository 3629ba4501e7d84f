pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Portfolios: one person's learning record saved as a sealed file for them to take to their
// next employer or keep, and a portfolio from another ledger checked and brought in here.
Item {
    id: root
    required property Session session
    required property var app

    readonly property PortfolioController controller: PortfolioController {
        session: root.session
    }

    /// The page opened from a person (the app's current person), with them chosen.
    function choosePerson(employeeId: string) {
        root.controller.employeeId = employeeId;
    }
    /// Saves `employeeId`'s portfolio to `path` and checks it as `asEmployeeId` (screenshots):
    /// the picture shows what a check lists.
    function showExample(employeeId: string, path: string, passphrase: string, asEmployeeId: string) {
        root.choosePerson(employeeId);
        exportSection.fillPassphrase(passphrase);
        importSection.fillPassphrase(passphrase);
        root.controller.asEmployeeId = asEmployeeId;
        const url = "file://" + path;
        root.controller.finished.connect(function example() {
            root.controller.finished.disconnect(example);
            root.controller.fileUrl = url;
            root.controller.check(passphrase);
        });
        root.controller.save(url, passphrase);
    }

    // Opened from a person's page ("Export portfolio…"), or from the list: the person last
    // looked at, else who you are.
    onVisibleChanged: {
        if (root.visible && root.app.personId !== "")
            root.choosePerson(root.app.personId);
        else if (root.visible && root.controller.employeeId === "")
            root.choosePerson(root.session.myEmployeeId);
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        PageTitle {
            title: qsTr("Portfolios")
            subtitle: qsTr("A person's learning record in one file sealed under a passphrase: completions with certificates, CPD with evidence, sessions attended and programmes.")
        }

        RowLayout {
            spacing: Theme.margin
            Layout.fillWidth: true
            Layout.fillHeight: true

            PortfolioExportSection {
                id: exportSection
                session: root.session
                controller: root.controller
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
            }
            PortfolioImportSection {
                id: importSection
                session: root.session
                controller: root.controller
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
            }
        }
    }
}
