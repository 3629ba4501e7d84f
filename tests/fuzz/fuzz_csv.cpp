// The CSV reader on arbitrary bytes: it must never crash, and what it reads must survive a
// write and a second read unchanged.
#include "ledger/csv.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ledger::CsvDocument doc = ledger::parseCsv(text);
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
