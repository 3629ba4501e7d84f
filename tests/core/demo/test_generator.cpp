// The synthetic council generator: deterministic, the sizes asked for, every record valid
// (compliance rules section 7), and a realistic mix of statuses for the demo.
#include "base/validation.h"
#include "demo/generator.h"
#include "training/compliance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace ledger;

namespace {

constexpr Date kToday = makeDate(2026, 3, 31);

GeneratorOptions demoOptions(std::uint64_t seed = 1) {
    GeneratorOptions options;
    options.seed = seed;
    options.today = kToday;
    return options;
}

GeneratorOptions bulkOptions(std::uint64_t seed = 1) {
    GeneratorOptions options;
    options.seed = seed;
    options.staff = 300;
    options.teams = 20;
    options.modules = 60;
    options.completionsPerStaff = 40;
    options.today = kToday;
    return options;
}

bool sameCouncil(const LedgerData& a, const LedgerData& b) {
    return a.staff == b.staff && a.modules == b.modules && a.requirements == b.requirements &&
           a.completions == b.completions;
}

std::set<std::string> teamsOf(const LedgerData& data) {
    std::set<std::string> teams;
    for (const Staff& s : data.staff) {
        teams.insert(s.team);
    }
    return teams;
}

std::set<std::string> rolesOf(const LedgerData& data) {
    std::set<std::string> roles;
    for (const Staff& s : data.staff) {
        roles.insert(s.role);
    }
    return roles;
}

/// Every field error of every record, as "record: field: message" lines.
std::vector<std::string> validationErrors(const LedgerData& data, Date today) {
    const ValidationContext context = makeValidationContext(data, today);
    std::vector<std::string> errors;
    const auto collect = [&](const std::string& record, const std::vector<FieldError>& found) {
        for (const FieldError& e : found) {
            errors.push_back(record + ": " + formatFieldError(e));
        }
    };
    for (const Staff& s : data.staff) {
        collect("staff " + s.employeeId, validateStaff(s, context));
    }
    for (const Module& m : data.modules) {
        collect("module " + m.code, validateModule(m));
    }
    for (const Requirement& r : data.requirements) {
        collect("requirement " + r.moduleCode + " " + r.value, validateRequirement(r, context));
    }
    for (const Completion& c : data.completions) {
        collect("completion " + c.employeeId + " " + c.moduleCode + " " + formatIso(c.completedOn),
                validateCompletion(c, context));
    }
    return errors;
}

void expectUniqueKeys(const LedgerData& data) {
    std::set<std::string> ids;
    std::set<std::string> emails;
    for (const Staff& s : data.staff) {
        EXPECT_TRUE(ids.insert(s.employeeId).second) << "duplicate employee id " << s.employeeId;
        EXPECT_TRUE(emails.insert(s.email).second) << "duplicate email " << s.email;
    }
    std::set<std::string> codes;
    for (const Module& m : data.modules) {
        EXPECT_TRUE(codes.insert(m.code).second) << "duplicate module code " << m.code;
    }
    std::set<std::tuple<std::string, std::string, DayNumber>> keys;
    for (const Completion& c : data.completions) {
        EXPECT_TRUE(keys.emplace(c.employeeId, c.moduleCode, toDayNumber(c.completedOn)).second)
            << "two completions of " << c.moduleCode << " by " << c.employeeId << " on "
            << formatIso(c.completedOn);
    }
}

struct StatusTotals {
    int compliant = 0;
    int dueSoon = 0;
    int overdue = 0;
    int notYetDue = 0;
};

StatusTotals totalsOf(const CoverageTable& table) {
    StatusTotals totals;
    for (std::size_t m = 0; m < table.moduleCount(); ++m) {
        totals.compliant += table.total(m).compliant;
        totals.dueSoon += table.total(m).dueSoon;
        totals.overdue += table.total(m).overdue;
        totals.notYetDue += table.total(m).notYetDue;
    }
    return totals;
}

} // namespace

TEST(Generator, SameSeedAndOptionsGiveTheSameCouncil) {
    EXPECT_TRUE(sameCouncil(generateCouncil(demoOptions(42)), generateCouncil(demoOptions(42))));
    EXPECT_TRUE(sameCouncil(generateCouncil(bulkOptions(42)), generateCouncil(bulkOptions(42))));
}

TEST(Generator, DifferentSeedsGiveDifferentCouncils) {
    const LedgerData a = generateCouncil(demoOptions(1));
    const LedgerData b = generateCouncil(demoOptions(2));
    EXPECT_NE(a.staff, b.staff);
    EXPECT_NE(a.completions, b.completions);
    EXPECT_NE(generateCouncil(bulkOptions(1)).completions,
              generateCouncil(bulkOptions(2)).completions);
}

TEST(Generator, DemoHonoursStaffTeamAndModuleCounts) {
    const LedgerData data = generateCouncil(demoOptions());
    EXPECT_EQ(data.staff.size(), 400u);
    EXPECT_EQ(data.modules.size(), 18u);
    EXPECT_EQ(teamsOf(data).size(), 12u);
    EXPECT_FALSE(data.requirements.empty());
    EXPECT_GT(data.completions.size(), 4000u);
}

TEST(Generator, HonoursOtherSizes) {
    GeneratorOptions options = demoOptions();
    options.staff = 1000;
    options.teams = 40;
    options.modules = 60;
    const LedgerData big = generateCouncil(options);
    EXPECT_EQ(big.staff.size(), 1000u);
    EXPECT_EQ(big.modules.size(), 60u);
    const std::set<std::string> teams = teamsOf(big);
    EXPECT_EQ(teams.size(), 40u);
    EXPECT_TRUE(teams.contains("Older People East"));
    EXPECT_TRUE(teams.contains("Carers' Support"));
    EXPECT_TRUE(teams.contains("Locality Team 37"));

    options.staff = 25;
    options.teams = 3;
    options.modules = 1;
    const LedgerData small = generateCouncil(options);
    EXPECT_EQ(small.staff.size(), 25u);
    EXPECT_EQ(small.modules.size(), 1u);
    EXPECT_EQ(teamsOf(small).size(), 3u);
    EXPECT_TRUE(validationErrors(small, kToday).empty());

    options.staff = 0;
    EXPECT_TRUE(generateCouncil(options).staff.empty());
}

TEST(Generator, EveryDemoRecordPassesValidation) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        GeneratorOptions options = demoOptions(seed);
        options.modules = 60;
        options.teams = 30;
        const std::vector<std::string> errors = validationErrors(generateCouncil(options), kToday);
        EXPECT_TRUE(errors.empty())
            << "seed " << seed << ": " << errors.size() << " errors, first: " << errors.front();
    }
}

TEST(Generator, EveryBulkRecordPassesValidation) {
    const std::vector<std::string> errors =
        validationErrors(generateCouncil(bulkOptions()), kToday);
    EXPECT_TRUE(errors.empty()) << errors.size() << " errors, first: " << errors.front();
}

TEST(Generator, NothingIsCompletedAfterToday) {
    for (const GeneratorOptions& options : {demoOptions(), bulkOptions()}) {
        const LedgerData data = generateCouncil(options);
        for (const Completion& c : data.completions) {
            ASSERT_LE(c.completedOn, kToday) << c.employeeId << " " << c.moduleCode;
            if (c.expiresOn) {
                ASSERT_GE(*c.expiresOn, c.completedOn) << c.employeeId << " " << c.moduleCode;
            }
        }
    }
}

TEST(Generator, KeysAreUnique) {
    expectUniqueKeys(generateCouncil(demoOptions()));
    expectUniqueKeys(generateCouncil(bulkOptions()));
}

TEST(Generator, EmployeeIdsAreZeroPaddedAndSortInNumericOrder) {
    const LedgerData data = generateCouncil(demoOptions());
    EXPECT_EQ(data.staff.front().employeeId, "E00001");
    EXPECT_EQ(data.staff.back().employeeId, "E00400");
    for (std::size_t i = 1; i < data.staff.size(); ++i) {
        EXPECT_LT(data.staff[i - 1].employeeId, data.staff[i].employeeId);
    }
}

TEST(Generator, StaffLookLikeAnAdultSocialCareService) {
    const LedgerData data = generateCouncil(demoOptions());
    int leavers = 0;
    int newStarters = 0;
    int managed = 0;
    int swe = 0;
    int hcpc = 0;
    bool nonAscii = false;
    for (const Staff& s : data.staff) {
        if (s.leaveDate) {
            ++leavers;
            EXPECT_GE(*s.leaveDate, s.startDate);
        }
        EXPECT_LE(s.startDate, kToday);
        if (daysBetween(s.startDate, kToday) <= 183) {
            ++newStarters;
        }
        if (!s.lineManagerId.empty()) {
            ++managed;
        }
        if (s.registrationBody == RegistrationBody::SocialWorkEngland) {
            ++swe;
            EXPECT_EQ(s.registrationNumber.substr(0, 2), "SW");
            EXPECT_EQ(s.registrationNumber.size(), 8u);
        }
        if (s.registrationBody == RegistrationBody::Hcpc) {
            ++hcpc;
            EXPECT_EQ(s.registrationNumber.substr(0, 2), "OT");
        }
        if (s.role == "Occupational Therapist") {
            EXPECT_EQ(s.registrationBody, RegistrationBody::Hcpc) << s.employeeId;
        }
        if (s.role == "Social Worker") {
            EXPECT_EQ(s.registrationBody, RegistrationBody::SocialWorkEngland) << s.employeeId;
        }
        if (s.role == "Business Support") {
            EXPECT_EQ(s.registrationBody, RegistrationBody::None) << s.employeeId;
        }
        EXPECT_TRUE(s.email.ends_with("@council.example")) << s.email;
        nonAscii = nonAscii || std::any_of(s.fullName.begin(), s.fullName.end(), [](char c) {
                       return static_cast<unsigned char>(c) > 127;
                   });
    }
    EXPECT_GT(leavers, 20); // about 10% of 400
    EXPECT_LT(leavers, 65);
    EXPECT_GT(newStarters, 15); // about 8% of 400
    EXPECT_GT(managed, 300);
    EXPECT_GT(swe, 80);
    EXPECT_GT(hcpc, 10);
    EXPECT_TRUE(nonAscii);
    const std::set<std::string> roles = rolesOf(data);
    for (const char* role :
         {"Social Worker", "Senior Social Worker", "Team Manager", "Occupational Therapist",
          "OT Assistant", "Assessment Officer", "Reviewing Officer", "Apprentice Social Worker",
          "Newly Qualified Social Worker", "Business Support"}) {
        EXPECT_TRUE(roles.contains(role)) << role;
    }
}

TEST(Generator, EveryTeamManagerManagesTheirOwnTeam) {
    const LedgerData data = generateCouncil(demoOptions());
    for (const Staff& s : data.staff) {
        if (s.lineManagerId.empty()) {
            continue;
        }
        const auto manager =
            std::find_if(data.staff.begin(), data.staff.end(),
                         [&](const Staff& m) { return m.employeeId == s.lineManagerId; });
        ASSERT_NE(manager, data.staff.end());
        EXPECT_EQ(manager->role, "Team Manager");
        EXPECT_EQ(manager->team, s.team);
    }
}

TEST(Generator, ModulesHaveVariedRenewalRules) {
    GeneratorOptions options = demoOptions();
    options.modules = 60;
    const LedgerData data = generateCouncil(options);
    std::set<int> renewals;
    bool expiryBasis = false;
    bool neverExpires = false;
    for (const Module& m : data.modules) {
        if (m.renewalMonths) {
            renewals.insert(*m.renewalMonths);
        } else {
            neverExpires = true;
        }
        expiryBasis = expiryBasis || m.renewalBasis == RenewalBasis::Expiry;
    }
    EXPECT_EQ(renewals, (std::set<int>{12, 24, 36}));
    EXPECT_TRUE(neverExpires);
    EXPECT_TRUE(expiryBasis);
    EXPECT_EQ(data.modules[0].code, "SAFE-L2");
    EXPECT_EQ(data.modules[0].ascWdsCategory, 20);
    EXPECT_EQ(data.modules[59].title, "Module 60");
}

TEST(Generator, RequirementsNameGeneratedTeamsAndRoles) {
    const LedgerData data = generateCouncil(demoOptions());
    const std::set<std::string> teams = teamsOf(data);
    const std::set<std::string> roles = rolesOf(data);
    int all = 0;
    int team = 0;
    int role = 0;
    int pastEffective = 0;
    int futureEffective = 0;
    for (const Requirement& r : data.requirements) {
        switch (r.scope) {
        case Scope::All:
            ++all;
            EXPECT_GE(r.dueWithinDays, 30);
            EXPECT_LE(r.dueWithinDays, 180);
            break;
        case Scope::Team:
            ++team;
            EXPECT_TRUE(teams.contains(r.value)) << r.value;
            break;
        case Scope::Role:
            ++role;
            EXPECT_TRUE(roles.contains(r.value)) << r.value;
            break;
        }
        if (r.effectiveFrom) {
            if (*r.effectiveFrom <= kToday) {
                ++pastEffective;
                EXPECT_GT(*r.effectiveFrom, addMonths(kToday, -12));
            } else {
                ++futureEffective;
            }
        }
    }
    EXPECT_GE(all, 5);
    EXPECT_GE(team, 3);
    EXPECT_GE(role, 3);
    EXPECT_GE(pastEffective, 1);
    EXPECT_GE(futureEffective, 1);
}

TEST(Generator, DemoHistoryHasRenewalsEarlierEmploymentExplicitExpiriesAndEvidence) {
    const LedgerData data = generateCouncil(demoOptions());
    std::map<std::string, Date> startOf;
    for (const Staff& s : data.staff) {
        startOf.emplace(s.employeeId, s.startDate);
    }
    std::map<std::pair<std::string, std::string>, int> perPair;
    int beforeStart = 0;
    int explicitExpiry = 0;
    int certificates = 0;
    int noEvidence = 0;
    for (const Completion& c : data.completions) {
        ++perPair[{c.employeeId, c.moduleCode}];
        if (c.completedOn < startOf.at(c.employeeId)) {
            ++beforeStart;
        }
        if (c.expiresOn) {
            ++explicitExpiry;
        }
        if (c.evidence.starts_with("Certificate ")) {
            ++certificates;
            EXPECT_EQ(c.evidence, "Certificate " + formatIso(c.completedOn) + ".pdf");
        }
        if (c.evidence.empty()) {
            ++noEvidence;
        }
    }
    const auto renewed = std::count_if(perPair.begin(), perPair.end(),
                                       [](const auto& pair) { return pair.second >= 3; });
    EXPECT_GT(renewed, 300);
    EXPECT_GT(beforeStart, 50);
    EXPECT_GT(explicitExpiry, 20);
    EXPECT_LT(explicitExpiry * 20, static_cast<int>(data.completions.size()));
    EXPECT_GT(certificates, 100);
    EXPECT_GT(noEvidence, 100);
    // Nothing older than the six years of history, bar each pair's latest earlier record.
    const Date historyStart = addMonths(kToday, -72);
    std::map<std::pair<std::string, std::string>, int> olderThanHistory;
    for (const Completion& c : data.completions) {
        if (c.completedOn < historyStart) {
            const int seen = ++olderThanHistory[std::make_pair(c.employeeId, c.moduleCode)];
            EXPECT_EQ(seen, 1) << c.employeeId << " " << c.moduleCode;
        }
    }
}

TEST(Generator, DemoCouncilHasAllFourStatusesAndRealisticCoverage) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        const ComplianceEngine engine(generateCouncil(demoOptions(seed)));
        const CoverageTable table = engine.coverageByTeam(toDayNumber(kToday));
        const StatusTotals totals = totalsOf(table);
        EXPECT_GT(totals.compliant, 0) << "seed " << seed;
        EXPECT_GT(totals.dueSoon, 0) << "seed " << seed;
        EXPECT_GT(totals.overdue, 0) << "seed " << seed;
        EXPECT_GT(totals.notYetDue, 0) << "seed " << seed;

        int defined = 0;
        int realistic = 0;
        for (std::size_t m = 0; m < table.moduleCount(); ++m) {
            if (const std::optional<int> tenths = table.total(m).percentTenths()) {
                ++defined;
                if (*tenths >= 600 && *tenths <= 980) {
                    ++realistic;
                }
            }
        }
        EXPECT_GE(defined, 15) << "seed " << seed;
        EXPECT_GE(realistic * 5, defined * 4)
            << "seed " << seed << ": only " << realistic << " of " << defined
            << " modules have coverage between 60% and 98%";
    }
}

TEST(Generator, CountySizeGivesAboutTwoMillionCompletions) {
    GeneratorOptions options;
    options.seed = 2026;
    options.staff = 20000;
    options.teams = 200;
    options.modules = 60;
    options.completionsPerStaff = 100;
    options.today = kToday;
    const LedgerData data = generateCouncil(options);
    EXPECT_EQ(data.staff.size(), 20000u);
    EXPECT_EQ(teamsOf(data).size(), 200u);
    EXPECT_EQ(data.modules.size(), 60u);
    EXPECT_GE(data.completions.size(), 1'900'000u);
    EXPECT_LE(data.completions.size(), 2'100'000u);
    const auto late = std::find_if(data.completions.begin(), data.completions.end(),
                                   [](const Completion& c) { return c.completedOn > kToday; });
    EXPECT_EQ(late, data.completions.end());
}

TEST(Generator, RefusesAnUnsetToday) {
    GeneratorOptions options;
    EXPECT_THROW((void)generateCouncil(options), std::invalid_argument);
}
