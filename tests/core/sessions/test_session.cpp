// A session's fields and what makes one valid (rules/sessions.md sections 2 and 9): every
// problem at once, named by field.

#include "sessions/session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ledger {
namespace {

LearningSession forum() {
    LearningSession s;
    s.key = "FORUM26-001";
    s.title = "Practice forum: carers' rights";
    s.startsAt = "2026-03-10T10:00";
    s.endsAt = "2026-03-10T12:00";
    s.facilitatorId = "E1";
    s.speaker = "A barrister";
    s.capacity = 20;
    s.teams = {"East"};
    s.roles = {"Social Worker"};
    s.themes = {"CHG"};
    s.moduleCode = "CARE-ACT";
    return s;
}

struct Council {
    ValidationContext base;
    Council() {
        base.employeeIds = {"E1", "E2"};
        base.moduleCodes = {"CARE-ACT"};
        base.today = makeDate(2026, 3, 1);
    }
    [[nodiscard]] SessionContext context() const {
        return SessionContext{base, [](std::string_view k) { return k == "CHG" || k == "ADV"; },
                              [](std::string_view t) { return t == "East" || t == "West"; },
                              [](std::string_view r) {
                                  return r == "Social Worker";
                              }};
    }
};

std::vector<std::string> fieldsOf(const std::vector<FieldError>& errors) {
    std::vector<std::string> fields;
    for (const FieldError& e : errors) {
        fields.push_back(e.field);
    }
    return fields;
}

TEST(SessionRecord, AValidSessionHasNoProblems) {
    const Council c;
    EXPECT_EQ(validateSession(forum(), c.context()), std::vector<FieldError>{});
    LearningSession minimal = forum();
    minimal.facilitatorId.clear();
    minimal.speaker.clear();
    minimal.capacity.reset();
    minimal.teams.clear();
    minimal.roles.clear();
    minimal.themes.clear();
    minimal.moduleCode.clear();
    EXPECT_EQ(validateSession(minimal, c.context()), std::vector<FieldError>{});
}

TEST(SessionRecord, EveryProblemIsNamedByItsFieldAtOnce) {
    const Council c;
    LearningSession s = forum();
    s.key = "-bad key";
    s.title = " \t";
    s.startsAt = "2026-03-29T01:30"; // the skipped hour
    s.endsAt = "2026-03-29T01:00";
    s.facilitatorId = "E9";
    s.capacity = 1001;
    s.teams = {"East", "East"};
    s.roles = {""};
    s.themes = {"NOPE"};
    s.moduleCode = "NOPE";
    EXPECT_EQ(fieldsOf(validateSession(s, c.context())),
              (std::vector<std::string>{"key", "title", "starts_at", "ends_at", "facilitator_id",
                                        "capacity", "teams", "roles", "themes", "module"}));
}

TEST(SessionRecord, KeysAndLimits) {
    EXPECT_EQ(keyProblem("FORUM26-001"), std::nullopt);
    EXPECT_EQ(keyProblem("a.b_c-9"), std::nullopt);
    EXPECT_EQ(keyProblem(std::string(40, 'K')), std::nullopt);
    EXPECT_TRUE(keyProblem(std::string(41, 'K')).has_value());
    EXPECT_TRUE(keyProblem("").has_value());
    EXPECT_TRUE(keyProblem("_first").has_value());
    EXPECT_TRUE(keyProblem("with space").has_value());
    const Council c;
    LearningSession s = forum();
    s.title = std::string(200, 't');
    EXPECT_EQ(validateSession(s, c.context()), std::vector<FieldError>{});
    s.title = std::string(201, 't');
    EXPECT_EQ(fieldsOf(validateSession(s, c.context())), std::vector<std::string>{"title"});
    s = forum();
    s.endsAt = s.startsAt; // ends are exclusive: an empty session is not one
    EXPECT_EQ(fieldsOf(validateSession(s, c.context())), std::vector<std::string>{"ends_at"});
    for (int capacity : {1, 1000}) {
        s = forum();
        s.capacity = capacity;
        EXPECT_EQ(validateSession(s, c.context()), std::vector<FieldError>{}) << capacity;
    }
}

TEST(SessionRecord, KindCodesRoundTrip) {
    for (int i = 0; i <= static_cast<int>(SessionKind::Other); ++i) {
        const auto kind = static_cast<SessionKind>(i);
        EXPECT_EQ(parseSessionKind(sessionKindCode(kind)), kind);
    }
    EXPECT_EQ(parseSessionKind("forum"), std::nullopt);
    EXPECT_EQ(sessionKindCode(SessionKind::PracticeForum), "practice_forum");
    EXPECT_EQ(sessionKindCode(SessionKind::NqSession), "nq_session");
    EXPECT_EQ(sessionKindCode(SessionKind::Conference), "conference");
    EXPECT_EQ(sessionKindCode(SessionKind::Workshop), "workshop");
    EXPECT_EQ(sessionKindCode(SessionKind::Other), "other");
    EXPECT_EQ(parseSessionKind("nq_session"), SessionKind::NqSession);
}

} // namespace
} // namespace ledger
