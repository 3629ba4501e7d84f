#pragma once

// What a schema step does that SQL alone cannot do well; private to core.

#include <sqlcipher/sqlite3.h>

namespace ledger::schema {

/// Schema 3 -> 4, after its SQL: fills the change links of what the ledger already holds, in
/// the step's transaction. Each staff and completion entry gets its subject (the person:
/// a staff entry's key is the employee id, a completion entry's key is
/// `EMPLOYEE/MODULE/YYYY-MM-DD`, and employee ids and module codes may hold `/`); each
/// record points to its `add` entry (created) and its latest other entry (changed) where
/// their keys match. Entries whose keys match nothing now (a requirement renamed, a
/// completion moved by a correction since) keep their subject where it can be told, and the
/// record's link stays empty.
void fillSchema4(sqlite3* db);

} // namespace ledger::schema
