// The CSV reader on arbitrary bytes: it must never crash, every record it returns is within
// the limits (fields, record, columns), every problem has a line inside the text, and what it
// reads must survive a write and a second read unchanged.
#include "io/csv.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ledger::CsvDocument doc = ledger::parseCsv(text);
    int lines = 1;
    for (const char c : text) {
        lines += c == '\n' || c == '\r' ? 1 : 0;
    }
    for (const ledger::CsvError& e : doc.errors) {
        if (e.line < 1 || e.line > lines || e.column > ledger::kMaxCsvColumns ||
            e.message.empty()) {
            std::abort();
        }
    }
    for (const ledger::CsvRecord& record : doc.records) {
        std::size_t bytes = 0;
        for (const std::string& field : record.fields) {
            if (field.size() > ledger::kMaxCsvFieldBytes) {
                std::abort();
            }
            bytes += field.size();
        }
        if (record.fields.size() > ledger::kMaxCsvColumns || bytes > ledger::kMaxCsvRecordBytes ||
            record.line < 1 || record.line > lines) {
            std::abort();
        }
    }
    if (!doc.errors.empty()) {
        return 0;
    }
    std::string written;
    for (const ledger::CsvRecord& record : doc.records) {
        written += ledger::csvLine(record.fields);
    }
    const ledger::CsvDocument again = ledger::parseCsv(written);
    if (!again.errors.empty() || again.records.size() != doc.records.size()) {
        std::abort();
    }
    for (std::size_t i = 0; i < doc.records.size(); ++i) {
        if (again.records[i].fields != doc.records[i].fields) {
            std::abort();
        }
    }
    return 0;
}
