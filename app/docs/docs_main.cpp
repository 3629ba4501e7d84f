// practice-ledger-docs OUTDIR RELEASE_DATE: writes the two programs' manual pages and the CLI's
// bash completion into OUTDIR, from the option definitions the programs parse with. Run by the
// build; not installed.
#include "cli.h"
#include "commandline.h"

#include <fstream>
#include <functional>
#include <iostream>
#include <string>

namespace {

bool write(const std::string& path, const std::function<void(std::ostream&)>& fill) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    fill(out);
    out.close();
    if (!out) {
        std::cerr << "practice-ledger-docs: cannot write " << path << "\n";
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: practice-ledger-docs OUTDIR RELEASE_DATE\n";
        return 1;
    }
    const std::string dir = argv[1];
    const std::string date = argv[2];
    const bool ok = write(dir + "/practice-ledger-cli.1",
                          [&](std::ostream& out) { ledger::cli::writeManPage(out, date); }) &&
                    write(dir + "/practice-ledger.1",
                          [&](std::ostream& out) { appcommandline::writeManPage(out, date); }) &&
                    write(dir + "/practice-ledger-cli.bash-completion",
                          [](std::ostream& out) { ledger::cli::writeBashCompletion(out); });
    return ok ? 0 : 1;
}
