#include "io/csv.h"

#include <algorithm>

namespace ledger {

std::size_t findInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned int codePoint = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        if (i + length > n) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return i;
            }
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        const bool overlong = (length == 2 && codePoint < 0x80) ||
                              (length == 3 && codePoint < 0x800) ||
                              (length == 4 && codePoint < 0x10000);
        if (overlong || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

namespace {

/// "64 KiB (65,536 bytes)".
std::string bytesLimit(std::size_t bytes, const char* unit, std::size_t inUnit) {
    std::string digits = std::to_string(bytes);
    for (std::size_t at = digits.size(); at > 3; at -= 3) {
        digits.insert(at - 3, ",");
    }
    return std::to_string(bytes / inUnit) + " " + unit + " (" + digits + " bytes)";
}

/// Reads a whole text record by record, within the limits (see parseCsv).
class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text), m_rescanBudget(text.size()) {}

    CsvDocument run() {
        while (m_pos < m_text.size()) {
            readRecord();
        }
        return std::move(m_doc);
    }

private:
    /// How a field ended.
    enum class End { Separator, Record, Abandoned };

    /// The record being read.
    struct Record {
        CsvRecord record;
        std::size_t bytes = 0; ///< stored so far, over all its fields
        bool keep = true;      ///< false once it has a problem: read to its end, not returned
        bool storing = true;   ///< false once it is over a limit: its fields are not stored
    };

    [[nodiscard]] bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
    [[nodiscard]] bool atLineEnd() const { return at('\r') || at('\n'); }

    /// Moves past a CR, LF or CRLF at the current position: one line.
    void consumeLineEnd() {
        m_pos += at('\r') && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n' ? 2u : 1u;
        ++m_line;
    }

    /// Moves to the start of the next physical line.
    void skipLine() {
        while (m_pos < m_text.size() && !atLineEnd()) {
            ++m_pos;
        }
        if (m_pos < m_text.size()) {
            consumeLineEnd();
        }
    }

    void problem(Record& r, std::size_t column, std::string message) {
        // Past the column limit every field is "the 201st": a problem found there (a quote
        // never closed) is placed at the limit, never at a column no file may have.
        m_doc.errors.push_back(
            CsvError{r.record.line, std::min(column, kMaxCsvColumns), std::move(message)});
        r.keep = false;
    }

    /// The end of the run of bytes from `from` that holds no quote, CR, LF (nor, outside
    /// quotes, comma).
    [[nodiscard]] std::size_t runEnd(std::size_t from, bool quoted) const {
        std::size_t end = from;
        while (end < m_text.size()) {
            const char c = m_text[end];
            if (c == '"' || c == '\r' || c == '\n' || (c == ',' && !quoted)) {
                break;
            }
            ++end;
        }
        return end;
    }

    /// Stores more bytes of a field, or (at the first byte past a limit) gives the limit it
    /// breaks in `overLimit` and stops storing the record. Returns false when it did that.
    bool store(Record& r, std::string& field, std::string_view bytes, std::string* overLimit) {
        if (!r.storing) {
            return true;
        }
        const std::size_t fieldRoom = kMaxCsvFieldBytes - field.size();
        const std::size_t recordRoom = kMaxCsvRecordBytes - r.bytes;
        if (bytes.size() <= fieldRoom && bytes.size() <= recordRoom) {
            field.append(bytes);
            r.bytes += bytes.size();
            return true;
        }
        *overLimit =
            fieldRoom <= recordRoom
                ? "the field is longer than " + bytesLimit(kMaxCsvFieldBytes, "KiB", 1024)
                : "the record is longer than " + bytesLimit(kMaxCsvRecordBytes, "MiB", 1024 * 1024);
        r.storing = false;
        r.keep = false;
        field.clear();
        field.shrink_to_fit();
        return false;
    }

    void readRecord() {
        Record r;
        r.record.line = m_line;
        for (std::size_t column = 0;; ++column) {
            if (column == kMaxCsvColumns && r.storing) {
                problem(r, column,
                        "the record has more than " + std::to_string(kMaxCsvColumns) +
                            " fields (the most a file may have)");
                r.storing = false;
            }
            std::string field;
            const End end = at('"') ? readQuoted(r, column, field) : readPlain(r, column, field);
            if (end == End::Abandoned) {
                return;
            }
            if (r.storing) {
                if (const std::size_t bad = findInvalidUtf8(field); bad != std::string::npos) {
                    problem(r, column,
                            "the text is not valid UTF-8 (at byte " + std::to_string(bad + 1) +
                                " of the field; save the file as UTF-8)");
                }
                r.record.fields.push_back(std::move(field));
            }
            if (end == End::Record) {
                break;
            }
        }
        const bool blank = r.record.fields.size() == 1 && r.record.fields.front().empty();
        if (r.keep && !blank) {
            m_doc.records.push_back(std::move(r.record));
        }
    }

    End readPlain(Record& r, std::size_t column, std::string& field) {
        std::string overLimit;
        while (m_pos < m_text.size()) {
            if (const std::size_t end = runEnd(m_pos, false); end > m_pos) {
                if (!store(r, field, m_text.substr(m_pos, end - m_pos), &overLimit)) {
                    problem(r, column, std::move(overLimit));
                }
                m_pos = end;
                continue;
            }
            const char c = m_text[m_pos];
            if (c == ',') {
                ++m_pos;
                return End::Separator;
            }
            if (c == '\r' || c == '\n') {
                consumeLineEnd();
                return End::Record;
            }
            if (c == '"') {
                if (r.storing) {
                    problem(r, column, "a quote inside an unquoted field (quote the whole field)");
                }
                skipLine();
                return End::Abandoned;
            }
        }
        return End::Record;
    }

    End readQuoted(Record& r, std::size_t column, std::string& field) {
        const int quoteLine = m_line;
        const bool reportable = r.storing;
        std::string overLimit; // reported when the field ends, unless it never does
        std::size_t nextLineStart = std::string_view::npos;
        ++m_pos;
        for (;;) {
            if (m_pos >= m_text.size()) {
                problem(r, column,
                        "a quoted field opened on line " + std::to_string(quoteLine) +
                            " is never closed (missing \")");
                // Read again from the line after the opening quote, once over the text at
                // most, so that what follows a stray quote is still checked.
                const std::size_t rescan = m_text.size() - nextLineStart;
                if (nextLineStart != std::string_view::npos && rescan <= m_rescanBudget) {
                    m_rescanBudget -= rescan;
                    m_pos = nextLineStart;
                    m_line = quoteLine + 1;
                }
                return End::Abandoned;
            }
            if (const std::size_t end = runEnd(m_pos, true); end > m_pos) {
                store(r, field, m_text.substr(m_pos, end - m_pos), &overLimit);
                m_pos = end;
                continue;
            }
            const char c = m_text[m_pos];
            if (c == '"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                    store(r, field, "\"", &overLimit);
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            const bool lineBreak =
                c == '\n' ||
                (c == '\r' && !(m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n'));
            store(r, field, m_text.substr(m_pos, 1), &overLimit);
            ++m_pos;
            if (lineBreak) {
                ++m_line;
                if (nextLineStart == std::string_view::npos) {
                    nextLineStart = m_pos;
                }
            }
        }
        if (!overLimit.empty()) {
            problem(r, column, std::move(overLimit));
        }
        if (m_pos < m_text.size() && !at(',') && !atLineEnd()) {
            if (reportable && r.storing) {
                problem(r, column,
                        "unexpected text after a closing quote (write \"\" for a quote)");
            }
            r.keep = false;
            skipLine();
            return End::Abandoned;
        }
        if (at(',')) {
            ++m_pos;
            return End::Separator;
        }
        if (atLineEnd()) {
            consumeLineEnd();
        }
        return End::Record;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::size_t m_rescanBudget;
    CsvDocument m_doc;
};

} // namespace

CsvDocument parseCsv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    return Reader(text).run();
}

std::string csvField(std::string_view value) {
    // A leading U+FEFF is quoted so that a reader cannot take it for a byte-order mark.
    if (value.find_first_of(",\"\r\n") == std::string_view::npos &&
        !value.starts_with("\xEF\xBB\xBF")) {
        return std::string(value);
    }
    std::string out;
    out.reserve(value.size() + 2);
    out.push_back('"');
    for (const char c : value) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out += csvField(fields[i]);
    }
    out.push_back('\n');
    return out;
}

} // namespace ledger
