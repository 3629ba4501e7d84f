#include "reports/reportfiles.h"

#include "export/pdf.h"
#include "export/xlsx.h"
#include "reports/report_document.h"

#include <QFile>
#include <QSaveFile>

#include <stdexcept>
#include <string>

#include <sys/stat.h>

namespace reportfiles {

/// Through QSaveFile: a temporary file beside `path`, renamed over it by commit() only once
/// everything is written and flushed.
void writeWhole(const QString& path, const std::string& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    }
    // Owner only before any personal record is in it (the temporary file takes the umask).
    if (::fchmod(file.handle(), S_IRUSR | S_IWUSR) != 0) {
        file.cancelWriting();
        throw std::runtime_error("cannot protect " + path.toStdString());
    }
    const auto size = static_cast<qint64>(bytes.size());
    if (file.write(bytes.data(), size) != size || !file.commit()) {
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    }
}

QString toneName(ledger::CellTone tone) {
    switch (tone) {
    case ledger::CellTone::Good:
        return QStringLiteral("good");
    case ledger::CellTone::Warning:
        return QStringLiteral("warning");
    case ledger::CellTone::Bad:
        return QStringLiteral("bad");
    case ledger::CellTone::Quiet:
        return QStringLiteral("quiet");
    case ledger::CellTone::None:
        break;
    }
    return QStringLiteral("none");
}

bool knownFormat(const QString& format) {
    return format == QLatin1String("csv") || format == QLatin1String("xlsx") ||
           format == QLatin1String("pdf");
}

std::string pdfFooter(const ledger::Report& report) {
    return "Practice Ledger: " + report.title + ", " + report.subtitle;
}

void writeReport(const ledger::Report& report, const QString& format, const QString& path,
                 const ledger::Progress& progress) {
    if (format == QLatin1String("csv")) {
        if (report.sheets.empty()) {
            throw std::runtime_error("the report has no table to write");
        }
        writeWhole(path, ledger::formatCsv(report.sheets.front()));
    } else if (format == QLatin1String("pdf")) {
        const ledger::Progress rendering = ledger::partOf(progress, 0.0, 0.9);
        writeWhole(
            path, ledger::renderPdf(ledger::reportDocument(report, pdfFooter(report)), &rendering));
    } else if (format == QLatin1String("xlsx")) {
        // writeXlsx replaces the file only once the new workbook is complete.
        ledger::writeXlsx(report, path.toStdString(), &progress);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    } else {
        throw std::runtime_error("unknown file format " + format.toStdString());
    }
}

} // namespace reportfiles
