#pragma once

#include "base/error.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One CSV record and the 1-based line on which it starts.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

/// The most a CSV file may hold (rules section 7): bytes in one field and in one record
/// (the text of its fields, after unquoting), fields in one record.
inline constexpr std::size_t kMaxCsvFieldBytes = 64 * 1024;
inline constexpr std::size_t kMaxCsvRecordBytes = 1024 * 1024;
inline constexpr std::size_t kMaxCsvColumns = 200;

/// One problem a CSV parse found: the line its record starts on and the 0-based index of
/// the field where it happened (the caller names the column from the header).
struct CsvError {
    int line = 0;
    std::size_t column = 0;
    std::string message;
};

/// What an RFC 4180 parse found: the records (header included) and any problems. A record
/// with a problem is reported and left out; reading goes on with the next record.
struct CsvDocument {
    std::vector<CsvRecord> records;
    std::vector<CsvError> errors;
};

/// Parses RFC 4180 CSV text: UTF-8 with or without a byte-order mark, CRLF, LF or CR line
/// ends (each counts as one line), quoted fields with doubled quotes and embedded line
/// breaks. Blank lines are skipped. Malformed quoting and invalid UTF-8 are reported, never
/// guessed at, each once per field. A field, record or column count over the limits above is
/// reported as soon as it is read and nothing more of that record is kept, so memory stays
/// bounded whatever the text. After a quoted field that is never closed, reading starts
/// again on the line after its opening quote (once over the text at most), so that one stray
/// quote does not hide the problems after it.
[[nodiscard]] CsvDocument parseCsv(std::string_view text);

/// Where CSV text comes from: read front to back in pieces, and read again from an earlier
/// offset only after a quoted field that is never closed (see parseCsv).
class CsvSource {
public:
    virtual ~CsvSource() = default;
    /// The next piece from the current offset, valid until the next call; empty at the end.
    virtual std::string_view next() = 0;
    /// Moves to `offset` bytes from the start.
    virtual void seek(std::uint64_t offset) = 0;
    /// The size of the text, as known when reading started.
    [[nodiscard]] virtual std::uint64_t size() const = 0;
};

/// Text already in memory as a CsvSource (one piece).
class MemoryCsvSource final : public CsvSource {
public:
    explicit MemoryCsvSource(std::string_view text) : m_text(text) {}
    std::string_view next() override {
        const std::string_view rest = m_text.substr(m_offset);
        m_offset = m_text.size();
        return rest;
    }
    void seek(std::uint64_t offset) override {
        m_offset = std::min<std::size_t>(static_cast<std::size_t>(offset), m_text.size());
    }
    [[nodiscard]] std::uint64_t size() const override { return m_text.size(); }

private:
    std::string_view m_text;
    std::size_t m_offset = 0;
};

/// parseCsv one record at a time, over a source read in pieces: memory stays bounded by the
/// limits above whatever the size of the text. Records and problems come in line order.
class CsvReader {
public:
    explicit CsvReader(CsvSource& source);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    /// The next record without a problem (blank lines skipped); false at the end. Problems
    /// found on the way are added to `errors`.
    bool next(CsvRecord& record, std::vector<CsvError>& errors);
    /// How many bytes of the source have been read so far (for progress).
    [[nodiscard]] std::uint64_t position() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A field quoted only where it needs to be (comma, quote, CR or LF, or a leading U+FEFF
/// that a reader would take for a byte-order mark).
[[nodiscard]] std::string csvField(std::string_view value);

/// A record of fields joined by commas, ending in `\n`.
[[nodiscard]] std::string csvLine(const std::vector<std::string>& fields);

/// A text cell for a CSV the product writes (compliance rules section 9): one beginning with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that a spreadsheet
/// never runs it as a formula. So that an import of the product's own CSV reads every text
/// back as it was (see fromSpreadsheetSafe), a text whose `'`s at the start are followed by
/// such a character gets one more (`'=x` is written `''=x`). Numbers, dates and choice codes
/// are not text cells and do not go through it.
[[nodiscard]] std::string spreadsheetSafe(std::string_view text);

/// A text cell as an import reads it: spreadsheetSafe undone. A text beginning with `'`
/// followed by `=`, `+`, `-`, `@`, a tab or a carriage return (after any further `'`s) loses
/// its first `'`; any other text is unchanged.
[[nodiscard]] std::string_view fromSpreadsheetSafe(std::string_view text);

/// The first invalid UTF-8 byte's offset, or npos when the text is valid UTF-8.
[[nodiscard]] std::size_t findInvalidUtf8(std::string_view text);

} // namespace ledger
