#pragma once

// A ledger's records as CSV, one kind at a time, in the form its import reads: the header is
// the kind's import columns (its spec's fields) and each value is the field's canonical text
// (ISO dates, enum codes, decimal numbers, `none` for a module that never expires), written
// as compliance rules section 9 says: UTF-8 without BOM, `\n` line ends, quoted only where
// needed, and a text cell that a spreadsheet would take for a formula after a `'`, which
// the import takes off again. Importing an export into an empty ledger gives the same
// records.

#include "io/importer.h"
#include "staff/staff.h"
#include "training/training.h"

#include <iosfwd>
#include <string>

namespace ledger {

class TrainingService;

/// The header line of a kind's CSV: importColumns(kind), required then optional.
[[nodiscard]] std::string recordCsvHeader(ImportKind kind);

/// One record's line, its cells in recordCsvHeader's order.
[[nodiscard]] std::string recordCsvLine(const Staff& staff);
[[nodiscard]] std::string recordCsvLine(const Module& module);
[[nodiscard]] std::string recordCsvLine(const Requirement& requirement);
[[nodiscard]] std::string recordCsvLine(const Completion& completion);

/// Writes the CSV of the ledger's records of `kind` to `out`: the header, then the staff by
/// employee id, the modules by code, the rules by module, scope and value, or the counted
/// completions by employee id, module and date. Voided completions are left out (an import
/// cannot hold them); completions are read and written one at a time, so that a county's two
/// million take no more memory than one.
void writeRecordCsv(ImportKind kind, TrainingService& training, std::ostream& out);

} // namespace ledger
