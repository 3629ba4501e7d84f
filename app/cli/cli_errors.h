#pragma once

#include <stdexcept>

namespace ledger::cli {

/// A problem with how the command was called (exit 1).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Input that is not acceptable (exit 2).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace ledger::cli
