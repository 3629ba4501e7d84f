#pragma once

// A person's CPD taken away (issue 10, item 4): their final entries by date as CSV and as a
// PDF in the order of Social Work England's form, and an HCPC-style CPD profile (practice
// summary, dated activity list with gaps marked, chosen entries as the statement, the
// evidence behind them). The words and figures are decided here; export/pdf.h draws them.

#include "cpd/cpd_entry.h"
#include "cpd/cpd_repository.h"
#include "cpd/registration.h"
#include "export/document.h"
#include "staff/staff.h"

#include <map>
#include <string>
#include <vector>

namespace ledger {

/// What a person's exports read, gathered in one go (CpdService::exportData).
struct CpdExportData {
    Staff person;
    std::vector<CpdEntry> entries;                        ///< theirs, by date then title
    std::map<RecordId, std::vector<Attachment>> evidence; ///< by entry id, each by name
    std::map<std::string, std::string> themeNames;        ///< audit theme key -> name
};

/// The person's final entries (never drafts), by date then title (byte order).
[[nodiscard]] std::vector<CpdEntry> finalEntriesByDate(const std::vector<CpdEntry>& entries);

/// `export cpd-record --format csv`: the header
/// `date,type,title,description,learning,impact,peer_reflection,hours,standards,themes` and one
/// line per final entry by date then title; codes and keys as the `cpd` import reads them,
/// hours with two decimals, list cells with `;`; compliance.md section 9's CSV rules (text
/// cells made spreadsheet-safe; dates and hours are not text cells).
[[nodiscard]] std::string formatCpdRecordCsv(const std::vector<CpdEntry>& entries);

/// The CPD record as a document: the person, this registration year's Social Work England
/// check as of `today` (for people registered with SWE), then every final entry by date,
/// grouped by registration year, each in the order of SWE's form: type, description and
/// relevance, date, learning, impact, peer reflection ("P"); then hours, standards, themes
/// and evidence files.
[[nodiscard]] doc::Document cpdRecordDocument(const CpdExportData& data, Date today);

/// What the person chooses for their HCPC profile.
struct HcpcProfileChoice {
    /// Part 1, in their words; empty: a summary from their record (role, team, start date).
    std::string practiceSummary;
    /// The entries described in the statement (ids of final entries); empty: the six most
    /// recent final entries of the cycle.
    std::vector<RecordId> statementEntries;
};

/// HCPC's limits on a profile's parts, in words.
inline constexpr int kHcpcSummaryWords = 500;
inline constexpr int kHcpcStatementWords = 1500;
/// How many entries the statement takes when none are chosen.
inline constexpr std::size_t kHcpcDefaultStatementEntries = 6;

/// Words in a text: runs of characters between spaces, tabs and line breaks.
[[nodiscard]] int countWords(std::string_view text);

/// The entries a profile's statement describes: `choice.statementEntries` as the final
/// entries they name (in date order; an id that is not one of the person's final entries is
/// left out), or by default the six most recent final entries of the cycle containing
/// `today`.
[[nodiscard]] std::vector<CpdEntry> statementEntries(const CpdExportData& data,
                                                     const HcpcProfileChoice& choice, Date today);

/// The HCPC-style profile as of `today`, for the cycle containing it: 1 the summary of
/// practice history; 2 the dated list of activities of the cycle with every gap of three
/// months or more marked in place (the open gap to today included) and the check's result;
/// 3 the statement, built from the chosen entries (what was done, learnt, and the benefit to
/// practice and service users); 4 the evidence files of those entries, with their SHA-256.
[[nodiscard]] doc::Document hcpcProfileDocument(const CpdExportData& data,
                                                const HcpcProfileChoice& choice, Date today);

} // namespace ledger
