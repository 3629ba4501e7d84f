#include "demo/generator.h"

#include "assessors/trusted_assessor.h"
#include "io/csv.h"

#include <algorithm>
#include <array>
#include <random>

// The demo council's trusted assessors (see generateTrustedAssessorsCsv).

namespace ledger {

namespace {

/// The role whose holders sign the demo's assessors off; the demo lets it (can_sign_off).
constexpr std::string_view kSigningRole = "Occupational Therapist";

/// One authorisation to make, by days before today (0 where not used).
struct Plan {
    int signedDaysAgo;    ///< 0: not signed off (in training)
    int trainingBefore;   ///< days from training to sign-off (or to today, in training)
    int refresherDaysAgo; ///< 0: no refresher
    int refresherMonths;
    int withdrawnDaysAgo; ///< 0: not withdrawn
    int observed;
    const char* restrictions;
};

// Most authorised; three lapsing within 90 days, one lapsed, two in training, one withdrawn.
constexpr std::array<Plan, 13> kPlans{{
    {60, 45, 0, 12, 0, 6, ""},
    {120, 60, 0, 12, 0, 5, ""},
    {200, 40, 0, 12, 0, 8, ""},
    {150, 30, 0, 24, 0, 4, ""},
    {500, 60, 170, 12, 0, 12, ""},
    {30, 50, 0, 12, 0, 3, "Not bathing equipment until a second observed assessment"},
    {300, 45, 0, 12, 0, 7, ""}, // lapsing: due in about 64 days
    {340, 35, 0, 12, 0, 9, ""}, // lapsing: due in about 24 days
    {560, 60, 355, 12, 0, 10,
     "No bed raisers for divan beds"}, // lapsing: refresher due in about 9 days
    {430, 40, 0, 12, 0, 6, ""},        // lapsed about two months ago
    {0, 40, 0, 12, 0, 2, ""},          // in training
    {0, 20, 0, 12, 0, 0, ""},          // in training
    {250, 50, 0, 12, 45, 5, "Moved to a post without home visits"}, // withdrawn
}};

constexpr std::array<std::string_view, 3> kTeams{"Occupational Therapy", "Reablement",
                                                 "Sensory Impairment"};

bool activeOn(const Staff& s, Date d) {
    return s.startDate <= d && (!s.leaveDate || d <= *s.leaveDate);
}

bool mayBeAuthorised(const Staff& s) {
    const bool team = std::find(kTeams.begin(), kTeams.end(), s.team) != kTeams.end();
    return team && (s.role == "Occupational Therapist" || s.role == "OT Assistant" ||
                    s.role == "Assessment Officer" || s.role == "Reviewing Officer");
}

std::string levelFor(const Staff& s) {
    if (s.role == "Occupational Therapist") {
        return "level_4";
    }
    return s.role == "OT Assistant" ? "level_3" : "in_house";
}

} // namespace

std::string generateTrustedAssessorsCsv(const LedgerData& council, Date today, std::uint64_t seed) {
    std::mt19937_64 random(seed ^ 0x7A55E55u);
    const auto between = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(random);
    };
    std::vector<const Staff*> candidates;
    for (const Staff& s : council.staff) {
        if (mayBeAuthorised(s) && activeOn(s, today)) {
            candidates.push_back(&s);
        }
    }
    std::vector<bool> used(candidates.size(), false);
    std::string out = "employee_id,level,categories,trained_on,observed_assessments,"
                      "signed_off_by,signed_off_on,refresher_months,refreshers,restrictions,"
                      "withdrawn_on\n";
    std::size_t next = 0;
    for (const Plan& plan : kPlans) {
        const Date signedOn = addDays(today, -plan.signedDaysAgo);
        const Date trained = addDays(today, -(plan.signedDaysAgo + plan.trainingBefore));
        // The next person not yet given one who was in post when trained.
        const Staff* person = nullptr;
        for (std::size_t i = 0; i < candidates.size() && !person; ++i) {
            const std::size_t at = (next + i) % candidates.size();
            if (!used[at] && candidates[at]->startDate <= trained) {
                person = candidates[at];
                used[at] = true;
                next = at + 1 + static_cast<std::size_t>(between(0, 2));
            }
        }
        if (!person) {
            continue;
        }
        // A signer in post on the day with the signing role, from the same team if there is
        // one; without one the person stays in training.
        const Staff* signer = nullptr;
        if (plan.signedDaysAgo > 0) {
            for (const Staff& s : council.staff) {
                if (s.role != kSigningRole || s.employeeId == person->employeeId ||
                    !activeOn(s, signedOn)) {
                    continue;
                }
                if (!signer || (s.team == person->team && signer->team != person->team)) {
                    signer = &s;
                }
            }
        }
        const std::string level = levelFor(*person);
        std::vector<std::string> categories =
            level == "level_4"
                ? std::vector<std::string>{"bathing_equipment", "bed_raisers", "grab_rails",
                                           "perching_stools", "toilet_frames"}
            : level == "level_3"
                ? std::vector<std::string>{"chair_raisers", "commodes", "grab_rails",
                                           "perching_stools", "toilet_frames"}
                : std::vector<std::string>{"chair_raisers", "commodes", "toilet_frames"};
        if (categories.size() > 3 && between(0, 1) == 1) {
            categories.erase(categories.begin() +
                             between(0, static_cast<int>(categories.size()) - 1));
        }
        std::string categoryCell;
        for (const std::string& c : categories) {
            categoryCell += (categoryCell.empty() ? "" : ";") + c;
        }
        const bool signedOff = signer != nullptr;
        out += csvLine(
            {person->employeeId, level, categoryCell, formatIso(trained),
             std::to_string(plan.observed), signedOff ? signer->employeeId : "",
             signedOff ? formatIso(signedOn) : "", std::to_string(plan.refresherMonths),
             signedOff && plan.refresherDaysAgo > 0
                 ? formatIso(addDays(today, -plan.refresherDaysAgo))
                 : "",
             plan.restrictions,
             plan.withdrawnDaysAgo > 0 ? formatIso(addDays(today, -plan.withdrawnDaysAgo)) : ""});
    }
    return out;
}

} // namespace ledger
