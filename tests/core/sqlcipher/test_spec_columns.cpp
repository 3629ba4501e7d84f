// The store's statements built from the field specs (spec_columns.h): every kind stored and
// read back equal, optional values absent and present, numbers kept as integers, the
// schema's checks still in force, and the counted completions streamed in export order.
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlcipher_store.h"

#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <algorithm>

using namespace ledger;
using ledger::test::ScratchDir;

namespace {

const char* kPassphrase = "correct horse battery";

/// A new ledger's store, open for writing, with the people and modules the tests refer to.
std::unique_ptr<SqlCipherStore> newStore(const std::filesystem::path& path) {
    auto store = SqlCipherStore::beginCreate(path, kPassphrase);
    store->publish();
    return SqlCipherStore::open(path, kPassphrase);
}

Staff person(std::string employeeId) {
    Staff s;
    s.employeeId = std::move(employeeId);
    s.fullName = "Zoë Ní Bhriain";
    s.email = "zoe@example.org";
    s.team = "Older People East";
    s.role = "Social Worker";
    s.startDate = makeDate(2019, 4, 1);
    return s;
}

Module module(std::string code) {
    Module m;
    m.code = std::move(code);
    m.title = "Safeguarding adults, level 3";
    return m;
}

/// Runs `sql` on the ledger at `path` without the store and returns the first column of
/// each row as text.
std::vector<std::string> rawColumn(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_exec(db,
                 "PRAGMA key = 'correct horse battery'; PRAGMA kdf_iter = 256000; "
                 "PRAGMA cipher_page_size = 4096;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(st, 0);
        out.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

} // namespace

TEST(SpecColumns, StatementPartsComeFromTheColumnFieldsOfTheSpec) {
    const sql::SpecColumns<Requirement> columns(requirementSpec(), 2);
    // `module` is kept by the repository (module_id), so the columns start at scope.
    EXPECT_EQ(columns.names("r."), "r.scope, r.value, r.due_within_days, r.effective_from");
    EXPECT_EQ(columns.parameters(), "?2, ?3, ?4, ?5");
    EXPECT_EQ(columns.assignments(sql::Fields::Values),
              "due_within_days = ?4, effective_from = ?5");
    EXPECT_EQ(columns.conditions(), "scope = ?2 AND value = ?3");
    EXPECT_EQ(columns.next(), 6);
    const sql::SpecColumns<Staff> staff(staffSpec(), 3);
    EXPECT_EQ(staff.names(),
              "employee_id, full_name, email, start_date, leave_date, line_manager_id, "
              "registration_body, registration_number");
    EXPECT_EQ(staff.conditions(), "employee_id = ?3");
    EXPECT_EQ(staff.assignments(sql::Fields::Changeable).find("employee_id"), std::string::npos);
}

TEST(SpecColumns, ServerStatementsTypeEachParameterFromItsField) {
    // The same list in PostgreSQL's form: `$N` with a cast from the field's type, so that a
    // parameter's type never depends on the server inferring it from an expression.
    const SpecColumnList<Requirement> columns(requirementSpec(), 2, Placeholder::Dollar);
    EXPECT_EQ(columns.parameters(), "$2::text, $3::text, $4::integer, $5::date");
    EXPECT_EQ(columns.assignments(Fields::Values),
              "due_within_days = $4::integer, effective_from = $5::date");
    EXPECT_EQ(columns.conditions(), "scope = $2::text AND value = $3::text");
    Requirement r;
    r.scope = Scope::Team;
    r.value = "Reablement North";
    r.dueWithinDays = 30;
    const auto& fields = columns.fields();
    EXPECT_EQ(columns.stored(*fields[0], r), std::optional<std::string>("team"));
    EXPECT_EQ(columns.stored(*fields[2], r), std::optional<std::string>("30"));
    EXPECT_EQ(columns.stored(*fields[3], r), std::nullopt); // no effective_from: NULL
}

TEST(SpecStore, StaffAreStoredAndReadBackEqualWithOptionalValuesAbsentAndPresent) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    Staff bare = person("E1");
    Staff full = person("E2");
    full.leaveDate = makeDate(2026, 3, 31);
    full.lineManagerId = "E1";
    full.registrationBody = RegistrationBody::SocialWorkEngland;
    full.registrationNumber = "SW12345";
    full.team = "Carers' Support";
    store->begin();
    bare.id = store->staff().putStaff(bare);
    full.id = store->staff().putStaff(full);
    store->commit();
    EXPECT_EQ(store->staff().staffMember("E1"), bare);
    EXPECT_EQ(store->staff().staffMember("E2"), full);
    EXPECT_EQ(loadWithoutCompletions(store->staff(), store->training()).staff,
              (std::vector<Staff>{bare, full}));

    // An update by employee id: values there become absent, absent ones appear.
    Staff changed = full;
    changed.leaveDate.reset();
    changed.registrationBody = RegistrationBody::None;
    changed.registrationNumber.clear();
    changed.email = "=not a formula here";
    changed.role = "Team Manager";
    store->begin();
    EXPECT_EQ(store->staff().putStaff(changed), full.id);
    store->commit();
    EXPECT_EQ(store->staff().staffMember("E2"), changed);
    EXPECT_EQ(rawColumn(store->path(), "SELECT coalesce(leave_date, 'NULL') || '|' || "
                                       "registration_body FROM staff WHERE employee_id = 'E2'"),
              std::vector<std::string>{"NULL|"});
}

TEST(SpecStore, ModulesKeepNumbersAsIntegersAndNoneAsNull) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    Module never = module("ED"); // renewal `none`, no ASC-WDS category
    never.renewalBasis = RenewalBasis::Completion;
    Module yearly = module("SAFE-L3");
    yearly.renewalMonths = 36;
    yearly.renewalBasis = RenewalBasis::Expiry;
    yearly.windowDays = 0;
    yearly.dueSoonDays = 3650;
    yearly.ascWdsCategory = 20;
    store->begin();
    never.id = store->training().putModule(never);
    yearly.id = store->training().putModule(yearly);
    store->commit();
    EXPECT_EQ(loadWithoutCompletions(store->staff(), store->training()).modules,
              (std::vector<Module>{never, yearly}));
    EXPECT_EQ(moduleSpec()
                  .at("renewal_months")
                  .format(loadWithoutCompletions(store->staff(), store->training()).modules[0]),
              "none");
    EXPECT_EQ(rawColumn(store->path(),
                        "SELECT code || ':' || coalesce(typeof(renewal_months), '') || ',' || "
                        "typeof(window_days) || ',' || typeof(due_soon_days) || ',' || "
                        "typeof(asc_wds_category) FROM module ORDER BY code"),
              (std::vector<std::string>{"ED:null,integer,integer,null",
                                        "SAFE-L3:integer,integer,integer,integer"}));

    // A module that never expired now does, and the other way round.
    std::swap(never.renewalMonths, yearly.renewalMonths);
    std::swap(never.ascWdsCategory, yearly.ascWdsCategory);
    store->begin();
    store->training().putModule(never);
    store->training().putModule(yearly);
    store->commit();
    EXPECT_EQ(loadWithoutCompletions(store->staff(), store->training()).modules,
              (std::vector<Module>{never, yearly}));
}

TEST(SpecStore, TheSchemasChecksStillRefuseWhatValidationWouldHaveCaught) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    Module wrong = module("BAD");
    wrong.renewalMonths = 1000; // CHECK renewal_months BETWEEN 1 AND 999
    store->begin();
    EXPECT_THROW(store->training().putModule(wrong), StorageError);
    store->rollback();
    Staff leftBeforeStarting = person("E9");
    leftBeforeStarting.leaveDate = makeDate(2000, 1, 1); // CHECK leave_date >= start_date
    store->begin();
    EXPECT_THROW(store->staff().putStaff(leftBeforeStarting), StorageError);
    store->rollback();
    EXPECT_TRUE(loadWithoutCompletions(store->staff(), store->training()).modules.empty());
    EXPECT_TRUE(loadWithoutCompletions(store->staff(), store->training()).staff.empty());
}

TEST(SpecStore, RequirementsAreStoredUpdatedAndRemovedByTheirKey) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    Requirement all{0, "SAFE-L3", Scope::All, "", 90, std::nullopt, {}};
    Requirement team{0, "SAFE-L3", Scope::Team, "Carers' Support", 0, makeDate(2025, 4, 1), {}};
    store->begin();
    store->training().putModule(module("SAFE-L3"));
    all.id = store->training().putRequirement(all);
    team.id = store->training().putRequirement(team);
    store->commit();
    EXPECT_EQ(loadWithoutCompletions(store->staff(), store->training()).requirements,
              (std::vector<Requirement>{all, team}));

    team.dueWithinDays = 30;
    team.effectiveFrom.reset();
    all.effectiveFrom = makeDate(2026, 1, 1);
    store->begin();
    EXPECT_EQ(store->training().putRequirement(team), team.id);
    EXPECT_EQ(store->training().putRequirement(all), all.id);
    store->commit();
    EXPECT_EQ(loadWithoutCompletions(store->staff(), store->training()).requirements,
              (std::vector<Requirement>{all, team}));

    store->begin();
    store->training().removeRequirement(all);
    store->commit();
    EXPECT_EQ(loadWithoutCompletions(store->staff(), store->training()).requirements,
              (std::vector<Requirement>{team}));
}

TEST(SpecStore, CompletionsAreStoredCorrectedAndVoidedThroughTheSpec) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    Completion plain{0, "E1", "SAFE-L3", makeDate(2024, 3, 10), std::nullopt, "", false, "", {}};
    Completion certified{0,
                         "E1",
                         "MCA",
                         makeDate(2025, 2, 1),
                         makeDate(2028, 1, 31),
                         "Attended, \"good\"\nsecond line",
                         false,
                         "",
                         {}};
    store->begin();
    store->staff().putStaff(person("E1"));
    store->training().putModule(module("SAFE-L3"));
    store->training().putModule(module("MCA"));
    plain.id = store->training().putCompletion(plain);
    certified.id = store->training().putCompletion(certified);
    store->commit();
    EXPECT_EQ(store->training().completion(plain.id), plain);
    EXPECT_EQ(store->training().completion(certified.id), certified);
    EXPECT_EQ(store->training().completionsOf("E1"), (std::vector<Completion>{certified, plain}));

    // By its key (putCompletion) and by its id (updateCompletion).
    certified.expiresOn.reset();
    certified.voided = true;
    certified.voidReason = "wrong person";
    store->begin();
    EXPECT_EQ(store->training().putCompletion(certified), certified.id);
    store->commit();
    EXPECT_EQ(store->training().completion(certified.id), certified);
    plain.moduleCode = "MCA";
    plain.completedOn = makeDate(2024, 3, 11);
    plain.expiresOn = makeDate(2027, 3, 10);
    plain.evidence = "=certificate";
    store->begin();
    store->training().updateCompletion(plain);
    store->commit();
    EXPECT_EQ(store->training().completion(plain.id), plain);
    EXPECT_EQ(store->training().completionsOf("E1"), (std::vector<Completion>{certified, plain}));
}

TEST(SpecStore, AuditThemesAreStoredAndReadBackEqual) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    AuditTheme theme;
    theme.key = "MCA";
    theme.title = "Mental capacity assessments not recorded";
    theme.source = ThemeSource::SafeguardingAdultsReview;
    theme.ownerId = "E1";
    theme.raisedOn = makeDate(2025, 6, 2);
    theme.priority = ThemePriority::High;
    theme.status = ThemeStatus::BeingAddressed;
    theme.description = "Two reviews, one finding.\n\tIndented";
    theme.moduleCodes = {"MCA", "SAFE-L3"};
    store->begin();
    store->training().putModule(module("MCA"));
    store->training().putModule(module("SAFE-L3"));
    theme.id = store->themes().putAuditTheme(theme);
    store->commit();
    EXPECT_EQ(store->themes().auditTheme(theme.id), theme);

    theme.status = ThemeStatus::Closed;
    theme.description.clear();
    theme.moduleCodes = {"MCA"};
    store->begin();
    EXPECT_EQ(store->themes().putAuditTheme(theme), theme.id);
    store->commit();
    EXPECT_EQ(store->themes().auditThemes(), std::vector<AuditTheme>{theme});
}

TEST(SpecStore, CountedCompletionsStreamByEmployeeModuleAndDateWithoutTheVoidedOnes) {
    ScratchDir dir;
    auto store = newStore(dir / "l.ledger");
    store->begin();
    for (const char* id : {"E2", "E1", "E10"}) {
        store->staff().putStaff(person(id));
    }
    for (const char* code : {"MCA", "BLS", "SAFE-L3"}) {
        store->training().putModule(module(code));
    }
    const auto add = [&](const char* employee, const char* code, Date on, bool voided) {
        Completion c{0, employee, code, on, std::nullopt, "", voided, voided ? "duplicate" : "",
                     {}};
        store->training().putCompletion(c);
    };
    add("E2", "MCA", makeDate(2024, 1, 1), false);
    add("E1", "SAFE-L3", makeDate(2023, 1, 1), false);
    add("E1", "BLS", makeDate(2025, 1, 1), false);
    add("E1", "BLS", makeDate(2022, 1, 1), false);
    add("E10", "MCA", makeDate(2021, 1, 1), true);
    add("E10", "BLS", makeDate(2021, 1, 1), false);
    store->commit();
    std::vector<std::string> seen;
    store->training().forEachCountedCompletion([&](const Completion& c) {
        EXPECT_FALSE(c.voided);
        seen.push_back(c.employeeId + " " + c.moduleCode + " " + formatIso(c.completedOn));
    });
    EXPECT_EQ(seen, (std::vector<std::string>{"E1 BLS 2022-01-01", "E1 BLS 2025-01-01",
                                              "E1 SAFE-L3 2023-01-01", "E10 BLS 2021-01-01",
                                              "E2 MCA 2024-01-01"}));
}
