#pragma once

// A document (export/document.h) as a PDF file, A4, through Cairo and Pango: no display, no
// Qt, so the CLI and the app write the same bytes' worth of layout.

#include "base/progress.h"
#include "export/document.h"

#include <string>

namespace ledger {

/// The PDF of `document`: A4 portrait, 20 mm margins, DejaVu Sans, every page footed with
/// the document's footer and "Page N of M". Text is laid out as written (any UTF-8, line
/// breaks kept) and a block longer than a page runs on line by line; a table's header is
/// repeated on each page it reaches. Throws std::runtime_error when Cairo cannot write.
/// `progress` hears how far the layout has got (a county's report runs to thousands of
/// rows); when it says stop, throws Cancelled.
[[nodiscard]] std::string renderPdf(const doc::Document& document,
                                    const Progress* progress = nullptr);

} // namespace ledger
