// `report coverage --by team` end to end on a PostgreSQL server against the same ledger in
// a file, measured in the same run (issue 8: the server within 2x of the file at council
// size). Both paths open the ledger, build the compliance engine from the compact load and
// compute the team coverage report; the server's ledger is a copy of the file's.
//
//   server_bench --pg-pointer=FILE [--staff=5000 --teams=50 --modules=40 --per-staff=100]
//                [--data-dir=DIR] [benchmark flags]
//
// FILE is what tests/pg/cluster.sh start writes (PGHOST=..., PGPASSFILE=...); the bench
// makes its own database there and drops it at the end. The generated file ledger is cached
// in DIR.

#include "demo/generator.h"
#include "ledger.h"
#include "postgres/pg.h"
#include "postgres/server_admin.h"
#include "reports/report.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kPassphrase = "bench passphrase 2026 correct horse";
const ledger::Date kToday = ledger::makeDate(2026, 3, 31);

struct Options {
    std::string pointer;
    fs::path dataDir = "bench-data";
    ledger::GeneratorOptions generator;
};

std::string flag(std::string_view arg, std::string_view name) {
    const std::string prefix = "--" + std::string(name) + "=";
    return arg.starts_with(prefix) ? std::string(arg.substr(prefix.size())) : std::string();
}

std::map<std::string, std::string> readPointer(const std::string& path) {
    std::map<std::string, std::string> values;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) {
            values[line.substr(0, eq)] = line.substr(eq + 1);
        }
    }
    return values;
}

std::size_t reportRows(ledger::Ledger ledger) {
    const ledger::ComplianceEngine engine = ledger.training().engine();
    return ledger::teamCoverageReport(engine, kToday).size();
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    options.generator.staff = 5000;
    options.generator.teams = 50;
    options.generator.modules = 40;
    options.generator.completionsPerStaff = 100;
    options.generator.today = kToday;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (auto v = flag(arg, "pg-pointer"); !v.empty()) {
            options.pointer = v;
        } else if (auto d = flag(arg, "data-dir"); !d.empty()) {
            options.dataDir = d;
        } else if (auto s = flag(arg, "staff"); !s.empty()) {
            options.generator.staff = std::stoi(s);
        } else if (auto t = flag(arg, "teams"); !t.empty()) {
            options.generator.teams = std::stoi(t);
        } else if (auto m = flag(arg, "modules"); !m.empty()) {
            options.generator.modules = std::stoi(m);
        } else if (auto c = flag(arg, "per-staff"); !c.empty()) {
            options.generator.completionsPerStaff = std::stoi(c);
        } else {
            rest.push_back(argv[i]);
        }
    }
    if (options.pointer.empty()) {
        std::fprintf(stderr, "server_bench: --pg-pointer=FILE is required (tests/pg/cluster.sh "
                             "start FILE)\n");
        return 1;
    }
    const auto pointer = readPointer(options.pointer);
    if (!pointer.count("PGHOST") || !pointer.count("PGPASSFILE")) {
        const char* required = std::getenv("PRACTICE_LEDGER_REQUIRE_PG");
        if (required == nullptr || std::string_view(required) != "1") {
            std::printf("server_bench: skipped, no PostgreSQL cluster in %s\n",
                        options.pointer.c_str());
            return 0;
        }
        std::fprintf(stderr, "server_bench: no cluster in %s\n", options.pointer.c_str());
        return 1;
    }
    const std::string host = pointer.at("PGHOST");
    const std::string passFile = pointer.at("PGPASSFILE");

    // The file ledger, generated once and cached.
    fs::create_directories(options.dataDir);
    const auto& g = options.generator;
    const fs::path file =
        options.dataDir /
        ("server-bench-s" + std::to_string(g.staff) + "-t" + std::to_string(g.teams) + "-m" +
         std::to_string(g.modules) + "-c" + std::to_string(g.completionsPerStaff) + ".ledger");
    if (!fs::exists(file)) {
        const ledger::LedgerData data = ledger::generateCouncil(g);
        (void)ledger::Ledger::create(file, kPassphrase, "bench", [&](ledger::Ledger& l) {
            l.imports().records(data, kToday, "bench");
        });
    } else {
        // A cache an older program wrote is upgraded once, as any ledger is on opening.
        (void)ledger::Ledger::open(file, kPassphrase, ledger::OpenMode::ReadWrite);
    }

    // Its copy on the server, in a database of this run's own.
    const std::string db = "bench_" + std::to_string(::getpid());
    const std::string super = "host='" + host + "' dbname=postgres user=plsuper";
    {
        ledger::pg::Connection c = ledger::pg::Connection::open(super);
        c.exec("CREATE DATABASE " + c.quoteIdentifier(db) + " OWNER pladmin");
    }
    const std::string uri =
        "postgresql:///" + db + "?host=" + host + "&user=pladmin&passfile=" + passFile;
    const ledger::Location server = ledger::Location::parse(uri);
    int status = 0;
    try {
        {
            ledger::pg::Connection admin = ledger::pg::Connection::open(uri);
            ledger::pg::initServer(admin);
        }
        const auto copyStart = Clock::now();
        ledger::Ledger::open(file, kPassphrase, ledger::OpenMode::ReadOnly).copyTo(server, "");
        {
            ledger::pg::Connection admin = ledger::pg::Connection::open(uri);
            admin.exec("SET ROLE " + admin.quoteIdentifier(db + "_owner"));
            admin.exec("ANALYZE");
        }
        std::printf("copied %s to the server in %.1f s\n", file.filename().c_str(),
                    std::chrono::duration<double>(Clock::now() - copyStart).count());

        benchmark::RegisterBenchmark(
            "coverage_team_e2e/file",
            [&](benchmark::State& state) {
                for (auto _ : state) {
                    benchmark::DoNotOptimize(reportRows(
                        ledger::Ledger::open(file, kPassphrase, ledger::OpenMode::ReadOnly)));
                }
            })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark(
            "coverage_team_e2e/server",
            [&](benchmark::State& state) {
                for (auto _ : state) {
                    benchmark::DoNotOptimize(
                        reportRows(ledger::Ledger::open(server, "", ledger::OpenMode::ReadOnly)));
                }
            })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();

        int count = static_cast<int>(rest.size());
        benchmark::Initialize(&count, rest.data());
        struct Collect : benchmark::ConsoleReporter {
            std::map<std::string, double> seconds;
            void ReportRuns(const std::vector<Run>& runs) override {
                ConsoleReporter::ReportRuns(runs);
                for (const Run& r : runs) {
                    seconds[r.benchmark_name()] = r.GetAdjustedRealTime();
                }
            }
        } reporter;
        benchmark::RunSpecifiedBenchmarks(&reporter);
        const double fileTime = reporter.seconds["coverage_team_e2e/file/real_time"];
        const double serverTime = reporter.seconds["coverage_team_e2e/server/real_time"];
        if (fileTime > 0 && serverTime > 0) {
            std::printf("coverage by team end to end, server / file: %.2fx (%.1f / %.1f ms; "
                        "target <= 2x)\n",
                        serverTime / fileTime, serverTime, fileTime);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "server_bench: %s\n", e.what());
        status = 1;
    }
    ledger::pg::Connection c = ledger::pg::Connection::open(super);
    c.exec("DROP DATABASE IF EXISTS " + c.quoteIdentifier(db) + " WITH (FORCE)");
    for (const char* suffix : {"_owner", "_workforce_lead", "_manager", "_staff"}) {
        c.exec("DROP ROLE IF EXISTS " + c.quoteIdentifier(db + suffix));
    }
    return status;
}
