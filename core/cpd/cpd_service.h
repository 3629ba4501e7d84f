#pragma once

// CPD as use cases (rules/learning-record.md sections 2-4): keeping a person's entries and
// the files attached to entries and completions, and the registration checks the app, the
// reports and the exports show, each computed here once.

#include "cpd/cpd_entry.h"
#include "cpd/cpd_export.h"
#include "cpd/cpd_repository.h"
#include "cpd/registration.h"
#include "reports/report_table.h"
#include "staff/staff.h"
#include "store/unit_of_work.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One row of `report cpd`: a person registered with Social Work England, active on D.
struct CpdReportRow {
    std::string employeeId;
    std::string team;
    SocialWorkEnglandFigures figures;
    RegistrationStatus status = RegistrationStatus::NotMet;
};

/// One row of `report hcpc`: a person registered with HCPC, active on D.
struct HcpcReportRow {
    std::string employeeId;
    std::string team;
    HcpcFigures figures;
    RegistrationStatus status = RegistrationStatus::NotMet;
};

/// A person's CPD with both registration checks as of a day.
struct PersonCpd {
    std::vector<CpdEntry> entries; ///< by date, then title
    SocialWorkEnglandCheck socialWorkEngland;
    HcpcCheck hcpc;
};

class CpdService {
public:
    explicit CpdService(UnitOfWork& work);

    /// Every entry this account may see, by employee id, date, then title.
    [[nodiscard]] std::vector<CpdEntry> all();
    /// One person's entries (that this account may see), by date, then title.
    [[nodiscard]] std::vector<CpdEntry> of(std::string_view employeeId);
    [[nodiscard]] std::optional<CpdEntry> find(RecordId id);

    /// A person's entries and their registration checks as of `asOf` (the registration year
    /// and the HCPC cycle containing it).
    [[nodiscard]] PersonCpd personCpd(const Staff& person, Date asOf);

    /// What a person's exports read (cpd/cpd_export.h): the person, their entries (that this
    /// account may see), the evidence of each final entry and the audit themes' names; nullopt
    /// when no such person is visible to this account.
    [[nodiscard]] std::optional<CpdExportData> exportData(std::string_view employeeId);

    /// Saves one entry (new when its id is 0) after validating it (section 9): another entry
    /// of theirs with the same date and title is refused. Returns its id.
    RecordId save(const CpdEntry& entry, Date today, std::string_view actor);
    /// Removes an entry with its evidence.
    void remove(RecordId id, std::string_view actor);

    /// The files attached to an entry or a completion, by name.
    [[nodiscard]] std::vector<Attachment> attachments(AttachmentOwner owner, RecordId ownerId);
    /// Attaches a file to an entry or a completion: refused (ValidationError on `file`) when
    /// it is larger than kMaxAttachmentBytes or has no name, nothing saved. Its size and
    /// SHA-256 are worked out here. Returns the attachment's id.
    RecordId attach(AttachmentOwner owner, RecordId ownerId, std::string_view name,
                    std::string_view mediaType, std::string_view bytes, std::string_view actor);
    /// An attachment's description and bytes; nullopt when this account may not see it.
    [[nodiscard]] std::optional<Attachment> attachment(RecordId id);
    [[nodiscard]] std::optional<std::string> attachmentBytes(RecordId id);
    void detach(RecordId attachmentId, std::string_view actor);

    /// `report cpd` (section 8): staff registered with SWE and active on `asOf`, by employee
    /// id; `year` defaults to the registration year containing `asOf`.
    [[nodiscard]] std::vector<CpdReportRow> cpdReport(Date asOf, std::optional<int> year = {});
    /// `report hcpc`: staff registered with HCPC and active on `asOf`, by employee id, for the
    /// cycle containing `asOf`.
    [[nodiscard]] std::vector<HcpcReportRow> hcpcReport(Date asOf);

private:
    UnitOfWork& m_work;
};

/// The two reports as CSV (section 8's headers, list cells with `;`).
/// The reports as sheets (report_table.h): the CSV's columns, for every format to show.
[[nodiscard]] ReportSheet cpdSheet(const std::vector<CpdReportRow>& rows);
[[nodiscard]] ReportSheet hcpcSheet(const std::vector<HcpcReportRow>& rows);
[[nodiscard]] std::string formatCpdCsv(const std::vector<CpdReportRow>& rows);
[[nodiscard]] std::string formatHcpcCsv(const std::vector<HcpcReportRow>& rows);
/// And as tables for a terminal.
[[nodiscard]] std::string formatCpdTable(const std::vector<CpdReportRow>& rows);
[[nodiscard]] std::string formatHcpcTable(const std::vector<HcpcReportRow>& rows);

/// A gap as the reports write it: `FROM..TO`.
[[nodiscard]] std::string formatGap(const HcpcGap& gap);

} // namespace ledger
