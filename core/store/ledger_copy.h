#pragma once

// Moving a whole ledger between engines: a file to a server and back. Every row goes as it
// is (ids, the links between records and the change log, with its actors and times), in one
// transaction on the target.

#include "base/progress.h"
#include "store/store.h"

#include <vector>

namespace ledger {

/// The tables of a ledger in the order a copy writes them, and what each carries. Staff and
/// modules are written without their change-log links, which follow once the change log is
/// in (an entry names its person, a record its entries).
[[nodiscard]] const std::vector<TableColumns>& ledgerTables();

/// Throws AlreadyExists when `to` holds any record (rows a schema seeds aside).
void requireNoRecords(Store& to);

/// Copies every row of `from` into `to`, which must hold no records (AlreadyExists, nothing
/// written), in one transaction on `to`: committed whole, or rolled back. `progress` hears the
/// share of the tables done; cancelling throws Cancelled and writes nothing.
void copyLedger(Store& from, Store& to, const Progress* progress = nullptr);

} // namespace ledger
