#include "cpd/cpd_entry.h"

#include "base/checks.h"
#include "base/enum_codes.h"
#include "sessions/session.h"

#include <limits>

namespace ledger {

namespace {

constexpr CodeTable<CpdType, 10> kTypes{{
    {CpdType::Course, "course"},
    {CpdType::ELearning, "e_learning"},
    {CpdType::PracticeForum, "practice_forum"},
    {CpdType::NqSession, "nq_session"},
    {CpdType::Supervision, "supervision"},
    {CpdType::ReflectiveDiscussion, "reflective_discussion"},
    {CpdType::ReadingResearch, "reading_research"},
    {CpdType::Shadowing, "shadowing"},
    {CpdType::Conference, "conference"},
    {CpdType::Other, "other"},
}};

constexpr CodeTable<CpdStatus, 2> kStatuses{{
    {CpdStatus::Draft, "draft"},
    {CpdStatus::Final, "final"},
}};

constexpr CodeTable<HcpcType, 5> kHcpcTypes{{
    {HcpcType::FormalEducational, "formal_educational"},
    {HcpcType::WorkBased, "work_based"},
    {HcpcType::SelfDirected, "self_directed"},
    {HcpcType::Professional, "professional"},
    {HcpcType::Other, "other"},
}};

// 10^15 whole hours: in hundredths far inside int64, and far above any range check.
constexpr Hundredths kMaxParsedWholeHours = 1'000'000'000'000'000;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

void add(std::vector<FieldError>& errors, const char* field, std::string message) {
    errors.push_back(FieldError{{}, 0, field, std::move(message)});
}

void checkText(std::vector<FieldError>& errors, const char* field, std::string_view text,
               TextKind kind, std::size_t most) {
    if (auto problem = textProblem(text, kind)) {
        add(errors, field, *problem);
    } else if (codePoints(text) > most) {
        add(errors, field, "at most " + std::to_string(most) + " characters");
    }
}

} // namespace

std::string cpdTypeCode(CpdType type) {
    return codeOf(kTypes, type);
}
std::optional<CpdType> parseCpdType(std::string_view code) {
    return parseCode(kTypes, code);
}
std::string cpdStatusCode(CpdStatus status) {
    return codeOf(kStatuses, status);
}
std::optional<CpdStatus> parseCpdStatus(std::string_view code) {
    return parseCode(kStatuses, code);
}
std::string hcpcTypeCode(HcpcType type) {
    return codeOf(kHcpcTypes, type);
}
std::optional<HcpcType> parseHcpcType(std::string_view code) {
    return parseCode(kHcpcTypes, code);
}

HcpcType hcpcTypeOf(CpdType type) {
    switch (type) {
    case CpdType::Course:
    case CpdType::ELearning:
    case CpdType::Conference:
        return HcpcType::FormalEducational;
    case CpdType::PracticeForum:
    case CpdType::NqSession:
    case CpdType::Supervision:
    case CpdType::ReflectiveDiscussion:
    case CpdType::Shadowing:
        return HcpcType::WorkBased;
    case CpdType::ReadingResearch:
        return HcpcType::SelfDirected;
    case CpdType::Other:
        return HcpcType::Other;
    }
    return HcpcType::Other;
}

std::optional<Hundredths> parseHours(std::string_view text) {
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) ||
        fraction.size() > 2) {
        return std::nullopt;
    }
    Hundredths value = 0;
    for (const char c : whole) {
        if (!isDigit(c)) {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
        if (value > kMaxParsedWholeHours) {
            return std::nullopt;
        }
    }
    value *= 100;
    Hundredths scale = 10;
    for (const char c : fraction) {
        if (!isDigit(c)) {
            return std::nullopt;
        }
        value += (c - '0') * scale;
        scale /= 10;
    }
    return value;
}

std::string formatHours(Hundredths hours) {
    const bool negative = hours < 0;
    // Magnitude as unsigned so that the most negative value has one too.
    const auto magnitude =
        negative ? 0U - static_cast<std::uint64_t>(hours) : static_cast<std::uint64_t>(hours);
    const std::uint64_t cents = magnitude % 100;
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." +
           static_cast<char>('0' + cents / 10) + static_cast<char>('0' + cents % 10);
}

bool CpdEntry::hasPeerReflection() const {
    return !blank(peerReflection);
}

bool isCpdStandard(std::string_view code) {
    return code.size() == 3 && code[0] == '4' && code[1] == '.' && code[2] >= '1' && code[2] <= '8';
}

std::vector<FieldError> validateCpdEntry(const CpdEntry& e, const CpdContext& context) {
    std::vector<FieldError> errors;
    if (e.employeeId.empty()) {
        add(errors, "employee_id", "an employee id is required");
    } else if (!context.base.hasEmployee(e.employeeId)) {
        add(errors, "employee_id", "no staff member has employee id " + e.employeeId);
    }
    if (auto problem = dateProblem(e.date)) {
        add(errors, "date", *problem);
    } else if (e.date > context.base.today) {
        add(errors, "date",
            "the date " + formatIso(e.date) + " is after today (" + formatIso(context.base.today) +
                ")");
    }
    if (blank(e.title)) {
        add(errors, "title", "a title is required");
    } else {
        checkText(errors, "title", e.title, TextKind::Name, kMaxTitleLength);
    }
    if (cpdTypeCode(e.type).empty()) {
        add(errors, "type", "a type is required");
    }
    if (e.hours < 0 || e.hours > kMaxCpdHours) {
        add(errors, "hours", "from 0 to " + formatHours(kMaxCpdHours) + " hours");
    }
    checkText(errors, "description", e.description, TextKind::FreeText, kMaxLongTextLength);
    checkText(errors, "learning", e.learning, TextKind::FreeText, kMaxLongTextLength);
    checkText(errors, "impact", e.impact, TextKind::FreeText, kMaxLongTextLength);
    checkText(errors, "peer_reflection", e.peerReflection, TextKind::FreeText, kMaxLongTextLength);
    for (const std::string& standard : e.standards) {
        if (!isCpdStandard(standard)) {
            add(errors, "standards", "no standard " + standard + " (4.1 to 4.8)");
        }
    }
    for (const std::string& theme : e.themes) {
        if (theme.empty()) {
            add(errors, "themes", "an empty item in the list");
        } else if (context.hasTheme && !context.hasTheme(theme)) {
            add(errors, "themes", "no audit theme " + theme);
        }
    }
    if (cpdStatusCode(e.status).empty()) {
        add(errors, "status", "a status is required");
    } else if (e.status == CpdStatus::Final) {
        if (blank(e.description)) {
            add(errors, "description", "a final entry needs a description");
        }
        if (blank(e.learning)) {
            add(errors, "learning", "a final entry needs its learning");
        }
        if (blank(e.impact)) {
            add(errors, "impact", "a final entry needs its impact");
        }
    }
    return errors;
}

} // namespace ledger
