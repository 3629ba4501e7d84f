#pragma once

#include <cstdint>

namespace ledger {

/// Store-assigned identity of a record; 0 means "not stored yet".
using RecordId = std::int64_t;

} // namespace ledger
