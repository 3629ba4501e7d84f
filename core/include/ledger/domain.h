#pragma once

#include "ledger/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ledger {

/// Store-assigned identity of a record; 0 means "not stored yet".
using RecordId = std::int64_t;

enum class RegistrationBody { None, SocialWorkEngland, Hcpc, Nmc };

/// `SWE`, `HCPC`, `NMC`, or empty for None.
[[nodiscard]] std::string registrationBodyCode(RegistrationBody body);
[[nodiscard]] std::optional<RegistrationBody> parseRegistrationBody(std::string_view code);

struct Team {
    RecordId id = 0;
    std::string name;
};

struct Role {
    RecordId id = 0;
    std::string name;
};

struct Staff {
    RecordId id = 0;
    std::string employeeId;
    std::string fullName;
    std::string email;
    std::string team; ///< team name (teams are created by name)
    std::string role; ///< role name
    Date startDate{};
    std::optional<Date> leaveDate; ///< the last day of employment
    std::string lineManagerId;     ///< employee id of the line manager, empty when none
    RegistrationBody registrationBody = RegistrationBody::None;
    std::string registrationNumber;

    friend bool operator==(const Staff&, const Staff&) = default;
};

enum class RenewalBasis { Completion, Expiry };

[[nodiscard]] std::string renewalBasisCode(RenewalBasis basis);

struct Module {
    RecordId id = 0;
    std::string code;
    std::string title;
    std::optional<int> renewalMonths; ///< nullopt: never expires
    RenewalBasis renewalBasis = RenewalBasis::Completion;
    int windowDays = 90;
    int dueSoonDays = 60;
    std::optional<int> ascWdsCategory;

    friend bool operator==(const Module&, const Module&) = default;
};

enum class Scope { All, Team, Role };

[[nodiscard]] std::string scopeCode(Scope scope);

struct Requirement {
    RecordId id = 0;
    std::string moduleCode;
    Scope scope = Scope::All;
    std::string value; ///< team or role name; empty for All
    int dueWithinDays = 0;
    std::optional<Date> effectiveFrom;

    friend bool operator==(const Requirement&, const Requirement&) = default;
};

struct Completion {
    RecordId id = 0;
    std::string employeeId;
    std::string moduleCode;
    Date completedOn{};
    std::optional<Date> expiresOn; ///< explicit expiry from a certificate or an import
    std::string evidence;
    bool voided = false;    ///< kept as evidence but no longer counts
    std::string voidReason; ///< why it was voided

    friend bool operator==(const Completion&, const Completion&) = default;
};

enum class ThemeSource {
    CaseFileAudit,
    Complaint,
    OmbudsmanFinding,
    SafeguardingAdultsReview,
    PeerChallenge,
    Cqc
};
enum class ThemePriority { Low, Medium, High };
enum class ThemeStatus { Open, BeingAddressed, ReAudited, Closed };

[[nodiscard]] std::string themeSourceCode(ThemeSource source);
[[nodiscard]] std::optional<ThemeSource> parseThemeSource(std::string_view code);
[[nodiscard]] std::string themePriorityCode(ThemePriority priority);
[[nodiscard]] std::optional<ThemePriority> parseThemePriority(std::string_view code);
[[nodiscard]] std::string themeStatusCode(ThemeStatus status);
[[nodiscard]] std::optional<ThemeStatus> parseThemeStatus(std::string_view code);

struct AuditTheme {
    RecordId id = 0;
    std::string title;
    ThemeSource source = ThemeSource::CaseFileAudit;
    Date raisedOn{};
    ThemePriority priority = ThemePriority::Medium;
    ThemeStatus status = ThemeStatus::Open;
    std::string notes;
    std::vector<std::string> moduleCodes; ///< modules that address this theme

    friend bool operator==(const AuditTheme&, const AuditTheme&) = default;
};

/// One appended line of the change log: who changed which record, from what to what.
struct ChangeLogEntry {
    RecordId id = 0;
    std::string at;     ///< UTC timestamp, ISO 8601
    std::string actor;  ///< "who you are", chosen at unlock or given to the CLI
    std::string entity; ///< staff, module, requirement, completion, audit_theme, ledger
    std::string recordKey;
    std::string action; ///< add, update, remove, ...
    std::string oldValues;
    std::string newValues;
    /// The employee id of the person the record concerns (the staff member of a staff or
    /// completion entry); empty when none. A person's history is found by it.
    std::string subject;
};

/// Who created a record and who last changed it, when: the change-log entries its links
/// point to (an import's entry for what an import created). Empty where the ledger does not
/// know (records older than the links whose entries could not be matched, or never changed).
struct RecordOrigin {
    std::optional<ChangeLogEntry> created;
    std::optional<ChangeLogEntry> changed;
};

/// Everything the compliance engine and the reports need, as loaded from a store.
struct LedgerData {
    std::vector<Staff> staff;
    std::vector<Module> modules;
    std::vector<Requirement> requirements;
    std::vector<Completion> completions;
};

} // namespace ledger
