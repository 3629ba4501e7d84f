#include "cpd/cpd_entry.h"

#include "base/checks.h"
#include "base/enum_codes.h"
#include "base/field_spec.h"
#include "sessions/session.h"

#include <array>
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

constexpr std::array<ChoiceOption, 10> kTypeOptions{{
    {"course", "Course"},
    {"e_learning", "E-learning"},
    {"practice_forum", "Practice forum"},
    {"nq_session", "NQ group session"},
    {"supervision", "Supervision"},
    {"reflective_discussion", "Reflective discussion"},
    {"reading_research", "Reading or research"},
    {"shadowing", "Shadowing"},
    {"conference", "Conference"},
    {"other", "Other"},
}};

constexpr std::array<ChoiceOption, 2> kStatusOptions{{
    {"draft", "Draft"},
    {"final", "Final"},
}};

/// A set written as the CSV writes a list cell: items in byte order with `;` between. Read
/// back without trimming; an empty text is an empty set.
FieldSpec<CpdEntry> setField(std::string_view name, std::string_view label,
                             std::set<std::string> CpdEntry::*member) {
    FieldSpec<CpdEntry> f = spec::named<CpdEntry>(name, label, FieldType::Text);
    f.format = [member](const CpdEntry& r) {
        return joinCpdList(r.*member);
    };
    f.parse = [member](CpdEntry& r, std::string_view value) -> std::optional<FieldProblem> {
        r.*member = splitCpdList(value);
        return std::nullopt;
    };
    return f;
}

// 10^15 whole hours: in hundredths far inside int64, and far above any range check.
constexpr Hundredths kMaxParsedWholeHours = 1'000'000'000'000'000;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
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

std::string joinCpdList(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ";") + item;
    }
    return out;
}

std::set<std::string> splitCpdList(std::string_view cell) {
    std::set<std::string> out;
    std::size_t start = 0;
    while (!cell.empty() && start <= cell.size()) {
        const std::size_t semi = cell.find(';', start);
        const std::size_t end = semi == std::string_view::npos ? cell.size() : semi;
        out.emplace(cell.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string cpdSourceText(const std::optional<CpdSource>& source) {
    if (!source) {
        return {};
    }
    if (const auto* s = std::get_if<CpdSessionSource>(&*source)) {
        return "session " + s->sessionKey;
    }
    return "completion " + std::to_string(std::get<CpdCompletionSource>(*source).completionId);
}

const RecordSpec<CpdEntry>& cpdSpec() {
    using namespace spec;
    static const RecordSpec<CpdEntry> kSpec{
        "cpd_entry",
        {
            with(
                requiredText("employee_id", "Employee ID", &CpdEntry::employeeId, "an employee id"),
                FieldRole::Identity, Storage::ByRepository),
            with(date("date", "Date", &CpdEntry::date), FieldRole::Key),
            with(requiredText("title", "Title", &CpdEntry::title, "a title"), FieldRole::Key),
            choice("type", "Type", &CpdEntry::type, kTypes, kTypeOptions),
            [] {
                // Whole hundredths, kept by the repository as an integer.
                FieldSpec<CpdEntry> f = named<CpdEntry>("hours", "Hours", FieldType::Text);
                f.storage = Storage::ByRepository;
                f.format = [](const CpdEntry& r) {
                    return formatHours(r.hours);
                };
                f.parse = [](CpdEntry& r, std::string_view value) -> std::optional<FieldProblem> {
                    const auto hours = parseHours(value);
                    r.hours = hours.value_or(0);
                    return hours ? std::nullopt
                                 : std::optional(FieldProblem{FieldProblem::Kind::NotANumber,
                                                              std::string(value)});
                };
                return f;
            }(),
            text("description", "What I did", &CpdEntry::description),
            text("learning", "What I learnt", &CpdEntry::learning),
            text("impact", "The difference to my practice", &CpdEntry::impact),
            text("peer_reflection", "Peer reflection (the peer's job title)",
                 &CpdEntry::peerReflection),
            setField("standards", "Professional standards", &CpdEntry::standards),
            stored(setField("themes", "Audit themes", &CpdEntry::themes), Storage::ByRepository),
            choice("status", "Status", &CpdEntry::status, kStatuses, kStatusOptions),
            [] {
                FieldSpec<CpdEntry> f = named<CpdEntry>("source", "Made from", FieldType::Text);
                f.storage = Storage::ByRepository;
                f.format = [](const CpdEntry& r) {
                    return cpdSourceText(r.source);
                };
                f.parse = [](CpdEntry&, std::string_view) -> std::optional<FieldProblem> {
                    return std::nullopt; // set by the app only
                };
                return f;
            }(),
        }};
    return kSpec;
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
        addFieldError(errors, "employee_id", "an employee id is required");
    } else if (!context.base.hasEmployee(e.employeeId)) {
        addFieldError(errors, "employee_id", "no staff member has employee id " + e.employeeId);
    }
    if (auto problem = dateProblem(e.date)) {
        addFieldError(errors, "date", *problem);
    } else if (e.date > context.base.today) {
        addFieldError(errors, "date",
                      "the date " + formatIso(e.date) + " is after today (" +
                          formatIso(context.base.today) + ")");
    }
    if (blank(e.title)) {
        addFieldError(errors, "title", "a title is required");
    } else {
        checkText(errors, "title", e.title, TextKind::AnyText, kMaxTitleLength);
    }
    if (cpdTypeCode(e.type).empty()) {
        addFieldError(errors, "type", "a type is required");
    }
    if (e.hours < 0 || e.hours > kMaxCpdHours) {
        addFieldError(errors, "hours", "from 0 to " + formatHours(kMaxCpdHours) + " hours");
    }
    checkText(errors, "description", e.description, TextKind::AnyText, kMaxLongTextLength);
    checkText(errors, "learning", e.learning, TextKind::AnyText, kMaxLongTextLength);
    checkText(errors, "impact", e.impact, TextKind::AnyText, kMaxLongTextLength);
    checkText(errors, "peer_reflection", e.peerReflection, TextKind::AnyText, kMaxLongTextLength);
    for (const std::string& standard : e.standards) {
        if (!isCpdStandard(standard)) {
            addFieldError(errors, "standards", "no standard " + standard + " (4.1 to 4.8)");
        }
    }
    for (const std::string& theme : e.themes) {
        if (theme.empty()) {
            addFieldError(errors, "themes", "an empty item in the list");
        } else if (context.hasTheme && !context.hasTheme(theme)) {
            addFieldError(errors, "themes", "no audit theme " + theme);
        }
    }
    if (cpdStatusCode(e.status).empty()) {
        addFieldError(errors, "status", "a status is required");
    } else if (e.status == CpdStatus::Final) {
        if (blank(e.description)) {
            addFieldError(errors, "description", "a final entry needs a description");
        }
        if (blank(e.learning)) {
            addFieldError(errors, "learning", "a final entry needs its learning");
        }
        if (blank(e.impact)) {
            addFieldError(errors, "impact", "a final entry needs its impact");
        }
    }
    return errors;
}

} // namespace ledger
