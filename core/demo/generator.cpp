#include "demo/generator.h"

#include "io/asc_wds.h"
#include "training/compliance.h"

#include <algorithm>
#include <array>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

namespace {

// Only the raw output of std::mt19937_64 is used: the engine is fully specified by the
// standard, the <random> distributions are not, and the same seed must give the same
// council with every standard library.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}

    /// Uniform in [0, n); n > 0. Rejection sampling removes the modulo bias.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
        const std::uint64_t limit = max - max % n;
        std::uint64_t value = m_engine();
        while (value >= limit) {
            value = m_engine();
        }
        return value % n;
    }

    /// Uniform in [lo, hi]; lo when hi < lo.
    int between(int lo, int hi) {
        if (hi <= lo) {
            return lo;
        }
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
        return lo + static_cast<int>(below(span));
    }

    std::size_t index(std::size_t size) { return static_cast<std::size_t>(below(size)); }

    /// Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(m_engine() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double probability) { return unit() < probability; }

    /// An index drawn with the given integer weights (at least one positive).
    std::size_t weighted(std::span<const int> weights) {
        int total = 0;
        for (const int w : weights) {
            total += w;
        }
        int pick = between(0, total - 1);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (pick < weights[i]) {
                return i;
            }
            pick -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937_64 m_engine;
};

/// splitmix64: independent streams for staff, modules and completions, so that changing
/// one option (say completionsPerStaff) leaves the other records as they were.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

struct Name {
    std::string_view display;
    std::string_view slug; ///< ASCII, for the email address
};

constexpr std::array<Name, 96> kFirstNames{{
    {"Olivia", "olivia"},
    {"Amelia", "amelia"},
    {"Isla", "isla"},
    {"Ava", "ava"},
    {"Zoë", "zoe"},
    {"Siobhán", "siobhan"},
    {"Aoife", "aoife"},
    {"Niamh", "niamh"},
    {"Chloë", "chloe"},
    {"Renée", "renee"},
    {"Priya", "priya"},
    {"Aisha", "aisha"},
    {"Fatima", "fatima"},
    {"Zainab", "zainab"},
    {"Amara", "amara"},
    {"Chidinma", "chidinma"},
    {"Ngozi", "ngozi"},
    {"Yasmin", "yasmin"},
    {"Hannah", "hannah"},
    {"Sophie", "sophie"},
    {"Emily", "emily"},
    {"Grace", "grace"},
    {"Lucy", "lucy"},
    {"Rebecca", "rebecca"},
    {"Sarah", "sarah"},
    {"Claire", "claire"},
    {"Joanne", "joanne"},
    {"Karen", "karen"},
    {"Helen", "helen"},
    {"Gemma", "gemma"},
    {"Bethan", "bethan"},
    {"Ffion", "ffion"},
    {"Agnieszka", "agnieszka"},
    {"Katarzyna", "katarzyna"},
    {"Ana", "ana"},
    {"Inês", "ines"},
    {"Mei", "mei"},
    {"Anjali", "anjali"},
    {"Noor", "noor"},
    {"Leila", "leila"},
    {"Sinéad", "sinead"},
    {"Eilidh", "eilidh"},
    {"Jasmine", "jasmine"},
    {"Charlotte", "charlotte"},
    {"Abigail", "abigail"},
    {"Maryam", "maryam"},
    {"Esther", "esther"},
    {"Nadia", "nadia"},
    {"Oliver", "oliver"},
    {"George", "george"},
    {"Harry", "harry"},
    {"Jack", "jack"},
    {"Noah", "noah"},
    {"Mohammed", "mohammed"},
    {"Muhammad", "muhammad"},
    {"Ahmed", "ahmed"},
    {"Omar", "omar"},
    {"Yusuf", "yusuf"},
    {"Arjun", "arjun"},
    {"Rohan", "rohan"},
    {"Ravi", "ravi"},
    {"Sanjay", "sanjay"},
    {"Tomasz", "tomasz"},
    {"Piotr", "piotr"},
    {"Kwame", "kwame"},
    {"Kofi", "kofi"},
    {"Oluwaseun", "oluwaseun"},
    {"Tunde", "tunde"},
    {"Chinedu", "chinedu"},
    {"Seán", "sean"},
    {"Ciarán", "ciaran"},
    {"Eoin", "eoin"},
    {"Dafydd", "dafydd"},
    {"Rhys", "rhys"},
    {"Owen", "owen"},
    {"James", "james"},
    {"David", "david"},
    {"Michael", "michael"},
    {"Daniel", "daniel"},
    {"Matthew", "matthew"},
    {"Thomas", "thomas"},
    {"Lewis", "lewis"},
    {"Callum", "callum"},
    {"Jamal", "jamal"},
    {"Darnell", "darnell"},
    {"José", "jose"},
    {"Luís", "luis"},
    {"François", "francois"},
    {"Björn", "bjorn"},
    {"Wei", "wei"},
    {"Jun", "jun"},
    {"Hamza", "hamza"},
    {"Bilal", "bilal"},
    {"Paul", "paul"},
    {"Andrew", "andrew"},
    {"Stephen", "stephen"},
}};

constexpr std::array<Name, 88> kLastNames{{
    {"Smith", "smith"},
    {"Jones", "jones"},
    {"Williams", "williams"},
    {"Taylor", "taylor"},
    {"Brown", "brown"},
    {"Davies", "davies"},
    {"Evans", "evans"},
    {"Wilson", "wilson"},
    {"Thomas", "thomas"},
    {"Johnson", "johnson"},
    {"Roberts", "roberts"},
    {"Robinson", "robinson"},
    {"Thompson", "thompson"},
    {"Wright", "wright"},
    {"Walker", "walker"},
    {"White", "white"},
    {"Edwards", "edwards"},
    {"Hughes", "hughes"},
    {"Green", "green"},
    {"Hall", "hall"},
    {"Wood", "wood"},
    {"Harris", "harris"},
    {"Lewis", "lewis"},
    {"Martin", "martin"},
    {"Jackson", "jackson"},
    {"Clarke", "clarke"},
    {"Turner", "turner"},
    {"Hill", "hill"},
    {"Scott", "scott"},
    {"Cooper", "cooper"},
    {"Morris", "morris"},
    {"Ward", "ward"},
    {"Moore", "moore"},
    {"King", "king"},
    {"Watson", "watson"},
    {"Baker", "baker"},
    {"Harrison", "harrison"},
    {"Morgan", "morgan"},
    {"Patel", "patel"},
    {"Khan", "khan"},
    {"Ali", "ali"},
    {"Hussain", "hussain"},
    {"Begum", "begum"},
    {"Ahmed", "ahmed"},
    {"Shah", "shah"},
    {"Singh", "singh"},
    {"Kaur", "kaur"},
    {"Sharma", "sharma"},
    {"Chowdhury", "chowdhury"},
    {"Rahman", "rahman"},
    {"Islam", "islam"},
    {"Okafor", "okafor"},
    {"Adeyemi", "adeyemi"},
    {"Mensah", "mensah"},
    {"Owusu", "owusu"},
    {"Okonkwo", "okonkwo"},
    {"Nowak", "nowak"},
    {"Kowalski", "kowalski"},
    {"Wiśniewska", "wisniewska"},
    {"Murphy", "murphy"},
    {"O'Brien", "obrien"},
    {"O'Neill", "oneill"},
    {"Ní Dhomhnaill", "nidhomhnaill"},
    {"Kelly", "kelly"},
    {"McCarthy", "mccarthy"},
    {"MacDonald", "macdonald"},
    {"Campbell", "campbell"},
    {"Fraser", "fraser"},
    {"Chen", "chen"},
    {"Wong", "wong"},
    {"Li", "li"},
    {"Nguyen", "nguyen"},
    {"Kim", "kim"},
    {"da Silva", "dasilva"},
    {"Pereira", "pereira"},
    {"Santos", "santos"},
    {"Müller", "muller"},
    {"Dubois", "dubois"},
    {"Rossi", "rossi"},
    {"Brontë", "bronte"},
    {"Zieliński", "zielinski"},
    {"Yılmaz", "yilmaz"},
    {"Papadopoulos", "papadopoulos"},
    {"Gallagher", "gallagher"},
    {"Lloyd", "lloyd"},
    {"Pritchard", "pritchard"},
    {"Bailey", "bailey"},
    {"Francis", "francis"},
}};

constexpr std::array<std::string_view, 12> kTeamNames{
    "Older People East",  "Learning Disability",  "Mental Health",       "Hospital Discharge",
    "Reablement",         "Occupational Therapy", "Safeguarding Adults", "Carers' Support",
    "Sensory Impairment", "Quality Assurance",    "Front Door",          "Transitions",
};

enum RoleIndex : std::size_t {
    kSocialWorker,
    kSeniorSocialWorker,
    kTeamManager,
    kOccupationalTherapist,
    kOtAssistant,
    kAssessmentOfficer,
    kReviewingOfficer,
    kApprenticeSocialWorker,
    kNewlyQualifiedSocialWorker,
    kBusinessSupport,
    kRoleCount
};

constexpr std::array<std::string_view, kRoleCount> kRoleNames{
    "Social Worker",
    "Senior Social Worker",
    "Team Manager",
    "Occupational Therapist",
    "OT Assistant",
    "Assessment Officer",
    "Reviewing Officer",
    "Apprentice Social Worker",
    "Newly Qualified Social Worker",
    "Business Support",
};

// Role mix (everyone but the team manager) by kind of team.
constexpr std::array<int, kRoleCount> kSocialWorkMix{30, 10, 0, 4, 3, 14, 10, 4, 7, 10};
constexpr std::array<int, kRoleCount> kTherapyMix{5, 2, 0, 35, 25, 12, 6, 0, 0, 8};
constexpr std::array<int, kRoleCount> kFrontDoorMix{25, 8, 0, 6, 4, 35, 6, 3, 5, 8};

bool isTherapyTeam(std::string_view team) {
    return team == "Occupational Therapy" || team == "Reablement" || team == "Sensory Impairment";
}

bool isFrontDoorTeam(std::string_view team) {
    return team == "Front Door" || team == "Hospital Discharge";
}

struct ModuleSpec {
    std::string_view code;
    std::string_view title;
    int renewalMonths; ///< 0: never expires
    RenewalBasis basis;
    int windowDays;
    int dueSoonDays;
    int category;
};

constexpr auto kCompletionBasis = RenewalBasis::Completion;
constexpr auto kExpiryBasis = RenewalBasis::Expiry;

constexpr std::array<ModuleSpec, 19> kModules{{
    {"SAFE-L2", "Safeguarding adults level 2", 36, kCompletionBasis, 90, 60, 20},
    {"SAFE-L3", "Safeguarding adults level 3", 36, kCompletionBasis, 90, 60, 20},
    {"MCA", "Mental Capacity Act and DoLS", 36, kCompletionBasis, 90, 60, 14},
    {"FIRE", "Fire safety", 12, kExpiryBasis, 90, 30, 6},
    {"IG", "Information governance", 12, kCompletionBasis, 60, 45, 26},
    {"MH-PEOPLE", "Moving and handling people", 24, kExpiryBasis, 90, 60, 15},
    {"EQD", "Equality and diversity", 0, kCompletionBasis, 90, 60, 23},
    {"BLS", "Basic life support", 12, kCompletionBasis, 60, 30, 7},
    {"IPC", "Infection prevention and control", 36, kCompletionBasis, 90, 60, 10},
    {"CARE-ACT", "Care Act 2014 essentials", 0, kCompletionBasis, 90, 60, 21},
    {"OMMT-T1", "Oliver McGowan Mandatory Training Tier 1", 36, kCompletionBasis, 90, 90, 42},
    {"DA", "Domestic abuse awareness", 36, kCompletionBasis, 90, 60, 21},
    {"LEGAL", "Legal literacy", 24, kCompletionBasis, 90, 60, 21},
    {"TA-REF", "Trusted assessor refresher", 24, kExpiryBasis, 60, 60, 21},
    {"HS", "Health and safety awareness", 36, kCompletionBasis, 90, 60, 9},
    {"DPC", "Data protection and cyber security", 12, kCompletionBasis, 60, 30, 49},
    {"CONFLICT", "Conflict resolution", 36, kCompletionBasis, 90, 60, 37},
    {"DEMENTIA", "Dementia awareness", 36, kCompletionBasis, 90, 60, 2},
    {"MEDS", "Medication awareness", 24, kCompletionBasis, 90, 60, 13},
}};

constexpr int kMaxModules = 60;
constexpr int kMaxCompletionsPerStaff = 1000000;

struct RuleSpec {
    std::string_view module;
    Scope scope;
    std::string_view value;
    int dueWithinDays;
    /// Days after `today` the rule takes effect; kNoOffset for no effective date.
    int effectiveOffset;
};

constexpr int kNoOffset = std::numeric_limits<int>::min();

constexpr std::array<RuleSpec, 36> kRules{{
    {"SAFE-L2", Scope::All, "", 90, kNoOffset},
    {"MCA", Scope::All, "", 90, kNoOffset},
    {"FIRE", Scope::All, "", 30, kNoOffset},
    {"IG", Scope::All, "", 30, kNoOffset},
    {"EQD", Scope::All, "", 180, kNoOffset},
    {"IPC", Scope::All, "", 90, kNoOffset},
    {"CARE-ACT", Scope::All, "", 120, kNoOffset},
    {"HS", Scope::All, "", 60, kNoOffset},
    // Introduced in the past year for everyone, after the last data security audit.
    {"DPC", Scope::All, "", 60, -150},
    // Oliver McGowan Tier 1 takes effect for everyone a few weeks from today; the learning
    // disability and transitions teams have needed it for years.
    {"OMMT-T1", Scope::All, "", 180, 21},
    {"OMMT-T1", Scope::Team, "Learning Disability", 90, kNoOffset},
    {"OMMT-T1", Scope::Team, "Transitions", 90, kNoOffset},
    {"SAFE-L3", Scope::Role, "Social Worker", 90, kNoOffset},
    {"SAFE-L3", Scope::Role, "Senior Social Worker", 90, kNoOffset},
    {"SAFE-L3", Scope::Role, "Team Manager", 90, kNoOffset},
    {"SAFE-L3", Scope::Role, "Newly Qualified Social Worker", 120, kNoOffset},
    {"SAFE-L3", Scope::Team, "Safeguarding Adults", 60, kNoOffset},
    {"MH-PEOPLE", Scope::Role, "Occupational Therapist", 60, kNoOffset},
    {"MH-PEOPLE", Scope::Role, "OT Assistant", 30, kNoOffset},
    {"MH-PEOPLE", Scope::Team, "Reablement", 30, kNoOffset},
    {"MH-PEOPLE", Scope::Team, "Hospital Discharge", 60, kNoOffset},
    {"BLS", Scope::Team, "Reablement", 60, kNoOffset},
    {"BLS", Scope::Team, "Hospital Discharge", 60, kNoOffset},
    {"DA", Scope::Team, "Safeguarding Adults", 60, kNoOffset},
    {"DA", Scope::Team, "Front Door", 90, kNoOffset},
    {"LEGAL", Scope::Role, "Social Worker", 180, kNoOffset},
    {"LEGAL", Scope::Role, "Senior Social Worker", 180, kNoOffset},
    {"LEGAL", Scope::Role, "Newly Qualified Social Worker", 180, kNoOffset},
    {"LEGAL", Scope::Role, "Apprentice Social Worker", 180, kNoOffset},
    {"TA-REF", Scope::Role, "OT Assistant", 90, kNoOffset},
    {"TA-REF", Scope::Team, "Occupational Therapy", 90, kNoOffset},
    {"CONFLICT", Scope::Role, "Business Support", 90, kNoOffset},
    {"CONFLICT", Scope::Role, "Assessment Officer", 90, kNoOffset},
    {"DEMENTIA", Scope::Team, "Older People East", 90, kNoOffset},
    {"DEMENTIA", Scope::Team, "Hospital Discharge", 90, kNoOffset},
    {"MEDS", Scope::Role, "Reviewing Officer", 120, kNoOffset},
}};

std::string zeroPadded(std::size_t value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) {
        digits.insert(0, width - digits.size(), '0');
    }
    return digits;
}

std::vector<std::string> makeTeamNames(int count) {
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) {
        const auto index = static_cast<std::size_t>(i);
        names.emplace_back(index < kTeamNames.size() ? std::string(kTeamNames[index])
                                                     : "Locality Team " + std::to_string(i + 1));
    }
    return names;
}

std::vector<Module> makeModules(int count, Random& random) {
    std::vector<Module> modules;
    const std::span<const AscWdsCategory> categories = ascWdsCategories();
    constexpr std::array<int, 4> kRenewals{12, 24, 36, 0};
    for (int i = 0; i < count; ++i) {
        const auto index = static_cast<std::size_t>(i);
        Module m;
        if (index < kModules.size()) {
            const ModuleSpec& spec = kModules[index];
            m.code = spec.code;
            m.title = spec.title;
            if (spec.renewalMonths > 0) {
                m.renewalMonths = spec.renewalMonths;
            }
            m.renewalBasis = spec.basis;
            m.windowDays = spec.windowDays;
            m.dueSoonDays = spec.dueSoonDays;
            m.ascWdsCategory = spec.category;
        } else {
            m.code = "MOD-" + zeroPadded(index + 1, 2);
            m.title = "Module " + std::to_string(i + 1);
            const int renewal = kRenewals[random.index(kRenewals.size())];
            if (renewal > 0) {
                m.renewalMonths = renewal;
            }
            m.renewalBasis = random.chance(0.3) ? RenewalBasis::Expiry : RenewalBasis::Completion;
            m.windowDays = 30 * random.between(1, 3);
            m.dueSoonDays = 15 * random.between(2, 6);
            if (!random.chance(0.1)) {
                m.ascWdsCategory = categories[random.index(categories.size())].code;
            }
        }
        modules.push_back(std::move(m));
    }
    return modules;
}

std::vector<Requirement> makeRequirements(const std::vector<Module>& modules,
                                          const std::vector<std::string>& teams, Date today,
                                          Random& random) {
    const auto hasModule = [&](std::string_view code) {
        return std::any_of(modules.begin(), modules.end(),
                           [&](const Module& m) { return m.code == code; });
    };
    const auto hasTeam = [&](std::string_view name) {
        return std::find(teams.begin(), teams.end(), name) != teams.end();
    };
    std::vector<Requirement> requirements;
    for (const RuleSpec& spec : kRules) {
        if (!hasModule(spec.module) || (spec.scope == Scope::Team && !hasTeam(spec.value))) {
            continue;
        }
        Requirement r;
        r.moduleCode = spec.module;
        r.scope = spec.scope;
        r.value = spec.value;
        r.dueWithinDays = spec.dueWithinDays;
        if (spec.effectiveOffset != kNoOffset) {
            r.effectiveFrom = addDays(today, spec.effectiveOffset);
        }
        requirements.push_back(std::move(r));
    }
    // The extra modules: one rule each, for everyone, a team or a role.
    for (std::size_t i = kModules.size(); i < modules.size(); ++i) {
        Requirement r;
        r.moduleCode = modules[i].code;
        r.dueWithinDays = 30 * random.between(1, 6);
        switch (random.index(3)) {
        case 0:
            r.scope = Scope::All;
            break;
        case 1:
            r.scope = Scope::Team;
            r.value = teams[random.index(teams.size())];
            break;
        default:
            r.scope = Scope::Role;
            r.value = kRoleNames[random.index(kRoleNames.size())];
            break;
        }
        requirements.push_back(std::move(r));
    }
    return requirements;
}

std::vector<Staff> makeStaff(int count, const std::vector<std::string>& teams, DayNumber today,
                             Random& random) {
    const auto n = static_cast<std::size_t>(count);
    const std::size_t width = std::max<std::size_t>(5, std::to_string(n).size());

    // Teams of uneven size; the first members make sure every team has someone.
    std::vector<int> teamWeights(teams.size());
    for (int& w : teamWeights) {
        w = random.between(60, 140);
    }
    std::vector<std::size_t> teamOf(n);
    for (std::size_t i = 0; i < n; ++i) {
        teamOf[i] = i < teams.size() ? i : random.weighted(teamWeights);
    }
    std::vector<std::size_t> manager(teams.size(), n);
    {
        std::vector<std::vector<std::size_t>> members(teams.size());
        for (std::size_t i = 0; i < n; ++i) {
            members[teamOf[i]].push_back(i);
        }
        for (std::size_t t = 0; t < teams.size(); ++t) {
            if (!members[t].empty()) {
                manager[t] = members[t][random.index(members[t].size())];
            }
        }
    }

    std::vector<Staff> staff(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t team = teamOf[i];
        const std::string& teamName = teams[team];
        const bool isManager = manager[team] == i;
        std::size_t role = kTeamManager;
        if (!isManager) {
            const std::array<int, kRoleCount>& mix = isTherapyTeam(teamName)     ? kTherapyMix
                                                     : isFrontDoorTeam(teamName) ? kFrontDoorMix
                                                                                 : kSocialWorkMix;
            role = random.weighted(mix);
        }

        Staff& s = staff[i];
        s.employeeId = "E" + zeroPadded(i + 1, width);
        const Name& first = kFirstNames[random.index(kFirstNames.size())];
        const Name& last = kLastNames[random.index(kLastNames.size())];
        s.fullName = std::string(first.display) + " " + std::string(last.display);
        s.email = std::string(first.slug) + "." + std::string(last.slug) + "." +
                  std::to_string(i + 1) + "@council.example";
        s.team = teamName;
        s.role = kRoleNames[role];

        // Start dates over about 15 years, with about 8% new starters in the last 6 months.
        DayNumber start = 0;
        if (isManager) {
            start = today - random.between(730, 5475);
        } else if (role == kNewlyQualifiedSocialWorker) {
            start = today - random.between(0, 365);
        } else if (role == kApprenticeSocialWorker) {
            start = today - random.between(0, 1095);
        } else if (random.chance(0.07)) {
            start = today - random.between(0, 182);
        } else {
            start = today - random.between(183, 5475);
        }
        s.startDate = fromDayNumber(start);

        // About 10% leavers, a few of them working their notice.
        if (!isManager) {
            if (random.chance(0.095)) {
                s.leaveDate = fromDayNumber(random.between(start, today));
            } else if (random.chance(0.01)) {
                s.leaveDate = fromDayNumber(today + random.between(1, 56));
            }
        }

        if (!isManager && manager[team] < n && !random.chance(0.03)) {
            s.lineManagerId = "E" + zeroPadded(manager[team] + 1, width);
        }

        const bool therapist =
            role == kOccupationalTherapist || (role == kTeamManager && isTherapyTeam(teamName));
        const bool socialWorker = role == kSocialWorker || role == kSeniorSocialWorker ||
                                  role == kNewlyQualifiedSocialWorker || role == kTeamManager;
        if (therapist) {
            s.registrationBody = RegistrationBody::Hcpc;
            s.registrationNumber = "OT" + std::to_string(random.between(10000, 99999));
        } else if (socialWorker) {
            s.registrationBody = RegistrationBody::SocialWorkEngland;
            s.registrationNumber = "SW" + std::to_string(random.between(100000, 999999));
        }
    }
    return staff;
}

/// Rule section 4 for one completion, given the previous completion's expiry (kNoDay for
/// none or never); `hasPrevious` tells the two apart.
DayNumber expiryOf(const Module& m, DayNumber completedOn, DayNumber explicitExpiry,
                   bool hasPrevious, DayNumber previousExpiry) {
    if (explicitExpiry != kNoDay) {
        return explicitExpiry;
    }
    if (!m.renewalMonths) {
        return kNoDay;
    }
    if (m.renewalBasis == RenewalBasis::Expiry && hasPrevious && previousExpiry != kNoDay &&
        previousExpiry - m.windowDays <= completedOn && completedOn <= previousExpiry) {
        return toDayNumber(addMonths(fromDayNumber(previousExpiry + 1), *m.renewalMonths)) - 1;
    }
    return toDayNumber(addMonths(fromDayNumber(completedOn), *m.renewalMonths)) - 1;
}

std::string evidenceFor(DayNumber completedOn, Random& random) {
    switch (random.index(6)) {
    case 0:
    case 1:
        return "E-learning";
    case 2:
        return "Face to face with trainer";
    case 3:
        return "Certificate " + formatIso(fromDayNumber(completedOn)) + ".pdf";
    case 4:
        return "Webinar";
    default:
        return {};
    }
}

struct PlannedCompletion {
    DayNumber completedOn;
    DayNumber explicitExpiry;
    DayNumber expiry;
};

/// How reliably a person keeps their training up to date.
struct Habits {
    double onTime; ///< renews inside the window or a little before expiry
    double lapse;  ///< currently lapsed on a module
    double never;  ///< never did a required module
};

constexpr std::array<Habits, 3> kHabits{{
    {0.88, 0.05, 0.01},
    {0.72, 0.16, 0.03},
    {0.50, 0.38, 0.08},
}};

/// The completions of one required (staff, module): a first completion around the due date
/// (or earlier employment), then renewals round each expiry.
void planPair(const Module& m, DayNumber start, DayNumber assigned, DayNumber firstDue,
              DayNumber lastDay, DayNumber today, DayNumber historyStart, const Habits& habits,
              Random& random, std::vector<PlannedCompletion>& chain) {
    chain.clear();
    if (random.chance(habits.never)) {
        return;
    }
    DayNumber day = 0;
    if (assigned == start && random.chance(0.12)) {
        day = start - random.between(1, 700); // arrived with training from earlier employment
    } else if (random.chance(habits.onTime + 0.05)) {
        day = random.between(assigned, std::max(assigned, firstDue));
    } else {
        day = firstDue + random.between(1, 150);
    }
    bool hasPrevious = false;
    DayNumber previousExpiry = kNoDay;
    while (day <= lastDay) {
        DayNumber explicitExpiry = kNoDay;
        if (random.chance(0.015)) {
            explicitExpiry = day + random.between(180, 1095);
        }
        const DayNumber expiry = expiryOf(m, day, explicitExpiry, hasPrevious, previousExpiry);
        chain.push_back(PlannedCompletion{day, explicitExpiry, expiry});
        if (expiry == kNoDay) {
            break;
        }
        hasPrevious = true;
        previousExpiry = expiry;
        DayNumber next = 0;
        if (random.chance(habits.onTime)) {
            const int lead = m.renewalBasis == RenewalBasis::Expiry ? m.windowDays : 45;
            next = expiry - random.between(0, lead);
        } else {
            next = expiry + random.between(1, 120);
        }
        day = std::max(next, day + 1);
    }

    // A lapse: the renewals that would cover today never happened.
    if (random.chance(habits.lapse)) {
        for (std::size_t k = chain.size(); k-- > 0;) {
            if (chain[k].expiry != kNoDay && chain[k].expiry < today) {
                chain.resize(k + 1);
                break;
            }
        }
    }

    // The ledger's history starts `years` ago; of what came before, only each pair's latest
    // completion was imported.
    std::size_t firstKept = 0;
    while (firstKept + 1 < chain.size() && chain[firstKept + 1].completedOn < historyStart) {
        ++firstKept;
    }
    chain.erase(chain.begin(), chain.begin() + static_cast<std::ptrdiff_t>(firstKept));
}

void makeRealisticCompletions(LedgerData& data, DayNumber today, int years, Random& random) {
    const DayNumber historyStart = toDayNumber(addMonths(fromDayNumber(today), -12 * years));
    const std::size_t moduleCount = data.modules.size();
    std::vector<std::size_t> moduleOfRule(data.requirements.size());
    for (std::size_t r = 0; r < data.requirements.size(); ++r) {
        for (std::size_t m = 0; m < moduleCount; ++m) {
            if (data.modules[m].code == data.requirements[r].moduleCode) {
                moduleOfRule[r] = m;
            }
        }
    }

    std::vector<DayNumber> firstDue(moduleCount);
    std::vector<DayNumber> assigned(moduleCount);
    std::vector<PlannedCompletion> chain;
    for (std::size_t i = 0; i < data.staff.size(); ++i) {
        const Staff& s = data.staff[i];
        const DayNumber start = toDayNumber(s.startDate);
        const DayNumber lastDay = s.leaveDate ? std::min(today, toDayNumber(*s.leaveDate)) : today;
        const Habits& habits = kHabits[random.weighted(std::array<int, 3>{70, 22, 8})];

        std::fill(firstDue.begin(), firstDue.end(), kNoDay);
        std::fill(assigned.begin(), assigned.end(), kNoDay);
        for (std::size_t r = 0; r < data.requirements.size(); ++r) {
            const Requirement& rule = data.requirements[r];
            const bool applies = rule.scope == Scope::All ||
                                 (rule.scope == Scope::Team && rule.value == s.team) ||
                                 (rule.scope == Scope::Role && rule.value == s.role);
            if (!applies) {
                continue;
            }
            const DayNumber effective =
                rule.effectiveFrom ? toDayNumber(*rule.effectiveFrom) : start;
            if (effective > today) {
                continue; // nobody trains for a rule that has not started yet
            }
            const DayNumber on = std::max(start, effective);
            const DayNumber due = on + rule.dueWithinDays;
            const std::size_t m = moduleOfRule[r];
            if (due < firstDue[m]) {
                firstDue[m] = due;
                assigned[m] = on;
            }
        }

        for (std::size_t m = 0; m < moduleCount; ++m) {
            if (firstDue[m] == kNoDay) {
                continue;
            }
            planPair(data.modules[m], start, assigned[m], firstDue[m], lastDay, today, historyStart,
                     habits, random, chain);
            for (const PlannedCompletion& p : chain) {
                Completion c;
                c.employeeId = s.employeeId;
                c.moduleCode = data.modules[m].code;
                c.completedOn = fromDayNumber(p.completedOn);
                if (p.explicitExpiry != kNoDay) {
                    c.expiresOn = fromDayNumber(p.explicitExpiry);
                }
                c.evidence = evidenceFor(p.completedOn, random);
                data.completions.push_back(std::move(c));
            }
        }
    }
}

/// County scale: about `perStaff` completions for each person, spread over the modules and
/// the years, each (module) series on strictly increasing dates.
void makeBulkCompletions(LedgerData& data, int perStaff, DayNumber today, int years,
                         Random& random) {
    const DayNumber historyStart = toDayNumber(addMonths(fromDayNumber(today), -12 * years));
    const auto moduleCount = static_cast<int>(data.modules.size());
    constexpr int kMinSpan = 730;
    data.completions.reserve(data.staff.size() * static_cast<std::size_t>(perStaff) + 1024);

    std::vector<int> perModule(static_cast<std::size_t>(moduleCount));
    for (const Staff& s : data.staff) {
        const DayNumber start = toDayNumber(s.startDate);
        const DayNumber last = s.leaveDate ? std::min(today, toDayNumber(*s.leaveDate)) : today;
        DayNumber first = std::max(historyStart, start - kMinSpan);
        first = std::min(first, last - kMinSpan);
        const int span = last - first + 1;

        // Between 90% and 110% of the target, dealt round the modules from a random one.
        const int count = std::max(1, perStaff * random.between(90, 110) / 100);
        std::fill(perModule.begin(), perModule.end(), count / moduleCount);
        const int offset = random.between(0, moduleCount - 1);
        for (int k = 0; k < count % moduleCount; ++k) {
            ++perModule[static_cast<std::size_t>((offset + k) % moduleCount)];
        }

        for (int m = 0; m < moduleCount; ++m) {
            const int hits = std::min(perModule[static_cast<std::size_t>(m)], span);
            if (hits == 0) {
                continue;
            }
            const Module& module = data.modules[static_cast<std::size_t>(m)];
            // One completion in each of `hits` equal slices of the span: distinct dates.
            for (int h = 0; h < hits; ++h) {
                const int sliceBegin = static_cast<int>(static_cast<std::int64_t>(span) * h / hits);
                const int sliceEnd =
                    static_cast<int>(static_cast<std::int64_t>(span) * (h + 1) / hits) - 1;
                const DayNumber day = first + random.between(sliceBegin, sliceEnd);
                Completion c;
                c.employeeId = s.employeeId;
                c.moduleCode = module.code;
                c.completedOn = fromDayNumber(day);
                if (random.below(100) == 0) {
                    c.expiresOn = fromDayNumber(day + random.between(180, 1095));
                }
                if (random.below(4) == 0) {
                    c.evidence = "E-learning";
                }
                data.completions.push_back(std::move(c));
            }
        }
    }
}

} // namespace

LedgerData generateCouncil(const GeneratorOptions& options) {
    if (!options.today.ok()) {
        throw std::invalid_argument("generateCouncil: options.today is not a real date");
    }
    const int staffCount = std::max(0, options.staff);
    const int teamCount = std::max(1, options.teams);
    const int moduleCount = std::clamp(options.modules, 1, kMaxModules);
    const int years = std::clamp(options.years, 1, 50);
    const DayNumber today = toDayNumber(options.today);

    Random staffRandom(streamSeed(options.seed, 0));
    Random moduleRandom(streamSeed(options.seed, 1));
    Random completionRandom(streamSeed(options.seed, 2));

    LedgerData data;
    const std::vector<std::string> teams = makeTeamNames(teamCount);
    data.modules = makeModules(moduleCount, moduleRandom);
    data.requirements = makeRequirements(data.modules, teams, options.today, moduleRandom);
    data.staff = makeStaff(staffCount, teams, today, staffRandom);

    if (options.completionsPerStaff > 0) {
        makeBulkCompletions(data, std::min(options.completionsPerStaff, kMaxCompletionsPerStaff),
                            today, years, completionRandom);
    } else {
        makeRealisticCompletions(data, today, years, completionRandom);
    }
    return data;
}

} // namespace ledger

namespace ledger {

std::vector<AuditTheme> generateAuditThemes(const LedgerData& council, Date today) {
    struct Seed {
        const char* key;
        const char* title;
        ThemeSource source;
        int daysAgo;
        ThemePriority priority;
        ThemeStatus status;
        const char* notes;
        std::vector<const char*> modules;
    };
    const std::vector<Seed> seeds{
        {"ADV",
         "Independent advocacy not offered when eligible",
         ThemeSource::CaseFileAudit,
         300,
         ThemePriority::High,
         ThemeStatus::BeingAddressed,
         "Quarterly case-file audit: advocacy considered in 58% of eligible Care Act "
         "assessments.",
         {"CARE-ACT"}},
        {"CAR",
         "Carers' assessments offered late or not recorded",
         ThemeSource::CaseFileAudit,
         220,
         ThemePriority::High,
         ThemeStatus::Open,
         "Practice forum planned with Carers' Support.",
         {"CARE-ACT"}},
        {"CHG",
         "Charging and financial assessment explained poorly",
         ThemeSource::Complaint,
         180,
         ThemePriority::Medium,
         ThemeStatus::Open,
         "Four complaints this year about unexpected charges.",
         {}},
        {"PLAN",
         "Delay in completing care and support plans",
         ThemeSource::Ombudsman,
         150,
         ThemePriority::High,
         ThemeStatus::BeingAddressed,
         "LGSCO finding of fault: delay and poor communication.",
         {"CARE-ACT"}},
        {"MCA",
         "Mental capacity assessments not decision-specific",
         ThemeSource::SafeguardingAdultsReview,
         120,
         ThemePriority::High,
         ThemeStatus::Open,
         "SAR recommendation 3.",
         {"MCA", "SAFE-L2"}},
        {"FIRE",
         "Fire risk in people's homes not considered",
         ThemeSource::PeerChallenge,
         90,
         ThemePriority::Medium,
         ThemeStatus::ReAudited,
         "Joint sessions with the fire and rescue service.",
         {"FIRE"}},
        {"LEG",
         "Legal literacy in safeguarding decisions",
         ThemeSource::Cqc,
         45,
         ThemePriority::Medium,
         ThemeStatus::Open,
         "Barrister-led forum to be arranged.",
         {"LEGAL", "SAFE-L2"}},
        {"CONSENT",
         "Information shared without consent recorded",
         ThemeSource::CaseFileAudit,
         400,
         ThemePriority::Low,
         ThemeStatus::Closed,
         "Re-audit found consent recorded in 96%.",
         {"IG"}},
    };
    std::vector<AuditTheme> themes;
    for (const Seed& seed : seeds) {
        AuditTheme t;
        t.key = seed.key;
        t.title = seed.title;
        t.source = seed.source;
        t.raisedOn = addDays(today, -seed.daysAgo);
        t.priority = seed.priority;
        t.status = seed.status;
        t.description = seed.notes;
        for (const char* code : seed.modules) {
            const bool present = std::any_of(council.modules.begin(), council.modules.end(),
                                             [&](const Module& m) { return m.code == code; });
            if (present) {
                t.moduleCodes.emplace_back(code);
            }
        }
        themes.push_back(std::move(t));
    }
    return themes;
}

} // namespace ledger
