#pragma once

// The CQC evidence pack (issue 12, item 6): one PDF for the quality statement "Learning,
// improvement and innovation" as of a day, written to hand to an inspector as it is. Every
// figure in it comes from the same reports as the rest of the product (core/reports); where a
// section has no records yet, the pack says so rather than leaving it out.

#include "base/date.h"
#include "base/progress.h"
#include "export/document.h"

namespace ledger {

class Ledger;

/// The pack as a document (render it with renderPdf): a summary of training coverage with
/// its 24-month trend and each module's coverage; practice forums and other sessions held in
/// the 12 months to `asOf` with their themes and attendance; learning from complaints and
/// audits (each theme raised, its status and reach); newly qualified social workers' ASYE
/// support; apprenticeships; trusted-assessor capacity; and CPD against Social Work England's
/// and HCPC's requirements. Reads the ledger only.
[[nodiscard]] doc::Document cqcEvidencePack(Ledger& ledger, Date asOf,
                                            const Progress* progress = nullptr);

} // namespace ledger
