import QtQuick
import QtQuick.Dialogs

// Where to save a report: asked for one format at a time (csv, xlsx, pdf); `chosen` carries
// the format, the file and what the request was about (a line manager's id, say).
FileDialog {
    id: root
    property string format: "csv"
    property string about: ""
    signal chosen(string format, url file, string about)

    /// Opens the dialog for `format`, offering `fileName` in the folder last used.
    function ask(format: string, fileName: string, about: string) {
        root.format = format;
        root.about = about;
        const folder = root.currentFolder.toString();
        root.selectedFile = folder !== "" ? folder + "/" + fileName : fileName;
        root.open();
    }

    fileMode: FileDialog.SaveFile
    defaultSuffix: root.format
    nameFilters: root.format === "xlsx" ? [qsTr("Excel workbooks (*.xlsx)")]
               : root.format === "pdf" ? [qsTr("PDF files (*.pdf)")]
               : [qsTr("CSV files (*.csv)")]
    onAccepted: root.chosen(root.format, root.selectedFile, root.about)
}
