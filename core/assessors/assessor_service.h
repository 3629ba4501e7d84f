#pragma once

// Trusted-assessor authorisations as use cases (rules/learning-record.md sections 7-9):
// saving one, the `trusted-assessors` import, the ledger's equipment-category list, each
// role's can_sign_off, and `report trusted-assessors`, each write one unit of work logged in
// the change log.

#include "assessors/assessor_repository.h"
#include "assessors/trusted_assessor.h"
#include "io/csv.h"
#include "io/import_service.h"
#include "reports/report_table.h"
#include "store/unit_of_work.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One row of `report trusted-assessors`: an authorisation of a person active on D, with its
/// status on D.
struct TrustedAssessorReportRow {
    std::string team;
    TrustedAssessor assessor;
    AssessorFigures figures;
};

class AssessorService {
public:
    explicit AssessorService(UnitOfWork& work);

    /// Every authorisation, by employee id, then level code.
    [[nodiscard]] std::vector<TrustedAssessor> all();
    [[nodiscard]] std::optional<TrustedAssessor> find(std::string_view employeeId,
                                                      AssessorLevel level);

    /// Saves one authorisation (new when its id is 0) after validating it against the
    /// ledger (section 9: its people, the category list, the signer's activity and role):
    /// another one with the same person and level is refused. Returns its id.
    RecordId save(const TrustedAssessor& assessor, Date today, std::string_view actor);

    /// The `trusted-assessors` import as one transaction (a dry run writes nothing), with its
    /// counts. A row whose key (employee_id, level) is stored with other values replaces that
    /// authorisation's fields; authorisations not in the file are kept. Throws
    /// ValidationError with every problem (file, line, column), by line and then by column;
    /// nothing is written then.
    ImportSummary importFile(std::string_view fileName, CsvSource& source, Date today, bool dryRun,
                             std::string_view actor);

    /// The equipment-category list, by code.
    [[nodiscard]] std::vector<EquipmentCategory> categories();
    /// Adds a code (`[a-z0-9_]{1,40}`, with a label not blank) to the list.
    void addCategory(const EquipmentCategory& category, std::string_view actor);

    /// Whether the role may sign assessors off; nullopt when there is no such role.
    [[nodiscard]] std::optional<bool> roleCanSignOff(std::string_view role);
    /// Sets a role's can_sign_off (ValidationError on `role` when there is none).
    void setRoleCanSignOff(std::string_view role, bool canSignOff, std::string_view actor);

    /// `report trusted-assessors` (section 8): every authorisation of staff active on `asOf`,
    /// whatever its dates, by employee id, then level code (byte order).
    [[nodiscard]] std::vector<TrustedAssessorReportRow> report(Date asOf);

private:
    UnitOfWork& m_work;
};

/// The report as a sheet (report_table.h): the CSV's columns, for every format to show.
[[nodiscard]] ReportSheet trustedAssessorsSheet(const std::vector<TrustedAssessorReportRow>& rows);
/// The report as CSV (section 8's header; list cells with `;` in byte order).
[[nodiscard]] std::string
formatTrustedAssessorsCsv(const std::vector<TrustedAssessorReportRow>& rows);
/// And as a table for a terminal.
[[nodiscard]] std::string
formatTrustedAssessorsTable(const std::vector<TrustedAssessorReportRow>& rows);

} // namespace ledger
