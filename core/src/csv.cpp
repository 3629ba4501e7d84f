#include "ledger/csv.h"

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

CsvDocument parseCsv(std::string_view text) {
    CsvDocument doc;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    if (const std::size_t bad = findInvalidUtf8(text); bad != std::string_view::npos) {
        int line = 1;
        for (std::size_t i = 0; i < bad; ++i) {
            line += text[i] == '\n' ? 1 : 0;
        }
        doc.errors.push_back(FieldError{{}, line, {}, "the file is not valid UTF-8 text"});
        return doc;
    }

    const std::size_t n = text.size();
    std::size_t i = 0;
    int line = 1;
    while (i < n) {
        CsvRecord record;
        record.line = line;
        bool recordDone = false;
        bool broken = false;
        while (!recordDone) {
            std::string field;
            if (i < n && text[i] == '"') {
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field.push_back('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                    }
                    field.push_back(c);
                    ++i;
                }
                if (!closed) {
                    doc.errors.push_back(FieldError{{},
                                                    record.line,
                                                    {},
                                                    "a quoted field opened on line " +
                                                        std::to_string(quoteLine) +
                                                        " is never closed (missing \")"});
                    return doc;
                }
                if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    doc.errors.push_back(FieldError{
                        {},
                        record.line,
                        {},
                        "unexpected text after a closing quote (write \"\" for a quote)"});
                    broken = true;
                }
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"') {
                        doc.errors.push_back(
                            FieldError{{},
                                       record.line,
                                       {},
                                       "a quote inside an unquoted field (quote the whole field)"});
                        broken = true;
                    }
                    field.push_back(text[i]);
                    ++i;
                }
            }
            record.fields.push_back(std::move(field));
            if (broken) {
                // Skip the rest of the physical line and move on to the next record.
                while (i < n && text[i] != '\n') {
                    ++i;
                }
            }
            if (i >= n) {
                recordDone = true;
            } else if (text[i] == ',' && !broken) {
                ++i;
            } else if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
                i += 2;
                ++line;
                recordDone = true;
            } else if (text[i] == '\n') {
                ++i;
                ++line;
                recordDone = true;
            } else if (text[i] == '\r') {
                ++i;
                ++line;
                recordDone = true;
            }
        }
        if (broken) {
            continue;
        }
        const bool blank = record.fields.size() == 1 && record.fields.front().empty();
        if (!blank) {
            doc.records.push_back(std::move(record));
        }
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
