#pragma once

// A report (reports/report_table.h) as a printable document (export/document.h), for the PDF:
// the same words as the text table, laid out for paper.

#include "export/document.h"
#include "reports/report_table.h"

#include <string_view>

namespace ledger {

/// `report` as a document: its title and subtitle, its notes as paragraphs, one table per
/// sheet (headed by the sheet's title when there is more than one sheet, the column labels
/// as its header, each cell as displayValue shows it and shaded by its tone, widths from the
/// columns), then each chart. `footer` goes on every page.
[[nodiscard]] doc::Document reportDocument(const Report& report, std::string_view footer);

} // namespace ledger
