// Schema step 9 on a ledger file written by the previous version: its records (a trusted
// assessor's authorisation among them) stay as they were, and the programmes (ASYE
// enrolments and supervisions, apprenticeships with their off-the-job hours and progress
// reviews) can then be kept, read back as saved.

#include "ledger.h"
#include "sqlcipher/old_ledger.h"
#include "sqlcipher/sqlcipher_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <string>

namespace ledger {
namespace {

using test::ScratchDir;

const char* kPassphrase = "correct horse";

constexpr Date d(int y, unsigned m, unsigned day) {
    return makeDate(y, m, day);
}

TEST(SchemaNine, AVersion8LedgerKeepsItsRecordsAndCanKeepProgrammes) {
    ScratchDir dir;
    const auto path = dir / "v8.ledger";
    test::writeLedgerAtVersion(
        path, kPassphrase, 8,
        "INSERT INTO team (id, name) VALUES (1, 'Reablement');"
        "INSERT INTO role (id, name, can_sign_off) VALUES "
        "(1, 'Occupational Therapist', 1), (2, 'Social Worker', 0);"
        "INSERT INTO staff (id, employee_id, full_name, team_id, role_id, start_date) "
        "VALUES (1, 'E1', 'Ada Signer', 1, 1, '2020-01-06'), "
        "(2, 'E2', 'Ben Newly', 1, 2, '2021-03-01'), "
        "(3, 'E3', 'Cat Supervisor', 1, 2, '2019-05-01');"
        "INSERT INTO cpd_entry (id, staff_id, date, title, type, hours, status) VALUES "
        "(1, 2, '2026-01-10', 'Moving and handling', 'course', 350, 'draft');"
        "INSERT INTO trusted_assessor (id, staff_id, level, categories, trained_on, "
        "signed_off_by, signed_off_on) VALUES (1, 2, 'level_3', 'grab_rails', "
        "'2025-01-06', 'E1', '2025-02-01');");
    Ledger ledger = Ledger::open(path, kPassphrase);
    EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
    EXPECT_EQ(ledger.schemaVersion(), 10); // and on through step 10
    EXPECT_TRUE(ledger.check().empty());
    // What it held is as it was.
    ASSERT_EQ(ledger.cpd().all().size(), 1U);
    EXPECT_EQ(ledger.cpd().all()[0].title, "Moving and handling");
    EXPECT_EQ(ledger.cpd().all()[0].hours, 350);
    ASSERT_EQ(ledger.assessors().all().size(), 1U);
    EXPECT_EQ(ledger.assessors().all()[0].signedOffBy, "E1");
    EXPECT_EQ(ledger.staff().find("E3")->fullName, "Cat Supervisor");
    // No programmes yet.
    ProgrammeService& programmes = ledger.programmes();
    EXPECT_TRUE(programmes.enrolments().empty());
    EXPECT_TRUE(programmes.apprenticeships().empty());
    EXPECT_TRUE(programmes.otjEntries().empty());
    EXPECT_TRUE(programmes.apprenticeshipReviews().empty());

    const Date today = d(2026, 11, 25);
    // An enrolment and its supervisions ...
    AsyeEnrolment e;
    e.employeeId = "E2";
    e.start = d(2026, 1, 5);
    e.assessorId = "E1";
    e.supervisorId = "E3";
    e.nineMonthReview = true;
    e.outcome3m = ReviewOutcome::OnTrack;
    const RecordId enrolled = programmes.save(e, today, "test");
    EXPECT_NE(enrolled, 0);
    for (const Date on : {d(2026, 1, 12), d(2026, 1, 19)}) {
        Supervision s;
        s.employeeId = "E2";
        s.date = on;
        programmes.save(s, today, "test");
    }
    // ... refused for someone not enrolled, or before the start.
    Supervision stray;
    stray.employeeId = "E3";
    stray.date = d(2026, 1, 12);
    EXPECT_THROW(programmes.save(stray, today, "test"), ValidationError);
    stray.employeeId = "E2";
    stray.date = d(2026, 1, 4);
    EXPECT_THROW(programmes.save(stray, today, "test"), ValidationError);

    // An apprenticeship with a break, its hours and a review.
    Apprenticeship a;
    a.employeeId = "E2";
    a.standardCode = "ST0510";
    a.standardTitle = "Social worker (degree)";
    a.provider = "University of Example";
    a.startDate = d(2025, 9, 1);
    a.plannedEndDate = d(2027, 8, 31);
    a.plannedOtjHours = 40000;
    a.breaks = {DatePeriod{d(2026, 3, 1), d(2026, 3, 31)}};
    const RecordId apprenticed = programmes.save(a, today, "test");
    OtjEntry o;
    o.employeeId = "E2";
    o.standardCode = "ST0510";
    o.date = d(2025, 10, 6);
    o.hours = 750;
    programmes.save(o, today, "test");
    ApprenticeshipReview r;
    r.employeeId = "E2";
    r.standardCode = "ST0510";
    r.date = d(2025, 11, 24);
    r.outcome = ApprenticeshipReviewOutcome::Concerns;
    r.notes = "Behind on hours";
    programmes.save(r, today, "test");

    // Read back as saved.
    const std::optional<AsyeEnrolment> saved = programmes.enrolment("E2");
    ASSERT_TRUE(saved);
    EXPECT_EQ(*saved, [&] {
        AsyeEnrolment expected = e;
        expected.id = enrolled;
        expected.version.value = 1;
        return expected;
    }());
    const std::vector<Supervision> supervisions = programmes.supervisions("E2");
    ASSERT_EQ(supervisions.size(), 2U);
    EXPECT_EQ(supervisions[0].date, d(2026, 1, 12));
    EXPECT_EQ(supervisions[1].date, d(2026, 1, 19));
    ASSERT_EQ(programmes.apprenticeships().size(), 1U);
    EXPECT_EQ(programmes.apprenticeships()[0], [&] {
        Apprenticeship expected = a;
        expected.id = apprenticed;
        expected.version.value = 1;
        return expected;
    }());
    ASSERT_EQ(programmes.otjEntries().size(), 1U);
    EXPECT_EQ(programmes.otjEntries()[0].hours, 750);
    ASSERT_EQ(programmes.apprenticeshipReviews().size(), 1U);
    EXPECT_EQ(programmes.apprenticeshipReviews()[0].notes, "Behind on hours");
    EXPECT_EQ(programmes.apprenticeshipReviews()[0].outcome, ApprenticeshipReviewOutcome::Concerns);

    // A saved apprenticeship is corrected in place and keeps its standard.
    Apprenticeship corrected = programmes.apprenticeships()[0];
    corrected.provider = "Another College";
    programmes.save(corrected, today, "test");
    EXPECT_EQ(programmes.apprenticeships()[0].provider, "Another College");
    EXPECT_EQ(programmes.apprenticeships()[0].version.value, 2);
    corrected = programmes.apprenticeships()[0];
    corrected.standardCode = "ST0001";
    try {
        programmes.save(corrected, today, "test");
        ADD_FAILURE() << "a changed standard code was saved";
    } catch (const ValidationError& refused) {
        ASSERT_EQ(refused.errors().size(), 1U);
        EXPECT_EQ(refused.errors()[0].field, "standard_code");
    }
    EXPECT_EQ(programmes.apprenticeships()[0].standardCode, "ST0510");
    EXPECT_EQ(programmes.apprenticeships()[0].version.value, 2);

    const PersonProgrammes person = programmes.personProgrammes("E2", today);
    ASSERT_TRUE(person.asye);
    EXPECT_EQ(person.asye->reviews.nineMonth, d(2026, 10, 5));
    ASSERT_EQ(person.apprenticeships.size(), 1U);
    EXPECT_EQ(person.apprenticeships[0].figures.logged, 750);
    EXPECT_TRUE(ledger.check().empty());
}

} // namespace
} // namespace ledger
