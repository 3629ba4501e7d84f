#include "sessions/session.h"

#include "base/checks.h"
#include "base/enum_codes.h"
#include "sessions/series.h"
#include "sessions/session_repository.h"

#include <array>
#include <set>
#include <stdexcept>

namespace ledger {

namespace {

constexpr CodeTable<SessionKind, 5> kKinds{{
    {SessionKind::PracticeForum, "practice_forum"},
    {SessionKind::NqSession, "nq_session"},
    {SessionKind::Conference, "conference"},
    {SessionKind::Workshop, "workshop"},
    {SessionKind::Other, "other"},
}};

constexpr std::array<ChoiceOption, 5> kKindOptions{{
    {"practice_forum", "Practice forum"},
    {"nq_session", "NQ group session"},
    {"conference", "Conference"},
    {"workshop", "Workshop"},
    {"other", "Other"},
}};

/// A list kept by the repository, written as the CSV writes it: items with `;` between.
FieldSpec<LearningSession> semicolonList(std::string_view name, std::string_view label,
                                         std::vector<std::string> LearningSession::*member) {
    FieldSpec<LearningSession> f = spec::list(name, label, member);
    f.format = [member](const LearningSession& r) {
        std::string out;
        for (const std::string& item : r.*member) {
            out += (out.empty() ? "" : ";") + item;
        }
        return out;
    };
    f.parse = [member](LearningSession& r, std::string_view value) -> std::optional<FieldProblem> {
        (r.*member).clear();
        std::size_t start = 0;
        while (!value.empty() && start <= value.size()) {
            const std::size_t semi = value.find(';', start);
            const std::size_t end = semi == std::string_view::npos ? value.size() : semi;
            (r.*member).emplace_back(value.substr(start, end - start));
            start = end + 1;
        }
        return std::nullopt;
    };
    return f;
}

/// A list: no empty or repeated item, and each one known.
void checkList(std::vector<FieldError>& errors, const char* field,
               const std::vector<std::string>& items,
               const std::function<bool(std::string_view)>& known, const char* what) {
    std::set<std::string_view> seen;
    for (const std::string& item : items) {
        if (item.empty()) {
            addFieldError(errors, field, "an empty item in the list");
        } else if (!seen.insert(item).second) {
            addFieldError(errors, field, item + " is listed twice");
        } else if (known && !known(item)) {
            addFieldError(errors, field, std::string("no ") + what + " " + item);
        }
    }
}

} // namespace

std::string sessionKindCode(SessionKind kind) {
    return codeOf(kKinds, kind);
}

std::optional<SessionKind> parseSessionKind(std::string_view code) {
    return parseCode(kKinds, code);
}

const RecordSpec<LearningSession>& sessionSpec() {
    using namespace spec;
    static const RecordSpec<LearningSession> kSpec{
        "session",
        {
            with(requiredText("key", "Key", &LearningSession::key, "a key"), FieldRole::Identity),
            choice("kind", "Kind", &LearningSession::kind, kKinds, kKindOptions),
            requiredText("title", "Title", &LearningSession::title, "a title"),
            requiredText("starts_at", "Starts", &LearningSession::startsAt, "a start"),
            requiredText("ends_at", "Ends", &LearningSession::endsAt, "an end"),
            text("facilitator_id", "Facilitator", &LearningSession::facilitatorId),
            text("speaker", "Speaker", &LearningSession::speaker),
            text("organisation", "Organisation", &LearningSession::organisation),
            optionalNumber("capacity", "Capacity", &LearningSession::capacity, 1, kMaxCapacity,
                           "places"),
            stored(text("module", "Module", &LearningSession::moduleCode), Storage::ByRepository),
            semicolonList("teams", "Teams", &LearningSession::teams),
            semicolonList("roles", "Roles", &LearningSession::roles),
            semicolonList("themes", "Audit themes", &LearningSession::themes),
        }};
    return kSpec;
}

std::vector<FieldError> validateSession(const LearningSession& s, const SessionContext& context) {
    std::vector<FieldError> errors;
    if (auto problem = keyProblem(s.key)) {
        addFieldError(errors, "key", *problem);
    }
    if (blank(s.title)) {
        addFieldError(errors, "title", "a title is required");
    } else {
        checkText(errors, "title", s.title, TextKind::Name, kMaxTitleLength);
    }
    std::optional<std::string> startProblem = dateTimeProblem(s.startsAt);
    std::optional<std::string> endProblem = dateTimeProblem(s.endsAt);
    if (startProblem) {
        addFieldError(errors, "starts_at", *startProblem);
    }
    if (endProblem) {
        addFieldError(errors, "ends_at", *endProblem);
    }
    if (!startProblem && !endProblem && !(s.startsAt < s.endsAt)) {
        addFieldError(errors, "ends_at", "ends before it starts");
    }
    if (!s.facilitatorId.empty() && !context.base.hasEmployee(s.facilitatorId)) {
        addFieldError(errors, "facilitator_id",
                      "no staff member has employee id " + s.facilitatorId);
    }
    checkText(errors, "speaker", s.speaker, TextKind::Name, kMaxLongTextLength);
    checkText(errors, "organisation", s.organisation, TextKind::Name, kMaxLongTextLength);
    if (s.capacity && (*s.capacity < 1 || *s.capacity > kMaxCapacity)) {
        addFieldError(errors, "capacity",
                      "from 1 to " + std::to_string(kMaxCapacity) + ", or empty");
    }
    checkList(errors, "teams", s.teams, context.hasTeam, "team");
    checkList(errors, "roles", s.roles, context.hasRole, "role");
    checkList(errors, "themes", s.themes, context.hasTheme, "audit theme");
    if (!s.moduleCode.empty() && !context.base.hasModule(s.moduleCode)) {
        addFieldError(errors, "module", "no module " + s.moduleCode);
    }
    return errors;
}

std::string SessionRepository::recordAction(RecordId, const BookingAction&) {
    throw std::logic_error("this store does not decide booking actions itself");
}

} // namespace ledger
