#pragma once

// A report (reports/report_table.h) as an Excel workbook, through libxlsxwriter: the same
// values as the report's CSV, typed as a spreadsheet types them (numbers as numbers, dates
// as dates) and never a formula.

#include "base/progress.h"
#include "reports/report_table.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// Writes `report` to `path` as an XLSX workbook, replacing any file there only once the new
/// one is complete. One worksheet per sheet: its header row holds the CSV column names (the
/// labels for people as the header cells' comments), then one row per report row, so that
/// the worksheet saved as CSV holds the values of formatCsv(sheet), except that a text cell
/// is the text as written (a string cell is never run as a formula, so it needs no `'`) and
/// a date is a date cell shown DD/MM/YYYY. Integer and Decimal cells are numbers (a Decimal
/// with its column's places), a cell's tone is its fill, the header row is frozen and
/// filtered. Each chart follows on a worksheet of its own: its figures and a line chart of
/// them. The workbook's title is the report's title, its subject the subtitle.
/// Throws std::runtime_error naming `path` when the workbook cannot be written. `progress`
/// hears how far it has got; when it says stop, throws Cancelled and `path` is untouched.
void writeXlsx(const Report& report, const std::string& path, const Progress* progress = nullptr);

/// The worksheet names writeXlsx gives `wanted`, in order: each made valid for Excel (at most
/// 31 characters, none of `[]:*?/\`, no `'` at either end, not empty, not "History") and
/// unique regardless of letter case, by a " (2)"-style suffix where needed.
[[nodiscard]] std::vector<std::string> xlsxSheetNames(const std::vector<std::string>& wanted);

} // namespace ledger
