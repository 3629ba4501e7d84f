#pragma once

#include "base/date.h"
#include "base/field_spec.h"
#include "base/ids.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class ThemeSource {
    CaseFileAudit,
    Complaint,
    Ombudsman,
    SafeguardingAdultsReview,
    PeerChallenge,
    Cqc,
    Other
};
enum class ThemePriority { Low, Medium, High };
enum class ThemeStatus { Open, BeingAddressed, ReAudited, Closed };

[[nodiscard]] std::string themeSourceCode(ThemeSource source);
[[nodiscard]] std::optional<ThemeSource> parseThemeSource(std::string_view code);
[[nodiscard]] std::string themePriorityCode(ThemePriority priority);
[[nodiscard]] std::optional<ThemePriority> parseThemePriority(std::string_view code);
[[nodiscard]] std::string themeStatusCode(ThemeStatus status);
[[nodiscard]] std::optional<ThemeStatus> parseThemeStatus(std::string_view code);

/// An audit theme (rules/sessions.md section 1): something a case-file audit, a complaint, an
/// ombudsman finding or a review found, which forums, modules and CPD address.
struct AuditTheme {
    RecordId id = 0;
    std::string key; ///< its natural key (1 to 40 of `A-Z a-z 0-9 . _ -`)
    std::string title;
    std::string description;
    ThemeSource source = ThemeSource::CaseFileAudit;
    Date raisedOn{};
    ThemePriority priority = ThemePriority::Medium;
    ThemeStatus status = ThemeStatus::Open;
    std::string ownerId;                  ///< the employee id of who owns it; empty when no one
    std::vector<std::string> moduleCodes; ///< modules that address this theme
    RecordVersion version;                ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const AuditTheme&, const AuditTheme&) = default;
};

/// An audit theme's fields (the change log's values, the form).
[[nodiscard]] const RecordSpec<AuditTheme>& auditThemeSpec();

} // namespace ledger
