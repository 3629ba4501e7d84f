// The worked examples of shared/rules/compliance.md section 8, one test each.
#include "training/compliance.h"

#include <gtest/gtest.h>

using namespace ledger;

namespace {

Date d(const char* iso) {
    return *parseIsoDate(iso);
}

struct Outcome {
    std::string status;
    std::string expiresOn;
    std::string dueOn;
};

/// One person (started 2020-01-01 unless given), the section 8 module and rule.
Outcome evaluate(std::vector<const char*> completions, const char* asOf,
                 const char* start = "2020-01-01") {
    LedgerData data;
    data.staff.push_back(
        Staff{0, "P1", "Pat", "", "Team A", "Worker", d(start), {}, {}, {}, {}, {}});
    Module m;
    m.code = "M";
    m.title = "Module";
    m.renewalMonths = 12;
    m.renewalBasis = RenewalBasis::Expiry;
    m.windowDays = 90;
    m.dueSoonDays = 60;
    data.modules.push_back(m);
    data.requirements.push_back(Requirement{0, "M", Scope::All, "", 30, {}, {}});
    for (const char* c : completions) {
        data.completions.push_back(Completion{0, "P1", "M", d(c), {}, {}, false, {}, {}});
    }
    const ComplianceEngine engine(data);
    const auto rows = engine.statusesOf(0, toDayNumber(d(asOf)));
    EXPECT_EQ(rows.size(), 1u);
    if (rows.empty()) {
        return {};
    }
    const PairStatus& s = rows.front().status;
    return {statusCode(s.status),
            s.expiresOn == kNoDay ? "" : formatIso(fromDayNumber(s.expiresOn)),
            s.dueOn == kNoDay ? "" : formatIso(fromDayNumber(s.dueOn))};
}

void expect(const Outcome& o, const char* status, const char* expires, const char* due) {
    EXPECT_EQ(o.status, status);
    EXPECT_EQ(o.expiresOn, expires);
    EXPECT_EQ(o.dueOn, due);
}

} // namespace

TEST(WorkedExamples, CompliantBeforeDueSoon) {
    expect(evaluate({"2024-03-10"}, "2025-01-01"), "compliant", "2025-03-09", "2025-03-10");
}

TEST(WorkedExamples, DueSoonWithSixtyDaysLeft) {
    expect(evaluate({"2024-03-10"}, "2025-01-08"), "due_soon", "2025-03-09", "2025-03-10");
}

TEST(WorkedExamples, OverdueTheDayAfterExpiry) {
    expect(evaluate({"2024-03-10"}, "2025-03-10"), "overdue", "2025-03-09", "2025-03-10");
}

TEST(WorkedExamples, RenewalInsideWindowRunsOnFromExpiry) {
    expect(evaluate({"2024-03-10", "2025-02-01"}, "2025-06-01"), "compliant", "2026-03-09",
           "2026-03-10");
}

TEST(WorkedExamples, RenewalBeforeWindowStartsAfresh) {
    expect(evaluate({"2024-03-10", "2024-10-01"}, "2025-06-01"), "compliant", "2025-09-30",
           "2025-10-01");
}

TEST(WorkedExamples, LateRenewalStartsAfresh) {
    expect(evaluate({"2024-03-10", "2025-04-01"}, "2025-06-01"), "compliant", "2026-03-31",
           "2026-04-01");
}

TEST(WorkedExamples, NewStarterInGraceIsNotYetDue) {
    expect(evaluate({}, "2025-05-20", "2025-05-01"), "not_yet_due", "", "2025-05-31");
}

TEST(WorkedExamples, NewStarterOverdueOnTheDueDay) {
    expect(evaluate({}, "2025-05-31", "2025-05-01"), "overdue", "", "2025-05-31");
}
