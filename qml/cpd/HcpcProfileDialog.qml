pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// What goes into an HCPC-style CPD profile: the summary of practice history in the person's
// words (counted against HCPC's 500), and the entries the statement describes (HCPC suggests
// four to six; the six most recent of this cycle are ticked to start with). The dated list
// of activities and its gaps come from the record itself.
Dialog {
    id: root
    required property CpdController cpd
    property alias summary: summaryArea.text
    property var choices: []
    property int chosenCount: 0
    readonly property int summaryWords: root.cpd.countWords(summaryArea.text)

    signal saveRequested()

    function show() {
        root.choices = root.cpd.statementChoices();
        root.recount();
        root.open();
        summaryArea.forceActiveFocus();
    }
    function recount() {
        let n = 0;
        for (const c of root.choices)
            n += c.chosen ? 1 : 0;
        root.chosenCount = n;
    }
    function chosenIds(): var {
        const ids = [];
        for (const c of root.choices) {
            if (c.chosen)
                ids.push(c.entryId);
        }
        return ids;
    }

    title: qsTr("HCPC CPD profile")
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(720, parent ? parent.width - 40 : 720)
    height: Math.min(640, parent ? parent.height - 40 : 640)
    modal: true

    footer: DialogButtonBox {
        Button {
            text: qsTr("Save PDF…")
            Accessible.name: qsTr("Save the profile as PDF")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    onAccepted: root.saveRequested()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Summary of your practice history")
            font.bold: true
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 130
            background: Rectangle {
                color: Theme.surface
                border.color: summaryArea.activeFocus ? Theme.accent : Theme.border
            }
            TextArea {
                id: summaryArea
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Your role, who you work with and what you do. Left empty, the profile says your role, team and start date.")
                Accessible.name: qsTr("Summary of your practice history")
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: entryList
            }
        }
        Label {
            text: root.summaryWords > 500
                  ? qsTr("⚠ %1 words: over HCPC's limit of 500").arg(root.summaryWords)
                  : qsTr("%1 of 500 words").arg(root.summaryWords)
            color: root.summaryWords > 500 ? Theme.error : Theme.muted
        }

        Label {
            text: qsTr("Activities for the statement: %1 chosen (HCPC suggests four to six)").arg(root.chosenCount)
            font.bold: true
        }
        ListView {
            id: entryList
            clip: true
            model: root.choices
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Final CPD entries to choose from")
            delegate: CheckDelegate {
                id: choiceRow
                required property int index
                required property var modelData
                width: ListView.view.width
                text: qsTr("%1  %2 (%3)").arg(choiceRow.modelData.date).arg(choiceRow.modelData.title)
                          .arg(choiceRow.modelData.type)
                checked: choiceRow.modelData.chosen
                Accessible.name: qsTr("%1, %2: in the statement").arg(choiceRow.modelData.date)
                                     .arg(choiceRow.modelData.title)
                onToggled: {
                    root.choices[choiceRow.index].chosen = choiceRow.checked;
                    root.recount();
                }
            }
            Label {
                anchors.centerIn: parent
                visible: root.choices.length === 0
                text: qsTr("No final CPD entries yet.")
                color: Theme.muted
            }
        }
        Label {
            text: qsTr("The profile also lists every activity of this cycle by date, with any gap of three months or more marked, and the evidence files of the chosen entries.")
            wrapMode: Text.Wrap
            color: Theme.muted
            Layout.fillWidth: true
        }
    }
}
