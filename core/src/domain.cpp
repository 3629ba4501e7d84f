#include "ledger/domain.h"

#include <array>
#include <utility>

namespace ledger {

namespace {

template <typename Enum, std::size_t N>
std::string codeOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [e, code] : table) {
        if (e == value) {
            return code;
        }
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseCode(const std::array<std::pair<Enum, const char*>, N>& table,
                              std::string_view code) {
    for (const auto& [e, c] : table) {
        if (code == c) {
            return e;
        }
    }
    return std::nullopt;
}

constexpr std::array<std::pair<RegistrationBody, const char*>, 4> kBodies{{
    {RegistrationBody::None, ""},
    {RegistrationBody::SocialWorkEngland, "SWE"},
    {RegistrationBody::Hcpc, "HCPC"},
    {RegistrationBody::Nmc, "NMC"},
}};

constexpr std::array<std::pair<ThemeSource, const char*>, 6> kSources{{
    {ThemeSource::CaseFileAudit, "case_file_audit"},
    {ThemeSource::Complaint, "complaint"},
    {ThemeSource::OmbudsmanFinding, "ombudsman_finding"},
    {ThemeSource::SafeguardingAdultsReview, "safeguarding_adults_review"},
    {ThemeSource::PeerChallenge, "peer_challenge"},
    {ThemeSource::Cqc, "cqc"},
}};

constexpr std::array<std::pair<ThemePriority, const char*>, 3> kPriorities{{
    {ThemePriority::Low, "low"},
    {ThemePriority::Medium, "medium"},
    {ThemePriority::High, "high"},
}};

constexpr std::array<std::pair<ThemeStatus, const char*>, 4> kStatuses{{
    {ThemeStatus::Open, "open"},
    {ThemeStatus::BeingAddressed, "being_addressed"},
    {ThemeStatus::ReAudited, "re_audited"},
    {ThemeStatus::Closed, "closed"},
}};

} // namespace

std::string registrationBodyCode(RegistrationBody body) {
    return codeOf(kBodies, body);
}
std::optional<RegistrationBody> parseRegistrationBody(std::string_view code) {
    return parseCode(kBodies, code);
}

std::string renewalBasisCode(RenewalBasis basis) {
    return basis == RenewalBasis::Expiry ? "expiry" : "completion";
}

std::string scopeCode(Scope scope) {
    switch (scope) {
    case Scope::All:
        return "all";
    case Scope::Team:
        return "team";
    case Scope::Role:
        return "role";
    }
    return {};
}

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
