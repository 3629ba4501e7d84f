#include "themes/theme.h"

#include "base/enum_codes.h"

#include <array>

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

constexpr std::array<ChoiceOption, 6> kSourceOptions{{
    {"case_file_audit", "Case-file audit"},
    {"complaint", "Complaint"},
    {"ombudsman_finding", "Ombudsman finding"},
    {"safeguarding_adults_review", "Safeguarding adults review"},
    {"peer_challenge", "Peer challenge"},
    {"cqc", "CQC"},
}};

constexpr std::array<ChoiceOption, 3> kPriorityOptions{{
    {"high", "High"},
    {"medium", "Medium"},
    {"low", "Low"},
}};

constexpr std::array<ChoiceOption, 4> kStatusOptions{{
    {"open", "Open"},
    {"being_addressed", "Being addressed"},
    {"re_audited", "Re-audited"},
    {"closed", "Closed"},
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

const RecordSpec<AuditTheme>& auditThemeSpec() {
    using namespace spec;
    static const RecordSpec<AuditTheme> kSpec{
        "audit_theme",
        {
            requiredText("title", "Title", &AuditTheme::title, "a title"),
            choice("source", "Source", &AuditTheme::source, kSources, kSourceOptions),
            date("raised_on", "Raised on", &AuditTheme::raisedOn),
            choice("priority", "Priority", &AuditTheme::priority, kPriorities, kPriorityOptions),
            choice("status", "Status", &AuditTheme::status, kStatuses, kStatusOptions),
            text("notes", "Notes", &AuditTheme::notes),
            list("modules", "Modules", &AuditTheme::moduleCodes),
        }};
    return kSpec;
}

} // namespace ledger
