#pragma once

// The sessions feature's CSV imports (rules/sessions.md sections 8 and 9): audit themes,
// sessions and series, and booking-action logs, each all or nothing, with every problem named
// by file, line and column.

#include "io/csv.h"
#include "io/import_service.h"
#include "io/importer.h"
#include "sessions/session_service.h"
#include "store/unit_of_work.h"

#include <string_view>

namespace ledger {

class SessionImport {
public:
    SessionImport(UnitOfWork& work, SessionService& sessions);

    /// Imports a themes, sessions or booking-actions file as one transaction (a dry run
    /// writes nothing) and returns its counts. Throws ValidationError with every problem
    /// (file, line, column), sorted by line and then by the column's place in the import's
    /// list; nothing is written then. A booking action the rules refuse is listed as
    /// `action: MESSAGE` and skipped, the replay going on.
    ImportSummary run(ImportKind kind, std::string_view fileName, CsvSource& source, Date today,
                      bool dryRun, std::string_view actor);

private:
    ImportSummary themes(std::string_view fileName, CsvSource& source, Date today, bool dryRun,
                         std::string_view actor);
    ImportSummary sessions(std::string_view fileName, CsvSource& source, Date today, bool dryRun,
                           std::string_view actor);
    ImportSummary bookingActions(std::string_view fileName, CsvSource& source, Date today,
                                 bool dryRun, std::string_view actor);

    UnitOfWork& m_work;
    SessionService& m_service;
};

} // namespace ledger
