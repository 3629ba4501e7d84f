#pragma once

// One open ledger: opened where it lives through the store factory, it hands out the
// services of each feature, which share one unit of work.

#include "assessors/assessor_service.h"
#include "audit/audit_service.h"
#include "cpd/cpd_import.h"
#include "cpd/cpd_service.h"
#include "io/import_service.h"
#include "programmes/programme_service.h"
#include "sessions/session_import.h"
#include "sessions/session_service.h"
#include "settings/settings_service.h"
#include "staff/staff_service.h"
#include "store/backup.h"
#include "store/change_feed.h"
#include "store/location.h"
#include "store/store.h"
#include "store/unit_of_work.h"
#include "themes/theme_service.h"
#include "training/training_service.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

namespace archive {
class PortfolioService;
}

/// One open ledger. Each use case (in the services) runs in one transaction, appends to the
/// change log, and either completes or changes nothing.
class Ledger {
public:
    explicit Ledger(std::unique_ptr<Store> store);
    ~Ledger();
    Ledger(Ledger&&) noexcept;
    Ledger& operator=(Ledger&&) noexcept;

    /// Creates a new ledger: `fill`, when given, adds records to it before it appears at
    /// `path`, so that a ledger is never seen (or left by a killed program) half-filled.
    /// Returns it open for writing.
    static Ledger create(const std::filesystem::path& path, std::string_view passphrase,
                         std::string_view actor, const std::function<void(Ledger&)>& fill = {});
    /// Opens an existing ledger (one writer at a time).
    static Ledger open(const std::filesystem::path& path, std::string_view passphrase,
                       OpenMode mode);
    /// As above, ReadOnly or ReadWrite.
    static Ledger open(const std::filesystem::path& path, std::string_view passphrase,
                       bool readOnly = false);
    /// Opens a ledger file or a server's (see openStore): `secret` is the file's passphrase,
    /// or the login's password (empty: the one libpq finds itself).
    static Ledger open(const Location& location, std::string_view secret, OpenMode mode);

    // The features' services.
    [[nodiscard]] StaffService& staff();
    [[nodiscard]] TrainingService& training();
    [[nodiscard]] ThemeService& themes();
    [[nodiscard]] SessionService& sessions();
    /// The imports of themes, sessions and booking actions.
    [[nodiscard]] SessionImport& sessionImport();
    [[nodiscard]] CpdService& cpd();
    /// The `cpd` import.
    [[nodiscard]] CpdImport& cpdImport();
    /// Trusted-assessor authorisations, their import and report, and who may sign them off.
    [[nodiscard]] AssessorService& assessors();
    /// ASYE enrolments and supervisions, apprenticeships with their hours and reviews, their
    /// imports and reports.
    [[nodiscard]] ProgrammeService& programmes();
    [[nodiscard]] AuditService& audit();
    [[nodiscard]] SettingsService& settings();
    [[nodiscard]] ImportService& imports();
    /// One person's learning record as a portfolio archive: its export, and its import into
    /// this ledger (archive/portfolio.h).
    [[nodiscard]] archive::PortfolioService& portfolios();

    /// What the services committed since the last call (oldest first), and forgets it.
    [[nodiscard]] std::vector<LedgerChange> takeChanges();

    /// True when this ledger was opened (or, with OpenMode::Auto, fell back to) read-only.
    [[nodiscard]] bool readOnly() const;

    /// A descriptor that becomes readable when another connection commits (a server's
    /// notifications; call drainChangeSocket() then), or -1 when othersChanges() is to be
    /// asked every few seconds (a file).
    [[nodiscard]] int changeSocket();
    /// Reads what arrived on changeSocket() without using the ledger's connection (safe while
    /// a task uses the ledger); true when othersChanges() has something.
    bool drainChangeSocket();
    /// What other programs and connections committed since the last call (or since opening)
    /// that this account may see, as what to refresh (see changesOf): one person, one
    /// person's completions, the catalog, themes, settings, or everything.
    [[nodiscard]] std::vector<LedgerChange> othersChanges();

    /// Integrity and foreign-key problems; empty when sound.
    [[nodiscard]] std::vector<std::string> check();
    [[nodiscard]] int schemaVersion();
    /// Re-encrypts the ledger under a new passphrase (see Store::changePassphrase); returns
    /// the backup copies beside it still under the old one.
    std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                        std::string_view actor);
    /// What opening had to do that a person should hear of (an interrupted write undone).
    [[nodiscard]] std::vector<std::string> notices() const;
    /// The backup copies opening made (before an upgrade).
    [[nodiscard]] std::vector<std::filesystem::path> backupsMade() const;
    /// Copies this whole ledger (every record, link and change-log entry, as they are) to
    /// `target`: a new ledger file under the passphrase `secret`, or a server database that
    /// holds a ledger without records (`server init`), with `secret` as the administrator's
    /// password (empty: libpq's password file). One transaction on the target; a target that
    /// exists (a file) or holds records (a server) is refused with AlreadyExists, nothing
    /// written. On a server, only its administrator may copy (NotPermitted).
    void copyTo(const Location& target, std::string_view secret,
                const Progress* progress = nullptr);
    /// Writes every record of this ledger (every kind, links, evidence files, settings and the
    /// change log with its actors and times) into a new archive at `path`, sealed under
    /// `archivePassphrase` (archive/ledger_archive.h): whole, read back, readable by its owner
    /// only; an existing file is refused (AlreadyExists). On a server, only its administrator
    /// sees the whole ledger (NotPermitted). Returns the number of rows it holds.
    std::uint64_t exportArchive(const std::filesystem::path& path,
                                std::string_view archivePassphrase,
                                const Progress* progress = nullptr);
    /// Restores the ledger archive at `archive` into `target`: a new ledger file under the
    /// passphrase `secret` (which appears only once whole), or a server ledger without records
    /// as its administrator (AlreadyExists when it holds any). Nothing is written when the
    /// archive is damaged (archive::ArchiveDamaged), the passphrase wrong (WrongPassphrase) or
    /// the task cancelled (Cancelled). Returns the number of rows restored.
    static std::uint64_t importArchive(const std::filesystem::path& archive,
                                       std::string_view archivePassphrase, const Location& target,
                                       std::string_view secret, const Progress* progress = nullptr);
    /// Writes an encrypted backup of this ledger file to the new file `target`: the same
    /// passphrase and cipher settings, read as one snapshot while others may write, checked
    /// whole before it appears, readable by its owner only. Never over an existing file
    /// (AlreadyExists, nothing written); cancelled or failed, nothing is left. A ledger on a
    /// server is refused (ActionRefused): its database administrator backs it up.
    BackupSummary backupTo(const std::filesystem::path& target, const Progress* progress = nullptr);

    /// Who the ledger's engine knows the user as: the login on a server (whom its change log
    /// names); empty for a file.
    [[nodiscard]] std::string account() const;
    /// The employee id of the person the server ties the login to (empty when none, and
    /// for a file, which knows no one).
    [[nodiscard]] std::string accountEmployeeId();

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace ledger
