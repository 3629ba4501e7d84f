// CPD kept in the store, on both engines: entries saved, read, updated and removed through
// the service with their themes, standards and source; duplicate keys and stale versions
// refused; evidence and certificates kept byte for byte (a 10 MiB file of every byte value),
// a file over 25 MiB refused with nothing saved; and only final entries reaching a theme.

#include "engines.h"
#include "io/importer.h"
#include "ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace ledger {
namespace {

using test::EngineTest;
using namespace std::string_literals;

const Date kToday = makeDate(2026, 11, 25);

Staff person(const char* id) {
    Staff s;
    s.employeeId = id;
    s.fullName = std::string("Person ") + id;
    s.team = "East";
    s.role = "Social Worker";
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

CpdEntry entryOf(const char* who, Date date, const char* title,
                 CpdStatus status = CpdStatus::Final) {
    CpdEntry e;
    e.employeeId = who;
    e.date = date;
    e.title = title;
    e.type = CpdType::PracticeForum;
    e.hours = 150;
    e.description = "Forum on charging";
    e.learning = "How charging is explained";
    e.impact = "Clearer letters";
    e.standards = {"4.1", "4.3"};
    e.status = status;
    return e;
}

/// `size` bytes 0, 1, ..., 255, 0, 1, ...
std::string everyByte(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>(i % 256);
    }
    return bytes;
}

class CpdStore : public EngineTest {
protected:
    void SetUp() override {
        EngineTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_ledger.emplace(ledgers().create("test"));
        Module fire;
        fire.code = "FIRE";
        fire.title = "Fire safety";
        fire.renewalMonths = 12;
        l().training().saveModule(fire, true, "test");
        for (const char* id : {"A", "B"}) {
            l().staff().add(person(id), kToday, "test");
        }
        AuditTheme chg;
        chg.key = "CHG";
        chg.title = "Charging explained poorly";
        chg.raisedOn = makeDate(2025, 1, 1);
        chg.priority = ThemePriority::High;
        l().themes().save(chg, kToday, "test");
        LearningSession s;
        s.key = "F1";
        s.kind = SessionKind::PracticeForum;
        s.title = "Practice forum: charging";
        s.startsAt = "2026-03-10T10:00";
        s.endsAt = "2026-03-10T12:00";
        s.themes = {"CHG"};
        l().sessions().save(s, kToday, "test");
    }

    Ledger& l() { return *m_ledger; }
    CpdService& cpd() { return l().cpd(); }
    std::size_t changes() { return l().audit().changeLog("", "").size(); }

private:
    std::optional<Ledger> m_ledger;
};

INSTANTIATE_TEST_SUITE_P(Engines, CpdStore, test::kEngines, test::engineName);

TEST_P(CpdStore, AnEntryIsSavedReadUpdatedAndRemoved) {
    CpdEntry e = entryOf("A", makeDate(2026, 3, 10), "Charging forum");
    e.themes = {"CHG"};
    e.source = CpdSessionSource{"F1"};
    const RecordId id = cpd().save(e, kToday, "test");
    cpd().save(entryOf("A", makeDate(2026, 3, 10), "Another"), kToday, "test");
    cpd().save(entryOf("B", makeDate(2026, 1, 2), "Reading", CpdStatus::Draft), kToday, "test");

    const std::optional<CpdEntry> read = cpd().find(id);
    ASSERT_TRUE(read);
    CpdEntry expected = e;
    expected.id = id;
    expected.version = read->version;
    EXPECT_EQ(*read, expected);
    EXPECT_EQ(read->version.value, 1);
    // Every entry by employee id, date, then title (byte order).
    std::vector<std::string> order;
    for (const CpdEntry& x : cpd().all()) {
        order.push_back(x.employeeId + " " + x.title);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"A Another", "A Charging forum", "B Reading"}));
    EXPECT_EQ(cpd().of("A").size(), 2u);

    // An update replaces the themes and moves the version on.
    CpdEntry changed = *read;
    changed.themes.clear();
    changed.hours = 225;
    changed.standards = {"4.8"};
    cpd().save(changed, kToday, "test");
    const std::optional<CpdEntry> after = cpd().find(id);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->themes.empty());
    EXPECT_EQ(after->hours, 225);
    EXPECT_EQ(after->standards, (std::set<std::string>{"4.8"}));
    EXPECT_EQ(after->version.value, 2);
    ASSERT_TRUE(after->source);
    EXPECT_EQ(std::get<CpdSessionSource>(*after->source).sessionKey, "F1");

    // The same key again, and a save over a newer version, are refused.
    EXPECT_THROW(cpd().save(entryOf("A", makeDate(2026, 3, 10), "Charging forum"), kToday, "test"),
                 ValidationError);
    EXPECT_THROW(cpd().save(changed, kToday, "test"), StaleRecord);

    cpd().remove(id, "test");
    EXPECT_FALSE(cpd().find(id));
    EXPECT_EQ(cpd().all().size(), 2u);
    EXPECT_THROW(cpd().remove(id, "test"), Conflict);
}

TEST_P(CpdStore, TenMebibytesOfEvidenceComeBackByteForByte) {
    const RecordId id =
        cpd().save(entryOf("A", makeDate(2026, 3, 10), "Charging forum"), kToday, "test");
    const std::string bytes = everyByte(10'485'760);
    const RecordId file =
        cpd().attach(AttachmentOwner::CpdEntry, id, "notes.pdf", "application/pdf", bytes, "test");
    const RecordId small =
        cpd().attach(AttachmentOwner::CpdEntry, id, "a.txt", "text/plain", "\0x"s, "test");
    const std::optional<Attachment> described = cpd().attachment(file);
    ASSERT_TRUE(described);
    EXPECT_EQ(described->name, "notes.pdf");
    EXPECT_EQ(described->mediaType, "application/pdf");
    EXPECT_EQ(described->size, 10'485'760);
    EXPECT_EQ(described->sha256, sha256Hex(bytes));
    const std::optional<std::string> back = cpd().attachmentBytes(file);
    ASSERT_TRUE(back);
    EXPECT_TRUE(*back == bytes);
    EXPECT_EQ(cpd().attachmentBytes(small), "\0x"s);
    // By name, then id.
    const std::vector<Attachment> listed = cpd().attachments(AttachmentOwner::CpdEntry, id);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].id, small);
    EXPECT_EQ(listed[1].id, file);

    // Removing the entry removes its evidence.
    cpd().remove(id, "test");
    EXPECT_FALSE(cpd().attachment(file));
    EXPECT_FALSE(cpd().attachmentBytes(small));
}

TEST_P(CpdStore, AFileOverTwentyFiveMebibytesIsRefusedAndNothingIsSaved) {
    const RecordId id =
        cpd().save(entryOf("A", makeDate(2026, 3, 10), "Charging forum"), kToday, "test");
    const std::size_t before = changes();
    try {
        cpd().attach(AttachmentOwner::CpdEntry, id, "big.bin", "application/octet-stream",
                     std::string(26'214'401, 'x'), "test");
        FAIL() << "a file of 26,214,401 bytes was attached";
    } catch (const ValidationError& e) {
        ASSERT_FALSE(e.errors().empty());
        EXPECT_EQ(e.errors()[0].field, "file");
    }
    EXPECT_TRUE(cpd().attachments(AttachmentOwner::CpdEntry, id).empty());
    EXPECT_EQ(changes(), before);
}

TEST_P(CpdStore, ACertificateOnACompletionRoundTrips) {
    Completion c;
    c.employeeId = "B";
    c.moduleCode = "FIRE";
    c.completedOn = makeDate(2026, 3, 5);
    const RecordId completion = l().training().addCompletion(c, kToday, "test");
    const std::string bytes = everyByte(70'000);
    const RecordId file = cpd().attach(AttachmentOwner::Completion, completion, "certificate.png",
                                       "image/png", bytes, "test");
    const std::vector<Attachment> listed =
        cpd().attachments(AttachmentOwner::Completion, completion);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].id, file);
    EXPECT_EQ(listed[0].size, 70'000);
    EXPECT_EQ(cpd().attachmentBytes(file), bytes);
    EXPECT_TRUE(cpd().attachments(AttachmentOwner::CpdEntry, completion).empty());

    // An entry made from the completion keeps it as its source.
    CpdEntry e = entryOf("B", makeDate(2026, 3, 5), "Fire safety");
    e.source = CpdCompletionSource{completion};
    const RecordId id = cpd().save(e, kToday, "test");
    ASSERT_TRUE(cpd().find(id)->source);
    EXPECT_EQ(std::get<CpdCompletionSource>(*cpd().find(id)->source).completionId, completion);
}

TEST_P(CpdStore, ThemeReachCountsOnlyFinalEntries) {
    CpdEntry final = entryOf("A", makeDate(2026, 3, 10), "Charging forum");
    final.themes = {"CHG"};
    cpd().save(final, kToday, "test");
    CpdEntry draft = entryOf("B", makeDate(2026, 3, 11), "Charging notes", CpdStatus::Draft);
    draft.themes = {"CHG"};
    cpd().save(draft, kToday, "test");
    const std::vector<ThemeWithTouches> themes = l().sessions().themesWithTouches();
    ASSERT_EQ(themes.size(), 1u);
    std::vector<std::string> reached;
    for (const ThemeTouch& t : themes[0].touches) {
        if (t.kind == ThemeTouch::Kind::CpdEntry) {
            for (const std::string& p : t.people) {
                reached.push_back(p + " " + formatIso(t.date));
            }
        }
    }
    EXPECT_EQ(reached, (std::vector<std::string>{"A 2026-03-10"}));
}

} // namespace
} // namespace ledger
