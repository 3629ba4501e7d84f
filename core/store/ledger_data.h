#pragma once

#include "staff/staff.h"
#include "training/training.h"

#include <vector>

namespace ledger {

/// Everything the compliance engine and the reports need, as loaded from a store.
struct LedgerData {
    std::vector<Staff> staff;
    std::vector<Module> modules;
    std::vector<Requirement> requirements;
    std::vector<Completion> completions;
};

} // namespace ledger
