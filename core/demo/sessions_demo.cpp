#include "demo/generator.h"

#include "io/csv.h"
#include "sessions/series.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// A year of practice forums and newly qualified practitioners' group sessions for the demo
// council, with their bookings, waiting lists, apologies and attendance, in the import formats
// of rules/sessions.md section 8 (so that the demo goes through the same checks as a file).

namespace ledger {

namespace {

/// One forum: its topic, the speaker and organisation, its themes and any module delivered.
struct Topic {
    const char* slug;
    const char* title;
    const char* speaker;
    const char* organisation;
    const char* themes; ///< `;` list of theme keys (generateAuditThemes)
    const char* module; ///< empty: none
};

constexpr std::array<Topic, 12> kTopics{{
    {"ADVOCACY", "Practice forum: independent advocacy under the Care Act", "Priya Shah",
     "Shire Advocacy Partnership", "ADV", ""},
    {"CARERS", "Practice forum: carers' rights and carers' assessments", "Tom Okafor",
     "Carers' Support Service", "CAR", ""},
    {"FIRE", "Fire safety in people's homes, with the fire and rescue service",
     "Station Manager Ellis", "Shire Fire and Rescue Service", "FIRE", "FIRE"},
    {"LEGAL", "Legal literacy: the Care Act and the Mental Capacity Act in court", "Anna Reid",
     "Ropewalk Chambers (barrister)", "LEG;MCA", ""},
    {"DOMESTIC-ABUSE", "Practice forum: domestic abuse and coercive control", "Joanne Miles",
     "Shire Women's Aid", "", ""},
    {"FINANCE", "Financial assessments: explaining them well", "Rob Carter",
     "Finance, Charging & Income", "CHG", ""},
    {"CARE-PLANS", "Care and support planning that is timely and personal", "", "", "PLAN", ""},
    {"CHARGING", "Charging and deferred payment agreements", "Rob Carter",
     "Finance, Charging & Income", "CHG", ""},
    {"MCA", "Decision-specific capacity assessments", "Dr Lena Novak", "Shire NHS Trust", "MCA",
     ""},
    {"ADVOCACY2", "Advocacy revisited: what the re-audit found", "Priya Shah",
     "Shire Advocacy Partnership", "ADV", ""},
    {"CARERS2", "Young carers and transitions", "Tom Okafor", "Carers' Support Service", "CAR", ""},
    {"CONSENT", "Sharing information with consent", "", "", "CONSENT", ""},
}};

bool activeOn(const Staff& s, Date day) {
    return !(day < s.startDate) && (!s.leaveDate || day < *s.leaveDate);
}

/// One CSV field, quoted where it needs to be.
std::string field(std::string_view text) {
    std::string line = csvLine({std::string(text)});
    line.pop_back(); // its line end
    return line;
}

/// The second Tuesday (weekday 2) of the month `months` after `day`'s.
Date nthWeekday(Date day, int months, unsigned weekday, unsigned nth) {
    const Date first = addMonths(Date{day.year() / day.month() / 1}, months);
    const std::chrono::weekday w{std::chrono::sys_days(first)};
    const unsigned offset = (weekday + 7 - w.c_encoding()) % 7;
    return addDays(first, static_cast<int>(offset + 7 * (nth - 1)));
}

std::string at(Date day, int minutes) {
    char text[32];
    std::snprintf(text, sizeof text, "T%02d:%02d", minutes / 60, minutes % 60);
    return formatIso(day) + text;
}

} // namespace

DemoSessions generateSessions(const LedgerData& council, Date today, std::uint64_t seed) {
    std::mt19937_64 rng(seed ^ 0x5e55104eULL);
    const auto pick = [&](std::size_t n) {
        return static_cast<std::size_t>(rng() % n);
    };
    std::set<std::string> modules;
    for (const Module& m : council.modules) {
        modules.insert(m.code);
    }
    // Who comes: practitioners at the forums, newly qualified social workers at their group.
    std::vector<const Staff*> practitioners;
    std::vector<const Staff*> newlyQualified;
    std::vector<const Staff*> managers;
    for (const Staff& s : council.staff) {
        if (!activeOn(s, today)) {
            continue;
        }
        if (s.role == "Team Manager") {
            managers.push_back(&s);
        } else if (s.role == "Newly Qualified Social Worker") {
            newlyQualified.push_back(&s);
        } else if (s.role == "Social Worker" || s.role == "Senior Social Worker" ||
                   s.role == "Occupational Therapist" || s.role == "Assessment Officer" ||
                   s.role == "Reviewing Officer") {
            practitioners.push_back(&s);
        }
    }
    DemoSessions out;
    out.sessionsCsv = "key,kind,title,starts_at,ends_at,facilitator_id,speaker,organisation,"
                      "capacity,teams,roles,themes,module,repeat,nth,count,until\n";
    out.actionsCsv = "session,at,action,employee_id,value\n";
    if (practitioners.size() < 10 || managers.empty()) {
        return out; // a council too small for forums
    }

    // The log of one session: bookings in the weeks before, some cancellations and
    // apologies, and for a past session the attendance at the door.
    const auto log = [&](const std::string& key, Date day, int start, int capacity,
                         const std::vector<const Staff*>& pool, bool cancelled, int overfill) {
        const Date now = today;
        const bool past = day < now;
        const int wanted = std::min<int>(static_cast<int>(pool.size()),
                                         capacity + overfill + static_cast<int>(pick(6)) - 3);
        std::vector<const Staff*> people = pool;
        std::shuffle(people.begin(), people.end(), rng);
        people.resize(static_cast<std::size_t>(std::max(wanted, 1)));
        // Bookings open four weeks before, in working hours, never after today nor on the day
        // itself; each action at or after the one before.
        const Date last = std::min(addDays(day, -1), now);
        Date cursor = addDays(day, -28);
        int minute = 9 * 60;
        const auto stamp = [&]() -> std::optional<std::string> {
            if (last < cursor) {
                return std::nullopt;
            }
            std::string when = at(cursor, minute);
            minute += 5 + static_cast<int>(pick(40));
            if (minute > 17 * 60) {
                const Date next = addDays(cursor, 1 + static_cast<int>(pick(2)));
                if (last < next) {
                    minute = std::min(minute, 23 * 60 + 59); // the last day fills up
                } else {
                    cursor = next;
                    minute = 9 * 60 + static_cast<int>(pick(30));
                }
            }
            return when;
        };
        std::vector<const Staff*> booked;
        for (const Staff* p : people) {
            const auto when = stamp();
            if (!when) {
                break;
            }
            out.actionsCsv += key + "," + *when + ",book," + p->employeeId + ",\n";
            booked.push_back(p);
        }
        // A cancellation frees a place for the first person waiting; sometimes an apology.
        std::vector<const Staff*> gone;
        if (booked.size() > 3) {
            if (const auto when = stamp()) {
                out.actionsCsv += key + "," + *when + ",cancel," + booked[1]->employeeId + ",\n";
                gone.push_back(booked[1]);
            }
            const auto later = pick(2) == 0 ? stamp() : std::nullopt;
            if (later) {
                out.actionsCsv +=
                    key + "," + *later + ",apologise," + booked[2]->employeeId + ",\n";
                gone.push_back(booked[2]);
            }
        }
        if (cancelled) {
            if (const auto when = stamp()) {
                out.actionsCsv += key + "," + *when + ",cancel_session,,Speaker unwell\n";
            }
            return;
        }
        if (!past) {
            return;
        }
        // At the door: most of those holding a place come; one or two do not; a walk-in.
        const std::string door = at(day, start + 5);
        int held = 0;
        for (const Staff* p : booked) {
            if (std::find(gone.begin(), gone.end(), p) != gone.end() || held >= capacity) {
                continue;
            }
            ++held;
            const bool comes = pick(10) < 8;
            out.actionsCsv +=
                key + "," + door + "," + (comes ? "attend," : "no_show,") + p->employeeId + ",\n";
        }
        for (const Staff* p : pool) {
            if (std::find(booked.begin(), booked.end(), p) == booked.end()) {
                out.actionsCsv +=
                    key + "," + at(day, start + 12) + ",attend," + p->employeeId + ",\n";
                break;
            }
        }
    };

    // The monthly practice forum: the second Tuesday, 10:00 to 12:00, twelve months back
    // and three ahead, each on its own topic.
    for (int k = -12; k <= 3; ++k) {
        const Date day = nthWeekday(today, k, 2, 2);
        const Topic& topic = kTopics[static_cast<std::size_t>(k + 12) % kTopics.size()];
        const std::string key = "FORUM-" + formatIso(day).substr(0, 7) + "-" + topic.slug;
        const Staff* facilitator = managers[pick(managers.size())];
        const int capacity = k == 1 ? 12 : 25;
        const std::string module = modules.contains(topic.module) ? topic.module : "";
        out.sessionsCsv += key + ",practice_forum," + field(topic.title) + "," + at(day, 600) +
                           "," + at(day, 720) + "," + facilitator->employeeId + "," +
                           field(topic.speaker) + "," + field(topic.organisation) + "," +
                           std::to_string(capacity) +
                           ",,Social Worker;Senior Social Worker;Occupational Therapist," +
                           topic.themes + "," + module + ",,,,\n";
        // One forum was called off; the next one fills past its capacity.
        log(key, day, 600, capacity, practitioners, k == -5, k == 1 ? 5 : 0);
    }
    // The newly qualified social workers' group: the last Thursday, 14:00 to 16:00, as one
    // series of a year.
    if (newlyQualified.size() >= 3) {
        Date first = nthWeekday(today, -9, 4, 4);
        const Date fifth = addDays(first, 7);
        if (fifth.month() == first.month()) {
            first = fifth; // the last Thursday
        }
        const Staff* facilitator = managers[pick(managers.size())];
        out.sessionsCsv += "NQ," + std::string("nq_session,") +
                           "NQ group: reflective practice and supervision," + at(first, 840) + "," +
                           at(first, 960) + "," + facilitator->employeeId +
                           ",,,12,,Newly Qualified Social Worker,,,monthly_weekday,last,12,\n";
        const SeriesRule rule{Repeat::MonthlyWeekday, WeekOfMonth::Last, 12, std::nullopt};
        for (const Occurrence& o : seriesOccurrences("NQ", at(first, 840), at(first, 960), rule)) {
            log(o.key, *dateOf(o.startsAt), 840, 12, newlyQualified, false, 0);
        }
    }
    return out;
}

} // namespace ledger
