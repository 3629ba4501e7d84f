// The loader behind the seal (issue 13): what an archive holds once the seal has
// authenticated it (as if under a fixed test key, the step skipped), parsed in memory. Any
// bytes at all give whole tables and rows or ArchiveDamaged; never a crash, never an
// allocation beyond what the bytes themselves hold (toolchain.md section 5).
// The seeds (seeds/fuzz_archive_payload) are payloads this version writes.
#include "archive/ledger_archive.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        ledger::archive::PayloadReader reader(in);
        ledger::TableColumns table;
        ledger::RawRow row;
        while (reader.nextTable(table)) {
            if (table.columns.empty() || table.columns.size() > ledger::archive::kMaxColumns) {
                std::abort();
            }
            while (reader.nextRow(row)) {
                if (row.size() != table.columns.size()) {
                    std::abort();
                }
            }
        }
    } catch (const ledger::archive::ArchiveDamaged&) {
    }
    return 0;
}
