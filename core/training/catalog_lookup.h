#pragma once

// Finding a module or a rule by its natural key in a loaded catalog (tens to hundreds of
// records).

#include "store/ledger_data.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace ledger {

template <typename Record, typename Match>
const Record* findIn(const std::vector<Record>& records, Match match) {
    const auto it = std::find_if(records.begin(), records.end(), match);
    return it == records.end() ? nullptr : &*it;
}

inline const Module* findModule(const LedgerData& data, std::string_view code) {
    return findIn(data.modules, [&](const Module& m) { return m.code == code; });
}

inline const Requirement* findRequirement(const LedgerData& data, const Requirement& key) {
    return findIn(data.requirements, [&](const Requirement& r) {
        return r.moduleCode == key.moduleCode && r.scope == key.scope && r.value == key.value;
    });
}

} // namespace ledger
