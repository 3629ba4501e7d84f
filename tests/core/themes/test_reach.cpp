// A theme's reach and the topic suggestions (rules/sessions.md sections 6 and 7), proved on
// the page's worked examples ("Reach and suggestions").

#include "themes/reach.h"

#include <gtest/gtest.h>

#include <vector>

namespace ledger {
namespace {

using Kind = ThemeTouch::Kind;

ThemeTouch touch(Kind kind, Date on, std::vector<std::string> people) {
    return ThemeTouch{kind, on, std::move(people)};
}

/// CHG's touches: session F1 held 2026-02-10 (A, B attended; C no_show reaches no one);
/// CHARGE completions B 2026-03-05 and C 2025-06-01 (E's on 2026-03-06 is void: no touch);
/// CPD: H final 2026-03-20 (E's draft is no touch).
std::vector<ThemeTouch> chgTouches() {
    return {touch(Kind::HeldSession, makeDate(2026, 2, 10), {"A", "B"}),
            touch(Kind::Completion, makeDate(2026, 3, 5), {"B"}),
            touch(Kind::Completion, makeDate(2025, 6, 1), {"C"}),
            touch(Kind::CpdEntry, makeDate(2026, 3, 20), {"H"})};
}

TEST(ThemeReach, TheWorkedExamples) {
    EXPECT_EQ(themeReach(chgTouches(), makeDate(2026, 1, 1), makeDate(2026, 3, 31)),
              (ThemeReach{1, 1, 1, 3, makeDate(2026, 3, 20)}));
    EXPECT_EQ(themeReach(chgTouches(), makeDate(2026, 1, 1), makeDate(2026, 2, 28)),
              (ThemeReach{1, 0, 0, 2, makeDate(2026, 2, 10)}));
    EXPECT_EQ(themeReach(chgTouches(), makeDate(2025, 1, 1), makeDate(2025, 12, 31)),
              (ThemeReach{0, 1, 0, 1, makeDate(2025, 6, 1)}));
    // Before any touch: nothing, and no last touch.
    EXPECT_EQ(themeReach(chgTouches(), makeDate(2024, 1, 1), makeDate(2024, 12, 31)), ThemeReach{});
}

std::vector<ThemeWithTouches> council() {
    const Date raised = makeDate(2025, 1, 1);
    const auto theme = [&](const char* key, ThemePriority p, ThemeStatus s,
                           std::vector<ThemeTouch> touches) {
        return ThemeWithTouches{key, std::string("Theme ") + key, p, s, raised, std::move(touches)};
    };
    return {theme("CHG", ThemePriority::High, ThemeStatus::Open, chgTouches()),
            theme("ADV", ThemePriority::High, ThemeStatus::Open, {}),
            theme("CAR", ThemePriority::Medium, ThemeStatus::BeingAddressed, {}),
            theme("LEG", ThemePriority::High, ThemeStatus::Open,
                  {touch(Kind::Completion, makeDate(2026, 8, 1), {"L"})}),
            theme("FIRE", ThemePriority::Low, ThemeStatus::Closed, {})};
}

std::vector<std::string> keysOf(const std::vector<TopicSuggestion>& s) {
    std::vector<std::string> keys;
    for (const TopicSuggestion& each : s) {
        keys.push_back(each.key);
    }
    return keys;
}

const TopicSuggestion& find(const std::vector<TopicSuggestion>& s, const char* key) {
    return *std::find_if(s.begin(), s.end(),
                         [&](const TopicSuggestion& t) { return t.key == key; });
}

TEST(TopicSuggestions, SixMonthsToTheEndOfSeptember) {
    const auto s = topicSuggestions(council(), makeDate(2026, 9, 30), 6);
    EXPECT_EQ(keysOf(s), (std::vector<std::string>{"ADV", "CHG", "CAR", "LEG"}));
    const TopicSuggestion& chg = find(s, "CHG");
    EXPECT_EQ(chg.rank, 2);
    EXPECT_TRUE(chg.stale);
    EXPECT_EQ(chg.lastTouchedOn, makeDate(2026, 3, 20));
    EXPECT_EQ(chg.staffReached, 0);
    EXPECT_TRUE(find(s, "ADV").stale);
    EXPECT_EQ(find(s, "ADV").lastTouchedOn, std::nullopt);
    EXPECT_FALSE(find(s, "LEG").stale);
}

TEST(TopicSuggestions, TwelveMonthsMakesNeitherTouchedThemeStale) {
    const auto s = topicSuggestions(council(), makeDate(2026, 9, 30), 12);
    EXPECT_EQ(keysOf(s), (std::vector<std::string>{"ADV", "CAR", "CHG", "LEG"}));
    EXPECT_FALSE(find(s, "CHG").stale);
    EXPECT_FALSE(find(s, "LEG").stale);
}

TEST(TopicSuggestions, ATouchOnTheBoundaryIsNotStale) {
    const auto s = topicSuggestions(council(), makeDate(2026, 9, 20), 6);
    EXPECT_EQ(keysOf(s), (std::vector<std::string>{"ADV", "CAR", "CHG", "LEG"}));
    EXPECT_FALSE(find(s, "CHG").stale);
    EXPECT_EQ(find(s, "CHG").staffReached, 1); // H
}

TEST(TopicSuggestions, ThemesRaisedLaterAreNotCandidatesYet) {
    std::vector<ThemeWithTouches> themes = council();
    themes[1].raisedOn = makeDate(2026, 10, 1); // ADV
    EXPECT_EQ(keysOf(topicSuggestions(themes, makeDate(2026, 9, 30), 6)),
              (std::vector<std::string>{"CHG", "CAR", "LEG"}));
}

} // namespace
} // namespace ledger
