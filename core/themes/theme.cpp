#include "themes/theme.h"

#include "base/enum_codes.h"

#include <array>

namespace ledger {

namespace {

constexpr CodeTable<ThemeSource, 7> kSources{{
    {ThemeSource::CaseFileAudit, "case_file_audit"},
    {ThemeSource::Complaint, "complaint"},
    {ThemeSource::Ombudsman, "ombudsman"},
    {ThemeSource::SafeguardingAdultsReview, "safeguarding_adults_review"},
    {ThemeSource::PeerChallenge, "peer_challenge"},
    {ThemeSource::Cqc, "cqc"},
    {ThemeSource::Other, "other"},
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

constexpr std::array<ChoiceOption, 7> kSourceOptions{{
    {"case_file_audit", "Case-file audit"},
    {"complaint", "Complaint"},
    {"ombudsman", "Ombudsman"},
    {"safeguarding_adults_review", "Safeguarding adults review"},
    {"peer_challenge", "Peer challenge"},
    {"cqc", "CQC"},
    {"other", "Other"},
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
            with(requiredText("key", "Key", &AuditTheme::key, "a key"), FieldRole::Identity),
            requiredText("title", "Title", &AuditTheme::title, "a title"),
            text("description", "Description", &AuditTheme::description),
            choice("source", "Source", &AuditTheme::source, kSources, kSourceOptions),
            date("raised_on", "Raised on", &AuditTheme::raisedOn),
            choice("priority", "Priority", &AuditTheme::priority, kPriorities, kPriorityOptions),
            choice("status", "Status", &AuditTheme::status, kStatuses, kStatusOptions),
            text("owner_id", "Owner", &AuditTheme::ownerId),
            list("modules", "Modules", &AuditTheme::moduleCodes),
        }};
    return kSpec;
}

} // namespace ledger
