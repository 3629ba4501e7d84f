// Portfolios (issue 13 item 3), on both engines: one person's learning record out of a demo
// ledger and into another, where their page then shows the same completions and CPD (with the
// certificates' and evidence files' bytes); what a dry run, an unmatched module, a conflict, a
// damaged or wrong-passphrase file, a ledger archive or a missing person leave: nothing
// written. And on a server, a staff login exports its own portfolio only.

#include "archive/ledger_archive.h"
#include "archive/portfolio.h"
#include "archive/sealed_file.h"

#include "demo/demo_ledger.h"
#include "engines.h"
#include "io/importer.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ledger::test {
namespace {

constexpr const char* kPortfolioPassphrase = "portfolio passphrase for tests 2026";
const Date kToday = makeDate(2026, 11, 25);

GeneratorOptions demoOptions() {
    GeneratorOptions options;
    options.staff = 36;
    options.teams = 6;
    options.years = 2;
    options.seed = 11;
    options.today = kToday;
    return options;
}

/// A file as the person page offers it: its description and its bytes.
struct ShownFile {
    std::string name;
    std::string mediaType;
    std::string bytes;
    friend bool operator==(const ShownFile&, const ShownFile&) = default;
};

std::vector<ShownFile> filesOf(Ledger& ledger, AttachmentOwner owner, RecordId id) {
    std::vector<ShownFile> out;
    for (const Attachment& a : ledger.cpd().attachments(owner, id)) {
        out.push_back(ShownFile{a.name, a.mediaType, ledger.cpd().attachmentBytes(a.id).value()});
    }
    return out;
}

/// A completion as the person page shows it, with its certificates (no ids, no person).
struct ShownCompletion {
    std::string module;
    Date completedOn{};
    std::optional<Date> expiresOn;
    std::string evidence;
    bool voided = false;
    std::string voidReason;
    std::vector<ShownFile> certificates;
    friend bool operator==(const ShownCompletion&, const ShownCompletion&) = default;
    friend bool operator<(const ShownCompletion& a, const ShownCompletion& b) {
        return std::tie(a.module, a.completedOn) < std::tie(b.module, b.completedOn);
    }
};

std::vector<ShownCompletion> completionsShown(Ledger& ledger, const std::string& employeeId) {
    std::vector<ShownCompletion> out;
    for (const Completion& c : ledger.training().completionsOf(employeeId)) {
        out.push_back(ShownCompletion{c.moduleCode, c.completedOn, c.expiresOn, c.evidence,
                                      c.voided, c.voidReason,
                                      filesOf(ledger, AttachmentOwner::Completion, c.id)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// A CPD entry as the person page shows it, with its evidence; `source` names the module and
/// day of the completion it was made from.
struct ShownEntry {
    CpdEntry entry; ///< id, person, version and source cleared
    std::string source;
    std::vector<ShownFile> evidence;
    friend bool operator==(const ShownEntry&, const ShownEntry&) = default;
};

std::vector<ShownEntry> cpdShown(Ledger& ledger, const std::string& employeeId,
                                 bool withThemes = true) {
    std::vector<ShownEntry> out;
    for (const CpdEntry& e : ledger.cpd().of(employeeId)) {
        ShownEntry shown{e, {}, filesOf(ledger, AttachmentOwner::CpdEntry, e.id)};
        if (e.source) {
            if (const auto* c = std::get_if<CpdCompletionSource>(&*e.source)) {
                const auto made = ledger.training().completion(c->completionId);
                shown.source = made->employeeId == employeeId
                                   ? made->moduleCode + " " + formatIso(made->completedOn)
                                   : "someone else's";
            }
        }
        shown.entry.id = 0;
        shown.entry.employeeId.clear();
        shown.entry.version = {};
        shown.entry.source.reset();
        if (!withThemes) {
            shown.entry.themes.clear();
        }
        out.push_back(std::move(shown));
    }
    return out;
}

/// The demo's "who you are", given a certificate, a voided completion and an entry made
/// from a completion, so that every kind of record and link travels.
std::string preparePerson(Ledger& ledger, const std::string& who) {
    const std::vector<Completion> completions = ledger.training().completionsOf(who);
    EXPECT_GE(completions.size(), 3u);
    ledger.cpd().attach(AttachmentOwner::Completion, completions[0].id, "certificate.pdf",
                        "application/pdf", std::string("%PDF-1.4 \0\1\2 certificate", 24), "test");
    ledger.training().voidCompletion(completions[1].id, "entered twice", "test");
    CpdEntry made;
    made.employeeId = who;
    made.date = completions[0].completedOn;
    made.title = "What the " + completions[0].moduleCode + " course taught me";
    made.type = CpdType::Course;
    made.hours = 350;
    made.description = "The course, and what I read after it";
    made.learning = "Line one\nline two";
    made.impact = "I ask about capacity earlier";
    made.status = CpdStatus::Final;
    made.source = CpdCompletionSource{completions[0].id};
    ledger.cpd().save(made, kToday, "test");
    return who;
}

class PortfolioArchive : public EngineTest {
protected:
    /// The source demo ledger, its person prepared.
    Ledger source() {
        return ledgers().create("test", [this](Ledger& ledger) {
            m_who = preparePerson(ledger, fillDemoLedger(ledger, demoOptions(), "demo"));
        });
    }

    archive::PortfolioCounts exportTo(Ledger& ledger, const std::filesystem::path& file) {
        return ledger.portfolios().exportPortfolio(m_who, file, kPortfolioPassphrase, kToday,
                                                   nullptr, archive::minimumKdfCost());
    }

    archive::PortfolioPlan importInto(Ledger& ledger, const std::filesystem::path& file,
                                      bool dryRun, const std::string& as = {}) {
        archive::PortfolioImportOptions options;
        options.asEmployeeId = as;
        options.dryRun = dryRun;
        options.today = kToday;
        options.actor = "importer";
        options.fileName = file.filename().string();
        return ledger.portfolios().importPortfolio(file, kPortfolioPassphrase, options);
    }

    std::string m_who;
    ScratchDir m_dir;
};

INSTANTIATE_TEST_SUITE_P(Engines, PortfolioArchive, kEngines, engineName);

TEST_P(PortfolioArchive, ImportedAsAnotherPersonTheirPageShowsTheSameCompletionsAndCpd) {
    Ledger from = source();
    ASSERT_FALSE(m_who.empty());
    const auto file = m_dir / "portfolio.plportfolio";
    const archive::PortfolioCounts counts = exportTo(from, file);
    EXPECT_EQ(counts.completions, from.training().completionsOf(m_who).size());
    EXPECT_EQ(counts.certificates, 1u);
    EXPECT_EQ(counts.cpdEntries, from.cpd().of(m_who).size());
    EXPECT_GT(counts.evidence, 0u);
    EXPECT_GT(counts.sessions, 0u); // the demo's person attended a forum
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::others_all,
              std::filesystem::perms::none);

    // Another council's ledger (the same demo), where the person starts afresh as NEW01.
    EngineLedger other(GetParam());
    Ledger to = other.create("test", [this](Ledger& ledger) {
        (void)fillDemoLedger(ledger, demoOptions(), "demo");
        Staff person = ledger.staff().find(m_who).value();
        person.id = 0;
        person.version = {};
        person.employeeId = "NEW01";
        person.lineManagerId.clear();
        ledger.staff().add(person, kToday, "test");
    });
    const std::size_t before = to.audit().changeLog("", "").size();

    const archive::PortfolioPlan dry = importInto(to, file, true, "NEW01");
    EXPECT_TRUE(dry.clean());
    EXPECT_FALSE(dry.written);
    EXPECT_EQ(dry.fromEmployeeId, m_who);
    EXPECT_EQ(dry.toEmployeeId, "NEW01");
    EXPECT_EQ(dry.toAdd.size(), counts.completions + counts.cpdEntries);
    EXPECT_TRUE(dry.alreadyThere.empty());
    EXPECT_EQ(dry.history.sessions, counts.sessions);
    EXPECT_TRUE(to.training().completionsOf("NEW01").empty()); // a dry run writes nothing
    EXPECT_TRUE(to.cpd().of("NEW01").empty());
    EXPECT_EQ(to.audit().changeLog("", "").size(), before);

    const archive::PortfolioPlan done = importInto(to, file, false, "NEW01");
    EXPECT_TRUE(done.written);
    EXPECT_EQ(done.toAdd, dry.toAdd);
    EXPECT_EQ(completionsShown(to, "NEW01"), completionsShown(from, m_who));
    EXPECT_EQ(cpdShown(to, "NEW01"), cpdShown(from, m_who));
    bool pointsToTheirCompletion = false;
    for (const ShownEntry& e : cpdShown(to, "NEW01")) {
        pointsToTheirCompletion =
            pointsToTheirCompletion || (!e.source.empty() && e.source != "someone else's");
    }
    EXPECT_TRUE(pointsToTheirCompletion);
    // The import once, then each record and file, all naming the person.
    const auto log = to.audit().changeLog("", "");
    ASSERT_GT(log.size(), before);
    EXPECT_EQ(std::count_if(log.begin(), log.end(),
                            [](const ChangeLogEntry& e) {
                                return e.entity == "portfolio" && e.action == "import" &&
                                       e.actor == "importer" && e.subject == "NEW01";
                            }),
              1);
    EXPECT_EQ(std::count_if(log.begin(), log.end(),
                            [](const ChangeLogEntry& e) {
                                return e.entity == "certificate" && e.subject == "NEW01";
                            }),
              1);
    EXPECT_EQ(to.check(), std::vector<std::string>{});

    // Again: everything is already there, and nothing more is written.
    const std::size_t after = to.audit().changeLog("", "").size();
    const archive::PortfolioPlan again = importInto(to, file, false, "NEW01");
    EXPECT_TRUE(again.clean());
    EXPECT_FALSE(again.written);
    EXPECT_TRUE(again.toAdd.empty());
    EXPECT_EQ(again.alreadyThere.size(), dry.toAdd.size());
    EXPECT_EQ(to.audit().changeLog("", "").size(), after);
}

TEST_P(PortfolioArchive, AConflictIsListedAndNothingIsWrittenNotEvenWhatIsNew) {
    Ledger ledger = source();
    const auto file = m_dir / "portfolio.plportfolio";
    (void)exportTo(ledger, file);

    // Into the ledger it came from: all of it is already there.
    const archive::PortfolioPlan same = importInto(ledger, file, false);
    EXPECT_TRUE(same.clean());
    EXPECT_TRUE(same.toAdd.empty());
    EXPECT_FALSE(same.written);

    // One entry changed here, another removed: the removed one would be new, the changed one
    // conflicts, and so nothing is written.
    std::vector<CpdEntry> entries = ledger.cpd().of(m_who);
    ASSERT_GE(entries.size(), 2u);
    CpdEntry changed = entries[0];
    changed.hours += 25;
    ledger.cpd().save(changed, kToday, "test");
    ledger.cpd().remove(entries[1].id, "test");
    const auto shownBefore = cpdShown(ledger, m_who);
    const std::size_t logBefore = ledger.audit().changeLog("", "").size();

    const archive::PortfolioPlan plan = importInto(ledger, file, false);
    EXPECT_FALSE(plan.clean());
    EXPECT_FALSE(plan.written);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].kind, archive::PortfolioItem::Kind::CpdEntry);
    EXPECT_EQ(plan.conflicts[0].title, entries[0].title);
    EXPECT_EQ(plan.conflicts[0].differences, std::vector<std::string>{"hours"});
    ASSERT_EQ(plan.toAdd.size(), 1u);
    EXPECT_EQ(plan.toAdd[0].title, entries[1].title);
    EXPECT_EQ(cpdShown(ledger, m_who), shownBefore);
    EXPECT_EQ(ledger.audit().changeLog("", "").size(), logBefore);

    // A completion's certificate removed here conflicts too.
    const auto withCertificate = ledger.training().completionsOf(m_who);
    for (const Completion& c : withCertificate) {
        for (const Attachment& a : ledger.cpd().attachments(AttachmentOwner::Completion, c.id)) {
            ledger.cpd().detach(a.id, "test");
        }
    }
    const archive::PortfolioPlan second = importInto(ledger, file, true);
    ASSERT_EQ(second.conflicts.size(), 2u);
    EXPECT_EQ(second.conflicts[0].kind, archive::PortfolioItem::Kind::Completion);
    EXPECT_EQ(second.conflicts[0].differences, std::vector<std::string>{"certificates"});
}

TEST_P(PortfolioArchive, UnmatchedModulesAreListedAndNothingIsWrittenUntilTheModuleIsThere) {
    Ledger from = source();
    const auto file = m_dir / "portfolio.plportfolio";
    (void)exportTo(from, file);
    const auto completions = from.training().completionsOf(m_who);
    ASSERT_FALSE(completions.empty());
    const std::string missing = completions.front().moduleCode;

    // A council with the same staff and every module but one, and no records.
    LedgerData data = generateCouncil(demoOptions());
    data.completions.clear();
    const auto module = std::find_if(data.modules.begin(), data.modules.end(),
                                     [&](const Module& m) { return m.code == missing; });
    ASSERT_NE(module, data.modules.end());
    const Module kept = *module;
    data.modules.erase(module);
    std::erase_if(data.requirements, [&](const Requirement& r) { return r.moduleCode == missing; });
    EngineLedger other(GetParam());
    Ledger to = other.create(
        "test", [&](Ledger& ledger) { ledger.imports().records(data, kToday, "test"); });

    const archive::PortfolioPlan plan = importInto(to, file, false);
    EXPECT_FALSE(plan.clean());
    EXPECT_FALSE(plan.written);
    ASSERT_EQ(plan.unmatchedModules.size(), 1u);
    EXPECT_EQ(plan.unmatchedModules[0].first, missing);
    EXPECT_EQ(plan.unmatchedModules[0].second,
              static_cast<std::size_t>(
                  std::count_if(completions.begin(), completions.end(),
                                [&](const Completion& c) { return c.moduleCode == missing; })));
    EXPECT_FALSE(plan.toAdd.empty());
    EXPECT_TRUE(to.training().completionsOf(m_who).empty());
    EXPECT_TRUE(to.cpd().of(m_who).empty());

    // With the module added, it comes in whole, matched by the person's own employee id; the
    // themes this council has none of are left out of the entries.
    to.training().saveModule(kept, true, "test");
    const archive::PortfolioPlan done = importInto(to, file, false);
    EXPECT_TRUE(done.written);
    EXPECT_EQ(done.toEmployeeId, m_who);
    EXPECT_EQ(completionsShown(to, m_who), completionsShown(from, m_who));
    EXPECT_EQ(cpdShown(to, m_who, false), cpdShown(from, m_who, false));
    for (const ShownEntry& e : cpdShown(to, m_who)) {
        EXPECT_TRUE(e.entry.themes.empty());
    }
}

TEST_P(PortfolioArchive, DamagedWrongPassphraseLedgerArchivesAndMissingPeopleWriteNothing) {
    Ledger ledger = source();
    const auto file = m_dir / "portfolio.plportfolio";
    (void)exportTo(ledger, file);
    ledger.cpd().remove(ledger.cpd().of(m_who).front().id, "test"); // something to add
    const auto shown = cpdShown(ledger, m_who);
    const std::size_t logBefore = ledger.audit().changeLog("", "").size();
    archive::PortfolioImportOptions options;
    options.today = kToday;
    options.actor = "importer";

    EXPECT_THROW(ledger.portfolios().importPortfolio(file, "not the passphrase at all", options),
                 WrongPassphrase);

    std::string bytes = readAll(file);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x10);
    const auto damaged = m_dir / "damaged.plportfolio";
    writeAll(damaged, bytes);
    EXPECT_THROW(ledger.portfolios().importPortfolio(damaged, kPortfolioPassphrase, options),
                 archive::ArchiveDamaged);
    writeAll(m_dir / "cut.plportfolio", bytes.substr(0, bytes.size() - 40));
    EXPECT_THROW(ledger.portfolios().importPortfolio(m_dir / "cut.plportfolio",
                                                     kPortfolioPassphrase, options),
                 archive::ArchiveDamaged);

    // A whole ledger's archive is not a portfolio, nor a portfolio a ledger's archive.
    const auto whole = m_dir / "ledger.plarchive";
    (void)ledger.exportArchive(whole, kPortfolioPassphrase);
    try {
        (void)ledger.portfolios().importPortfolio(whole, kPortfolioPassphrase, options);
        ADD_FAILURE() << "a ledger archive was taken for a portfolio";
    } catch (const archive::ArchiveDamaged& e) {
        EXPECT_NE(std::string(e.what()).find("archive import"), std::string::npos) << e.what();
    }
    try {
        (void)Ledger::importArchive(file, kPortfolioPassphrase,
                                    Location::file(m_dir / "restored.ledger"),
                                    "a long passphrase 2026");
        ADD_FAILURE() << "a portfolio was restored as a ledger";
    } catch (const archive::ArchiveDamaged& e) {
        EXPECT_NE(std::string(e.what()).find("import-portfolio"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(m_dir / "restored.ledger"));

    // The person must be here: by the portfolio's employee id, or the one given.
    options.asEmployeeId = "NOBODY";
    try {
        (void)ledger.portfolios().importPortfolio(file, kPortfolioPassphrase, options);
        ADD_FAILURE() << "imported to no one";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 1u);
        EXPECT_EQ(e.errors()[0].field, "employee_id");
        EXPECT_NE(e.errors()[0].message.find("NOBODY"), std::string::npos);
    }

    EXPECT_EQ(cpdShown(ledger, m_who), shown);
    EXPECT_EQ(ledger.audit().changeLog("", "").size(), logBefore);
    // And the file as it was still comes in: the refusals above left nothing half-done.
    options.asEmployeeId.clear();
    EXPECT_TRUE(ledger.portfolios().importPortfolio(file, kPortfolioPassphrase, options).written);
}

TEST_P(PortfolioArchive, AnExistingFileIsNeverOverwrittenAndSomeoneMissingIsNamed) {
    Ledger ledger = source();
    const auto file = m_dir / "portfolio.plportfolio";
    writeAll(file, "already here");
    EXPECT_THROW(exportTo(ledger, file), AlreadyExists);
    EXPECT_EQ(readAll(file), "already here");
    EXPECT_THROW(ledger.portfolios().exportPortfolio("NOBODY", m_dir / "x", kPortfolioPassphrase,
                                                     kToday, nullptr, archive::minimumKdfCost()),
                 ValidationError);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "x"));
}

/// A staff login on a server: its own portfolio, whole (drafts too), and no one else's.
class PortfolioOnServer : public PortfolioArchive {};
INSTANTIATE_TEST_SUITE_P(Engines, PortfolioOnServer, ::testing::Values(Engine::Postgres),
                         engineName);

TEST_P(PortfolioOnServer, AStaffLoginExportsItsOwnPortfolioOnly) {
    Ledger admin = source();
    const auto asAdmin = exportTo(admin, m_dir / "admin.plportfolio");
    std::string someoneElse;
    for (const Staff& s : admin.training().records().staff) {
        if (s.employeeId != m_who && !admin.cpd().of(s.employeeId).empty()) {
            someoneElse = s.employeeId;
            break;
        }
    }
    ASSERT_FALSE(someoneElse.empty());

    const std::string db = ledgers().database();
    const std::string login = db + "_pf";
    ledgers().scratch().trackRole(login);
    {
        pg::Connection owner = pg::Connection::open(ledgers().scratch().conninfo(db));
        pg::addAccount(owner, m_who, login, pg::Access::Staff, "a long staff password 2026");
    }
    Ledger asStaff = Ledger::open(Location::parse(ledgers().scratch().uri(db, login)),
                                  "a long staff password 2026", OpenMode::ReadOnly);
    ASSERT_EQ(asStaff.accountEmployeeId(), m_who);
    const auto own =
        asStaff.portfolios().exportPortfolio(m_who, m_dir / "own.plportfolio", kPortfolioPassphrase,
                                             kToday, nullptr, archive::minimumKdfCost());
    EXPECT_EQ(own, asAdmin);
    EXPECT_THROW((void)asStaff.portfolios().exportPortfolio(
                     someoneElse, m_dir / "theirs.plportfolio", kPortfolioPassphrase, kToday,
                     nullptr, archive::minimumKdfCost()),
                 NotPermitted);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "theirs.plportfolio"));
}

// ---- the payload: read by name, by later versions too ----------------------------------------

std::string payloadWith(const std::string& format, bool extras) {
    std::ostringstream out;
    archive::ArchiveInfo info{std::string(archive::kPortfolioKind), 1, "Practice Ledger 9.9.9",
                              "HW1"};
    archive::PayloadWriter writer(out, info);
    writer.beginTable(TableColumns{"portfolio", {"id", "format", "employee_id", "full_name"}});
    writer.row({"1", format, "HW1", "Ann Example"});
    writer.endTable();
    if (extras) {
        // A later version's table and column, and a completion without evidence or void
        // columns (an older one's): read by name, the unknown passed over.
        writer.beginTable(TableColumns{"future_table", {"id", "whatever"}});
        writer.row({"1", "x"});
        writer.endTable();
        writer.beginTable(TableColumns{
            "completion", {"id", "employee_id", "module", "completed_on", "a_later_column"}});
        writer.row({"7", "HW1", "MCA", "2025-01-02", "later"});
        writer.endTable();
    }
    writer.finish();
    return out.str();
}

TEST(PortfolioPayload, ReadsByNamePassingOverWhatALaterVersionAdded) {
    std::istringstream in(payloadWith("1", true));
    const archive::Portfolio p = archive::readPortfolioPayload(in);
    EXPECT_EQ(p.person.employeeId, "HW1");
    EXPECT_EQ(p.person.fullName, "Ann Example");
    ASSERT_EQ(p.completions.size(), 1u);
    EXPECT_EQ(p.completions[0].completion.moduleCode, "MCA");
    EXPECT_EQ(p.completions[0].completion.completedOn, makeDate(2025, 1, 2));
    EXPECT_EQ(p.completions[0].completion.evidence, "");
    EXPECT_FALSE(p.completions[0].completion.voided);
}

TEST(PortfolioPayload, ALaterFormatIsRefusedNamingTheVersion) {
    std::istringstream in(payloadWith("2", false));
    try {
        (void)archive::readPortfolioPayload(in);
        ADD_FAILURE() << "a later format was read";
    } catch (const archive::ArchiveDamaged& e) {
        EXPECT_NE(std::string(e.what()).find("newer version"), std::string::npos) << e.what();
    }
}

TEST(PortfolioPayload, WhatWasWrittenIsReadBackTheSame) {
    archive::Portfolio p;
    p.writtenBy = "Practice Ledger 0.1.0";
    p.exportedOn = kToday;
    p.person.employeeId = "HW1";
    p.person.fullName = "Ann Example";
    archive::PortfolioCompletion c;
    c.completion.id = 3;
    c.completion.employeeId = "HW1";
    c.completion.moduleCode = "MCA";
    c.completion.completedOn = makeDate(2025, 1, 2);
    c.completion.expiresOn = makeDate(2028, 1, 2);
    c.completion.voided = true;
    c.completion.voidReason = "twice";
    c.moduleTitle = "Mental Capacity Act";
    c.certificates.push_back(
        {"c.pdf", "application/pdf", sha256Hex(std::string("\0x", 2)), std::string("\0x", 2)});
    p.completions.push_back(c);
    archive::PortfolioCpdEntry e;
    e.entry.id = 9;
    e.entry.employeeId = "HW1";
    e.entry.date = makeDate(2025, 2, 3);
    e.entry.title = "A forum";
    e.entry.hours = 150;
    e.entry.standards = {"4.1", "4.3"};
    e.entry.themes = {"advocacy"};
    e.sourceCompletion = 3;
    e.evidence.push_back({"log.txt", "text/plain", sha256Hex("log"), "log"});
    p.cpd.push_back(e);
    std::ostringstream out;
    archive::writePortfolioPayload(p, 7, out);
    std::istringstream in(out.str());
    const archive::Portfolio back = archive::readPortfolioPayload(in);
    EXPECT_EQ(back.person.fullName, "Ann Example");
    EXPECT_EQ(back.exportedOn, kToday);
    ASSERT_EQ(back.completions.size(), 1u);
    EXPECT_EQ(back.completions[0].completion, c.completion);
    EXPECT_EQ(back.completions[0].moduleTitle, c.moduleTitle);
    EXPECT_EQ(back.completions[0].certificates, c.certificates);
    ASSERT_EQ(back.cpd.size(), 1u);
    EXPECT_EQ(back.cpd[0].entry, e.entry);
    EXPECT_EQ(back.cpd[0].sourceCompletion, 3);
    EXPECT_EQ(back.cpd[0].evidence, e.evidence);
}

} // namespace
} // namespace ledger::test
