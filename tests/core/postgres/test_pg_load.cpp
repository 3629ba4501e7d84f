// A bounded load test of the shared PostgreSQL engine (issue 8): 16 clients, each with its
// own connection and login (workforce leads, managers, staff), for 30 seconds
// (PRACTICE_LEDGER_LOAD_SECONDS to run it shorter) on the cluster's Unix socket, mixing
// writes (completions added, corrected and voided, staff updated, audit themes saved) with
// coverage reports. Each client counts what it committed and what was refused; at the end
// the ledger, read as the administrator through raw SQL and through the product, must
// reconcile with those counts exactly, and coverage must equal a count made here from the
// final rows. Nothing is timed: the clock only bounds the run.

#include "postgres/pg_test_cluster.h"

#include "ledger.h"
#include "postgres/pg_store.h"
#include "postgres/server_admin.h"
#include "reports/report.h"
#include "training/compliance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <latch>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25);
constexpr int kClients = 16;
constexpr int kDueWithinDays = 30;
constexpr int kSafeRenewalMonths = 12;
constexpr int kSafeDueSoonDays = 60;
constexpr const char* kPassword = "a long load-test password 2026";
// The teams whose people must do SAFE (a team rule each); FIRE is for everyone.
const std::set<std::string> kSafeTeams = {"East", "North"};

// The seeded completions' dates (FIRE: the first 28 days from kSeedFire), which the clients'
// own keys avoid.
const Date kSeedFire = makeDate(2025, 3, 1);
const Date kSeedSafe[] = {makeDate(2025, 12, 1), makeDate(2026, 6, 1)};

bool isSeedDate(Date date) {
    const int fromFire = daysBetween(kSeedFire, date);
    return (fromFire >= 0 && fromFire < 28) || date == kSeedSafe[0] || date == kSeedSafe[1];
}

int loadSeconds() {
    const char* text = std::getenv("PRACTICE_LEDGER_LOAD_SECONDS");
    if (text == nullptr || *text == '\0') {
        return 30;
    }
    try {
        return std::max(1, std::stoi(text));
    } catch (const std::exception&) {
        return 30;
    }
}

// ---------------------------------------------------------------------------------------
// The seeded organisation.

Staff person(const std::string& id, const std::string& team, const std::string& role,
             const std::string& manager) {
    Staff s;
    s.employeeId = id;
    s.fullName = "Person " + id;
    s.team = team;
    s.role = role;
    s.lineManagerId = manager;
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

std::string staffId(int i) {
    std::string digits = std::to_string(i);
    return "S" + std::string(3 - digits.size(), '0') + digits;
}

/// HEAD; leads L1, L2; managers M1 (East) over M1A, M2 (North) over M2A, M3 (West); 190
/// staff spread under the five managers, some in South, some recent starters, some leavers.
std::vector<Staff> organisation() {
    std::vector<Staff> staff = {
        person("HEAD", "Office", "Director", ""),
        person("L1", "Office", "Workforce Lead", "HEAD"),
        person("L2", "Office", "Workforce Lead", "HEAD"),
        person("M1", "East", "Team Manager", "HEAD"),
        person("M1A", "East", "Senior Practitioner", "M1"),
        person("M2", "North", "Team Manager", "HEAD"),
        person("M2A", "North", "Senior Practitioner", "M2"),
        person("M3", "West", "Team Manager", "HEAD"),
    };
    const char* managers[] = {"M1", "M1A", "M2", "M2A", "M3"};
    const char* teams[] = {"East", "East", "North", "North", "West"};
    for (int i = 1; i <= 190; ++i) {
        Staff s = person(staffId(i), i % 7 == 0 ? "South" : teams[i % 5],
                         i % 2 == 0 ? "Social Worker" : "Support Worker", managers[i % 5]);
        if (i % 19 == 0) {
            s.startDate = addDays(kToday, -10); // in their grace period
        }
        if (i % 23 == 0) {
            s.leaveDate = makeDate(2025, 1, 31);
        }
        staff.push_back(std::move(s));
    }
    return staff;
}

/// `root` and everyone below them.
std::set<std::string> treeOf(const std::vector<Staff>& staff, const std::string& root) {
    std::set<std::string> tree = {root};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Staff& s : staff) {
            if (tree.count(s.lineManagerId) > 0 && tree.insert(s.employeeId).second) {
                grew = true;
            }
        }
    }
    return tree;
}

Completion done(const std::string& employeeId, const std::string& module, Date on,
                const std::string& evidence) {
    Completion c;
    c.employeeId = employeeId;
    c.moduleCode = module;
    c.completedOn = on;
    c.evidence = evidence;
    return c;
}

// ---------------------------------------------------------------------------------------
// The clients.

enum class Kind { Lead, Manager, Staff };

struct Client {
    int number = 0;
    Kind kind = Kind::Staff;
    std::string employeeId;
    std::string login;
    std::set<std::string> visible;      // whom the account may see (and write for)
    std::vector<std::string> scope;     // the same, as a list to draw from
    std::vector<std::string> contested; // people several clients add the same keys for
    std::vector<std::string> outside;   // people the account may not see
    std::vector<std::string> everyone;  // every seeded person (for a lead's staff updates)
    std::size_t seededStaffCount = 0;
};

/// What one client did: exact counts of what committed and what was refused.
struct Tally {
    int adds = 0;             // unique keys, committed
    int contestedAdds = 0;    // shared keys, committed
    int contestedRefused = 0; // shared keys, refused (already recorded by someone)
    int uniqueRefused = 0;    // unique keys, refused (should not happen; counted anyway)
    int forbiddenRefused = 0; // out of the account's reach, refused as they must be
    int forbiddenCommitted = 0;
    int corrections = 0;
    int correctionsRefused = 0;
    int voids = 0;
    int voidsRefused = 0;
    int staffUpdates = 0;
    int staffUpdatesRefused = 0;
    int themes = 0;
    int themesRefused = 0;
    int reports = 0;
    int conflicts = 0; // refusals by exception kind
    int notPermitted = 0;
    int invalid = 0;
    std::vector<std::string> failures; // anything that must not happen, with what

    /// The completions this client created, as they must be at the end.
    std::map<RecordId, Completion> mine;
    /// The evidence of every refused add, found nowhere at the end.
    std::vector<std::string> refusedEvidence;

    [[nodiscard]] int writes() const {
        return adds + contestedAdds + corrections + voids + staffUpdates + themes;
    }
    [[nodiscard]] int refusals() const {
        return contestedRefused + uniqueRefused + forbiddenRefused + correctionsRefused +
               voidsRefused + staffUpdatesRefused + themesRefused;
    }
};

/// Runs `write`; true when it committed. A refusal is counted by its kind; anything else is
/// a failure.
template <typename Write> bool attempt(Tally& tally, const char* what, Write&& write) {
    try {
        write();
        return true;
    } catch (const Conflict&) {
        ++tally.conflicts;
    } catch (const NotPermitted&) {
        ++tally.notPermitted;
    } catch (const ValidationError&) {
        ++tally.invalid;
    } catch (const std::exception& e) {
        tally.failures.push_back(std::string(what) + ": unexpected " + e.what());
    }
    return false;
}

void checkReports(Ledger& ledger, const Client& client, Tally& tally) {
    const ComplianceEngine engine = ledger.training().engine();
    const std::vector<TeamCoverageRow> teams = teamCoverageReport(engine, kToday);
    const std::vector<StaffStatusRow> people = staffStatusReport(engine, kToday);
    ++tally.reports;
    const std::size_t expectedStaff =
        client.kind == Kind::Lead ? client.seededStaffCount : client.visible.size();
    if (engine.staffCount() != expectedStaff) {
        tally.failures.push_back(client.login + " saw " + std::to_string(engine.staffCount()) +
                                 " people, expected " + std::to_string(expectedStaff));
    }
    if (client.kind == Kind::Lead) {
        return;
    }
    for (const StaffStatusRow& row : people) {
        if (client.visible.count(row.employeeId) == 0) {
            tally.failures.push_back(client.login + "'s coverage by staff lists " + row.employeeId +
                                     ", outside their tree");
            return;
        }
    }
    int required = 0;
    for (const TeamCoverageRow& row : teams) {
        required += row.cell.required;
    }
    if (required != static_cast<int>(people.size())) {
        tally.failures.push_back(client.login + ": coverage by team counts " +
                                 std::to_string(required) + " required pairs, by staff " +
                                 std::to_string(people.size()));
    }
}

void runClient(Ledger& ledger, const Client& client, Tally& tally, bool sharedKeys,
               std::chrono::steady_clock::time_point end) {
    std::mt19937 rng(static_cast<std::mt19937::result_type>(client.number + 1));
    const auto pick = [&](const std::vector<std::string>& from) -> const std::string& {
        return from[rng() % from.size()];
    };
    int serial = 0; // this client's keys: dates no other client uses
    const auto uniqueDate = [&] {
        for (;;) {
            const int k = serial++ % 2000;
            const Date date = addDays(kToday, -(30 + kClients * k + client.number));
            if (!isSeedDate(date)) {
                return date;
            }
        }
    };
    int tags = 0; // every attempt's evidence is its own
    const auto tag = [&](const char* what) {
        return "load c" + std::to_string(client.number) + " " + what + " " + std::to_string(++tags);
    };
    std::vector<RecordId> live; // mine, not voided
    const auto addAttempt = [&](const Completion& c, int& committed, int& refused) {
        RecordId id = 0;
        if (attempt(tally, "add", [&] { id = ledger.training().addCompletion(c, kToday, "x"); })) {
            ++committed;
            Completion stored = c;
            stored.id = id;
            tally.mine[id] = stored;
            live.push_back(id);
        } else {
            ++refused;
            tally.refusedEvidence.push_back(c.evidence);
        }
    };
    const char* modules[] = {"FIRE", "SAFE"};
    while (std::chrono::steady_clock::now() < end && tally.failures.empty()) {
        const auto roll = rng() % 100;
        try {
            if (client.kind == Kind::Staff) {
                if (roll < 30) { // staff record nothing, not even their own
                    const Completion c =
                        done(client.employeeId, modules[rng() % 2], uniqueDate(), tag("forbidden"));
                    addAttempt(c, tally.forbiddenCommitted, tally.forbiddenRefused);
                } else {
                    checkReports(ledger, client, tally);
                }
                continue;
            }
            const bool lead = client.kind == Kind::Lead;
            if (roll < 35 || (roll < 45 && !sharedKeys)) {
                addAttempt(done(pick(client.scope), modules[rng() % 2], uniqueDate(), tag("add")),
                           tally.adds, tally.uniqueRefused);
            } else if (roll < 45) {
                addAttempt(done(pick(client.contested), "FIRE",
                                addDays(kToday, -static_cast<int>(rng() % 5)), tag("shared")),
                           tally.contestedAdds, tally.contestedRefused);
            } else if (roll < 55 && !live.empty()) {
                const RecordId id = live[rng() % live.size()];
                Completion corrected = tally.mine.at(id);
                corrected.completedOn = uniqueDate();
                corrected.evidence = tag("corrected");
                if (attempt(tally, "correct", [&] {
                        ledger.training().correctCompletion(corrected, "load test correction",
                                                            kToday, "x");
                    })) {
                    ++tally.corrections;
                    tally.mine[id] = corrected;
                } else {
                    ++tally.correctionsRefused;
                }
            } else if (roll < 63 && !live.empty()) {
                const std::size_t at = rng() % live.size();
                const RecordId id = live[at];
                if (attempt(tally, "void",
                            [&] { ledger.training().voidCompletion(id, "load test void", "x"); })) {
                    ++tally.voids;
                    tally.mine[id].voided = true;
                    tally.mine[id].voidReason = "load test void";
                    live.erase(live.begin() + static_cast<std::ptrdiff_t>(at));
                } else {
                    ++tally.voidsRefused;
                }
            } else if (lead && roll < 73) {
                std::optional<Staff> s = ledger.staff().find(pick(client.everyone));
                if (!s) {
                    tally.failures.push_back(client.login + " could not find a person");
                    continue;
                }
                s->fullName = "Renamed " + tag("staff");
                if (rng() % 4 == 0) {
                    const char* teams[] = {"East", "North", "South", "West"};
                    s->team = teams[rng() % 4];
                }
                if (attempt(tally, "staff update",
                            [&] { ledger.staff().update(*s, kToday, "x"); })) {
                    ++tally.staffUpdates;
                } else {
                    ++tally.staffUpdatesRefused;
                }
            } else if (lead && roll < 80) {
                AuditTheme theme;
                theme.title = "Theme " + tag("theme");
                theme.key = "TH-c" + std::to_string(client.number) + "-" + std::to_string(tags);
                theme.raisedOn = kToday;
                theme.moduleCodes = {modules[rng() % 2]};
                if (attempt(tally, "theme",
                            [&] { (void)ledger.themes().save(theme, kToday, "x"); })) {
                    ++tally.themes;
                } else {
                    ++tally.themesRefused;
                }
            } else if (!lead && roll < 70) { // someone outside the manager's tree
                addAttempt(done(pick(client.outside), "FIRE", uniqueDate(), tag("outside")),
                           tally.forbiddenCommitted, tally.forbiddenRefused);
            } else {
                checkReports(ledger, client, tally);
            }
        } catch (const std::exception& e) {
            tally.failures.push_back(client.login + ": " + e.what());
        }
    }
}

// ---------------------------------------------------------------------------------------
// The independent count: coverage by team from the final rows, by compliance rules 2-6.

struct RawStaff {
    std::string employeeId;
    std::string team;
    Date start{};
    std::optional<Date> leave;
};

struct RawCompletion {
    RecordId id = 0;
    std::string employeeId;
    std::string module;
    Date completedOn{};
    std::string evidence;
    bool voided = false;
    bool explicitExpiry = false;
};

using CoverageLine = std::tuple<std::string, std::string, int, int, int, int, int>;

std::vector<CoverageLine> countCoverage(const std::vector<RawStaff>& staff,
                                        const std::vector<RawCompletion>& completions,
                                        const std::set<std::string>* only) {
    std::map<std::pair<std::string, std::string>, std::optional<Date>> latest;
    for (const RawCompletion& c : completions) {
        if (c.voided || c.completedOn > kToday) {
            continue;
        }
        std::optional<Date>& l = latest[{c.employeeId, c.module}];
        if (!l || *l < c.completedOn) {
            l = c.completedOn;
        }
    }
    std::map<std::pair<std::string, std::string>, CoverageCell> cells;
    for (const RawStaff& s : staff) {
        if (only != nullptr && only->count(s.employeeId) == 0) {
            continue;
        }
        if (s.start > kToday || (s.leave && *s.leave < kToday)) {
            continue; // not active
        }
        const Date firstDue = addDays(s.start, kDueWithinDays);
        std::vector<std::string> required = {"FIRE"};
        if (kSafeTeams.count(s.team) > 0) {
            required.push_back("SAFE");
        }
        for (const std::string& module : required) {
            CoverageCell& cell = cells[{s.team, module}];
            ++cell.required;
            const std::optional<Date> l = latest[{s.employeeId, module}];
            Date dueOn = firstDue;
            if (l && module == "FIRE") { // never expires
                ++cell.compliant;
                continue;
            }
            if (l) {
                const Date expires = addDays(addMonths(*l, kSafeRenewalMonths), -1);
                if (kToday <= expires) {
                    if (toDayNumber(expires) - toDayNumber(kToday) <= kSafeDueSoonDays) {
                        ++cell.dueSoon;
                    } else {
                        ++cell.compliant;
                    }
                    continue;
                }
                dueOn = std::max(firstDue, addDays(expires, 1));
            }
            if (kToday >= dueOn) {
                ++cell.overdue;
            } else {
                ++cell.notYetDue;
            }
        }
    }
    std::vector<CoverageLine> lines;
    for (const auto& [key, cell] : cells) { // std::map: team, then module, in byte order
        lines.emplace_back(key.first, key.second, cell.required, cell.compliant, cell.dueSoon,
                           cell.overdue, cell.notYetDue);
    }
    return lines;
}

std::vector<CoverageLine> lines(const std::vector<TeamCoverageRow>& rows) {
    std::vector<CoverageLine> out;
    for (const TeamCoverageRow& r : rows) {
        out.emplace_back(r.team, r.module, r.cell.required, r.cell.compliant, r.cell.dueSoon,
                         r.cell.overdue, r.cell.notYetDue);
    }
    return out;
}

std::string describe(const std::vector<CoverageLine>& lines) {
    std::ostringstream out;
    for (const auto& [team, module, required, compliant, dueSoon, overdue, notYetDue] : lines) {
        out << "  " << team << "/" << module << ": " << required << " required, " << compliant
            << " compliant, " << dueSoon << " due soon, " << overdue << " overdue, " << notYetDue
            << " not yet due\n";
    }
    return out.str();
}

Date isoDate(const std::string& text) {
    const std::optional<Date> date = parseIsoDate(text);
    if (!date) {
        throw std::runtime_error("not a date: " + text);
    }
    return *date;
}

// ---------------------------------------------------------------------------------------

class PgLoad : public PgLedgerTest {
protected:
    /// Seeds a ledger, runs the 16 clients, and reconciles. With `sharedKeys`, some adds of
    /// different clients name the same (person, module, date) on purpose; without, no two
    /// clients' writes ever name the same key.
    void runLoad(bool sharedKeys);

    std::vector<Ledger> leadsOnSmallLedger(const std::string& db, int people, int clients,
                                           std::string& login);
};

/// Seeds the ledger as the administrator: two modules with rules, the organisation, and a
/// first completion for most people.
void seed(Ledger& ledger, const std::vector<Staff>& staff) {
    Module fire;
    fire.code = "FIRE";
    fire.title = "Fire safety";
    ledger.training().saveModule(fire, true, "admin"); // never expires
    Module safe;
    safe.code = "SAFE";
    safe.title = "Safeguarding adults";
    safe.renewalMonths = kSafeRenewalMonths;
    safe.dueSoonDays = kSafeDueSoonDays;
    ledger.training().saveModule(safe, true, "admin");
    Requirement all;
    all.moduleCode = "FIRE";
    all.scope = Scope::All;
    all.dueWithinDays = kDueWithinDays;
    ledger.training().saveRequirement(all, "admin");
    for (const std::string& team : kSafeTeams) {
        Requirement r;
        r.moduleCode = "SAFE";
        r.scope = Scope::Team;
        r.value = team;
        r.dueWithinDays = kDueWithinDays;
        ledger.training().saveRequirement(r, "admin");
    }
    for (const Staff& s : staff) {
        ledger.staff().add(s, kToday, "admin");
    }
    for (std::size_t i = 0; i < staff.size(); ++i) {
        const Staff& s = staff[i];
        if (i % 3 != 0) {
            ledger.training().addCompletion(
                done(s.employeeId, "FIRE", addDays(kSeedFire, static_cast<int>(i % 28)), "seed"),
                kToday, "admin");
        }
        if (i % 4 == 0) {
            ledger.training().addCompletion(done(s.employeeId, "SAFE", kSeedSafe[0], "seed"),
                                            kToday, "admin");
        } else if (i % 4 == 1) {
            ledger.training().addCompletion(done(s.employeeId, "SAFE", kSeedSafe[1], "seed"),
                                            kToday, "admin");
        }
    }
}

void PgLoad::runLoad(bool sharedKeys) {
    const std::string db = newLedger();
    const std::vector<Staff> staff = organisation();
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        seed(admin, staff);
    }
    pg::Connection raw = owner(db);
    const std::int64_t seededCompletions =
        raw.exec("SELECT count(*) FROM ledger.completion").int64(0, 0);
    const std::int64_t seededEntries =
        raw.exec("SELECT count(*) FROM ledger.change_log").int64(0, 0);
    const std::int64_t seededLastEntry =
        raw.exec("SELECT COALESCE(max(id), 0) FROM ledger.change_log").int64(0, 0);
    const std::int64_t seededThemes =
        raw.exec("SELECT count(*) FROM ledger.audit_theme").int64(0, 0);
    const std::int64_t seededStaff = raw.exec("SELECT count(*) FROM ledger.staff").int64(0, 0);
    ASSERT_EQ(seededStaff, static_cast<std::int64_t>(staff.size()));
    ASSERT_GT(seededCompletions, 0);

    // The accounts and the clients: 4 lead clients (2 logins), 8 manager clients (4 logins,
    // two nested pairs), 4 staff clients.
    std::vector<std::string> everyone;
    for (const Staff& s : staff) {
        everyone.push_back(s.employeeId);
    }
    std::set<std::string> contestedPool; // early people under M1A and M2A
    for (int i = 1; i <= 40; ++i) {
        if (i % 5 == 1 || i % 5 == 3) {
            contestedPool.insert(staffId(i));
        }
    }
    std::map<std::string, std::string> logins;
    const auto login = [&](const std::string& employeeId, pg::Access access) {
        auto it = logins.find(employeeId);
        if (it == logins.end()) {
            it = logins.emplace(employeeId, account(db, employeeId, access, kPassword)).first;
        }
        return it->second;
    };
    std::vector<Client> clients;
    const std::vector<std::pair<Kind, std::string>> plan = {
        {Kind::Lead, "L1"},        {Kind::Lead, "L2"},        {Kind::Lead, "L1"},
        {Kind::Lead, "L2"},        {Kind::Manager, "M1"},     {Kind::Manager, "M1A"},
        {Kind::Manager, "M2"},     {Kind::Manager, "M2A"},    {Kind::Manager, "M1"},
        {Kind::Manager, "M1A"},    {Kind::Manager, "M2"},     {Kind::Manager, "M2A"},
        {Kind::Staff, staffId(1)}, {Kind::Staff, staffId(2)}, {Kind::Staff, staffId(3)},
        {Kind::Staff, staffId(4)},
    };
    ASSERT_EQ(plan.size(), static_cast<std::size_t>(kClients));
    for (std::size_t n = 0; n < plan.size(); ++n) {
        const auto& [kind, employeeId] = plan[n];
        Client c;
        c.number = static_cast<int>(n);
        c.kind = kind;
        c.employeeId = employeeId;
        c.login = login(employeeId, kind == Kind::Lead      ? pg::Access::WorkforceLead
                                    : kind == Kind::Manager ? pg::Access::Manager
                                                            : pg::Access::Staff);
        c.visible = kind == Kind::Lead    ? std::set<std::string>(everyone.begin(), everyone.end())
                    : kind == Kind::Staff ? std::set<std::string>{employeeId}
                                          : treeOf(staff, employeeId);
        c.scope.assign(c.visible.begin(), c.visible.end());
        for (const std::string& id : everyone) {
            if (c.visible.count(id) == 0) {
                c.outside.push_back(id);
            }
            if (c.visible.count(id) > 0 && contestedPool.count(id) > 0) {
                c.contested.push_back(id);
            }
        }
        c.everyone = everyone;
        c.seededStaffCount = staff.size();
        if (kind == Kind::Manager) {
            ASSERT_FALSE(c.contested.empty()) << employeeId;
            ASSERT_FALSE(c.outside.empty()) << employeeId;
        }
        clients.push_back(std::move(c));
    }

    // Each client opens its own ledger (its own connection, as its own login) before the
    // clock starts.
    std::vector<Ledger> ledgers;
    for (const Client& c : clients) {
        ledgers.push_back(Ledger::open(location(db, c.login), kPassword, OpenMode::ReadWrite));
        ASSERT_EQ(ledgers.back().account(), c.login);
    }
    const int seconds = loadSeconds();
    std::vector<Tally> tallies(clients.size());
    {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        std::vector<std::thread> threads;
        for (std::size_t n = 0; n < clients.size(); ++n) {
            threads.emplace_back([&, n] {
                try {
                    runClient(ledgers[n], clients[n], tallies[n], sharedKeys, end);
                } catch (const std::exception& e) {
                    tallies[n].failures.push_back(e.what());
                }
            });
        }
        for (std::thread& t : threads) {
            t.join();
        }
    }
    ledgers.clear();

    // What the clients say they did.
    Tally total;
    std::map<std::string, int> writesBy; // login -> committed writes
    std::map<RecordId, Completion> created;
    std::set<std::string> refusedEvidence;
    for (std::size_t n = 0; n < clients.size(); ++n) {
        const Tally& t = tallies[n];
        for (const std::string& f : t.failures) {
            ADD_FAILURE() << "client " << n << " (" << clients[n].login << "): " << f;
        }
        EXPECT_EQ(t.forbiddenCommitted, 0) << clients[n].login << " wrote outside its reach";
        total.adds += t.adds;
        total.contestedAdds += t.contestedAdds;
        total.contestedRefused += t.contestedRefused;
        total.uniqueRefused += t.uniqueRefused;
        total.forbiddenRefused += t.forbiddenRefused;
        total.forbiddenCommitted += t.forbiddenCommitted;
        total.corrections += t.corrections;
        total.correctionsRefused += t.correctionsRefused;
        total.voids += t.voids;
        total.voidsRefused += t.voidsRefused;
        total.staffUpdates += t.staffUpdates;
        total.staffUpdatesRefused += t.staffUpdatesRefused;
        total.themes += t.themes;
        total.themesRefused += t.themesRefused;
        total.reports += t.reports;
        total.conflicts += t.conflicts;
        total.notPermitted += t.notPermitted;
        total.invalid += t.invalid;
        writesBy[clients[n].login] += t.writes();
        for (const auto& [id, c] : t.mine) {
            EXPECT_TRUE(created.emplace(id, c).second) << "two clients were given id " << id;
        }
        refusedEvidence.insert(t.refusedEvidence.begin(), t.refusedEvidence.end());
    }
    const int writes = total.writes();
    std::cout << "[ load     ] " << kClients << " clients for " << seconds << " s"
              << (sharedKeys ? " (shared keys)" : "") << ": " << writes << " writes committed ("
              << total.adds << " adds, " << total.contestedAdds << " adds on shared keys, "
              << total.corrections << " corrections, " << total.voids << " voids, "
              << total.staffUpdates << " staff updates, " << total.themes << " audit themes), "
              << total.reports << " coverage reports\n"
              << "[ load     ] " << total.refusals() << " refused (" << total.contestedRefused
              << " shared-key adds, " << total.forbiddenRefused << " outside the account, "
              << total.uniqueRefused << " unique adds, " << total.correctionsRefused
              << " corrections, " << total.voidsRefused << " voids, " << total.staffUpdatesRefused
              << " staff updates, " << total.themesRefused << " themes): " << total.conflicts
              << " Conflict, " << total.notPermitted << " NotPermitted, " << total.invalid
              << " ValidationError\n";
    RecordProperty("writes", writes);
    RecordProperty("refusals", total.refusals());
    RecordProperty("reports", total.reports);
    EXPECT_EQ(total.refusals(), total.conflicts + total.notPermitted + total.invalid);
    // The run did each kind of thing at least once (else it proved nothing about it).
    EXPECT_GT(total.adds, 0);
    if (sharedKeys) {
        EXPECT_GT(total.contestedAdds, 0);
        EXPECT_GT(total.contestedRefused, 0);
    } else {
        EXPECT_EQ(total.contestedAdds + total.contestedRefused, 0);
    }
    EXPECT_GT(total.forbiddenRefused, 0);
    EXPECT_GT(total.corrections, 0);
    EXPECT_GT(total.voids, 0);
    EXPECT_GT(total.staffUpdates, 0);
    EXPECT_GT(total.themes, 0);
    EXPECT_GT(total.reports, 0);

    // The server's rows, read as the owner through raw SQL.
    std::vector<RawCompletion> completions;
    {
        const pg::Result r = raw.exec(
            "SELECT c.id, s.employee_id, m.code, c.completed_on::text, c.evidence, c.voided, "
            "c.expires_on IS NOT NULL FROM ledger.completion c "
            "JOIN ledger.staff s ON s.id = c.staff_id JOIN ledger.module m ON m.id = c.module_id "
            "ORDER BY c.id");
        for (int i = 0; i < r.rows(); ++i) {
            completions.push_back(RawCompletion{r.int64(i, 0), r.text(i, 1), r.text(i, 2),
                                                isoDate(r.text(i, 3)), r.text(i, 4),
                                                r.text(i, 5) == "t", r.text(i, 6) == "t"});
        }
    }
    const std::int64_t voided = std::count_if(completions.begin(), completions.end(),
                                              [](const RawCompletion& c) { return c.voided; });
    EXPECT_EQ(static_cast<std::int64_t>(completions.size()),
              seededCompletions + total.adds + total.contestedAdds);
    EXPECT_EQ(voided, total.voids);
    int matched = 0;
    for (const RawCompletion& c : completions) {
        EXPECT_EQ(refusedEvidence.count(c.evidence), 0u)
            << "a refused add left completion " << c.id << " (" << c.evidence << ")";
        EXPECT_FALSE(c.explicitExpiry);
        const auto it = created.find(c.id);
        if (it == created.end()) {
            EXPECT_EQ(c.evidence, "seed") << "completion " << c.id << " was made by nobody";
            EXPECT_FALSE(c.voided);
            continue;
        }
        ++matched;
        const Completion& want = it->second;
        EXPECT_EQ(c.employeeId, want.employeeId) << c.id;
        EXPECT_EQ(c.module, want.moduleCode) << c.id;
        EXPECT_EQ(formatIso(c.completedOn), formatIso(want.completedOn)) << c.id;
        EXPECT_EQ(c.evidence, want.evidence) << c.id;
        EXPECT_EQ(c.voided, want.voided) << c.id;
    }
    EXPECT_EQ(matched, static_cast<int>(created.size()));

    // The change log: the seeded entries untouched, then one entry per committed write,
    // each stamped with the login that made it.
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.change_log").int64(0, 0),
              seededEntries + writes);
    EXPECT_EQ(raw.execParams("SELECT count(*) FROM ledger.change_log WHERE id <= $1",
                             {std::to_string(seededLastEntry)})
                  .int64(0, 0),
              seededEntries);
    {
        std::map<std::string, int> byActor;
        const pg::Result r = raw.execParams(
            "SELECT actor, count(*) FROM ledger.change_log WHERE id > $1 GROUP BY actor",
            {std::to_string(seededLastEntry)});
        for (int i = 0; i < r.rows(); ++i) {
            byActor[r.text(i, 0)] = static_cast<int>(r.int64(i, 1));
        }
        std::map<std::string, int> expected;
        for (const auto& [who, n] : writesBy) {
            if (n > 0) {
                expected[who] = n;
            }
        }
        EXPECT_EQ(byActor, expected);
    }
    {
        std::map<std::string, int> byKind;
        const pg::Result r = raw.execParams(
            "SELECT entity || '/' || action, count(*) FROM ledger.change_log WHERE id > $1 "
            "GROUP BY 1",
            {std::to_string(seededLastEntry)});
        for (int i = 0; i < r.rows(); ++i) {
            byKind[r.text(i, 0)] = static_cast<int>(r.int64(i, 1));
        }
        std::map<std::string, int> expected = {
            {"completion/add", total.adds + total.contestedAdds},
            {"completion/correct", total.corrections},
            {"completion/void", total.voids},
            {"staff/update", total.staffUpdates},
            {"audit_theme/add", total.themes},
        };
        std::erase_if(expected, [](const auto& kv) { return kv.second == 0; });
        EXPECT_EQ(byKind, expected);
    }
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.audit_theme").int64(0, 0),
              seededThemes + total.themes);
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.staff").int64(0, 0), seededStaff);

    std::vector<RawStaff> people;
    {
        const pg::Result r = raw.exec("SELECT s.employee_id, t.name, s.start_date::text, "
                                      "s.leave_date::text FROM ledger.staff s "
                                      "JOIN ledger.team t ON t.id = s.team_id");
        for (int i = 0; i < r.rows(); ++i) {
            RawStaff s{r.text(i, 0), r.text(i, 1), isoDate(r.text(i, 2)), std::nullopt};
            if (!r.isNull(i, 3)) {
                s.leave = isoDate(r.text(i, 3));
            }
            people.push_back(std::move(s));
        }
    }

    // Through the product, as the administrator: the same counts, and coverage equal to the
    // count made here.
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        EXPECT_EQ(static_cast<std::int64_t>(admin.audit().changeLog("", "").size()),
                  seededEntries + writes);
        const ComplianceEngine engine = admin.training().engine();
        const std::int64_t counted = static_cast<std::int64_t>(completions.size()) - voided;
        EXPECT_EQ(static_cast<std::int64_t>(engine.completionCount()), counted);
        std::int64_t visited = 0;
        admin.training().forEachCountedCompletion([&](const Completion&) { ++visited; });
        EXPECT_EQ(visited, counted);
        EXPECT_EQ(static_cast<std::int64_t>(admin.themes().all().size()),
                  seededThemes + total.themes);
        const std::vector<CoverageLine> product = lines(teamCoverageReport(engine, kToday));
        const std::vector<CoverageLine> counted2 = countCoverage(people, completions, nullptr);
        EXPECT_EQ(product, counted2) << "product:\n"
                                     << describe(product) << "counted here:\n"
                                     << describe(counted2);
        std::cout << "[ load     ] final coverage by team:\n" << describe(product);
    }
    // And as a manager: their coverage is the count over their tree only.
    for (const char* manager : {"M1", "M2A"}) {
        Ledger ledger =
            Ledger::open(location(db, logins.at(manager)), kPassword, OpenMode::ReadOnly);
        const std::set<std::string> tree = treeOf(staff, manager);
        const std::vector<CoverageLine> product =
            lines(teamCoverageReport(ledger.training().engine(), kToday));
        const std::vector<CoverageLine> counted = countCoverage(people, completions, &tree);
        EXPECT_EQ(product, counted) << manager << "'s product:\n"
                                    << describe(product) << "counted here:\n"
                                    << describe(counted);
    }
}

// Some clients' adds share keys with others' (and with the seed): two clients adding the same
// (person, module, date) at once must give one row, one "add" and a refusal, never two
// "added" for one row.
TEST_F(PgLoad, SixteenClientsReconcile) {
    runLoad(true);
}

/// Seeds `people` staff (P01...) under one workforce lead and the module FIRE, and opens
/// `clients` connections as that lead.
std::vector<Ledger> PgLoad::leadsOnSmallLedger(const std::string& db, int people, int clients,
                                               std::string& login) {
    {
        Ledger admin = Ledger::open(location(db), "", OpenMode::ReadWrite);
        Module fire;
        fire.code = "FIRE";
        fire.title = "Fire safety";
        admin.training().saveModule(fire, true, "admin");
        admin.staff().add(person("LEAD", "Office", "Workforce Lead", ""), kToday, "admin");
        for (int i = 1; i <= people; ++i) {
            admin.staff().add(
                person("P" + std::to_string(100 + i), "East", "Social Worker", "LEAD"), kToday,
                "admin");
        }
    }
    login = account(db, "LEAD", pg::Access::WorkforceLead, kPassword);
    std::vector<Ledger> ledgers;
    for (int n = 0; n < clients; ++n) {
        ledgers.push_back(Ledger::open(location(db, login), kPassword, OpenMode::ReadWrite));
    }
    return ledgers;
}

/// Runs `work(client)` on each client's thread, all released at once.
template <typename Work> void together(int clients, Work&& work) {
    std::latch start(clients);
    std::vector<std::thread> threads;
    for (int n = 0; n < clients; ++n) {
        threads.emplace_back([&, n] {
            start.arrive_and_wait();
            work(n);
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
}

// Eight connections add the same 100 keys in the same order: each key must be committed by
// exactly one of them, the others refused, and the log must hold one add per row.
TEST_F(PgLoad, ConcurrentAddsOfOneKeyCommitOnce) {
    const std::string db = newLedger();
    constexpr int kPeople = 10;
    constexpr int kDates = 10;
    constexpr int kConnections = 8;
    std::string login;
    std::vector<Ledger> ledgers = leadsOnSmallLedger(db, kPeople, kConnections, login);
    std::vector<std::map<RecordId, std::string>> committed(kConnections); // id -> evidence
    std::vector<int> refused(kConnections, 0);
    std::vector<std::string> unexpected(kConnections);
    together(kConnections, [&](int n) {
        for (int d = 0; d < kDates; ++d) {
            for (int i = 1; i <= kPeople; ++i) {
                const std::string evidence =
                    "c" + std::to_string(n) + " " + std::to_string(i) + "/" + std::to_string(d);
                try {
                    const RecordId id =
                        ledgers[static_cast<std::size_t>(n)].training().addCompletion(
                            done("P" + std::to_string(100 + i), "FIRE", addDays(kToday, -d),
                                 evidence),
                            kToday, "x");
                    committed[static_cast<std::size_t>(n)][id] = evidence;
                } catch (const Conflict&) {
                    ++refused[static_cast<std::size_t>(n)];
                } catch (const ValidationError&) {
                    ++refused[static_cast<std::size_t>(n)];
                } catch (const std::exception& e) {
                    unexpected[static_cast<std::size_t>(n)] = e.what();
                }
            }
        }
    });
    ledgers.clear();
    std::map<RecordId, std::string> claimed;
    int commits = 0;
    int refusals = 0;
    for (int n = 0; n < kConnections; ++n) {
        EXPECT_EQ(unexpected[static_cast<std::size_t>(n)], "");
        refusals += refused[static_cast<std::size_t>(n)];
        for (const auto& [id, evidence] : committed[static_cast<std::size_t>(n)]) {
            ++commits;
            EXPECT_TRUE(claimed.emplace(id, evidence).second)
                << "completion " << id << " was added by two connections";
        }
    }
    std::cout << "[ load     ] " << commits << " adds committed, " << refusals << " refused\n";
    EXPECT_EQ(commits, kPeople * kDates);
    EXPECT_EQ(commits + refusals, kPeople * kDates * kConnections);
    pg::Connection raw = owner(db);
    const pg::Result rows = raw.exec("SELECT id, evidence FROM ledger.completion ORDER BY id");
    EXPECT_EQ(rows.rows(), kPeople * kDates);
    for (int r = 0; r < rows.rows(); ++r) {
        const auto it = claimed.find(rows.int64(r, 0));
        ASSERT_NE(it, claimed.end()) << "completion " << rows.int64(r, 0);
        EXPECT_EQ(rows.text(r, 1), it->second) << "completion " << rows.int64(r, 0);
    }
    EXPECT_EQ(
        raw.exec("SELECT count(*) FROM ledger.change_log WHERE entity = 'completion'").int64(0, 0),
        commits);
}

// Eight connections void the same completions in the same order: each must be voided once
// (one "void" in the log), the other attempts refused (the version each read is stale).
TEST_F(PgLoad, ConcurrentVoidsOfOneCompletionCommitOnce) {
    const std::string db = newLedger();
    constexpr int kPeople = 10;
    constexpr int kDates = 10;
    constexpr int kConnections = 8;
    std::string login;
    std::vector<Ledger> ledgers = leadsOnSmallLedger(db, kPeople, kConnections, login);
    std::vector<RecordId> ids;
    for (int d = 0; d < kDates; ++d) {
        for (int i = 1; i <= kPeople; ++i) {
            ids.push_back(ledgers[0].training().addCompletion(
                done("P" + std::to_string(100 + i), "FIRE", addDays(kToday, -d), "seed"), kToday,
                "x"));
        }
    }
    std::vector<int> voids(kConnections, 0);
    std::vector<int> refused(kConnections, 0);
    std::vector<std::string> unexpected(kConnections);
    together(kConnections, [&](int n) {
        const auto at = static_cast<std::size_t>(n);
        for (const RecordId id : ids) {
            try {
                ledgers[at].training().voidCompletion(id, "void by c" + std::to_string(n), "x");
                ++voids[at];
            } catch (const Conflict&) {
                ++refused[at];
            } catch (const ValidationError&) {
                ++refused[at];
            } catch (const std::exception& e) {
                unexpected[at] = e.what();
            }
        }
    });
    ledgers.clear();
    int committed = 0;
    int refusals = 0;
    for (int n = 0; n < kConnections; ++n) {
        EXPECT_EQ(unexpected[static_cast<std::size_t>(n)], "");
        committed += voids[static_cast<std::size_t>(n)];
        refusals += refused[static_cast<std::size_t>(n)];
    }
    std::cout << "[ load     ] " << committed << " voids committed, " << refusals << " refused\n";
    pg::Connection raw = owner(db);
    const std::int64_t voidEntries =
        raw.exec("SELECT count(*) FROM ledger.change_log WHERE action = 'void'").int64(0, 0);
    EXPECT_EQ(voidEntries, committed);
    EXPECT_EQ(committed, static_cast<int>(ids.size()));
    EXPECT_EQ(committed + refusals, static_cast<int>(ids.size()) * kConnections);
    EXPECT_EQ(raw.exec("SELECT count(*) FROM ledger.completion WHERE voided").int64(0, 0),
              static_cast<std::int64_t>(ids.size()));
}

// Four connections void and four correct the same completions in the same order: once a
// void has committed, the completion must stay void (a correction that read it before the
// void is refused: its version is stale).
TEST_F(PgLoad, AVoidIsNeverUndoneByAConcurrentCorrection) {
    const std::string db = newLedger();
    constexpr int kPeople = 10;
    constexpr int kDates = 10;
    constexpr int kConnections = 8;
    std::string login;
    std::vector<Ledger> ledgers = leadsOnSmallLedger(db, kPeople, kConnections, login);
    std::vector<RecordId> ids;
    for (int d = 0; d < kDates; ++d) {
        for (int i = 1; i <= kPeople; ++i) {
            ids.push_back(ledgers[0].training().addCompletion(
                done("P" + std::to_string(100 + i), "FIRE", addDays(kToday, -d), "seed"), kToday,
                "x"));
        }
    }
    std::vector<std::set<RecordId>> voidedBy(kConnections);
    std::vector<int> corrections(kConnections, 0);
    std::vector<std::string> unexpected(kConnections);
    together(kConnections, [&](int n) {
        const auto at = static_cast<std::size_t>(n);
        Ledger& ledger = ledgers[at];
        int k = 0;
        for (const RecordId id : ids) {
            try {
                if (n % 2 == 0) {
                    ledger.training().voidCompletion(id, "void by c" + std::to_string(n), "x");
                    voidedBy[at].insert(id);
                } else {
                    std::optional<Completion> c = ledger.training().completion(id);
                    if (!c || c->voided) {
                        continue;
                    }
                    c->evidence = "corrected by c" + std::to_string(n) + " " + std::to_string(++k);
                    ledger.training().correctCompletion(*c, "load test correction", kToday, "x");
                    ++corrections[at];
                }
            } catch (const Conflict&) {
            } catch (const ValidationError&) {
            } catch (const std::exception& e) {
                unexpected[at] = e.what();
            }
        }
    });
    ledgers.clear();
    std::set<RecordId> voided;
    int corrected = 0;
    for (int n = 0; n < kConnections; ++n) {
        EXPECT_EQ(unexpected[static_cast<std::size_t>(n)], "");
        voided.insert(voidedBy[static_cast<std::size_t>(n)].begin(),
                      voidedBy[static_cast<std::size_t>(n)].end());
        corrected += corrections[static_cast<std::size_t>(n)];
    }
    std::cout << "[ load     ] " << voided.size() << " completions voided, " << corrected
              << " corrections committed\n";
    pg::Connection raw = owner(db);
    const pg::Result rows = raw.exec("SELECT id, voided FROM ledger.completion ORDER BY id");
    int undone = 0;
    for (int r = 0; r < rows.rows(); ++r) {
        if (voided.count(rows.int64(r, 0)) > 0 && rows.text(r, 1) != "t") {
            ++undone;
        }
    }
    EXPECT_EQ(undone, 0) << "voids undone by a correction";
    EXPECT_EQ(voided.size(), ids.size());
}

} // namespace
} // namespace ledger::test
