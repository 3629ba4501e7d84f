#pragma once

// Every report as data: sheets of typed cells that the CLI's CSV and text tables, the XLSX
// workbook, the PDF and the app's views all show. A report decides its rows and words once,
// here; a writer decides only how a kind of cell is spelt (a date as ISO in CSV, a real date
// in a workbook, a UK date for people).

#include "base/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ledger {

/// What a column holds, which decides how each writer spells its cells.
enum class CellKind : std::uint8_t {
    Text,    ///< free text (names, titles): spreadsheetSafe in CSV, a string cell in XLSX
    Code,    ///< a code from a fixed set (a status, a category): written as it is
    Integer, ///< a whole number
    Decimal, ///< a fixed-point number with the column's `places`
    Day,     ///< a date: ISO in CSV, a date cell in XLSX, DD/MM/YYYY for people
};

/// How a cell reads at a glance; a colour only repeats what the words say.
enum class CellTone : std::uint8_t { None, Good, Warning, Bad, Quiet };

/// One cell: empty, text (Text and Code columns), a number (Integer; Decimal scaled by
/// 10^places) or a date. `words` is what people see where it differs from the CSV value
/// (a status `due_soon` reads "Due soon"); empty means the value itself.
struct ReportCell {
    std::variant<std::monostate, std::string, std::int64_t, Date> value;
    std::string words;
    CellTone tone = CellTone::None;

    friend bool operator==(const ReportCell&, const ReportCell&) = default;
};

struct ReportColumn {
    std::string name;  ///< the CSV header, e.g. `coverage_percent`
    std::string label; ///< the heading for people, e.g. "Coverage %"
    CellKind kind = CellKind::Text;
    int places = 0;     ///< Decimal only
    double width = 1.0; ///< relative width in a PDF table
};

/// One table: a CSV file, an XLSX sheet, a PDF table.
struct ReportSheet {
    std::string title; ///< the sheet's name (at most 31 characters for XLSX)
    std::vector<ReportColumn> columns;
    std::vector<std::vector<ReportCell>> rows;
};

/// A series of values over time or categories, drawn as a chart in a PDF and in the app.
struct ReportChart {
    std::string title;
    std::string yLabel;
    std::vector<std::string> xLabels;
    /// One line per series: its name and one value per x label (nullopt: no value).
    std::vector<std::pair<std::string, std::vector<std::optional<double>>>> series;
    double yMin = 0;
    double yMax = 100;
};

/// A whole report: what it is, as of when, its sheets (CSV gives the first only, XLSX one
/// sheet each, PDF one table each) and its charts.
struct Report {
    std::string name;     ///< the CLI's name: `coverage`, `trend`, ...
    std::string title;    ///< "Training coverage"
    std::string subtitle; ///< "As of 29/11/2026"
    std::vector<ReportSheet> sheets;
    std::vector<ReportChart> charts;
    std::vector<std::string> notes; ///< paragraphs under the title (what the figures mean)
};

// Cells.
[[nodiscard]] ReportCell textCell(std::string text, CellTone tone = CellTone::None);
[[nodiscard]] ReportCell codeCell(std::string code, std::string words = {},
                                  CellTone tone = CellTone::None);
[[nodiscard]] ReportCell integerCell(std::int64_t value, CellTone tone = CellTone::None);
/// `scaled` is the value times 10^places of its column; nullopt an empty cell.
[[nodiscard]] ReportCell decimalCell(std::optional<std::int64_t> scaled,
                                     CellTone tone = CellTone::None);
[[nodiscard]] ReportCell dateCell(const std::optional<Date>& date, CellTone tone = CellTone::None);
[[nodiscard]] ReportCell emptyCell();

/// A cell as its CSV field before quoting: Text through spreadsheetSafe, Code as it is,
/// numbers in plain decimal (`66.7`, `-3`), dates ISO, empty as empty.
[[nodiscard]] std::string csvValue(const ReportCell& cell, const ReportColumn& column);
/// A cell as people read it: its words if any, dates DD/MM/YYYY, numbers as in CSV.
[[nodiscard]] std::string displayValue(const ReportCell& cell, const ReportColumn& column);

/// The sheet as the CSV the product writes (compliance rules section 9): the column names,
/// then one line per row.
[[nodiscard]] std::string formatCsv(const ReportSheet& sheet);
/// The sheet as an aligned text table for a terminal, headed by the column labels, numbers
/// right-aligned, control characters escaped.
[[nodiscard]] std::string formatText(const ReportSheet& sheet);

} // namespace ledger
