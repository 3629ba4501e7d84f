#pragma once

// Skills for Care's ASC-WDS bulk-upload training file (domain.md section 1.1): the export of
// a ledger's completions as that file, checked against every rule ASC-WDS applies before a
// byte is written, and the import of such a file (or of the older 8-column one) into
// completions, each row mapped to a module by its CATEGORY and TRAININGNAME.

#include "base/date.h"
#include "base/error.h"
#include "store/ledger_data.h"
#include "training/training.h"

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// The current header, exactly as ASC-WDS compares it (since November 2025).
inline constexpr std::string_view kAscWdsTrainingHeader =
    "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,"
    "HOWDELIVERED,VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES";
/// The header of files written before November 2025, which the import still reads.
inline constexpr std::string_view kAscWdsOldTrainingHeader =
    "LOCALESTID,UNIQUEWORKERID,CATEGORY,DESCRIPTION,DATECOMPLETED,EXPIRYDATE,ACCREDITED,NOTES";

/// The setting holding the workplace's ASC-WDS id (LOCALESTID); the app's settings page
/// edits it.
inline constexpr std::string_view kAscWdsWorkplaceSetting = "asc_wds_localestid";
/// The setting holding the remembered mappings of (CATEGORY, TRAININGNAME) to a module, as
/// CSV text (see formatAscWdsMappings).
inline constexpr std::string_view kAscWdsMappingsSetting = "asc_wds_mappings";

/// The limits of section 1.1.
inline constexpr std::size_t kAscWdsMaxIdLength = 50;      ///< LOCALESTID, UNIQUEWORKERID
inline constexpr std::size_t kAscWdsMaxNameLength = 120;   ///< TRAININGNAME
inline constexpr std::size_t kAscWdsMaxNotesLength = 1000; ///< NOTES
/// CATEGORY 21, "Other": where a module has no category of its own.
inline constexpr int kAscWdsOtherCategory = 21;

/// One row of the current file: its twelve cells as written, in header order.
struct AscWdsTrainingRow {
    std::string localEstId;
    std::string uniqueWorkerId;
    std::string category;
    std::string trainingName;
    std::string accredited;
    std::string whoDelivered;
    std::string providerName;
    std::string howDelivered;
    std::string validity;
    std::string dateCompleted;
    std::string expiryDate;
    std::string notes;

    [[nodiscard]] std::array<std::string, 12> cells() const;
    friend bool operator==(const AscWdsTrainingRow&, const AscWdsTrainingRow&) = default;
};

/// The name a module goes by in the file: its title. It is what the import matches on.
[[nodiscard]] std::string ascWdsTrainingName(const Module& module);
/// A module's CATEGORY: its own ASC-WDS code, or 21 "Other".
[[nodiscard]] int ascWdsCategoryOf(const Module& module);

/// What an export would write, or why it cannot.
struct AscWdsExport {
    std::vector<AscWdsTrainingRow> rows;
    /// Every rule a row would break (nothing may then be written): `field` is the column,
    /// `file` says which record (`module FIRE` or `E1 FIRE 2025-03-01`), line 0.
    std::vector<FieldError> problems;
    /// What was changed to fit (notes cut to 1,000 characters), worded as problems are.
    std::vector<FieldError> warnings;
};

/// The export as of `asOf`: one row per counted (not voided) completion dated on or before
/// `asOf` of a person active on `asOf` (rules section 2), ordered by employee id, module code
/// and date. EXPIRYDATE is the completion's expiry by rules section 4; VALIDITY the module's
/// renewal months where that expiry is completion + months - 1 day, `none` where it never
/// expires, else empty. `completions` calls its visitor with every counted completion in
/// (employee id, module code, completed_on) order (TrainingService::forEachCountedCompletion).
/// `today` is the day DATECOMPLETED may not be after.
[[nodiscard]] AscWdsExport buildAscWdsExport(
    const LedgerData& records,
    const std::function<void(const std::function<void(const Completion&)>&)>& completions,
    std::string_view workplaceId, Date asOf, Date today);

/// Every problem section 1.1 finds in one row of the current format, worded by column
/// (`field`, with `file` and `line` left for the caller); `today` is the latest
/// DATECOMPLETED. Warnings (2090, 2110 and VALIDITY `none` with an expiry) go to `warnings`.
[[nodiscard]] std::vector<FieldError> checkAscWdsRow(const AscWdsTrainingRow& row, Date today,
                                                     std::vector<FieldError>* warnings = nullptr);

/// A value quoted as ASC-WDS's own download quotes it: in double quotes (inner ones doubled)
/// when, spaces aside, it holds white space, a comma or a double quote.
[[nodiscard]] std::string ascWdsQuoted(std::string_view value);

/// The file: the header and one line per row, `\n` line ends, text cells (LOCALESTID,
/// UNIQUEWORKERID, TRAININGNAME, NOTES) quoted as ascWdsQuoted, no spreadsheet `'` prefix
/// (ASC-WDS reads the file, not a spreadsheet).
[[nodiscard]] std::string ascWdsTrainingCsv(const std::vector<AscWdsTrainingRow>& rows);

/// A remembered mapping: rows with this CATEGORY and TRAININGNAME are completions of the
/// module `moduleCode`.
struct AscWdsMapping {
    int category = 0;
    std::string trainingName;
    std::string moduleCode;
    friend bool operator==(const AscWdsMapping&, const AscWdsMapping&) = default;
};

/// The mappings kept in the kAscWdsMappingsSetting setting: CSV `category,training_name,
/// module` lines, no header. Lines that cannot be read are skipped (the setting is only
/// ever written by formatAscWdsMappings).
[[nodiscard]] std::vector<AscWdsMapping> parseAscWdsMappings(std::string_view text);
[[nodiscard]] std::string formatAscWdsMappings(const std::vector<AscWdsMapping>& mappings);
/// `mappings` with `added` in place of any mapping of the same CATEGORY and TRAININGNAME.
[[nodiscard]] std::vector<AscWdsMapping> withAscWdsMapping(std::vector<AscWdsMapping> mappings,
                                                           const AscWdsMapping& added);
/// `CATEGORY|TRAININGNAME=MODULE_CODE`, as the CLI's --map takes it; nullopt when malformed.
[[nodiscard]] std::optional<AscWdsMapping> parseAscWdsMappingArgument(std::string_view text);

/// A (CATEGORY, TRAININGNAME) of the file that no module matches and no mapping maps.
struct AscWdsUnmapped {
    int category = 0;
    std::string trainingName;
    std::vector<int> lines; ///< every line carrying it
};

/// A training file read and checked, not yet imported.
struct ParsedAscWdsTraining {
    bool oldFormat = false; ///< the 8-column header
    /// The rows as completions, in file order, each with the line it starts on.
    std::vector<Completion> completions;
    std::vector<int> lines;
    /// Every problem (`FILE:LINE: COLUMN: message`), by line; unmapped rows are not among
    /// them (see `unmapped`).
    std::vector<FieldError> errors;
    std::vector<FieldError> warnings;
    std::vector<AscWdsUnmapped> unmapped;
};

/// Reads an ASC-WDS training file (current or 8-column header, compared exactly as ASC-WDS
/// does) and checks each row by section 1.1, its UNIQUEWORKERID against the ledger's staff
/// and, where the ledger has a workplace id, its LOCALESTID against it. A row is a
/// completion of the module `mappings` names for its (CATEGORY, TRAININGNAME), else of the
/// one module whose category (21 where it has none) and title are those. Its expiry: the
/// EXPIRYDATE, else DATECOMPLETED + VALIDITY months - 1 day; kept as the completion's
/// explicit expires_on except where the module renews from the completion date and gives
/// that very day itself (then the completion reads as any other; a module renewing from the
/// previous expiry depends on the completions before, so its expiry is always kept, and the
/// status is the one ASC-WDS's file had). NOTES become the evidence.
[[nodiscard]] ParsedAscWdsTraining parseAscWdsTraining(std::string_view fileName,
                                                       std::string_view text,
                                                       const LedgerData& records,
                                                       const std::vector<AscWdsMapping>& mappings,
                                                       std::string_view workplaceId, Date today);

/// The completions as the completions import reads them (employee_id, module, completed_on,
/// expires_on, evidence), and for each line of that text the line of the ASC-WDS file it
/// came from (index 0 unused), so that the import's problems name the file's own lines.
struct AscWdsCompletionsCsv {
    std::string text;
    std::vector<int> sourceLines;
};
[[nodiscard]] AscWdsCompletionsCsv ascWdsCompletionsCsv(const ParsedAscWdsTraining& parsed);

/// A completions import's problem renamed to the ASC-WDS file's line and column.
[[nodiscard]] FieldError toAscWdsProblem(const FieldError& error, std::string_view fileName,
                                         const AscWdsCompletionsCsv& csv);

} // namespace ledger
