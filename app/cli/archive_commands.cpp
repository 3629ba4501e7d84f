#include "archive_commands.h"

#include "cli_errors.h"
#include "passphrase.h"

#include "archive/portfolio.h"
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
    m_exportPortfolio = m_archive->add_subcommand(
        "export-portfolio",
        "Write one person's learning record (completions with certificates, CPD with evidence, "
        "sessions attended, programmes) into a new portfolio FILE, for them to take to a new "
        "employer or keep; on a server, a login tied to a person exports their own only");
    m_exportPortfolio->add_option("employee_id", m_employeeId, "Whose portfolio")->required();
    m_exportPortfolio->add_option("file", m_file, "The new portfolio")->required();
    m_importPortfolio = m_archive->add_subcommand(
        "import-portfolio",
        "Bring a portfolio's completions (modules matched by code) and CPD entries, with their "
        "files, into --ledger: every conflict, unmatched module and problem is listed and then "
        "nothing is written; all or nothing");
    m_importPortfolio->add_option("file", m_file, "The portfolio")->required();
    m_importPortfolio->add_option("--as", m_asEmployeeId,
                                  "Write it to the person with this employee id (default: the "
                                  "portfolio's own)");
    m_importPortfolio->add_flag("--dry-run", m_dryRun,
                                "List what would be added, already there and in conflict; "
                                "write nothing");
    for (CLI::App* command : {m_export, m_import, m_exportPortfolio, m_importPortfolio}) {
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

namespace {

/// "1 certificate", "2 certificates".
std::string counted(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// `completion CODE YYYY-MM-DD` or `cpd YYYY-MM-DD TITLE`, and what else is worth saying.
std::string itemText(const archive::PortfolioItem& item) {
    const bool completion = item.kind == archive::PortfolioItem::Kind::Completion;
    std::string text = completion ? "completion " + item.moduleCode + " " + formatIso(item.date)
                                  : "cpd " + formatIso(item.date) + " " + item.title;
    std::vector<std::string> notes;
    if (item.voided) {
        notes.emplace_back("voided");
    }
    if (item.draft) {
        notes.emplace_back("draft");
    }
    if (item.files > 0) {
        notes.push_back(completion ? counted(item.files, "certificate", "certificates")
                                   : counted(item.files, "evidence file", "evidence files"));
    }
    for (std::size_t i = 0; i < notes.size(); ++i) {
        text += (i == 0 ? " (" : ", ") + notes[i] + (i + 1 == notes.size() ? ")" : "");
    }
    if (!item.differences.empty()) {
        text += ": differs in";
        for (std::size_t i = 0; i < item.differences.size(); ++i) {
            text += (i == 0 ? " " : ", ") + item.differences[i];
        }
    }
    return text;
}

} // namespace

int ArchiveCommands::runImportPortfolio(const ArchiveContext& context, std::ostream& out,
                                        std::ostream& err) const {
    const std::string secret = archivePassphrase(*context.env, false);
    Ledger ledger = context.open(m_dryRun ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    archive::PortfolioImportOptions options;
    options.asEmployeeId = m_asEmployeeId;
    options.dryRun = m_dryRun;
    options.today = context.today;
    options.actor = context.actor ? context.actor(ledger) : std::string();
    options.fileName = std::filesystem::path(m_file).filename().string();
    const archive::PortfolioPlan plan =
        ledger.portfolios().importPortfolio(m_file, secret, options);

    out << "portfolio of " << plan.fromEmployeeId << " " << plan.fullName << ", exported on "
        << formatIso(plan.exportedOn) << " by " << plan.writtenBy << "\n";
    out << "into " << plan.toEmployeeId << "\n";
    for (const archive::PortfolioItem& item : plan.toAdd) {
        out << "add " << itemText(item) << "\n";
    }
    for (const archive::PortfolioItem& item : plan.alreadyThere) {
        out << "already there " << itemText(item) << "\n";
    }
    for (const archive::PortfolioItem& item : plan.conflicts) {
        out << "conflict " << itemText(item) << "\n";
    }
    for (const auto& [code, count] : plan.unmatchedModules) {
        out << "unmatched module " << code << " (" << counted(count, "completion", "completions")
            << ")\n";
    }
    for (const FieldError& problem : plan.problems) {
        out << "problem " << formatFieldError(problem) << "\n";
    }
    for (const std::string& theme : plan.droppedThemes) {
        out << "theme left out " << theme << " (not in this ledger)\n";
    }
    out << "history not written: " << counted(plan.history.sessions, "session", "sessions")
        << " attended, "
        << counted(plan.history.programmeRecords, "programme record", "programme records") << "\n";
    if (!plan.clean()) {
        out << (plan.dryRun ? "dry run: " : "")
            << "nothing written: " << counted(plan.conflicts.size(), "conflict", "conflicts")
            << ", "
            << counted(plan.unmatchedModules.size(), "unmatched module", "unmatched modules")
            << ", " << counted(plan.problems.size(), "problem", "problems") << "\n";
        err << "practice-ledger-cli: the portfolio was not imported: resolve what is listed "
               "above, then import it again\n";
        return kInvalidInput;
    }
    out << (plan.dryRun ? "dry run: " + std::to_string(plan.toAdd.size()) + " to add"
                        : "imported " + std::to_string(plan.toAdd.size()))
        << ", " << plan.alreadyThere.size() << " already there"
        << (plan.dryRun ? "; nothing written" : "") << "\n";
    return kOk;
}

int ArchiveCommands::run(const ArchiveContext& context, std::ostream& out,
                         std::ostream& err) const {
    if (m_exportPortfolio->parsed()) {
        const std::string secret = archivePassphrase(*context.env, true);
        Ledger ledger = context.open(OpenMode::ReadOnly);
        const archive::PortfolioCounts counts =
            ledger.portfolios().exportPortfolio(m_employeeId, m_file, secret, context.today);
        out << "exported the portfolio of " << m_employeeId << " to " << m_file << ": "
            << counted(counts.completions, "completion", "completions") << " ("
            << counted(counts.certificates, "certificate", "certificates") << "), "
            << counted(counts.cpdEntries, "CPD entry", "CPD entries") << " ("
            << counted(counts.evidence, "evidence file", "evidence files") << "), "
            << counted(counts.sessions, "session", "sessions") << " attended, "
            << counted(counts.programmeRecords, "programme record", "programme records")
            << "; read back whole\n";
        return kOk;
    }
    if (m_importPortfolio->parsed()) {
        return runImportPortfolio(context, out, err);
    }
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
