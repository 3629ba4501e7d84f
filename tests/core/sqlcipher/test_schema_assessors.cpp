// Schema step 8 on a ledger file written by the previous version: its records stay as they
// were, roles gain can_sign_off (no), the equipment-category list holds the eight seeded
// codes, and trusted-assessor authorisations can then be kept.

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

TEST(SchemaEight, AVersion7LedgerKeepsItsRecordsAndCanKeepTrustedAssessors) {
    ScratchDir dir;
    const auto path = dir / "v7.ledger";
    test::writeLedgerAtVersion(
        path, kPassphrase, 7,
        "INSERT INTO team (id, name) VALUES (1, 'Reablement');"
        "INSERT INTO role (id, name) VALUES (1, 'Occupational Therapist'), "
        "(2, 'Support Worker');"
        "INSERT INTO staff (id, employee_id, full_name, team_id, role_id, start_date) "
        "VALUES (1, 'E1', 'Ada Signer', 1, 1, '2020-01-06'), "
        "(2, 'E2', 'Ben Assessor', 1, 2, '2021-03-01');"
        "INSERT INTO cpd_entry (id, staff_id, date, title, type, hours, status) VALUES "
        "(1, 2, '2026-01-10', 'Moving and handling', 'course', 350, 'draft');");
    Ledger ledger = Ledger::open(path, kPassphrase);
    EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
    EXPECT_TRUE(ledger.check().empty());
    // What it held is as it was.
    ASSERT_EQ(ledger.cpd().all().size(), 1U);
    EXPECT_EQ(ledger.cpd().all()[0].title, "Moving and handling");
    EXPECT_EQ(ledger.cpd().all()[0].hours, 350);
    // Roles cannot sign off until told; the category list is section 7's.
    AssessorService& assessors = ledger.assessors();
    EXPECT_EQ(assessors.roleCanSignOff("Occupational Therapist"), false);
    EXPECT_EQ(assessors.roleCanSignOff("Nobody"), std::nullopt);
    const std::vector<EquipmentCategory> categories = assessors.categories();
    ASSERT_EQ(categories.size(), 8U);
    for (const ChoiceOption& seeded : seededEquipmentCategories()) {
        EXPECT_NE(std::find(categories.begin(), categories.end(),
                            EquipmentCategory{std::string(seeded.code), std::string(seeded.label)}),
                  categories.end())
            << seeded.code;
    }
    EXPECT_TRUE(assessors.all().empty());

    // An authorisation signed off by someone whose role cannot sign off is refused ...
    const Date today = makeDate(2026, 11, 25);
    TrustedAssessor a;
    a.employeeId = "E2";
    a.level = AssessorLevel::Level3;
    a.categories = {"grab_rails", "commodes"};
    a.trainedOn = makeDate(2026, 2, 1);
    a.signedOffBy = "E1";
    a.signedOffOn = makeDate(2026, 3, 2);
    a.refreshers = {makeDate(2026, 9, 1)};
    EXPECT_THROW(assessors.save(a, today, "test"), ValidationError);
    EXPECT_TRUE(assessors.all().empty());
    // ... and kept once it can; a category added to the list can be used.
    assessors.setRoleCanSignOff("Occupational Therapist", true, "test");
    EXPECT_EQ(assessors.roleCanSignOff("Occupational Therapist"), true);
    assessors.addCategory({"hoists", "Hoists"}, "test");
    a.categories.insert("hoists");
    const RecordId id = assessors.save(a, today, "test");
    EXPECT_NE(id, 0);
    const std::optional<TrustedAssessor> saved = assessors.find("E2", AssessorLevel::Level3);
    ASSERT_TRUE(saved);
    EXPECT_EQ(*saved, [&] {
        TrustedAssessor expected = a;
        expected.id = id;
        return expected;
    }());
    EXPECT_EQ(saved->version.value, 1);
    EXPECT_EQ(checkTrustedAssessor(*saved, today).status, AssessorStatus::Authorised);
    EXPECT_TRUE(ledger.check().empty());
}

} // namespace
} // namespace ledger
