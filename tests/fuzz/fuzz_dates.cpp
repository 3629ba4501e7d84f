// Date parsing and arithmetic: a parsed date formats back to the same text, and month
// arithmetic always gives a real date.
#include "base/date.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto iso = ledger::parseIsoDate(text)) {
        if (!iso->ok() || ledger::formatIso(*iso) != text) {
            std::abort();
        }
        const int months = size > 0 ? static_cast<int>(data[0] % 64) - 16 : 1;
        const ledger::Date moved = ledger::addMonths(*iso, months);
        if (!moved.ok() || moved.day() > iso->day()) {
            std::abort();
        }
        if (ledger::fromDayNumber(ledger::toDayNumber(*iso)) != *iso) {
            std::abort();
        }
    }
    if (const auto uk = ledger::parseUkDate(text)) {
        if (!uk->ok() || ledger::formatUk(*uk) != text) {
            std::abort();
        }
    }
    return 0;
}
