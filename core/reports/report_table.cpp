#include "reports/report_table.h"

#include "io/csv.h"
#include "reports/report.h"

#include <cstdlib>

namespace ledger {

namespace {

std::string formatScaled(std::int64_t scaled, int places) {
    const bool negative = scaled < 0;
    // Unsigned so that the most negative value has a magnitude too.
    std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
    std::string digits = std::to_string(magnitude);
    if (places > 0) {
        const auto width = static_cast<std::size_t>(places) + 1;
        if (digits.size() < width) {
            digits.insert(0, width - digits.size(), '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
    }
    return negative ? "-" + digits : digits;
}

std::string plainValue(const ReportCell& cell, const ReportColumn& column, bool forPeople) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                return {};
            } else if constexpr (std::is_same_v<V, std::string>) {
                return v;
            } else if constexpr (std::is_same_v<V, std::int64_t>) {
                return formatScaled(v, column.kind == CellKind::Decimal ? column.places : 0);
            } else {
                return forPeople ? formatUk(v) : formatIso(v);
            }
        },
        cell.value);
}

} // namespace

ReportCell textCell(std::string text, CellTone tone) {
    return ReportCell{std::move(text), {}, tone};
}

ReportCell codeCell(std::string code, std::string words, CellTone tone) {
    return ReportCell{std::move(code), std::move(words), tone};
}

ReportCell integerCell(std::int64_t value, CellTone tone) {
    return ReportCell{value, {}, tone};
}

ReportCell decimalCell(std::optional<std::int64_t> scaled, CellTone tone) {
    ReportCell cell;
    if (scaled) {
        cell.value = *scaled;
    }
    cell.tone = tone;
    return cell;
}

ReportCell dateCell(const std::optional<Date>& date, CellTone tone) {
    ReportCell cell;
    if (date) {
        cell.value = *date;
    }
    cell.tone = tone;
    return cell;
}

ReportCell emptyCell() {
    return {};
}

std::string csvValue(const ReportCell& cell, const ReportColumn& column) {
    std::string value = plainValue(cell, column, false);
    return column.kind == CellKind::Text ? spreadsheetSafe(value) : value;
}

std::string displayValue(const ReportCell& cell, const ReportColumn& column) {
    return cell.words.empty() ? plainValue(cell, column, true) : cell.words;
}

std::string formatCsv(const ReportSheet& sheet) {
    std::vector<std::string> fields;
    fields.reserve(sheet.columns.size());
    for (const ReportColumn& column : sheet.columns) {
        fields.push_back(column.name);
    }
    std::string out = csvLine(fields);
    for (const auto& row : sheet.rows) {
        fields.clear();
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            fields.push_back(c < row.size() ? csvValue(row[c], sheet.columns[c]) : std::string());
        }
        out += csvLine(fields);
    }
    return out;
}

std::string formatText(const ReportSheet& sheet) {
    std::vector<std::string> header;
    std::vector<bool> right;
    for (const ReportColumn& column : sheet.columns) {
        header.push_back(column.label.empty() ? column.name : column.label);
        right.push_back(column.kind == CellKind::Integer || column.kind == CellKind::Decimal);
    }
    std::vector<std::vector<std::string>> rows;
    rows.reserve(sheet.rows.size());
    for (const auto& row : sheet.rows) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            cells.push_back(c < row.size() ? displayValue(row[c], sheet.columns[c])
                                           : std::string());
        }
        rows.push_back(std::move(cells));
    }
    return formatTable(header, std::move(rows), right);
}

} // namespace ledger
