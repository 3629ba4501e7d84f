pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// Trusted assessors for community equipment, as a team sees them: who may assess for which
// category today, whose refresher falls due within 90 days, and everyone else (in training,
// lapsed, withdrawn), filtered by team and by category. A row opens the authorisation.
Item {
    id: root
    required property Session session
    required property var app

    readonly property AssessorsController controller: assessors

    /// Opens the editor with a new authorisation half filled in (screenshots, tests).
    function openExample() {
        const first = root.session.staffChoices();
        dialog.edit("assessor", "", first.length > 0 ? { employee_id: first[0].value } : {});
    }
    function addCategory() {
        dialog.edit("category", "", {});
    }
    function openAuthorisation(key: string) {
        if (!root.session.readOnly)
            dialog.edit("assessor", key, {});
    }

    function indexOf(choices: var, value: string): int {
        for (let i = 0; i < choices.length; ++i) {
            if (choices[i].value === value)
                return i;
        }
        return 0;
    }

    AssessorsController {
        id: assessors
        session: root.session
        active: root.visible
    }

    AssessorDialog {
        id: dialog
        session: root.session
        parent: Overlay.overlay
        anchors.centerIn: parent
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        padding: Theme.margin
        contentWidth: scroller.availableWidth
        clip: true

        ColumnLayout {
            width: scroller.availableWidth
            spacing: Theme.spacing

            PageTitle {
                title: qsTr("Trusted assessors")
                subtitle: qsTr("Community equipment, today %1: %2.").arg(root.session.todayText).arg(assessors.summary)
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: Theme.spacing
                Label { text: qsTr("Team") }
                ComboBox {
                    id: teamBox
                    model: assessors.teamChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: root.indexOf(assessors.teamChoices, assessors.team)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 220
                    Layout.minimumWidth: 120
                    Layout.maximumWidth: 220
                    Accessible.name: qsTr("Show the team")
                    onActivated: assessors.team = teamBox.currentValue
                }
                Label { text: qsTr("Equipment"); Layout.leftMargin: Theme.spacing }
                ComboBox {
                    id: categoryBox
                    model: assessors.categoryChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: root.indexOf(assessors.categoryChoices, assessors.category)
                    Layout.fillWidth: true
                    Layout.preferredWidth: 220
                    Layout.minimumWidth: 120
                    Layout.maximumWidth: 220
                    Accessible.name: qsTr("Show the equipment category")
                    onActivated: assessors.category = categoryBox.currentValue
                }
                Item { Layout.fillWidth: true }
                Button {
                    text: qsTr("Add category…")
                    enabled: !root.session.readOnly
                    Accessible.name: qsTr("Add an equipment category to the list")
                    onClicked: root.addCategory()
                }
                Button {
                    text: qsTr("Add authorisation")
                    icon.name: "list-add"
                    highlighted: true
                    enabled: !root.session.readOnly
                    Accessible.name: qsTr("Add a trusted-assessor authorisation")
                    onClicked: dialog.edit("assessor", "", {})
                }
            }

            // Side by side when there is room for both; else one under the other.
            GridLayout {
                id: lists
                readonly property bool wide: scroller.availableWidth >= 980
                columns: lists.wide ? 2 : 1
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                // The team view: who may assess today, for what.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing
                    AssessorHeading {
                        text: assessors.category === ""
                              ? qsTr("May assess today (%1)").arg(assessors.authorised.count)
                              : qsTr("May assess for %1 today (%2)").arg(categoryBox.currentText)
                                                                     .arg(assessors.authorised.count)
                    }
                    AssessorTable {
                        model: assessors.authorised
                        emptyText: qsTr("No one in this view may assess today.")
                        canOpen: !root.session.readOnly
                        onOpen: (key) => root.openAuthorisation(key)
                    }
                }

                // What needs doing: refreshers soon, and everyone not authorised.
                ColumnLayout {
                    // A layout fills when a child does: held to its width here when beside the
                    // table.
                    readonly property int sideWidth: Math.max(300, Math.round(scroller.availableWidth * 0.34))
                    Layout.fillWidth: !lists.wide
                    Layout.preferredWidth: lists.wide ? sideWidth : -1
                    Layout.minimumWidth: lists.wide ? sideWidth : 0
                    Layout.maximumWidth: lists.wide ? sideWidth : Infinity
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing
                    AssessorHeading {
                        text: qsTr("Lapsing in the next 90 days (%1)").arg(assessors.lapsing.count)
                    }
                    AssessorList {
                        model: assessors.lapsing
                        emptyText: qsTr("No authorisation in this view lapses in the next 90 days.")
                        canOpen: !root.session.readOnly
                        onOpen: (key) => root.openAuthorisation(key)
                    }
                    AssessorHeading {
                        text: qsTr("In training, lapsed or withdrawn (%1)").arg(assessors.others.count)
                        Layout.topMargin: Theme.spacing
                    }
                    AssessorList {
                        model: assessors.others
                        emptyText: qsTr("No one in this view is in training, lapsed or withdrawn.")
                        canOpen: !root.session.readOnly
                        onOpen: (key) => root.openAuthorisation(key)
                    }
                }
            }
        }
    }
}
