#include "export/xlsx.h"

#include <xlsxwriter.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <type_traits>

namespace ledger {
namespace {

constexpr std::size_t kMaxSheetName = 31;

bool continuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// Characters as people count them (UTF-8 code points), for widths and Excel's limits.
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !continuationByte(c); }));
}

/// The characters of the longest line of `text`: what a column needs to show it.
std::size_t widestLine(std::string_view text) {
    std::size_t widest = 0;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        widest = std::max(widest, characters(text.substr(start, end - start)));
        start = end + 1;
    }
    return widest;
}

/// The first `count` characters of `text`, never cutting one in half.
std::string firstCharacters(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!continuationByte(text[i]) && seen++ == count) {
            return std::string(text.substr(0, i));
        }
    }
    return std::string(text);
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string validSheetName(std::string_view wanted, std::size_t index) {
    // Each character Excel refuses (and any control character) becomes a space, and a run
    // of spaces one: "People: [due]/overdue?" is "People due overdue".
    std::string name;
    for (const char c : wanted) {
        const bool refused = std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
                             static_cast<unsigned char>(c) < 0x20;
        const char put = refused ? ' ' : c;
        if (put != ' ' || name.empty() || name.back() != ' ') {
            name += put;
        }
    }
    // Excel refuses a name that begins or ends with an apostrophe.
    const auto first = name.find_first_not_of("' ");
    name = first == std::string::npos ? std::string() : name.substr(first);
    name = firstCharacters(name, kMaxSheetName);
    while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) {
        name.pop_back();
    }
    // Excel keeps "History" for its change tracking.
    if (name.empty() || asciiLower(name) == "history") {
        name = "Sheet " + std::to_string(index + 1);
    }
    return name;
}

std::string columnLetters(std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters;
}

// Light enough that black text reads on each; the same hues as Excel's own Good, Neutral
// and Bad cell styles, so that they mean what people expect.
constexpr lxw_color_t kGoodFill = 0xC6EFCE;
constexpr lxw_color_t kWarningFill = 0xFFE699;
constexpr lxw_color_t kBadFill = 0xFFC7CE;
constexpr lxw_color_t kQuietFill = 0xE7E6E6;
constexpr lxw_color_t kHeaderFill = 0xD9E1F2;

// Distinct in colour, and in dash and marker too, so that a greyscale print still tells the
// series apart.
struct SeriesLook {
    lxw_color_t colour;
    std::uint8_t dash;
    std::uint8_t marker;
};
constexpr std::array<SeriesLook, 6> kSeriesLooks{{
    {0x1F4E9A, LXW_CHART_LINE_DASH_SOLID, LXW_CHART_MARKER_CIRCLE},
    {0xC0504D, LXW_CHART_LINE_DASH_DASH, LXW_CHART_MARKER_SQUARE},
    {0x2E7D32, LXW_CHART_LINE_DASH_ROUND_DOT, LXW_CHART_MARKER_TRIANGLE},
    {0x7B3F98, LXW_CHART_LINE_DASH_LONG_DASH_DOT, LXW_CHART_MARKER_DIAMOND},
    {0xE07B00, LXW_CHART_LINE_DASH_LONG_DASH, LXW_CHART_MARKER_X},
    {0x404040, LXW_CHART_LINE_DASH_DASH_DOT, LXW_CHART_MARKER_PLUS},
}};

// A spreadsheet number is a double: a whole number beyond 2^53 would not come back as
// written, so it stays text.
constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;
constexpr int kMaxPlaces = 15;

/// Writes one workbook; every libxlsxwriter call is checked and a failure thrown with the
/// path and the place.
class Writer {
public:
    Writer(const Report& report, std::string path, const std::string& file,
           const Progress* progress)
        : m_report(report), m_path(std::move(path)), m_progress(progress) {
        for (const ReportSheet& sheet : report.sheets) {
            m_rows += sheet.rows.size();
        }
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        options.use_zip64 = LXW_FALSE;
        m_workbook = workbook_new_opt(file.c_str(), &options);
        if (!m_workbook) {
            throw std::runtime_error("cannot write " + m_path + ": out of memory");
        }
    }
    ~Writer() {
        if (m_workbook) {
            lxw_workbook_free(m_workbook);
        }
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void write() {
        std::vector<std::string> wanted;
        for (const ReportSheet& sheet : m_report.sheets) {
            wanted.push_back(sheet.title);
        }
        for (const ReportChart& chart : m_report.charts) {
            wanted.push_back(chart.title);
        }
        const std::vector<std::string> names = xlsxSheetNames(wanted);
        properties();
        for (std::size_t i = 0; i < m_report.sheets.size(); ++i) {
            sheet(m_report.sheets[i], names[i]);
        }
        for (std::size_t i = 0; i < m_report.charts.size(); ++i) {
            chart(m_report.charts[i], names[m_report.sheets.size() + i]);
        }
        lxw_workbook* workbook = m_workbook;
        // workbook_close frees the workbook whatever it returns.
        m_workbook = nullptr;
        check(workbook_close(workbook), "saving the workbook");
    }

private:
    /// Writing the rows is most of the work (saving the workbook the rest): reported every
    /// 256 rows, and cancelled there when asked.
    void rowDone() {
        if (++m_done % 256 == 0) {
            reportProgress(m_progress,
                           0.8 * static_cast<double>(m_done) / static_cast<double>(m_rows),
                           "writing the workbook was cancelled");
        }
    }

    void check(lxw_error error, const std::string& where) const {
        if (error != LXW_NO_ERROR) {
            throw std::runtime_error("cannot write " + m_path + ": " + where + ": " +
                                     lxw_strerror(error));
        }
    }

    void properties() {
        // libxlsxwriter copies the strings; its struct only lacks const.
        std::string title = m_report.title;
        std::string subject = m_report.subtitle;
        std::string creator = "Practice Ledger";
        lxw_doc_properties props{};
        props.title = title.data();
        props.subject = subject.data();
        props.author = creator.data();
        check(workbook_set_properties(m_workbook, &props), "the document properties");
    }

    lxw_worksheet* addSheet(const std::string& name) {
        lxw_worksheet* worksheet = workbook_add_worksheet(m_workbook, name.c_str());
        if (!worksheet) {
            throw std::runtime_error("cannot write " + m_path + ": cannot add the sheet '" + name +
                                     "'");
        }
        return worksheet;
    }

    enum class Look : std::uint8_t { Plain, Wrapped, Number, Date, Header, Title, Note };

    /// One shared format per look, places and tone (a workbook holds at most 64,000).
    lxw_format* format(Look look, int places = 0, CellTone tone = CellTone::None) {
        const auto key = std::tuple{look, places, tone};
        if (const auto found = m_formats.find(key); found != m_formats.end()) {
            return found->second;
        }
        lxw_format* f = workbook_add_format(m_workbook);
        if (look == Look::Number) {
            std::string pattern = "0";
            if (places > 0) {
                pattern += "." + std::string(static_cast<std::size_t>(places), '0');
            }
            format_set_num_format(f, pattern.c_str());
        } else if (look == Look::Date) {
            format_set_num_format(f, "dd/mm/yyyy");
        } else if (look == Look::Header) {
            format_set_bold(f);
            format_set_bg_color(f, kHeaderFill);
            format_set_bottom(f, LXW_BORDER_THIN);
        } else if (look == Look::Title) {
            format_set_bold(f);
            format_set_font_size(f, 13);
        } else if (look == Look::Note) {
            format_set_italic(f);
        } else if (look == Look::Wrapped) {
            // A text's own line breaks show as lines, not run together over the next row.
            format_set_text_wrap(f);
        }
        switch (tone) {
        case CellTone::Good:
            format_set_bg_color(f, kGoodFill);
            break;
        case CellTone::Warning:
            format_set_bg_color(f, kWarningFill);
            break;
        case CellTone::Bad:
            format_set_bg_color(f, kBadFill);
            break;
        case CellTone::Quiet:
            format_set_bg_color(f, kQuietFill);
            break;
        case CellTone::None:
            break;
        }
        m_formats.emplace(key, f);
        return f;
    }

    std::string where(const std::string& sheet, std::size_t row, std::size_t column) const {
        return "sheet '" + sheet + "' cell " + columnLetters(column) + std::to_string(row + 1);
    }

    void text(lxw_worksheet* ws, const std::string& sheet, std::size_t row, std::size_t column,
              const std::string& value, lxw_format* f) {
        // Always a string cell, whatever it begins with: libxlsxwriter writes a formula
        // only through worksheet_write_formula, and a string cell is never evaluated.
        check(worksheet_write_string(ws, static_cast<lxw_row_t>(row),
                                     static_cast<lxw_col_t>(column), value.c_str(), f),
              where(sheet, row, column));
    }

    void number(lxw_worksheet* ws, const std::string& sheet, std::size_t row, std::size_t column,
                double value, lxw_format* f) {
        check(worksheet_write_number(ws, static_cast<lxw_row_t>(row),
                                     static_cast<lxw_col_t>(column), value, f),
              where(sheet, row, column));
    }

    void cell(lxw_worksheet* ws, const std::string& sheet, std::size_t row, std::size_t column,
              const ReportCell& c, const ReportColumn& col) {
        const auto r = static_cast<lxw_row_t>(row);
        const auto k = static_cast<lxw_col_t>(column);
        std::visit(
            [&](const auto& v) {
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, std::monostate>) {
                    if (c.tone != CellTone::None) {
                        check(worksheet_write_blank(ws, r, k, format(Look::Plain, 0, c.tone)),
                              where(sheet, row, column));
                    }
                } else if constexpr (std::is_same_v<V, std::string>) {
                    const bool lines = v.find('\n') != std::string::npos;
                    text(ws, sheet, row, column, v,
                         format(lines ? Look::Wrapped : Look::Plain, 0, c.tone));
                } else if constexpr (std::is_same_v<V, std::int64_t>) {
                    const int places = col.kind == CellKind::Decimal ? col.places : 0;
                    if (v > -kExactInDouble && v < kExactInDouble && places >= 0 &&
                        places <= kMaxPlaces) {
                        // Correctly rounded: the double nearest the decimal written in CSV.
                        const double value = static_cast<double>(v) / std::pow(10.0, places);
                        number(ws, sheet, row, column, value, format(Look::Number, places, c.tone));
                    } else {
                        text(ws, sheet, row, column, csvValue(c, col),
                             format(Look::Plain, 0, c.tone));
                    }
                } else {
                    // Excel's dates run from 1900 to 9999; any other stays ISO text.
                    if (v.ok() && v.year() >= std::chrono::year{1900} &&
                        v.year() <= std::chrono::year{9999}) {
                        lxw_datetime when{};
                        when.year = static_cast<int>(v.year());
                        when.month = static_cast<int>(static_cast<unsigned>(v.month()));
                        when.day = static_cast<int>(static_cast<unsigned>(v.day()));
                        check(worksheet_write_datetime(ws, r, k, &when,
                                                       format(Look::Date, 0, c.tone)),
                              where(sheet, row, column));
                    } else {
                        text(ws, sheet, row, column, csvValue(c, col),
                             format(Look::Plain, 0, c.tone));
                    }
                }
            },
            c.value);
    }

    void sheet(const ReportSheet& s, const std::string& name) {
        lxw_worksheet* ws = addSheet(name);
        const std::size_t columns = s.columns.size();
        if (columns == 0) {
            return;
        }
        if (columns > LXW_COL_MAX || s.rows.size() + 1 > LXW_ROW_MAX) {
            throw std::runtime_error("cannot write " + m_path + ": sheet '" + name +
                                     "' is larger than a spreadsheet allows");
        }
        std::vector<std::size_t> widths(columns, 0);
        for (std::size_t c = 0; c < columns; ++c) {
            const ReportColumn& col = s.columns[c];
            text(ws, name, 0, c, col.name, format(Look::Header));
            widths[c] = characters(col.name);
            if (!col.label.empty() && col.label != col.name) {
                check(worksheet_write_comment(ws, 0, static_cast<lxw_col_t>(c), col.label.c_str()),
                      where(name, 0, c));
            }
        }
        for (std::size_t r = 0; r < s.rows.size(); ++r) {
            rowDone();
            const auto& row = s.rows[r];
            std::size_t lines = 1;
            for (std::size_t c = 0; c < columns && c < row.size(); ++c) {
                if (const auto* t = std::get_if<std::string>(&row[c].value)) {
                    lines = std::max(lines, 1 + static_cast<std::size_t>(
                                                    std::count(t->begin(), t->end(), '\n')));
                }
                cell(ws, name, r + 1, c, row[c], s.columns[c]);
                const std::string shown = s.columns[c].kind == CellKind::Day
                                              ? displayValue(row[c], s.columns[c])
                                              : csvValue(row[c], s.columns[c]);
                widths[c] = std::max(widths[c], widestLine(shown));
            }
            if (lines > 1) {
                // Spreadsheets keep the stored row height on opening: a row with line breaks
                // is given room for them (15 points a line, the default row's height).
                check(worksheet_set_row(
                          ws, static_cast<lxw_row_t>(r + 1),
                          15.0 * static_cast<double>(std::min<std::size_t>(lines, 20)), nullptr),
                      where(name, r + 1, 0));
            }
        }
        for (std::size_t c = 0; c < columns; ++c) {
            // Room for the filter button beside the header; a long text wraps nowhere, so
            // the width stops at what a screen shows.
            const double width = static_cast<double>(std::clamp<std::size_t>(widths[c], 6, 60)) + 4;
            const auto k = static_cast<lxw_col_t>(c);
            check(worksheet_set_column(ws, k, k, width, nullptr), where(name, 0, c));
        }
        worksheet_freeze_panes(ws, 1, 0);
        check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()),
                                   static_cast<lxw_col_t>(columns - 1)),
              "the filter of sheet '" + name + "'");
    }

    /// The chart's figures as a small table (title, y label, then x labels down and one
    /// column per series) and a line chart of them beside it. Every name the chart shows
    /// refers to a cell, because libxlsxwriter takes a name that begins with `=` for a
    /// formula.
    void chart(const ReportChart& c, const std::string& name) {
        lxw_worksheet* ws = addSheet(name);
        constexpr std::size_t kHeadRow = 3;
        constexpr std::size_t kFirstRow = kHeadRow + 1;
        text(ws, name, 0, 0, c.title, format(Look::Title));
        text(ws, name, 1, 0, c.yLabel, format(Look::Note));
        std::size_t labelWidth = 8;
        for (std::size_t i = 0; i < c.xLabels.size(); ++i) {
            text(ws, name, kFirstRow + i, 0, c.xLabels[i], nullptr);
            labelWidth = std::max(labelWidth, characters(c.xLabels[i]));
        }
        check(worksheet_set_column(ws, 0, 0,
                                   static_cast<double>(std::min<std::size_t>(labelWidth, 40)) + 2,
                                   nullptr),
              "the columns of sheet '" + name + "'");
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const auto& [seriesName, values] = c.series[s];
            text(ws, name, kHeadRow, s + 1, seriesName, format(Look::Header));
            for (std::size_t i = 0; i < values.size() && i < c.xLabels.size(); ++i) {
                if (values[i] && std::isfinite(*values[i])) {
                    number(ws, name, kFirstRow + i, s + 1, *values[i], nullptr);
                }
            }
            const auto k = static_cast<lxw_col_t>(s + 1);
            check(worksheet_set_column(
                      ws, k, k,
                      std::clamp<double>(static_cast<double>(characters(seriesName)) + 2, 10, 30),
                      nullptr),
                  "the columns of sheet '" + name + "'");
        }
        if (c.xLabels.empty() || c.series.empty()) {
            return;
        }
        lxw_chart* chart = workbook_add_chart(m_workbook, LXW_CHART_LINE);
        if (!chart) {
            throw std::runtime_error("cannot write " + m_path + ": cannot add the chart '" +
                                     c.title + "'");
        }
        const auto first = static_cast<lxw_row_t>(kFirstRow);
        const auto last = static_cast<lxw_row_t>(kFirstRow + c.xLabels.size() - 1);
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const auto k = static_cast<lxw_col_t>(s + 1);
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(series, name.c_str(), first, 0, last, 0);
            chart_series_set_values(series, name.c_str(), first, k, last, k);
            chart_series_set_name_range(series, name.c_str(), static_cast<lxw_row_t>(kHeadRow), k);
            const SeriesLook& look = kSeriesLooks[s % kSeriesLooks.size()];
            lxw_chart_line line{};
            line.color = look.colour;
            line.width = 2.0F;
            line.dash_type = look.dash;
            chart_series_set_line(series, &line);
            chart_series_set_marker_type(series, look.marker);
            chart_series_set_marker_size(series, 6);
            lxw_chart_line markerLine{};
            markerLine.color = look.colour;
            chart_series_set_marker_line(series, &markerLine);
        }
        chart_title_set_name_range(chart, name.c_str(), 0, 0);
        if (!c.yLabel.empty()) {
            chart_axis_set_name_range(chart->y_axis, name.c_str(), 1, 0);
        }
        if (c.yMax > c.yMin) {
            chart_axis_set_min(chart->y_axis, c.yMin);
            chart_axis_set_max(chart->y_axis, c.yMax);
        }
        chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options place{};
        place.x_scale = 1.6;
        place.y_scale = 1.5;
        check(worksheet_insert_chart_opt(ws, 0, static_cast<lxw_col_t>(c.series.size() + 2), chart,
                                         &place),
              "the chart of sheet '" + name + "'");
    }

    const Report& m_report;
    std::string m_path;
    lxw_workbook* m_workbook = nullptr;
    std::map<std::tuple<Look, int, CellTone>, lxw_format*> m_formats;
    const Progress* m_progress;
    std::size_t m_rows = 0; ///< in every sheet
    std::size_t m_done = 0;
};

} // namespace

std::vector<std::string> xlsxSheetNames(const std::vector<std::string>& wanted) {
    std::vector<std::string> names;
    std::vector<std::string> taken;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const std::string base = validSheetName(wanted[i], i);
        std::string name = base;
        for (int n = 2; std::find(taken.begin(), taken.end(), asciiLower(name)) != taken.end();
             ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = firstCharacters(base, kMaxSheetName - suffix.size()) + suffix;
        }
        taken.push_back(asciiLower(name));
        names.push_back(name);
    }
    return names;
}

void writeXlsx(const Report& report, const std::string& path, const Progress* progress) {
    const auto failed = [&](const std::string& what, int error) {
        return std::runtime_error("cannot " + what + " " + path + ": " +
                                  std::generic_category().message(error));
    };
    // Written beside `path` and renamed over it only when whole (readable by its owner
    // only: a report holds personal records), as the CLI writes every export.
    const std::filesystem::path target(path);
    const std::filesystem::path folder =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".partial-XXXXXX")).string();
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        throw failed("write", errno);
    }
    ::close(fd);
    struct Partial {
        std::string path;
        bool kept = false;
        ~Partial() {
            if (!kept) {
                ::unlink(path.c_str());
            }
        }
    } partial{temp};
    Writer(report, path, temp, progress).write();
    reportProgress(progress, 0.95, "writing the workbook was cancelled");
    // libxlsxwriter closes its file without flushing it to the disk.
    const int written = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (written < 0 || ::fsync(written) != 0) {
        const int error = errno;
        if (written >= 0) {
            ::close(written);
        }
        throw failed("write", error);
    }
    ::close(written);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        throw failed("replace", errno);
    }
    partial.kept = true;
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace ledger
