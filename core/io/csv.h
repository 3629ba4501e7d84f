#pragma once

#include "base/error.h"

#include <cstddef>
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

/// A field quoted only where it needs to be (comma, quote, CR or LF, or a leading U+FEFF
/// that a reader would take for a byte-order mark).
[[nodiscard]] std::string csvField(std::string_view value);

/// A record of fields joined by commas, ending in `\n`.
[[nodiscard]] std::string csvLine(const std::vector<std::string>& fields);

/// The first invalid UTF-8 byte's offset, or npos when the text is valid UTF-8.
[[nodiscard]] std::size_t findInvalidUtf8(std::string_view text);

} // namespace ledger
