// The pure rules of CPD entries and registration checks (rules/learning-record.md sections
// 1-4 and 9), with every Social Work England and HCPC worked example of section 10 as its own
// test.

#include "cpd/cpd_entry.h"
#include "cpd/registration.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger {
namespace {

CpdEntry entry(Date date, CpdType type = CpdType::Course, std::string peer = {},
               CpdStatus status = CpdStatus::Final, std::string title = "Learning") {
    CpdEntry e;
    e.employeeId = "E1";
    e.date = date;
    e.title = std::move(title);
    e.type = type;
    e.hours = 150;
    e.description = "What I did";
    e.learning = "What I learnt";
    e.impact = "What changed in my practice";
    e.peerReflection = std::move(peer);
    e.status = status;
    return e;
}

CpdEntry withPeer(Date date) {
    return entry(date, CpdType::Course, "Senior practitioner");
}

// --- Social Work England (section 10) ---

struct SweRow {
    int entries;
    int withPeer;
    int daysLeft;
    RegistrationStatus status;
};

void expectSwe(const SocialWorkEnglandCheck& check, int year, const SweRow& want) {
    EXPECT_EQ(registrationStatusCode(check.status), registrationStatusCode(want.status));
    ASSERT_TRUE(check.figures.has_value());
    EXPECT_EQ(check.figures->registrationYear, year);
    EXPECT_EQ(check.figures->entries, want.entries);
    EXPECT_EQ(check.figures->withPeerReflection, want.withPeer);
    EXPECT_EQ(check.figures->daysLeft, want.daysLeft);
}

constexpr RegistrationBody kSwe = RegistrationBody::SocialWorkEngland;

TEST(SocialWorkEnglandCheck, Row1TwoEntriesOneWithPeerOnTheLastDayIsMet) {
    const std::vector<CpdEntry> entries{withPeer(makeDate(2025, 3, 10)),
                                        entry(makeDate(2025, 11, 30))};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 11, 30)), 2025,
              {2, 1, 0, RegistrationStatus::Met});
}

TEST(SocialWorkEnglandCheck, Row2AnEntryAfterDIsNotCounted) {
    const std::vector<CpdEntry> entries{withPeer(makeDate(2025, 3, 10)),
                                        entry(makeDate(2025, 11, 30))};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 11, 29)), 2025,
              {1, 1, 1, RegistrationStatus::NotMet});
}

TEST(SocialWorkEnglandCheck, Row3FirstOfDecemberStartsTheNextYear) {
    const std::vector<CpdEntry> entries{withPeer(makeDate(2024, 12, 1)),
                                        withPeer(makeDate(2025, 12, 1))};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 12, 1)), 2026,
              {1, 1, 364, RegistrationStatus::NotMet});
}

TEST(SocialWorkEnglandCheck, Row4AnAskedForYearEndsOnItsThirtiethOfNovember) {
    const std::vector<CpdEntry> entries{withPeer(makeDate(2024, 12, 1)),
                                        withPeer(makeDate(2025, 12, 1))};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 12, 1), 2025), 2025,
              {1, 1, 0, RegistrationStatus::NotMet});
}

TEST(SocialWorkEnglandCheck, Row5DraftsNeverCount) {
    const std::vector<CpdEntry> entries{
        entry(makeDate(2025, 2, 1)),
        entry(makeDate(2025, 5, 1), CpdType::Course, "Team manager", CpdStatus::Draft)};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 6, 30)), 2025,
              {1, 0, 153, RegistrationStatus::NotMet});
}

TEST(SocialWorkEnglandCheck, Row6BlankPeerReflectionIsNoPeerReflection) {
    const std::vector<CpdEntry> entries{entry(makeDate(2025, 1, 15), CpdType::Course, "   "),
                                        entry(makeDate(2025, 4, 1))};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 9, 1)), 2025,
              {2, 0, 90, RegistrationStatus::NotMet});
}

TEST(SocialWorkEnglandCheck, OtherBodiesAreNotApplicableWithNoFigures) {
    const std::vector<CpdEntry> entries{withPeer(makeDate(2025, 3, 10)),
                                        entry(makeDate(2025, 11, 30))};
    for (const RegistrationBody body :
         {RegistrationBody::Hcpc, RegistrationBody::Nmc, RegistrationBody::None}) {
        const SocialWorkEnglandCheck check =
            checkSocialWorkEngland(body, entries, makeDate(2025, 11, 30));
        EXPECT_EQ(registrationStatusCode(check.status), "not_applicable");
        EXPECT_FALSE(check.figures.has_value());
    }
}

TEST(SocialWorkEnglandCheck, AFutureYearCountsNothingYetAndCountsItsDaysLeft) {
    const std::vector<CpdEntry> entries{withPeer(makeDate(2025, 3, 10))};
    expectSwe(checkSocialWorkEngland(kSwe, entries, makeDate(2025, 3, 10), 2026), 2026,
              {0, 0, 630, RegistrationStatus::NotMet});
}

TEST(SocialWorkEnglandCheck, RegistrationYearBoundaries) {
    EXPECT_EQ(sweRegistrationYearContaining(makeDate(2025, 11, 30)), 2025);
    EXPECT_EQ(sweRegistrationYearContaining(makeDate(2025, 12, 1)), 2026);
    EXPECT_EQ(sweRegistrationYearContaining(makeDate(2026, 1, 1)), 2026);
    EXPECT_EQ(sweRegistrationYearStart(2026), makeDate(2025, 12, 1));
    EXPECT_EQ(sweRegistrationYearEnd(2026), makeDate(2026, 11, 30));
}

// --- HCPC (section 10) ---

std::string gapList(const HcpcFigures& f) {
    std::string out;
    for (const HcpcGap& g : f.gaps) {
        out += (out.empty() ? "" : ";") + formatIso(g.from) + ".." + formatIso(g.to);
    }
    return out;
}

std::string typeList(const HcpcFigures& f) {
    std::string out;
    for (const HcpcType t : f.types) {
        out += (out.empty() ? "" : ";") + hcpcTypeCode(t);
    }
    return out;
}

std::string reasonList(const HcpcFigures& f) {
    std::string out;
    for (const HcpcReason r : f.reasons) {
        out += (out.empty() ? "" : ";") + hcpcReasonCode(r);
    }
    return out;
}

struct HcpcRow {
    int cycle;
    std::string gaps;
    std::string types;
    RegistrationStatus status;
    std::string reasons;
};

void expectHcpc(const HcpcCheck& check, const HcpcRow& want) {
    EXPECT_EQ(registrationStatusCode(check.status), registrationStatusCode(want.status));
    ASSERT_TRUE(check.figures.has_value());
    EXPECT_EQ(check.figures->cycle, want.cycle);
    EXPECT_EQ(gapList(*check.figures), want.gaps);
    EXPECT_EQ(typeList(*check.figures), want.types);
    EXPECT_EQ(reasonList(*check.figures), want.reasons);
}

constexpr RegistrationBody kHcpc = RegistrationBody::Hcpc;

TEST(HcpcCheck, Row1GapsShorterThanThreeMonthsAndTwoTypesIsMet) {
    const std::vector<CpdEntry> entries{entry(makeDate(2023, 11, 20), CpdType::Course),
                                        entry(makeDate(2024, 2, 19), CpdType::Supervision)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2024, 4, 30));
    expectHcpc(check, {2025, "", "formal_educational;work_based", RegistrationStatus::Met, ""});
    EXPECT_EQ(check.figures->activities, (std::vector<std::size_t>{0, 1}));
}

TEST(HcpcCheck, Row2ExactlyThreeMonthsIsAGap) {
    const std::vector<CpdEntry> entries{entry(makeDate(2023, 11, 20), CpdType::Course),
                                        entry(makeDate(2024, 2, 20), CpdType::Supervision)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2024, 4, 30));
    expectHcpc(check, {2025, "2023-11-20..2024-02-20", "formal_educational;work_based",
                       RegistrationStatus::NotMet, "gaps"});
    EXPECT_FALSE(check.figures->gaps.front().open);
}

TEST(HcpcCheck, Row3TheOpenGapEndsAtD) {
    const std::vector<CpdEntry> entries{entry(makeDate(2023, 11, 30), CpdType::Course),
                                        entry(makeDate(2024, 1, 31), CpdType::ReadingResearch)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2024, 4, 30));
    expectHcpc(check, {2025, "2024-01-31..2024-04-30", "formal_educational;self_directed",
                       RegistrationStatus::NotMet, "gaps"});
    EXPECT_TRUE(check.figures->gaps.front().open);
}

TEST(HcpcCheck, Row4DraftsAreNoActivityAndOneTypeIsNoMixture) {
    const std::vector<CpdEntry> entries{
        entry(makeDate(2023, 12, 1), CpdType::Course, {}, CpdStatus::Draft),
        entry(makeDate(2024, 2, 1), CpdType::Supervision),
        entry(makeDate(2024, 3, 1), CpdType::PracticeForum)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2024, 3, 15));
    expectHcpc(check, {2025, "2023-11-01..2024-02-01", "work_based", RegistrationStatus::NotMet,
                       "gaps;mixture"});
    EXPECT_EQ(check.figures->activities, (std::vector<std::size_t>{1, 2}));
}

TEST(HcpcCheck, Row5TheFirstDayOfANewCycleHasNothingYet) {
    const std::vector<CpdEntry> entries{entry(makeDate(2025, 10, 31), CpdType::Course)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2025, 11, 1));
    expectHcpc(check, {2027, "", "", RegistrationStatus::NotMet, "mixture"});
    EXPECT_TRUE(check.figures->activities.empty());
}

TEST(HcpcCheck, OtherBodiesAreNotApplicableWithNoFigures) {
    const std::vector<CpdEntry> entries{entry(makeDate(2023, 11, 20), CpdType::Course),
                                        entry(makeDate(2024, 2, 19), CpdType::Supervision)};
    for (const RegistrationBody body :
         {RegistrationBody::SocialWorkEngland, RegistrationBody::Nmc, RegistrationBody::None}) {
        const HcpcCheck check = checkHcpc(body, entries, makeDate(2024, 4, 30));
        EXPECT_EQ(registrationStatusCode(check.status), "not_applicable");
        EXPECT_FALSE(check.figures.has_value());
    }
}

TEST(HcpcCheck, DBeforeAnAskedForCycleHasNoActivitiesNoGapsAndNoMixture) {
    const std::vector<CpdEntry> entries{entry(makeDate(2025, 6, 1), CpdType::Course)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2025, 6, 1), 2027);
    expectHcpc(check, {2027, "", "", RegistrationStatus::NotMet, "mixture"});
    EXPECT_TRUE(check.figures->activities.empty());
}

TEST(HcpcCheck, ActivitiesAreByDateThenTitleInByteOrder) {
    const std::vector<CpdEntry> entries{
        entry(makeDate(2024, 1, 10), CpdType::Course, {}, CpdStatus::Final, "b"),
        entry(makeDate(2024, 1, 10), CpdType::Course, {}, CpdStatus::Final, "\xC3\xA9"),
        entry(makeDate(2024, 1, 10), CpdType::Course, {}, CpdStatus::Final, "B"),
        entry(makeDate(2023, 12, 1), CpdType::Course, {}, CpdStatus::Final, "z"),
        entry(makeDate(2025, 10, 31), CpdType::Course, {}, CpdStatus::Final, "last day"),
        entry(makeDate(2025, 11, 1), CpdType::Course, {}, CpdStatus::Final, "next cycle"),
        entry(makeDate(2023, 10, 31), CpdType::Course, {}, CpdStatus::Final, "last cycle")};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2026, 1, 1), 2025);
    ASSERT_TRUE(check.figures.has_value());
    EXPECT_EQ(check.figures->activities, (std::vector<std::size_t>{3, 2, 0, 1, 4}));
}

TEST(HcpcCheck, AnActivityOnTheCycleStartOrOnDIsOneGapPoint) {
    const std::vector<CpdEntry> entries{entry(makeDate(2023, 11, 1), CpdType::Course),
                                        entry(makeDate(2024, 2, 1), CpdType::Shadowing)};
    const HcpcCheck check = checkHcpc(kHcpc, entries, makeDate(2024, 2, 1));
    expectHcpc(check, {2025, "2023-11-01..2024-02-01", "formal_educational;work_based",
                       RegistrationStatus::NotMet, "gaps"});
    EXPECT_TRUE(check.figures->gaps.front().open);
}

TEST(HcpcCheck, CycleBoundaries) {
    EXPECT_EQ(hcpcCycleContaining(makeDate(2023, 10, 31)), 2023);
    EXPECT_EQ(hcpcCycleContaining(makeDate(2023, 11, 1)), 2025);
    EXPECT_EQ(hcpcCycleContaining(makeDate(2024, 10, 31)), 2025);
    EXPECT_EQ(hcpcCycleContaining(makeDate(2024, 11, 1)), 2025);
    EXPECT_EQ(hcpcCycleContaining(makeDate(2025, 10, 31)), 2025);
    EXPECT_EQ(hcpcCycleContaining(makeDate(2025, 11, 1)), 2027);
    EXPECT_EQ(hcpcCycleContaining(makeDate(2025, 12, 31)), 2027);
    EXPECT_EQ(hcpcCycleStart(2025), makeDate(2023, 11, 1));
    EXPECT_EQ(hcpcCycleEnd(2025), makeDate(2025, 10, 31));
}

TEST(HcpcCheck, EachCpdTypeHasItsHcpcType) {
    const std::vector<std::pair<std::string, std::string>> want{
        {"course", "formal_educational"},      {"e_learning", "formal_educational"},
        {"practice_forum", "work_based"},      {"nq_session", "work_based"},
        {"supervision", "work_based"},         {"reflective_discussion", "work_based"},
        {"reading_research", "self_directed"}, {"shadowing", "work_based"},
        {"conference", "formal_educational"},  {"other", "other"}};
    for (const auto& [cpd, hcpc] : want) {
        const std::optional<CpdType> type = parseCpdType(cpd);
        ASSERT_TRUE(type.has_value()) << cpd;
        EXPECT_EQ(cpdTypeCode(*type), cpd);
        EXPECT_EQ(hcpcTypeCode(hcpcTypeOf(*type)), hcpc) << cpd;
    }
}

// --- Codes, hours and validation (sections 1, 2 and 9) ---

TEST(CpdCodes, AreExactlyAsThePage) {
    EXPECT_EQ(parseCpdStatus("draft"), CpdStatus::Draft);
    EXPECT_EQ(parseCpdStatus("final"), CpdStatus::Final);
    EXPECT_EQ(parseCpdStatus("Final"), std::nullopt);
    EXPECT_EQ(parseCpdType("E_learning"), std::nullopt);
    EXPECT_EQ(parseCpdType("e-learning"), std::nullopt);
    EXPECT_EQ(parseCpdType(""), std::nullopt);
    EXPECT_EQ(parseHcpcType("professional"), HcpcType::Professional);
    EXPECT_EQ(parseRegistrationStatus("not_met"), RegistrationStatus::NotMet);
}

TEST(CpdHours, ParsesWholeHundredths) {
    EXPECT_EQ(parseHours("7.5"), 750);
    EXPECT_EQ(parseHours("7.50"), 750);
    EXPECT_EQ(parseHours("7.05"), 705);
    EXPECT_EQ(parseHours("0"), 0);
    EXPECT_EQ(parseHours("0.01"), 1);
    EXPECT_EQ(parseHours("007"), 700);
    EXPECT_EQ(parseHours("1000"), 100000);
    EXPECT_EQ(parseHours("1000.01"), 100001); // in form; out of range is validation's
}

TEST(CpdHours, RefusesAnythingElse) {
    for (const char* text : {"", ".5", "7.", "7.505", "-1", "+1", " 1", "1 ", "1,5", "1e3", "7..5",
                             "1.2.3", "٣", "0x10", "99999999999999999999"}) {
        EXPECT_EQ(parseHours(text), std::nullopt) << '"' << text << '"';
    }
}

TEST(CpdHours, AreWrittenWithTwoDecimals) {
    EXPECT_EQ(formatHours(750), "7.50");
    EXPECT_EQ(formatHours(0), "0.00");
    EXPECT_EQ(formatHours(5), "0.05");
    EXPECT_EQ(formatHours(1263), "12.63");
    EXPECT_EQ(formatHours(100000), "1000.00");
    EXPECT_EQ(parseHours(formatHours(123456)), 123456);
}

TEST(CpdEntryRecord, HasPeerReflectionWhenNotBlank) {
    CpdEntry e = entry(makeDate(2025, 1, 1));
    EXPECT_FALSE(e.hasPeerReflection());
    e.peerReflection = " \t\r\n";
    EXPECT_FALSE(e.hasPeerReflection());
    e.peerReflection = "Team manager";
    EXPECT_TRUE(e.hasPeerReflection());
}

struct Council {
    ValidationContext base;
    Council() {
        base.employeeIds = {"E1", "E2"};
        base.today = makeDate(2026, 3, 1);
    }
    [[nodiscard]] CpdContext context() const {
        return CpdContext{base, [](std::string_view k) {
                              return k == "CHG" || k == "ADV";
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

CpdEntry full() {
    CpdEntry e = entry(makeDate(2026, 3, 1), CpdType::PracticeForum, "Senior practitioner");
    e.standards = {"4.1", "4.8"};
    e.themes = {"CHG", "ADV"};
    e.source = CpdSessionSource{"FORUM26-001"};
    return e;
}

TEST(CpdEntryValidation, AValidEntryHasNoProblems) {
    const Council c;
    EXPECT_EQ(validateCpdEntry(full(), c.context()), std::vector<FieldError>{});
    CpdEntry draft = full();
    draft.status = CpdStatus::Draft;
    draft.description.clear();
    draft.learning = " ";
    draft.impact.clear();
    draft.peerReflection.clear();
    draft.standards.clear();
    draft.themes.clear();
    draft.hours = 0;
    draft.source = CpdCompletionSource{42};
    EXPECT_EQ(validateCpdEntry(draft, c.context()), std::vector<FieldError>{});
    CpdEntry most = full();
    most.hours = kMaxCpdHours;
    most.title = std::string(200, 'x');
    EXPECT_EQ(validateCpdEntry(most, c.context()), std::vector<FieldError>{});
}

TEST(CpdEntryValidation, AFinalEntryNeedsDescriptionLearningAndImpact) {
    const Council c;
    CpdEntry e = full();
    e.description.clear();
    e.learning = "  \t";
    e.impact = "\r\n";
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())),
              (std::vector<std::string>{"description", "learning", "impact"}));
}

TEST(CpdEntryValidation, HoursFromZeroToOneThousand) {
    const Council c;
    CpdEntry e = full();
    e.hours = kMaxCpdHours + 1;
    const std::vector<FieldError> errors = validateCpdEntry(e, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"hours"});
    EXPECT_EQ(errors.front().message, "from 0 to 1000.00 hours");
    e.hours = -1;
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"hours"});
}

TEST(CpdEntryValidation, TheDateIsRealAndNotAfterToday) {
    const Council c;
    CpdEntry e = full();
    e.date = makeDate(2026, 3, 2);
    std::vector<FieldError> errors = validateCpdEntry(e, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"date"});
    EXPECT_EQ(errors.front().message, "the date 2026-03-02 is after today (2026-03-01)");
    e.date = makeDate(2025, 2, 29);
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"date"});
    e.date = makeDate(1899, 12, 31);
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"date"});
}

TEST(CpdEntryValidation, TheEmployeeIdNamesAnExistingPerson) {
    const Council c;
    CpdEntry e = full();
    e.employeeId = "E9";
    std::vector<FieldError> errors = validateCpdEntry(e, c.context());
    ASSERT_EQ(fieldsOf(errors), std::vector<std::string>{"employee_id"});
    EXPECT_EQ(errors.front().message, "no staff member has employee id E9");
    e.employeeId.clear();
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"employee_id"});
}

TEST(CpdEntryValidation, TitleNotBlankAndAtMost200CodePoints) {
    const Council c;
    CpdEntry e = full();
    e.title = " \t";
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"title"});
    e.title.clear();
    for (int i = 0; i < 200; ++i) {
        e.title += "\xC3\xA9"; // é: 2 bytes, 1 code point
    }
    EXPECT_EQ(validateCpdEntry(e, c.context()), std::vector<FieldError>{});
    e.title += "x";
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"title"});
    // Texts are taken as written (the examples hold a vertical tab), but for U+0000, which
    // no engine's text can hold.
    e.title = "Forum\x0B";
    EXPECT_EQ(validateCpdEntry(e, c.context()), std::vector<FieldError>{});
    e.title = std::string("Forum\0", 6);
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())), std::vector<std::string>{"title"});
}

TEST(CpdEntryValidation, OtherTextsAtMostTenThousandCodePointsWithLineBreaksAllowed) {
    const Council c;
    CpdEntry e = full();
    e.description = "First line\nsecond line\tand a tab";
    e.learning = std::string(10000, 'l');
    EXPECT_EQ(validateCpdEntry(e, c.context()), std::vector<FieldError>{});
    e.description = std::string(10001, 'd');
    e.learning += "l";
    e.impact = std::string(10001, 'i');
    e.peerReflection = std::string(10001, 'p');
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())),
              (std::vector<std::string>{"description", "learning", "impact", "peer_reflection"}));
}

TEST(CpdEntryValidation, StandardsAreFourPointOneToFourPointEight) {
    const Council c;
    CpdEntry e = full();
    e.standards = {"4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8"};
    EXPECT_EQ(validateCpdEntry(e, c.context()), std::vector<FieldError>{});
    e.standards = {"4.0", "4.9", "4.10", "3.1", "4.1 ", ""};
    const std::vector<FieldError> errors = validateCpdEntry(e, c.context());
    EXPECT_EQ(errors.size(), 6U);
    EXPECT_EQ(fieldsOf(errors), std::vector<std::string>(6, "standards"));
}

TEST(CpdEntryValidation, ThemesAreKeysOfExistingAuditThemes) {
    const Council c;
    CpdEntry e = full();
    e.themes = {"CHG", "NOPE", ""};
    const std::vector<FieldError> errors = validateCpdEntry(e, c.context());
    ASSERT_EQ(fieldsOf(errors), (std::vector<std::string>{"themes", "themes"}));
    EXPECT_EQ(errors[1].message, "no audit theme NOPE");
}

TEST(CpdEntryValidation, EveryProblemAtOnce) {
    const Council c;
    CpdEntry e = full();
    e.employeeId = "E9";
    e.date = makeDate(2026, 4, 1);
    e.title.clear();
    e.hours = 100001;
    e.impact.clear();
    e.standards = {"5.1"};
    e.themes = {"NOPE"};
    EXPECT_EQ(fieldsOf(validateCpdEntry(e, c.context())),
              (std::vector<std::string>{"employee_id", "date", "title", "hours", "standards",
                                        "themes", "impact"}));
}

} // namespace
} // namespace ledger
