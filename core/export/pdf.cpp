#include "export/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <type_traits>

namespace ledger {
namespace {

// A4 in points, 20 mm margins, and a footer band inside the bottom margin.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.693;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kBodyTop = kMargin;
constexpr double kBodyBottom = kPageHeight - kMargin - 18;
constexpr double kCellPad = 4;

struct Colour {
    double r = 0, g = 0, b = 0;
};
constexpr Colour kInk{0.10, 0.10, 0.12};
constexpr Colour kQuiet{0.35, 0.35, 0.40};
constexpr Colour kRuleColour{0.75, 0.75, 0.78};
constexpr Colour kHeaderFill{0.90, 0.91, 0.94};
constexpr Colour kMarkFill{1.00, 0.92, 0.78};
constexpr Colour kGridColour{0.86, 0.86, 0.88};

/// A tone's ink (the status word) and paper (its box, or a table cell's shade): light
/// enough papers that black text reads on each.
struct TonePaint {
    Colour ink;
    Colour paper;
};
TonePaint paint(doc::Tone tone) {
    switch (tone) {
    case doc::Tone::Good:
        return {{0.05, 0.40, 0.15}, {0.86, 0.95, 0.87}};
    case doc::Tone::Bad:
        return {{0.65, 0.08, 0.08}, {0.99, 0.88, 0.87}};
    case doc::Tone::Warning:
        return {{0.50, 0.32, 0.00}, {1.00, 0.93, 0.74}};
    case doc::Tone::Quiet:
        return {{0.35, 0.35, 0.40}, {0.91, 0.91, 0.92}};
    case doc::Tone::Neutral:
        break;
    }
    return {kInk, {0.92, 0.92, 0.92}};
}

/// How a chart's series are told apart: by colour, and by dash and marker for a greyscale
/// print. Dashes are in points, on then off.
enum class Marker { Circle, Square, Triangle, Diamond, Cross, Plus };
struct SeriesLook {
    Colour colour;
    std::array<double, 4> dash; ///< zeros at the end are unused; all zero is a solid line
    Marker marker;
};
constexpr std::array<SeriesLook, 6> kSeriesLooks{{
    {{0.12, 0.31, 0.60}, {0, 0, 0, 0}, Marker::Circle},
    {{0.75, 0.25, 0.22}, {6, 3, 0, 0}, Marker::Square},
    {{0.15, 0.48, 0.20}, {1.2, 2.6, 0, 0}, Marker::Triangle},
    {{0.48, 0.25, 0.60}, {8, 3, 1.5, 3}, Marker::Diamond},
    {{0.85, 0.45, 0.00}, {12, 4, 0, 0}, Marker::Cross},
    {{0.25, 0.25, 0.25}, {4, 2, 1, 2}, Marker::Plus},
}};

/// A round step for about five y-axis intervals over `range` (1, 2, 2.5 or 5 times a power
/// of ten).
double tickStep(double range) {
    const double rough = range / 5;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * power >= rough * 0.999) {
            return m * power;
        }
    }
    return 10 * power;
}

std::string tickLabel(double value, double step) {
    // As many decimals as the step needs, and no "-0".
    int places = 0;
    while (places < 6 && std::fabs(step * std::pow(10.0, places) -
                                   std::round(step * std::pow(10.0, places))) > 1e-6) {
        ++places;
    }
    if (std::fabs(value) < step * 1e-9) {
        value = 0;
    }
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), "%.*f", places, value);
    return text.data();
}

struct Style {
    const char* font;
    Colour colour;
};
constexpr Style kTitle{"DejaVu Sans Bold 18", kInk};
constexpr Style kSubtitle{"DejaVu Sans 10.5", kQuiet};
constexpr Style kHeading1{"DejaVu Sans Bold 12.5", kInk};
constexpr Style kHeading2{"DejaVu Sans Bold 11", kInk};
constexpr Style kBody{"DejaVu Sans 9.5", kInk};
constexpr Style kBold{"DejaVu Sans Bold 9.5", kInk};
constexpr Style kSmall{"DejaVu Sans 8", kQuiet};
constexpr Style kCell{"DejaVu Sans 8.5", kInk};
constexpr Style kCellBold{"DejaVu Sans Bold 8.5", kInk};

struct LayoutFree {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutFree>;

double points(int pangoUnits) {
    return static_cast<double>(pangoUnits) / PANGO_SCALE;
}

int pangoUnits(double pt) {
    return static_cast<int>(pt * PANGO_SCALE);
}

/// Lays the document out page by page. Run once without drawing to count the pages, then
/// again drawing them: the layout is the same both times.
class Writer {
public:
    /// How far a run has got: its share of the whole, `from` to `from + span`.
    struct Share {
        const Progress* progress = nullptr;
        double from = 0;
        double span = 1;
    };

    Writer(cairo_t* cr, const doc::Document& document, bool draw, int pageCount, Share share)
        : m_cr(cr), m_document(document), m_draw(draw), m_pageCount(pageCount), m_share(share),
          m_units(units(document)) {}

    int run() {
        titleBlock();
        for (const doc::Block& block : m_document.blocks) {
            std::visit([this](const auto& b) { put(b); }, block);
            tick();
        }
        endPage();
        return m_page;
    }

    /// The steps a run reports: one a block and one a table row.
    static std::size_t units(const doc::Document& document) {
        std::size_t n = 0;
        for (const doc::Block& block : document.blocks) {
            const auto* table = std::get_if<doc::Table>(&block);
            n += 1 + (table ? table->rows.size() : 0);
        }
        return std::max<std::size_t>(n, 1);
    }

private:
    /// One step done: reported every 64 steps (and cancelled there when asked).
    void tick() {
        ++m_done;
        if (m_done % 64 == 0 || m_done == m_units) {
            reportProgress(m_share.progress,
                           m_share.from + m_share.span * static_cast<double>(m_done) /
                                              static_cast<double>(m_units),
                           "writing the PDF was cancelled");
        }
    }

    Layout layout(const std::string& text, const Style& style, double width) {
        Layout out(pango_cairo_create_layout(m_cr));
        PangoFontDescription* font = pango_font_description_from_string(style.font);
        pango_layout_set_font_description(out.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(out.get(), pangoUnits(width));
        pango_layout_set_wrap(out.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(out.get(), text.data(), static_cast<int>(text.size()));
        return out;
    }

    static double height(PangoLayout* l) {
        int w = 0;
        int h = 0;
        pango_layout_get_size(l, &w, &h);
        return points(h);
    }

    static double firstLineHeight(PangoLayout* l) {
        PangoLayoutIter* it = pango_layout_get_iter(l);
        int y0 = 0;
        int y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        pango_layout_iter_free(it);
        return points(y1 - y0);
    }

    void colour(const Colour& c) { cairo_set_source_rgb(m_cr, c.r, c.g, c.b); }

    void fill(double x, double y, double w, double h, const Colour& c) {
        if (m_draw) {
            colour(c);
            cairo_rectangle(m_cr, x, y, w, h);
            cairo_fill(m_cr);
        }
    }

    void rule(double y, const Colour& c, double width = 0.6) {
        if (m_draw) {
            colour(c);
            cairo_set_line_width(m_cr, width);
            cairo_move_to(m_cr, kMargin, y);
            cairo_line_to(m_cr, kMargin + kBodyWidth, y);
            cairo_stroke(m_cr);
        }
    }

    /// Draws a whole layout with its top-left at (x, y) (no page break inside).
    void show(PangoLayout* l, double x, double y, const Colour& c) {
        if (m_draw) {
            colour(c);
            cairo_move_to(m_cr, x, y);
            pango_cairo_show_layout(m_cr, l);
        }
    }

    /// Text that may run over pages, line by line from the current position.
    void flow(PangoLayout* l, double x, const Colour& c) {
        PangoLayoutIter* it = pango_layout_get_iter(l);
        do {
            int y0 = 0;
            int y1 = 0;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            const double lineHeight = points(y1 - y0);
            room(lineHeight);
            if (m_draw) {
                PangoRectangle logical{};
                pango_layout_iter_get_line_extents(it, nullptr, &logical);
                colour(c);
                cairo_move_to(m_cr, x + points(logical.x),
                              m_y + points(pango_layout_iter_get_baseline(it) - y0));
                pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(it));
            }
            m_y += lineHeight;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    /// Starts a new page unless `needed` points fit below the current position (a block
    /// at the top of a page is never moved on: it would not fit the next one either).
    void room(double needed) {
        if (m_y + needed > kBodyBottom && m_y > kBodyTop + 0.5) {
            endPage();
            ++m_page;
            m_y = kBodyTop;
            if (m_repeat) {
                m_repeat();
            }
        }
    }

    void endPage() {
        const std::string number =
            "Page " + std::to_string(m_page) + " of " + std::to_string(m_pageCount);
        Layout right = layout(number, kSmall, kBodyWidth);
        pango_layout_set_alignment(right.get(), PANGO_ALIGN_RIGHT);
        Layout left = layout(m_document.footer, kSmall, kBodyWidth * 0.75);
        pango_layout_set_ellipsize(left.get(), PANGO_ELLIPSIZE_END);
        const double y = kPageHeight - kMargin;
        rule(y - 4, kRuleColour, 0.4);
        show(left.get(), kMargin, y, kSmall.colour);
        show(right.get(), kMargin, y, kSmall.colour);
        if (m_draw) {
            cairo_show_page(m_cr);
        }
    }

    void titleBlock() {
        m_y = kBodyTop;
        Layout title = layout(m_document.title, kTitle, kBodyWidth);
        flow(title.get(), kMargin, kTitle.colour);
        if (!m_document.subtitle.empty()) {
            m_y += 3;
            Layout subtitle = layout(m_document.subtitle, kSubtitle, kBodyWidth);
            flow(subtitle.get(), kMargin, kSubtitle.colour);
        }
        m_y += 6;
        rule(m_y, kInk, 1.0);
        m_y += 10;
    }

    void put(const doc::Heading& h) {
        const Style& style = h.level <= 1 ? kHeading1 : kHeading2;
        Layout l = layout(h.text, style, kBodyWidth);
        m_y += h.level <= 1 ? 10 : 6;
        // Kept with at least two lines of what follows.
        room(height(l.get()) + 30);
        flow(l.get(), kMargin, style.colour);
        if (h.level <= 1) {
            m_y += 2;
            rule(m_y, kRuleColour);
        }
        m_y += 5;
    }

    void put(const doc::Paragraph& p) {
        const Style& style = p.quiet ? kSmall : kBody;
        Layout l = layout(p.text, style, kBodyWidth);
        flow(l.get(), kMargin, style.colour);
        m_y += 6;
    }

    void put(const doc::Field& f) {
        Layout label = layout(f.label, kBold, kBodyWidth);
        const bool none = f.value.empty();
        Layout value = layout(none ? "(none)" : f.value, none ? kSmall : kBody, kBodyWidth - 10);
        room(height(label.get()) + 2 + firstLineHeight(value.get()));
        flow(label.get(), kMargin, kBold.colour);
        m_y += 2;
        flow(value.get(), kMargin + 10, none ? kSmall.colour : kBody.colour);
        m_y += 7;
    }

    void put(const doc::Status& s) {
        Layout label = layout(s.label, kBold, kBodyWidth);
        Layout word = layout(s.word, kBold, kBodyWidth);
        pango_layout_set_width(word.get(), -1);
        int wordWidth = 0;
        int wordHeight = 0;
        pango_layout_get_size(word.get(), &wordWidth, &wordHeight);
        const double boxWidth = points(wordWidth) + 2 * kCellPad + 2;
        const double detailX = kMargin + boxWidth + 8;
        Layout detail = layout(s.detail, kBody, kMargin + kBodyWidth - detailX);
        const double rowHeight =
            std::max(points(wordHeight) + 2 * kCellPad - 2, height(detail.get()));
        room(height(label.get()) + 3 + rowHeight);
        flow(label.get(), kMargin, kBold.colour);
        m_y += 3;
        const auto [ink, paper] = paint(s.tone);
        fill(kMargin, m_y, boxWidth, points(wordHeight) + 2 * kCellPad - 2, paper);
        show(word.get(), kMargin + kCellPad + 1, m_y + kCellPad - 1, ink);
        show(detail.get(), detailX, m_y + kCellPad - 1, kBody.colour);
        m_y += rowHeight + 8;
    }

    void put(const doc::Table& t) {
        const std::size_t columns = t.header.size();
        if (columns == 0) {
            return;
        }
        std::vector<double> widths = t.widths;
        widths.resize(columns, 1.0);
        const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
        std::vector<double> xs(columns + 1, kMargin);
        for (std::size_t i = 0; i < columns; ++i) {
            xs[i + 1] = xs[i] + kBodyWidth * widths[i] / total;
        }
        // A spanning row has two cells: the first column, and the rest as one.
        const auto cellEnd = [&](std::size_t i, bool span) {
            return span && i == 1 ? xs[columns] : xs[i + 1];
        };
        const auto row = [&](const std::vector<std::string>& cells, const Style& style,
                             bool span = false) {
            std::vector<Layout> layouts;
            double rowHeight = 0;
            const std::size_t count = span ? std::min<std::size_t>(2, columns) : columns;
            for (std::size_t i = 0; i < count; ++i) {
                layouts.push_back(layout(i < cells.size() ? cells[i] : std::string(), style,
                                         cellEnd(i, span) - xs[i] - 2 * kCellPad));
                rowHeight = std::max(rowHeight, height(layouts.back().get()));
            }
            rowHeight += 2 * kCellPad;
            return std::pair{std::move(layouts), rowHeight};
        };
        const auto draw = [&](std::vector<Layout>& layouts, double rowHeight,
                              const Colour* background, const Colour& ink,
                              const std::vector<doc::Tone>& tones = {}, bool span = false) {
            if (background) {
                fill(kMargin, m_y, kBodyWidth, rowHeight, *background);
            }
            for (std::size_t i = 0; i < layouts.size() && i < tones.size(); ++i) {
                if (tones[i] != doc::Tone::Neutral) {
                    fill(xs[i], m_y, cellEnd(i, span) - xs[i], rowHeight, paint(tones[i]).paper);
                }
            }
            if (m_draw) {
                // A row taller than a page is cut at the page's foot.
                cairo_save(m_cr);
                cairo_rectangle(m_cr, kMargin, m_y, kBodyWidth, kBodyBottom - m_y);
                cairo_clip(m_cr);
            }
            for (std::size_t i = 0; i < layouts.size(); ++i) {
                show(layouts[i].get(), xs[i] + kCellPad, m_y + kCellPad, ink);
            }
            if (m_draw) {
                cairo_restore(m_cr);
            }
            m_y += rowHeight;
            rule(m_y, kRuleColour, 0.4);
        };
        const auto header = [&] {
            auto [layouts, rowHeight] = row(t.header, kCellBold);
            draw(layouts, rowHeight, &kHeaderFill, kInk);
        };
        auto [headLayouts, headHeight] = row(t.header, kCellBold);
        const double firstRow = t.rows.empty() ? 0 : row(t.rows.front().cells, kCell).second;
        room(headHeight + firstRow);
        draw(headLayouts, headHeight, &kHeaderFill, kInk);
        m_repeat = header;
        for (const doc::TableRow& r : t.rows) {
            auto [layouts, rowHeight] = row(r.cells, r.marked ? kCellBold : kCell, r.spanRest);
            room(rowHeight);
            draw(layouts, rowHeight, r.marked ? &kMarkFill : nullptr, kInk, r.tones, r.spanRest);
            tick();
        }
        m_repeat = nullptr;
        m_y += 8;
    }

    /// A layout on one line (no wrapping), at most `maxWidth` wide: longer text is cut with
    /// an ellipsis.
    Layout line(const std::string& text, const Style& style, double maxWidth) {
        Layout l = layout(text, style, maxWidth);
        pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
        return l;
    }

    static double width(PangoLayout* l) {
        PangoRectangle logical{};
        pango_layout_get_extents(l, nullptr, &logical);
        return points(logical.width);
    }

    void marker(Marker m, double x, double y) {
        constexpr double r = 3.2;
        switch (m) {
        case Marker::Circle:
            cairo_new_sub_path(m_cr);
            cairo_arc(m_cr, x, y, r, 0, 2 * std::numbers::pi);
            cairo_fill(m_cr);
            break;
        case Marker::Square:
            cairo_rectangle(m_cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
            cairo_fill(m_cr);
            break;
        case Marker::Triangle:
            cairo_move_to(m_cr, x, y - r * 1.15);
            cairo_line_to(m_cr, x + r * 1.1, y + r * 0.8);
            cairo_line_to(m_cr, x - r * 1.1, y + r * 0.8);
            cairo_close_path(m_cr);
            cairo_fill(m_cr);
            break;
        case Marker::Diamond:
            cairo_move_to(m_cr, x, y - r * 1.2);
            cairo_line_to(m_cr, x + r * 1.2, y);
            cairo_line_to(m_cr, x, y + r * 1.2);
            cairo_line_to(m_cr, x - r * 1.2, y);
            cairo_close_path(m_cr);
            cairo_fill(m_cr);
            break;
        case Marker::Cross:
            cairo_move_to(m_cr, x - r, y - r);
            cairo_line_to(m_cr, x + r, y + r);
            cairo_move_to(m_cr, x - r, y + r);
            cairo_line_to(m_cr, x + r, y - r);
            cairo_stroke(m_cr);
            break;
        case Marker::Plus:
            cairo_move_to(m_cr, x - r * 1.2, y);
            cairo_line_to(m_cr, x + r * 1.2, y);
            cairo_move_to(m_cr, x, y - r * 1.2);
            cairo_line_to(m_cr, x, y + r * 1.2);
            cairo_stroke(m_cr);
            break;
        }
    }

    /// Sets the pen for a series' line: its colour, width and dash.
    void pen(const SeriesLook& look) {
        colour(look.colour);
        cairo_set_line_width(m_cr, 1.6);
        cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
        const auto used = static_cast<int>(
            std::count_if(look.dash.begin(), look.dash.end(), [](double d) { return d > 0; }));
        cairo_set_dash(m_cr, look.dash.data(), used, 0);
    }

    void put(const doc::Chart& c) {
        constexpr double kPlotHeight = 210;
        constexpr double kMaxXLabel = 90;
        constexpr double kLegendSample = 26;
        Layout title = layout(c.title, kHeading2, kBodyWidth);
        Layout yLabel = layout(c.yLabel, kSmall, kBodyWidth);
        const double titleHeight = height(title.get()) + 4;
        const double yLabelHeight = c.yLabel.empty() ? 0 : height(yLabel.get()) + 3;
        if (c.xLabels.empty() || c.series.empty()) {
            Layout none = layout("No figures to chart.", kSmall, kBodyWidth);
            room(titleHeight + height(none.get()));
            m_y += 6;
            flow(title.get(), kMargin, kHeading2.colour);
            m_y += 4;
            flow(none.get(), kMargin, kSmall.colour);
            m_y += 8;
            return;
        }

        // The y axis: round ticks over the range (or over the figures when no range is set).
        double yMin = c.yMin;
        double yMax = c.yMax;
        if (!(yMax > yMin) || !std::isfinite(yMin) || !std::isfinite(yMax)) {
            yMin = 0;
            yMax = 0;
            for (const auto& s : c.series) {
                for (const auto& v : s.values) {
                    if (v && std::isfinite(*v)) {
                        yMin = std::min(yMin, *v);
                        yMax = std::max(yMax, *v);
                    }
                }
            }
            if (!(yMax > yMin)) {
                yMax = yMin + 1;
            }
        }
        const double step = tickStep(yMax - yMin);
        std::vector<std::pair<double, Layout>> ticks;
        double tickWidth = 0;
        for (double v = std::ceil(yMin / step - 1e-9) * step; v <= yMax + step * 1e-9; v += step) {
            Layout l = layout(tickLabel(v, step), kSmall, kBodyWidth);
            pango_layout_set_width(l.get(), -1);
            tickWidth = std::max(tickWidth, width(l.get()));
            ticks.emplace_back(v, std::move(l));
        }
        const double left = kMargin + tickWidth + 6;
        const double right = kMargin + kBodyWidth - 4;
        const double plotWidth = right - left;

        // The x labels: every k-th one, k as small as keeps neighbours from touching.
        const std::size_t count = c.xLabels.size();
        const double slot = plotWidth / static_cast<double>(count);
        std::vector<Layout> xLabels;
        double xLabelWidth = 0;
        double xLabelHeight = 0;
        for (const std::string& text : c.xLabels) {
            xLabels.push_back(line(text, kSmall, kMaxXLabel));
            pango_layout_set_width(xLabels.back().get(), -1);
            if (width(xLabels.back().get()) > kMaxXLabel) {
                pango_layout_set_width(xLabels.back().get(), pangoUnits(kMaxXLabel));
            }
            xLabelWidth = std::max(xLabelWidth, width(xLabels.back().get()));
            xLabelHeight = std::max(xLabelHeight, height(xLabels.back().get()));
        }
        const auto every =
            std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((xLabelWidth + 8) / slot)));
        // Markers close together would hide the dashes that tell the lines apart in grey.
        const auto markerEvery =
            std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(10 / slot)));
        const auto xAt = [&](std::size_t i) {
            return left + slot * (static_cast<double>(i) + 0.5);
        };

        // The legend: a sample of each line and its name, wrapped onto as many rows as needed.
        std::vector<Layout> names;
        std::vector<std::pair<double, double>> placeAt; // x, row offset
        double legendX = kMargin;
        double legendY = 0;
        double legendRow = 0;
        for (const auto& s : c.series) {
            names.push_back(line(s.name, kSmall, kBodyWidth - kLegendSample - 6));
            pango_layout_set_width(names.back().get(), -1);
            if (width(names.back().get()) > kBodyWidth - kLegendSample - 6) {
                pango_layout_set_width(names.back().get(),
                                       pangoUnits(kBodyWidth - kLegendSample - 6));
            }
            const double entry = kLegendSample + 4 + width(names.back().get()) + 16;
            legendRow = std::max(legendRow, height(names.back().get()));
            if (legendX > kMargin && legendX + entry > kMargin + kBodyWidth) {
                legendX = kMargin;
                legendY += legendRow + 4;
            }
            placeAt.emplace_back(legendX, legendY);
            legendX += entry;
        }
        const double legendHeight = legendY + legendRow;

        room(titleHeight + yLabelHeight + kPlotHeight + 4 + xLabelHeight + 10 + legendHeight + 8);
        m_y += 6;
        flow(title.get(), kMargin, kHeading2.colour);
        m_y += 4;
        if (!c.yLabel.empty()) {
            show(yLabel.get(), kMargin, m_y, kSmall.colour);
            m_y += yLabelHeight;
        }
        const double top = m_y + 4;
        const double bottom = top + kPlotHeight - 4;
        const auto yAt = [&](double v) {
            return bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
        };
        if (m_draw) {
            cairo_save(m_cr);
            // Gridlines and tick labels first, the axes over them, the lines over all.
            cairo_set_line_width(m_cr, 0.5);
            for (auto& [v, l] : ticks) {
                const double y = yAt(v);
                colour(kGridColour);
                cairo_move_to(m_cr, left, y);
                cairo_line_to(m_cr, right, y);
                cairo_stroke(m_cr);
                show(l.get(), left - 5 - width(l.get()), y - height(l.get()) / 2, kSmall.colour);
            }
            colour(kInk);
            cairo_set_line_width(m_cr, 0.8);
            cairo_move_to(m_cr, left, top);
            cairo_line_to(m_cr, left, bottom);
            cairo_line_to(m_cr, right, bottom);
            cairo_stroke(m_cr);
            for (std::size_t i = 0; i < count; i += every) {
                const double x = xAt(i);
                colour(kInk);
                cairo_move_to(m_cr, x, bottom);
                cairo_line_to(m_cr, x, bottom + 3);
                cairo_stroke(m_cr);
                const double w = width(xLabels[i].get());
                const double lx = std::clamp(x - w / 2, kMargin, kMargin + kBodyWidth - w);
                show(xLabels[i].get(), lx, bottom + 4, kSmall.colour);
            }
            // Values beyond the axis are cut at the plot's edge.
            cairo_rectangle(m_cr, left, top - 4, plotWidth, bottom - top + 8);
            cairo_clip(m_cr);
            for (std::size_t s = 0; s < c.series.size(); ++s) {
                const SeriesLook& look = kSeriesLooks[s % kSeriesLooks.size()];
                const auto& values = c.series[s].values;
                pen(look);
                bool drawing = false;
                for (std::size_t i = 0; i < count && i < values.size(); ++i) {
                    if (!values[i] || !std::isfinite(*values[i])) {
                        drawing = false;
                        continue;
                    }
                    if (drawing) {
                        cairo_line_to(m_cr, xAt(i), yAt(*values[i]));
                    } else {
                        cairo_move_to(m_cr, xAt(i), yAt(*values[i]));
                        drawing = true;
                    }
                }
                cairo_stroke(m_cr);
                cairo_set_dash(m_cr, nullptr, 0, 0);
                cairo_set_line_width(m_cr, 1.3);
                for (std::size_t i = 0; i < count && i < values.size(); ++i) {
                    if (values[i] && std::isfinite(*values[i]) && i % markerEvery == 0) {
                        marker(look.marker, xAt(i), yAt(*values[i]));
                    }
                }
            }
            cairo_restore(m_cr);
        }
        m_y = bottom + 4 + xLabelHeight + 10;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const SeriesLook& look = kSeriesLooks[s % kSeriesLooks.size()];
            const double x = placeAt[s].first;
            const double y = m_y + placeAt[s].second;
            const double mid = y + height(names[s].get()) / 2;
            if (m_draw) {
                cairo_save(m_cr);
                pen(look);
                cairo_move_to(m_cr, x, mid);
                cairo_line_to(m_cr, x + kLegendSample, mid);
                cairo_stroke(m_cr);
                cairo_set_dash(m_cr, nullptr, 0, 0);
                cairo_set_line_width(m_cr, 1.3);
                marker(look.marker, x + kLegendSample / 2, mid);
                cairo_restore(m_cr);
            }
            show(names[s].get(), x + kLegendSample + 4, y, kSmall.colour);
        }
        m_y += legendHeight + 8;
    }

    void put(const doc::PageBreak&) {
        if (m_y > kBodyTop + 0.5) {
            endPage();
            ++m_page;
            m_y = kBodyTop;
        }
    }

    cairo_t* m_cr;
    const doc::Document& m_document;
    bool m_draw;
    int m_pageCount;
    Share m_share;
    std::size_t m_units;
    std::size_t m_done = 0;
    int m_page = 1;
    double m_y = kBodyTop;
    std::function<void()> m_repeat; ///< drawn at the top of each new page (a table's header)
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

std::string renderPdf(const doc::Document& document, const Progress* progress) {
    std::string out;
    // Freed on every way out, a cancel included (the surface first finishes into `out`).
    const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight),
        cairo_surface_destroy);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, document.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   document.author.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Practice Ledger");
    {
        const std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                                    cairo_destroy);
        // Counting the pages is the first half of the work, drawing them the second.
        const int pages = Writer(cr.get(), document, false, 0, {progress, 0.0, 0.5}).run();
        Writer(cr.get(), document, true, pages, {progress, 0.5, 0.5}).run();
    }
    cairo_surface_finish(surface.get());
    const cairo_status_t status = cairo_surface_status(surface.get());
    if (status != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("cannot write the PDF: ") +
                                 cairo_status_to_string(status));
    }
    return out;
}

} // namespace ledger
