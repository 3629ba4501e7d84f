#include "base/field_spec.h"
#include "io/importer.h"
#include "staff/staff.h"
#include "themes/theme.h"
#include "training/training.h"

#include <gtest/gtest.h>

using namespace ledger;

namespace {

/// Every field written as text and read back gives the same record.
template <typename Record> Record roundTrip(const RecordSpec<Record>& spec, const Record& in) {
    Record out;
    for (const FieldSpec<Record>& f : spec.fields) {
        const auto problem = f.parse(out, f.format(in));
        EXPECT_FALSE(problem) << spec.entity << "." << f.name << " '" << f.format(in) << "'";
    }
    return out;
}

Staff sampleStaff() {
    Staff s;
    s.employeeId = "E100";
    s.fullName = "Ada Okafor";
    s.email = "ada@example.org";
    s.team = "Reablement North";
    s.role = "Social worker";
    s.startDate = makeDate(2020, 4, 1);
    s.leaveDate = makeDate(2026, 3, 31);
    s.lineManagerId = "E001";
    s.registrationBody = RegistrationBody::SocialWorkEngland;
    s.registrationNumber = "SW12345";
    return s;
}

template <typename Record> std::vector<std::string> names(const RecordSpec<Record>& spec) {
    std::vector<std::string> out;
    for (const auto& f : spec.fields) {
        out.emplace_back(f.name);
    }
    return out;
}

} // namespace

TEST(FieldSpec, EveryKindReadsBackWhatItWrites) {
    const Staff s = sampleStaff();
    EXPECT_EQ(roundTrip(staffSpec(), s), s);
    Staff none = s;
    none.leaveDate.reset();
    none.registrationBody = RegistrationBody::None;
    EXPECT_EQ(roundTrip(staffSpec(), none), none);

    Module m{
        0, "SAFE-ADULTS", "Safeguarding adults", 36, RenewalBasis::Expiry, 60, 30, 5, 1, 2, 88, 1,
        {}};
    EXPECT_EQ(roundTrip(moduleSpec(), m), m);
    m.renewalMonths.reset();
    m.ascWdsCategory.reset();
    m.ascWdsAccredited.reset();
    m.ascWdsWhoDelivered.reset();
    m.ascWdsProvider.reset();
    m.ascWdsHowDelivered.reset();
    EXPECT_EQ(roundTrip(moduleSpec(), m), m);
    EXPECT_EQ(moduleSpec().at("renewal_months").format(m), "none");

    const Requirement r{0,  "SAFE-ADULTS",        Scope::Team, "Reablement North",
                        30, makeDate(2025, 1, 1), {}};
    EXPECT_EQ(roundTrip(requirementSpec(), r), r);

    const Completion c{0,
                       "E100",
                       "SAFE-ADULTS",
                       makeDate(2025, 2, 3),
                       makeDate(2028, 2, 3),
                       "Certificate 77",
                       false,
                       "",
                       {}};
    EXPECT_EQ(roundTrip(completionSpec(), c), c);

    AuditTheme t;
    t.key = "MCA-REC";
    t.title = "Recording of mental capacity";
    t.ownerId = "E7";
    t.source = ThemeSource::SafeguardingAdultsReview;
    t.raisedOn = makeDate(2026, 5, 1);
    t.priority = ThemePriority::High;
    t.status = ThemeStatus::ReAudited;
    t.description = "Line one\nline two";
    t.moduleCodes = {"MCA", "SAFE-ADULTS"};
    EXPECT_EQ(roundTrip(auditThemeSpec(), t), t);
}

TEST(FieldSpec, AnImportsColumnsAreItsSpecsFields) {
    EXPECT_EQ(importColumns(ImportKind::Completions).required, names(completionSpec()));
    // The module's ASC-WDS delivery fields came after its first files: those may leave them
    // out.
    const ImportColumns& modules = importColumns(ImportKind::Modules);
    EXPECT_EQ(modules.required,
              (std::vector<std::string>{"code", "title", "renewal_months", "renewal_basis",
                                        "window_days", "due_soon_days", "asc_wds_category"}));
    EXPECT_EQ(modules.optional,
              (std::vector<std::string>{"asc_wds_accredited", "asc_wds_who_delivered",
                                        "asc_wds_provider", "asc_wds_how_delivered"}));
    EXPECT_EQ(importColumns(ImportKind::Requirements).required, names(requirementSpec()));
    const ImportColumns& staff = importColumns(ImportKind::Staff);
    EXPECT_EQ(staff.required, (std::vector<std::string>{"employee_id", "full_name", "email", "team",
                                                        "role", "start_date", "leave_date"}));
    EXPECT_EQ(staff.optional, (std::vector<std::string>{"line_manager_id", "registration_body",
                                                        "registration_number"}));
}

TEST(FieldSpec, ProblemsAreWordedForAnImportFile) {
    Module m;
    const auto& months = moduleSpec().at("renewal_months");
    auto problem = months.parse(m, "12x");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(months, *problem),
              "'12x' is not a whole number of months (or none) from 1 to 999");
    EXPECT_FALSE(months.parse(m, "none"));
    EXPECT_FALSE(m.renewalMonths);

    const auto& basis = moduleSpec().at("renewal_basis");
    EXPECT_FALSE(basis.parse(m, ""));
    EXPECT_EQ(m.renewalBasis, RenewalBasis::Completion);
    problem = basis.parse(m, "Expiry");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(basis, *problem), "'Expiry' is not completion or expiry");

    Staff s;
    const auto& body = staffSpec().at("registration_body");
    problem = body.parse(s, "swe");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(body, *problem), "'swe' is not SWE, HCPC or NMC");

    const auto& start = staffSpec().at("start_date");
    problem = start.parse(s, "");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(start, *problem), "a date is required (YYYY-MM-DD)");
    problem = start.parse(s, "31/03/2026");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(start, *problem), "'31/03/2026' is not a date in the form YYYY-MM-DD");

    Completion c;
    const auto& who = completionSpec().at("employee_id");
    problem = who.parse(c, "");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(who, *problem), "an employee id is required");

    Requirement r;
    const auto& due = requirementSpec().at("due_within_days");
    EXPECT_FALSE(due.parse(r, ""));
    EXPECT_EQ(r.dueWithinDays, 0);
    problem = due.parse(r, "3651");
    ASSERT_TRUE(problem);
    EXPECT_EQ(importMessage(due, *problem), "'3651' is not a whole number of days from 0 to 3650");
}

TEST(FieldSpec, TheChangeLogKeepsValuesAndTheKeyApart) {
    const Staff s = sampleStaff();
    const FieldValues values = valuesOf(staffSpec(), s, true, false, false);
    ASSERT_EQ(values.size(), 9u);
    EXPECT_EQ(values.front(), (std::pair<std::string, std::string>{"full_name", "Ada Okafor"}));
    const FieldValues key = valuesOf(staffSpec(), s, false, true, true);
    EXPECT_EQ(key, (FieldValues{{"employee_id", "E100"}}));
}
