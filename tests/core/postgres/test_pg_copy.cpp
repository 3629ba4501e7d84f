// Moving a whole ledger between engines: a file to a server and back, every record, link and
// change-log entry as it was, so that every report is the same byte for byte at each step.

#include "postgres/pg_test_cluster.h"

#include "demo/generator.h"
#include "ledger.h"
#include "postgres/server_admin.h"
#include "reports/report.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace ledger::test {
namespace {

const char* kPassphrase = "copy test passphrase 2026";

/// Team and staff coverage as CSV at two dates: what must not change in a copy.
std::string reports(Ledger& ledger) {
    const ComplianceEngine engine = ledger.training().engine();
    std::string out;
    for (const Date asOf : {makeDate(2025, 6, 30), makeDate(2026, 11, 25)}) {
        out += formatTeamCoverageCsv(teamCoverageReport(engine, asOf));
        out += formatStaffStatusCsv(staffStatusReport(engine, asOf));
    }
    return out;
}

class PgCopy : public PgClusterTest {
protected:
    /// An empty server ledger (`server init`), as a location for its administrator.
    Location emptyServer() {
        const std::string db = createDatabase();
        scratch().trackLedgerRoles(db);
        pg::Connection admin = pg::Connection::open(conninfo(db));
        pg::initServer(admin);
        return Location::parse(scratch().uri(db));
    }

    /// Copies `file` to a server and back to a new file; checks that every step reads the
    /// same: reports, every record and the whole change log.
    void roundTrip(const std::filesystem::path& file) {
        Ledger original = Ledger::open(file, kPassphrase, OpenMode::ReadOnly);
        const std::string expected = reports(original);
        const LedgerData records = everyRecord(original);
        const auto log = original.audit().changeLog("", "");
        ASSERT_FALSE(log.empty());

        const Location server = emptyServer();
        original.copyTo(server, "");
        Ledger onServer = Ledger::open(server, "", OpenMode::ReadWrite);
        EXPECT_EQ(reports(onServer), expected);
        EXPECT_EQ(everyRecord(onServer).completions, records.completions);
        EXPECT_EQ(onServer.training().records().staff, records.staff);
        EXPECT_EQ(onServer.audit().changeLog("", ""), log); // actors and times as they were

        const auto back = m_dir / "back.ledger";
        onServer.copyTo(Location::file(back), kPassphrase);
        Ledger returned = Ledger::open(back, kPassphrase, OpenMode::ReadOnly);
        EXPECT_EQ(reports(returned), expected);
        EXPECT_EQ(everyRecord(returned).completions, records.completions);
        EXPECT_EQ(returned.audit().changeLog("", ""), log);
        EXPECT_EQ(returned.check(), std::vector<std::string>{});

        // The server goes on from the copied ids: a new person gets a new one.
        Staff next = records.staff.front();
        next.employeeId = "NEW-AFTER-COPY";
        onServer.staff().add(next, makeDate(2026, 11, 25), "test");
        EXPECT_TRUE(onServer.staff().find("NEW-AFTER-COPY"));
    }

    ScratchDir m_dir;
};

TEST_F(PgCopy, TheSmallCouncilGoesToAServerAndBackUnchanged) {
    const auto file = m_dir / "small.ledger";
    {
        Ledger ledger = Ledger::create(file, kPassphrase, "test");
        for (const char* kind : {"staff", "modules", "requirements", "completions"}) {
            ledger.imports().csv(
                *parseImportKind(kind), kind,
                readAll(std::string(LEDGER_TEST_DATA) + "/small-council/" + kind + ".csv"),
                makeDate(2026, 11, 25), false, "test");
        }
        // A voided completion and a setting travel too.
        const auto ids = ledger.training().completionsOf("HW00001");
        ASSERT_FALSE(ids.empty());
        ledger.training().voidCompletion(ids.front().id, "entered twice", "test");
        ledger.settings().set("organisation_name", "Exampleshire", "test");
    }
    roundTrip(file);
}

TEST_F(PgCopy, AGenerated5000PersonCouncilGoesToAServerAndBackUnchanged) {
    const auto file = m_dir / "generated.ledger";
    GeneratorOptions options;
    options.staff = 5000;
    options.teams = 40;
    options.years = 2;
    options.today = makeDate(2026, 11, 25);
    const LedgerData data = generateCouncil(options);
    (void)Ledger::create(file, kPassphrase, "generator", [&](Ledger& ledger) {
        ledger.imports().records(data, options.today, "generator");
    });
    roundTrip(file);
}

TEST_F(PgCopy, OnlyTheAdministratorCopiesAndOnlyIntoAnEmptyLedger) {
    const auto file = m_dir / "small.ledger";
    {
        Ledger ledger = Ledger::create(file, kPassphrase, "test");
        ledger.imports().csv(ImportKind::Staff, "staff.csv",
                             readAll(std::string(LEDGER_TEST_DATA) + "/small-council/staff.csv"),
                             makeDate(2026, 11, 25), false, "test");
    }
    Ledger original = Ledger::open(file, kPassphrase, OpenMode::ReadOnly);
    const Location server = emptyServer();
    original.copyTo(server, "");
    EXPECT_THROW(original.copyTo(server, ""), AlreadyExists); // it holds records now
    EXPECT_THROW(original.copyTo(Location::file(file), kPassphrase), AlreadyExists);

    // An account sees only its scope: it may not copy the ledger out (nor in).
    const std::string db =
        server.uri().substr(std::string("postgresql:///").size(),
                            server.uri().find('?') - std::string("postgresql:///").size());
    const std::string login = db + "_lead";
    trackRole(login);
    {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        pg::addAccount(admin, "HW00000", login, pg::Access::WorkforceLead,
                       "a long lead password 2026");
    }
    Ledger asLead = Ledger::open(Location::parse(scratch().uri(db, login)),
                                 "a long lead password 2026", OpenMode::ReadOnly);
    EXPECT_THROW(asLead.copyTo(Location::file(m_dir / "out.ledger"), kPassphrase), NotPermitted);
    EXPECT_FALSE(std::filesystem::exists(m_dir / "out.ledger"));
}

} // namespace
} // namespace ledger::test
