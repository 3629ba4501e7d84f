#pragma once

#include "store/ledger_data.h"
#include "staff/staff.h"
#include "training/training.h"
#include "base/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class ImportKind { Staff, Modules, Requirements, Completions };

/// `staff`, `modules`, `requirements`, `completions`.
[[nodiscard]] std::optional<ImportKind> parseImportKind(std::string_view name);
[[nodiscard]] std::string importKindName(ImportKind kind);

/// The exact header columns of each import; `required` must be present, `optional` may be.
struct ImportColumns {
    std::vector<std::string> required;
    std::vector<std::string> optional;
};
[[nodiscard]] const ImportColumns& importColumns(ImportKind kind);

/// A CSV file turned into records, not yet stored. Each record keeps the line it started on.
/// `errors` holds every problem (file, line, column, message), sorted by line; `notices`
/// holds what was ignored (unknown columns). Only an import without errors may be applied.
struct ParsedImport {
    ImportKind kind = ImportKind::Staff;
    std::string file; ///< the name the problems and notices carry
    std::vector<FieldError> errors;
    std::vector<FieldError> notices;
    std::vector<Staff> staff;
    std::vector<Module> modules;
    std::vector<Requirement> requirements;
    std::vector<Completion> completions;
    std::vector<int> lines; ///< the starting line of each record, in order
    int repeats = 0;        ///< records identical to an earlier one in the file (no change)
};

/// Parses and validates an import against the ledger's current records (rules section 7):
/// references must exist (in the ledger, or for line managers in the same file), two
/// different records with the same natural key in one file are an error.
[[nodiscard]] ParsedImport parseImport(ImportKind kind, std::string_view fileName,
                                       std::string_view text, const LedgerData& existing,
                                       Date today);

/// The largest file an import reads.
inline constexpr std::uint64_t kMaxImportFileBytes = 256ull * 1024 * 1024;

/// A file to import cannot be read: it is missing, unreadable, not a regular file (a folder,
/// a device such as /dev/zero, a pipe, a socket) or larger than kMaxImportFileBytes. The
/// message starts with the path: `PATH: is a folder, not a file`.
class ImportFileError : public Error {
public:
    using Error::Error;
};

/// The whole content of a file to import, read only when it is a regular file of at most
/// kMaxImportFileBytes (and never more than that, even if it grows meanwhile); opening never
/// waits on a pipe. Throws ImportFileError.
[[nodiscard]] std::string readImportFile(const std::filesystem::path& path);

} // namespace ledger
