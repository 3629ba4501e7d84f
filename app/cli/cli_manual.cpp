// practice-ledger-cli's manual page and bash completion, read off the CLI11 definitions that
// parse its command line (cli.cpp), so that they say what --help says.
#include "cli.h"
#include "command_line.h"

#include "manual.h"

#include <CLI/CLI.hpp>

#include <string>

namespace ledger::cli {

namespace {

std::string upper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

/// "TEXT:{csv,pdf}" gives csv and pdf: the values an IsMember check accepts.
std::vector<std::string> choicesOf(const std::string& typeName) {
    std::vector<std::string> choices;
    const std::size_t open = typeName.find(":{");
    const std::size_t close = typeName.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open) {
        return choices;
    }
    std::string item;
    for (const char c : typeName.substr(open + 2, close - open - 2)) {
        if (c == ',') {
            choices.push_back(item);
            item.clear();
        } else if (c != ' ') {
            item += c;
        }
    }
    if (!item.empty()) {
        choices.push_back(item);
    }
    return choices;
}

/// What an option's value is called in the page: FILE and LOCATION where it names one (the
/// completion offers paths for those), else what --help calls its type.
std::string argumentOf(const CLI::Option& option, const std::vector<std::string>& choices) {
    if (option.get_positional()) {
        return upper(option.get_name(true));
    }
    const std::string name = option.get_name();
    const bool file =
        name == "--output" || (name.size() > 5 && name.compare(name.size() - 5, 5, "-file") == 0);
    if (file) {
        return "FILE";
    }
    if (name == "--ledger" || name == "--to") {
        return "LOCATION";
    }
    if (!choices.empty()) {
        return upper(name.substr(2));
    }
    const std::string type = option.get_type_name();
    if (type == "INT" || type == "UINT") {
        return "N";
    }
    return type.empty() ? "VALUE" : type.substr(0, type.find(':'));
}

docs::Option describe(const CLI::Option& option) {
    docs::Option out;
    if (!option.get_positional()) {
        for (const std::string& name : option.get_snames()) {
            out.names.push_back("-" + name);
        }
        for (const std::string& name : option.get_lnames()) {
            out.names.push_back("--" + name);
        }
    }
    out.choices = choicesOf(option.get_type_name());
    if (option.get_positional() || option.get_type_size() != 0) { // as --help decides
        out.argument = argumentOf(option, out.choices);
    }
    out.text = option.get_description();
    out.required = option.get_required();
    return out;
}

docs::Command describe(const CLI::App& app) {
    docs::Command command;
    command.name = app.get_name();
    command.text = app.get_description();
    command.needsSubcommand = app.get_require_subcommand_min() > 0;
    const bool root = app.get_parent() == nullptr;
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_group().empty() || (!root && option == app.get_help_ptr())) {
            continue; // hidden, or every command's --help, said once for the program
        }
        (option->get_positional() ? command.positionals : command.options)
            .push_back(describe(*option));
    }
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        command.subcommands.push_back(describe(*sub));
    }
    return command;
}

} // namespace

void writeManPage(std::ostream& out, const std::string& releaseDate) {
    docs::Page page;
    page.program = "practice-ledger-cli";
    page.summary = "keep and report the learning and development record of an adult social "
                   "care workforce";
    page.version = PRACTICE_LEDGER_VERSION;
    page.date = releaseDate;
    page.synopsis = {"\\fB\\-\\-ledger\\fR \\fILOCATION\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR "
                     "[\\fIARGUMENTS\\fR]",
                     "\\fB\\-\\-version\\fR", "\\fB\\-\\-help\\fR"};
    page.root = describe(commandLineDefinitions());
    page.description = {
        page.root.text,
        "The ledger is an encrypted file (SQLCipher), or a database on a PostgreSQL server shared "
        "by a council's workforce, where each person logs in with an account of their own and the "
        "server decides what they may see and change. The desktop application, "
        "practice-ledger(1), opens the same ledgers.",
        "Every change is one transaction: an import with a single bad row changes nothing and "
        "lists every problem with its line and field. Reports are written to the standard output "
        "unless a command takes --output. Dates are ISO 8601 (YYYY-MM-DD).",
        "Each command below takes its own options after its name; the options above come before "
        "the command. Run any command with --help for the same text as here."};
    page.exitStatuses = {
        {std::to_string(kOk), "Success"},
        {std::to_string(kUsage),
         "Usage: bad arguments, no passphrase, or a PRACTICE_LEDGER_TODAY that is not a date"},
        {std::to_string(kInvalidInput),
         "Invalid input, a damaged archive, or an action the ledger refuses; nothing was "
         "changed"},
        {std::to_string(kCannotOpen),
         "The ledger cannot be opened: missing, not a ledger, the wrong passphrase, damaged, "
         "written by a newer version, a companion file that is not its own, or an interrupted "
         "write that cannot be undone where it is"},
        {std::to_string(kOther),
         "Anything else, among them: the ledger is held by another writer, a write to a "
         "read-only place, a passphrase change while others have it open, or an action the "
         "server account may not take"}};
    page.environment = {
        {"PRACTICE_LEDGER_PASSPHRASE",
         "The ledger file's passphrase, when --passphrase-file is not given (else it is asked "
         "for on the terminal)"},
        {"PRACTICE_LEDGER_ARCHIVE_PASSPHRASE",
         "An archive's passphrase, when --archive-passphrase-file is not given"},
        {"PRACTICE_LEDGER_USER",
         "Who makes the change, for a ledger file's change log, when --as is not given (else "
         "USER)"},
        {"PRACTICE_LEDGER_TODAY",
         "The day to take as today (YYYY-MM-DD), for reports that are as of today"},
        {"PGPASSFILE",
         "A server ledger's password file (else ~/.pgpass, else the password is asked for); a "
         "password never goes in the address"}};
    page.examples = {
        {"Make a new ledger and import a council's staff and modules:",
         "practice-ledger-cli --ledger council.ledger init\n"
         "practice-ledger-cli --ledger council.ledger import staff staff.csv\n"
         "practice-ledger-cli --ledger council.ledger import modules modules.csv"},
        {"Training coverage by team as of the end of March, as CSV:",
         "practice-ledger-cli --ledger council.ledger report coverage --as-of 2026-03-31 "
         "--format csv"},
        {"Archive a whole ledger under a passphrase of its own:",
         "practice-ledger-cli --ledger council.ledger archive export council.plarchive"}};
    page.seeAlso = {"practice-ledger(1)", "pg_dump(1)"};
    docs::writeManPage(page, out);
}

void writeBashCompletion(std::ostream& out) {
    docs::writeBashCompletion("practice-ledger-cli", describe(commandLineDefinitions()), out);
}

} // namespace ledger::cli
