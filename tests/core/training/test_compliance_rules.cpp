// The edges of each rule in shared/rules/compliance.md sections 2 to 6.
#include "training/compliance.h"

#include <gtest/gtest.h>

using namespace ledger;

namespace {

Date d(const char* iso) {
    return *parseIsoDate(iso);
}
DayNumber n(const char* iso) {
    return toDayNumber(d(iso));
}
std::string iso(DayNumber day) {
    return day == kNoDay ? "" : formatIso(fromDayNumber(day));
}

/// A small ledger built fluently for one question.
struct Council {
    LedgerData data;

    Council& person(const char* id, const char* start, const char* leave = nullptr,
                    const char* team = "Team A", const char* role = "Worker") {
        Staff s;
        s.employeeId = id;
        s.fullName = id;
        s.team = team;
        s.role = role;
        s.startDate = d(start);
        if (leave) {
            s.leaveDate = d(leave);
        }
        data.staff.push_back(s);
        return *this;
    }
    Council& module(const char* code, std::optional<int> months,
                    RenewalBasis basis = RenewalBasis::Completion, int window = 90,
                    int dueSoon = 60) {
        Module m;
        m.code = code;
        m.title = code;
        m.renewalMonths = months;
        m.renewalBasis = basis;
        m.windowDays = window;
        m.dueSoonDays = dueSoon;
        data.modules.push_back(m);
        return *this;
    }
    Council& rule(const char* module, Scope scope, const char* value, int due,
                  const char* effective = nullptr) {
        Requirement r;
        r.moduleCode = module;
        r.scope = scope;
        r.value = value;
        r.dueWithinDays = due;
        if (effective) {
            r.effectiveFrom = d(effective);
        }
        data.requirements.push_back(r);
        return *this;
    }
    Council& done(const char* id, const char* module, const char* on,
                  const char* expires = nullptr) {
        Completion c;
        c.employeeId = id;
        c.moduleCode = module;
        c.completedOn = d(on);
        if (expires) {
            c.expiresOn = d(expires);
        }
        data.completions.push_back(c);
        return *this;
    }

    /// "status expires due" for one person and module, or "none" when not required.
    std::string status(const char* id, const char* module, const char* asOf) const {
        const ComplianceEngine engine(data);
        const auto staff = engine.findStaff(id);
        const auto m = engine.findModule(module);
        for (const StatusRow& row : engine.statusesOf(*staff, n(asOf))) {
            if (row.module == *m) {
                return statusCode(row.status.status) + " " + iso(row.status.expiresOn) + " " +
                       iso(row.status.dueOn);
            }
        }
        return "none";
    }
};

std::vector<std::string> expiries(const RenewalRule& rule, std::vector<const char*> dates) {
    std::vector<CompletionDates> in;
    for (const char* date : dates) {
        in.push_back(CompletionDates{n(date), kNoDay});
    }
    std::vector<std::string> out;
    for (const DayNumber e : computeExpiries(rule, in)) {
        out.push_back(iso(e));
    }
    return out;
}

const RenewalRule kCompletion12{12, RenewalBasis::Completion, 90, 60};
const RenewalRule kExpiry12{12, RenewalBasis::Expiry, 90, 60};

} // namespace

TEST(Expiry, CompletionBasisIsMonthsLaterLessOneDay) {
    EXPECT_EQ(expiries(kCompletion12, {"2024-03-10"}), std::vector<std::string>{"2025-03-09"});
    EXPECT_EQ(expiries(RenewalRule{1, RenewalBasis::Completion, 90, 60}, {"2024-01-31"}),
              std::vector<std::string>{"2024-02-28"});
    EXPECT_EQ(expiries(RenewalRule{1, RenewalBasis::Completion, 90, 60}, {"2023-01-31"}),
              std::vector<std::string>{"2023-02-27"});
}

TEST(Expiry, LeapDayCompletionExpiresAtFebruaryEndLessOneDay) {
    EXPECT_EQ(expiries(kCompletion12, {"2024-02-29"}), std::vector<std::string>{"2025-02-27"});
    EXPECT_EQ(expiries(RenewalRule{48, RenewalBasis::Completion, 90, 60}, {"2024-02-29"}),
              std::vector<std::string>{"2028-02-28"});
}

TEST(Expiry, CompletionBasisIgnoresTheWindow) {
    EXPECT_EQ(expiries(kCompletion12, {"2024-03-10", "2025-02-01"}),
              (std::vector<std::string>{"2025-03-09", "2026-01-31"}));
}

TEST(Expiry, WindowEdgesAreInclusive) {
    // E = 2025-03-09, window 90: the window opens on 2024-12-09.
    EXPECT_EQ(expiries(kExpiry12, {"2024-03-10", "2024-12-09"})[1], "2026-03-09");
    EXPECT_EQ(expiries(kExpiry12, {"2024-03-10", "2024-12-08"})[1], "2025-12-07");
    EXPECT_EQ(expiries(kExpiry12, {"2024-03-10", "2025-03-09"})[1], "2026-03-09");
    EXPECT_EQ(expiries(kExpiry12, {"2024-03-10", "2025-03-10"})[1], "2026-03-09");
    EXPECT_EQ(expiries(kExpiry12, {"2024-03-10", "2025-03-11"})[1], "2026-03-10");
}

TEST(Expiry, OnTimeRenewalFromAMonthEndExpiryHasNoGap) {
    // E = 2025-02-28: the next term runs from 2025-03-01 for 12 months.
    EXPECT_EQ(expiries(kExpiry12, {"2024-02-29", "2025-02-01"}),
              (std::vector<std::string>{"2025-02-27", "2026-02-27"}));
    EXPECT_EQ(expiries(kExpiry12, {"2024-03-01", "2025-02-01"}),
              (std::vector<std::string>{"2025-02-28", "2026-02-28"}));
}

TEST(Expiry, ChainedOnTimeRenewalsDoNotDrift) {
    EXPECT_EQ(expiries(kExpiry12, {"2022-03-10", "2023-02-01", "2024-01-15", "2025-03-01"}),
              (std::vector<std::string>{"2023-03-09", "2024-03-09", "2025-03-09", "2026-03-09"}));
}

TEST(Expiry, ExplicitExpiryWinsAndAnchorsTheNextRenewal) {
    const std::vector<CompletionDates> in{{n("2024-03-10"), n("2024-12-31")},
                                          {n("2024-12-01"), kNoDay}};
    const auto out = computeExpiries(kExpiry12, in);
    EXPECT_EQ(iso(out[0]), "2024-12-31");
    EXPECT_EQ(iso(out[1]), "2025-12-31");
}

TEST(Expiry, NoRenewalNeverExpires) {
    EXPECT_EQ(expiries(RenewalRule{std::nullopt, RenewalBasis::Expiry, 90, 60}, {"2010-01-01"}),
              std::vector<std::string>{""});
}

TEST(Status, NeverExpiringCompletionIsCompliantWithNoDates) {
    Council c;
    c.person("P", "2020-01-01").module("ED", std::nullopt).rule("ED", Scope::All, "", 30);
    c.done("P", "ED", "2015-06-01");
    EXPECT_EQ(c.status("P", "ED", "2030-01-01"), "compliant  ");
}

TEST(Status, LatestCompletionDecidesEvenWhenAnEarlierOneExpiresLater) {
    Council c;
    c.person("P", "2020-01-01").module("M", 12).rule("M", Scope::All, "", 30);
    c.done("P", "M", "2024-01-01", "2030-01-01").done("P", "M", "2024-06-01");
    EXPECT_EQ(c.status("P", "M", "2025-07-01"), "overdue 2025-05-31 2025-06-01");
}

TEST(Status, CompletionsAfterTheDateDoNotCount) {
    Council c;
    c.person("P", "2020-01-01").module("M", 12).rule("M", Scope::All, "", 30);
    c.done("P", "M", "2024-01-01").done("P", "M", "2025-06-01");
    EXPECT_EQ(c.status("P", "M", "2025-05-31"), "overdue 2024-12-31 2025-01-01");
    EXPECT_EQ(c.status("P", "M", "2025-06-01"), "compliant 2026-05-31 2026-06-01");
}

TEST(Status, DueSoonEdgeIsInclusive) {
    Council c;
    c.person("P", "2020-01-01").module("M", 12, RenewalBasis::Completion, 90, 60);
    c.rule("M", Scope::All, "", 30).done("P", "M", "2024-03-10"); // expires 2025-03-09
    EXPECT_EQ(c.status("P", "M", "2025-01-07"), "compliant 2025-03-09 2025-03-10"); // 61 left
    EXPECT_EQ(c.status("P", "M", "2025-01-08"), "due_soon 2025-03-09 2025-03-10");  // 60 left
    EXPECT_EQ(c.status("P", "M", "2025-03-09"), "due_soon 2025-03-09 2025-03-10");  // last day
}

TEST(Status, ZeroDueSoonDaysIsDueSoonOnlyOnTheLastDay) {
    Council c;
    c.person("P", "2020-01-01").module("M", 12, RenewalBasis::Completion, 90, 0);
    c.rule("M", Scope::All, "", 30).done("P", "M", "2024-03-10");
    EXPECT_EQ(c.status("P", "M", "2025-03-08"), "compliant 2025-03-09 2025-03-10");
    EXPECT_EQ(c.status("P", "M", "2025-03-09"), "due_soon 2025-03-09 2025-03-10");
}

TEST(Status, GraceOutlastsAnExpiryThatLapsedBeforeJoining) {
    Council c;
    c.person("P", "2023-01-01").module("M", 12).rule("M", Scope::All, "", 30);
    c.done("P", "M", "2019-05-01"); // before joining; expired 2020-04-30
    EXPECT_EQ(c.status("P", "M", "2023-01-15"), "not_yet_due 2020-04-30 2023-01-31");
    EXPECT_EQ(c.status("P", "M", "2023-01-31"), "overdue 2020-04-30 2023-01-31");
}

TEST(Status, CompletionBeforeStartCountsLikeAnyOther) {
    Council c;
    c.person("P", "2024-06-01").module("M", 24).rule("M", Scope::All, "", 30);
    c.done("P", "M", "2024-01-10");
    EXPECT_EQ(c.status("P", "M", "2024-06-01"), "compliant 2026-01-09 2026-01-10");
}

TEST(Status, CoveredDueOnNeverPrecedesFirstDue) {
    Council c;
    c.person("P", "2025-01-01").module("M", 1).rule("M", Scope::All, "", 90);
    c.done("P", "M", "2025-01-05"); // expires 2025-02-04; first due 2025-04-01
    EXPECT_EQ(c.status("P", "M", "2025-01-10"), "due_soon 2025-02-04 2025-04-01");
    EXPECT_EQ(c.status("P", "M", "2025-02-10"), "not_yet_due 2025-02-04 2025-04-01");
}

TEST(Staff, ActiveFromStartToLastDayInclusive) {
    Council c;
    c.person("P", "2024-01-01", "2024-12-31").module("M", 12).rule("M", Scope::All, "", 30);
    EXPECT_EQ(c.status("P", "M", "2023-12-31"), "none");
    EXPECT_EQ(c.status("P", "M", "2024-01-01"), "not_yet_due  2024-01-31");
    EXPECT_EQ(c.status("P", "M", "2024-12-31"), "overdue  2024-01-31");
    EXPECT_EQ(c.status("P", "M", "2025-01-01"), "none");
}

TEST(Rules, EarliestFirstDueWinsAcrossApplyingRules) {
    Council c;
    c.person("P", "2025-01-01", nullptr, "Reablement", "OT Assistant").module("M", 12);
    c.rule("M", Scope::All, "", 90).rule("M", Scope::Team, "Reablement", 30);
    c.rule("M", Scope::Role, "OT Assistant", 60);
    EXPECT_EQ(c.status("P", "M", "2025-01-15"), "not_yet_due  2025-01-31");
}

TEST(Rules, ScopeNamesMatchExactlyAndCaseSensitively) {
    Council c;
    c.person("P", "2025-01-01", nullptr, "Reablement", "OT Assistant").module("M", 12);
    c.rule("M", Scope::Team, "reablement", 30).rule("M", Scope::Role, "OT assistant", 30);
    c.rule("M", Scope::Team, "Reablement ", 30);
    EXPECT_EQ(c.status("P", "M", "2025-06-01"), "none");
}

TEST(Rules, EffectiveFromStartsTheRuleAndItsGrace) {
    Council c;
    c.person("P", "2020-01-01").module("M", 12).rule("M", Scope::All, "", 30, "2026-02-01");
    EXPECT_EQ(c.status("P", "M", "2026-01-31"), "none");
    EXPECT_EQ(c.status("P", "M", "2026-02-01"), "not_yet_due  2026-03-03");
    EXPECT_EQ(c.status("P", "M", "2026-03-03"), "overdue  2026-03-03");
}

TEST(Rules, EffectiveFromBeforeStartUsesTheStartDate) {
    Council c;
    c.person("P", "2025-05-01").module("M", 12).rule("M", Scope::All, "", 30, "2024-01-01");
    EXPECT_EQ(c.status("P", "M", "2025-05-20"), "not_yet_due  2025-05-31");
}

TEST(Rules, AFutureRuleDoesNotShortenTheGraceOfAnEffectiveOne) {
    Council c;
    c.person("P", "2025-01-01", nullptr, "T").module("M", 12);
    c.rule("M", Scope::All, "", 60).rule("M", Scope::Team, "T", 0, "2025-02-15");
    EXPECT_EQ(c.status("P", "M", "2025-02-01"), "not_yet_due  2025-03-02");
    EXPECT_EQ(c.status("P", "M", "2025-02-15"), "overdue  2025-02-15");
}

TEST(Coverage, PercentRoundsHalfUpFromExactIntegers) {
    EXPECT_EQ(formatPercent(coverageTenths(2, 0, 1)), "66.7");
    EXPECT_EQ(formatPercent(coverageTenths(1, 0, 2)), "33.3");
    EXPECT_EQ(formatPercent(coverageTenths(1, 0, 15)), "6.3"); // 6.25
    EXPECT_EQ(formatPercent(coverageTenths(1, 0, 79)), "1.3"); // 1.25
    EXPECT_EQ(formatPercent(coverageTenths(0, 1, 7)), "12.5");
    EXPECT_EQ(formatPercent(coverageTenths(3, 1, 0)), "100.0");
    EXPECT_EQ(formatPercent(coverageTenths(0, 0, 5)), "0.0");
    EXPECT_EQ(formatPercent(coverageTenths(0, 0, 0)), "");
    EXPECT_EQ(formatPercent(coverageTenths(1999, 0, 1)), "100.0"); // 99.95 rounds up
    EXPECT_EQ(formatPercent(coverageTenths(1998, 0, 2)), "99.9");
}

TEST(Coverage, CountsByTeamWithTotalsAndLeavesGraceOut) {
    Council c;
    c.module("M", 12).rule("M", Scope::All, "", 30);
    c.person("A", "2020-01-01", nullptr, "East").done("A", "M", "2025-01-01"); // compliant
    c.person("B", "2020-01-01", nullptr, "East").done("B", "M", "2024-01-01"); // overdue
    c.person("C", "2025-05-20", nullptr, "East");                              // not yet due
    c.person("D", "2020-01-01", nullptr, "West").done("D", "M", "2024-07-01"); // due soon
    c.person("E", "2020-01-01", "2025-05-01", "West");                         // left
    const ComplianceEngine engine(c.data);
    const CoverageTable table = engine.coverageByTeam(n("2025-06-01"));
    const auto east = *engine.findTeam("East");
    const auto west = *engine.findTeam("West");
    const CoverageCell& e = table.cell(east, 0);
    EXPECT_EQ(e.required, 3);
    EXPECT_EQ(e.compliant, 1);
    EXPECT_EQ(e.overdue, 1);
    EXPECT_EQ(e.notYetDue, 1);
    EXPECT_EQ(formatPercent(e.percentTenths()), "50.0");
    const CoverageCell& w = table.cell(west, 0);
    EXPECT_EQ(w.required, 1);
    EXPECT_EQ(w.dueSoon, 1);
    EXPECT_EQ(formatPercent(w.percentTenths()), "100.0");
    EXPECT_EQ(table.total(0).required, 4);
    EXPECT_EQ(formatPercent(table.total(0).percentTenths()), "66.7");
    const auto people = engine.statusesIn(east, 0, n("2025-06-01"));
    ASSERT_EQ(people.size(), 3u);
    EXPECT_EQ(engine.employeeId(people[0].staff), "A");
    EXPECT_EQ(people[1].status.status, Status::Overdue);
}

TEST(Coverage, OnlyGraceGivesNoPercentage) {
    Council c;
    c.module("M", 12).rule("M", Scope::All, "", 30).person("A", "2025-05-20");
    const ComplianceEngine engine(c.data);
    EXPECT_EQ(formatPercent(engine.coverageByTeam(n("2025-06-01")).cell(0, 0).percentTenths()), "");
}
