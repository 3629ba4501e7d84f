// The CLI's manual page and bash completion are written from the definitions that parse its
// command line: checked here against what --help prints for every command, and by running
// the completion in bash.
#include "cli_runner.h"
#include "test_support.h"

#include "cli.h"
#include "manual.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <deque>
#include <fstream>
#include <regex>
#include <sstream>

namespace ledger {
namespace {

using test::Cli;
using test::Result;

/// The commands a --help text lists under "Subcommands:".
std::vector<std::string> commandsIn(const std::string& help) {
    std::vector<std::string> commands;
    std::istringstream lines(help);
    std::string line;
    bool inList = false;
    while (std::getline(lines, line)) {
        if (line.rfind("Subcommands:", 0) == 0) {
            inList = true;
        } else if (inList && line.size() > 2 && line[0] == ' ' && line[2] != ' ') {
            commands.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (inList && !line.empty() && line[0] != ' ') {
            inList = false;
        }
    }
    return commands;
}

/// The long options a --help text lists, --help itself left out.
std::vector<std::string> optionsIn(const std::string& help) {
    std::vector<std::string> options;
    static const std::regex option(R"(^\s+(?:-\w, )?(--[a-z][a-z-]*))");
    std::istringstream lines(help);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (std::regex_search(line, m, option) && m[1] != "--help") {
            options.push_back(m[1]);
        }
    }
    return options;
}

std::string manPage() {
    std::ostringstream page;
    cli::writeManPage(page, "2026-12-01");
    return page.str();
}

/// The page's section for a command: from its heading to the next.
std::string sectionOf(const std::string& page, const std::string& path) {
    const std::string heading = ".SS \"\\fB" + docs::roffText(path) + "\\fR";
    const std::size_t at = page.find(heading);
    if (at == std::string::npos) {
        return {};
    }
    const std::size_t next = page.find("\n.S", at + heading.size());
    return page.substr(at, next == std::string::npos ? std::string::npos : next - at);
}

TEST(CliManual, HasASectionForEveryCommandHelpListsWithEveryOptionItsHelpLists) {
    const std::string page = manPage();
    std::deque<std::vector<std::string>> paths{{}};
    int commands = 0;
    int options = 0;
    while (!paths.empty()) {
        const std::vector<std::string> path = paths.front();
        paths.pop_front();
        std::vector<std::string> args = path;
        args.push_back("--help");
        const Result help = Cli{}(args);
        ASSERT_EQ(help.status, 0) << help.err;
        std::string joined;
        for (const std::string& word : path) {
            joined += (joined.empty() ? "" : " ") + word;
        }
        const std::vector<std::string> subcommands = commandsIn(help.out);
        std::string section =
            path.empty() ? page.substr(0, page.find(".SH COMMANDS")) : sectionOf(page, joined);
        if (!path.empty() && subcommands.empty()) {
            EXPECT_FALSE(section.empty()) << "no section for " << joined;
            ++commands;
        }
        if (section.empty()) {
            section = page; // a group ("report"): its --help lists only its members
        }
        for (const std::string& option : optionsIn(help.out)) {
            EXPECT_NE(section.find("\\fB" + docs::roffText(option) + "\\fR"), std::string::npos)
                << option << " of '" << joined << "'";
            ++options;
        }
        for (const std::string& sub : subcommands) {
            std::vector<std::string> next = path;
            next.push_back(sub);
            paths.push_back(next);
        }
    }
    // Every command of the CLI, and none forgotten by the walk itself.
    EXPECT_GE(commands, 35) << options;
    EXPECT_GE(options, 60) << commands;
}

TEST(CliManual, SaysTheExitStatusesAndTheEnvironment) {
    const std::string page = manPage();
    for (const char* text :
         {".TH PRACTICE\\-LEDGER\\-CLI 1 \"2026-12-01\"", ".SH \"EXIT STATUS\"",
          ".TP\n\\fB3\\fR\nThe ledger cannot be opened", "PRACTICE_LEDGER_PASSPHRASE",
          "PRACTICE_LEDGER_ARCHIVE_PASSPHRASE", ".BR practice\\-ledger (1)"}) {
        EXPECT_NE(page.find(text), std::string::npos) << text;
    }
}

TEST(CliManual, VersionNeedsNoLedger) {
    const Result r = Cli{}({"--version"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(
        std::regex_match(r.out, std::regex("practice-ledger-cli [0-9]+\\.[0-9]+\\.[0-9]+\n")))
        << r.out;
}

TEST(Roff, EscapesWhatRoffWouldReadAsItsOwn) {
    EXPECT_EQ(docs::roffText(".hidden and 'quoted"), "\\&.hidden and 'quoted");
    EXPECT_EQ(docs::roffText("a\n.b"), "a\n\\&.b");
    EXPECT_EQ(docs::roffText("C:\\path"), "C:\\epath");
    EXPECT_EQ(docs::roffText("--dry-run"), "\\-\\-dry\\-run");
}

/// What the completion offers with `words` typed so far (the last is the one being completed).
std::string complete(const test::ScratchDir& dir, const std::vector<std::string>& words) {
    std::string command = "cd '" + dir.path().string() + "' && bash -c 'source ./completion; " +
                          "COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _practice_ledger_cli; " +
                          "printf \"%s\\n\" \"${COMPREPLY[@]}\" | sort' completion";
    for (const std::string& word : words) {
        command += " '" + word + "'";
    }
    std::FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    std::array<char, 256> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
        out += buffer.data();
    }
    pclose(pipe);
    return out;
}

TEST(CliCompletion, OffersCommandsOptionsChoicesAndFiles) {
    test::ScratchDir dir;
    {
        std::ofstream script(dir / "completion");
        cli::writeBashCompletion(script);
    }
    test::writeAll(dir / "council.ledger", "");
    const std::string cli = "practice-ledger-cli";
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "re"}), "report\nrestore\n");
    EXPECT_EQ(complete(dir, {cli, "--le"}), "--ledger\n");
    EXPECT_EQ(complete(dir, {cli, "--ledger", "coun"}), "council.ledger\n");
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "import", "c"}), "completions\ncpd\n");
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "import", "as"}),
              "asc-wds\nasye\n"); // the subcommand beside the kinds
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "import", "staff", "cou"}), "council.ledger\n");
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "export", "cpd-record", "E1", "--format", ""}),
              "csv\npdf\n");
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "import", "staff", "f.csv", "--d"}),
              "--dry-run\n");
    EXPECT_EQ(complete(dir, {cli, "--ledger", "x", "archive", "ex"}), "export\nexport-portfolio\n");
}

} // namespace
} // namespace ledger
