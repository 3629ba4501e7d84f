pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Every report of the product in one place: choose one, give the choices it takes (the day
// it is as of, a period, months, a window), run it, read it, and save it as CSV, Excel or PDF.
// The figures and words are core's (the same report as the CLI's `report NAME`); runs and
// saves are tasks with progress and cancel.
Item {
    id: root
    required property Session session
    required property var app
    readonly property ReportsController controller: reports
    readonly property var chosen: reportList.currentIndex >= 0 ? reports.catalog[reportList.currentIndex] : null
    property string message: ""
    property bool messageIsError: false

    ReportsController {
        id: reports
        session: root.session
        active: root.visible
        onRunFinished: (ok, text) => root.say(text, !ok)
        onSaveFinished: (ok, text) => root.say(text, !ok)
    }

    function say(text: string, isError: bool) {
        root.message = text
        root.messageIsError = isError
    }

    /// Runs the chosen report with the choices shown.
    function runChosen() {
        if (!root.chosen)
            return
        const refused = reports.run({
            name: root.chosen.name,
            asOf: asOfField.text,
            from: fromField.text,
            to: toField.text,
            fromMonth: fromMonthField.text,
            toMonth: toMonthField.text,
            team: teamBox.currentIndex > 0 ? teamBox.currentText : "",
            module: moduleBox.currentIndex > 0 ? moduleBox.currentText : "",
            within: withinBox.currentValue,
            byStaff: byStaffBox.checked,
            periodMonths: periodField.text,
            registrationYear: yearField.text
        })
        root.say(refused, refused !== "")
    }

    /// For the screenshot: who is overdue or due within 90 days, by line manager.
    function showExample() {
        for (let i = 0; i < reports.catalog.length; ++i) {
            if (reports.catalog[i].name === "expiring")
                reportList.currentIndex = i
        }
        root.runChosen()
    }

    function savePack() {
        packDialog.selectedFile = packDialog.currentFolder + "/cqc-evidence-pack.pdf"
        packDialog.open()
    }

    function saveAs(format: string) {
        saveDialog.format = format
        saveDialog.selectedFile = saveDialog.currentFolder + "/" + reports.suggestedName(format)
        saveDialog.open()
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        ColumnLayout {
            Layout.preferredWidth: 250
            Layout.maximumWidth: 250
            Layout.fillHeight: true
            spacing: Theme.spacing
            // The reports, each with what it says.
            Frame {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 0
                ListView {
                    id: reportList
                    anchors.fill: parent
                    clip: true
                    model: reports.catalog
                    currentIndex: 0
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Reports")
                    delegate: ItemDelegate {
                        id: entry
                        required property var modelData
                        required property int index
                        width: ListView.view.width
                        highlighted: ListView.isCurrentItem
                        onClicked: reportList.currentIndex = entry.index
                        Accessible.name: entry.modelData.title
                        Accessible.description: entry.modelData.description
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                text: entry.modelData.title
                                font.bold: true
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                            }
                            Label {
                                text: entry.modelData.description
                                color: entry.highlighted ? Theme.accentText : Theme.muted
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                                font.pointSize: 9
                            }
                        }
                    }
                }
            }
            // The inspector's pack: one PDF drawing on every report.
            Button {
                Layout.fillWidth: true
                text: qsTr("CQC evidence pack (PDF)…")
                enabled: !root.session.tasks.running
                Accessible.name: qsTr("Save the CQC evidence pack for Learning, improvement and innovation as a PDF")
                onClicked: root.savePack()
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            PageTitle {
                title: reports.hasResult ? reports.title : (root.chosen ? root.chosen.title : qsTr("Reports"))
                subtitle: reports.hasResult ? reports.subtitle : (root.chosen ? root.chosen.description : "")
            }

            // The choices the chosen report takes.
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing

                RowLayout {
                    visible: root.chosen !== null && root.chosen.asOf
                    Label { text: qsTr("As of") }
                    TextField {
                        id: asOfField
                        placeholderText: root.session.todayText
                        Layout.preferredWidth: 120
                        Accessible.name: qsTr("The day the report is as of, DD/MM/YYYY (empty for today)")
                        onAccepted: root.runChosen()
                    }
                }
                RowLayout {
                    visible: root.chosen !== null && root.chosen.dateRange
                    Label { text: qsTr("From") }
                    TextField {
                        id: fromField
                        placeholderText: qsTr("DD/MM/YYYY")
                        Layout.preferredWidth: 120
                        Accessible.name: qsTr("First day of the period, DD/MM/YYYY")
                        onAccepted: root.runChosen()
                    }
                    Label { text: qsTr("to") }
                    TextField {
                        id: toField
                        placeholderText: qsTr("DD/MM/YYYY")
                        Layout.preferredWidth: 120
                        Accessible.name: qsTr("Last day of the period, DD/MM/YYYY")
                        onAccepted: root.runChosen()
                    }
                }
                RowLayout {
                    visible: root.chosen !== null && root.chosen.monthRange
                    Label { text: qsTr("Months") }
                    TextField {
                        id: fromMonthField
                        placeholderText: qsTr("MM/YYYY")
                        Layout.preferredWidth: 100
                        Accessible.name: qsTr("First month, MM/YYYY (empty for 24 months before the last)")
                        onAccepted: root.runChosen()
                    }
                    Label { text: qsTr("to") }
                    TextField {
                        id: toMonthField
                        placeholderText: qsTr("MM/YYYY")
                        Layout.preferredWidth: 100
                        Accessible.name: qsTr("Last month, MM/YYYY (empty for the last complete month)")
                        onAccepted: root.runChosen()
                    }
                    ComboBox {
                        id: teamBox
                        model: [qsTr("All teams")].concat(reports.teams)
                        Layout.preferredWidth: 200
                        Accessible.name: qsTr("Team")
                    }
                    ComboBox {
                        id: moduleBox
                        model: [qsTr("All modules")].concat(reports.modules)
                        Layout.preferredWidth: 150
                        Accessible.name: qsTr("Module")
                    }
                }
                RowLayout {
                    visible: root.chosen !== null && root.chosen.within
                    Label { text: qsTr("Due within") }
                    ComboBox {
                        id: withinBox
                        textRole: "label"
                        valueRole: "value"
                        currentIndex: 2
                        model: [
                            { value: "30", label: qsTr("30 days") },
                            { value: "60", label: qsTr("60 days") },
                            { value: "90", label: qsTr("90 days") }
                        ]
                        Accessible.name: qsTr("Due within")
                    }
                }
                CheckBox {
                    id: byStaffBox
                    visible: root.chosen !== null && root.chosen.byStaff
                    text: qsTr("Each person rather than each team")
                    Accessible.name: byStaffBox.text
                }
                RowLayout {
                    visible: root.chosen !== null && root.chosen.periodMonths
                    Label { text: qsTr("Stale after (months)") }
                    TextField {
                        id: periodField
                        placeholderText: "6"
                        Layout.preferredWidth: 60
                        Accessible.name: qsTr("Months untouched that make a theme stale")
                    }
                }
                RowLayout {
                    visible: root.chosen !== null && root.chosen.registrationYear
                    Label { text: qsTr("Registration year ending November") }
                    TextField {
                        id: yearField
                        placeholderText: qsTr("YYYY")
                        Layout.preferredWidth: 70
                        Accessible.name: qsTr("Registration year, ending 30 November of YYYY (empty for the current one)")
                    }
                }
                Button {
                    text: qsTr("Run report")
                    highlighted: true
                    enabled: root.chosen !== null && !root.session.tasks.running
                    Accessible.name: qsTr("Run the report")
                    onClicked: root.runChosen()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    text: reports.summary
                    font.bold: true
                    visible: reports.hasResult
                }
                Label {
                    Layout.fillWidth: true
                    text: root.message
                    color: root.messageIsError ? Theme.error : Theme.muted
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: root.message
                }
                Button {
                    text: qsTr("Save as CSV…")
                    enabled: reports.hasResult && !root.session.tasks.running
                    Accessible.name: qsTr("Save the report as CSV")
                    onClicked: root.saveAs("csv")
                }
                Button {
                    text: qsTr("Save as Excel…")
                    enabled: reports.hasResult && !root.session.tasks.running
                    Accessible.name: qsTr("Save the report as an Excel workbook")
                    onClicked: root.saveAs("xlsx")
                }
                Button {
                    text: qsTr("Save as PDF…")
                    enabled: reports.hasResult && !root.session.tasks.running
                    Accessible.name: qsTr("Save the report as PDF")
                    onClicked: root.saveAs("pdf")
                }
            }

            Label {
                visible: reports.notes !== ""
                text: reports.notes
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // The report's table: the column labels above, the cells in words and colours.
            Frame {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 0
                visible: reports.hasResult

                HorizontalHeaderView {
                    id: header
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    syncView: table
                    clip: true
                    Accessible.name: qsTr("Column headings")
                }
                TableView {
                    id: table
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: header.bottom
                    anchors.bottom: parent.bottom
                    clip: true
                    model: reports.table
                    boundsBehavior: Flickable.StopAtBounds
                    columnWidthProvider: column => Math.max(64, reports.table.columnChars(column) * 7 + 16)
                    ScrollBar.vertical: ScrollBar {}
                    ScrollBar.horizontal: ScrollBar {}
                    Accessible.role: Accessible.Table
                    Accessible.name: reports.title
                    delegate: Rectangle {
                        id: cell
                        required property string display
                        required property string tone
                        required property bool numeric
                        required property int row
                        implicitHeight: 28
                        color: cell.tone === "good" ? Theme.statusColour("compliant")
                             : cell.tone === "warning" ? Theme.statusColour("due_soon")
                             : cell.tone === "bad" ? Theme.statusColour("overdue")
                             : cell.row % 2 ? Theme.window : Theme.surface
                        Label {
                            anchors.fill: parent
                            anchors.leftMargin: 6
                            anchors.rightMargin: 6
                            verticalAlignment: Text.AlignVCenter
                            horizontalAlignment: cell.numeric ? Text.AlignRight : Text.AlignLeft
                            text: cell.display
                            elide: Text.ElideRight
                            color: cell.tone === "quiet" ? Theme.muted : Theme.text
                            font.bold: cell.tone === "bad"
                        }
                        Accessible.role: Accessible.Cell
                        Accessible.name: cell.display
                    }
                }
            }

            Label {
                visible: !reports.hasResult
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: qsTr("Choose a report and run it. It can then be saved as CSV, Excel or PDF.")
                color: Theme.muted
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }
    }

    FileDialog {
        id: packDialog
        title: qsTr("Save the CQC evidence pack")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: {
            const refused = reports.saveCqcPack(packDialog.selectedFile, asOfField.text)
            root.say(refused, refused !== "")
        }
    }
    FileDialog {
        id: saveDialog
        property string format: "csv"
        title: qsTr("Save the report")
        fileMode: FileDialog.SaveFile
        defaultSuffix: saveDialog.format
        nameFilters: saveDialog.format === "csv" ? [qsTr("CSV files (*.csv)")]
                   : saveDialog.format === "xlsx" ? [qsTr("Excel workbooks (*.xlsx)")]
                   : [qsTr("PDF files (*.pdf)")]
        onAccepted: {
            const refused = reports.save(saveDialog.selectedFile, saveDialog.format)
            root.say(refused, refused !== "")
        }
    }
}
