#pragma once

#include "base/date.h"
#include "training/compliance.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One line of the coverage-by-team report.
struct TeamCoverageRow {
    std::string team;
    std::string module;
    CoverageCell cell;
};

/// One line of the coverage-by-staff report.
struct StaffStatusRow {
    std::string employeeId;
    std::string team;
    std::string module;
    Status status = Status::NotYetDue;
    std::optional<Date> expiresOn;
    std::optional<Date> dueOn;
};

/// Required (team, module) pairs only, sorted by team then module code in plain byte order.
[[nodiscard]] std::vector<TeamCoverageRow> teamCoverageReport(const ComplianceEngine& engine,
                                                              Date asOf);

/// Required (staff, module) pairs, sorted by employee id then module code in byte order.
[[nodiscard]] std::vector<StaffStatusRow> staffStatusReport(const ComplianceEngine& engine,
                                                            Date asOf);

/// The CLI's CSV contract: UTF-8, `\n` line ends, quoting only where needed, ISO dates, and
/// every text cell through spreadsheetSafe (io/csv.h).
[[nodiscard]] std::string formatTeamCoverageCsv(const std::vector<TeamCoverageRow>& rows);
[[nodiscard]] std::string formatStaffStatusCsv(const std::vector<StaffStatusRow>& rows);

/// Text for a terminal: control characters shown, never sent raw. C0 and DEL become `\xHH`
/// (ESC is `\x1b`), C1 (U+0080 to U+009F) becomes `\u00HH`; everything else is unchanged.
[[nodiscard]] std::string escapeControls(std::string_view text);

/// Aligned text tables for people, with UK dates and statuses in words; every cell goes
/// through escapeControls.
/// A plain-text table for a terminal: the header, a rule, the rows; columns padded to their
/// widest cell (right-aligned where asked), control characters escaped.
[[nodiscard]] std::string formatTable(const std::vector<std::string>& header,
                                      std::vector<std::vector<std::string>> rows,
                                      const std::vector<bool>& rightAligned);
[[nodiscard]] std::string formatTeamCoverageTable(const std::vector<TeamCoverageRow>& rows);
[[nodiscard]] std::string formatStaffStatusTable(const std::vector<StaffStatusRow>& rows);

/// "Compliant", "Due soon", "Overdue", "Not yet due".
[[nodiscard]] std::string statusLabel(Status status);

} // namespace ledger
