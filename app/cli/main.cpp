#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return ledger::cli::run(argc, argv, std::cout, std::cerr, ledger::cli::systemEnvironment());
}
