#pragma once

#include "base/error.h"
#include "base/validation.h"
#include "io/csv.h"
#include "staff/staff.h"
#include "store/ledger_data.h"
#include "training/training.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// The kinds of CSV import. The first four are the foundation's (parseImport); themes,
/// sessions and booking actions are the sessions feature's (sessions/session_import.h).
enum class ImportKind {
    Staff,
    Modules,
    Requirements,
    Completions,
    Themes,
    Sessions,
    BookingActions,
    Cpd,
    TrustedAssessors,
    Asye,
    Supervisions,
    Apprenticeships,
    OtjHours,
    ApprenticeshipReviews
};

/// `staff`, `modules`, `requirements`, `completions`, `themes`, `sessions`,
/// `booking-actions`, `cpd`, `trusted-assessors`, `asye`, `supervisions`, `apprenticeships`,
/// `otj-hours`, `apprenticeship-reviews`.
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

/// The same, over a source read in pieces.
[[nodiscard]] ParsedImport parseImport(ImportKind kind, std::string_view fileName,
                                       CsvSource& source, const LedgerData& existing, Date today);

/// An import file read one data row at a time (parseImport's first half): the header is
/// checked, and each row has the header's number of fields and no character a field may not
/// hold. Problems (file, line, column) are added to errors() in line order; rows with
/// problems other than their characters are left out.
class ImportRows {
public:
    ImportRows(ImportKind kind, std::string fileName, CsvSource& source);
    ~ImportRows();
    ImportRows(const ImportRows&) = delete;
    ImportRows& operator=(const ImportRows&) = delete;

    /// False when the file has no usable header (then next() reads to the end for problems
    /// and returns no row).
    [[nodiscard]] bool headerOk() const { return m_headerOk; }
    /// The next data row; false at the end of the file (when a missing header is reported).
    bool next(CsvRecord& row);
    /// The columns this import uses, by name: their index in a row.
    [[nodiscard]] const std::map<std::string, std::size_t>& columns() const { return m_columns; }
    [[nodiscard]] std::vector<FieldError>& errors() { return m_errors; }
    [[nodiscard]] std::vector<FieldError>& notices() { return m_notices; }
    /// How far through the source reading has got.
    [[nodiscard]] std::uint64_t position() const;
    [[nodiscard]] const std::string& file() const { return m_file; }

private:
    void takeCsvErrors();

    std::string m_file;
    std::unique_ptr<CsvReader> m_reader;
    std::vector<CsvError> m_csvErrors;
    std::vector<FieldError> m_errors;
    std::vector<FieldError> m_notices;
    std::vector<std::string> m_header;
    bool m_hasHeader = false;
    bool m_headerOk = false;
    bool m_ended = false;
    std::map<std::string, std::size_t> m_columns;
    std::vector<TextKind> m_kinds; ///< what each header column may hold
};

/// Reads completion rows of one file: finds each field's column once, then reads and checks
/// each row (rules section 7), adding its problems to `errors` with the file and line.
class CompletionRowReader {
public:
    CompletionRowReader(const std::map<std::string, std::size_t>& columns, std::string_view file,
                        const ValidationContext& context);
    ~CompletionRowReader();
    CompletionRowReader(const CompletionRowReader&) = delete;
    CompletionRowReader& operator=(const CompletionRowReader&) = delete;

    [[nodiscard]] Completion read(const CsvRecord& row, std::vector<FieldError>& errors) const;

private:
    struct Columns;
    std::unique_ptr<Columns> m_columns;
    std::string m_file;
    const ValidationContext& m_context;
};

/// One completion row read and checked (rules section 7): its problems are added to
/// `errors` with the file and line.
[[nodiscard]] Completion readCompletionRow(const CsvRecord& row,
                                           const std::map<std::string, std::size_t>& columns,
                                           std::string_view file, const ValidationContext& context,
                                           std::vector<FieldError>& errors);

/// The problem a completion repeated in one file with other values gives (on its later
/// line): `firstLine` is where the key was first seen.
[[nodiscard]] FieldError duplicateCompletionError(const Completion& c, std::string_view file,
                                                  int line, int firstLine);

/// Sorts problems by line and keeps one problem per field and line: the first found.
void sortAndDeduplicate(std::vector<FieldError>& errors);

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

/// A file to import, opened (with readImportFile's checks) to be read in pieces: a
/// CsvSource that also takes the SHA-256 of the bytes read. Reading past
/// kMaxImportFileBytes throws ImportFileError.
class ImportFile final : public CsvSource {
public:
    /// Throws ImportFileError as readImportFile does.
    explicit ImportFile(const std::filesystem::path& path);
    ~ImportFile() override;
    ImportFile(const ImportFile&) = delete;
    ImportFile& operator=(const ImportFile&) = delete;

    std::string_view next() override;
    void seek(std::uint64_t offset) override;
    [[nodiscard]] std::uint64_t size() const override { return m_size; }

    /// The SHA-256 (lower-case hex) of the whole file; reads what is left unread.
    [[nodiscard]] std::string sha256();

private:
    std::string m_path;
    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::uint64_t m_offset = 0; ///< where the next read starts
    std::uint64_t m_hashed = 0; ///< bytes hashed so far (from the start)
    std::string m_buffer;
    struct Hash;
    std::unique_ptr<Hash> m_hash;
};

/// The SHA-256 (lower-case hex) of `bytes`.
[[nodiscard]] std::string sha256Hex(std::string_view bytes);

} // namespace ledger
