// CPD on a server: who sees and writes what (row-level security, schema step 4), each kind
// of account logged in as itself: staff their own entries, drafts included, and nobody
// else's; managers the final entries of their tree and their evidence, never a draft; leads
// every final entry; theme reach the same. And a ledger's CPD, evidence included, copied
// from a file to a server and back byte for byte.

#include "postgres/pg_test_cluster.h"

#include "io/importer.h"
#include "ledger.h"
#include "postgres/pg_store.h"
#include "postgres/server_admin.h"
#include "test_support.h"

#include "cpd/cpd_export.h"
#include "export/pdf.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger::test {
namespace {

using namespace std::string_literals;

const Date kToday = makeDate(2026, 11, 25);

CpdEntry entryOf(const std::string& who, Date date, const std::string& title,
                 CpdStatus status = CpdStatus::Final) {
    CpdEntry e;
    e.employeeId = who;
    e.date = date;
    e.title = title;
    e.type = CpdType::Course;
    e.hours = 300;
    e.description = "A course";
    e.learning = "Something learnt";
    e.impact = "Better practice";
    e.status = status;
    return e;
}

/// Employee id and title of each entry, in the order read.
std::vector<std::string> keys(const std::vector<CpdEntry>& entries) {
    std::vector<std::string> out;
    for (const CpdEntry& e : entries) {
        out.push_back(e.employeeId + ":" + e.title);
    }
    return out;
}

std::vector<std::string> touches(Ledger& ledger) {
    std::vector<std::string> out;
    for (const ThemeWithTouches& t : ledger.sessions().themesWithTouches()) {
        for (const ThemeTouch& touch : t.touches) {
            if (touch.kind == ThemeTouch::Kind::CpdEntry) {
                for (const std::string& p : touch.people) {
                    out.push_back(t.key + ":" + p);
                }
            }
        }
    }
    return out;
}

class PgCpd : public PgLedgerTest {
protected:
    /// A ledger with theme CHG and people A and B (managed by M), C (managed by nobody), M
    /// and L; logins for A and B (staff), M (manager) and L (lead).
    void SetUp() override {
        PgLedgerTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_db = newLedger();
        pg::Connection admin = owner(m_db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker')");
        admin.exec(R"sql(
INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, start_date, line_manager_id)
SELECT p.id, 'Person ' || p.id, (SELECT id FROM ledger.team), (SELECT id FROM ledger.role),
       DATE '2020-01-06', p.manager
FROM (VALUES ('A', 'M'), ('B', 'M'), ('C', ''), ('M', ''), ('L', '')) AS p(id, manager))sql");
        admin.exec("INSERT INTO ledger.audit_theme (key, title, source, raised_on, priority, "
                   "status) VALUES ('CHG', 'Charging', 'ombudsman', '2025-01-01', 'high', 'open')");
        m_logins = {{"A", account(m_db, "A", pg::Access::Staff)},
                    {"B", account(m_db, "B", pg::Access::Staff)},
                    {"M", account(m_db, "M", pg::Access::Manager)},
                    {"L", account(m_db, "L", pg::Access::WorkforceLead)}};
    }

    Ledger as(const std::string& who) {
        return Ledger::open(location(m_db, m_logins.at(who)), kTestPassword, OpenMode::ReadWrite);
    }
    pg::Connection rawAs(const std::string& who) {
        pg::ConnectOptions options;
        options.password = kTestPassword;
        options.searchPath = "ledger";
        return pg::Connection::open(conninfo(m_db, m_logins.at(who)), options);
    }
    std::string count(const std::string& table) {
        return owner(m_db).exec("SELECT count(*) FROM ledger." + table).text(0, 0);
    }

    /// Each person's entries as they write them: A, B and M a final and a draft each (A's
    /// final with evidence; A's final and B's draft linked to CHG), C's final written by the
    /// lead (an import's way), linked to CHG.
    void writeEntries() {
        for (const std::string who : {"A", "B", "M"}) {
            Ledger l = as(who);
            CpdEntry final = entryOf(who, makeDate(2026, 3, 1), who + " final");
            CpdEntry draft = entryOf(who, makeDate(2026, 3, 2), who + " draft", CpdStatus::Draft);
            if (who == "A") {
                final.themes = {"CHG"};
            }
            if (who == "B") {
                draft.themes = {"CHG"};
            }
            m_ids[who + " final"] = l.cpd().save(final, kToday, who);
            m_ids[who + " draft"] = l.cpd().save(draft, kToday, who);
            m_ids[who + " evidence"] =
                l.cpd().attach(AttachmentOwner::CpdEntry, m_ids[who + " final"], who + ".txt",
                               "text/plain", std::string(1, '\0') + who + "\xff", who);
            m_ids[who + " draft evidence"] =
                l.cpd().attach(AttachmentOwner::CpdEntry, m_ids[who + " draft"], who + "-draft.txt",
                               "text/plain", "draft", who);
        }
        Ledger lead = as("L");
        CpdEntry c = entryOf("C", makeDate(2026, 2, 1), "C final");
        c.themes = {"CHG"};
        m_ids["C final"] = lead.cpd().save(c, kToday, "L");
    }

    std::string m_db;
    std::map<std::string, std::string> m_logins;
    std::map<std::string, RecordId> m_ids;
};

TEST_F(PgCpd, StaffSeeTheirOwnEntriesDraftsIncludedAndNobodyElses) {
    writeEntries();
    Ledger a = as("A");
    EXPECT_EQ(keys(a.cpd().all()), (std::vector<std::string>{"A:A final", "A:A draft"}));
    EXPECT_TRUE(a.cpd().of("B").empty());
    EXPECT_FALSE(a.cpd().find(m_ids["B final"]));
    EXPECT_FALSE(a.cpd().attachment(m_ids["B evidence"]));
    EXPECT_FALSE(a.cpd().attachmentBytes(m_ids["B evidence"]));
    EXPECT_TRUE(a.cpd().attachments(AttachmentOwner::CpdEntry, m_ids["B final"]).empty());
    EXPECT_EQ(a.cpd().attachmentBytes(m_ids["A evidence"]), "\0A\xff"s);
    EXPECT_EQ(a.cpd().find(m_ids["A final"])->themes, (std::set<std::string>{"CHG"}));
    EXPECT_EQ(touches(a), (std::vector<std::string>{"CHG:A"}));
    EXPECT_EQ(keys(as("B").cpd().all()), (std::vector<std::string>{"B:B final", "B:B draft"}));
    // Their change-log entries are about themselves.
    for (const ChangeLogEntry& e : a.audit().changeLog("", "")) {
        EXPECT_TRUE(e.subject == "A" || e.subject.empty()) << e.entity << " " << e.recordKey;
    }
    EXPECT_FALSE(a.audit().historyOf("A").empty());
}

TEST_F(PgCpd, StaffCannotWriteAnotherPersonsEntriesOrEvidence) {
    writeEntries();
    const std::vector<std::string> tables{"cpd_entry", "cpd_entry_theme", "attachment",
                                          "change_log"};
    std::vector<std::string> before;
    for (const std::string& t : tables) {
        before.push_back(count(t));
    }
    const std::string bEntries =
        owner(m_db)
            .exec("SELECT string_agg(title || version, ',' ORDER BY id) FROM "
                  "ledger.cpd_entry WHERE staff_id = (SELECT id FROM ledger.staff "
                  "WHERE employee_id = 'B')")
            .text(0, 0);
    {
        Ledger a = as("A");
        EXPECT_THROW(a.cpd().save(entryOf("B", makeDate(2026, 4, 1), "Not mine"), kToday, "A"),
                     Error);
        EXPECT_THROW(a.cpd().remove(m_ids["B final"], "A"), Conflict);
        EXPECT_THROW(a.cpd().attach(AttachmentOwner::CpdEntry, m_ids["B final"], "x.txt",
                                    "text/plain", "x", "A"),
                     Error);
        EXPECT_THROW(a.cpd().detach(m_ids["B evidence"], "A"), Conflict);
    }
    // Straight at the server too: refused, or touching nothing.
    pg::Connection raw = rawAs("A");
    EXPECT_THROW(
        raw.execParams(
            "INSERT INTO cpd_entry (staff_id, date, title, type, hours, "
            "status) VALUES ($1::bigint, '2026-04-01', 'Not mine', 'course', "
            "100, 'final')",
            {owner(m_db).exec("SELECT id FROM ledger.staff WHERE employee_id = 'B'").text(0, 0)}),
        NotPermitted);
    EXPECT_EQ(raw.execParams("UPDATE cpd_entry SET title = 'Changed' WHERE id = $1",
                             {std::to_string(m_ids["B final"])})
                  .affectedRows(),
              0);
    EXPECT_EQ(
        raw.execParams("DELETE FROM cpd_entry WHERE id = $1", {std::to_string(m_ids["B final"])})
            .affectedRows(),
        0);
    EXPECT_THROW(raw.execParams("INSERT INTO attachment (cpd_entry_id, name, size, sha256, "
                                "content) VALUES ($1::bigint, 'x', 1, repeat('0', 64), '\\x00')",
                                {std::to_string(m_ids["B final"])}),
                 NotPermitted);
    EXPECT_THROW(raw.execParams("INSERT INTO cpd_entry_theme (cpd_entry_id, theme_id) SELECT "
                                "$1::bigint, id FROM audit_theme",
                                {std::to_string(m_ids["B final"])}),
                 NotPermitted);
    // Moving one's own entry to someone else is refused too.
    EXPECT_THROW(raw.execParams("UPDATE cpd_entry SET staff_id = staff_id + 1 WHERE id = $1",
                                {std::to_string(m_ids["A final"])}),
                 NotPermitted);
    // And a change-log entry about someone else, or not about CPD.
    EXPECT_THROW(raw.exec("INSERT INTO change_log (at, actor, entity, record_key, action) "
                          "VALUES ('2026-01-01T00:00:00Z', 'x', 'staff', 'A', 'edit')"),
                 NotPermitted);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        EXPECT_EQ(count(tables[i]), before[i]) << tables[i];
    }
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT string_agg(title || version, ',' ORDER BY id) FROM "
                        "ledger.cpd_entry WHERE staff_id = (SELECT id FROM ledger.staff "
                        "WHERE employee_id = 'B')")
                  .text(0, 0),
              bEntries);
}

TEST_F(PgCpd, StaffAddAndRemoveTheirOwnEvidenceAndEntries) {
    writeEntries();
    Ledger a = as("A");
    // The login is A's: My learning shows A.
    EXPECT_EQ(a.accountEmployeeId(), "A");
    const RecordId file = a.cpd().attach(AttachmentOwner::CpdEntry, m_ids["A final"], "notes.txt",
                                         "text/plain", "my notes", "A");
    EXPECT_EQ(a.cpd().attachmentBytes(file), std::optional<std::string>("my notes"));
    a.cpd().detach(file, "A");
    EXPECT_EQ(a.cpd().attachment(file), std::nullopt);
    a.cpd().detach(m_ids["A evidence"], "A");
    a.cpd().remove(m_ids["A draft"], "A");
    EXPECT_EQ(a.cpd().find(m_ids["A draft"]), std::nullopt);
    // The change log says so, about A: B reads none of it.
    EXPECT_FALSE(a.audit().historyOf("A").empty());
    EXPECT_TRUE(as("B").audit().historyOf("A").empty());
}

TEST_F(PgCpd, AManagerSeesTheFinalEntriesOfTheirTreeAndNeverADraft) {
    writeEntries();
    Ledger m = as("M");
    EXPECT_EQ(keys(m.cpd().all()),
              (std::vector<std::string>{"A:A final", "B:B final", "M:M final", "M:M draft"}));
    EXPECT_FALSE(m.cpd().find(m_ids["A draft"]));
    EXPECT_FALSE(m.cpd().find(m_ids["C final"]));
    EXPECT_EQ(m.cpd().find(m_ids["A final"])->themes, (std::set<std::string>{"CHG"}));
    // Evidence of the finals they see, none of a draft.
    const std::vector<Attachment> evidence =
        m.cpd().attachments(AttachmentOwner::CpdEntry, m_ids["A final"]);
    ASSERT_EQ(evidence.size(), 1u);
    EXPECT_EQ(m.cpd().attachmentBytes(evidence[0].id), "\0A\xff"s);
    EXPECT_FALSE(m.cpd().attachment(m_ids["A draft evidence"]));
    EXPECT_FALSE(m.cpd().attachmentBytes(m_ids["B draft evidence"]));
    EXPECT_TRUE(m.cpd().attachments(AttachmentOwner::CpdEntry, m_ids["A draft"]).empty());
    // B's draft links CHG, but only A's final reaches it for M.
    EXPECT_EQ(touches(m), (std::vector<std::string>{"CHG:A"}));
    {
        // The repository itself: no draft by its key, nor in theme reach.
        std::unique_ptr<pg::PgStore> store = pg::PgStore::open(
            scratch().uri(m_db, m_logins.at("M")), std::string(kTestPassword), OpenMode::ReadOnly);
        EXPECT_FALSE(store->cpd().entryByKey("B", makeDate(2026, 3, 2), "B draft"));
        EXPECT_TRUE(store->cpd().entryByKey("B", makeDate(2026, 3, 1), "B final"));
        EXPECT_FALSE(store->cpd().entryByKey("C", makeDate(2026, 2, 1), "C final"));
        const std::vector<ThemeCpdTouch> reach = store->cpd().themeCpdTouches();
        ASSERT_EQ(reach.size(), 1u);
        EXPECT_EQ(reach[0].employeeId, "A");
    }
    pg::Connection raw = rawAs("M");
    EXPECT_EQ(raw.exec("SELECT count(*) FROM cpd_entry_theme").text(0, 0), "1");
    EXPECT_EQ(raw.exec("SELECT count(*) FROM cpd_entry WHERE status = 'draft'").text(0, 0), "1");
    EXPECT_EQ(raw.exec("SELECT count(*) FROM attachment").text(0, 0), "4");
    // They write only their own.
    EXPECT_THROW(m.cpd().save(entryOf("A", makeDate(2026, 5, 1), "Written by M"), kToday, "M"),
                 NotPermitted);
    EXPECT_EQ(count("cpd_entry"), "7");
}

TEST_F(PgCpd, ALeadSeesEveryFinalEntryAndNoOneElsesDrafts) {
    writeEntries();
    Ledger l = as("L");
    EXPECT_EQ(keys(l.cpd().all()),
              (std::vector<std::string>{"A:A final", "B:B final", "C:C final", "M:M final"}));
    EXPECT_FALSE(l.cpd().find(m_ids["B draft"]));
    EXPECT_FALSE(l.cpd().attachment(m_ids["B draft evidence"]));
    EXPECT_EQ(l.cpd().attachmentBytes(m_ids["B evidence"]), "\0B\xff"s);
    EXPECT_EQ(touches(l), (std::vector<std::string>{"CHG:C", "CHG:A"}));
    // Their own drafts they see.
    const RecordId own =
        l.cpd().save(entryOf("L", makeDate(2026, 6, 1), "L draft", CpdStatus::Draft), kToday, "L");
    EXPECT_TRUE(l.cpd().find(own));
    EXPECT_FALSE(as("M").cpd().find(own));
}

// The exports read what the account may see (issue 10, item 5): staff only themselves (the
// CLI's "no such person" for anyone else), a manager their tree's final entries and their
// evidence, never a draft.
TEST_F(PgCpd, ExportsReadOnlyWhatTheAccountMaySee) {
    writeEntries();
    Ledger a = as("A");
    const auto own = a.cpd().exportData("A");
    ASSERT_TRUE(own);
    EXPECT_EQ(keys(own->entries), (std::vector<std::string>{"A:A final", "A:A draft"}));
    EXPECT_EQ(formatCpdRecordCsv(own->entries).find("A draft"), std::string::npos);
    ASSERT_EQ(own->evidence.at(m_ids["A final"]).size(), 1u);
    EXPECT_EQ(own->themeNames.at("CHG"), "Charging");
    EXPECT_FALSE(a.cpd().exportData("B"));
    EXPECT_FALSE(a.cpd().exportData("C"));

    Ledger m = as("M");
    const auto b = m.cpd().exportData("B");
    ASSERT_TRUE(b);
    EXPECT_EQ(keys(b->entries), (std::vector<std::string>{"B:B final"}));
    ASSERT_EQ(b->evidence.at(m_ids["B final"]).size(), 1u);
    EXPECT_EQ(b->evidence.count(m_ids["B draft"]), 0u);
    EXPECT_FALSE(m.cpd().exportData("C"));
    const std::string profile =
        renderPdf(hcpcProfileDocument(*b, {}, kToday)); // lays out without a display
    EXPECT_EQ(profile.rfind("%PDF-", 0), 0u);
}

TEST_F(PgCpd, CertificatesFollowTheirCompletion) {
    {
        pg::Connection admin = owner(m_db);
        admin.exec("INSERT INTO ledger.module (code, title) VALUES ('FIRE', 'Fire safety')");
    }
    Ledger m = as("M");
    Completion c;
    c.employeeId = "A";
    c.moduleCode = "FIRE";
    c.completedOn = makeDate(2026, 3, 5);
    const RecordId completion = m.training().addCompletion(c, kToday, "M");
    const RecordId file = m.cpd().attach(AttachmentOwner::Completion, completion, "cert.pdf",
                                         "application/pdf", "%PDF\0"s, "M");
    EXPECT_EQ(as("A").cpd().attachmentBytes(file), "%PDF\0"s);
    EXPECT_EQ(as("L").cpd().attachments(AttachmentOwner::Completion, completion).size(), 1u);
    EXPECT_FALSE(as("B").cpd().attachment(file));
    // Staff do not record completions, so attach no certificates.
    EXPECT_THROW(as("A").cpd().attach(AttachmentOwner::Completion, completion, "mine.pdf",
                                      "application/pdf", "x", "A"),
                 NotPermitted);
    EXPECT_EQ(count("attachment"), "1");
}

TEST_F(PgCpd, CpdGoesFromAFileToAServerAndBackByteForByte) {
    ScratchDir dir;
    const auto file = dir / "cpd.ledger";
    const std::string passphrase = "copy test passphrase 2026";
    std::string bytes(300'000, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        bytes[i] = static_cast<char>((i * 7) % 256);
    }
    std::vector<CpdEntry> entries;
    {
        Ledger ledger = Ledger::create(file, passphrase, "test");
        Staff s;
        s.employeeId = "A";
        s.fullName = "Person A";
        s.team = "East";
        s.role = "Social Worker";
        s.startDate = makeDate(2020, 1, 6);
        ledger.staff().add(s, kToday, "test");
        AuditTheme chg;
        chg.key = "CHG";
        chg.title = "Charging";
        chg.raisedOn = makeDate(2025, 1, 1);
        ledger.themes().save(chg, kToday, "test");
        CpdEntry e = entryOf("A", makeDate(2026, 3, 1), "Final");
        e.themes = {"CHG"};
        e.standards = {"4.2"};
        const RecordId id = ledger.cpd().save(e, kToday, "test");
        ledger.cpd().save(entryOf("A", makeDate(2026, 3, 1), "Draft", CpdStatus::Draft), kToday,
                          "test");
        ledger.cpd().attach(AttachmentOwner::CpdEntry, id, "scan.bin", "application/octet-stream",
                            bytes, "test");
        entries = ledger.cpd().all();
    }
    const std::string second = newLedger();
    {
        Ledger inFile = Ledger::open(file, passphrase, OpenMode::ReadOnly);
        inFile.copyTo(location(second), "");
    }
    const auto same = [&](Ledger& copy) {
        EXPECT_EQ(copy.cpd().all(), entries);
        const auto files = copy.cpd().attachments(AttachmentOwner::CpdEntry, entries[1].id);
        ASSERT_EQ(files.size(), 1u);
        EXPECT_EQ(files[0].sha256, sha256Hex(bytes));
        EXPECT_TRUE(copy.cpd().attachmentBytes(files[0].id) == bytes);
    };
    {
        Ledger onServer = Ledger::open(location(second), "", OpenMode::ReadOnly);
        same(onServer);
        onServer.copyTo(Location::file(dir / "back.ledger"), passphrase);
    }
    Ledger back = Ledger::open(dir / "back.ledger", passphrase, OpenMode::ReadOnly);
    same(back);
    EXPECT_EQ(back.check(), std::vector<std::string>{});
}

TEST_F(PgCpd, ASchemaThreeServerUpgradesAndKeepsCpd) {
    const std::string db = newLedger(3);
    {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        const pg::Upgrade done = pg::upgradeServer(admin);
        EXPECT_EQ(done.from, 3);
        EXPECT_EQ(done.to, pg::schema::kVersion);
    }
    pg::Connection admin = owner(db);
    EXPECT_EQ(admin.exec("SELECT value FROM ledger.meta WHERE key = 'schema_version'").text(0, 0),
              std::to_string(pg::schema::kVersion));
    EXPECT_EQ(admin
                  .exec("SELECT count(*) FROM pg_policies WHERE schemaname = 'ledger' AND "
                        "tablename IN ('cpd_entry', 'cpd_entry_theme', 'attachment')")
                  .text(0, 0),
              "15");
}

} // namespace
} // namespace ledger::test
