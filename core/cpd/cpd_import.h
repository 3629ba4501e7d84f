#pragma once

// The `cpd` import (rules/learning-record.md sections 8 and 9): all or nothing, every
// problem named by file, line and column.

#include "io/csv.h"
#include "io/import_service.h"
#include "store/unit_of_work.h"

#include <string_view>

namespace ledger {

class CpdImport {
public:
    explicit CpdImport(UnitOfWork& work);

    /// Imports a `cpd` file as one transaction (a dry run writes nothing) and returns its
    /// counts. A row whose key (employee_id, date, title) is stored with other values replaces
    /// that entry's imported fields (its source and evidence are kept); entries not in the
    /// file are kept. Throws ValidationError with every problem (file, line, column), by line
    /// and then by the column's place in the header; nothing is written then.
    ImportSummary run(std::string_view fileName, CsvSource& source, Date today, bool dryRun,
                      std::string_view actor);

private:
    UnitOfWork& m_work;
};

} // namespace ledger
