#pragma once

// The desktop app's command line: one definition for parsing (main.cpp), --help, and the
// manual page (app_manual.cpp).

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

#include <iosfwd>
#include <string>

namespace appcommandline {

/// Sets `parser` up with the app's description, options and argument; returns every option,
/// --help and --version among them, in the order --help lists them.
QList<QCommandLineOption> setUp(QCommandLineParser& parser);

/// The app's positional argument: a ledger file to unlock, as a file manager passes it.
inline constexpr const char* kFileArgument = "file";

/// The manual page of practice-ledger (roff, section 1), from the same definitions.
void writeManPage(std::ostream& out, const std::string& releaseDate);

} // namespace appcommandline
