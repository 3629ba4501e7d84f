#include "reports/report_document.h"

namespace ledger {
namespace {

doc::Tone toneOf(CellTone tone) {
    switch (tone) {
    case CellTone::Good:
        return doc::Tone::Good;
    case CellTone::Warning:
        return doc::Tone::Warning;
    case CellTone::Bad:
        return doc::Tone::Bad;
    case CellTone::Quiet:
        return doc::Tone::Quiet;
    case CellTone::None:
        break;
    }
    return doc::Tone::Neutral;
}

doc::Table tableOf(const ReportSheet& sheet) {
    doc::Table table;
    for (const ReportColumn& column : sheet.columns) {
        table.header.push_back(column.label.empty() ? column.name : column.label);
        table.widths.push_back(column.width > 0 ? column.width : 1.0);
    }
    for (const auto& row : sheet.rows) {
        doc::TableRow out;
        bool toned = false;
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const ReportCell cell = c < row.size() ? row[c] : emptyCell();
            out.cells.push_back(displayValue(cell, sheet.columns[c]));
            out.tones.push_back(toneOf(cell.tone));
            toned = toned || cell.tone != CellTone::None;
        }
        if (!toned) {
            out.tones.clear();
        }
        table.rows.push_back(std::move(out));
    }
    return table;
}

} // namespace

doc::Document reportDocument(const Report& report, std::string_view footer) {
    doc::Document out;
    out.title = report.title;
    out.subtitle = report.subtitle;
    out.footer = std::string(footer);
    out.author = "Practice Ledger";
    for (const std::string& note : report.notes) {
        out.blocks.push_back(doc::Paragraph{note});
    }
    // The picture first, then the figures behind it.
    for (const ReportChart& chart : report.charts) {
        doc::Chart c;
        c.title = chart.title;
        c.yLabel = chart.yLabel;
        c.xLabels = chart.xLabels;
        for (const auto& [name, values] : chart.series) {
            c.series.push_back(doc::Chart::Series{name, values});
        }
        c.yMin = chart.yMin;
        c.yMax = chart.yMax;
        out.blocks.push_back(std::move(c));
    }
    const bool named = report.sheets.size() > 1;
    for (const ReportSheet& sheet : report.sheets) {
        if (named && !sheet.title.empty()) {
            out.blocks.push_back(doc::Heading{sheet.title, 1});
        }
        if (sheet.rows.empty()) {
            out.blocks.push_back(doc::Paragraph{"Nothing to show.", true});
            continue;
        }
        out.blocks.push_back(tableOf(sheet));
    }
    return out;
}

} // namespace ledger
