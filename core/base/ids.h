#pragma once

#include <cstdint>

namespace ledger {

/// Store-assigned identity of a record; 0 means "not stored yet".
using RecordId = std::int64_t;

/// How many times a stored record has been saved: 1 when added, one more at each change. A
/// form keeps the version it loaded and hands it back with the save, which is refused
/// (StaleRecord) when someone else saved the record in between; 0 means "not read from the
/// ledger" (the CLI, an import), which is not checked. It is not part of a record's value:
/// two records with the same fields compare equal whatever their versions.
struct RecordVersion {
    std::int64_t value = 0;

    [[nodiscard]] bool known() const { return value != 0; }
    friend bool operator==(RecordVersion, RecordVersion) { return true; }
};

} // namespace ledger
