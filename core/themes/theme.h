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
    RecordVersion version;                ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const AuditTheme&, const AuditTheme&) = default;
};

/// An audit theme's fields (the change log's values, the form).
[[nodiscard]] const RecordSpec<AuditTheme>& auditThemeSpec();

} // namespace ledger
