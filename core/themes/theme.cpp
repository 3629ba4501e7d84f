#include "themes/theme.h"

#include "base/enum_codes.h"

namespace ledger {

namespace {

constexpr CodeTable<ThemeSource, 6> kSources{{
    {ThemeSource::CaseFileAudit, "case_file_audit"},
    {ThemeSource::Complaint, "complaint"},
    {ThemeSource::OmbudsmanFinding, "ombudsman_finding"},
    {ThemeSource::SafeguardingAdultsReview, "safeguarding_adults_review"},
    {ThemeSource::PeerChallenge, "peer_challenge"},
    {ThemeSource::Cqc, "cqc"},
}};

constexpr CodeTable<ThemePriority, 3> kPriorities{{
    {ThemePriority::Low, "low"},
    {ThemePriority::Medium, "medium"},
    {ThemePriority::High, "high"},
}};

constexpr CodeTable<ThemeStatus, 4> kStatuses{{
    {ThemeStatus::Open, "open"},
    {ThemeStatus::BeingAddressed, "being_addressed"},
    {ThemeStatus::ReAudited, "re_audited"},
    {ThemeStatus::Closed, "closed"},
}};

} // namespace

std::string themeSourceCode(ThemeSource source) {
    return codeOf(kSources, source);
}
std::optional<ThemeSource> parseThemeSource(std::string_view code) {
    return parseCode(kSources, code);
}
std::string themePriorityCode(ThemePriority priority) {
    return codeOf(kPriorities, priority);
}
std::optional<ThemePriority> parseThemePriority(std::string_view code) {
    return parseCode(kPriorities, code);
}
std::string themeStatusCode(ThemeStatus status) {
    return codeOf(kStatuses, status);
}
std::optional<ThemeStatus> parseThemeStatus(std::string_view code) {
    return parseCode(kStatuses, code);
}

} // namespace ledger
