// Coverage by team at county scale: ledger::ComplianceEngine::coverageByTeam against a bare
// loop over plain arrays, the least work any coverage computation must do (the SQL GROUP BY of
// toolchain.md section 4). Prints the engine / bare-loop ratio at the end.
//
//   coverage_bench [--staff=N] [--teams=N] [--modules=N] [--completions-per-staff=N]
//                  [--seed=N] [benchmark flags]
//
// The defaults are the county benchmark: 20,000 staff, 200 teams, 60 modules, about
// 2,000,000 completions.

#include "base/date.h"
#include "demo/generator.h"
#include "training/compliance.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace {

constexpr ledger::Date kToday = ledger::makeDate(2026, 3, 31);

struct Config {
    int staff = 20000;
    int teams = 0; ///< 0: one team per 100 staff
    int modules = 60;
    int completionsPerStaff = 100;
    std::uint64_t seed = 2026;
};

std::optional<long long> flagValue(std::string_view arg, std::string_view name) {
    if (arg.size() <= name.size() + 3 || arg.substr(0, 2) != "--" ||
        arg.substr(2, name.size()) != name || arg[2 + name.size()] != '=') {
        return std::nullopt;
    }
    const std::string value(arg.substr(3 + name.size()));
    char* end = nullptr;
    const long long parsed = std::strtoll(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || parsed < 0) {
        return std::nullopt;
    }
    return parsed;
}

/// Takes our own flags out of argv, leaving the rest for benchmark::Initialize.
Config parseOwnFlags(int& argc, char** argv) {
    Config config;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (const auto v = flagValue(arg, "staff")) {
            config.staff = static_cast<int>(*v);
        } else if (const auto t = flagValue(arg, "teams")) {
            config.teams = static_cast<int>(*t);
        } else if (const auto m = flagValue(arg, "modules")) {
            config.modules = static_cast<int>(*m);
        } else if (const auto c = flagValue(arg, "completions-per-staff")) {
            config.completionsPerStaff = static_cast<int>(*c);
        } else if (const auto s = flagValue(arg, "seed")) {
            config.seed = static_cast<std::uint64_t>(*s);
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    if (config.teams <= 0) {
        config.teams = std::max(1, config.staff / 100);
    }
    return config;
}

/// The same completions as plain struct-of-arrays, sorted by (staff, module, completed_on),
/// with each completion's expiry worked out in advance.
struct BareArrays {
    std::vector<std::uint32_t> staff;
    std::vector<std::uint32_t> module;
    std::vector<ledger::DayNumber> completedOn;
    std::vector<ledger::DayNumber> expiresOn; ///< kNoDay: never expires
    std::vector<std::uint32_t> staffTeam;
    std::unordered_map<std::string, std::uint32_t> teamIndex;
    std::size_t teams = 0;
    std::size_t modules = 0;
};

BareArrays buildBareArrays(const ledger::LedgerData& data) {
    BareArrays bare;
    std::unordered_map<std::string, std::uint32_t> staffIndex;
    std::unordered_map<std::string, std::uint32_t> moduleIndex;
    std::unordered_map<std::string, std::uint32_t>& teamIndex = bare.teamIndex;
    for (const ledger::Staff& s : data.staff) {
        const auto team =
            teamIndex.try_emplace(s.team, static_cast<std::uint32_t>(teamIndex.size()));
        staffIndex.emplace(s.employeeId, static_cast<std::uint32_t>(bare.staffTeam.size()));
        bare.staffTeam.push_back(team.first->second);
    }
    std::vector<ledger::RenewalRule> rules;
    for (const ledger::Module& m : data.modules) {
        moduleIndex.emplace(m.code, static_cast<std::uint32_t>(rules.size()));
        rules.push_back(
            ledger::RenewalRule{m.renewalMonths, m.renewalBasis, m.windowDays, m.dueSoonDays});
    }
    bare.teams = teamIndex.size();
    bare.modules = rules.size();

    struct Row {
        std::uint32_t staff;
        std::uint32_t module;
        ledger::CompletionDates dates;
    };
    std::vector<Row> rows;
    rows.reserve(data.completions.size());
    for (const ledger::Completion& c : data.completions) {
        rows.push_back(Row{staffIndex.at(c.employeeId), moduleIndex.at(c.moduleCode),
                           ledger::CompletionDates{ledger::toDayNumber(c.completedOn),
                                                   c.expiresOn ? ledger::toDayNumber(*c.expiresOn)
                                                               : ledger::kNoDay}});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.staff != b.staff) {
            return a.staff < b.staff;
        }
        if (a.module != b.module) {
            return a.module < b.module;
        }
        return a.dates.completedOn < b.dates.completedOn;
    });

    const std::size_t n = rows.size();
    bare.staff.reserve(n);
    bare.module.reserve(n);
    bare.completedOn.reserve(n);
    bare.expiresOn.reserve(n);
    std::vector<ledger::CompletionDates> group;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        group.clear();
        while (j < n && rows[j].staff == rows[i].staff && rows[j].module == rows[i].module) {
            group.push_back(rows[j].dates);
            ++j;
        }
        const std::vector<ledger::DayNumber> expiries =
            ledger::computeExpiries(rules[rows[i].module], group);
        for (std::size_t k = i; k < j; ++k) {
            bare.staff.push_back(rows[k].staff);
            bare.module.push_back(rows[k].module);
            bare.completedOn.push_back(rows[k].dates.completedOn);
            bare.expiresOn.push_back(expiries[k - i]);
        }
        i = j;
    }
    return bare;
}

/// For each (staff, module), the latest completion on or before `asOf`; covered when it has
/// not expired. Counts per (team, module), team-major.
///
/// One pass, written without data-dependent branches: groups are one or two completions
/// long, so a loop that branches on group boundaries spends most of its time on mispredicted
/// branches, and the reference should be the least work, not a slow way of doing it.
std::vector<std::uint32_t> bareCoverage(const BareArrays& bare, ledger::DayNumber asOf) {
    const std::size_t cells = bare.teams * bare.modules;
    std::vector<std::uint32_t> covered(cells + 1, 0); // the last cell absorbs non-final rows
    const std::size_t n = bare.staff.size();
    const std::uint32_t* staff = bare.staff.data();
    const std::uint32_t* module = bare.module.data();
    const ledger::DayNumber* completedOn = bare.completedOn.data();
    const ledger::DayNumber* expiresOn = bare.expiresOn.data();
    const std::uint32_t* staffTeam = bare.staffTeam.data();
    std::uint32_t latestCovers = 0; // whether the latest completion so far still covers
    for (std::size_t i = 0; i < n; ++i) {
        const bool lastOfGroup =
            i + 1 == n || staff[i + 1] != staff[i] || module[i + 1] != module[i];
        const std::uint32_t covers = asOf <= expiresOn[i] ? 1u : 0u;
        latestCovers = completedOn[i] <= asOf ? covers : latestCovers;
        const std::size_t cell = staffTeam[staff[i]] * bare.modules + module[i];
        covered[lastOfGroup ? cell : cells] += latestCovers;
        latestCovers = lastOfGroup ? 0u : latestCovers;
    }
    covered.pop_back();
    return covered;
}

/// The engine counts only required pairs of active staff, so each of its cells can cover no
/// more people than the bare loop's; a cheap guard that both compute what they claim.
bool engineWithinBareLoop(const ledger::ComplianceEngine& engine, const BareArrays& bare,
                          ledger::DayNumber asOf) {
    const ledger::CoverageTable table = engine.coverageByTeam(asOf);
    const std::vector<std::uint32_t> covered = bareCoverage(bare, asOf);
    for (std::size_t t = 0; t < engine.teamCount(); ++t) {
        const std::uint32_t team = bare.teamIndex.at(engine.teamName(t));
        for (std::size_t m = 0; m < engine.moduleCount(); ++m) {
            const ledger::CoverageCell& cell = table.cell(t, m);
            const auto engineCovered = static_cast<std::uint32_t>(cell.compliant + cell.dueSoon);
            if (engineCovered > covered[team * bare.modules + m]) {
                std::fprintf(stderr,
                             "coverage_bench: team %s module %s: engine covers %u, bare loop %u\n",
                             engine.teamName(t).c_str(), engine.moduleCode(m).c_str(),
                             engineCovered, covered[team * bare.modules + m]);
                return false;
            }
        }
    }
    return true;
}

/// The console output as usual, keeping each benchmark's real time per iteration in ms
/// (the median where there are repetitions).
class CapturingReporter : public benchmark::ConsoleReporter {
public:
    CapturingReporter()
        : ConsoleReporter(isatty(STDOUT_FILENO) != 0 ? OO_ColorTabular : OO_Tabular) {}

    void ReportRuns(const std::vector<Run>& reports) override {
        ConsoleReporter::ReportRuns(reports);
        for (const Run& run : reports) {
            if (run.error_occurred) {
                continue;
            }
            const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            if (run.run_type != Run::RT_Iteration && !median) {
                continue;
            }
            const std::string name = run.run_name.function_name;
            if (median || !m_hasMedian[name]) {
                m_milliseconds[name] = run.GetAdjustedRealTime() /
                                       benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e3;
                m_hasMedian[name] = median;
            }
        }
    }

    [[nodiscard]] std::optional<double> milliseconds(const std::string& name) const {
        const auto it = m_milliseconds.find(name);
        if (it == m_milliseconds.end()) {
            return std::nullopt;
        }
        return it->second;
    }

private:
    std::map<std::string, double> m_milliseconds;
    std::map<std::string, bool> m_hasMedian;
};

} // namespace

int main(int argc, char** argv) {
    const Config config = parseOwnFlags(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }

    ledger::GeneratorOptions options;
    options.seed = config.seed;
    options.staff = config.staff;
    options.teams = config.teams;
    options.modules = config.modules;
    options.today = kToday;
    options.completionsPerStaff = config.completionsPerStaff;
    const ledger::LedgerData data = ledger::generateCouncil(options);
    const ledger::ComplianceEngine engine(data);
    const BareArrays bare = buildBareArrays(data);
    const ledger::DayNumber asOf = ledger::toDayNumber(kToday);
    if (!engineWithinBareLoop(engine, bare, asOf)) {
        return 1;
    }

    benchmark::RegisterBenchmark("BM_EngineCoverageByTeam", [&](benchmark::State& state) {
        for (auto _ : state) {
            ledger::CoverageTable table = engine.coverageByTeam(asOf);
            benchmark::DoNotOptimize(table);
        }
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_BareLoop", [&](benchmark::State& state) {
        for (auto _ : state) {
            std::vector<std::uint32_t> covered = bareCoverage(bare, asOf);
            benchmark::DoNotOptimize(covered.data());
            benchmark::ClobberMemory();
        }
    })->Unit(benchmark::kMillisecond);

    CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const std::optional<double> engineMs = reporter.milliseconds("BM_EngineCoverageByTeam");
    const std::optional<double> bareMs = reporter.milliseconds("BM_BareLoop");
    if (engineMs && bareMs && *bareMs > 0.0) {
        const int digits = *bareMs < 1.0 ? 3 : 1;
        std::printf("engine/bare-loop ratio at %zu staff, %zu completions: %.2fx (engine %.*f ms, "
                    "bare loop %.*f ms)\n",
                    data.staff.size(), data.completions.size(), *engineMs / *bareMs, digits,
                    *engineMs, digits, *bareMs);
    }
    return 0;
}
