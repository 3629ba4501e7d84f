#pragma once
// The demo council as a whole ledger: what the app's demo opens, and what tests that need
// every kind of record (archives, portfolios) start from.

#include "demo/generator.h"
#include "ledger.h"

#include <string>

namespace ledger {

/// Fills `ledger` (new, empty) with the council `options` generates and a year of its work:
/// audit themes, forums and NQ sessions with their bookings, CPD with drafts and evidence
/// files, trusted assessors, the ASYE cohort and apprentices, and the settings a demo needs,
/// each through the same checks as an import, in the change log as `actor`. Returns "who you
/// are" in the demo: a social worker short of this year's CPD who attended a forum not yet
/// logged (empty when the council has none).
std::string fillDemoLedger(Ledger& ledger, const GeneratorOptions& options,
                           const std::string& actor);

} // namespace ledger
