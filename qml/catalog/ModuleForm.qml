pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PracticeLedger.Backend
import PracticeLedger.Ui

// A mandatory module: how long a completion lasts, how it renews, and its ASC-WDS category.
GridLayout {
    id: root
    required property Session session
    required property CatalogController catalog
    readonly property ModuleEditor editor: ModuleEditor { session: root.session }
    readonly property string title: root.editor.isNew ? qsTr("New module")
                                                      : qsTr("Edit module %1").arg(root.editor.recordName)

    function focusFirst() {
        (root.editor.isNew ? code : title).field.forceActiveFocus();
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    EditorTextField {
        id: code
        source: root.editor.field("code")
        label: qsTr("Code")
        readOnly: !root.editor.isNew
        placeholderText: qsTr("e.g. SAFE-ADULTS")
        hint: root.editor.isNew ? qsTr("Short and unique; it cannot be changed later.")
                                : qsTr("Cannot be changed.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        id: title
        source: root.editor.field("title")
        label: qsTr("Title")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("renewal_months")
        label: qsTr("Renewal (months)")
        placeholderText: qsTr("Never expires")
        hint: qsTr("How long a completion stays valid; empty if it never expires.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("renewal_basis")
        label: qsTr("Renewal counted from")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("window_days")
        label: qsTr("Renewal window (days)")
        hint: qsTr("When renewal counts from the expiry: renewing up to this many days early keeps the date.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorTextField {
        source: root.editor.field("due_soon_days")
        label: qsTr("Due soon (days)")
        hint: qsTr("How far ahead an expiry shows as due soon.")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("asc_wds_category")
        label: qsTr("ASC-WDS training category")
        choices: root.catalog.ascWdsCategories
        Layout.columnSpan: 2
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("asc_wds_accredited")
        label: qsTr("ASC-WDS accredited")
        choices: root.catalog.ascWdsAccreditedChoices
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        source: root.editor.field("asc_wds_how_delivered")
        label: qsTr("ASC-WDS how delivered")
        choices: root.catalog.ascWdsHowDeliveredChoices
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    EditorChoiceField {
        id: whoDelivered
        source: root.editor.field("asc_wds_who_delivered")
        label: qsTr("ASC-WDS who delivered")
        choices: root.catalog.ascWdsWhoDeliveredChoices
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
    // A provider code is only for an external provider (ASC-WDS ignores it otherwise); one
    // kept from before stays shown, with its problem, until it is cleared.
    EditorTextField {
        readonly property EditorField providerField: root.editor.field("asc_wds_provider")
        visible: whoDelivered.value === "2" || providerField.text !== ""
        source: providerField
        label: qsTr("ASC-WDS provider code")
        placeholderText: qsTr("e.g. 88")
        hint: qsTr("The number ASC-WDS gives the training provider (88 is Skills for Care).")
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
    }
}
