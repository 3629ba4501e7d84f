#pragma once

// The programmes as use cases (rules/learning-record.md sections 5, 6, 8 and 9): an ASYE
// enrolment and its supervisions, an apprenticeship with its off-the-job hours and progress
// reviews, each saved after validating it against the ledger; their five imports; and
// `report asye` and `report apprenticeships`. Every write is one unit of work, logged in the
// change log.

#include "io/csv.h"
#include "io/import_service.h"
#include "io/importer.h"
#include "programmes/apprenticeship.h"
#include "programmes/asye.h"
#include "programmes/programme_repository.h"
#include "reports/report_table.h"
#include "store/unit_of_work.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One row of `report asye`: an enrolment of a person active on D, its figures on D.
struct AsyeReportRow {
    std::string team;
    AsyeEnrolment enrolment;
    AsyeFigures figures;
};

/// One row of `report apprenticeships`: an apprenticeship started by D of a person active on
/// D, its figures on D.
struct ApprenticeshipReportRow {
    std::string team;
    Apprenticeship apprenticeship;
    ApprenticeshipFigures figures;
};

/// One person's programmes on D, for their page: their enrolment (if any) with its
/// supervisions and figures, and each apprenticeship with its hours, reviews and figures.
struct PersonProgrammes {
    std::optional<AsyeEnrolment> enrolment;
    std::vector<Supervision> supervisions; ///< by date
    std::optional<AsyeFigures> asye;
    struct Apprenticeship {
        ledger::Apprenticeship apprenticeship;
        std::vector<OtjEntry> otj;                 ///< by date
        std::vector<ApprenticeshipReview> reviews; ///< by date
        ApprenticeshipFigures figures;
    };
    std::vector<Apprenticeship> apprenticeships; ///< by standard code
};

class ProgrammeService {
public:
    explicit ProgrammeService(UnitOfWork& work);

    [[nodiscard]] std::vector<AsyeEnrolment> enrolments();
    [[nodiscard]] std::optional<AsyeEnrolment> enrolment(std::string_view employeeId);
    [[nodiscard]] std::vector<Supervision> supervisions(std::string_view employeeId);
    [[nodiscard]] std::vector<Apprenticeship> apprenticeships();
    [[nodiscard]] std::vector<OtjEntry> otjEntries();
    [[nodiscard]] std::vector<ApprenticeshipReview> apprenticeshipReviews();

    /// One person's programmes and their figures on `asOf`.
    [[nodiscard]] PersonProgrammes personProgrammes(std::string_view employeeId, Date asOf);

    /// Each save validates the record against the ledger (section 9, `today` the last day a
    /// date may be), refuses a second record with the same key (ValidationError on its key
    /// column), and writes it with its change-log entry. Returns its id.
    RecordId save(const AsyeEnrolment& enrolment, Date today, std::string_view actor);
    RecordId save(const Supervision& supervision, Date today, std::string_view actor);
    RecordId save(const Apprenticeship& apprenticeship, Date today, std::string_view actor);
    RecordId save(const OtjEntry& entry, Date today, std::string_view actor);
    RecordId save(const ApprenticeshipReview& review, Date today, std::string_view actor);
    /// Removes a supervision logged in error, with its change-log entry.
    void remove(const Supervision& supervision, std::string_view actor);

    /// The `asye`, `supervisions`, `apprenticeships`, `otj-hours` and
    /// `apprenticeship-reviews` imports (section 8), as one transaction each (a dry run writes
    /// nothing), with their counts. A row whose key is stored with other values replaces that
    /// record's fields; records not in the file are kept. Throws ValidationError with every
    /// problem (file, line, column), by line and then by column; nothing is written then.
    ImportSummary importFile(ImportKind kind, std::string_view fileName, CsvSource& source,
                             Date today, bool dryRun, std::string_view actor);

    /// `report asye` (section 8): every enrolment of staff active on `asOf`, whatever its
    /// start, by employee id.
    [[nodiscard]] std::vector<AsyeReportRow> asyeReport(Date asOf);
    /// `report apprenticeships`: every apprenticeship with start <= `asOf` of staff active on
    /// `asOf`, by employee id, then standard code.
    [[nodiscard]] std::vector<ApprenticeshipReportRow> apprenticeshipReport(Date asOf);

private:
    UnitOfWork& m_work;
};

/// Whether an import kind is one of the programmes' five.
[[nodiscard]] bool isProgrammeImport(ImportKind kind);

/// The reports as CSV (section 8's headers and cells) and as tables for a terminal.
/// The reports as sheets (report_table.h): the CSV's columns, for every format to show.
[[nodiscard]] ReportSheet asyeSheet(const std::vector<AsyeReportRow>& rows);
[[nodiscard]] ReportSheet apprenticeshipsSheet(const std::vector<ApprenticeshipReportRow>& rows);
[[nodiscard]] std::string formatAsyeCsv(const std::vector<AsyeReportRow>& rows);
[[nodiscard]] std::string formatAsyeTable(const std::vector<AsyeReportRow>& rows);
[[nodiscard]] std::string
formatApprenticeshipsCsv(const std::vector<ApprenticeshipReportRow>& rows);
[[nodiscard]] std::string
formatApprenticeshipsTable(const std::vector<ApprenticeshipReportRow>& rows);

} // namespace ledger
