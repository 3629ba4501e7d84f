// The programmes on a server: who sees and writes what (row-level security, schema step 6),
// each kind of account logged in as itself. A person reads their own enrolment,
// supervisions, apprenticeships, off-the-job hours and reviews; a manager reads their tree's
// and writes them (never their own nor anyone else's); a lead reads and writes all. The
// enrolment's named supervisor, even a staff account, logs (and reads, and removes) its
// supervisions; an apprentice logs their own off-the-job hours, nothing else. And the
// server's own check of a trusted assessor's sign-off (someone else whose role may sign
// off, whoever writes it, but the owner copying); a schema-5 server upgraded to 6 keeping its
// records; a ledger's programmes copied from a file to a server and back.

#include "postgres/pg_test_cluster.h"

#include "io/csv.h"
#include "ledger.h"
#include "postgres/pg_store.h"
#include "postgres/server_admin.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace ledger::test {
namespace {

const Date kToday = makeDate(2026, 11, 25);

constexpr Date d(int y, unsigned m, unsigned day) {
    return makeDate(y, m, day);
}

/// An enrolment of `who` from 2026-01-05, supervised by `supervisor`, assessed by `assessor`.
AsyeEnrolment enrolment(const std::string& who, const std::string& supervisor,
                        const std::string& assessor) {
    AsyeEnrolment e;
    e.employeeId = who;
    e.start = d(2026, 1, 5);
    e.assessorId = assessor;
    e.supervisorId = supervisor;
    return e;
}

Supervision supervision(const std::string& who, Date on) {
    Supervision s;
    s.employeeId = who;
    s.date = on;
    return s;
}

/// An apprenticeship of `who` on `standard` from 2025-09-01 to 2027-08-31, 400 hours planned.
Apprenticeship apprenticeship(const std::string& who, const std::string& standard = "ST0510") {
    Apprenticeship a;
    a.employeeId = who;
    a.standardCode = standard;
    a.standardTitle = "Social worker (degree)";
    a.provider = "University of Example";
    a.startDate = d(2025, 9, 1);
    a.plannedEndDate = d(2027, 8, 31);
    a.plannedOtjHours = 400 * 100;
    return a;
}

OtjEntry otj(const std::string& who, Date on, Hundredths hours = 750) {
    OtjEntry o;
    o.employeeId = who;
    o.standardCode = "ST0510";
    o.date = on;
    o.hours = hours;
    return o;
}

ApprenticeshipReview review(const std::string& who, Date on) {
    ApprenticeshipReview r;
    r.employeeId = who;
    r.standardCode = "ST0510";
    r.date = on;
    r.outcome = ApprenticeshipReviewOutcome::OnTrack;
    r.notes = "Going well";
    return r;
}

/// The employee id of each record, in the order read.
template <typename Record> std::vector<std::string> people(const std::vector<Record>& all) {
    std::vector<std::string> out;
    for (const Record& r : all) {
        out.push_back(r.employeeId);
    }
    return out;
}

/// `employee id/date` of each record, in the order read.
template <typename Record> std::vector<std::string> dated(const std::vector<Record>& all) {
    std::vector<std::string> out;
    for (const Record& r : all) {
        out.push_back(r.employeeId + "/" + formatIso(r.date));
    }
    return out;
}

using Names = std::vector<std::string>;

class PgProgrammes : public PgLedgerTest {
protected:
    /// A ledger with people A, B and S (managed by M), C and P (managed by nobody), M and L;
    /// P's role (Practice Educator) may sign off, the others' (Social Worker) not. Logins for
    /// A, B and S (staff), M (manager) and L (lead).
    void SetUp() override {
        PgLedgerTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_db = newLedger();
        pg::Connection admin = owner(m_db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name, can_sign_off) VALUES ('Social Worker', false), "
                   "('Practice Educator', true)");
        admin.exec(R"sql(
INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, start_date, line_manager_id)
SELECT p.id, 'Person ' || p.id, (SELECT id FROM ledger.team),
       (SELECT id FROM ledger.role WHERE name = p.role), DATE '2020-01-06', p.manager
FROM (VALUES ('A', 'M', 'Social Worker'), ('B', 'M', 'Social Worker'),
             ('S', 'M', 'Social Worker'), ('C', '', 'Social Worker'),
             ('P', '', 'Practice Educator'), ('M', '', 'Social Worker'),
             ('L', '', 'Social Worker')) AS p(id, manager, role))sql");
        m_logins = {{"A", account(m_db, "A", pg::Access::Staff)},
                    {"B", account(m_db, "B", pg::Access::Staff)},
                    {"S", account(m_db, "S", pg::Access::Staff)},
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
    std::string idOf(const std::string& query) { return owner(m_db).exec(query).text(0, 0); }

    std::string m_db;
    std::map<std::string, std::string> m_logins;
};

TEST_F(PgProgrammes, EachAccountReadsAndWritesOnlyItsScope) {
    // The lead writes anyone's: C's enrolment, C's and M's apprenticeships, C's hours and
    // review.
    {
        Ledger lead = as("L");
        lead.programmes().save(enrolment("C", "L", "P"), kToday, "L");
        lead.programmes().save(apprenticeship("C"), kToday, "L");
        lead.programmes().save(apprenticeship("M"), kToday, "L");
        lead.programmes().save(otj("C", d(2025, 10, 6)), kToday, "L");
        lead.programmes().save(review("C", d(2025, 11, 24)), kToday, "L");
    }
    // A manager writes their tree (A, B), never someone outside it (C) nor themselves (M).
    {
        Ledger m = as("M");
        m.programmes().save(enrolment("A", "S", "M"), kToday, "M");
        m.programmes().save(apprenticeship("B"), kToday, "M");
        m.programmes().save(otj("B", d(2025, 10, 6)), kToday, "M");
        m.programmes().save(review("B", d(2025, 11, 24)), kToday, "M");
        m.programmes().save(supervision("A", d(2026, 11, 2)), kToday, "M");

        EXPECT_ANY_THROW(m.programmes().save(enrolment("C", "S", "M"), kToday, "M"));
        EXPECT_ANY_THROW(m.programmes().save(apprenticeship("C", "ST0001"), kToday, "M"));
        EXPECT_ANY_THROW(m.programmes().save(otj("C", d(2025, 10, 13)), kToday, "M"));
        EXPECT_ANY_THROW(m.programmes().save(review("C", d(2025, 12, 1)), kToday, "M"));
        EXPECT_ANY_THROW(m.programmes().save(supervision("C", d(2026, 11, 2)), kToday, "M"));

        EXPECT_THROW(m.programmes().save(enrolment("M", "S", "A"), kToday, "M"), NotPermitted);
        EXPECT_THROW(m.programmes().save(apprenticeship("M", "ST0001"), kToday, "M"), NotPermitted);
        EXPECT_THROW(m.programmes().save(review("M", d(2025, 12, 1)), kToday, "M"), NotPermitted);
        Apprenticeship own = m.programmes().apprenticeships().back();
        ASSERT_EQ(own.employeeId, "M");
        own.provider = "Another College";
        EXPECT_THROW(m.programmes().save(own, kToday, "M"), NotPermitted);
        // ... but, the apprentice themselves, logs their own hours.
        m.programmes().save(otj("M", d(2025, 10, 7)), kToday, "M");

        // Corrects A's enrolment and B's apprenticeship.
        AsyeEnrolment a = *m.programmes().enrolment("A");
        a.outcome3m = ReviewOutcome::OnTrack;
        m.programmes().save(a, kToday, "M");
        Apprenticeship b = m.programmes().apprenticeships().front();
        ASSERT_EQ(b.employeeId, "B");
        b.reviewIntervalWeeks = 10;
        m.programmes().save(b, kToday, "M");
        EXPECT_EQ(m.programmes().apprenticeships().front().reviewIntervalWeeks, 10);
        EXPECT_EQ(m.programmes().apprenticeships().front().version.value, 2);
        // An apprenticeship keeps its standard (a new one is a new apprenticeship).
        b = m.programmes().apprenticeships().front();
        b.standardCode = "ST0001";
        try {
            m.programmes().save(b, kToday, "M");
            ADD_FAILURE() << "a changed standard code was saved";
        } catch (const ValidationError& e) {
            ASSERT_EQ(e.errors().size(), 1u);
            EXPECT_EQ(e.errors()[0].field, "standard_code");
        }

        // Reads their tree's, themselves included.
        EXPECT_EQ(people(m.programmes().enrolments()), Names{"A"});
        EXPECT_EQ(people(m.programmes().apprenticeships()), (Names{"B", "M"}));
        EXPECT_EQ(dated(m.programmes().otjEntries()), (Names{"B/2025-10-06", "M/2025-10-07"}));
        EXPECT_EQ(dated(m.programmes().apprenticeshipReviews()), Names{"B/2025-11-24"});
        EXPECT_FALSE(m.programmes().enrolment("C"));
        EXPECT_TRUE(m.programmes().supervisions("C").empty());
    }
    EXPECT_EQ(count("asye_enrolment"), "2");
    EXPECT_EQ(count("apprenticeship"), "3");
    EXPECT_EQ(count("otj_entry"), "3");
    EXPECT_EQ(count("apprenticeship_review"), "2");
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT provider FROM ledger.apprenticeship t JOIN ledger.staff s ON "
                        "s.id = t.staff_id WHERE s.employee_id = 'M'")
                  .text(0, 0),
              "University of Example");
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT outcome_3m FROM ledger.asye_enrolment t JOIN ledger.staff s ON "
                        "s.id = t.staff_id WHERE s.employee_id = 'A'")
                  .text(0, 0),
              "on_track");

    // Staff read their own and write no enrolment, apprenticeship or review, not even their
    // own.
    {
        Ledger a = as("A");
        EXPECT_EQ(people(a.programmes().enrolments()), Names{"A"});
        EXPECT_EQ(dated(a.programmes().supervisions("A")), Names{"A/2026-11-02"});
        EXPECT_TRUE(a.programmes().apprenticeships().empty());
        EXPECT_TRUE(a.programmes().otjEntries().empty());
        AsyeEnrolment own = *a.programmes().enrolment("A");
        own.protectedTimePercent = 50;
        EXPECT_ANY_THROW(a.programmes().save(own, kToday, "A")); // A sees neither S nor M
        EXPECT_THROW(a.programmes().save(apprenticeship("A"), kToday, "A"), NotPermitted);
        const PersonProgrammes mine = a.programmes().personProgrammes("A", kToday);
        ASSERT_TRUE(mine.enrolment);
        EXPECT_EQ(mine.supervisions.size(), 1u);
    }
    {
        Ledger b = as("B");
        EXPECT_TRUE(b.programmes().enrolments().empty());
        EXPECT_EQ(people(b.programmes().apprenticeships()), Names{"B"});
        EXPECT_EQ(dated(b.programmes().otjEntries()), Names{"B/2025-10-06"});
        EXPECT_EQ(dated(b.programmes().apprenticeshipReviews()), Names{"B/2025-11-24"});
        EXPECT_THROW(b.programmes().save(review("B", d(2026, 2, 16)), kToday, "B"), NotPermitted);
        Apprenticeship own = b.programmes().apprenticeships().front();
        own.provider = "Another College";
        EXPECT_THROW(b.programmes().save(own, kToday, "B"), NotPermitted);
    }
    EXPECT_EQ(people(as("L").programmes().enrolments()), (Names{"A", "C"}));
    EXPECT_EQ(people(as("L").programmes().apprenticeships()), (Names{"B", "C", "M"}));
    EXPECT_EQ(dated(as("L").programmes().otjEntries()),
              (Names{"B/2025-10-06", "C/2025-10-06", "M/2025-10-07"}));
    EXPECT_EQ(dated(as("L").programmes().apprenticeshipReviews()),
              (Names{"B/2025-11-24", "C/2025-11-24"}));
    EXPECT_TRUE(as("S").programmes().apprenticeships().empty());

    // The same refusals as raw SQL.
    EXPECT_ANY_THROW(rawAs("A").exec("UPDATE asye_enrolment SET protected_time_percent = 50"));
    EXPECT_ANY_THROW(
        rawAs("B").exec("INSERT INTO apprenticeship_review (apprenticeship_id, date, outcome) "
                        "SELECT id, DATE '2026-02-16', 'on_track' FROM apprenticeship"));
    EXPECT_ANY_THROW(rawAs("B").exec(
        "INSERT INTO otj_entry (apprenticeship_id, date, hours) VALUES (" +
        idOf("SELECT t.id FROM ledger.apprenticeship t JOIN ledger.staff s ON s.id = t.staff_id "
             "WHERE s.employee_id = 'C'") +
        ", DATE '2026-02-16', 100)"));
    EXPECT_EQ(rawAs("B").exec("SELECT count(*) FROM asye_enrolment").text(0, 0), "0");
    {
        pg::Connection m = rawAs("M");
        EXPECT_EQ(m.exec("SELECT count(*) FROM apprenticeship").text(0, 0), "2");
        EXPECT_EQ(m.exec("UPDATE apprenticeship SET provider = 'X' WHERE staff_id = "
                         "(SELECT ledger.my_staff_id())")
                      .affectedRows(),
                  0);
        EXPECT_EQ(m.exec("UPDATE apprenticeship SET provider = 'X'").affectedRows(), 1); // B's
    }
    EXPECT_ANY_THROW(rawAs("L").exec("DELETE FROM asye_enrolment"));
    EXPECT_ANY_THROW(rawAs("M").exec("DELETE FROM apprenticeship"));
    EXPECT_EQ(count("asye_enrolment"), "2");
    EXPECT_EQ(count("apprenticeship"), "3");
}

TEST_F(PgProgrammes, TheNamedSupervisorLogsAndRemovesSupervisionsAndNobodyElseDoes) {
    {
        Ledger lead = as("L");
        lead.programmes().save(enrolment("A", "S", "M"), kToday, "L");
        lead.programmes().save(enrolment("C", "L", "P"), kToday, "L");
        lead.programmes().save(supervision("C", d(2026, 11, 2)), kToday, "L");
    }
    // S, a staff account, reads the enrolment they supervise and its person, and logs,
    // moves and removes its supervisions, each with its change-log entry.
    {
        Ledger s = as("S");
        EXPECT_EQ(people(s.programmes().enrolments()), Names{"A"});
        EXPECT_FALSE(s.programmes().enrolment("C"));
        ASSERT_TRUE(s.staff().find("A"));
        EXPECT_EQ(s.staff().find("A")->fullName, "Person A");
        EXPECT_FALSE(s.staff().find("C"));

        const RecordId first = s.programmes().save(supervision("A", d(2026, 11, 2)), kToday, "S");
        EXPECT_NE(first, 0);
        s.programmes().save(supervision("A", d(2026, 11, 9)), kToday, "S");
        std::vector<Supervision> logged = s.programmes().supervisions("A");
        EXPECT_EQ(dated(logged), (Names{"A/2026-11-02", "A/2026-11-09"}));
        ASSERT_EQ(logged.size(), 2u);
        EXPECT_EQ(logged[0].id, first);
        EXPECT_EQ(logged[0].version.value, 1);
        Supervision moved = logged[1];
        moved.date = d(2026, 11, 16);
        s.programmes().save(moved, kToday, "S");
        logged = s.programmes().supervisions("A");
        EXPECT_EQ(dated(logged), (Names{"A/2026-11-02", "A/2026-11-16"}));
        EXPECT_EQ(logged[1].version.value, 2);
        s.programmes().remove(logged[1], "S");
        EXPECT_EQ(dated(s.programmes().supervisions("A")), Names{"A/2026-11-02"});
        const PersonProgrammes theirs = s.programmes().personProgrammes("A", kToday);
        ASSERT_TRUE(theirs.enrolment);
        EXPECT_EQ(theirs.supervisions.size(), 1u);

        // Not C's (L supervises C), which S does not see.
        EXPECT_TRUE(s.programmes().supervisions("C").empty());
        EXPECT_ANY_THROW(s.programmes().save(supervision("C", d(2026, 11, 9)), kToday, "S"));
        // Nor the enrolment itself.
        AsyeEnrolment a = *s.programmes().enrolment("A");
        a.supervisorId = "S";
        a.assessorId = "S";
        a.outcome3m = ReviewOutcome::Concerns;
        EXPECT_ANY_THROW(s.programmes().save(a, kToday, "S"));
    }
    EXPECT_THROW(rawAs("S").exec("UPDATE asye_enrolment SET outcome_3m = 'concerns'"),
                 NotPermitted);
    {
        pg::Connection admin = owner(m_db);
        const pg::Result log =
            admin.exec("SELECT c.action, c.record_key, c.actor, s.employee_id FROM "
                       "ledger.change_log c JOIN ledger.staff s ON s.id = c.subject_id WHERE "
                       "c.entity = 'supervision' AND s.employee_id = 'A' ORDER BY c.id");
        ASSERT_EQ(log.rows(), 4);
        const std::vector<std::string> actions = {"add", "add", "update", "remove"};
        const std::vector<std::string> keys = {"A/2026-11-02", "A/2026-11-09", "A/2026-11-16",
                                               "A/2026-11-16"};
        for (int i = 0; i < 4; ++i) {
            EXPECT_EQ(log.text(i, 0), actions[static_cast<std::size_t>(i)]) << i;
            EXPECT_EQ(log.text(i, 1), keys[static_cast<std::size_t>(i)]) << i;
            EXPECT_EQ(log.text(i, 2), m_logins.at("S")) << i; // the server's stamp
        }
        EXPECT_EQ(admin
                      .exec("SELECT count(*) FROM ledger.supervision t JOIN ledger.change_log c "
                            "ON c.id = t.created_change WHERE c.entity = 'supervision'")
                      .text(0, 0),
                  "2");
    }

    // Another staff account neither logs nor reads A's supervisions ...
    {
        Ledger b = as("B");
        EXPECT_TRUE(b.programmes().supervisions("A").empty());
        EXPECT_ANY_THROW(b.programmes().save(supervision("A", d(2026, 11, 23)), kToday, "B"));
    }
    // ... and A, the supervisee, reads them but logs and removes none.
    Supervision kept;
    {
        Ledger a = as("A");
        const std::vector<Supervision> mine = a.programmes().supervisions("A");
        ASSERT_EQ(dated(mine), Names{"A/2026-11-02"});
        kept = mine.front();
        EXPECT_THROW(a.programmes().save(supervision("A", d(2026, 11, 23)), kToday, "A"),
                     NotPermitted);
        EXPECT_THROW(a.programmes().remove(kept, "A"), NotPermitted);
    }
    EXPECT_ANY_THROW(as("B").programmes().remove(kept, "B"));
    EXPECT_EQ(rawAs("A").exec("DELETE FROM supervision").affectedRows(), 0);
    EXPECT_EQ(rawAs("B").exec("DELETE FROM supervision").affectedRows(), 0);
    EXPECT_ANY_THROW(rawAs("A").exec("INSERT INTO supervision (enrolment_id, date) SELECT id, "
                                     "DATE '2026-11-23' FROM asye_enrolment"));
    // A supervisor's change-log entries are only about supervisions.
    EXPECT_THROW(rawAs("S").exec("INSERT INTO change_log (at, actor, entity, record_key, action, "
                                 "subject_id) VALUES ('2026-11-25T00:00:00Z', 'x', "
                                 "'asye_enrolment', 'A', 'update', " +
                                 idOf("SELECT id FROM ledger.staff WHERE employee_id = 'A'") + ")"),
                 NotPermitted);
    EXPECT_EQ(count("supervision"), "2");

    // A's manager logs and removes them too; the lead all.
    {
        Ledger m = as("M");
        const RecordId id = m.programmes().save(supervision("A", d(2026, 11, 23)), kToday, "M");
        Supervision s = supervision("A", d(2026, 11, 23));
        s.id = id;
        m.programmes().remove(s, "M");
    }
    EXPECT_EQ(dated(as("L").programmes().supervisions("C")), Names{"C/2026-11-02"});
    EXPECT_EQ(count("supervision"), "2");
}

TEST_F(PgProgrammes, AnApprenticeLogsTheirOwnHoursOnly) {
    {
        Ledger lead = as("L");
        lead.programmes().save(apprenticeship("B"), kToday, "L");
        lead.programmes().save(apprenticeship("C"), kToday, "L");
    }
    {
        Ledger b = as("B");
        const RecordId id = b.programmes().save(otj("B", d(2025, 10, 6)), kToday, "B");
        OtjEntry own = b.programmes().otjEntries().front();
        EXPECT_EQ(own.id, id);
        own.hours = 800;
        b.programmes().save(own, kToday, "B");
        EXPECT_EQ(b.programmes().otjEntries().front().hours, 800);
        EXPECT_EQ(b.programmes().otjEntries().front().version.value, 2);
        EXPECT_ANY_THROW(b.programmes().save(otj("C", d(2025, 10, 6)), kToday, "B"));
        EXPECT_THROW(b.programmes().save(review("B", d(2025, 11, 24)), kToday, "B"), NotPermitted);
        EXPECT_EQ(b.programmes().personProgrammes("B", kToday).apprenticeships.size(), 1u);
    }
    // A, without an apprenticeship, logs none.
    EXPECT_ANY_THROW(as("A").programmes().save(otj("A", d(2025, 10, 6)), kToday, "A"));
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT string_agg(c.action || ':' || c.actor, ',' ORDER BY c.id) FROM "
                        "ledger.change_log c WHERE c.entity = 'otj_entry'")
                  .text(0, 0),
              "add:" + m_logins.at("B") + ",update:" + m_logins.at("B"));
    // An apprentice's change-log entries are only about their own hours.
    EXPECT_THROW(rawAs("B").exec("INSERT INTO change_log (at, actor, entity, record_key, action, "
                                 "subject_id) VALUES ('2026-11-25T00:00:00Z', 'x', 'otj_entry', "
                                 "'C', 'add', " +
                                 idOf("SELECT id FROM ledger.staff WHERE employee_id = 'C'") + ")"),
                 NotPermitted);
    EXPECT_THROW(rawAs("B").exec("INSERT INTO change_log (at, actor, entity, record_key, action, "
                                 "subject_id) VALUES ('2026-11-25T00:00:00Z', 'x', "
                                 "'apprenticeship_review', 'B', 'add', " +
                                 idOf("SELECT id FROM ledger.staff WHERE employee_id = 'B'") + ")"),
                 NotPermitted);
    EXPECT_EQ(count("otj_entry"), "1");
    EXPECT_EQ(count("apprenticeship_review"), "0");
}

TEST_F(PgProgrammes, AnImportReplacesTheApprenticeshipsItNamesWithinTheAccountsScope) {
    const auto import = [](Ledger& ledger, const std::string& rows, const std::string& actor) {
        const std::string text =
            "employee_id,standard_code,standard_title,provider,start_date,"
            "planned_end_date,planned_otj_hours,review_interval_weeks,breaks,gateway_date,"
            "epa_date,epa_result,withdrawn_on\n" +
            rows;
        MemoryCsvSource source(text);
        return ledger.programmes().importFile(ImportKind::Apprenticeships, "a.csv", source, kToday,
                                              false, actor);
    };
    {
        Ledger lead = as("L");
        const ImportSummary first =
            import(lead,
                   "B,ST0510,Social worker,College,2025-09-01,2027-08-31,400,12,,,,,\n"
                   "C,ST0510,Social worker,College,2025-09-01,2027-08-31,400,12,,,,,\n",
                   "L");
        EXPECT_EQ(first.added, 2);
        // A row whose key is stored replaces that record's fields (an update by id).
        const ImportSummary again =
            import(lead,
                   "B,ST0510,Social worker,College,2025-09-01,2027-08-31,400,12,,,,,\n"
                   "C,ST0510,Social worker,University,2025-09-01,2027-08-31,450,12,,,,,\n",
                   "L");
        EXPECT_EQ(again.added, 0);
        EXPECT_EQ(again.updated, 1);
        EXPECT_EQ(again.unchanged, 1);
        const std::vector<Apprenticeship> all = lead.programmes().apprenticeships();
        ASSERT_EQ(people(all), (Names{"B", "C"}));
        EXPECT_EQ(all[1].provider, "University");
        EXPECT_EQ(all[1].plannedOtjHours, 450 * 100);
        EXPECT_EQ(all[1].version.value, 2);
    }
    {
        // A manager: their tree's, and the whole file refused when it names anyone else.
        Ledger m = as("M");
        EXPECT_ANY_THROW(
            import(m,
                   "B,ST0510,Social worker,Another,2025-09-01,2027-08-31,400,12,,,,,\n"
                   "C,ST0510,Social worker,Another,2025-09-01,2027-08-31,400,12,,,,,\n",
                   "M"));
        const ImportSummary tree =
            import(m, "B,ST0510,Social worker,Another,2025-09-01,2027-08-31,400,12,,,,,\n", "M");
        EXPECT_EQ(tree.updated, 1);
    }
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT string_agg(provider, ',' ORDER BY staff_id) FROM "
                        "ledger.apprenticeship")
                  .text(0, 0),
              "Another,University");
}

TEST_F(PgProgrammes, TheServerRefusesASignOffButBySomeoneElseWhoseRoleMaySignOff) {
    const auto insert = [](const std::string& who, const std::string& signer,
                           const std::string& level = "level_3") {
        return "INSERT INTO trusted_assessor (staff_id, level, trained_on, signed_off_by, "
               "signed_off_on) SELECT id, '" +
               level + "', DATE '2025-01-06', '" + signer + "', " +
               (signer.empty() ? "NULL" : "DATE '2025-02-01'") +
               " FROM staff WHERE employee_id = '" + who + "'";
    };
    {
        // A lead, by raw SQL: not by someone whose role cannot sign off, nor by nobody known,
        // nor by oneself; by someone else who may, yes.
        pg::Connection lead = rawAs("L");
        EXPECT_THROW(lead.exec(insert("A", "C")), NotPermitted);
        EXPECT_THROW(lead.exec(insert("A", "Z")), NotPermitted);
        EXPECT_THROW(lead.exec(insert("P", "P")), NotPermitted);
        EXPECT_EQ(lead.exec(insert("A", "P")).affectedRows(), 1);
        EXPECT_EQ(lead.exec(insert("C", "")).affectedRows(), 1); // in training
        // An update to another signer is checked the same.
        EXPECT_THROW(lead.exec("UPDATE trusted_assessor SET signed_off_by = 'C'"), NotPermitted);
        EXPECT_THROW(lead.exec("UPDATE trusted_assessor SET signed_off_by = 'A', signed_off_on "
                               "= DATE '2025-02-01' WHERE signed_off_by = ''"),
                     NotPermitted);
        EXPECT_EQ(lead.exec("UPDATE trusted_assessor SET observed_assessments = 3 WHERE "
                            "signed_off_by = 'P'")
                      .affectedRows(),
                  1);
    }
    // Through the API as well.
    {
        Ledger lead = as("L");
        TrustedAssessor t;
        t.employeeId = "B";
        t.level = AssessorLevel::Level3;
        t.categories = {"grab_rails"};
        t.trainedOn = d(2025, 1, 6);
        t.signedOffBy = "C";
        t.signedOffOn = d(2025, 2, 1);
        EXPECT_ANY_THROW(lead.assessors().save(t, kToday, "L"));
        t.signedOffBy = "P";
        lead.assessors().save(t, kToday, "L");
    }
    // A manager, by raw SQL, for their tree: a signer outside it who may sign off is
    // accepted (the check reads every person), one who may not is refused.
    {
        pg::Connection m = rawAs("M");
        EXPECT_THROW(m.exec(insert("S", "A")), NotPermitted);
        EXPECT_EQ(m.exec(insert("S", "P")).affectedRows(), 1);
    }
    // The owner (copying a ledger) keeps what it is given.
    {
        pg::Connection admin = owner(m_db);
        admin.exec("SET search_path = ledger");
        EXPECT_EQ(admin.exec(insert("M", "M")).affectedRows(), 1);
    }
    EXPECT_EQ(owner(m_db)
                  .exec("SELECT string_agg(s.employee_id || ':' || t.signed_off_by, ',' ORDER BY "
                        "s.employee_id) FROM ledger.trusted_assessor t JOIN ledger.staff s ON "
                        "s.id = t.staff_id")
                  .text(0, 0),
              "A:P,B:P,C:,M:M,S:P");
}

TEST_F(PgProgrammes, ASchemaFiveServerUpgradesAndKeepsItsRecords) {
    const std::string db = newLedger(5);
    {
        pg::Connection admin = owner(db);
        admin.exec("INSERT INTO ledger.team (name) VALUES ('East')");
        admin.exec("INSERT INTO ledger.role (name) VALUES ('Social Worker')");
        admin.exec("INSERT INTO ledger.staff (employee_id, full_name, team_id, role_id, "
                   "start_date) SELECT p.id, 'Person ' || p.id, t.id, r.id, DATE '2020-01-06' "
                   "FROM ledger.team t, ledger.role r, (VALUES ('A'), ('AS'), ('SU')) AS p(id)");
        admin.exec("INSERT INTO ledger.trusted_assessor (staff_id, level, trained_on) SELECT id, "
                   "'level_3', DATE '2025-01-06' FROM ledger.staff WHERE employee_id = 'A'");
    }
    {
        pg::Connection admin = pg::Connection::open(conninfo(db));
        const pg::Upgrade done = pg::upgradeServer(admin);
        EXPECT_EQ(done.from, 5);
        EXPECT_EQ(done.to, pg::schema::kVersion);
    }
    pg::Connection admin = owner(db);
    EXPECT_EQ(admin.exec("SELECT value FROM ledger.meta WHERE key = 'schema_version'").text(0, 0),
              std::to_string(pg::schema::kVersion));
    EXPECT_EQ(admin
                  .exec("SELECT string_agg(employee_id, ',' ORDER BY employee_id) FROM "
                        "ledger.staff")
                  .text(0, 0),
              "A,AS,SU");
    EXPECT_EQ(admin.exec("SELECT count(*) FROM ledger.trusted_assessor").text(0, 0), "1");
    EXPECT_EQ(admin
                  .exec("SELECT count(*) FROM pg_tables WHERE schemaname = 'ledger' AND "
                        "rowsecurity AND tablename IN ('asye_enrolment', 'supervision', "
                        "'apprenticeship', 'otj_entry', 'apprenticeship_review')")
                  .text(0, 0),
              "5");
    EXPECT_EQ(admin.exec("SELECT count(*) FROM pg_trigger WHERE tgname = 'sign_off'").text(0, 0),
              "1");
    Ledger ledger = Ledger::open(location(db), "", OpenMode::ReadWrite);
    EXPECT_EQ(ledger.check(), std::vector<std::string>{});
    ledger.programmes().save(enrolment("A", "SU", "AS"), kToday, "admin");
    ledger.programmes().save(supervision("A", d(2026, 1, 12)), kToday, "admin");
    ledger.programmes().save(apprenticeship("A"), kToday, "admin");
    ledger.programmes().save(otj("A", d(2025, 10, 6)), kToday, "admin");
    ledger.programmes().save(review("A", d(2025, 11, 24)), kToday, "admin");
    EXPECT_EQ(people(ledger.programmes().enrolments()), Names{"A"});
    EXPECT_EQ(dated(ledger.programmes().supervisions("A")), Names{"A/2026-01-12"});
    EXPECT_EQ(people(ledger.programmes().apprenticeships()), Names{"A"});
    EXPECT_EQ(dated(ledger.programmes().otjEntries()), Names{"A/2025-10-06"});
    EXPECT_EQ(dated(ledger.programmes().apprenticeshipReviews()), Names{"A/2025-11-24"});
    EXPECT_EQ(ledger.check(), std::vector<std::string>{});
}

TEST_F(PgProgrammes, ProgrammesGoFromAFileToAServerAndBack) {
    ScratchDir dir;
    const auto file = dir / "programmes.ledger";
    const std::string passphrase = "copy test passphrase 2026";
    std::vector<AsyeEnrolment> enrolments;
    std::vector<Supervision> supervisions;
    std::vector<Apprenticeship> apprenticeships;
    std::vector<OtjEntry> hours;
    std::vector<ApprenticeshipReview> reviews;
    {
        Ledger ledger = Ledger::create(file, passphrase, "test");
        for (const std::string who : {"A", "AS", "SU", "B"}) {
            Staff s;
            s.employeeId = who;
            s.fullName = "Person " + who;
            s.team = "East";
            s.role = "Social Worker";
            s.startDate = d(2020, 1, 6);
            ledger.staff().add(s, kToday, "test");
        }
        AsyeEnrolment e = enrolment("A", "SU", "AS");
        e.nineMonthReview = true;
        e.extensionMonths = 2;
        e.protectedTimePercent = 15;
        e.outcome3m = ReviewOutcome::OnTrack;
        e.outcome6m = ReviewOutcome::Concerns;
        e.outcome = AsyeOutcome::Extended;
        ledger.programmes().save(e, kToday, "test");
        for (const Date on : {d(2026, 1, 12), d(2026, 1, 19), d(2026, 2, 2)}) {
            ledger.programmes().save(supervision("A", on), kToday, "test");
        }
        Supervision moved = ledger.programmes().supervisions("A").back();
        moved.date = d(2026, 2, 3);
        ledger.programmes().save(moved, kToday, "test"); // version 2
        Apprenticeship a = apprenticeship("B");
        a.breaks = {DatePeriod{d(2026, 3, 1), d(2026, 3, 31)}};
        a.reviewIntervalWeeks = 8;
        ledger.programmes().save(a, kToday, "test");
        Apprenticeship done = apprenticeship("B", "ST0001");
        done.startDate = d(2024, 1, 8);
        done.plannedEndDate = d(2025, 6, 30);
        done.gatewayDate = d(2025, 5, 1);
        done.epaDate = d(2025, 6, 20);
        done.epaResult = EpaResult::Merit;
        ledger.programmes().save(done, kToday, "test");
        ledger.programmes().save(otj("B", d(2025, 10, 6), 750), kToday, "test");
        ledger.programmes().save(otj("B", d(2025, 10, 13), 1), kToday, "test");
        ledger.programmes().save(review("B", d(2025, 11, 24)), kToday, "test");
        enrolments = ledger.programmes().enrolments();
        supervisions = ledger.programmes().supervisions("A");
        apprenticeships = ledger.programmes().apprenticeships();
        hours = ledger.programmes().otjEntries();
        reviews = ledger.programmes().apprenticeshipReviews();
    }
    ASSERT_EQ(enrolments.size(), 1u);
    ASSERT_EQ(supervisions.size(), 3u);
    ASSERT_EQ(apprenticeships.size(), 2u);
    ASSERT_EQ(hours.size(), 2u);
    ASSERT_EQ(reviews.size(), 1u);
    const auto same = [&](Ledger& copy) {
        EXPECT_EQ(copy.programmes().enrolments(), enrolments);
        EXPECT_EQ(copy.programmes().supervisions("A"), supervisions);
        EXPECT_EQ(copy.programmes().apprenticeships(), apprenticeships);
        EXPECT_EQ(copy.programmes().otjEntries(), hours);
        EXPECT_EQ(copy.programmes().apprenticeshipReviews(), reviews);
        EXPECT_EQ(formatAsyeCsv(copy.programmes().asyeReport(kToday)), formatAsyeCsv([&] {
                      Ledger original = Ledger::open(file, passphrase, OpenMode::ReadOnly);
                      return original.programmes().asyeReport(kToday);
                  }()));
    };
    const std::string second = newLedger();
    {
        Ledger inFile = Ledger::open(file, passphrase, OpenMode::ReadOnly);
        inFile.copyTo(location(second), "");
    }
    {
        Ledger onServer = Ledger::open(location(second), "", OpenMode::ReadOnly);
        same(onServer);
        EXPECT_EQ(onServer.check(), std::vector<std::string>{});
        onServer.copyTo(Location::file(dir / "back.ledger"), passphrase);
    }
    {
        Ledger back = Ledger::open(dir / "back.ledger", passphrase, OpenMode::ReadOnly);
        same(back);
        EXPECT_EQ(back.check(), std::vector<std::string>{});
    }
    // The copy on the server goes on: a supervision saved over it is its version 2.
    Ledger onServer = Ledger::open(location(second), "", OpenMode::ReadWrite);
    Supervision first = onServer.programmes().supervisions("A").front();
    first.date = d(2026, 1, 13);
    onServer.programmes().save(first, kToday, "admin");
    EXPECT_EQ(onServer.programmes().supervisions("A").front().version.value, 2);
    EXPECT_EQ(onServer.programmes().save(supervision("A", d(2026, 2, 16)), kToday, "admin") >
                  supervisions.back().id,
              true);
}

} // namespace
} // namespace ledger::test
