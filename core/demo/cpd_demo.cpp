#include "demo/generator.h"

#include "cpd/cpd_entry.h"
#include "io/csv.h"

#include <array>
#include <random>

// The demo council's CPD (see generateCpdCsv).

namespace ledger {

namespace {

struct Activity {
    CpdType type;
    const char* title;
    const char* theme; ///< an audit theme key of generateAuditThemes, or ""
    const char* hours;
};

constexpr std::array<Activity, 12> kActivities{{
    {CpdType::PracticeForum, "Practice forum: advocacy under the Care Act", "ADV", "1.5"},
    {CpdType::Course, "Carers' assessments refresher", "CAR", "3"},
    {CpdType::ReflectiveDiscussion, "Reflective discussion: charging decisions", "CHG", "1"},
    {CpdType::ELearning, "Mental Capacity Act e-learning", "MCA", "2"},
    {CpdType::ReadingResearch, "Reading: Making Safeguarding Personal", "", "1.25"},
    {CpdType::Supervision, "Supervision: a complex discharge", "PLAN", "1"},
    {CpdType::Shadowing, "Shadowed the hospital discharge team", "PLAN", "3.5"},
    {CpdType::Conference, "Regional adult social care conference", "LEG", "6"},
    {CpdType::NqSession, "NQ group: writing defensible records", "", "2"},
    {CpdType::Course, "Fire safety for community visits", "FIRE", "1.5"},
    {CpdType::Other, "Team away day: strengths-based practice", "", "4"},
    {CpdType::ReflectiveDiscussion, "Case discussion: consent and information sharing", "CONSENT",
     "1"},
}};

constexpr std::array<const char*, 4> kPeers{"Senior Social Worker", "Practice Educator",
                                            "Team Manager", "Senior Occupational Therapist"};

} // namespace

std::string generateCpdCsv(const LedgerData& council, Date today, std::uint64_t seed) {
    std::mt19937_64 random(seed ^ 0xC0FFEEu);
    const auto between = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(random);
    };
    std::string out = "employee_id,date,title,type,hours,description,learning,impact,"
                      "peer_reflection,standards,themes,status\n";
    int person = 0;
    for (const Staff& s : council.staff) {
        const bool swe = s.registrationBody == RegistrationBody::SocialWorkEngland;
        const bool hcpc = s.registrationBody == RegistrationBody::Hcpc;
        if ((!swe && !hcpc) || (s.leaveDate && *s.leaveDate < today) || today < s.startDate) {
            continue;
        }
        ++person;
        // Short of this year's requirement: every fourth social worker.
        const bool short_ = swe && person % 4 == 1;
        // Therapists log often enough for HCPC's cycle (no three months without) unless quiet.
        const int entries = short_ ? 1 : hcpc ? between(10, 13) : between(3, 7);
        // A therapist with a quiet spell leaves a gap of three months or more.
        const int quietFrom = hcpc && person % 3 == 0 ? between(120, 200) : -1;
        int daysAgo = between(5, 40);
        for (int i = 0; i < entries && daysAgo < 540; ++i) {
            if (quietFrom >= 0 && daysAgo < quietFrom && daysAgo + 100 > quietFrom) {
                daysAgo = quietFrom + 100;
            }
            const Date date = addDays(today, -daysAgo);
            if (date < s.startDate) {
                break;
            }
            const Activity& a = kActivities[static_cast<std::size_t>(between(0, 11))];
            const bool draft = i == 0 && person % 5 == 2;
            const bool peer = !short_ && !draft && (i == 1 || between(0, 3) == 0);
            std::string standards;
            const int first = between(1, 8);
            standards = "4." + std::to_string(first);
            if (first < 8 && between(0, 1) == 1) {
                standards += ";4." + std::to_string(between(first + 1, 8));
            }
            out +=
                csvLine({s.employeeId, formatIso(date), a.title, cpdTypeCode(a.type), a.hours,
                         "Took part and kept notes of the main points.",
                         draft ? ""
                               : "How the guidance applies to the people I work with, and where my "
                                 "practice was out of date.",
                         draft ? ""
                               : "I now record my reasoning more clearly and check it with the "
                                 "person and their family.",
                         peer ? kPeers[static_cast<std::size_t>(between(0, 3))] : "", standards,
                         a.theme, draft ? "draft" : "final"});
            daysAgo += hcpc ? between(20, 55) : between(25, 75);
        }
    }
    return out;
}

} // namespace ledger
