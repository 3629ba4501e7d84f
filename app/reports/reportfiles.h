#pragma once

#include "base/progress.h"

// Writing a core report (reports/report_table.h) to a file a person chose: the CSV the CLI
// writes (the first sheet through formatCsv), the workbook of writeXlsx, or the PDF of
// reportDocument. Each file is written whole or not at all.

#include "reports/report_table.h"

#include <QString>

namespace reportfiles {

/// Whether `format` is one writeReport knows: csv, xlsx or pdf.
[[nodiscard]] bool knownFormat(const QString& format);

/// Writes `report` to `path` as `format`: a new file beside it that replaces `path` only once
/// complete, readable by its owner only (an export holds personal records). Throws
/// std::runtime_error naming the file when it cannot be written; `path` is then as it was.
/// A workbook and a PDF report through `progress`, and stop (Cancelled) when it says so.
void writeReport(const ledger::Report& report, const QString& format, const QString& path,
                 const ledger::Progress& progress);

/// Writes `bytes` to `path` whole or not at all (a file beside it, renamed over it once
/// complete), readable by its owner only. Throws std::runtime_error naming the file.
void writeWhole(const QString& path, const std::string& bytes);

/// A report cell's tone as QML's word for it: none, good, warning, bad, quiet.
[[nodiscard]] QString toneName(ledger::CellTone tone);

/// The footer on each page of a report's PDF, as the CLI writes it.
[[nodiscard]] std::string pdfFooter(const ledger::Report& report);

} // namespace reportfiles
