// `export asc-wds` and `import asc-wds` (domain.md section 1.1) on both engines: the export
// of a demo ledger re-read and checked against every rule of section 1.1 on every row; the
// round trip into a ledger with the same staff and modules giving the same completions and
// the same statuses; and the refusals of both commands (nothing written, every problem
// named by line and column).

#include "cli/example_cli.h"

#include "demo/generator.h"
#include "io/asc_wds.h"
#include "io/asc_wds_import.h"
#include "io/asc_wds_training.h"
#include "io/csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25); // the Cli's PRACTICE_LEDGER_TODAY

std::size_t chars(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

bool digits(const std::string& text) {
    return !text.empty() && text.size() <= 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A strict DD/MM/YYYY date (two digits, two digits, four digits, a real day).
std::optional<Date> strictUk(const std::string& text) {
    if (text.size() != 10 || text[2] != '/' || text[5] != '/') {
        return std::nullopt;
    }
    for (const std::size_t i : {0U, 1U, 3U, 4U, 6U, 7U, 8U, 9U}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const Date d =
        makeDate(std::stoi(text.substr(6, 4)), static_cast<unsigned>(std::stoi(text.substr(3, 2))),
                 static_cast<unsigned>(std::stoi(text.substr(0, 2))));
    return d.ok() ? std::optional(d) : std::nullopt;
}

/// Checks every rule of domain.md section 1.1 on a written training file, independently of
/// the exporter's own checks; returns its rows' (worker, category|name, completed) keys.
std::vector<std::string> expectEveryRule(const std::string& text) {
    std::vector<std::string> keys;
    // The header: the first line, exactly.
    EXPECT_EQ(text.substr(0, text.find('\n')), std::string(kAscWdsTrainingHeader));
    EXPECT_EQ(text.find('\r'), std::string::npos);
    const CsvDocument doc = parseCsv(text);
    EXPECT_TRUE(doc.errors.empty());
    for (std::size_t i = 1; i < doc.records.size(); ++i) {
        const std::vector<std::string>& f = doc.records[i].fields;
        const std::string at = "line " + std::to_string(doc.records[i].line);
        EXPECT_EQ(f.size(), 12U) << at;
        if (f.size() != 12) {
            continue;
        }
        const auto& [localEstId, worker, category, name, accredited, who, provider, how, validity,
                     completedText, expiryText, notes] =
            std::tie(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
        // 1000, 1010
        EXPECT_TRUE(!localEstId.empty() && chars(localEstId) <= 50) << at;
        EXPECT_TRUE(!worker.empty() && chars(worker) <= 50) << at;
        // 1050
        EXPECT_TRUE(digits(category) && findAscWdsCategory(std::stoi(category))) << at;
        // 1040
        EXPECT_LE(chars(name), 120U) << at;
        // 1060, 1080, 1100
        EXPECT_TRUE(accredited.empty() || accredited == "1" || accredited == "0" ||
                    accredited == "999")
            << at;
        EXPECT_TRUE(who.empty() || who == "1" || who == "2") << at;
        EXPECT_TRUE(how.empty() || how == "1" || how == "2") << at;
        // 1090, and no warning 2090: a numeric code, for an external provider only.
        EXPECT_TRUE(provider.empty() || (std::all_of(provider.begin(), provider.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; }) &&
                                         who == "2"))
            << at;
        // 1110
        EXPECT_TRUE(validity.empty() || validity == "none" ||
                    (digits(validity) && std::stoi(validity) >= 1 && std::stoi(validity) <= 999))
            << at;
        // 1020: strict and not in the future; 1030: strict and later than completion.
        const auto completed = strictUk(completedText);
        EXPECT_TRUE(completed.has_value()) << at << ": " << completedText;
        if (completed) {
            EXPECT_LE(*completed, kToday) << at;
        }
        if (!expiryText.empty()) {
            const auto expires = strictUk(expiryText);
            EXPECT_TRUE(expires.has_value()) << at << ": " << expiryText;
            if (completed && expires) {
                EXPECT_GT(*expires, *completed) << at;
                // No warning 2110: VALIDITY months give exactly this expiry.
                if (digits(validity)) {
                    EXPECT_EQ(addDays(addMonths(*completed, std::stoi(validity)), -1), *expires)
                        << at;
                }
            }
            EXPECT_NE(validity, "none") << at; // none with an expiry is warned of
        }
        // 1070
        EXPECT_LE(chars(notes), 1000U) << at;
        keys.push_back(worker + "|" + category + "|" + name + "|" + completedText);
    }
    return keys;
}

Staff person(const std::string& id, Date start) {
    Staff s;
    s.employeeId = id;
    s.fullName = "Person " + id;
    s.team = "East";
    s.role = "Social Worker";
    s.startDate = start;
    return s;
}

Module module(const std::string& code, const std::string& title, std::optional<int> months,
              std::optional<int> category) {
    Module m;
    m.code = code;
    m.title = title;
    m.renewalMonths = months;
    m.ascWdsCategory = category;
    return m;
}

Completion completion(const std::string& who, const std::string& code, Date on,
                      const std::string& evidence = {}) {
    Completion c;
    c.employeeId = who;
    c.moduleCode = code;
    c.completedOn = on;
    c.evidence = evidence;
    return c;
}

/// A small ledger: E1 and E2 (from 2020), E3 (left in 2023); FIRE (category 6, yearly,
/// delivered by provider 88), CARE-ACT (no category, never expires); E1's two completions
/// and E3's one.
LedgerData smallLedger() {
    LedgerData data;
    data.staff = {person("E1", makeDate(2020, 1, 6)), person("E2", makeDate(2020, 1, 6)),
                  person("E3", makeDate(2020, 1, 6))};
    data.staff[2].leaveDate = makeDate(2023, 6, 30);
    Module fire = module("FIRE", "Fire safety", 12, 6);
    fire.ascWdsAccredited = 1;
    fire.ascWdsWhoDelivered = 2;
    fire.ascWdsProvider = 88;
    fire.ascWdsHowDelivered = 1;
    data.modules = {fire, module("CARE-ACT", "Care Act", std::nullopt, std::nullopt)};
    data.completions = {
        completion("E1", "FIRE", makeDate(2025, 3, 1)),
        completion("E1", "CARE-ACT", makeDate(2024, 6, 10), "Read the guidance, then a \"quiz\""),
        completion("E3", "FIRE", makeDate(2022, 3, 1))};
    return data;
}

class AscWdsCli : public EngineTest {
protected:
    /// A new ledger on this test's engine holding `data` (and the workplace id, when given),
    /// and the CLI's arguments naming it.
    std::vector<std::string> make(EngineLedger& where, const LedgerData& data,
                                  const std::string& workplace = {}) {
        {
            Ledger ledger = where.create("test", [&](Ledger& l) {
                l.imports().records(data, kToday, "test");
                if (!workplace.empty()) {
                    l.settings().set(kAscWdsWorkplaceSetting, workplace, "test");
                }
            });
        }
        if (where.engine() == Engine::Postgres) {
            return {"--ledger", where.location().text()};
        }
        const fs::path pass = m_dir / "pass";
        writeAll(pass, std::string(EngineLedger::kPassphrase) + "\n");
        fs::permissions(pass, fs::perms::owner_read | fs::perms::owner_write);
        return {"--ledger", where.location().text(), "--passphrase-file", pass.string(), "--as",
                "test"};
    }

    Result cli(const std::vector<std::string>& on, const std::vector<std::string>& args) const {
        std::vector<std::string> all = on;
        all.insert(all.end(), args.begin(), args.end());
        return m_cli(all);
    }

    /// Every counted completion as `employee|module|date|expires|evidence`.
    static std::vector<std::string> completionsIn(Ledger& ledger) {
        std::vector<std::string> out;
        ledger.training().forEachCountedCompletion([&](const Completion& c) {
            out.push_back(c.employeeId + "|" + c.moduleCode + "|" + formatIso(c.completedOn) + "|" +
                          (c.expiresOn ? formatIso(*c.expiresOn) : "") + "|" + c.evidence);
        });
        return out;
    }

    ScratchDir m_dir;
    Cli m_cli;
    EngineLedger m_second{GetParam()};
};

INSTANTIATE_TEST_SUITE_P(Engines, AscWdsCli, kEngines, engineName);

TEST_P(AscWdsCli, TheDemoLedgersExportKeepsEveryRuleAndImportsBackToTheSameStatuses) {
    GeneratorOptions options;
    options.seed = 11;
    options.staff = 70;
    options.teams = 4;
    options.years = 4;
    options.today = kToday;
    LedgerData demo = generateCouncil(options);
    // Delivery details on a few modules, so that those columns are written too.
    ASSERT_GE(demo.modules.size(), 3U);
    demo.modules[0].ascWdsAccredited = 1;
    demo.modules[0].ascWdsWhoDelivered = 2;
    demo.modules[0].ascWdsProvider = 88;
    demo.modules[0].ascWdsHowDelivered = 1;
    demo.modules[1].ascWdsAccredited = 999;
    demo.modules[1].ascWdsWhoDelivered = 1;
    demo.modules[1].ascWdsHowDelivered = 2;
    demo.modules[2].ascWdsAccredited = 0;
    const std::vector<std::string> first = make(ledgers(), demo, "J1234567");

    const fs::path file = m_dir / "training.csv";
    Result r = cli(first, {"export", "asc-wds", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::string text = readAll(file);
    const std::vector<std::string> keys = expectEveryRule(text);
    ASSERT_GT(keys.size(), 100U);
    EXPECT_EQ(r.out, "wrote " + std::to_string(keys.size()) +
                         " training records for workplace J1234567 as of 2026-11-25 to " +
                         file.string() + "\n");
    // Each delivery column is written somewhere; every row names the workplace.
    for (const char* cells : {",1,2,88,1,", ",999,1,,2,", ",0,,,,"}) {
        EXPECT_NE(text.find(cells), std::string::npos) << cells;
    }

    // What the export should hold: the counted completions, up to today, of the staff
    // active today.
    std::set<std::string> expected;
    {
        Ledger ledger = ledgers().open(OpenMode::ReadOnly);
        std::set<std::string> active;
        for (const Staff& s : ledger.training().records().staff) {
            if (s.startDate <= kToday && (!s.leaveDate || kToday <= *s.leaveDate)) {
                active.insert(s.employeeId);
            }
        }
        ledger.training().forEachCountedCompletion([&](const Completion& c) {
            if (active.count(c.employeeId) != 0 && c.completedOn <= kToday) {
                expected.insert(c.employeeId + "|" + c.moduleCode + "|" + formatIso(c.completedOn));
            }
        });
    }
    EXPECT_EQ(expected.size(), keys.size());

    // The same staff and modules, no completions, then the file imported.
    LedgerData bare = demo;
    bare.completions.clear();
    const std::vector<std::string> second = make(m_second, bare, "J1234567");
    r = cli(second, {"import", "asc-wds", file.string(), "--dry-run"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "would add " + std::to_string(keys.size()) + ", updated 0, unchanged 0\n");
    r = cli(second, {"import", "asc-wds", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added " + std::to_string(keys.size()) + ", updated 0, unchanged 0\n");
    std::set<std::string> imported;
    {
        Ledger ledger = m_second.open(OpenMode::ReadOnly);
        ledger.training().forEachCountedCompletion([&](const Completion& c) {
            imported.insert(c.employeeId + "|" + c.moduleCode + "|" + formatIso(c.completedOn));
        });
    }
    EXPECT_EQ(imported, expected);
    // Every status is the same, today and a year on.
    for (const std::string day : {"2026-11-25", "2027-11-25"}) {
        const Result before =
            cli(first, {"report", "coverage", "--by", "staff", "--format", "csv", "--as-of", day});
        const Result after =
            cli(second, {"report", "coverage", "--by", "staff", "--format", "csv", "--as-of", day});
        ASSERT_EQ(before.status, 0) << before.err;
        ASSERT_EQ(after.status, 0) << after.err;
        EXPECT_GT(linesOf(before.out).size(), 50U);
        EXPECT_EQ(after.out, before.out) << day;
    }
    // The file again changes nothing; its export is the same file.
    r = cli(second, {"import", "asc-wds", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 0, updated 0, unchanged " + std::to_string(keys.size()) + "\n");
    const fs::path again = m_dir / "again.csv";
    r = cli(second, {"export", "asc-wds", again.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(readAll(again), text);
}

TEST_P(AscWdsCli, TheExportWritesEachColumnAsAscWdsReadsIt) {
    const std::vector<std::string> on = make(ledgers(), smallLedger());
    const fs::path file = m_dir / "out.csv";
    // No workplace id: nothing written, not even an empty file.
    Result r = cli(on, {"export", "asc-wds", file.string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "settings: LOCALESTID: no ASC-WDS workplace id (LOCALESTID) is set in the "
                     "settings\nnothing written: 1 problem\n");
    EXPECT_FALSE(fs::exists(file));
    // A workplace id over 50 characters is refused as well.
    r = cli(on, {"export", "asc-wds", file.string(), "--workplace-id", std::string(51, 'J')});
    EXPECT_EQ(r.status, 2);
    EXPECT_FALSE(fs::exists(file));

    r = cli(on, {"export", "asc-wds", file.string(), "--workplace-id", "J 1"});
    ASSERT_EQ(r.status, 0) << r.err;
    // E3 left in 2023; CARE-ACT never expires (category 21, Other); FIRE's expiry is
    // completion + 12 months - 1 day. Text with a space alone is not quoted; with a comma
    // or a quote it is, quotes doubled.
    EXPECT_EQ(readAll(file),
              std::string(kAscWdsTrainingHeader) +
                  "\n"
                  "J 1,E1,21,Care Act,,,,,none,10/06/2024,,\"Read the guidance, then a "
                  "\"\"quiz\"\"\"\n"
                  "J 1,E1,6,Fire safety,1,2,88,1,12,01/03/2025,28/02/2026,\n");
    // As of a day before the FIRE completion, and with E3 active.
    r = cli(on,
            {"export", "asc-wds", file.string(), "--workplace-id", "J1", "--as-of", "2023-01-01"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(readAll(file), std::string(kAscWdsTrainingHeader) +
                                 "\nJ1,E3,6,Fire safety,1,2,88,1,12,01/03/2022,28/02/2023,\n");
}

TEST_P(AscWdsCli, TheExportRefusesARowThatWouldBreakARuleAndCutsLongNotes) {
    LedgerData data = smallLedger();
    data.modules.push_back(module("LONG", std::string(121, 'x'), 12, std::nullopt));
    data.completions.push_back(completion("E2", "LONG", makeDate(2025, 1, 1)));
    Completion sameDay = completion("E2", "FIRE", makeDate(2025, 5, 5));
    sameDay.expiresOn = sameDay.completedOn;
    data.completions.push_back(sameDay);
    const std::vector<std::string> on = make(ledgers(), data, "J1");
    const fs::path file = m_dir / "out.csv";
    Result r = cli(on, {"export", "asc-wds", file.string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err,
              "module LONG: TRAININGNAME: the title is more than 120 characters; shorten it "
              "before exporting (1040)\n"
              "E2 FIRE 2025-05-05: EXPIRYDATE: the completion expires on the day it was "
              "completed, and ASC-WDS needs an expiry later than the completion (1030); correct "
              "its expires_on\n"
              "nothing written: 2 problems\n");
    EXPECT_FALSE(fs::exists(file));

    // Notes over 1,000 characters (here of two bytes each) are cut, with a warning.
    LedgerData notes = smallLedger();
    std::string evidence;
    for (int i = 0; i < 1005; ++i) {
        evidence += "\xC3\xA9"; // é
    }
    notes.completions[0].evidence = evidence;
    const std::vector<std::string> other = make(m_second, notes, "J1");
    r = cli(other, {"export", "asc-wds", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "warning: E1 FIRE 2025-03-01: NOTES: the evidence is cut to its first 1,000 "
                     "characters\n");
    const CsvDocument doc = parseCsv(readAll(file));
    ASSERT_EQ(doc.records.size(), 3U);
    EXPECT_EQ(doc.records[2].fields[11], evidence.substr(0, 2000));
}

TEST_P(AscWdsCli, TheImportRefusesEveryBadValueNamingLineAndColumn) {
    const std::vector<std::string> on = make(ledgers(), smallLedger(), "J1");
    const InFolder here(m_dir.path());
    writeAll("wrong.csv", "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME\nJ1,E1,6,Fire\n");
    Result r = cli(on, {"import", "asc-wds", "wrong.csv"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind("wrong.csv:1: not an ASC-WDS training file: the first line must be "
                          "exactly LOCALESTID,",
                          0),
              0U)
        << r.err;

    const std::string good = "J1,E2,6,Fire safety,1,2,88,1,12,01/04/2025,31/03/2026,\n";
    writeAll("in.csv",
             std::string(kAscWdsTrainingHeader) + "\n" +                                   //
                 std::string(51, 'J') + ",E2,6,Fire safety,,,,,,01/04/2025,,\n" +          // 2
                 "J1,E2,24,Fire safety,,,,,,01/04/2025,,\n" +                              // 3
                 "J1,E2,6,Fire safety,2,,,,,01/04/2025,,\n" +                              // 4
                 "J1,E2,6,Fire safety,,3,,,,01/04/2025,,\n" +                              // 5
                 "J1,E2,6,Fire safety,,2,Acme,,,01/04/2025,,\n" +                          // 6
                 "J1,E2,6,Fire safety,,,,0,,01/04/2025,,\n" +                              // 7
                 "J1,E2,6,Fire safety,,,,,0,01/04/2025,,\n" +                              // 8
                 "J1,E2,6,Fire safety,,,,,,1/04/2025,,\n" +                                // 9
                 "J1,E2,6,Fire safety,,,,,,01/04/2025,01/04/2025,\n" +                     // 10
                 "J1,E2,6,Fire safety,,,,,,01/04/2025,," + std::string(1001, 'n') + "\n" + // 11
                 "J1,E2,6," + std::string(121, 't') + ",,,,,,01/04/2025,,\n" +             // 12
                 "J1,E9,6,Fire safety,,,,,,01/04/2025,,\n" +                               // 13
                 "J1,E2,6,Fire safety,,,,,,26/11/2026,,\n" +                               // 14
                 "J2,E2,6,Fire safety,,,,,,01/04/2025,,\n" +                               // 15
                 "J1,E2,6,Fire safety,,,,,,,,\n" +                                         // 16
                 good);                                                                    // 17
    r = cli(on, {"import", "asc-wds", "in.csv"});
    EXPECT_EQ(r.status, 2);
    std::vector<std::string> found;
    for (const std::string& line : linesOf(r.err)) {
        if (line.rfind("in.csv:", 0) == 0) {
            found.push_back(line.substr(0, line.find(':', line.find(':', 7) + 1)));
        }
    }
    EXPECT_EQ(found,
              (std::vector<std::string>{
                  "in.csv:2: LOCALESTID", "in.csv:3: CATEGORY", "in.csv:4: ACCREDITED",
                  "in.csv:5: WHODELIVERED", "in.csv:6: PROVIDERNAME", "in.csv:7: HOWDELIVERED",
                  "in.csv:8: VALIDITY", "in.csv:9: DATECOMPLETED", "in.csv:10: EXPIRYDATE",
                  "in.csv:11: NOTES", "in.csv:12: TRAININGNAME", "in.csv:13: UNIQUEWORKERID",
                  "in.csv:14: DATECOMPLETED", "in.csv:15: LOCALESTID", "in.csv:16: DATECOMPLETED"}))
        << r.err;
    EXPECT_NE(r.err.find("in.csv:13: UNIQUEWORKERID: no one in the ledger has employee id 'E9' "
                         "(996)\n"),
              std::string::npos);
    EXPECT_NE(r.err.find("in.csv:14: DATECOMPLETED: 26/11/2026 is in the future (1020)\n"),
              std::string::npos);
    EXPECT_EQ(linesOf(r.err).back(), "nothing imported");
    {
        Ledger ledger = ledgers().open(OpenMode::ReadOnly);
        EXPECT_EQ(completionsIn(ledger).size(), 3U); // nothing imported
    }

    // The good row alone goes in.
    writeAll("good.csv", std::string(kAscWdsTrainingHeader) + "\n" + good);
    r = cli(on, {"import", "asc-wds", "good.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 1, updated 0, unchanged 0\n");
}

TEST_P(AscWdsCli, UnmappedRowsAreListedUntilMappedAndTheMappingIsRemembered) {
    const std::vector<std::string> on = make(ledgers(), smallLedger(), "J1");
    const InFolder here(m_dir.path());
    writeAll("in.csv", std::string(kAscWdsTrainingHeader) +
                           "\n"
                           "J1,E2,21,Care Act,,,,,none,02/02/2025,,\n"
                           "J1,E2,21,Domestic abuse,,,,,,03/02/2025,,\n"
                           "J1,E1,21,Domestic abuse,,,,,,04/02/2025,,\n"
                           "J1,E1,6,Fire safety (refresher),,,,,12,05/02/2025,,\n");
    Result r = cli(on, {"import", "asc-wds", "in.csv"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "in.csv: no module for CATEGORY 21 TRAININGNAME 'Domestic abuse' (lines 3, "
                     "4); map it with --map '21|Domestic abuse=MODULE_CODE'\n"
                     "in.csv: no module for CATEGORY 6 TRAININGNAME 'Fire safety (refresher)' "
                     "(line 5); map it with --map '6|Fire safety (refresher)=MODULE_CODE'\n"
                     "nothing imported\n");
    // A mapping to a module the ledger does not have, or malformed, is refused.
    r = cli(on, {"import", "asc-wds", "in.csv", "--map", "21|Domestic abuse=NOPE"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "--map: no module has code NOPE\n");
    r = cli(on, {"import", "asc-wds", "in.csv", "--map", "Domestic abuse=CARE-ACT"});
    EXPECT_EQ(r.status, 1);

    // Mapped, it goes in; a dry run remembers nothing.
    const std::vector<std::string> maps = {"--map", "21|Domestic abuse=CARE-ACT", "--map",
                                           "6|Fire safety (refresher)=FIRE"};
    const auto importWith = [&](std::vector<std::string> args) {
        args.insert(args.end(), maps.begin(), maps.end());
        return cli(on, args);
    };
    r = importWith({"import", "asc-wds", "in.csv", "--dry-run"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "would add 4, updated 0, unchanged 0\n");
    r = cli(on, {"import", "asc-wds", "in.csv"});
    EXPECT_EQ(r.status, 2);
    r = importWith({"import", "asc-wds", "in.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 4, updated 0, unchanged 0\n");
    // Remembered: the same file again needs no --map and changes nothing.
    r = cli(on, {"import", "asc-wds", "in.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 0, updated 0, unchanged 4\n");
    Ledger ledger = ledgers().open(OpenMode::ReadOnly);
    EXPECT_EQ(parseAscWdsMappings(ledger.settings().get(kAscWdsMappingsSetting)),
              (std::vector<AscWdsMapping>{{21, "Domestic abuse", "CARE-ACT"},
                                          {6, "Fire safety (refresher)", "FIRE"}}));
    const std::vector<std::string> all = completionsIn(ledger);
    for (const char* c : {"E1|CARE-ACT|2025-02-04||", "E2|CARE-ACT|2025-02-02||",
                          "E2|CARE-ACT|2025-02-03||", "E1|FIRE|2025-02-05||"}) {
        EXPECT_NE(std::find(all.begin(), all.end(), c), all.end()) << c;
    }
}

TEST_P(AscWdsCli, TheCompletionsAndTheMappingsTheyNeedAreWrittenTogetherOrNotAtAll) {
    (void)make(ledgers(), smallLedger(), "J1");
    const std::string text = std::string(kAscWdsTrainingHeader) +
                             "\n"
                             "J1,E2,21,Domestic abuse,,,,,,03/02/2025,,\n"
                             "J1,E1,21,Domestic abuse,,,,,,04/02/2025,,\n";
    const std::vector<AscWdsMapping> added = {{21, "Domestic abuse", "CARE-ACT"}};
    Ledger ledger = ledgers().open();
    const std::size_t before = completionsIn(ledger).size();
    // Unmapped: nothing is imported, and a mapping to no module is refused.
    AscWdsImport result =
        importAscWdsTraining(ledger, "in.csv", text, {}, kToday, false, "test", "mapping");
    ASSERT_EQ(result.parsed.unmapped.size(), 1U);
    EXPECT_FALSE(result.summary.has_value());
    EXPECT_THROW((void)importAscWdsTraining(ledger, "in.csv", text,
                                            {{21, "Domestic abuse", "NOPE"}}, kToday, false, "test",
                                            "mapping"),
                 ValidationError);
    // Cancelled at the import's last report, when every completion has been written in its
    // transaction: neither the completions nor the mapping are kept.
    Progress cancelAtTheEnd{[](double fraction) {
        return fraction < 1.0;
    }};
    EXPECT_THROW((void)importAscWdsTraining(ledger, "in.csv", text, added, kToday, false, "test",
                                            "mapping", &cancelAtTheEnd),
                 Cancelled);
    EXPECT_EQ(completionsIn(ledger).size(), before);
    EXPECT_EQ(ledger.settings().get(kAscWdsMappingsSetting), "");
    // A dry run counts and remembers nothing; the import writes both.
    result = importAscWdsTraining(ledger, "in.csv", text, added, kToday, true, "test", "mapping");
    ASSERT_TRUE(result.summary.has_value());
    EXPECT_EQ(result.summary->added, 2);
    EXPECT_EQ(ledger.settings().get(kAscWdsMappingsSetting), "");
    result = importAscWdsTraining(ledger, "in.csv", text, added, kToday, false, "test", "mapping");
    ASSERT_TRUE(result.summary.has_value());
    EXPECT_EQ(result.summary->added, 2);
    EXPECT_EQ(completionsIn(ledger).size(), before + 2);
    EXPECT_EQ(parseAscWdsMappings(ledger.settings().get(kAscWdsMappingsSetting)), added);
}

TEST_P(AscWdsCli, TheOlderEightColumnFileIsReadAndExpiriesKeepTheModulesRule) {
    const std::vector<std::string> on = make(ledgers(), smallLedger(), "J1");
    const InFolder here(m_dir.path());
    writeAll("old.csv", std::string(kAscWdsOldTrainingHeader) +
                            "\n"
                            // FIRE's own yearly expiry: no explicit expiry kept.
                            "J1,E2,6,Fire safety,01/04/2025,31/03/2026,1,Old file\n"
                            // Another expiry: kept as the completion's own.
                            "J1,E2,6,Fire safety,01/05/2025,30/06/2026,999,\"Two, lines\n"
                            "here\"\n"
                            // A bad ACCREDITED on line 5 (the quoted notes span 3 and 4).
                            "J1,E1,6,Fire safety,01/05/2025,,7,\n");
    Result r = cli(on, {"import", "asc-wds", "old.csv"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "old.csv:5: ACCREDITED: '7' is not 1, 0 or 999 (1060)\nnothing imported\n");
    writeAll("old.csv", std::string(kAscWdsOldTrainingHeader) +
                            "\n"
                            "J1,E2,6,Fire safety,01/04/2025,31/03/2026,1,Old file\n"
                            "J1,E2,6,Fire safety,01/05/2025,30/06/2026,999,\"Two, lines\n"
                            "here\"\n");
    r = cli(on, {"import", "asc-wds", "old.csv"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "added 2, updated 0, unchanged 0\n");
    Ledger ledger = ledgers().open(OpenMode::ReadOnly);
    const std::vector<std::string> all = completionsIn(ledger);
    EXPECT_NE(std::find(all.begin(), all.end(), "E2|FIRE|2025-04-01||Old file"), all.end());
    EXPECT_NE(std::find(all.begin(), all.end(), "E2|FIRE|2025-05-01|2026-06-30|Two, lines\nhere"),
              all.end());
}

} // namespace
} // namespace ledger::test
