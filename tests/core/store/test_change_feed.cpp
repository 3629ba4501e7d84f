// The change feed, on both engines: a second client of the same ledger hears what the first
// committed (a server's notification, a file's data_version) as what to refresh, one person
// or one feature at a time, and never hears of its own commits or of uncommitted work.

#include "engines.h"

#include "ledger.h"
#include "store/change_feed.h"

#include <gtest/gtest.h>

#include <poll.h>

#include <vector>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25);
using Kind = LedgerChange::Kind;

class Feed : public EngineTest {
protected:
    /// What `listener` heard of the last commits, up to `expected` changes: on a server, as
    /// its socket becomes readable (each notification arrives when its commit does; the waits
    /// only bound a broken run).
    static std::vector<LedgerChange> heard(Ledger& listener, std::size_t expected = 1) {
        const int socket = listener.changeSocket();
        if (socket < 0) {
            return listener.othersChanges();
        }
        std::vector<LedgerChange> all;
        for (int quiet = 0; all.size() < expected && quiet < 50;) {
            pollfd wait{socket, POLLIN, 0};
            if (::poll(&wait, 1, 200) <= 0) {
                ++quiet;
                continue;
            }
            listener.drainChangeSocket();
            for (LedgerChange& c : listener.othersChanges()) {
                all.push_back(std::move(c));
            }
        }
        return all;
    }
};

Staff person(const char* id, const char* team) {
    Staff s;
    s.employeeId = id;
    s.fullName = std::string("Person ") + id;
    s.team = team;
    s.role = "Social Worker";
    s.startDate = makeDate(2020, 1, 6);
    return s;
}

TEST_P(Feed, ASecondClientHearsWhatTheFirstCommittedAsWhatToRefresh) {
    Ledger writer = ledgers().create("test", [](Ledger& l) {
        Module fire;
        fire.code = "FIRE";
        fire.title = "Fire safety";
        l.training().saveModule(fire, true, "test");
        l.staff().add(person("E1", "East"), kToday, "test");
        l.staff().add(person("E2", "West"), kToday, "test");
    });
    // A file has one writer: the second client reads it. On a server both may write.
    Ledger listener =
        ledgers().open(GetParam() == Engine::File ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    // It hears what is committed from its first call on.
    EXPECT_EQ(GetParam() == Engine::File, listener.changeSocket() < 0);
    EXPECT_EQ(listener.othersChanges(), std::vector<LedgerChange>{});

    Staff moved = writer.staff().find("E1").value();
    moved.team = "West";
    writer.staff().update(moved, kToday, "test");
    EXPECT_EQ(heard(listener), (std::vector<LedgerChange>{{Kind::Staff, "E1"}}));
    EXPECT_EQ(writer.othersChanges(), std::vector<LedgerChange>{}); // its own, known
    (void)writer.takeChanges();
    EXPECT_EQ(writer.othersChanges(), std::vector<LedgerChange>{});

    Completion done;
    done.employeeId = "E2";
    done.moduleCode = "FIRE";
    done.completedOn = makeDate(2026, 6, 1);
    writer.training().addCompletion(done, kToday, "test");
    EXPECT_EQ(heard(listener), (std::vector<LedgerChange>{{Kind::Completions, "E2"}}));

    Module fire = writer.training().records().modules.front();
    fire.title = "Fire safety awareness";
    writer.training().saveModule(fire, false, "test");
    AuditTheme theme;
    theme.key = "MCA";
    theme.title = "Capacity assessments";
    theme.raisedOn = makeDate(2026, 9, 1);
    writer.themes().save(theme, kToday, "test");
    writer.settings().set("organisation_name", "Shire County Council", "test");
    EXPECT_EQ(
        heard(listener, 3),
        (std::vector<LedgerChange>{{Kind::Catalog, ""}, {Kind::Themes, ""}, {Kind::Settings, ""}}));
    // Heard once: nothing more until the next commit.
    EXPECT_EQ(listener.othersChanges(), std::vector<LedgerChange>{});
}

TEST_P(Feed, WorkThatIsRolledBackIsNeverHeard) {
    Ledger writer = ledgers().create(
        "test", [](Ledger& l) { l.staff().add(person("E1", "East"), kToday, "test"); });
    Ledger listener =
        ledgers().open(GetParam() == Engine::File ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    (void)listener.changeSocket(); // listening from here on
    // Refused: nothing written, nothing announced.
    EXPECT_THROW(writer.staff().add(person("E1", "East"), kToday, "test"), ValidationError);
    Staff bad = writer.staff().find("E1").value();
    bad.version.value = 99; // as if read at a version that never was
    bad.fullName = "Someone Else";
    EXPECT_THROW(writer.staff().update(bad, kToday, "test"), StaleRecord);
    // Then one commit: exactly it is heard.
    writer.staff().add(person("E2", "East"), kToday, "test");
    EXPECT_EQ(heard(listener), (std::vector<LedgerChange>{{Kind::Staff, "E2"}}));
}

TEST(ChangesOf, EachKindOfEntryNamesWhatToRefreshOnceInOrder) {
    const auto entry = [](const char* entity, const char* subject, const char* action = "add") {
        ChangeLogEntry e;
        e.entity = entity;
        e.subject = subject;
        e.action = action;
        return e;
    };
    EXPECT_EQ(
        changesOf({entry("completion", "E2"), entry("staff", "E1"), entry("completion", "E2"),
                   entry("requirement", ""), entry("team", ""), entry("import", ""),
                   entry("ledger", "", "create"), entry("setting", ""), entry("audit_theme", "")}),
        (std::vector<LedgerChange>{{Kind::Completions, "E2"},
                                   {Kind::Staff, "E1"},
                                   {Kind::Catalog, ""},
                                   {Kind::Everything, ""},
                                   {Kind::Settings, ""},
                                   {Kind::Themes, ""}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, Feed, kEngines, engineName);

} // namespace
} // namespace ledger::test
