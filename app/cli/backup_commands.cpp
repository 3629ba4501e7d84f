#include "backup_commands.h"

#include "cli.h"

#include "base/error.h"
#include "store/backup.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace ledger::cli {

namespace {

constexpr const char* kServerRefusal = "a ledger on a server is backed up by its database "
                                       "administrator (pg_dump); `archive export` writes an "
                                       "archive of it";

} // namespace

BackupCommands::BackupCommands(CLI::App& app) {
    m_backup = app.add_subcommand(
        "backup", "Write an encrypted backup of the ledger file to a new FILE: the same "
                  "passphrase and cipher settings, one moment of the ledger even while others "
                  "write it, checked before it appears, readable by its owner only; never over "
                  "an existing file");
    m_backup->add_option("file", m_file, "The new backup file")->required();
    m_restore = app.add_subcommand(
        "restore", "Make --ledger, a new ledger file, from the backup BACKUP once the copy has "
                   "passed every check; it keeps the backup's passphrase (--passphrase-file or "
                   "PRACTICE_LEDGER_PASSPHRASE, else asked). Never over an existing file");
    m_restore->add_option("backup", m_file, "The backup file (left as it is)")->required();
}

bool BackupCommands::parsed() const {
    return m_backup->parsed() || m_restore->parsed();
}

int BackupCommands::run(const BackupContext& context, std::ostream& out) const {
    if (context.onServer) {
        if (m_restore->parsed()) {
            throw ActionRefused("restore makes a new ledger file; a ledger on a server is "
                                "restored by its database administrator (pg_restore), or from "
                                "an archive (`archive import`)");
        }
        throw ActionRefused(kServerRefusal);
    }
    if (m_backup->parsed()) {
        Ledger ledger = context.open(OpenMode::ReadOnly);
        const BackupSummary done = ledger.backupTo(m_file);
        out << "backed up the ledger to " << m_file << " (" << done.records
            << " records, verified)\n";
        return kOk;
    }
    const BackupSummary done = restoreBackup(m_file, context.passphrase(), context.ledgerPath);
    out << "restored " << m_file << " as the new ledger " << context.ledgerPath << " ("
        << done.records << " records, verified); it opens with the backup's passphrase\n";
    return kOk;
}

} // namespace ledger::cli
