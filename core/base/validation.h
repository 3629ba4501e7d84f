#pragma once

#include "base/error.h"
#include "staff/staff.h"
#include "store/ledger_data.h"
#include "themes/theme.h"
#include "training/training.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ledger {

/// A person as line-manager chains see them.
struct StaffLink {
    std::string lineManagerId;
    std::string fullName;
};

/// What a record may refer to, and today's date, for checking references (rules section 7).
struct ValidationContext {
    mutable std::unordered_set<std::string> employeeIds;
    mutable std::unordered_set<std::string> moduleCodes;
    /// Each person's line manager, by employee id, for following line-manager chains; an
    /// import puts its own rows over the ledger's.
    mutable std::unordered_map<std::string, StaffLink> people;
    Date today{};

    /// Targeted questions for a context over a stored ledger, asked where the sets above do
    /// not answer: does this person exist (and who manages them), does this module exist.
    /// Answers are remembered in the sets, so each is asked once per context.
    std::function<std::optional<StaffLink>(std::string_view)> lookUpPerson;
    std::function<bool(std::string_view)> lookUpModule;

    [[nodiscard]] bool hasEmployee(const std::string& employeeId) const;
    [[nodiscard]] bool hasModule(const std::string& code) const;
    /// The person with this employee id, or nullptr.
    [[nodiscard]] const StaffLink* person(const std::string& employeeId) const;

    /// Chains already followed: people whose chain ends, and the loop each person in one
    /// goes round (starting from them). Filled as records are checked, so that checking a
    /// whole import follows each chain once.
    mutable std::unordered_set<std::string> chainEnds;
    mutable std::unordered_map<std::string, std::vector<std::string>> loops;
};

/// Builds a context over a ledger's current records. `data` must outlive the context: when
/// its staff are sorted by employee id (as a store loads them) people are looked up in it
/// as checks ask, rather than copied.
[[nodiscard]] ValidationContext makeValidationContext(const LedgerData& data, Date today);
ValidationContext makeValidationContext(LedgerData&& data, Date today) = delete;

/// Every problem with one record, field by field (file and line left empty). An empty list
/// means the record may be stored.
[[nodiscard]] std::vector<FieldError> validateStaff(const Staff& staff,
                                                    const ValidationContext& context);
[[nodiscard]] std::vector<FieldError> validateModule(const Module& module);
[[nodiscard]] std::vector<FieldError> validateRequirement(const Requirement& requirement,
                                                          const ValidationContext& context);
[[nodiscard]] std::vector<FieldError> validateCompletion(const Completion& completion,
                                                         const ValidationContext& context);
/// The longest natural key of an audit theme or a session.
inline constexpr std::size_t kMaxKeyLength = 40;

/// Why `key` is not a key (1 to 40 of `A-Z a-z 0-9 . _ -`, first a letter or digit), or
/// nullopt.
[[nodiscard]] std::optional<std::string> keyProblem(std::string_view key);

[[nodiscard]] std::vector<FieldError> validateAuditTheme(const AuditTheme& theme,
                                                         const ValidationContext& context);

/// Limits shared by the importer and the editors.
inline constexpr int kMaxDays = 3650;
inline constexpr int kMaxRenewalMonths = 999;
inline constexpr std::size_t kMaxIdLength = 50; ///< ASC-WDS UNIQUEWORKERID limit

/// The dates the ledger takes, in imports and forms alike (rules section 7).
inline constexpr Date kEarliestDate = makeDate(1900, 1, 1);
inline constexpr Date kLatestDate = makeDate(2099, 12, 31);

/// Why a date is refused (before kEarliestDate or after kLatestDate), or nullopt.
[[nodiscard]] std::optional<std::string> dateProblem(const Date& date);

/// What a text field may hold (rules section 7).
///
/// Every text field of a record is an id, code or name (`Name`) except the free text:
/// `evidence`, `notes`, `description` and `reason` (`FreeText`). So `employee_id`,
/// `full_name`, `email`, `team`, `role`, `line_manager_id`, `registration_number`, module
/// `code` and `title`, a rule's `module` and `value`, an audit theme's `title` and
/// `modules`, and team and role names are names; so are the plain values an import parses
/// (dates, numbers, keywords).
enum class TextKind {
    /// No control characters (Unicode Cc: C0, DEL, C1), no invisible or format characters
    /// (Unicode Cf, such as U+FEFF or U+200B) and no space at either end.
    Name,
    /// No control characters but tab, CR and LF (line breaks only reach a field quoted in a
    /// CSV file); format characters are allowed (they join emoji and mark text direction).
    FreeText,
    /// Any character but U+0000 (which no engine's text holds): the texts of a CPD entry,
    /// which rules/learning-record.md takes as they are written (never trimmed).
    AnyText,
};

/// The kind of a field, by its column or form field name (see TextKind).
[[nodiscard]] TextKind textKindOf(std::string_view field);

/// Why `text` may not be stored in a field of this kind (naming the character and its
/// 1-based position), or nullopt. Invalid UTF-8 is refused too.
[[nodiscard]] std::optional<std::string> textProblem(std::string_view text, TextKind kind);

/// Adds one problem with a field (file and line left empty) to a validator's list.
void addFieldError(std::vector<FieldError>& errors, const char* field, std::string message);

/// Checks a text field of a record: its characters (textProblem) and that it holds at most
/// `most` code points; the first problem found is added to `errors`.
void checkText(std::vector<FieldError>& errors, const char* field, std::string_view text,
               TextKind kind, std::size_t most);

/// Unicode general category Cc: U+0000..U+001F and U+007F..U+009F.
[[nodiscard]] bool isControlCharacter(char32_t c);
/// Unicode general category Cf (format characters; the table is in validation.cpp).
[[nodiscard]] bool isFormatCharacter(char32_t c);

} // namespace ledger
