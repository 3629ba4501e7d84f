pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A session: a practice forum, an NQ group session, a conference or a workshop, once or as a
// series made in one step. Clashes with other sessions are warned about as it is typed; they
// never stop a save.
GridLayout {
    id: root
    required property Session session
    required property CatalogController catalog
    readonly property SessionEditor editor: SessionEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("Plan a session") : qsTr("Edit session")
    readonly property bool repeating: root.editor.isNew && root.editor.field("repeat").text !== "none"
                                      && root.editor.field("repeat").text !== ""

    /// Adds `name` to a `;` list field, once.
    function addTo(fieldName: string, name: string) {
        const field = root.editor.field(fieldName);
        const items = field.text.split(";").map(t => t.trim()).filter(t => t !== "");
        if (items.indexOf(name) < 0)
            items.push(name);
        field.text = items.join("; ");
    }

    function focusFirst() {
        (root.editor.isNew ? key : titleField).field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    Rectangle {
        id: clashBox
        visible: root.editor.clashWarning !== ""
        Layout.columnSpan: 2
        Layout.fillWidth: true
        implicitHeight: clashText.implicitHeight + 2 * Theme.spacing
        color: Theme.noticeBackground
        border.color: Theme.border
        radius: Theme.radius
        Label {
            id: clashText
            anchors.fill: parent
            anchors.margins: Theme.spacing
            wrapMode: Text.Wrap
            text: qsTr("⚠ Clash warning – you can still save:") + "\n" + root.editor.clashWarning
            Accessible.role: Accessible.AlertMessage
            Accessible.name: qsTr("Clash warning: %1").arg(root.editor.clashWarning)
        }
    }

    EditorTextField {
        id: key
        source: root.editor.field("key")
        label: root.repeating ? qsTr("Series key") : qsTr("Key")
        placeholderText: qsTr("e.g. FORUM-2027-01")
        readOnly: !root.editor.isNew
        hint: !root.editor.isNew ? qsTr("Cannot be changed.")
              : root.repeating ? qsTr("Each session gets this key and its number: %1-001, %1-002…").arg(key.text || "KEY")
              : qsTr("A short code for imports and reports; it cannot be changed later.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("kind")
        label: qsTr("Kind")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        id: titleField
        source: root.editor.field("title")
        label: qsTr("Title")
        placeholderText: qsTr("e.g. Carers' rights under the Care Act")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("date")
        label: root.repeating ? qsTr("Date of the first session") : qsTr("Date")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("end_date")
        label: qsTr("End date (if later)")
        hint: qsTr("Only for a session over several days.")
        visible: !root.repeating
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Item { visible: root.repeating; Layout.preferredWidth: 1 }
    EditorTextField {
        source: root.editor.field("start_time")
        label: qsTr("Starts (HH:MM)")
        hint: qsTr("London time.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("end_time")
        label: qsTr("Ends (HH:MM)")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        visible: root.editor.isNew
        source: root.editor.field("repeat")
        label: qsTr("Repeats")
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        visible: root.repeating && root.editor.field("repeat").text === "monthly_weekday"
        source: root.editor.field("nth")
        label: qsTr("Which weekday of the month")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    Item {
        visible: root.repeating && root.editor.field("repeat").text !== "monthly_weekday"
        Layout.preferredWidth: 1
    }
    Label {
        visible: root.repeating
        text: root.editor.occurrences > 1 ? qsTr("Makes %1 sessions.").arg(root.editor.occurrences) : ""
        color: Theme.muted
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignBottom
    }
    EditorTextField {
        visible: root.repeating
        source: root.editor.field("count")
        label: qsTr("How many sessions")
        hint: qsTr("Or give an end date instead.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        visible: root.repeating
        source: root.editor.field("until")
        label: qsTr("Until")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("speaker")
        label: qsTr("Speaker")
        hint: qsTr("An external speaker, e.g. a barrister or the fire service.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("organisation")
        label: qsTr("Speaker's organisation")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("facilitator_id")
        label: qsTr("Facilitator's employee id")
        hint: root.editor.facilitatorName !== "" ? root.editor.facilitatorName : qsTr("Optional: who runs it.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("capacity")
        label: qsTr("Places")
        hint: qsTr("Empty for no limit.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("teams")
        label: qsTr("Invited teams")
        placeholderText: qsTr("Team names separated by ;")
        hint: qsTr("Everyone in these teams is invited.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    ComboBox {
        model: root.catalog.teamNames
        displayText: qsTr("Add a team…")
        Accessible.name: qsTr("Add a team to the invited teams")
        Layout.preferredWidth: 1
        Layout.fillWidth: true
        Layout.topMargin: 20
        Layout.alignment: Qt.AlignTop
        onActivated: (index) => root.addTo("teams", root.catalog.teamNames[index])
    }
    EditorTextField {
        source: root.editor.field("roles")
        label: qsTr("Invited roles")
        placeholderText: qsTr("Role names separated by ;")
        hint: qsTr("Everyone in these roles is invited.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    ComboBox {
        model: root.catalog.roleNames
        displayText: qsTr("Add a role…")
        Accessible.name: qsTr("Add a role to the invited roles")
        Layout.preferredWidth: 1
        Layout.fillWidth: true
        Layout.topMargin: 20
        Layout.alignment: Qt.AlignTop
        onActivated: (index) => root.addTo("roles", root.catalog.roleNames[index])
    }
    EditorTextField {
        source: root.editor.field("themes")
        label: qsTr("Audit themes it addresses")
        placeholderText: qsTr("Theme keys separated by ;")
        hint: qsTr("Held sessions count towards these themes' reach.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    ChoiceField {
        label: qsTr("Module it delivers")
        choices: [{ value: "", label: qsTr("None") }].concat(root.catalog.moduleChoices)
        value: root.editor.field("module").text
        error: root.editor.field("module").error
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.field("module").text = value
    }
}
