#include "store/change_feed.h"

#include <algorithm>

namespace ledger {

std::vector<LedgerChange> changesOf(const std::vector<ChangeLogEntry>& entries) {
    std::vector<LedgerChange> changes;
    const auto note = [&](LedgerChange change) {
        if (std::find(changes.begin(), changes.end(), change) == changes.end()) {
            changes.push_back(std::move(change));
        }
    };
    for (const ChangeLogEntry& e : entries) {
        using Kind = LedgerChange::Kind;
        if (e.entity == "staff" && !e.subject.empty()) {
            note({Kind::Staff, e.subject});
        } else if (e.entity == "completion" && !e.subject.empty()) {
            note({Kind::Completions, e.subject});
        } else if (e.entity == "module" || e.entity == "requirement" || e.entity == "team" ||
                   e.entity == "role") {
            note({Kind::Catalog, {}});
        } else if (e.entity == "audit_theme") {
            note({Kind::Themes, {}});
        } else if (e.entity == "session" || e.entity == "booking") {
            note({Kind::Sessions, {}});
        } else if (e.entity == "cpd_entry" || e.entity == "cpd_evidence" ||
                   e.entity == "attachment") {
            note({Kind::Cpd, e.subject});
        } else if (e.entity == "trusted_assessor" || e.entity == "equipment_category") {
            note({Kind::Assessors, e.subject});
        } else if (e.entity == "asye_enrolment" || e.entity == "supervision" ||
                   e.entity == "apprenticeship" || e.entity == "otj_entry" ||
                   e.entity == "apprenticeship_review") {
            note({Kind::Programmes, e.subject});
        } else if (e.entity == "certificate") {
            note({Kind::Completions, e.subject});
        } else if (e.entity == "setting") {
            note({Kind::Settings, {}});
        } else if (e.entity == "ledger" && e.action == "create") {
            continue; // the ledger's own first entry
        } else {
            note({Kind::Everything, {}}); // an import, or what a later program writes
        }
    }
    return changes;
}

} // namespace ledger
