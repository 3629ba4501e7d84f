pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A mandatory module: how long a completion lasts, how it renews, and its ASC-WDS category.
GridLayout {
    id: root
    required property RecordEditor editor
    required property CatalogController catalog

    function focusFirst() {
        (root.editor.isNew ? code : title).field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    FormField {
        id: code
        label: qsTr("Code")
        text: root.editor.fields.code ?? ""
        readOnly: !root.editor.isNew
        error: root.editor.errors.code ?? ""
        placeholderText: qsTr("e.g. SAFE-ADULTS")
        hint: root.editor.isNew ? qsTr("Short and unique; it cannot be changed later.")
                                : qsTr("Cannot be changed.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("code", text)
    }
    FormField {
        id: title
        label: qsTr("Title")
        text: root.editor.fields.title ?? ""
        error: root.editor.errors.title ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("title", text)
    }
    FormField {
        label: qsTr("Renewal (months)")
        text: root.editor.fields.renewal_months ?? ""
        error: root.editor.errors.renewal_months ?? ""
        placeholderText: qsTr("Never expires")
        hint: qsTr("How long a completion stays valid; empty if it never expires.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("renewal_months", text)
    }
    ChoiceField {
        label: qsTr("Renewal counted from")
        choices: [
            { value: "completion", label: qsTr("The completion date") },
            { value: "expiry", label: qsTr("The previous expiry, if renewed in the window") }
        ]
        value: root.editor.fields.renewal_basis ?? "completion"
        error: root.editor.errors.renewal_basis ?? ""
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("renewal_basis", value)
    }
    FormField {
        label: qsTr("Renewal window (days)")
        text: root.editor.fields.window_days ?? ""
        error: root.editor.errors.window_days ?? ""
        hint: qsTr("When renewal counts from the expiry: renewing up to this many days early keeps the date.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("window_days", text)
    }
    FormField {
        label: qsTr("Due soon (days)")
        text: root.editor.fields.due_soon_days ?? ""
        error: root.editor.errors.due_soon_days ?? ""
        hint: qsTr("How far ahead an expiry shows as due soon.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        onEdited: (text) => root.editor.setField("due_soon_days", text)
    }
    ChoiceField {
        label: qsTr("ASC-WDS training category")
        choices: root.catalog.ascWdsCategories
        value: root.editor.fields.asc_wds_category ?? ""
        error: root.editor.errors.asc_wds_category ?? ""
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
        onChosen: (value) => root.editor.setField("asc_wds_category", value)
    }
}
