#include "cli.h"

#include "base/kill_point.h"
#include "base/process_protection.h"

#include <iostream>
#include <system_error>

int main(int argc, char** argv) {
    try {
        ledger::protectProcess(); // before anything personal is in memory
    } catch (const std::system_error& e) {
        std::cerr << "practice-ledger-cli: cannot turn off core dumps: " << e.what() << "\n";
        return ledger::cli::kOther;
    }
    ledger::killPoint("cli-started");
    return ledger::cli::run(argc, argv, std::cout, std::cerr, ledger::cli::systemEnvironment());
}
