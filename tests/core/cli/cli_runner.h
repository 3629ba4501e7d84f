#pragma once

// Runs practice-ledger-cli in-process, as a script would, with a controlled environment.

#include "cli.h"

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace ledger::test {

struct Result {
    int status = -1;
    std::string out;
    std::string err;
};

/// Runs the CLI in-process with a controlled environment and no terminal.
class Cli {
public:
    std::map<std::string, std::string> vars{{"PRACTICE_LEDGER_TODAY", "2026-11-25"}};
    /// What a person types at every prompt; none: there is no terminal.
    std::optional<std::string> typed;

    Result operator()(std::vector<std::string> args) const {
        args.insert(args.begin(), "practice-ledger-cli");
        std::vector<const char*> argv;
        for (const std::string& a : args) {
            argv.push_back(a.c_str());
        }
        ledger::cli::Environment env;
        env.variable = [this](const std::string& name) -> std::optional<std::string> {
            const auto it = vars.find(name);
            return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        env.prompt = [this](const std::string&) {
            return typed;
        };
        std::ostringstream out, err;
        Result r;
        r.status = ledger::cli::run(static_cast<int>(argv.size()), argv.data(), out, err, env);
        r.out = out.str();
        r.err = err.str();
        return r;
    }
};

} // namespace ledger::test
