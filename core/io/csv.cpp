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

} // namespace

/// Reads a text record by record, within the limits (see parseCsv), from a source read in
/// pieces: only the piece being read is held, plus the record being built.
class CsvReader::Impl {
public:
    explicit Impl(CsvSource& source) : m_source(source) {
        if (has() && m_chunk.starts_with("\xEF\xBB\xBF")) {
            m_i = 3;
        }
        const std::uint64_t size = source.size();
        m_rescanBudget = size >= position() ? size - position() : 0;
    }

    bool next(CsvRecord& out, std::vector<CsvError>& errors) {
        m_errors = &errors;
        while (has()) {
            if (readRecord(out)) {
                return true;
            }
        }
        return false;
    }

    [[nodiscard]] std::uint64_t position() const { return m_chunkStart + m_i; }

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

    /// True while there is a byte at the current position (reading the next piece when the
    /// current one is used up).
    bool has() {
        while (m_i >= m_chunk.size()) {
            if (m_atEnd) {
                return false;
            }
            m_chunkStart += m_chunk.size();
            m_chunk = m_source.next();
            m_i = 0;
            if (m_chunk.empty()) {
                m_atEnd = true;
                return false;
            }
        }
        return true;
    }
    [[nodiscard]] char cur() const { return m_chunk[m_i]; }
    void advance() { ++m_i; }

    bool at(char c) { return has() && cur() == c; }
    bool atLineEnd() { return has() && (cur() == '\r' || cur() == '\n'); }

    /// Moves to an earlier offset of the source.
    void seekTo(std::uint64_t offset) {
        if (offset >= m_chunkStart && offset <= m_chunkStart + m_chunk.size()) {
            m_i = static_cast<std::size_t>(offset - m_chunkStart);
            m_atEnd = false;
            return;
        }
        m_source.seek(offset);
        m_chunkStart = offset;
        m_chunk = {};
        m_i = 0;
        m_atEnd = false;
    }

    /// Moves past a CR, LF or CRLF at the current position: one line.
    void consumeLineEnd() {
        const bool cr = cur() == '\r';
        advance();
        if (cr && at('\n')) {
            advance();
        }
        ++m_line;
    }

    /// Moves to the start of the next physical line.
    void skipLine() {
        while (has() && !atLineEnd()) {
            advance();
        }
        if (has()) {
            consumeLineEnd();
        }
    }

    void problem(Record& r, std::size_t column, std::string message) {
        // Past the column limit every field is "the 201st": a problem found there (a quote
        // never closed) is placed at the limit, never at a column no file may have.
        m_errors->push_back(
            CsvError{r.record.line, std::min(column, kMaxCsvColumns), std::move(message)});
        r.keep = false;
    }

    /// The end (in the current piece) of the run of bytes from the current position that
    /// holds no quote, CR, LF (nor, outside quotes, comma).
    [[nodiscard]] std::size_t runEnd(bool quoted) const {
        std::size_t end = m_i;
        while (end < m_chunk.size()) {
            const char c = m_chunk[end];
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

    /// Reads one record; true when it is kept (in `out`).
    bool readRecord(CsvRecord& out) {
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
                return false;
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
            out = std::move(r.record);
            return true;
        }
        return false;
    }

    End readPlain(Record& r, std::size_t column, std::string& field) {
        std::string overLimit;
        while (has()) {
            if (const std::size_t end = runEnd(false); end > m_i) {
                if (!store(r, field, m_chunk.substr(m_i, end - m_i), &overLimit)) {
                    problem(r, column, std::move(overLimit));
                }
                m_i = end;
                continue;
            }
            const char c = cur();
            if (c == ',') {
                advance();
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
        constexpr std::uint64_t kNone = ~std::uint64_t{0};
        std::uint64_t nextLineStart = kNone;
        advance();
        for (;;) {
            if (!has()) {
                problem(r, column,
                        "a quoted field opened on line " + std::to_string(quoteLine) +
                            " is never closed (missing \")");
                // Read again from the line after the opening quote, once over the text at
                // most, so that what follows a stray quote is still checked.
                if (nextLineStart != kNone) {
                    const std::uint64_t rescan = position() - nextLineStart;
                    if (rescan <= m_rescanBudget) {
                        m_rescanBudget -= rescan;
                        seekTo(nextLineStart);
                        m_line = quoteLine + 1;
                    }
                }
                return End::Abandoned;
            }
            if (const std::size_t end = runEnd(true); end > m_i) {
                store(r, field, m_chunk.substr(m_i, end - m_i), &overLimit);
                m_i = end;
                continue;
            }
            const char c = cur();
            if (c == '"') {
                advance();
                if (at('"')) {
                    store(r, field, "\"", &overLimit);
                    advance();
                    continue;
                }
                break;
            }
            store(r, field, std::string_view(&c, 1), &overLimit);
            advance();
            const bool lineBreak = c == '\n' || (c == '\r' && !at('\n'));
            if (lineBreak) {
                ++m_line;
                if (nextLineStart == kNone) {
                    nextLineStart = position();
                }
            }
        }
        if (!overLimit.empty()) {
            problem(r, column, std::move(overLimit));
        }
        if (has() && !at(',') && !atLineEnd()) {
            if (reportable && r.storing) {
                problem(r, column,
                        "unexpected text after a closing quote (write \"\" for a quote)");
            }
            r.keep = false;
            skipLine();
            return End::Abandoned;
        }
        if (at(',')) {
            advance();
            return End::Separator;
        }
        if (atLineEnd()) {
            consumeLineEnd();
        }
        return End::Record;
    }

    CsvSource& m_source;
    std::string_view m_chunk;       ///< the piece being read
    std::uint64_t m_chunkStart = 0; ///< its offset in the source
    std::size_t m_i = 0;            ///< the current position in it
    bool m_atEnd = false;
    int m_line = 1;
    std::uint64_t m_rescanBudget = 0;
    std::vector<CsvError>* m_errors = nullptr;
};

CsvReader::CsvReader(CsvSource& source) : m_impl(std::make_unique<Impl>(source)) {
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(CsvRecord& record, std::vector<CsvError>& errors) {
    return m_impl->next(record, errors);
}

std::uint64_t CsvReader::position() const {
    return m_impl->position();
}

CsvDocument parseCsv(std::string_view text) {
    MemoryCsvSource source(text);
    CsvReader reader(source);
    CsvDocument doc;
    CsvRecord record;
    while (reader.next(record, doc.errors)) {
        doc.records.push_back(std::move(record));
    }
    return doc;
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

namespace {

bool startsLikeAFormula(std::string_view text) {
    return !text.empty() &&
           std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

/// A formula character after any number of `'`: what a leading `'` is added before (and,
/// with at least one `'`, taken from when read).
bool quotedFormula(std::string_view text) {
    const std::size_t quotes = text.find_first_not_of('\'');
    return quotes != std::string_view::npos && startsLikeAFormula(text.substr(quotes));
}

} // namespace

std::string spreadsheetSafe(std::string_view text) {
    if (quotedFormula(text)) {
        return "'" + std::string(text);
    }
    return std::string(text);
}

std::string_view fromSpreadsheetSafe(std::string_view text) {
    if (text.starts_with('\'') && quotedFormula(text)) {
        return text.substr(1);
    }
    return text;
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
