#include "ledger.h"

#include "archive/ledger_archive.h"
#include "archive/portfolio.h"
#include "audit/change_entries.h"
#include "base/kill_point.h"
#include "store/backup.h"
#include "store/factory.h"
#include "store/ledger_copy.h"

#include <utility>

namespace ledger {

/// The store and the services over it, kept in one place so that moving a Ledger keeps
/// the services' references to the unit of work valid.
struct Ledger::Parts {
    explicit Parts(std::unique_ptr<Store> s)
        : store(std::move(s)), work(*store), staff(work), training(work), themes(work),
          sessions(work), sessionImport(work, sessions), cpd(work), cpdImport(work),
          assessors(work), programmes(work), audit(work), settings(work), imports(work),
          portfolios(work) {}

    std::unique_ptr<Store> store;
    UnitOfWork work;
    StaffService staff;
    TrainingService training;
    ThemeService themes;
    SessionService sessions;
    SessionImport sessionImport;
    CpdService cpd;
    CpdImport cpdImport;
    AssessorService assessors;
    ProgrammeService programmes;
    AuditService audit;
    SettingsService settings;
    ImportService imports;
    archive::PortfolioService portfolios;
    std::unique_ptr<ChangeFeed> feed; ///< made on first use

    ChangeFeed& changeFeed() {
        if (!feed) {
            feed = store->changeFeed();
        }
        return *feed;
    }
};

Ledger::Ledger(std::unique_ptr<Store> store) : m_parts(std::make_unique<Parts>(std::move(store))) {
}
Ledger::~Ledger() = default;
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;

Ledger Ledger::create(const std::filesystem::path& path, std::string_view passphrase,
                      std::string_view actor, const std::function<void(Ledger&)>& fill) {
    StoreBeingBuilt building = beginCreateStore(path, passphrase);
    {
        Ledger ledger(std::move(building.store));
        ledger.m_parts->work.run([&] {
            ChangeLogEntry entry;
            entry.at = utcTimestamp();
            entry.actor = std::string(actor);
            entry.entity = "ledger";
            entry.recordKey = path.filename().string();
            entry.action = "create";
            ledger.m_parts->store->changeLog().append(entry);
        });
        if (fill) {
            fill(ledger);
        }
        building.publish();
    }
    return open(path, passphrase, OpenMode::ReadWrite);
}

Ledger Ledger::open(const std::filesystem::path& path, std::string_view passphrase, OpenMode mode) {
    return open(Location::file(path), passphrase, mode);
}

Ledger Ledger::open(const Location& location, std::string_view secret, OpenMode mode) {
    return Ledger(openStore(location, secret, mode));
}

Ledger Ledger::open(const std::filesystem::path& path, std::string_view passphrase, bool readOnly) {
    return open(path, passphrase, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
}

StaffService& Ledger::staff() {
    return m_parts->staff;
}
TrainingService& Ledger::training() {
    return m_parts->training;
}
ThemeService& Ledger::themes() {
    return m_parts->themes;
}
SessionService& Ledger::sessions() {
    return m_parts->sessions;
}
SessionImport& Ledger::sessionImport() {
    return m_parts->sessionImport;
}
CpdService& Ledger::cpd() {
    return m_parts->cpd;
}
CpdImport& Ledger::cpdImport() {
    return m_parts->cpdImport;
}
AssessorService& Ledger::assessors() {
    return m_parts->assessors;
}

ProgrammeService& Ledger::programmes() {
    return m_parts->programmes;
}
AuditService& Ledger::audit() {
    return m_parts->audit;
}
SettingsService& Ledger::settings() {
    return m_parts->settings;
}
ImportService& Ledger::imports() {
    return m_parts->imports;
}
archive::PortfolioService& Ledger::portfolios() {
    return m_parts->portfolios;
}

std::vector<LedgerChange> Ledger::takeChanges() {
    std::vector<LedgerChange> changes = m_parts->work.takeChanges();
    if (m_parts->feed && !changes.empty()) {
        m_parts->feed->ownCommit();
    }
    return changes;
}

int Ledger::changeSocket() {
    return m_parts->changeFeed().socket();
}

bool Ledger::drainChangeSocket() {
    return m_parts->changeFeed().drain();
}

std::vector<LedgerChange> Ledger::othersChanges() {
    return changesOf(m_parts->changeFeed().news());
}

bool Ledger::readOnly() const {
    return m_parts->store->readOnly();
}

std::vector<std::string> Ledger::check() {
    return m_parts->store->checkIntegrity();
}

int Ledger::schemaVersion() {
    return m_parts->store->schemaVersion();
}

std::vector<std::filesystem::path> Ledger::changePassphrase(std::string_view newPassphrase,
                                                            std::string_view actor) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = "ledger";
    entry.action = "change passphrase";
    return m_parts->store->changePassphrase(newPassphrase, entry);
}

std::vector<std::string> Ledger::notices() const {
    return m_parts->store->notices();
}

std::vector<std::filesystem::path> Ledger::backupsMade() const {
    return m_parts->store->backupsMade();
}

std::string Ledger::accountEmployeeId() {
    return m_parts->store->accountEmployeeId();
}

std::string Ledger::account() const {
    return m_parts->store->account();
}

void Ledger::copyTo(const Location& target, std::string_view secret, const Progress* progress) {
    if (target.isServer()) {
        std::unique_ptr<Store> to = openStore(target, secret, OpenMode::ReadWrite);
        copyLedger(*m_parts->store, *to, progress);
        return;
    }
    StoreBeingBuilt building = beginCreateStore(target.path(), secret);
    copyLedger(*m_parts->store, *building.store, progress);
    building.publish();
}

std::uint64_t Ledger::exportArchive(const std::filesystem::path& path,
                                    std::string_view archivePassphrase, const Progress* progress) {
    return archive::exportLedger(*m_parts->store, path, archivePassphrase, progress);
}

std::uint64_t Ledger::importArchive(const std::filesystem::path& archive,
                                    std::string_view archivePassphrase, const Location& target,
                                    std::string_view secret, const Progress* progress) {
    if (target.isServer()) {
        std::unique_ptr<Store> to = openStore(target, secret, OpenMode::ReadWrite);
        return archive::importLedger(archive, archivePassphrase, *to, progress).rows;
    }
    // Nothing is read into a new file before the archive is known to open.
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(target.path(), ec))) {
        throw AlreadyExists("a file already exists at " + target.path().string() +
                            ": an archive is restored only into a new ledger");
    }
    StoreBeingBuilt building = beginCreateStore(target.path(), secret);
    const std::uint64_t rows =
        archive::importLedger(archive, archivePassphrase, *building.store, progress).rows;
    killPoint("archive-import-before-publish");
    building.publish();
    return rows;
}

BackupSummary Ledger::backupTo(const std::filesystem::path& target, const Progress* progress) {
    return backupStore(*m_parts->store, target, progress);
}

} // namespace ledger
