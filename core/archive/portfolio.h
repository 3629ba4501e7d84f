#pragma once
// Portfolios (issue 13 item 3): one person's learning record in a sealed archive, for them to
// take to their next employer or keep, and its import into another ledger.
//
// A portfolio is an archive (ledger_archive.h) whose ArchiveInfo.kind is kPortfolioKind and
// whose subject is the person's employee id. Its payload's tables are this file's own, each
// with its columns by name (a record kind's columns are its field spec's names), so that a
// later version reads an older portfolio by name (a column it lacks is left at its default)
// and skips tables and columns it does not know. Format 1, the version of the table set, is
// the `format` column of the first table, `portfolio`:
//
//   portfolio         id, format, exported_on, and the person's staff fields (no email,
//                     line manager, team or role links are written: only as text)
//   completion        id, the completion fields, voided, void_reason, module_title
//   certificate       id, completion_id, name, media_type, sha256, content (the bytes)
//   cpd_entry         id, the CPD entry fields but `source`, source_completion_id,
//                     source_session
//   evidence          id, cpd_entry_id, name, media_type, sha256, content
//   session_attended  id, the session's key, kind, title, starts_at, ends_at, speaker,
//                     organisation, module, and state (`attended`)
//   asye, supervision, apprenticeship, otj, review
//                     id and the programme record's fields
//
// What an import writes: the completions (of modules this ledger has, matched by code) with
// their certificates, and the CPD entries with their evidence files, to the person in this
// ledger with the portfolio's employee id or the one given. Sessions attended and the
// programmes are the person's history at the employer that wrote the portfolio: they are
// carried, shown and counted, but not written, because a session (its key, its log, its
// facilitator) and an ASYE enrolment or apprenticeship (its assessor, supervisor, provider
// and hours) are the records of the organisation that ran them, and keys of theirs would
// clash with or masquerade as this ledger's own.

#include "archive/ledger_archive.h"
#include "archive/seal.h"
#include "base/date.h"
#include "base/error.h"
#include "base/progress.h"
#include "cpd/cpd_entry.h"
#include "programmes/apprenticeship.h"
#include "programmes/asye.h"
#include "sessions/session.h"
#include "staff/staff.h"
#include "store/unit_of_work.h"
#include "training/training.h"

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger::archive {

/// The version of a portfolio's table set that this version writes (and the newest it reads).
inline constexpr int kPortfolioFormat = 1;

/// A file carried with a record: a completion's certificate or a CPD entry's evidence.
struct PortfolioFile {
    std::string name;
    std::string mediaType;
    std::string sha256; ///< of `bytes`, lower-case hex
    std::string bytes;

    friend bool operator==(const PortfolioFile&, const PortfolioFile&) = default;
};

struct PortfolioCompletion {
    Completion completion; ///< voided ones too; its id is the portfolio's own
    std::string moduleTitle;
    std::vector<PortfolioFile> certificates;
};

struct PortfolioCpdEntry {
    CpdEntry entry; ///< its source is carried below, not in `entry.source`
    /// The completion of theirs it was made from, by the portfolio's completion id (0: none).
    RecordId sourceCompletion = 0;
    /// The key of the session it was made from, at the employer that wrote the portfolio.
    std::string sourceSession;
    std::vector<PortfolioFile> evidence;
};

/// A session the person attended: their history, never written by an import.
struct PortfolioSession {
    LearningSession session; ///< key, kind, title, times, speaker, organisation, module
    std::string state;       ///< the booking state code (`attended`)
};

/// One person's learning record.
struct Portfolio {
    int format = kPortfolioFormat;
    std::string writtenBy; ///< "Practice Ledger VERSION"
    Date exportedOn{};
    Staff person; ///< the person as the ledger it came from knew them
    std::vector<PortfolioCompletion> completions; ///< as their page lists them, newest first
    std::vector<PortfolioCpdEntry> cpd;           ///< by date, then title
    std::vector<PortfolioSession> sessions;       ///< by start
    std::optional<AsyeEnrolment> asye;
    std::vector<Supervision> supervisions;
    std::vector<Apprenticeship> apprenticeships;
    std::vector<OtjEntry> otj;
    std::vector<ApprenticeshipReview> reviews;
};

/// How much a portfolio holds.
struct PortfolioCounts {
    std::size_t completions = 0;
    std::size_t certificates = 0;
    std::size_t cpdEntries = 0;
    std::size_t evidence = 0;
    std::size_t sessions = 0;
    /// ASYE enrolment, supervisions, apprenticeships, off-the-job entries and reviews.
    std::size_t programmeRecords = 0;

    friend bool operator==(const PortfolioCounts&, const PortfolioCounts&) = default;
};
[[nodiscard]] PortfolioCounts countsOf(const Portfolio& portfolio);

/// A portfolio's payload (the ArchiveInfo and the tables above) to `out`.
void writePortfolioPayload(const Portfolio& portfolio, int schemaVersion, std::ostream& out);
/// Reads a portfolio's payload: ArchiveDamaged when it is not one (a whole ledger's archive
/// is refused with a message that names `archive import`), or when its format is newer than
/// kPortfolioFormat.
[[nodiscard]] Portfolio readPortfolioPayload(std::istream& in);
/// Opens the portfolio archive at `path` (LedgerMissing, WrongPassphrase, ArchiveDamaged).
[[nodiscard]] Portfolio readPortfolio(const std::filesystem::path& path,
                                      std::string_view passphrase,
                                      const Progress* progress = nullptr);

/// A completion or CPD entry of a portfolio as an import sees it.
struct PortfolioItem {
    enum class Kind { Completion, CpdEntry };
    Kind kind = Kind::Completion;
    std::string moduleCode; ///< a completion's
    std::string title;      ///< the module's title, or the entry's
    Date date{};            ///< completed on, or the entry's date
    bool voided = false;    ///< a voided completion
    bool draft = false;     ///< a draft CPD entry
    std::size_t files = 0;  ///< certificates or evidence files
    /// A conflict's fields that differ from the record already there, by their spec names
    /// (`expires_on`, `hours`...), and `certificates` or `evidence` when the files differ.
    std::vector<std::string> differences;

    friend bool operator==(const PortfolioItem&, const PortfolioItem&) = default;
};

/// What importing a portfolio does (or would do) in this ledger. An item whose key (a
/// completion: module and day; a CPD entry: date and title) is already there with the same
/// values and files is "already there" and skipped; with anything different it is a conflict.
/// Nothing at all is written while any completion's module is unmatched, any item conflicts
/// or any record would be refused (problems).
struct PortfolioPlan {
    std::string fromEmployeeId; ///< whose portfolio it is
    std::string toEmployeeId;   ///< the person in this ledger it is (or would be) written to
    std::string fullName;       ///< as the portfolio names them
    std::string writtenBy;
    Date exportedOn{};
    std::vector<PortfolioItem> toAdd; ///< completions first, then CPD entries
    std::vector<PortfolioItem> alreadyThere;
    std::vector<PortfolioItem> conflicts;
    /// Module codes no module of this ledger has, sorted, with how many completions each.
    std::vector<std::pair<std::string, std::size_t>> unmatchedModules;
    /// Audit theme keys of CPD entries this ledger has no theme for, sorted: those links are
    /// left out (the entries are written without them).
    std::vector<std::string> droppedThemes;
    /// Records this ledger would refuse (field errors), by record.
    std::vector<FieldError> problems;
    /// The history carried and not written: counts, and the sessions themselves.
    PortfolioCounts history;
    std::vector<PortfolioSession> sessions;
    std::optional<AsyeEnrolment> asye;
    std::vector<Apprenticeship> apprenticeships;
    bool dryRun = false;
    bool written = false; ///< committed

    /// Nothing unmatched, conflicting or refused: the import may write.
    [[nodiscard]] bool clean() const {
        return unmatchedModules.empty() && conflicts.empty() && problems.empty();
    }
};

struct PortfolioImportOptions {
    /// The employee id in this ledger to write to (empty: the portfolio's own).
    std::string asEmployeeId;
    bool dryRun = false;
    Date today{}; ///< the last day a record may be dated
    std::string actor;
    std::string fileName; ///< as the change log names the import
};

/// Portfolios as use cases, over the services' unit of work.
class PortfolioService {
public:
    explicit PortfolioService(UnitOfWork& work);

    /// One person's learning record as this account may read it (on a server, row-level
    /// security decides). On a server a login tied to a person exports that person's only
    /// (NotPermitted otherwise): a manager or lead would see a part of someone's record (not
    /// their drafts) and hand it on as if whole; the administrator, tied to no one, sees all.
    /// ValidationError on `employee_id` when there is no such person to this account.
    [[nodiscard]] Portfolio collect(std::string_view employeeId, Date today);

    /// Writes the person's portfolio into a new archive at `path`, sealed under `passphrase`
    /// (sealed_file.h: written beside it, read back, never over an existing file:
    /// AlreadyExists). Returns what it holds.
    PortfolioCounts exportPortfolio(std::string_view employeeId, const std::filesystem::path& path,
                                    std::string_view passphrase, Date today,
                                    const Progress* progress = nullptr,
                                    KdfCost cost = defaultKdfCost());

    /// Imports the portfolio at `path` (see PortfolioPlan): planned and, unless a dry run or
    /// not clean(), written in one unit of work with a change-log entry for the import and
    /// each record. ValidationError on `employee_id` when the person is not in this ledger;
    /// LedgerMissing, WrongPassphrase or ArchiveDamaged (nothing written) from the file.
    PortfolioPlan importPortfolio(const std::filesystem::path& path, std::string_view passphrase,
                                  const PortfolioImportOptions& options,
                                  const Progress* progress = nullptr);
    /// The same for a portfolio already read.
    PortfolioPlan importPortfolio(const Portfolio& portfolio,
                                  const PortfolioImportOptions& options);

private:
    UnitOfWork& m_work;
};

} // namespace ledger::archive
