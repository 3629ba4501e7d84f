#include "commandline.h"

#include "manual.h"

#include <QStringList>

namespace appcommandline {

namespace {

QString description() {
    return QStringLiteral("The learning and development record of an adult social care workforce.");
}

QString fileDescription() {
    return QStringLiteral("A ledger file to unlock (as --location).");
}

std::string text(const QString& s) {
    return s.toStdString();
}

} // namespace

QList<QCommandLineOption> setUp(QCommandLineParser& parser) {
    parser.setApplicationDescription(description());
    QList<QCommandLineOption> options{parser.addHelpOption(), parser.addVersionOption()};
    const QList<QCommandLineOption> ours{
        QCommandLineOption(QStringLiteral("demo"),
                           QStringLiteral("Open a generated demo ledger (passphrase demo).")),
        QCommandLineOption(QStringLiteral("screenshot"),
                           QStringLiteral("Render a page to FILE (PNG) and exit."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("page"),
                           QStringLiteral("The page for --screenshot: unlock, coverage, "
                                          "drilldown, coverage-filtered, directory, person, "
                                          "editor, modules, teams, themes, import, settings, "
                                          "assessors, assessor-editor, assessor-category, "
                                          "assessor-person, asye, asye-person, apprenticeships, "
                                          "trend, expiring, asc-wds, module-editor, archives, "
                                          "archives-restored, backup, portfolio."),
                           QStringLiteral("NAME"), QStringLiteral("coverage")),
        QCommandLineOption(
            QStringLiteral("ledger"),
            QStringLiteral("Open the ledger at LOCATION (a file, or a postgresql:// server "
                           "address without a password) at start; a file's passphrase comes "
                           "from PRACTICE_LEDGER_PASSPHRASE or --passphrase-file, a server's "
                           "password from --passphrase-file or else libpq's password file."),
            QStringLiteral("LOCATION")),
        QCommandLineOption(QStringLiteral("passphrase-file"),
                           QStringLiteral("Read the passphrase (or server password) for --ledger "
                                          "from FILE (its first line)."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("location"),
                           QStringLiteral("Start the unlock page with LOCATION (a file or a "
                                          "server address) in its location field."),
                           QStringLiteral("LOCATION")),
    };
    parser.addOptions(ours);
    options.append(ours);
    parser.addPositionalArgument(QString::fromLatin1(kFileArgument), fileDescription(),
                                 QStringLiteral("[FILE]"));
    return options;
}

void writeManPage(std::ostream& out, const std::string& releaseDate) {
    QCommandLineParser parser;
    const QList<QCommandLineOption> options = setUp(parser);

    ledger::docs::Page page;
    page.program = "practice-ledger";
    page.summary = "the learning and development record of an adult social care workforce";
    page.version = PRACTICE_LEDGER_VERSION;
    page.date = releaseDate;
    page.synopsis = {"[\\fIOPTIONS\\fR] [\\fIFILE\\fR]", "\\fB\\-\\-demo\\fR"};
    page.description = {
        text(description()),
        "Practice Ledger keeps a council's mandatory modules, apprenticeships, trusted-assessor "
        "training, newly qualified practitioners' (ASYE) year, practice forums and CPD in one "
        "encrypted ledger, each linked to staff and to audit themes. Staff see their own record "
        "and log CPD; managers plan practice forums and see their team; workforce leads report "
        "training coverage as of any date, with the people behind every number, and export it "
        "as CSV, Excel, PDF, the Skills for Care ASC-WDS training file, or an evidence pack for "
        "the Care Quality Commission.",
        "With no options it opens on the unlock page, where a ledger file and its passphrase, or "
        "a PostgreSQL server address and an account, are chosen. A FILE argument fills in the "
        "location, as a file manager's Open With does. The command-line tool, "
        "practice-ledger-cli(1), reads and writes the same ledgers."};

    ledger::docs::Option file;
    file.argument = "FILE";
    file.text = text(fileDescription());
    page.root.positionals.push_back(file);
    for (const QCommandLineOption& option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp)) {
            continue;
        }
        ledger::docs::Option entry;
        for (const QString& name : option.names()) {
            if (name == QLatin1String("?")) {
                continue; // -? is a synonym Qt adds for Windows habits
            }
            entry.names.push_back((name.size() == 1 ? "-" : "--") + text(name));
        }
        entry.argument = text(option.valueName());
        entry.text = text(option.description());
        if (!option.defaultValues().isEmpty()) {
            entry.text += " Default: " + text(option.defaultValues().join(QLatin1Char(','))) + ".";
        }
        page.root.options.push_back(entry);
    }
    page.environment = {
        {"PRACTICE_LEDGER_PASSPHRASE",
         "The passphrase of the ledger file given with --ledger, when --passphrase-file is not "
         "given"},
        {"PRACTICE_LEDGER_TODAY",
         "The day to take as today (YYYY-MM-DD), for statuses and reports"},
        {"PGPASSFILE", "A server ledger's password file (else ~/.pgpass)"}};
    page.examples = {{"Look around a demo ledger of a generated council (passphrase demo):",
                      "practice-ledger --demo"},
                     {"Unlock a ledger file:", "practice-ledger council.ledger"},
                     {"Connect to a council's shared ledger on a server:",
                      "practice-ledger --location postgresql://ledger.example.org/ledger"}};
    page.seeAlso = {"practice-ledger-cli(1)"};
    ledger::docs::writeManPage(page, out);
}

} // namespace appcommandline
