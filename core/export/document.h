#pragma once

// A printable document as data: headings, paragraphs, labelled fields, statuses and tables,
// in reading order. Core builds one (a person's CPD record, an HCPC profile, later the
// reports) and a renderer lays it out (export/pdf.h): the words are decided once, here, and
// the renderer decides only where they go.

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ledger::doc {

struct Heading {
    std::string text;
    int level = 1; ///< 1 a section, 2 a part of one
};

struct Paragraph {
    std::string text;   ///< taken as written: line breaks kept, nothing interpreted
    bool quiet = false; ///< smaller and grey: a note, not content
};

/// A label above its text, as a form shows a question and its answer.
struct Field {
    std::string label;
    std::string value; ///< empty shows as "(none)"
};

/// How a status or a table cell reads: the word always says it, the colour only repeats it.
enum class Tone { Good, Bad, Neutral, Warning, Quiet };

struct Status {
    std::string label;
    std::string word;   ///< "Met", "Not met", ...
    std::string detail; ///< the figures behind it, after the word
    Tone tone = Tone::Neutral;
};

struct TableRow {
    std::vector<std::string> cells;
    bool marked = false;   ///< shaded and in bold: a row that asks for attention (a gap)
    bool spanRest = false; ///< the second cell runs across every column after the first
    /// Each cell's shade by position (Good green, Warning amber, Bad red, Quiet grey);
    /// a cell beyond the list, or Neutral, is not shaded.
    std::vector<Tone> tones = {};
};

/// Rows under a header that is repeated on every page the table runs onto.
struct Table {
    std::vector<std::string> header;
    std::vector<double> widths; ///< relative column widths, one per header cell
    std::vector<TableRow> rows;
};

/// A line chart across the page: one line per series over the x labels (left to right), on
/// a y axis from yMin to yMax, each line told apart by its dash and marker as well as its
/// colour so that a greyscale print still reads. A missing value breaks its line.
struct Chart {
    struct Series {
        std::string name;
        std::vector<std::optional<double>> values; ///< one per x label
    };
    std::string title;
    std::string yLabel;
    std::vector<std::string> xLabels;
    std::vector<Series> series;
    double yMin = 0;
    double yMax = 100;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, Field, Status, Table, Chart, PageBreak>;

struct Document {
    std::string title;    ///< the first page's title, and the file's title
    std::string subtitle; ///< under the title: who and what period
    std::string footer;   ///< on every page, beside "Page N of M"
    std::string author;   ///< the file's author (the program)
    std::vector<Block> blocks;
};

} // namespace ledger::doc
