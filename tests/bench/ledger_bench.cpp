// The product's paths at council and county scale, each against the least work the same
// question needs, measured in the same run (issue 7, item 7 and its Targets):
//
//   1. report coverage --by team end to end  vs  REFERENCE_READ (key derivation plus one
//      pass over the completion columns the engine needs, fresh raw connection)
//                                             and REFERENCE_SQL (toolchain.md section 4's
//      covering-index query, on a copy of the ledger with that index, fresh connection)
//   2. report coverage --by staff end to end  vs  REFERENCE_READ
//   3. one write through the app's path (completion, setting, theme), engine brought up to
//      date                                   vs  the bare prepared write in a transaction
//   4. importing the completions CSV into a ledger holding the staff and modules, and the
//      same file again                        vs  a prepared INSERT per row in one
//      transaction, plus one change-log row
//   5. growth from council to county (the fitted exponent), with --size=both
//   6. peak resident memory of each path (a forked child's ru_maxrss), the app's resident
//      memory after 1,000 writes against after 10, and the change log's share of the file
//
// Every call into product code goes through product_paths.h; the references use
// raw_sqlcipher.h only.
//
//   ledger_bench [--size=council|county|both|smoke] [--data-dir=DIR] [--growth-writes=N]
//                [--growth-seconds=S] [--memory=0|1] [--import-repetitions=N]
//                [benchmark flags]
//
// Generated ledgers and the CSV are cached in DIR (default $PRACTICE_LEDGER_BENCH_DIR, else
// ./bench-data); county needs a few minutes to generate once and about 5 GB of disk while
// it runs (scratch copies are removed at the end).

#include "product_paths.h"
#include "raw_sqlcipher.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using bench::raw::Connection;
using bench::raw::Statement;
using Clock = std::chrono::steady_clock;

constexpr ledger::Date kToday{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{31}};
constexpr std::string_view kPassphrase = "bench passphrase 2026 correct horse";

// ---------------------------------------------------------------------------------------
// Sizes, files, flags

struct SizeSpec {
    std::string name;
    int staff = 0;
    int teams = 0;
    int modules = 0;
    int perStaff = 0;
    int readRepetitions = 1;   ///< reports, references, writes
    int importRepetitions = 1; ///< the slow import benchmarks
};

const SizeSpec kSmoke{"smoke", 300, 6, 12, 20, 1, 1};
const SizeSpec kCouncil{"council", 5000, 50, 40, 100, 3, 3};
const SizeSpec kCounty{"county", 20000, 200, 60, 100, 3, 1};

struct Config {
    std::vector<SizeSpec> sizes;
    fs::path dataDir;
    int growthWrites = 1000;
    double growthSeconds = 0.0; ///< 0: no limit
    bool memory = true;
    int importRepetitions = 0; ///< 0: per size
};

struct Files {
    fs::path ledger;   ///< the generated ledger (never written after generation)
    fs::path base;     ///< the same staff, modules and rules, no completions
    fs::path csv;      ///< its completions in the import format
    fs::path covering; ///< a copy of `ledger` with the reference query's covering index
    fs::path imported; ///< `base` after importing `csv` through the product
    fs::path dir;
    std::string tag;

    [[nodiscard]] fs::path scratch(std::string_view what) const {
        return dir / (tag + "-scratch-" + std::string(what) + ".ledger");
    }
};

Files filesFor(const SizeSpec& s, const fs::path& dir) {
    Files f;
    f.dir = dir;
    f.tag = s.name + "-s" + std::to_string(s.staff) + "-t" + std::to_string(s.teams) + "-m" +
            std::to_string(s.modules) + "-c" + std::to_string(s.perStaff) + "-v" +
            std::to_string(bench::product::schemaVersion()); // a new schema: new ledgers
    f.ledger = dir / (f.tag + ".ledger");
    f.base = dir / (f.tag + "-base.ledger");
    f.csv = dir / (f.tag + "-completions.csv");
    f.covering = dir / (f.tag + "-covering.ledger");
    f.imported = dir / (f.tag + "-imported.ledger");
    return f;
}

std::optional<std::string> flagText(std::string_view arg, std::string_view name) {
    if (arg.size() <= name.size() + 3 || arg.substr(0, 2) != "--" ||
        arg.substr(2, name.size()) != name || arg[2 + name.size()] != '=') {
        return std::nullopt;
    }
    return std::string(arg.substr(3 + name.size()));
}

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "ledger_bench: %s\n", why.c_str());
    std::exit(2);
}

/// Takes our own flags out of argv, leaving the rest for benchmark::Initialize.
Config parseOwnFlags(int& argc, char** argv) {
    Config config;
    std::string size = "council";
    if (const char* dir = std::getenv("PRACTICE_LEDGER_BENCH_DIR"); dir && *dir) {
        config.dataDir = dir;
    } else {
        config.dataDir = "bench-data";
    }
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (auto v = flagText(arg, "size")) {
            size = *v;
        } else if (auto d = flagText(arg, "data-dir")) {
            config.dataDir = *d;
        } else if (auto w = flagText(arg, "growth-writes")) {
            config.growthWrites = std::max(11, std::atoi(w->c_str()));
        } else if (auto g = flagText(arg, "growth-seconds")) {
            config.growthSeconds = std::atof(g->c_str());
        } else if (auto m = flagText(arg, "memory")) {
            config.memory = *m != "0";
        } else if (auto r = flagText(arg, "import-repetitions")) {
            config.importRepetitions = std::max(1, std::atoi(r->c_str()));
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    if (size == "council") {
        config.sizes = {kCouncil};
    } else if (size == "county") {
        config.sizes = {kCounty};
    } else if (size == "both") {
        config.sizes = {kCouncil, kCounty};
    } else if (size == "smoke") {
        config.sizes = {kSmoke};
    } else {
        usage("--size is council, county, both or smoke (not " + size + ")");
    }
    if (config.importRepetitions > 0) {
        for (SizeSpec& s : config.sizes) {
            s.importRepetitions = config.importRepetitions;
        }
    }
    return config;
}

// ---------------------------------------------------------------------------------------
// Small helpers

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The ledger file and anything SQLite or the product left beside it under its name.
void removeLedger(const fs::path& path) {
    std::error_code ec;
    fs::remove(path, ec);
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix, ec);
    }
}

void copyFresh(const fs::path& from, const fs::path& to) {
    removeLedger(to);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

/// Copies `from` to `to` only when `to` is missing (scratch copies shared by benchmarks).
void ensureCopy(const fs::path& from, const fs::path& to) {
    if (!fs::exists(to)) {
        copyFresh(from, to);
    }
}

std::string isoDate(const ledger::Date& d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

/// A distinct completion date for write number `n`, long before any generated history.
ledger::Date writeDate(std::int64_t n) {
    const std::chrono::sys_days base{std::chrono::year{1950} / 1 / 1};
    return ledger::Date{base + std::chrono::days{n % 24000}};
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

long residentKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::atol(line.c_str() + 6);
        }
    }
    return -1;
}

std::atomic<std::int64_t> g_writeCounter{0};

// ---------------------------------------------------------------------------------------
// What the references and the writes need to know of a ledger (read raw, not measured)

struct Prepared {
    SizeSpec spec;
    Files files;
    std::int64_t staff = 0;
    std::int64_t completions = 0;
    std::vector<std::string> employeeIds;
    std::vector<std::int64_t> staffIds;
    std::vector<std::string> moduleCodes;
    std::vector<std::int64_t> moduleIds;
};

void loadNames(Prepared& p) {
    Connection db(p.files.ledger, kPassphrase, false);
    p.staff = db.scalar("SELECT count(*) FROM staff");
    p.completions = db.scalar("SELECT count(*) FROM completion");
    Statement staff(db, "SELECT id, employee_id FROM staff ORDER BY id");
    while (staff.step()) {
        p.staffIds.push_back(staff.integer(0));
        p.employeeIds.emplace_back(staff.text(1));
    }
    Statement modules(db, "SELECT id, code FROM module ORDER BY id");
    while (modules.step()) {
        p.moduleIds.push_back(modules.integer(0));
        p.moduleCodes.emplace_back(modules.text(1));
    }
    if (p.staffIds.empty() || p.moduleIds.empty()) {
        throw std::runtime_error("ledger_bench: " + p.files.ledger.string() +
                                 " has no staff or no modules");
    }
}

// ---------------------------------------------------------------------------------------
// The references (raw SQLCipher only)

/// REFERENCE_READ: key derivation plus one pass reading every column the compliance engine
/// needs from the completion table, on a fresh connection. Returns the rows read.
std::int64_t referenceReadTable(const fs::path& ledgerPath) {
    Connection db(ledgerPath, kPassphrase, false);
    Statement st(db,
                 "SELECT staff_id, module_id, completed_on, expires_on, voided FROM completion");
    std::int64_t rows = 0;
    std::int64_t touched = 0;
    while (st.step()) {
        touched += st.integer(0) + st.integer(1) + st.integer(4) +
                   static_cast<std::int64_t>(st.text(2).size() + st.text(3).size());
        ++rows;
    }
    benchmark::DoNotOptimize(touched);
    return rows;
}

/// The covering index of toolchain.md section 4 (staff_id, module_id, completed_on,
/// expires_on), made partial on `voided = 0` because voided completions never count.
constexpr const char* kCoveringIndexSql =
    "CREATE INDEX bench_completion_covering ON completion "
    "(staff_id, module_id, completed_on, expires_on) WHERE voided = 0";

/// toolchain.md section 4's query, adapted to the ledger: ISO TEXT dates, voided completions
/// excluded, nothing completed after the as-of date, and a NULL expires_on (no certificate
/// expiry stored) counted as not expired. It takes stored expiries only; the engine derives
/// renewal expiry from each module's rule, so the answers differ; the reference is the cost
/// of the best SQL shape of the question, as in toolchain.md.
constexpr const char* kCoverageSql = R"sql(
SELECT s.team_id, l.module_id, COUNT(*) FROM (
  SELECT staff_id, module_id, MAX(completed_on) AS last_on, expires_on
  FROM completion WHERE voided = 0 AND completed_on <= ?1
  GROUP BY staff_id, module_id) l
JOIN staff s ON s.id = l.staff_id
WHERE l.expires_on IS NULL OR l.expires_on >= ?1
GROUP BY s.team_id, l.module_id
)sql";

/// REFERENCE_SQL: the query above on a fresh connection to the covering-index copy.
/// Returns the number of (team, module) groups.
std::int64_t referenceCoverageSql(const fs::path& coveringPath) {
    Connection db(coveringPath, kPassphrase, false);
    Statement st(db, kCoverageSql);
    st.bind(1, isoDate(kToday));
    std::int64_t groups = 0;
    std::int64_t covered = 0;
    while (st.step()) {
        covered += st.integer(2);
        ++groups;
    }
    benchmark::DoNotOptimize(covered);
    return groups;
}

/// Splits one record of the CSV this bench wrote (RFC 4180 quoting, no line breaks inside
/// fields) into `fields`; returns how many there were.
std::size_t splitCsvLine(std::string_view line, std::array<std::string, 5>& fields) {
    std::size_t n = 0;
    std::size_t i = 0;
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    while (n < fields.size()) {
        std::string& f = fields[n++];
        f.clear();
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        f.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f.push_back(line[i++]);
            }
        } else {
            const std::size_t comma = line.find(',', i);
            const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
            f.assign(line.substr(i, end - i));
            i = end;
        }
        if (i >= line.size()) {
            break;
        }
        ++i; // the comma
    }
    return n;
}

/// The raw-insert reference of an import: the CSV read line by line, each row's person and
/// module looked up in maps read once, one prepared INSERT per row and one change-log row
/// for the import, all in one transaction on the same schema. Returns the rows inserted.
std::int64_t referenceRawInsert(const fs::path& ledgerPath, const fs::path& csvPath) {
    Connection db(ledgerPath, kPassphrase, true);
    std::unordered_map<std::string, std::int64_t> staff;
    std::unordered_map<std::string, std::int64_t> modules;
    {
        Statement st(db, "SELECT id, employee_id FROM staff");
        while (st.step()) {
            staff.emplace(std::string(st.text(1)), st.integer(0));
        }
        Statement sm(db, "SELECT id, code FROM module");
        while (sm.step()) {
            modules.emplace(std::string(sm.text(1)), sm.integer(0));
        }
    }
    std::ifstream in(csvPath, std::ios::binary);
    if (!in) {
        throw std::runtime_error("ledger_bench: cannot read " + csvPath.string());
    }
    std::string line;
    std::getline(in, line); // header
    std::array<std::string, 5> fields;
    std::int64_t rows = 0;
    db.exec("BEGIN IMMEDIATE;");
    try {
        Statement insert(db, "INSERT INTO completion (staff_id, module_id, completed_on, "
                             "expires_on, evidence) VALUES (?1, ?2, ?3, ?4, ?5)");
        while (std::getline(in, line)) {
            if (line.empty()) {
                continue;
            }
            if (splitCsvLine(line, fields) != 5) {
                throw std::runtime_error("ledger_bench: a short line in " + csvPath.string());
            }
            const auto s = staff.find(fields[0]);
            const auto m = modules.find(fields[1]);
            if (s == staff.end() || m == modules.end()) {
                throw std::runtime_error("ledger_bench: unknown person or module in " +
                                         csvPath.string());
            }
            insert.bind(1, s->second).bind(2, m->second).bind(3, std::string_view(fields[2]));
            if (fields[3].empty()) {
                insert.bindNull(4);
            } else {
                insert.bind(4, std::string_view(fields[3]));
            }
            insert.bind(5, std::string_view(fields[4])).run();
            ++rows;
        }
        Statement log(db, "INSERT INTO change_log (at, actor, entity, record_key, action, "
                          "old_values, new_values) VALUES (?1, 'ledger_bench', 'import', ?2, "
                          "'import', '', ?3)");
        log.bind(1, utcNow())
            .bind(2, csvPath.filename().string())
            .bind(3, "{\"kind\":\"completions\",\"added\":" + std::to_string(rows) + "}")
            .run();
        db.exec("COMMIT;");
    } catch (...) {
        try {
            db.exec("ROLLBACK;");
        } catch (...) {
        }
        throw;
    }
    return rows;
}

// ---------------------------------------------------------------------------------------
// Writes: through the app's path (product) and bare (raw)

enum class WriteKind { Completion, Setting, Theme };

const char* writeKindName(WriteKind kind) {
    switch (kind) {
    case WriteKind::Completion:
        return "completion";
    case WriteKind::Setting:
        return "setting";
    case WriteKind::Theme:
        return "theme";
    }
    return "?";
}

void appWrite(bench::product::AppLedger& app, const Prepared& p, WriteKind kind, std::int64_t n) {
    const auto un = static_cast<std::size_t>(n);
    switch (kind) {
    case WriteKind::Completion:
        bench::product::recordCompletionThroughApp(app, p.employeeIds[un % p.employeeIds.size()],
                                                   p.moduleCodes[un % p.moduleCodes.size()],
                                                   writeDate(n));
        break;
    case WriteKind::Setting:
        bench::product::saveSettingThroughApp(app, "organisation_name",
                                              "Bench Borough Council " + std::to_string(n));
        break;
    case WriteKind::Theme:
        bench::product::saveThemeThroughApp(
            app, "Bench theme " + std::to_string(n),
            {p.moduleCodes[0], p.moduleCodes[1 % p.moduleCodes.size()]},
            ledger::Date{std::chrono::sys_days{kToday} - std::chrono::days{10}});
        break;
    }
}

/// The bare writes: one open connection with its statements prepared.
class BareWriter {
public:
    explicit BareWriter(const fs::path& path)
        : m_db(path, kPassphrase, true),
          m_completion(m_db, "INSERT INTO completion (staff_id, module_id, completed_on, "
                             "expires_on, evidence) VALUES (?1, ?2, ?3, NULL, 'bench')"),
          m_setting(m_db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)"),
          m_theme(m_db, "INSERT INTO audit_theme (key, title, source, raised_on, priority, "
                        "status, description) VALUES ('BARE-' || ?3, ?1, 'complaint', ?2, "
                        "'medium', 'open', 'benchmark theme')"),
          m_themeModule(m_db, "INSERT INTO audit_theme_module (theme_id, module_id) "
                              "VALUES (?1, ?2)") {}

    void write(const Prepared& p, WriteKind kind, std::int64_t n) {
        const auto un = static_cast<std::size_t>(n);
        m_db.exec("BEGIN IMMEDIATE;");
        switch (kind) {
        case WriteKind::Completion:
            m_completion.bind(1, p.staffIds[un % p.staffIds.size()])
                .bind(2, p.moduleIds[un % p.moduleIds.size()])
                .bind(3, isoDate(writeDate(n)))
                .run();
            break;
        case WriteKind::Setting:
            m_setting.bind(1, std::string_view("organisation_name"))
                .bind(2, "Bench Borough Council " + std::to_string(n))
                .run();
            break;
        case WriteKind::Theme: {
            m_theme.bind(1, "Bench theme " + std::to_string(n))
                .bind(2,
                      isoDate(ledger::Date{std::chrono::sys_days{kToday} - std::chrono::days{10}}))
                .bind(3, n)
                .run();
            const std::int64_t theme = m_db.scalar("SELECT last_insert_rowid()");
            m_themeModule.bind(1, theme).bind(2, p.moduleIds[0]).run();
            if (p.moduleIds.size() > 1) {
                m_themeModule.bind(1, theme).bind(2, p.moduleIds[1]).run();
            }
            break;
        }
        }
        m_db.exec("COMMIT;");
    }

private:
    Connection m_db;
    Statement m_completion;
    Statement m_setting;
    Statement m_theme;
    Statement m_themeModule;
};

// ---------------------------------------------------------------------------------------
// Preparing a size: generated ledgers, the covering-index copy, the names

void ensureCovering(const Files& f) {
    if (fs::exists(f.covering)) {
        return;
    }
    const auto start = Clock::now();
    const fs::path part = f.covering.string() + ".part";
    copyFresh(f.ledger, part);
    {
        Connection db(part, kPassphrase, true);
        db.exec(kCoveringIndexSql);
    }
    fs::rename(part, f.covering);
    std::printf("ledger_bench: made %s with the covering index in %.1f s\n",
                f.covering.filename().c_str(), secondsSince(start));
}

void printQueryPlan(const Files& f) {
    Connection db(f.covering, kPassphrase, false);
    Statement st(db, (std::string("EXPLAIN QUERY PLAN ") + kCoverageSql).c_str());
    st.bind(1, isoDate(kToday));
    std::printf("REFERENCE_SQL plan:");
    while (st.step()) {
        std::printf(" [%.*s]", static_cast<int>(st.text(3).size()), st.text(3).data());
    }
    std::printf("\n");
}

Prepared prepare(const SizeSpec& spec, const fs::path& dir) {
    Prepared p;
    p.spec = spec;
    p.files = filesFor(spec, dir);
    const Files& f = p.files;
    if (!fs::exists(f.ledger) || !fs::exists(f.base) || !fs::exists(f.csv)) {
        std::printf("ledger_bench: generating the %s ledgers in %s (once; they are cached)...\n",
                    spec.name.c_str(), dir.c_str());
        std::fflush(stdout);
        const auto start = Clock::now();
        const auto made =
            bench::product::generateLedgers(f.ledger, f.base, f.csv, kPassphrase, spec.staff,
                                            spec.teams, spec.modules, spec.perStaff, kToday);
        std::printf(
            "ledger_bench: generated %lld staff, %lld modules, %lld completions in %.1f s\n",
            static_cast<long long>(made.staff), static_cast<long long>(made.modules),
            static_cast<long long>(made.completions), secondsSince(start));
    }
    ensureCovering(f);
    loadNames(p);
    printQueryPlan(f);
    std::printf("%s: %lld staff, %zu modules, %lld completions; ledger %.1f MB, CSV %.1f MB\n",
                spec.name.c_str(), static_cast<long long>(p.staff), p.moduleIds.size(),
                static_cast<long long>(p.completions),
                static_cast<double>(fs::file_size(f.ledger)) / 1e6,
                static_cast<double>(fs::file_size(f.csv)) / 1e6);
    std::fflush(stdout);
    return p;
}

/// The base ledger after the product's import of the CSV (for the re-import and the
/// change log's share); made here if the import benchmark has not left one.
void ensureImported(const Prepared& p) {
    if (fs::exists(p.files.imported)) {
        return;
    }
    const fs::path part = p.files.scratch("imported-part");
    copyFresh(p.files.base, part);
    (void)bench::product::importCompletionsCsv(part, kPassphrase, p.files.csv, kToday);
    fs::rename(part, p.files.imported);
    removeLedger(part);
}

// ---------------------------------------------------------------------------------------
// The measured operations, once each, for the forked memory measurements

/// What a measured operation may report besides its peak memory.
using Extras = std::vector<std::pair<std::string, std::string>>;

std::string growthLine(int writes, long rss10, long rssN, double seconds) {
    std::ostringstream out;
    out << writes << ' ' << rss10 << ' ' << rssN << ' ' << seconds;
    return out.str();
}

/// Runs operation `op` once on size `p`; used in a child process.
Extras runOperation(const Config& config, const Prepared& p, const std::string& op) {
    const Files& f = p.files;
    Extras extras;
    const auto writeOp = [&](bool app, WriteKind kind) {
        const fs::path scratch = f.scratch(app ? "write-app" : "write-bare");
        ensureCopy(f.ledger, scratch);
        if (app) {
            auto opened = bench::product::openForApp(scratch, kPassphrase, kToday);
            appWrite(*opened, p, kind, 30000 + static_cast<std::int64_t>(kind));
        } else {
            BareWriter writer(scratch);
            writer.write(p, kind, 30000 + static_cast<std::int64_t>(kind));
        }
    };
    if (op == "baseline") {
    } else if (op == "coverage_team_e2e") {
        benchmark::DoNotOptimize(
            bench::product::reportCoverageByTeam(f.ledger, kPassphrase, kToday));
    } else if (op == "coverage_staff_e2e") {
        benchmark::DoNotOptimize(bench::product::reportByStaff(f.ledger, kPassphrase, kToday));
    } else if (op == "ref_read_table") {
        benchmark::DoNotOptimize(referenceReadTable(f.ledger));
    } else if (op == "ref_sql_covering") {
        benchmark::DoNotOptimize(referenceCoverageSql(f.covering));
    } else if (op == "app_open_first_page") {
        auto app = bench::product::openForApp(f.ledger, kPassphrase, kToday);
        benchmark::DoNotOptimize(bench::product::firstCoveragePage(*app, kToday));
    } else if (op.starts_with("write_") && (op.ends_with("_app") || op.ends_with("_bare"))) {
        const bool app = op.ends_with("_app");
        const WriteKind kind = op.find("completion") != std::string::npos ? WriteKind::Completion
                               : op.find("setting") != std::string::npos  ? WriteKind::Setting
                                                                          : WriteKind::Theme;
        writeOp(app, kind);
    } else if (op == "import_csv" || op == "import_raw_insert" || op == "reimport_same_csv") {
        const fs::path scratch = f.scratch("memory-import");
        copyFresh(op == "reimport_same_csv" ? f.imported : f.base, scratch);
        if (op == "import_raw_insert") {
            benchmark::DoNotOptimize(referenceRawInsert(scratch, f.csv));
        } else {
            benchmark::DoNotOptimize(
                bench::product::importCompletionsCsv(scratch, kPassphrase, f.csv, kToday));
        }
        removeLedger(scratch);
    } else if (op == "growth") {
        // The app's resident memory after N writes through its path against after 10.
        const fs::path scratch = f.scratch("write-app");
        ensureCopy(f.ledger, scratch);
        auto app = bench::product::openForApp(scratch, kPassphrase, kToday);
        const long rssOpen = residentKb();
        long rss10 = 0;
        int done = 0;
        const auto start = Clock::now();
        for (int i = 0; i < config.growthWrites; ++i) {
            appWrite(*app, p, static_cast<WriteKind>(i % 3), 40000 + i);
            done = i + 1;
            if (done == 10) {
                rss10 = residentKb();
            }
            if (config.growthSeconds > 0 && done >= 11 &&
                secondsSince(start) > config.growthSeconds) {
                break;
            }
        }
        extras.emplace_back("growth", growthLine(done, rss10, residentKb(), secondsSince(start)));
        extras.emplace_back("growth_open_kb", std::to_string(rssOpen));
    } else if (op == "changelog_share") {
        // Two measures on a copy of the imported ledger: the change log's bytes of text, and
        // the file's shrinkage when the log is deleted and the file vacuumed.
        const fs::path scratch = f.scratch("share");
        copyFresh(f.imported, scratch);
        const auto fileBytes = static_cast<std::int64_t>(fs::file_size(scratch));
        std::int64_t rows = 0;
        std::int64_t textBytes = 0;
        std::int64_t freeBytes = 0;
        {
            Connection db(scratch, kPassphrase, true);
            Statement st(db, "SELECT count(*), total(length(CAST(at AS BLOB)) + "
                             "length(CAST(actor AS BLOB)) + length(CAST(entity AS BLOB)) + "
                             "length(CAST(record_key AS BLOB)) + length(CAST(action AS BLOB)) + "
                             "length(CAST(old_values AS BLOB)) + length(CAST(new_values AS BLOB))) "
                             "FROM change_log");
            if (st.step()) {
                rows = st.integer(0);
                textBytes = st.integer(1);
            }
            st.reset();
            freeBytes = db.scalar("PRAGMA freelist_count") * db.scalar("PRAGMA page_size");
            // The log is its rows and the records' links to them (schema 4): both go.
            db.exec("PRAGMA foreign_keys = OFF;");
            db.exec("BEGIN;");
            for (const char* table :
                 {"staff", "module", "requirement", "completion", "audit_theme"}) {
                db.exec((std::string("UPDATE ") + table +
                         " SET created_change = NULL, changed_change = NULL;")
                            .c_str());
            }
            db.exec("DELETE FROM change_log;");
            db.exec("COMMIT;");
            db.exec("VACUUM;");
        }
        const auto withoutLog = static_cast<std::int64_t>(fs::file_size(scratch));
        removeLedger(scratch);
        std::ostringstream out;
        out << rows << ' ' << textBytes << ' ' << fileBytes << ' ' << freeBytes << ' '
            << withoutLog;
        extras.emplace_back("share", out.str());
    } else {
        throw std::runtime_error("unknown operation " + op);
    }
    return extras;
}

// ---------------------------------------------------------------------------------------
// The memory probe: a small process forked before anything large is loaded, which forks one
// child per measured operation and reports that child's ru_maxrss from wait4. (A child
// forked from the benchmark process itself would start with the parent's high-water mark.)

struct Measured {
    bool ok = false;
    double peakMb = 0.0;
    double seconds = 0.0;
    std::string error;
    std::map<std::string, std::string> extras;
};

class MemoryProbe {
public:
    /// Forks the probe; `run(sizeName, op)` runs in its children.
    void start(std::function<Extras(const std::string&, const std::string&)> run) {
        int commands[2];
        int results[2];
        if (::pipe(commands) != 0 || ::pipe(results) != 0) {
            throw std::runtime_error("ledger_bench: pipe failed");
        }
        std::fflush(stdout);
        std::fflush(stderr);
        const pid_t pid = ::fork();
        if (pid < 0) {
            throw std::runtime_error("ledger_bench: fork failed");
        }
        if (pid == 0) {
            ::close(commands[1]);
            ::close(results[0]);
            serve(commands[0], results[1], run);
            ::_exit(0);
        }
        ::close(commands[0]);
        ::close(results[1]);
        m_pid = pid;
        m_commands = commands[1];
        m_results = ::fdopen(results[0], "r");
    }

    Measured measure(const std::string& sizeName, const std::string& op) {
        Measured m;
        const std::string line = sizeName + " " + op + "\n";
        if (m_pid <= 0 ||
            ::write(m_commands, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
            m.error = "the memory probe is not running";
            return m;
        }
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, m_results)) {
            std::string text(buffer);
            if (!text.empty() && text.back() == '\n') {
                text.pop_back();
            }
            const std::size_t space = text.find(' ');
            const std::string key = text.substr(0, space);
            const std::string value = space == std::string::npos ? "" : text.substr(space + 1);
            if (key == "done") {
                long maxrssKb = 0;
                int status = 0;
                double seconds = 0;
                std::sscanf(value.c_str(), "%ld %d %lf", &maxrssKb, &status, &seconds);
                m.peakMb = static_cast<double>(maxrssKb) / 1024.0;
                m.seconds = seconds;
                m.ok = status == 0 && m.error.empty();
                if (status != 0 && m.error.empty()) {
                    m.error = "the child exited with status " + std::to_string(status);
                }
                return m;
            }
            if (key == "error") {
                m.error = value;
            } else {
                m.extras[key] = value;
            }
        }
        m.error = "the memory probe stopped";
        return m;
    }

    void stop() {
        if (m_pid > 0) {
            ::close(m_commands);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            std::fclose(m_results);
            m_pid = -1;
        }
    }

private:
    static void sendLine(int fd, const std::string& line) {
        const std::string text = line + "\n";
        [[maybe_unused]] const ssize_t n = ::write(fd, text.data(), text.size());
    }

    static void serve(int commands, int results,
                      const std::function<Extras(const std::string&, const std::string&)>& run) {
        FILE* in = ::fdopen(commands, "r");
        char buffer[512];
        while (in && std::fgets(buffer, sizeof buffer, in)) {
            std::string line(buffer);
            if (!line.empty() && line.back() == '\n') {
                line.pop_back();
            }
            const std::size_t space = line.find(' ');
            const std::string sizeName = line.substr(0, space);
            const std::string op = space == std::string::npos ? "" : line.substr(space + 1);
            const auto start = Clock::now();
            const pid_t child = ::fork();
            if (child == 0) {
                int code = 0;
                try {
                    for (const auto& [key, value] : run(sizeName, op)) {
                        sendLine(results, key + " " + value);
                    }
                } catch (const std::exception& e) {
                    sendLine(results, std::string("error ") + e.what());
                    code = 1;
                }
                ::_exit(code);
            }
            int status = 0;
            struct rusage usage {};
            long maxrss = -1;
            int code = 1;
            if (child > 0 && ::wait4(child, &status, 0, &usage) == child) {
                maxrss = usage.ru_maxrss; // kilobytes on Linux
                code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            char done[128];
            std::snprintf(done, sizeof done, "done %ld %d %.3f", maxrss, code, secondsSince(start));
            sendLine(results, done);
        }
    }

    pid_t m_pid = -1;
    int m_commands = -1;
    FILE* m_results = nullptr;
};

// ---------------------------------------------------------------------------------------
// Reporting

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
                m_errors.push_back(run.run_name.function_name + ": " + run.error_message);
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
                m_cpuMilliseconds[name] = run.GetAdjustedCPUTime() /
                                          benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e3;
                m_hasMedian[name] = median;
            }
        }
    }

    /// The benchmark thread's CPU time (the machine is shared: real time includes waiting).
    [[nodiscard]] std::optional<double> cpuMilliseconds(const std::string& name) const {
        const auto it = m_cpuMilliseconds.find(name);
        if (it == m_cpuMilliseconds.end()) {
            return std::nullopt;
        }
        return it->second;
    }

    [[nodiscard]] std::optional<double> milliseconds(const std::string& name) const {
        const auto it = m_milliseconds.find(name);
        if (it == m_milliseconds.end()) {
            return std::nullopt;
        }
        return it->second;
    }
    [[nodiscard]] const std::vector<std::string>& errors() const { return m_errors; }

private:
    std::map<std::string, double> m_milliseconds;
    std::map<std::string, double> m_cpuMilliseconds;
    std::map<std::string, bool> m_hasMedian;
    std::vector<std::string> m_errors;
};

// ---------------------------------------------------------------------------------------
// Registration

/// The app ledger and the bare connection shared by one size's write benchmarks, so that a
/// county ledger is copied and loaded once, not once per run; let go when any other
/// benchmark starts.
struct WriteState {
    const Prepared* forSize = nullptr;
    bench::product::AppLedgerPtr app;
    std::unique_ptr<BareWriter> bare;
};
WriteState g_writes;

void releaseWriters() {
    if (g_writes.app) {
        bench::product::closeApp(std::move(g_writes.app));
    }
    g_writes.bare.reset();
    g_writes.forSize = nullptr;
}

void registerSize(const Prepared& p) {
    const std::string s = p.spec.name + "/";
    const int reps = p.spec.readRepetitions;
    const int importReps = p.spec.importRepetitions;
    const auto expect = [](benchmark::State& state, bool ok, const char* what) {
        if (!ok) {
            state.SkipWithError(what);
        }
    };

    benchmark::RegisterBenchmark((s + "coverage_team_e2e").c_str(),
                                 [&p, expect](benchmark::State& state) {
                                     releaseWriters();
                                     std::size_t rows = 0;
                                     for (auto _ : state) {
                                         const auto report = bench::product::reportCoverageByTeam(
                                             p.files.ledger, kPassphrase, kToday);
                                         rows = report.size();
                                     }
                                     expect(state, rows > 0, "the coverage report had no rows");
                                     state.counters["rows"] = static_cast<double>(rows);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(reps);

    benchmark::RegisterBenchmark((s + "ref_read_table").c_str(),
                                 [&p, expect](benchmark::State& state) {
                                     releaseWriters();
                                     std::int64_t rows = 0;
                                     for (auto _ : state) {
                                         rows = referenceReadTable(p.files.ledger);
                                     }
                                     expect(state, rows == p.completions,
                                            "REFERENCE_READ read a different number of rows");
                                     state.counters["rows"] = static_cast<double>(rows);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(reps);

    benchmark::RegisterBenchmark((s + "ref_sql_covering").c_str(),
                                 [&p, expect](benchmark::State& state) {
                                     releaseWriters();
                                     std::int64_t groups = 0;
                                     for (auto _ : state) {
                                         groups = referenceCoverageSql(p.files.covering);
                                     }
                                     expect(state, groups > 0, "REFERENCE_SQL returned no groups");
                                     state.counters["groups"] = static_cast<double>(groups);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(reps);

    benchmark::RegisterBenchmark((s + "coverage_staff_e2e").c_str(),
                                 [&p, expect](benchmark::State& state) {
                                     releaseWriters();
                                     std::size_t rows = 0;
                                     for (auto _ : state) {
                                         const auto report = bench::product::reportByStaff(
                                             p.files.ledger, kPassphrase, kToday);
                                         rows = report.size();
                                     }
                                     expect(state, rows > 0, "the by-staff report had no rows");
                                     state.counters["rows"] = static_cast<double>(rows);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(reps);

    // Opening in the app up to the first coverage page's figures (today all of it on the
    // interface thread); closing is not timed.
    benchmark::RegisterBenchmark(
        (s + "app_open_first_page").c_str(),
        [&p](benchmark::State& state) {
            releaseWriters();
            for (auto _ : state) {
                const auto start = Clock::now();
                auto app = bench::product::openForApp(p.files.ledger, kPassphrase, kToday);
                benchmark::DoNotOptimize(bench::product::firstCoveragePage(*app, kToday));
                state.SetIterationTime(secondsSince(start));
                bench::product::closeApp(std::move(app));
            }
        })
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime()
        ->Repetitions(reps);

    for (const WriteKind kind : {WriteKind::Completion, WriteKind::Setting, WriteKind::Theme}) {
        const std::string k = writeKindName(kind);
        benchmark::RegisterBenchmark((s + "write_" + k + "_app").c_str(),
                                     [&p, kind](benchmark::State& state) {
                                         if (g_writes.forSize != &p || !g_writes.app) {
                                             releaseWriters();
                                             const fs::path scratch = p.files.scratch("write-app");
                                             ensureCopy(p.files.ledger, scratch);
                                             g_writes.app = bench::product::openForApp(
                                                 scratch, kPassphrase, kToday);
                                             g_writes.forSize = &p;
                                         }
                                         for (auto _ : state) {
                                             appWrite(*g_writes.app, p, kind, g_writeCounter++);
                                         }
                                     })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Repetitions(reps);
        benchmark::RegisterBenchmark((s + "write_" + k + "_bare").c_str(),
                                     [&p, kind](benchmark::State& state) {
                                         if (g_writes.forSize != &p || !g_writes.bare) {
                                             if (g_writes.app) {
                                                 bench::product::closeApp(std::move(g_writes.app));
                                             }
                                             const fs::path scratch = p.files.scratch("write-bare");
                                             ensureCopy(p.files.ledger, scratch);
                                             g_writes.bare = std::make_unique<BareWriter>(scratch);
                                             g_writes.forSize = &p;
                                         }
                                         for (auto _ : state) {
                                             g_writes.bare->write(p, kind, g_writeCounter++);
                                         }
                                     })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Repetitions(reps);
    }

    benchmark::RegisterBenchmark(
        (s + "import_csv").c_str(),
        [&p, expect](benchmark::State& state) {
            releaseWriters();
            const fs::path scratch = p.files.scratch("import");
            copyFresh(p.files.base, scratch);
            bench::product::ImportCounts counts;
            for (auto _ : state) {
                counts =
                    bench::product::importCompletionsCsv(scratch, kPassphrase, p.files.csv, kToday);
            }
            expect(state, counts.added == p.completions,
                   "the import added a different number of rows");
            state.counters["added"] = static_cast<double>(counts.added);
            if (!fs::exists(p.files.imported) && counts.added == p.completions) {
                fs::rename(scratch, p.files.imported);
            }
            removeLedger(scratch);
        })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->Repetitions(importReps);

    benchmark::RegisterBenchmark((s + "import_raw_insert").c_str(),
                                 [&p, expect](benchmark::State& state) {
                                     releaseWriters();
                                     const fs::path scratch = p.files.scratch("raw-import");
                                     copyFresh(p.files.base, scratch);
                                     std::int64_t rows = 0;
                                     for (auto _ : state) {
                                         rows = referenceRawInsert(scratch, p.files.csv);
                                     }
                                     expect(state, rows == p.completions,
                                            "the raw insert wrote a different number of rows");
                                     state.counters["rows"] = static_cast<double>(rows);
                                     removeLedger(scratch);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->Repetitions(importReps);

    benchmark::RegisterBenchmark((s + "reimport_same_csv").c_str(),
                                 [&p, expect](benchmark::State& state) {
                                     releaseWriters();
                                     ensureImported(p);
                                     const fs::path scratch = p.files.scratch("reimport");
                                     copyFresh(p.files.imported, scratch);
                                     bench::product::ImportCounts counts;
                                     for (auto _ : state) {
                                         counts = bench::product::importCompletionsCsv(
                                             scratch, kPassphrase, p.files.csv, kToday);
                                     }
                                     expect(state, counts.added == 0 && counts.updated == 0,
                                            "the same file again changed something");
                                     state.counters["unchanged"] =
                                         static_cast<double>(counts.unchanged);
                                     removeLedger(scratch);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->Repetitions(importReps);
}

// ---------------------------------------------------------------------------------------
// The summary

struct Summary {
    const CapturingReporter& reporter;
    std::map<std::string, Measured> memory; ///< by benchmark name (size/op)

    [[nodiscard]] std::optional<double> ms(const std::string& name) const {
        return reporter.milliseconds(name);
    }
    [[nodiscard]] std::optional<double> peak(const std::string& name) const {
        const auto it = memory.find(name);
        if (it == memory.end() || !it->second.ok) {
            return std::nullopt;
        }
        return it->second.peakMb;
    }
};

const char* verdict(bool met) {
    return met ? "MET" : "NOT MET";
}

void ratioLine(const Summary& sum, const std::string& size, const std::string& label,
               const std::string& a, const std::string& b, double target, const char* targetText) {
    const auto ta = sum.ms(size + "/" + a);
    const auto tb = sum.ms(size + "/" + b);
    if (!ta || !tb || *tb <= 0) {
        std::printf("  %-44s (not run)\n", label.c_str());
        return;
    }
    const double ratio = *ta / *tb;
    const auto ca = sum.reporter.cpuMilliseconds(size + "/" + a);
    const auto cb = sum.reporter.cpuMilliseconds(size + "/" + b);
    char cpu[64] = "";
    if (ca && cb && *cb > 0) {
        std::snprintf(cpu, sizeof cpu, "; cpu %.2fx", *ca / *cb);
    }
    std::printf("  %-44s %6.2fx  (%.1f / %.1f ms%s; target %s) %s\n", label.c_str(), ratio, *ta,
                *tb, cpu, targetText, target > 0 ? verdict(ratio <= target) : "");
}

void absoluteLine(const Summary& sum, const std::string& size, const std::string& label,
                  const std::string& name, double targetMs, const char* targetText) {
    const auto t = sum.ms(size + "/" + name);
    if (!t) {
        std::printf("  %-44s (not run)\n", label.c_str());
        return;
    }
    std::printf("  %-44s %8.1f ms  (target %s) %s\n", label.c_str(), *t, targetText,
                targetMs > 0 ? verdict(*t <= targetMs) : "");
}

void memoryLine(const Summary& sum, const std::string& size, const std::string& label,
                const std::string& name, double targetMb, const char* targetText) {
    const auto it = sum.memory.find(size + "/" + name);
    if (it == sum.memory.end()) {
        std::printf("  %-44s (not measured)\n", label.c_str());
        return;
    }
    if (!it->second.ok) {
        std::printf("  %-44s failed: %s\n", label.c_str(), it->second.error.c_str());
        return;
    }
    std::printf("  %-44s %8.1f MB  (target %s) %s\n", label.c_str(), it->second.peakMb, targetText,
                targetMb > 0 ? verdict(it->second.peakMb <= targetMb) : "");
}

} // namespace

int main(int argc, char** argv) {
    const Config config = parseOwnFlags(argc, argv);
    std::error_code ec;
    fs::create_directories(config.dataDir, ec);
    const fs::path dataDir = fs::absolute(config.dataDir);

    // The memory probe is forked now, while this process is small (see MemoryProbe).
    MemoryProbe probe;
    if (config.memory) {
        probe.start(
            [&config, dataDir](const std::string& sizeName, const std::string& op) -> Extras {
                for (const SizeSpec& spec : config.sizes) {
                    if (spec.name == sizeName) {
                        Prepared p;
                        p.spec = spec;
                        p.files = filesFor(spec, dataDir);
                        if (op.starts_with("write_") || op == "growth") {
                            loadNames(p);
                        }
                        return runOperation(config, p, op);
                    }
                }
                throw std::runtime_error("unknown size " + sizeName);
            });
    }

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }

    std::vector<std::unique_ptr<Prepared>> sizes;
    try {
        for (const SizeSpec& spec : config.sizes) {
            sizes.push_back(std::make_unique<Prepared>(prepare(spec, dataDir)));
            registerSize(*sizes.back());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ledger_bench: %s\n", e.what());
        probe.stop();
        return 1;
    }

    CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    releaseWriters();

    Summary summary{reporter, {}};
    // Peak memory of each path that ran, each in a fresh child of the probe.
    const std::vector<std::string> measuredOps = {
        "coverage_team_e2e",     "ref_read_table",      "ref_sql_covering",
        "coverage_staff_e2e",    "app_open_first_page", "write_completion_app",
        "write_completion_bare", "write_setting_app",   "write_setting_bare",
        "write_theme_app",       "write_theme_bare",    "import_csv",
        "import_raw_insert",     "reimport_same_csv"};
    std::map<std::string, std::string> growth;
    std::map<std::string, std::string> share;
    if (config.memory) {
        std::printf("\nPeak resident memory (ru_maxrss of a child forked per path from a small "
                    "probe process; one run each):\n");
        for (const auto& p : sizes) {
            const std::string& size = p->spec.name;
            const Measured base = probe.measure(size, "baseline");
            std::printf("  %s/%-36s %8.1f MB\n", size.c_str(), "baseline (the probe itself)",
                        base.peakMb);
            for (const std::string& op : measuredOps) {
                if (!reporter.milliseconds(size + "/" + op)) {
                    continue; // filtered out
                }
                const Measured m = probe.measure(size, op);
                summary.memory[size + "/" + op] = m;
                if (m.ok) {
                    std::printf("  %s/%-36s %8.1f MB  (%.1f s)\n", size.c_str(), op.c_str(),
                                m.peakMb, m.seconds);
                } else {
                    std::printf("  %s/%-36s failed: %s\n", size.c_str(), op.c_str(),
                                m.error.c_str());
                }
                std::fflush(stdout);
            }
            if (reporter.milliseconds(size + "/write_completion_app")) {
                Measured g = probe.measure(size, "growth");
                if (g.ok) {
                    growth[size] = g.extras["growth"];
                    growth[size + "/open"] = g.extras["growth_open_kb"];
                } else {
                    std::printf("  %s/growth failed: %s\n", size.c_str(), g.error.c_str());
                }
            }
            if (reporter.milliseconds(size + "/import_csv") && fs::exists(p->files.imported)) {
                Measured s = probe.measure(size, "changelog_share");
                if (s.ok) {
                    share[size] = s.extras["share"];
                } else {
                    std::printf("  %s/changelog_share failed: %s\n", size.c_str(), s.error.c_str());
                }
            }
        }
    }
    probe.stop();

    // The summary, one line per target (targets are the issue's, at county size).
    std::printf(
        "\n==== ledger_bench summary (medians of real time; cpu: the benchmark thread's CPU "
        "time; targets from issue 7, set at county size) ====\n");
    for (const auto& p : sizes) {
        const std::string& size = p->spec.name;
        std::printf("%s: %lld staff, %zu modules, %lld completions\n", size.c_str(),
                    static_cast<long long>(p->staff), p->moduleIds.size(),
                    static_cast<long long>(p->completions));
        ratioLine(summary, size, "coverage e2e / read-table", "coverage_team_e2e", "ref_read_table",
                  2.0, "<= 2x");
        ratioLine(summary, size, "coverage e2e / covering-index SQL", "coverage_team_e2e",
                  "ref_sql_covering", 1.0, "<= 1x");
        memoryLine(summary, size, "coverage e2e peak memory", "coverage_team_e2e", 150.0,
                   "< 150 MB");
        ratioLine(summary, size, "by-staff e2e / read-table", "coverage_staff_e2e",
                  "ref_read_table", 0.0, "none stated; same reference");
        memoryLine(summary, size, "by-staff e2e peak memory", "coverage_staff_e2e", 0.0,
                   "none stated");
        for (const char* k : {"completion", "setting", "theme"}) {
            const std::string app = std::string("write_") + k + "_app";
            const std::string bare = std::string("write_") + k + "_bare";
            absoluteLine(summary, size, std::string("write ") + k + " via app path (engine incl.)",
                         app, 50.0, "< 50 ms");
            ratioLine(summary, size, std::string("write ") + k + " app path / bare write", app,
                      bare, 0.0, "none stated");
        }
        memoryLine(summary, size, "write (completion) via app path peak memory",
                   "write_completion_app", 0.0, "none stated");
        if (const auto it = growth.find(size); it != growth.end()) {
            int writes = 0;
            long rss10 = 0;
            long rssN = 0;
            double seconds = 0;
            std::sscanf(it->second.c_str(), "%d %ld %ld %lf", &writes, &rss10, &rssN, &seconds);
            const double grew = static_cast<double>(rssN - rss10) / 1024.0;
            const long rssOpen = std::atol(growth[size + "/open"].c_str());
            std::printf("  %-44s %+8.1f MB  (VmRSS %.1f MB open, %.1f MB after 10 writes, %.1f MB "
                        "after %d; %.0f ms a write; target no growth) %s\n",
                        ("app RSS growth, 10 -> " + std::to_string(writes) + " writes").c_str(),
                        grew, static_cast<double>(rssOpen) / 1024.0,
                        static_cast<double>(rss10) / 1024.0, static_cast<double>(rssN) / 1024.0,
                        writes, writes > 0 ? seconds * 1e3 / writes : 0.0,
                        writes < config.growthWrites ? "INCOMPLETE" : verdict(grew <= 1.0));
            if (writes < config.growthWrites) {
                std::printf("  %-44s stopped at %d of %d writes by --growth-seconds\n", "", writes,
                            config.growthWrites);
            }
        }
        absoluteLine(summary, size, "open to first coverage page (all UI thread)",
                     "app_open_first_page", 1500.0, "< 1.5 s of interface time");
        ratioLine(summary, size, "import CSV / raw insert", "import_csv", "import_raw_insert", 2.0,
                  "<= 2x");
        memoryLine(summary, size, "import CSV peak memory", "import_csv", 250.0, "< 250 MB");
        memoryLine(summary, size, "raw insert peak memory (reference)", "import_raw_insert", 0.0,
                   "reference");
        ratioLine(summary, size, "same file again / raw insert", "reimport_same_csv",
                  "import_raw_insert", 1.0, "<= 1x");
        memoryLine(summary, size, "same file again peak memory", "reimport_same_csv", 0.0,
                   "none stated");
        if (const auto it = share.find(size); it != share.end()) {
            long long rows = 0;
            long long textBytes = 0;
            long long fileBytes = 0;
            long long freeBytes = 0;
            long long withoutLog = 0;
            std::sscanf(it->second.c_str(), "%lld %lld %lld %lld %lld", &rows, &textBytes,
                        &fileBytes, &freeBytes, &withoutLog);
            const double used = static_cast<double>(fileBytes - freeBytes);
            const double byVacuum = (used - static_cast<double>(withoutLog)) / used;
            const double byText = static_cast<double>(textBytes) / used;
            std::printf("  %-44s %6.1f %%  (file %.1f MB, %.1f MB without the log and the records' "
                        "links to it, after VACUUM; %lld rows; their text alone is %.1f %%; target "
                        "< 15 %%) %s\n",
                        "change log share of the file after import", byVacuum * 100.0, used / 1e6,
                        static_cast<double>(withoutLog) / 1e6, rows, byText * 100.0,
                        verdict(byVacuum < 0.15));
        }
    }
    if (sizes.size() == 2) {
        const std::string a = sizes[0]->spec.name;
        const std::string b = sizes[1]->spec.name;
        const double nRatio =
            static_cast<double>(sizes[1]->completions) / static_cast<double>(sizes[0]->completions);
        std::printf("growth %s -> %s (completions x%.2f): exponent log(t2/t1)/log(n2/n1)\n",
                    a.c_str(), b.c_str(), nRatio);
        for (const char* name :
             {"coverage_team_e2e", "import_csv", "coverage_staff_e2e", "ref_read_table",
              "ref_sql_covering", "app_open_first_page", "write_completion_app",
              "import_raw_insert", "reimport_same_csv"}) {
            const auto t1 = summary.ms(a + "/" + name);
            const auto t2 = summary.ms(b + "/" + name);
            if (!t1 || !t2 || *t1 <= 0) {
                continue;
            }
            const double exponent = std::log(*t2 / *t1) / std::log(nRatio);
            const auto c1 = summary.reporter.cpuMilliseconds(a + "/" + name);
            const auto c2 = summary.reporter.cpuMilliseconds(b + "/" + name);
            const double cpuExponent =
                c1 && c2 && *c1 > 0 ? std::log(*c2 / *c1) / std::log(nRatio) : 0.0;
            const bool targeted = std::string_view(name) == "coverage_team_e2e" ||
                                  std::string_view(name) == "import_csv";
            std::printf("  %-44s %6.2f  (%.1f -> %.1f ms; cpu %.2f%s) %s\n", name, exponent, *t1,
                        *t2, cpuExponent, targeted ? "; target <= 1.1" : "",
                        targeted ? verdict(exponent <= 1.1) : "");
        }
    }
    for (const std::string& error : reporter.errors()) {
        std::printf("ERROR %s\n", error.c_str());
    }

    // Scratch copies go; the generated ledgers, the CSV and the covering copy stay cached.
    for (const auto& p : sizes) {
        for (const char* what : {"write-app", "write-bare", "import", "raw-import", "reimport",
                                 "memory-import", "share", "imported-part"}) {
            removeLedger(p->files.scratch(what));
        }
    }
    benchmark::Shutdown();
    return reporter.errors().empty() ? 0 : 1;
}
