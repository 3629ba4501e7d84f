#include "cli.h"

#include "archive_commands.h"
#include "ascwds_commands.h"
#include "backup_commands.h"
#include "cli_errors.h"
#include "command_line.h"
#include "output_file.h"
#include "passphrase.h"
#include "report_commands.h"
#include "server_commands.h"

#include "archive/seal.h"
#include "base/error.h"
#include "base/kill_point.h"
#include "base/passphrase_policy.h"
#include "cpd/cpd_export.h"
#include "demo/generator.h"
#include "export/pdf.h"
#include "io/csv.h"
#include "io/importer.h"
#include "io/record_csv.h"
#include "ledger.h"
#include "reports/report.h"
#include "reports/session_reports.h"

#include <CLI/CLI.hpp>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <ostream>
#include <streambuf>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ledger::cli {

namespace {

struct Options {
    std::string ledgerPath;
    std::string passphraseFile;
    std::string actor;
    // import
    std::string importKind;
    std::string importFile;
    bool dryRun = false;
    // export
    std::string exportKind;
    std::string exportOutput;
    // export cpd-record, hcpc-profile
    std::string exportEmployeeId;
    std::string exportFormat;
    std::string summaryFile;
    std::vector<std::string> statementEntries;
    std::string asOf;
    // role set
    std::string roleName;
    std::string canSignOff;
    // passphrase change
    std::string newPassphraseFile;
    // generate
    GeneratorOptions generator;
    // server
    ServerOptions server;
    // copy
    std::string copyTo;
};

bool onServer(const Options& options) {
    return Location::parse(options.ledgerPath).isServer();
}

Date systemToday() {
    const auto now = std::chrono::system_clock::now();
    return Date{std::chrono::floor<std::chrono::days>(now)};
}

Date today(const Environment& env) {
    if (const auto value = env.variable("PRACTICE_LEDGER_TODAY"); value && !value->empty()) {
        const auto parsed = parseIsoDate(*value);
        if (!parsed) {
            throw UsageError("PRACTICE_LEDGER_TODAY='" + *value + "' is not a date (YYYY-MM-DD)");
        }
        return *parsed;
    }
    return systemToday();
}

std::string actorName(const Options& options, const Environment& env) {
    if (!options.actor.empty()) {
        return options.actor;
    }
    if (const auto user = env.variable("PRACTICE_LEDGER_USER"); user && !user->empty()) {
        return *user;
    }
    if (const auto user = env.variable("USER"); user && !user->empty()) {
        return "cli:" + *user;
    }
    return "cli";
}

/// The passphrase from --passphrase-file, else PRACTICE_LEDGER_PASSPHRASE, else a prompt
/// without echo (twice when `confirm`). Never from a plain argument.
std::string passphrase(const Options& options, const Environment& env, bool confirm) {
    std::string value;
    if (!options.passphraseFile.empty()) {
        try {
            value = readPassphraseFile(options.passphraseFile);
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
    } else if (const auto fromEnv = env.variable("PRACTICE_LEDGER_PASSPHRASE")) {
        value = *fromEnv;
    } else {
        const auto typed = env.prompt("Passphrase for " + options.ledgerPath + ": ");
        if (!typed) {
            throw UsageError("no passphrase: give --passphrase-file FILE or set "
                             "PRACTICE_LEDGER_PASSPHRASE (there is no terminal to ask on)");
        }
        value = *typed;
        if (confirm && !value.empty()) {
            const auto again = env.prompt("Type it again: ");
            if (!again || *again != value) {
                throw UsageError("the two passphrases differ");
            }
        }
    }
    if (value.empty()) {
        throw UsageError("the passphrase is empty");
    }
    return value;
}

/// The ledger at --ledger: a file with its passphrase, or a server with the login's password
/// (from libpq's password file, else asked for).
Ledger openLedger(const Options& options, const Environment& env, OpenMode mode) {
    if (onServer(options)) {
        return openServerLedger(options.ledgerPath, mode, env);
    }
    return Ledger::open(options.ledgerPath, passphrase(options, env, false), mode);
}

/// Who the change log names: on a server, the login (the server sets it whatever is sent);
/// on a file, --as, PRACTICE_LEDGER_USER or the system user.
std::string actorFor(const Ledger& ledger, const Options& options, const Environment& env) {
    const std::string account = ledger.account();
    return account.empty() ? actorName(options, env) : account;
}

/// A new ledger's passphrase (init, generate, passphrase change) meets the one rule, or
/// the command stops before doing anything.
void requireStrongPassphrase(const std::string& secret, const std::string& which) {
    const PassphraseAssessment assessment = assessPassphrase(secret);
    if (!assessment.acceptable) {
        throw UsageError(which + " is " + assessment.message);
    }
}

/// A passphrase file open to other users may give the passphrase away: say so, carry on.
void warnIfReadableByOthers(const std::string& path, std::ostream& err) {
    struct stat info {};
    if (!path.empty() && ::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
        err << "practice-ledger-cli: warning: other users have access to the passphrase file "
            << path << "; run chmod 600 " << path << "\n";
    }
}

int runInit(const Options& options, const Environment& env, std::ostream& out) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(options.ledgerPath, ec))) {
        throw AlreadyExists("a file already exists at " + options.ledgerPath +
                            "; init never overwrites a file");
    }
    const std::string secret = passphrase(options, env, true);
    requireStrongPassphrase(secret, "the passphrase");
    Ledger::create(options.ledgerPath, secret, actorName(options, env));
    out << "created ledger " << options.ledgerPath << "\n";
    return kOk;
}

int runImport(const Options& options, const Environment& env, std::ostream& out,
              std::ostream& err) {
    const auto kind = parseImportKind(options.importKind);
    if (!kind) {
        throw UsageError("import what? staff, modules, requirements, completions, themes, "
                         "sessions, booking-actions, cpd, trusted-assessors, asye, supervisions, "
                         "apprenticeships, otj-hours or apprenticeship-reviews");
    }
    const Date now = today(env);
    // Opened (and checked) before the ledger, then read in pieces as it is imported.
    std::optional<ImportFile> file;
    try {
        file.emplace(options.importFile);
    } catch (const ImportFileError& e) {
        throw InputError(e.what());
    }
    Ledger ledger = openLedger(options, env, OpenMode::ReadWrite);
    ImportSummary summary;
    try {
        const bool sessionsFeature = *kind == ImportKind::Themes || *kind == ImportKind::Sessions ||
                                     *kind == ImportKind::BookingActions;
        const std::string actor = actorFor(ledger, options, env);
        summary = *kind == ImportKind::Cpd ? ledger.cpdImport().run(options.importFile, *file, now,
                                                                    options.dryRun, actor)
                  : *kind == ImportKind::TrustedAssessors
                      ? ledger.assessors().importFile(options.importFile, *file, now,
                                                      options.dryRun, actor)
                  : isProgrammeImport(*kind)
                      ? ledger.programmes().importFile(*kind, options.importFile, *file, now,
                                                       options.dryRun, actor)
                  : sessionsFeature ? ledger.sessionImport().run(*kind, options.importFile, *file,
                                                                 now, options.dryRun, actor)
                                    : ledger.imports().file(*kind, *file, options.importFile, now,
                                                            options.dryRun, actor);
    } catch (const ImportFileError& e) {
        throw InputError(e.what());
    }
    for (const FieldError& notice : summary.notices) {
        err << formatFieldError(notice) << "\n";
    }
    out << "added " << summary.added << ", updated " << summary.updated << ", unchanged "
        << summary.unchanged << "\n";
    return kOk;
}

int runExport(const Options& options, const Environment& env, std::ostream& out) {
    const auto kind = parseImportKind(options.exportKind);
    if (!kind) {
        throw UsageError("export what? staff, modules, requirements or completions");
    }
    Ledger ledger = openLedger(options, env, OpenMode::ReadOnly);
    if (options.exportOutput.empty()) {
        writeRecordCsv(*kind, ledger.training(), out);
        out.flush();
        if (!out) {
            throw std::runtime_error("cannot write the export to the standard output");
        }
        return kOk;
    }
    writeWholeFile(options.exportOutput,
                   [&](std::ostream& file) { writeRecordCsv(*kind, ledger.training(), file); });
    return kOk;
}

/// export cpd-record|hcpc-profile (issue 10, item 4).
int runCpdExport(const std::string& name, const Options& options, const Environment& env) {
    Date asOf = today(env);
    if (!options.asOf.empty()) {
        const auto parsed = parseIsoDate(options.asOf);
        if (!parsed) {
            throw UsageError("--as-of " + options.asOf + " is not a date (YYYY-MM-DD)");
        }
        asOf = *parsed;
    }
    HcpcProfileChoice choice;
    if (!options.summaryFile.empty()) {
        std::ifstream file(options.summaryFile, std::ios::binary);
        if (!file) {
            throw UsageError("cannot read --summary-file " + options.summaryFile);
        }
        choice.practiceSummary.assign(std::istreambuf_iterator<char>(file), {});
        if (const std::size_t bad = findInvalidUtf8(choice.practiceSummary);
            bad != std::string::npos) {
            throw InputError(options.summaryFile + ": not UTF-8 text (byte " +
                             std::to_string(bad + 1) + ")");
        }
    }
    Ledger ledger = openLedger(options, env, OpenMode::ReadOnly);
    const std::optional<CpdExportData> data = ledger.cpd().exportData(options.exportEmployeeId);
    if (!data) {
        throw InputError("practice-ledger-cli: no person with employee id " +
                         options.exportEmployeeId + " in the ledger");
    }
    for (const std::string& wanted : options.statementEntries) {
        const auto date = parseIsoDate(std::string_view(wanted).substr(0, 10));
        const std::string title = wanted.size() > 11 ? wanted.substr(11) : std::string();
        if (!date || wanted.size() < 12 || wanted[10] != ' ') {
            throw UsageError("--statement " + wanted + " is not \"YYYY-MM-DD TITLE\"");
        }
        const auto found =
            std::find_if(data->entries.begin(), data->entries.end(), [&](const CpdEntry& e) {
                return e.date == *date && e.title == title && e.status == CpdStatus::Final;
            });
        if (found == data->entries.end()) {
            throw InputError("practice-ledger-cli: --statement: " + options.exportEmployeeId +
                             " has no final CPD entry dated " + formatIso(*date) + " titled " +
                             title);
        }
        choice.statementEntries.push_back(found->id);
    }
    std::string bytes;
    if (name == "cpd-record") {
        bytes = options.exportFormat == "csv" ? formatCpdRecordCsv(data->entries)
                                              : renderPdf(cpdRecordDocument(*data, asOf));
    } else {
        bytes = renderPdf(hcpcProfileDocument(*data, choice, asOf));
    }
    writeWholeFile(options.exportOutput, [&](std::ostream& file) { file << bytes; });
    return kOk;
}

/// role set NAME --can-sign-off yes|no (rules/learning-record.md section 7).
int runRoleSet(const Options& options, const Environment& env, std::ostream& out) {
    const bool canSignOff = options.canSignOff == "yes";
    Ledger ledger = openLedger(options, env, OpenMode::ReadWrite);
    ledger.assessors().setRoleCanSignOff(options.roleName, canSignOff,
                                         actorFor(ledger, options, env));
    out << "role " << options.roleName << ": can sign off " << (canSignOff ? "yes" : "no") << "\n";
    return kOk;
}

int runCheck(const Options& options, const Environment& env, std::ostream& out, std::ostream& err) {
    Ledger ledger = openLedger(options, env, OpenMode::ReadOnly);
    out << "schema version " << ledger.schemaVersion() << "\n";
    for (const std::string& notice : ledger.notices()) {
        out << notice << "\n";
    }
    const auto problems = ledger.check();
    for (const std::string& problem : problems) {
        err << problem << "\n";
    }
    if (!problems.empty()) {
        return kOther;
    }
    out << "integrity ok, foreign keys ok\n";
    return kOk;
}

int runPassphraseChange(const Options& options, const Environment& env, std::ostream& out) {
    std::string next;
    try {
        next = readPassphraseFile(options.newPassphraseFile);
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
    if (next.empty()) {
        throw UsageError("the new passphrase is empty");
    }
    requireStrongPassphrase(next, "the new passphrase");
    Ledger ledger = Ledger::open(options.ledgerPath, passphrase(options, env, false));
    const auto oldBackups = ledger.changePassphrase(next, actorName(options, env));
    out << "passphrase changed\n";
    if (!oldBackups.empty()) {
        out << "these backup copies are still under the old passphrase (remove them, or keep "
               "them as safe as the old passphrase):\n";
        for (const auto& backup : oldBackups) {
            out << "  " << backup.string() << "\n";
        }
    }
    return kOk;
}

int runCopy(const Options& options, const Environment& env, std::ostream& out, std::ostream& err) {
    Ledger ledger = openLedger(options, env, OpenMode::ReadOnly);
    const Location target = Location::parse(options.copyTo);
    if (target.isServer()) {
        if (!options.newPassphraseFile.empty()) {
            throw UsageError("--new-passphrase-file is for a new ledger file; a server's "
                             "password comes from PGPASSFILE (or ~/.pgpass), else you are asked");
        }
        checkServerLocation(options.copyTo, err);
        copyToServer(ledger, options.copyTo, env);
    } else {
        if (options.newPassphraseFile.empty()) {
            throw UsageError("a new ledger file needs its passphrase: --new-passphrase-file FILE");
        }
        std::string next;
        try {
            next = readPassphraseFile(options.newPassphraseFile);
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
        requireStrongPassphrase(next, "the new passphrase");
        ledger.copyTo(target, next);
    }
    out << "copied the ledger to " << options.copyTo << "\n";
    return kOk;
}

int runGenerate(Options options, const Environment& env, std::ostream& out) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(options.ledgerPath, ec))) {
        throw AlreadyExists("a file already exists at " + options.ledgerPath +
                            "; generate writes a new ledger only");
    }
    const std::string secret = passphrase(options, env, true);
    requireStrongPassphrase(secret, "the passphrase");
    options.generator.today = today(env);
    const LedgerData data = generateCouncil(options.generator);
    const std::string actor = actorName(options, env);
    // Filled before it appears: a generate stopped part-way leaves no ledger behind.
    Progress progress;
    progress.report = [](double fraction) {
        if (fraction >= 0.5) {
            killPoint("generate-halfway");
        }
        return true;
    };
    Ledger::create(options.ledgerPath, secret, actor, [&](Ledger& ledger) {
        ledger.imports().records(data, options.generator.today, actor, &progress);
    });
    out << "generated " << data.staff.size() << " staff, " << data.modules.size() << " modules, "
        << data.requirements.size() << " rules, " << data.completions.size()
        << " completions ending " << formatIso(options.generator.today) << "\n";
    return kOk;
}

} // namespace

Environment systemEnvironment() {
    Environment env;
    env.variable = [](const std::string& name) -> std::optional<std::string> {
        if (const char* value = std::getenv(name.c_str())) {
            return std::string(value);
        }
        return std::nullopt;
    };
    env.prompt = [](const std::string& prompt) {
        return promptPassphrase(prompt);
    };
    return env;
}

namespace {

/// The command line: every option and subcommand, bound to where its value goes. One
/// definition serves parsing, --help, the manual page and the bash completion.
struct CommandLine {
    Options options;
    CLI::App app{"Practice Ledger: the learning and development record of an adult social "
                 "care workforce, in an encrypted ledger.",
                 "practice-ledger-cli"};
    CLI::App* init = nullptr;
    CLI::App* import = nullptr;
    CLI::App* exportCommand = nullptr;
    CLI::App* cpdRecord = nullptr;
    CLI::App* hcpcProfile = nullptr;
    CLI::App* role = nullptr;
    CLI::App* roleSet = nullptr;
    CLI::App* check = nullptr;
    CLI::App* passphraseCommand = nullptr;
    CLI::App* change = nullptr;
    CLI::App* generate = nullptr;
    CLI::App* copy = nullptr;
    CLI::App* server = nullptr;
    CLI::App* addAccount = nullptr;
    CLI::App* setAccess = nullptr;
    CLI::App* removeAccount = nullptr;
    std::optional<AscWdsCommands> ascWds;
    std::optional<ReportCommands> reports;
    std::optional<BackupCommands> backups;
    std::optional<ArchiveCommands> archives;

    CommandLine();
};

CommandLine::CommandLine() {
    app.set_version_flag("--version", "practice-ledger-cli " PRACTICE_LEDGER_VERSION,
                         "Print the version and exit");
    app.require_subcommand(1);
    app.add_option("--ledger", options.ledgerPath,
                   "The ledger: a file, or a database on a PostgreSQL server as "
                   "postgresql://[user@]host[:port]/database (its password from PGPASSFILE or "
                   "~/.pgpass, else asked for; never in the address)")
        ->required();
    app.add_option("--passphrase-file", options.passphraseFile,
                   "Read the passphrase from FILE (else PRACTICE_LEDGER_PASSPHRASE, else a "
                   "prompt)");
    app.add_option("--as", options.actor,
                   "Who is making the change, for the change log (else PRACTICE_LEDGER_USER)");

    init = app.add_subcommand("init", "Create a new, empty ledger");

    import = app.add_subcommand("import", "Import a CSV file (all or nothing)");
    import
        ->add_option("kind", options.importKind,
                     "staff, modules, requirements, completions, themes, sessions, "
                     "booking-actions, cpd, trusted-assessors, asye, supervisions, "
                     "apprenticeships, otj-hours or apprenticeship-reviews")
        ->required()
        ->check(
            CLI::IsMember({"staff", "modules", "requirements", "completions", "themes", "sessions",
                           "booking-actions", "cpd", "trusted-assessors", "asye", "supervisions",
                           "apprenticeships", "otj-hours", "apprenticeship-reviews"}));
    import->add_option("file", options.importFile, "The CSV file")->required();
    import->add_flag("--dry-run", options.dryRun, "Check and count; write nothing");

    exportCommand = app.add_subcommand(
        "export", "Write one kind of record as CSV, in the form its import reads (UTF-8, ISO "
                  "dates, one line per record). Completions are written without the voided "
                  "ones, which an import cannot hold");
    exportCommand
        ->add_option("kind", options.exportKind, "staff, modules, requirements or completions")
        ->check(CLI::IsMember({"staff", "modules", "requirements", "completions"}));
    exportCommand->add_option("--output", options.exportOutput,
                              "Write to FILE (whole or not at all; readable by its owner only) "
                              "instead of the standard output");
    cpdRecord = exportCommand->add_subcommand(
        "cpd-record", "A person's final CPD entries by date, as CSV (the cpd import's columns) "
                      "or as a PDF in the order of Social Work England's CPD form");
    cpdRecord->add_option("employee_id", options.exportEmployeeId, "The person")->required();
    cpdRecord->add_option("--format", options.exportFormat, "csv or pdf")
        ->required()
        ->check(CLI::IsMember({"csv", "pdf"}));
    hcpcProfile = exportCommand->add_subcommand(
        "hcpc-profile", "A person's HCPC-style CPD profile as a PDF: practice summary, dated "
                        "activities of the cycle with gaps marked, a statement from chosen "
                        "entries, their evidence");
    hcpcProfile->add_option("employee_id", options.exportEmployeeId, "The person")->required();
    hcpcProfile->add_option("--summary-file", options.summaryFile,
                            "The summary of practice history (UTF-8 text, up to 500 words; "
                            "default: one from the person's record)");
    hcpcProfile->add_option("--statement", options.statementEntries,
                            "An entry for the statement, as \"YYYY-MM-DD TITLE\" (repeat for "
                            "each; default: the six most recent of the cycle)");
    for (CLI::App* command : {cpdRecord, hcpcProfile}) {
        command
            ->add_option("--output", options.exportOutput,
                         "Write to FILE (whole or not at all; readable by its owner only)")
            ->required();
        command->add_option("--as-of", options.asOf,
                            "The day the record is as of (default: today)");
    }

    ascWds.emplace(*import, *exportCommand);

    reports.emplace(app);

    role = app.add_subcommand("role", "Roles");
    role->require_subcommand(1);
    roleSet = role->add_subcommand("set", "Change a role");
    roleSet->add_option("name", options.roleName, "The role's name")->required();
    roleSet
        ->add_option("--can-sign-off", options.canSignOff,
                     "Whether its people may sign trusted assessors off: yes or no")
        ->required()
        ->check(CLI::IsMember({"yes", "no"}));

    check = app.add_subcommand("check", "Integrity and foreign-key checks");

    passphraseCommand = app.add_subcommand("passphrase", "Passphrase management");
    passphraseCommand->require_subcommand(1);
    change = passphraseCommand->add_subcommand("change", "Change the passphrase");
    change
        ->add_option("--new-passphrase-file", options.newPassphraseFile,
                     "Read the new passphrase from FILE")
        ->required();

    generate = app.add_subcommand("generate", "Create a new ledger holding a synthetic council");
    generate->add_option("--staff", options.generator.staff, "People (default 400)")
        ->check(CLI::Range(1, 1000000));
    generate->add_option("--teams", options.generator.teams, "Teams (default 12)")
        ->check(CLI::Range(1, 10000));
    generate->add_option("--modules", options.generator.modules, "Modules (default 18)")
        ->check(CLI::Range(1, 60));
    generate->add_option("--years", options.generator.years, "Years of history (default 6)")
        ->check(CLI::Range(1, 40));
    generate->add_option("--seed", options.generator.seed, "Random seed (default 1)");
    generate
        ->add_option("--completions-per-staff", options.generator.completionsPerStaff,
                     "0 follows renewal cycles; N gives about N per person")
        ->check(CLI::Range(0, 10000));

    copy = app.add_subcommand(
        "copy", "Copy the whole ledger (every record and the change log, with its actors and "
                "times) to a new ledger file or into a server's empty ledger, in one "
                "transaction; on a server, as its administrator");
    copy->add_option("--to", options.copyTo, "A new file, or postgresql://host/database")
        ->required();
    copy->add_option("--new-passphrase-file", options.newPassphraseFile,
                     "The new ledger file's passphrase, from FILE");
    backups.emplace(app);

    archives.emplace(app);

    server = app.add_subcommand(
        "server", "Set up a ledger on a PostgreSQL server and its accounts (run by the "
                  "database's administrator; --ledger is the server address)");
    server->require_subcommand(1);
    server->add_subcommand("init", "Make the ledger in the (empty) database: its schema, an "
                                   "owner role and the workforce-lead, manager and staff roles");
    addAccount = server->add_subcommand("add-account", "A new login for a person in the ledger");
    addAccount->add_option("employee_id", options.server.employeeId, "The person")->required();
    addAccount->add_option("--login", options.server.login, "The new login's name")->required();
    addAccount
        ->add_option("--access", options.server.access,
                     "staff (their own record), manager (their line-management tree) or "
                     "workforce-lead (everyone)")
        ->required()
        ->check(CLI::IsMember({"staff", "manager", "workforce-lead"}));
    addAccount->add_option("--password-file", options.server.passwordFile,
                           "Read the login's password from FILE (else asked twice)");
    server->add_subcommand("upgrade", "Bring the ledger's schema up to this program's version "
                                      "(back the database up with pg_dump first)");
    server->add_subcommand("list-accounts", "Every login, its person and access");
    setAccess = server->add_subcommand("set-access", "Change a login's access");
    setAccess->add_option("login", options.server.login, "The login")->required();
    setAccess->add_option("--access", options.server.access, "staff, manager or workforce-lead")
        ->required()
        ->check(CLI::IsMember({"staff", "manager", "workforce-lead"}));
    removeAccount = server->add_subcommand("remove-account",
                                           "Remove a login (its entries in the change log stay)");
    removeAccount->add_option("login", options.server.login, "The login")->required();
}

} // namespace

const CLI::App& commandLineDefinitions() {
    static const CommandLine line;
    return line.app;
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        const Environment& env) {
    CommandLine line;
    Options& options = line.options;
    CLI::App& app = line.app;
    CLI::App* const init = line.init;
    CLI::App* const import = line.import;
    CLI::App* const cpdRecord = line.cpdRecord;
    CLI::App* const hcpcProfile = line.hcpcProfile;
    CLI::App* const exportCommand = line.exportCommand;
    CLI::App* const roleSet = line.roleSet;
    CLI::App* const check = line.check;
    CLI::App* const change = line.change;
    CLI::App* const generate = line.generate;
    CLI::App* const copy = line.copy;
    CLI::App* const server = line.server;
    const AscWdsCommands& ascWds = *line.ascWds;
    ReportCommands& reports = *line.reports;
    const BackupCommands& backups = *line.backups;
    const ArchiveCommands& archives = *line.archives;

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e, out, err);
        return code == 0 ? kOk : kUsage;
    }

    try {
        today(env); // a bad PRACTICE_LEDGER_TODAY is a usage error for every command
        if (onServer(options)) {
            checkServerLocation(options.ledgerPath, err);
            if (!options.passphraseFile.empty()) {
                throw UsageError("a ledger on a server has no passphrase: its password comes "
                                 "from PGPASSFILE (or ~/.pgpass), else you are asked");
            }
            if (!options.actor.empty()) {
                throw UsageError("--as is for a ledger file: on a server the change log names "
                                 "the login you connect as");
            }
            if (init->parsed() || generate->parsed() || change->parsed()) {
                throw UsageError("init, generate and passphrase are for a ledger file; a ledger "
                                 "on a server is made with: server init");
            }
            for (CLI::App* command : server->get_subcommands()) {
                return runServer(command->get_name(), options.ledgerPath, options.server, env, out,
                                 err);
            }
        } else if (server->parsed()) {
            throw UsageError("server commands take a server address as --ledger "
                             "(postgresql://host/database)");
        }
        warnIfReadableByOthers(options.passphraseFile, err);
        if (change->parsed() || copy->parsed()) {
            warnIfReadableByOthers(options.newPassphraseFile, err);
        }
        if (copy->parsed()) {
            return runCopy(options, env, out, err);
        }
        if (archives.parsed()) {
            warnIfReadableByOthers(archives.passphraseFile(), err);
            const Location target = Location::parse(options.ledgerPath);
            return archives.run(
                {[&](OpenMode mode) { return openLedger(options, env, mode); }, target,
                 [&]() -> std::string {
                     if (target.isServer()) {
                         return {};
                     }
                     std::string secret = passphrase(options, env, true);
                     requireStrongPassphrase(secret, "the new ledger's passphrase");
                     return secret;
                 },
                 &env, [&](const Ledger& l) { return actorFor(l, options, env); }, today(env)},
                out, err);
        }
        if (backups.parsed()) {
            return backups.run({options.ledgerPath, onServer(options),
                                [&](OpenMode mode) { return openLedger(options, env, mode); },
                                [&] {
                                    return passphrase(options, env, false);
                                }},
                               out);
        }
        if (init->parsed()) {
            return runInit(options, env, out);
        }
        if (ascWds.parsed()) {
            return ascWds.run({[&](OpenMode mode) { return openLedger(options, env, mode); },
                               [&](const Ledger& l) { return actorFor(l, options, env); },
                               today(env), writeWholeFile},
                              out, err);
        }
        if (import->parsed()) {
            return runImport(options, env, out, err);
        }
        if (cpdRecord->parsed() || hcpcProfile->parsed()) {
            return runCpdExport(cpdRecord->parsed() ? "cpd-record" : "hcpc-profile", options, env);
        }
        if (exportCommand->parsed()) {
            return runExport(options, env, out);
        }
        if (reports.parsed()) {
            return reports.run([&] { return openLedger(options, env, OpenMode::ReadOnly); },
                               today(env), out);
        }
        if (roleSet->parsed()) {
            return runRoleSet(options, env, out);
        }
        if (check->parsed()) {
            return runCheck(options, env, out, err);
        }
        if (change->parsed()) {
            return runPassphraseChange(options, env, out);
        }
        if (generate->parsed()) {
            return runGenerate(options, env, out);
        }
        err << app.help();
        return kUsage;
    } catch (const UsageError& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kUsage;
    } catch (const InputError& e) {
        err << e.what() << "\n";
        return kInvalidInput;
    } catch (const ActionRefused& e) {
        err << "practice-ledger-cli: refused: " << e.what() << "\n";
        return kInvalidInput;
    } catch (const archive::ArchiveDamaged& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kInvalidInput;
    } catch (const ValidationError& e) {
        for (const FieldError& error : e.errors()) {
            err << formatFieldError(error) << "\n";
        }
        return kInvalidInput;
    } catch (const NotPermitted& e) {
        err << "practice-ledger-cli: not permitted for this account: " << e.what() << "\n";
        return kOther;
    } catch (const AlreadyExists& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kInvalidInput;
    } catch (const LedgerMissing& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const NotALedger& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const WrongPassphrase& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const NewerSchema& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const OlderSchema& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const CompanionFileProblem& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const LedgerDamaged& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kCannotOpen;
    } catch (const std::exception& e) {
        err << "practice-ledger-cli: " << e.what() << "\n";
        return kOther;
    }
}

} // namespace ledger::cli
