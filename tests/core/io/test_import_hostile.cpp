// Hostile and careless input (tracker issue 6, items 12 to 15): what is not text, dates out of
// range, line-manager loops, oversized fields, records and files, and where each problem is
// reported. Rules section 7; the README's Imports paragraph.
#include "base/validation.h"
#include "cli.h"
#include "io/csv.h"
#include "io/importer.h"
#include "ledger.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <sys/stat.h>

using namespace ledger;
using ledger::test::everyCompletion;
using ledger::test::ScratchDir;
using ledger::test::writeAll;

namespace {

const Date kToday = makeDate(2026, 11, 25);

const std::string kStaffHeader =
    "employee_id,full_name,email,team,role,start_date,leave_date,line_manager_id\n";
const std::string kModulesHeader =
    "code,title,renewal_months,renewal_basis,window_days,due_soon_days,asc_wds_category\n";
const std::string kCompletionsHeader = "employee_id,module,completed_on,expires_on,evidence\n";

/// `id,name,,East,Worker,2020-01-01,,manager`.
std::string staffRow(const std::string& id, const std::string& name,
                     const std::string& manager = "", const std::string& start = "2020-01-01") {
    return id + "," + name + ",,East,Worker," + start + ",," + manager + "\n";
}

std::vector<std::string> messages(const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const FieldError& f : errors) {
        out.push_back(formatFieldError(f));
    }
    return out;
}

/// The problems an import reports (empty when it went through).
std::vector<std::string> importErrors(Ledger& ledger, ImportKind kind, const std::string& csv) {
    try {
        ledger.imports().csv(kind, "in.csv", csv, kToday, false, "test");
    } catch (const ValidationError& e) {
        return messages(e.errors());
    }
    return {};
}

/// The problems a use case reports, as `field: message`.
std::vector<std::string> formErrors(const std::function<void()>& work) {
    try {
        work();
    } catch (const ValidationError& e) {
        return messages(e.errors());
    }
    return {};
}

std::vector<std::string> csvErrors(std::string_view text) {
    std::vector<std::string> out;
    for (const CsvError& e : parseCsv(text).errors) {
        out.push_back(std::to_string(e.line) + ":" + std::to_string(e.column + 1) + ": " +
                      e.message);
    }
    return out;
}

/// A ledger with module FIRE and person E1 (Pat Lead).
struct Small {
    ScratchDir dir;
    Ledger ledger = Ledger::create(dir / "l", "pw", "test");
    Small() {
        ledger.imports().csv(ImportKind::Modules, "m.csv",
                             kModulesHeader + "FIRE,Fire safety,12,,,,\n", kToday, false, "t");
        ledger.imports().csv(ImportKind::Staff, "s.csv", kStaffHeader + staffRow("E1", "Pat Lead"),
                             kToday, false, "t");
    }
};

Staff person(const std::string& id, const std::string& name, const std::string& manager = "") {
    Staff s;
    s.employeeId = id;
    s.fullName = name;
    s.team = "East";
    s.role = "Worker";
    s.startDate = makeDate(2020, 1, 1);
    s.lineManagerId = manager;
    return s;
}

/// The process's resident memory in kB: now (VmRSS) or at its peak (VmHWM).
long memoryKb(const std::string& which) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with(which + ":")) {
            return std::stol(line.substr(which.size() + 1));
        }
    }
    return -1;
}

struct CliResult {
    int status = -1;
    std::string out;
    std::string err;
};

CliResult runCli(std::vector<std::string> args) {
    args.insert(args.begin(), "practice-ledger-cli");
    std::vector<const char*> argv;
    for (const std::string& a : args) {
        argv.push_back(a.c_str());
    }
    cli::Environment env;
    env.variable = [](const std::string& name) -> std::optional<std::string> {
        const std::map<std::string, std::string> vars{{"PRACTICE_LEDGER_TODAY", "2026-11-25"},
                                                      {"PRACTICE_LEDGER_PASSPHRASE", "pw"}};
        const auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    env.prompt = [](const std::string&) {
        return std::optional<std::string>();
    };
    std::ostringstream out, err;
    CliResult r;
    r.status = cli::run(static_cast<int>(argv.size()), argv.data(), out, err, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace

// --- 12. What is not text is refused -----------------------------------------------------

TEST(HostileText, AByteOrderMarkInsideAnEmployeeIdIsRefusedNotASecondPerson) {
    Small small;
    const std::string csv = kStaffHeader + staffRow("E2", "Sam Two") +
                            staffRow("\xEF\xBB\xBF"
                                     "E1",
                                     "Pat Lead");
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Staff, csv),
              (std::vector<std::string>{"in.csv:3: employee_id: holds the invisible character "
                                        "U+FEFF (byte order mark) at character 1"}));
    EXPECT_EQ(small.ledger.training().records().staff.size(), 1u);
}

TEST(HostileText, ControlAndInvisibleCharactersAndOuterSpacesInNamesNameTheirPlace) {
    Small small;
    const std::string csv =
        kStaffHeader + staffRow("E2", "Sam\xE2\x80\x8BTwo") + "E3,Al,,Ea" + std::string(1, '\0') +
        "st,Worker,2020-01-01,,\n" + staffRow("E4 ", "Jo") + staffRow("E5", " Jo") +
        "E6,Di,,East,\x1b[2JWorker,2020-01-01,,\n" + staffRow("E7", "Ok", "E1\xE2\x81\xA0");
    EXPECT_EQ(
        importErrors(small.ledger, ImportKind::Staff, csv),
        (std::vector<std::string>{
            "in.csv:2: full_name: holds the invisible character U+200B (zero width space) at "
            "character 4",
            "in.csv:3: team: holds the control character U+0000 (NUL) at character 3",
            "in.csv:4: employee_id: ends with a space",
            "in.csv:5: full_name: begins with a space",
            "in.csv:6: role: holds the control character U+001B at character 1",
            "in.csv:7: line_manager_id: holds the invisible character U+2060 (word joiner) at "
            "character 3",
        }));
    EXPECT_EQ(small.ledger.training().records().staff.size(), 1u);
}

TEST(HostileText, FreeTextTakesTabsAndQuotedLineBreaksButNoOtherControlCharacter) {
    Small small;
    const std::string good = kCompletionsHeader +
                             "E1,FIRE,2025-01-01,,\"certificate\tno. 7\r\nsigned by\xE2\x80\x8D"
                             "Ann\"\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions, good),
              std::vector<std::string>{});
    const std::string bad = kCompletionsHeader +
                            "E1,FIRE,2025-02-01,,bell\x07"
                            "here\n" +
                            "E1,FIRE,2025-03-01,,nul" + std::string(1, '\0') + "\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions, bad),
              (std::vector<std::string>{
                  "in.csv:2: evidence: holds the control character U+0007 at character 5 (only "
                  "tabs and line breaks may be used)",
                  "in.csv:3: evidence: holds the control character U+0000 (NUL) at character 4 "
                  "(only tabs and line breaks may be used)",
              }));
    EXPECT_EQ(everyCompletion(small.ledger).size(), 1u);
}

TEST(HostileText, PlainValuesAndIgnoredColumnsAreCheckedToo) {
    Small small;
    const std::string csv = "employee_id,module,completed_on,expires_on,evidence,comment\n"
                            "E1,FIRE,2025-01-01" +
                            std::string(1, '\0') + ",,,fine\n" + "E1,FIRE,2025-02-01,,,\x01\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions, csv),
              (std::vector<std::string>{
                  "in.csv:2: completed_on: holds the control character U+0000 (NUL) at "
                  "character 11",
                  "in.csv:3: comment: holds the control character U+0001 at character 1 (only "
                  "tabs and line breaks may be used)",
              }));
}

TEST(HostileText, AHeaderNameWithAnInvisibleCharacterIsNamedByItsPlace) {
    Small small;
    const std::string csv = "employee_id,module\xE2\x80\x8B,completed_on,expires_on,evidence\n"
                            "E1,FIRE,2025-01-01,,\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions, csv),
              (std::vector<std::string>{
                  "in.csv:1: (column 2): the header name holds the invisible character U+200B "
                  "(zero width space) at character 7",
                  "in.csv:1: module: column is missing from the header",
              }));
}

TEST(HostileText, TheEditorsRefuseWhatIsNotTextInIdsCodesNamesAndFreeText) {
    Small small;
    Ledger& l = small.ledger;
    EXPECT_EQ(formErrors([&] { l.staff().add(person("E2\xEF\xBB\xBF", "Sam"), kToday, "t"); }),
              (std::vector<std::string>{"employee_id: holds the invisible character U+FEFF (byte "
                                        "order mark) at character 3"}));
    Module m;
    m.code = " FIRE2";
    m.title = "Fire\ttwo";
    m.renewalMonths = 12;
    EXPECT_EQ(formErrors([&] { l.training().saveModule(m, true, "t"); }),
              (std::vector<std::string>{
                  "code: begins with a space",
                  "title: holds the control character U+0009 (tab) at character 5",
              }));
    EXPECT_EQ(formErrors([&] { l.staff().addTeam("West\xC2\xAD", "t"); }),
              (std::vector<std::string>{
                  "name: holds the invisible character U+00AD (soft hyphen) at character 5"}));
    EXPECT_EQ(formErrors([&] { l.staff().renameTeam("East", "East\x7f", "t"); }),
              (std::vector<std::string>{
                  "to: holds the control character U+007F (delete) at character 5"}));
    Completion c;
    c.employeeId = "E1";
    c.moduleCode = "FIRE";
    c.completedOn = makeDate(2025, 1, 1);
    c.evidence = std::string("scan\0.pdf", 9);
    EXPECT_EQ(formErrors([&] { l.training().addCompletion(c, kToday, "t"); }),
              (std::vector<std::string>{"evidence: holds the control character U+0000 (NUL) at "
                                        "character 5 (only tabs and line breaks may be used)"}));
    c.evidence = "scan\t1.pdf\nfiled";
    const RecordId id = l.training().addCompletion(c, kToday, "t");
    EXPECT_EQ(formErrors([&] { l.training().voidCompletion(id, "typo\x1b", "t"); }),
              (std::vector<std::string>{"reason: holds the control character U+001B at character "
                                        "5 (only tabs and line breaks may be used)"}));
    AuditTheme theme;
    theme.key = "REC";
    theme.title = "Recording\xE2\x80\x8E";
    theme.raisedOn = makeDate(2026, 1, 1);
    theme.description = "right-to-left \xE2\x80\x8F marks are fine in notes";
    EXPECT_EQ(formErrors([&] { l.themes().save(theme, kToday, "t"); }),
              (std::vector<std::string>{"title: holds the invisible character U+200E "
                                        "(left-to-right mark) at character 10"}));
    EXPECT_EQ(l.training().records().staff.size(), 1u);
    EXPECT_EQ(l.staff().teams(), (std::vector<std::string>{"East"}));
}

TEST(HostileText, TheUnicodeTablesHoldExactlyCcAndCf) {
    for (const char32_t c : {0x00u, 0x1Fu, 0x7Fu, 0x85u, 0x9Fu}) {
        EXPECT_TRUE(isControlCharacter(c)) << static_cast<unsigned>(c);
    }
    for (const char32_t c : {0x20u, 0x7Eu, 0xA0u, 0xADu}) {
        EXPECT_FALSE(isControlCharacter(c)) << static_cast<unsigned>(c);
    }
    for (const char32_t c :
         {0x00ADu,  0x0600u,  0x0605u,  0x061Cu,  0x06DDu,  0x070Fu,  0x08E2u,  0x180Eu,
          0x200Bu,  0x200Fu,  0x202Au,  0x202Eu,  0x2060u,  0x2064u,  0x2066u,  0x206Fu,
          0xFEFFu,  0xFFF9u,  0xFFFBu,  0x110BDu, 0x110CDu, 0x13430u, 0x1343Fu, 0x1BCA0u,
          0x1BCA3u, 0x1D173u, 0x1D17Au, 0xE0001u, 0xE0020u, 0xE007Fu}) {
        EXPECT_TRUE(isFormatCharacter(c)) << std::hex << static_cast<unsigned>(c);
    }
    for (const char32_t c : {0x00u, 0x41u, 0x00ACu, 0x0606u, 0x200Au, 0x2010u, 0x2065u, 0xFEFEu,
                             0xFFFCu, 0x1D17Bu, 0xE0000u, 0xE0080u}) {
        EXPECT_FALSE(isFormatCharacter(c)) << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_EQ(textKindOf("evidence"), TextKind::FreeText);
    EXPECT_EQ(textKindOf("notes"), TextKind::FreeText);
    EXPECT_EQ(textKindOf("employee_id"), TextKind::Name);
    EXPECT_EQ(textKindOf("registration_number"), TextKind::Name);
    EXPECT_EQ(textProblem("Zoë O'Neill-Smith", TextKind::Name), std::nullopt);
    EXPECT_EQ(textProblem("\xC3\x28", TextKind::FreeText),
              "is not valid UTF-8 text (at character 1)");
}

// --- 13. Plausible dates and no cycles ---------------------------------------------------

TEST(HostileDates, ImportsTakeDatesFrom1900To2099Only) {
    Small small;
    const std::string completions = kCompletionsHeader + "E1,FIRE,0001-01-01,,\n" +
                                    "E1,FIRE,1900-01-01,2099-12-31,\n" +
                                    "E1,FIRE,2025-01-01,9999-12-31,\n" + "E1,FIRE,1899-12-31,,\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions, completions),
              (std::vector<std::string>{
                  "in.csv:2: completed_on: 0001-01-01 is before 1900-01-01, the earliest date "
                  "the ledger takes",
                  "in.csv:4: expires_on: 9999-12-31 is after 2099-12-31, the latest date the "
                  "ledger takes",
                  "in.csv:5: completed_on: 1899-12-31 is before 1900-01-01, the earliest date "
                  "the ledger takes",
              }));
    const std::string staff = kStaffHeader + staffRow("E2", "Sam", "", "9999-12-31") +
                              staffRow("E3", "Al", "", "2099-12-31");
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Staff, staff),
              (std::vector<std::string>{"in.csv:2: start_date: 9999-12-31 is after 2099-12-31, "
                                        "the latest date the ledger takes"}));
    const std::string rules = "module,scope,value,due_within_days,effective_from\n"
                              "FIRE,all,,30,2100-01-01\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Requirements, rules),
              (std::vector<std::string>{"in.csv:2: effective_from: 2100-01-01 is after "
                                        "2099-12-31, the latest date the ledger takes"}));
    EXPECT_TRUE(everyCompletion(small.ledger).empty());
}

TEST(HostileDates, TheEditorsTakeDatesFrom1900To2099Only) {
    Small small;
    Ledger& l = small.ledger;
    Staff s = person("E2", "Sam");
    s.startDate = makeDate(9999, 12, 31);
    EXPECT_EQ(formErrors([&] { l.staff().add(s, kToday, "t"); }),
              (std::vector<std::string>{"start_date: 9999-12-31 is after 2099-12-31, the latest "
                                        "date the ledger takes"}));
    s.startDate = makeDate(2020, 1, 1);
    s.leaveDate = makeDate(2100, 1, 1);
    EXPECT_EQ(formErrors([&] { l.staff().add(s, kToday, "t"); }),
              (std::vector<std::string>{"leave_date: 2100-01-01 is after 2099-12-31, the latest "
                                        "date the ledger takes"}));
    Completion c;
    c.employeeId = "E1";
    c.moduleCode = "FIRE";
    c.completedOn = makeDate(1, 1, 1);
    EXPECT_EQ(formErrors([&] { l.training().addCompletion(c, kToday, "t"); }),
              (std::vector<std::string>{"completed_on: 0001-01-01 is before 1900-01-01, the "
                                        "earliest date the ledger takes"}));
    c.completedOn = makeDate(2025, 1, 1);
    const RecordId id = l.training().addCompletion(c, kToday, "t");
    c.id = id;
    c.expiresOn = makeDate(9999, 12, 31);
    EXPECT_EQ(formErrors([&] { l.training().correctCompletion(c, "certificate", kToday, "t"); }),
              (std::vector<std::string>{"expires_on: 9999-12-31 is after 2099-12-31, the latest "
                                        "date the ledger takes"}));
    Requirement r;
    r.moduleCode = "FIRE";
    r.effectiveFrom = makeDate(1899, 12, 31);
    EXPECT_EQ(formErrors([&] { l.training().saveRequirement(r, "t"); }),
              (std::vector<std::string>{"effective_from: 1899-12-31 is before 1900-01-01, the "
                                        "earliest date the ledger takes"}));
    AuditTheme theme;
    theme.key = "REC";
    theme.title = "Recording";
    theme.raisedOn = makeDate(1, 1, 1);
    EXPECT_EQ(formErrors([&] { l.themes().save(theme, kToday, "t"); }),
              (std::vector<std::string>{"raised_on: 0001-01-01 is before 1900-01-01, the "
                                        "earliest date the ledger takes"}));
}

TEST(HostileLoops, AnImportedLineManagerLoopIsRefusedNamingThePeople) {
    Small small;
    const std::string csv = kStaffHeader + staffRow("A", "Ann", "B") + staffRow("B", "Bo", "C") +
                            staffRow("C", "Cy", "A") + staffRow("D", "Di", "A");
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Staff, csv),
              (std::vector<std::string>{
                  "in.csv:2: line_manager_id: the line managers go round in a loop: A (Ann) -> "
                  "B (Bo) -> C (Cy) -> A (Ann)",
                  "in.csv:3: line_manager_id: the line managers go round in a loop: B (Bo) -> "
                  "C (Cy) -> A (Ann) -> B (Bo)",
                  "in.csv:4: line_manager_id: the line managers go round in a loop: C (Cy) -> "
                  "A (Ann) -> B (Bo) -> C (Cy)",
              }));
    EXPECT_EQ(small.ledger.training().records().staff.size(), 1u);
}

TEST(HostileLoops, ALoopThroughStoredAndImportedPeopleIsRefused) {
    Small small;
    ASSERT_EQ(importErrors(small.ledger, ImportKind::Staff,
                           kStaffHeader + staffRow("B", "Bo", "C") + staffRow("C", "Cy", "E1")),
              std::vector<std::string>{});
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Staff,
                           kStaffHeader + staffRow("E1", "Pat Lead", "B")),
              (std::vector<std::string>{"in.csv:2: line_manager_id: the line managers go round "
                                        "in a loop: E1 (Pat Lead) -> B (Bo) -> C (Cy) -> E1 (Pat "
                                        "Lead)"}));
    // Without the line_manager_id column the stored managers are kept, and they hold no loop.
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Staff,
                           "employee_id,full_name,email,team,role,start_date,leave_date\n"
                           "E1,Pat Lead,,West,Worker,2020-01-01,\n"),
              std::vector<std::string>{});
}

TEST(HostileLoops, TheEditorsRefuseALoopNamingThePeople) {
    Small small;
    Ledger& l = small.ledger;
    l.staff().add(person("B", "Bo", "E1"), kToday, "t");
    l.staff().add(person("C", "Cy", "B"), kToday, "t");
    EXPECT_EQ(formErrors([&] { l.staff().update(person("E1", "Pat Lead", "C"), kToday, "t"); }),
              (std::vector<std::string>{"line_manager_id: the line managers go round in a loop: "
                                        "E1 (Pat Lead) -> C (Cy) -> B (Bo) -> E1 (Pat Lead)"}));
    EXPECT_EQ(formErrors([&] { l.staff().update(person("B", "Bo", "B"), kToday, "t"); }),
              (std::vector<std::string>{"line_manager_id: a person cannot be their own line "
                                        "manager"}));
    EXPECT_EQ(formErrors([&] { l.staff().update(person("E1", "Pat Lead", ""), kToday, "t"); }),
              std::vector<std::string>{});
}

TEST(HostileLoops, ALongChainWithoutALoopIsFollowedOnce) {
    Small small;
    std::string csv = kStaffHeader;
    constexpr int kPeople = 20000;
    for (int i = 0; i < kPeople; ++i) {
        csv += staffRow("P" + std::to_string(i), "Person " + std::to_string(i),
                        i + 1 < kPeople ? "P" + std::to_string(i + 1) : "E1");
    }
    const auto started = std::chrono::steady_clock::now();
    const ParsedImport parsed =
        parseImport(ImportKind::Staff, "in.csv", csv, small.ledger.training().records(), kToday);
    EXPECT_TRUE(parsed.errors.empty());
    EXPECT_EQ(parsed.staff.size(), static_cast<std::size_t>(kPeople));
    // Following each chain to its end from every row would take minutes.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

// --- 14. Bounded memory ------------------------------------------------------------------

TEST(HostileSizes, AFieldOver64KiBIsRefusedWithItsLineAndColumn) {
    const std::string fits(kMaxCsvFieldBytes, 'x');
    const std::string over(kMaxCsvFieldBytes + 1, 'x');
    EXPECT_EQ(csvErrors("a,b\n1," + fits + "\n"), std::vector<std::string>{});
    EXPECT_EQ(csvErrors("a,b\n1," + over + "\n2,ok\n"),
              (std::vector<std::string>{"2:2: the field is longer than 64 KiB (65,536 bytes)"}));
    EXPECT_EQ(csvErrors("a,b\n1,\"" + over + "\"\n"),
              (std::vector<std::string>{"2:2: the field is longer than 64 KiB (65,536 bytes)"}));
    const CsvDocument doc = parseCsv("a,b\n1," + over + "\n2,ok\n");
    ASSERT_EQ(doc.records.size(), 2u); // the header and line 3
    EXPECT_EQ(doc.records[1].line, 3);

    Small small;
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions,
                           kCompletionsHeader + "E1,FIRE,2025-01-01,," + over + "\n" +
                               "E9,FIRE,2025-01-01,,\n"),
              (std::vector<std::string>{
                  "in.csv:2: evidence: the field is longer than 64 KiB (65,536 bytes)",
                  "in.csv:3: employee_id: no staff member has employee id E9",
              }));
}

TEST(HostileSizes, ARecordOver1MiBIsRefusedWhereItCrossesTheLimit) {
    std::string fits;
    std::string over;
    for (int i = 0; i < 16; ++i) {
        fits += std::string(kMaxCsvFieldBytes, 'x') + ",";
        over += std::string(kMaxCsvFieldBytes, 'x') + ",";
    }
    fits.pop_back();
    over += "y\n";
    EXPECT_EQ(csvErrors(fits), std::vector<std::string>{});
    EXPECT_EQ(
        csvErrors("h\n" + over + "z\n"),
        (std::vector<std::string>{"2:17: the record is longer than 1 MiB (1,048,576 bytes)"}));
}

TEST(HostileSizes, MoreThan200ColumnsAreRefused) {
    std::string wide200 = "c1";
    for (int i = 2; i <= 200; ++i) {
        wide200 += ",c" + std::to_string(i);
    }
    EXPECT_EQ(csvErrors(wide200 + "\n"), std::vector<std::string>{});
    EXPECT_EQ(csvErrors(wide200 + ",c201\nnext\n"),
              (std::vector<std::string>{
                  "1:201: the record has more than 200 fields (the most a file may have)"}));
    Small small;
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions,
                           kCompletionsHeader + "E1,FIRE,2025-01-01,,x" + std::string(400, ',') +
                               "\nE9,FIRE,2025-01-01,,\n"),
              (std::vector<std::string>{
                  "in.csv:2: (column 201): the record has more than 200 fields (the most a file "
                  "may have)",
                  "in.csv:3: employee_id: no staff member has employee id E9",
              }));
}

TEST(HostileSizes, AHugeFieldIsNeverHeldInMemory) {
    // Found by measurement: a 200 MB field took 1.45 GB. Reading stops storing it at 64 KiB.
    const std::string text = "a\n" + std::string(std::size_t{48} << 20, 'x') + "\n";
    const long before = memoryKb("VmRSS");
    std::ofstream reset("/proc/self/clear_refs");
    reset << "5"; // resets the peak (VmHWM) to the current size
    reset.close();
    if (before < 0 || !reset || memoryKb("VmHWM") > before + 4096) {
        GTEST_SKIP() << "cannot measure the peak memory here";
    }
    const CsvDocument doc = parseCsv(text);
    EXPECT_LT(memoryKb("VmHWM") - before, 16 * 1024) << "kB more at the peak";
    ASSERT_EQ(doc.errors.size(), 1u);
    EXPECT_EQ(doc.errors[0].line, 2);
}

TEST(HostileFiles, OnlyARegularFileWithinTheSizeLimitIsRead) {
    ScratchDir dir;
    const auto refusal = [](const std::filesystem::path& path) -> std::string {
        try {
            (void)readImportFile(path);
        } catch (const ImportFileError& e) {
            return e.what();
        }
        return "read";
    };
    writeAll(dir / "ok.csv", "a,b\n1,2\n");
    EXPECT_EQ(readImportFile(dir / "ok.csv"), "a,b\n1,2\n");
    EXPECT_EQ(refusal(dir.path()), dir.path().string() + ": is a folder, not a file");
    EXPECT_EQ(refusal(dir / "missing.csv"),
              (dir / "missing.csv").string() + ": there is no such file");
    EXPECT_EQ(refusal("/dev/zero"), "/dev/zero: is a device, not a file");
    ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
    EXPECT_EQ(refusal(dir / "pipe"), (dir / "pipe").string() +
                                         ": is a pipe, not a file (save what it gives to a file "
                                         "and import that)");
    std::ofstream(dir / "big.csv").close();
    std::filesystem::resize_file(dir / "big.csv", kMaxImportFileBytes + 1); // sparse
    EXPECT_EQ(refusal(dir / "big.csv"), (dir / "big.csv").string() +
                                            ": is larger than 256 MiB, the most an import file "
                                            "may be");
}

TEST(HostileFiles, TheCliSaysWhyAPathIsNotAFileAndExitsTwo) {
    ScratchDir dir;
    const std::string ledger = (dir / "never-opened.ledger").string();
    const std::string folder = dir.path().string();
    CliResult r = runCli({"--ledger", ledger, "import", "staff", folder});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, folder + ": is a folder, not a file\n");
    r = runCli({"--ledger", ledger, "import", "staff", "/dev/zero"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "/dev/zero: is a device, not a file\n");
    const std::string pipe = (dir / "pipe").string();
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    r = runCli({"--ledger", ledger, "import", "staff", pipe, "--dry-run"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, pipe + ": is a pipe, not a file (save what it gives to a file and import "
                            "that)\n");
    EXPECT_FALSE(std::filesystem::exists(ledger));
}

// --- 15. Every problem has its place -----------------------------------------------------

TEST(HostilePlaces, QuotingAndUtf8ProblemsNameTheColumn) {
    Small small;
    const std::string csv = kCompletionsHeader + "E1,FIRE,2025-01-01,,\"a\"b\n" +
                            "E1,FIRE,2025-02-01,,not \xC3\x28 UTF-8\n" +
                            "E1,FI\"RE,2025-03-01,,\n" + "E1,FIRE,2025-04-01,,,extra\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Completions, csv),
              (std::vector<std::string>{
                  "in.csv:2: evidence: unexpected text after a closing quote (write \"\" for a "
                  "quote)",
                  "in.csv:3: evidence: the text is not valid UTF-8 (at byte 5 of the field; save "
                  "the file as UTF-8)",
                  "in.csv:4: module: a quote inside an unquoted field (quote the whole field)",
                  "in.csv:5: (column 6): the record has 6 fields but the header has 5",
              }));
}

TEST(HostilePlaces, CrOnlyFilesCountLinesLikeTheOthers) {
    EXPECT_EQ(csvErrors("a,b\r1,\"two\rlines\"\r2,x\"y\r3,bad \xC3\x28\r"),
              (std::vector<std::string>{
                  "4:2: a quote inside an unquoted field (quote the whole field)",
                  "5:2: the text is not valid UTF-8 (at byte 5 of the field; save the file as "
                  "UTF-8)",
              }));
    const CsvDocument doc = parseCsv("a,b\r1,\"two\rlines\"\rlast,z\r");
    ASSERT_EQ(doc.records.size(), 3u);
    EXPECT_EQ(doc.records[2].line, 4);
    EXPECT_EQ(doc.records[1].fields[1], "two\rlines");
}

TEST(HostilePlaces, OneBadQuoteDoesNotHideLaterProblems) {
    Small small;
    const std::string csv = kModulesHeader + "A,A,12,,,,\n" + "B,\"Stray quote,12,,,,\n" +
                            "C,C,0,,,,\n" + "D,D,12,sometimes,,,\n";
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Modules, csv),
              (std::vector<std::string>{
                  "in.csv:3: title: a quoted field opened on line 3 is never closed (missing \")",
                  "in.csv:4: renewal_months: '0' is not a whole number of months (or none) from "
                  "1 to 999",
                  "in.csv:5: renewal_basis: 'sometimes' is not completion or expiry",
              }));
}

TEST(HostilePlaces, OneFieldIsReportedOnce) {
    EXPECT_EQ(csvErrors("a,b\nx,y\"z\"w\"\n"),
              (std::vector<std::string>{
                  "2:2: a quote inside an unquoted field (quote the whole field)"}));
    Small small;
    const std::string longId(60, 'E');
    EXPECT_EQ(importErrors(small.ledger, ImportKind::Staff,
                           kStaffHeader + staffRow(longId + "\xE2\x80\x8B", "Sam") +
                               staffRow("E2 ", "Al") + staffRow("E2 ", "Other")),
              (std::vector<std::string>{
                  "in.csv:2: employee_id: holds the invisible character U+200B (zero width "
                  "space) at character 61",
                  "in.csv:3: employee_id: ends with a space",
                  "in.csv:4: employee_id: ends with a space",
              }));
}

TEST(BoundedCsv, AQuoteNeverClosedPastTheColumnLimitIsPlacedAtTheLimit) {
    // Found by fuzz_csv: a record of 300 fields whose 257th opens a quote that never closes.
    std::string row = "a";
    for (int i = 1; i < 300; ++i) {
        row += i == 256 ? ",\"x" : ",x";
    }
    const CsvDocument doc = parseCsv("h\n" + row + "\nnext,line\n");
    ASSERT_EQ(doc.errors.size(), 2u);
    EXPECT_EQ(doc.errors[0].line, 2);
    EXPECT_EQ(doc.errors[0].column, kMaxCsvColumns);
    EXPECT_NE(doc.errors[1].message.find("never closed"), std::string::npos);
    EXPECT_EQ(doc.errors[1].column, kMaxCsvColumns);
}
