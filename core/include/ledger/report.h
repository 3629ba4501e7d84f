#pragma once

#include "ledger/compliance.h"
#include "ledger/date.h"

#include <optional>
#include <string>
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

/// The CLI's CSV contract: UTF-8, `\n` line ends, quoting only where needed, ISO dates.
[[nodiscard]] std::string formatTeamCoverageCsv(const std::vector<TeamCoverageRow>& rows);
[[nodiscard]] std::string formatStaffStatusCsv(const std::vector<StaffStatusRow>& rows);

/// Aligned text tables for people, with UK dates and statuses in words.
[[nodiscard]] std::string formatTeamCoverageTable(const std::vector<TeamCoverageRow>& rows);
[[nodiscard]] std::string formatStaffStatusTable(const std::vector<StaffStatusRow>& rows);

/// "Compliant", "Due soon", "Overdue", "Not yet due".
[[nodiscard]] std::string statusLabel(Status status);

} // namespace ledger
