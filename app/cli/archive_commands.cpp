#include "archive_commands.h"

#include "cli_errors.h"
#include "passphrase.h"

#include "base/passphrase_policy.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace ledger::cli {

ArchiveCommands::ArchiveCommands(CLI::App& app) {
    m_archive = app.add_subcommand(
        "archive", "Archives: a whole ledger (every record, link, evidence file, setting and the "
                   "change log) in one file sealed under an archive passphrase of its own");
    m_archive->require_subcommand(1);
    m_export = m_archive->add_subcommand(
        "export", "Write the whole ledger into a new archive FILE (read back before it is kept; "
                  "an existing file is never overwritten); on a server, as its administrator");
    m_export->add_option("file", m_file, "The new archive")->required();
    m_import = m_archive->add_subcommand(
        "import", "Restore an archive into --ledger: a new ledger file, or a server ledger that "
                  "holds no records (as its administrator); all or nothing");
    m_import->add_option("file", m_file, "The archive")->required();
    for (CLI::App* command : {m_export, m_import}) {
        command->add_option("--archive-passphrase-file", m_passphraseFile,
                            "Read the archive passphrase from FILE");
    }
}

bool ArchiveCommands::parsed() const {
    return m_archive->parsed();
}

std::string ArchiveCommands::archivePassphrase(const Environment& env, bool newArchive) const {
    std::string value;
    if (!m_passphraseFile.empty()) {
        try {
            value = readPassphraseFile(m_passphraseFile);
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
    } else if (const auto fromEnv = env.variable("PRACTICE_LEDGER_ARCHIVE_PASSPHRASE")) {
        value = *fromEnv;
    } else {
        const auto typed = env.prompt("Archive passphrase for " + m_file + ": ");
        if (!typed) {
            throw UsageError("no archive passphrase: give --archive-passphrase-file FILE or set "
                             "PRACTICE_LEDGER_ARCHIVE_PASSPHRASE (there is no terminal to ask on)");
        }
        value = *typed;
        if (newArchive) {
            const auto again = env.prompt("Type it again: ");
            if (!again || *again != value) {
                throw UsageError("the two archive passphrases differ");
            }
        }
    }
    if (value.empty()) {
        throw UsageError("the archive passphrase is empty");
    }
    if (newArchive) {
        // An archive leaves the ledger's protection behind: the same rule as a ledger's.
        const PassphraseAssessment assessment = assessPassphrase(value);
        if (!assessment.acceptable) {
            throw UsageError("the archive passphrase is " + assessment.message);
        }
    }
    return value;
}

int ArchiveCommands::run(const ArchiveContext& context, std::ostream& out, std::ostream&) const {
    if (m_export->parsed()) {
        const std::string secret = archivePassphrase(*context.env, true);
        Ledger ledger = context.open(OpenMode::ReadOnly);
        const std::uint64_t rows = ledger.exportArchive(m_file, secret);
        out << "archived the ledger to " << m_file << ": " << rows << " rows, read back whole\n";
        return kOk;
    }
    const std::string secret = archivePassphrase(*context.env, false);
    const std::string targetSecret = context.targetSecret();
    const std::uint64_t rows = Ledger::importArchive(m_file, secret, context.target, targetSecret);
    out << "restored " << rows << " rows from " << m_file << " into "
        << (context.target.isServer() ? context.target.uri() : context.target.path().string())
        << "\n";
    return kOk;
}

} // namespace ledger::cli
