#include "demo/generator.h"

#include "cpd/cpd_entry.h"
#include "io/csv.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <random>
#include <set>

// The demo council's programmes (see generateProgrammes).

namespace ledger {

namespace {

bool employed(const Staff& s, Date day) {
    return employedOn(s, day);
}

/// The supervision due after one on `a` for a year started on `start`, at the cadence
/// rules/learning-record.md section 5 expects: weekly for six weeks, fortnightly to six
/// months, then monthly.
Date nextSupervision(Date start, Date a) {
    if (a < addDays(start, 42)) {
        return addDays(a, 7);
    }
    if (a < addMonths(start, 6)) {
        return addDays(a, 14);
    }
    return addMonths(a, 1);
}

/// The people of `council` employed today in `role`, by start date, newest first.
std::vector<const Staff*> inRole(const LedgerData& council, Date today, std::string_view role) {
    std::vector<const Staff*> out;
    for (const Staff& s : council.staff) {
        if (s.role == role && employed(s, today)) {
            out.push_back(&s);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Staff* a, const Staff* b) { return b->startDate < a->startDate; });
    return out;
}

/// Someone employed today in `role`, in `team` when there is one, never `not_`.
const Staff* colleague(const LedgerData& council, Date today, std::string_view role,
                       const std::string& team, const std::string& not_) {
    const Staff* any = nullptr;
    for (const Staff& s : council.staff) {
        if (s.role != role || !employed(s, today) || s.employeeId == not_) {
            continue;
        }
        if (s.team == team) {
            return &s;
        }
        if (any == nullptr) {
            any = &s;
        }
    }
    return any;
}

void addSupervisions(std::string& out, const std::string& id, Date start, Date today,
                     const std::function<bool(Date)>& skipped) {
    for (Date day = nextSupervision(start, start); day <= today;
         day = nextSupervision(start, day)) {
        if (!skipped(day)) {
            out += id + "," + formatIso(day) + "\n";
        }
    }
}

} // namespace

DemoProgrammes generateProgrammes(const LedgerData& council, Date today, std::uint64_t seed) {
    std::mt19937_64 random(seed ^ 0xA5E1u);
    DemoProgrammes out;
    out.asyeCsv = "employee_id,start_date,assessor_id,supervisor_id,protected_time_percent,"
                  "nine_month_review,extension_months,outcome_3m,outcome_6m,outcome_9m,"
                  "outcome_final,outcome\n";
    out.supervisionsCsv = "employee_id,date\n";
    out.apprenticeshipsCsv = "employee_id,standard_code,standard_title,provider,start_date,"
                             "planned_end_date,planned_otj_hours,review_interval_weeks,breaks,"
                             "gateway_date,epa_date,epa_result,withdrawn_on\n";
    out.otjCsv = "employee_id,standard_code,date,hours\n";
    out.reviewsCsv = "employee_id,standard_code,date,outcome,notes\n";

    // The ASYE cohort: seven newly qualified social workers, each from their first day,
    // spread over their year. The first of them five months in or more has missed supervisions
    // (a gap in the fortnightly phase and none for the last six weeks); the next with a review
    // behind them has their latest review unrecorded (overdue); the one after had concerns at
    // three months.
    std::vector<const Staff*> all = inRole(council, today, "Newly Qualified Social Worker");
    std::reverse(all.begin(), all.end()); // oldest first
    std::vector<const Staff*> cohort;
    for (std::size_t k = 0; k < 7 && !all.empty(); ++k) {
        const Staff* s = all[k * (all.size() - 1) / 6];
        if (cohort.empty() || cohort.back() != s) {
            cohort.push_back(s);
        }
    }
    int gapped = 0, unrecorded = 0, concerned = 0;
    for (std::size_t i = 0; i < cohort.size(); ++i) {
        const int days = daysBetween(cohort[i]->startDate, today);
        const int number = static_cast<int>(i) + 1;
        if (gapped == 0 && days >= 150) {
            gapped = number;
        } else if (unrecorded == 0 && days >= 100) {
            unrecorded = number;
        } else if (concerned == 0 && days >= 100) {
            concerned = number;
        }
    }
    int n = 0;
    for (const Staff* s : cohort) {
        ++n;
        const Staff* assessor =
            colleague(council, today, "Senior Social Worker", s->team, s->employeeId);
        const Staff* manager = nullptr;
        for (const Staff& m : council.staff) {
            if (m.employeeId == s->lineManagerId && employed(m, today)) {
                manager = &m;
            }
        }
        const Staff* supervisor = manager != nullptr ? manager : assessor;
        if (assessor == nullptr || supervisor == nullptr) {
            continue;
        }
        const Date start = s->startDate;
        const bool nine = n % 2 == 1;
        const Date threeMonth = addMonths(start, 3);
        const Date sixMonth = addMonths(start, 6);
        const Date nineMonth = addMonths(start, 9);
        std::optional<Date> latest;
        for (const Date review : {threeMonth, sixMonth, nine ? nineMonth : threeMonth}) {
            if (review < today) {
                latest = std::max(latest.value_or(review), review);
            }
        }
        const auto outcome = [&](Date review, const char* given) {
            return !(review < today) || (n == unrecorded && review == latest) ? std::string()
                                                                              : std::string(given);
        };
        out.asyeCsv += s->employeeId + "," + formatIso(start) + "," + assessor->employeeId + "," +
                       supervisor->employeeId + ",10," + (nine ? "yes" : "no") + ",0," +
                       outcome(threeMonth, n == concerned ? "concerns" : "on_track") + "," +
                       outcome(sixMonth, "on_track") + "," +
                       (nine ? outcome(nineMonth, "on_track") : std::string()) + ",,\n";
        const Date quietFrom = addDays(start, 60);
        const Date quietTo = addDays(start, 95);
        const Date recent = addDays(today, -42);
        addSupervisions(out.supervisionsCsv, s->employeeId, start, today, [&](Date day) {
            return n == gapped && ((quietFrom <= day && day <= quietTo) || recent < day);
        });
    }
    // And one social worker whose year was extended by three months after concerns at the
    // final review: someone who started 13 to 15 months ago.
    for (const Staff* s : inRole(council, today, "Social Worker")) {
        const int days = daysBetween(s->startDate, today);
        if (days < 395 || days > 455) {
            continue;
        }
        const Staff* assessor =
            colleague(council, today, "Senior Social Worker", s->team, s->employeeId);
        if (assessor == nullptr) {
            continue;
        }
        const Date start = s->startDate;
        out.asyeCsv += s->employeeId + "," + formatIso(start) + "," + assessor->employeeId + "," +
                       assessor->employeeId +
                       ",10,yes,3,on_track,on_track,on_track,concerns,"
                       "extended\n";
        addSupervisions(out.supervisionsCsv, s->employeeId, start, today,
                        [](Date) { return false; });
        break;
    }

    // Four apprentices: two social work degree apprentices (ST0510), one on track and one
    // behind on off-the-job hours with a review overdue; two occupational therapy degree
    // apprentices (ST0517), one on a break in learning today.
    struct Plan {
        const char* code;
        const char* title;
        const char* provider;
        int months;
        const char* planned; ///< hours
        double pace;         ///< logged as a share of what is expected
        bool onBreak;
    };
    const std::array<Plan, 4> plans{{
        {"ST0510", "Social worker (integrated degree)", "Northfield University", 36, "1380.00",
         1.08, false},
        {"ST0510", "Social worker (integrated degree)", "Northfield University", 36, "1380.00",
         0.62, false},
        {"ST0517", "Occupational therapist (integrated degree)", "Midshire University", 48,
         "1840.00", 1.15, true},
        {"ST0517", "Occupational therapist (integrated degree)", "Midshire University", 48,
         "1840.00", 1.12, false},
    }};
    std::vector<const Staff*> apprentices = inRole(council, today, "Apprentice Social Worker");
    std::set<std::string> taken;
    for (const Staff* s : inRole(council, today, "OT Assistant")) {
        apprentices.push_back(s); // after the social work apprentices
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const Plan& plan = plans[i];
        const bool ot = std::string_view(plan.code) == "ST0517";
        const Staff* s = nullptr;
        for (; next < apprentices.size(); ++next) {
            const Staff* candidate = apprentices[next];
            const bool otRole = candidate->role == "OT Assistant";
            if (otRole == ot && !taken.count(candidate->employeeId) &&
                daysBetween(candidate->startDate, today) >= 200) {
                s = candidate;
                ++next;
                break;
            }
        }
        if (s == nullptr) {
            next = 0;
            continue;
        }
        taken.insert(s->employeeId);
        // Started on their first day, or within the last two and a half years.
        const Date start = std::max(s->startDate, addDays(today, -900 + 97 * static_cast<int>(i)));
        const Date end = addMonths(start, plan.months);
        std::string breaks;
        Date breakFrom{};
        Date breakTo{};
        if (plan.onBreak) {
            breakFrom = addDays(today, -24);
            breakTo = addDays(today, 66);
            breaks = formatIso(breakFrom) + ".." + formatIso(breakTo);
        }
        const auto inBreak = [&](Date day) {
            return plan.onBreak && breakFrom <= day && day <= breakTo;
        };
        out.apprenticeshipsCsv += s->employeeId + "," + plan.code + "," + plan.title + "," +
                                  plan.provider + "," + formatIso(start) + "," + formatIso(end) +
                                  "," + plan.planned + ",12," + breaks + ",,,,\n";
        // Off-the-job hours logged each week or so, at the plan's pace.
        const Hundredths planned = *parseHours(plan.planned);
        const int duration = daysBetween(start, end) + 1;
        const double perDay = static_cast<double>(planned) * plan.pace / duration;
        Date last = start;
        for (Date day = addDays(start, 6); day <= today;
             day = addDays(day, std::uniform_int_distribution<int>(5, 9)(random))) {
            if (inBreak(day)) {
                continue;
            }
            const auto hours = static_cast<Hundredths>(perDay * daysBetween(last, day) / 25.0) * 25;
            if (hours > 0) {
                out.otjCsv += s->employeeId + "," + plan.code + "," + formatIso(day) + "," +
                              formatHours(std::min<Hundredths>(hours, 100000)) + "\n";
            }
            last = day;
        }
        // Progress reviews every twelve weeks; the one behind has missed the latest.
        const bool behind = plan.pace < 1.0;
        int k = 0;
        for (Date day = addDays(start, 84); day <= today; day = addDays(day, 84)) {
            ++k;
            if (inBreak(day) || (behind && addDays(day, 84) > today)) {
                continue;
            }
            const bool concerns = behind && k > 2;
            out.reviewsCsv += s->employeeId + "," + plan.code + "," + formatIso(day) + "," +
                              (concerns ? "concerns" : "on_track") + "," +
                              csvField(concerns ? "Off-the-job hours behind plan; agreed a "
                                                  "study day each fortnight."
                                                : "Good progress; portfolio on schedule.") +
                              "\n";
        }
    }
    return out;
}

} // namespace ledger
