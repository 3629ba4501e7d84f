#pragma once

#include "ledger/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One CSV record and the 1-based line on which it starts.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

/// What an RFC 4180 parse found: the records (header included) and any problems, each with
/// the line it is on (the file name is left for the caller to fill in).
struct CsvDocument {
    std::vector<CsvRecord> records;
    std::vector<FieldError> errors;
};

/// Parses RFC 4180 CSV text: UTF-8 with or without a byte-order mark, CRLF or LF line ends,
/// quoted fields with doubled quotes and embedded line breaks. Blank lines are skipped.
/// Malformed quoting and invalid UTF-8 are reported, never guessed at.
[[nodiscard]] CsvDocument parseCsv(std::string_view text);

/// A field quoted only where it needs to be (comma, quote, CR or LF, or a leading U+FEFF
/// that a reader would take for a byte-order mark).
[[nodiscard]] std::string csvField(std::string_view value);

/// A record of fields joined by commas, ending in `\n`.
[[nodiscard]] std::string csvLine(const std::vector<std::string>& fields);

/// The first invalid UTF-8 byte's offset, or npos when the text is valid UTF-8.
[[nodiscard]] std::size_t findInvalidUtf8(std::string_view text);

} // namespace ledger
