// Section 10's Social Work England and HCPC worked examples of rules/learning-record.md,
// through the store on both engines: each example's entries are saved for a person of their
// own, and `report cpd` / `report hcpc` as of the example's day give its row. (The same
// examples test the pure checks in test_cpd_rules.cpp; here they prove that what the engines
// keep and hand back, drafts, blank-looking peer reflections and dates included, gives the
// same figures.)

#include "engines.h"
#include "ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace ledger {
namespace {

using test::EngineTest;

const Date kToday = makeDate(2026, 11, 25);

struct Entry {
    Date date;
    CpdType type = CpdType::Course;
    bool peer = false;
    CpdStatus status = CpdStatus::Final;
    std::string peerText = "Senior Social Worker";
};

class CpdExamples : public EngineTest {
protected:
    void SetUp() override {
        EngineTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_ledger.emplace(ledgers().create("test"));
        // Social Work England: S1 (rows 1 and 2 of its table), S3 (rows 3 and 4), S5, S6.
        add("S1", RegistrationBody::SocialWorkEngland,
            {{makeDate(2025, 3, 10), CpdType::Course, true}, {makeDate(2025, 11, 30)}});
        add("S3", RegistrationBody::SocialWorkEngland,
            {{makeDate(2024, 12, 1), CpdType::Course, true},
             {makeDate(2025, 12, 1), CpdType::Course, true}});
        add("S5", RegistrationBody::SocialWorkEngland,
            {{makeDate(2025, 2, 1)},
             {makeDate(2025, 5, 1), CpdType::Course, true, CpdStatus::Draft}});
        add("S6", RegistrationBody::SocialWorkEngland,
            {{makeDate(2025, 1, 15), CpdType::Course, true, CpdStatus::Final, "   "},
             {makeDate(2025, 4, 1)}});
        // HCPC (cycle 2023-11-01..2025-10-31 unless said).
        add("H1", RegistrationBody::Hcpc,
            {{makeDate(2023, 11, 20), CpdType::Course},
             {makeDate(2024, 2, 19), CpdType::Supervision}});
        add("H2", RegistrationBody::Hcpc,
            {{makeDate(2023, 11, 20), CpdType::Course},
             {makeDate(2024, 2, 20), CpdType::Supervision}});
        add("H3", RegistrationBody::Hcpc,
            {{makeDate(2023, 11, 30), CpdType::Course},
             {makeDate(2024, 1, 31), CpdType::ReadingResearch}});
        add("H4", RegistrationBody::Hcpc,
            {{makeDate(2023, 12, 1), CpdType::Course, false, CpdStatus::Draft},
             {makeDate(2024, 2, 1), CpdType::Supervision},
             {makeDate(2024, 3, 1), CpdType::PracticeForum}});
        add("H5", RegistrationBody::Hcpc, {{makeDate(2025, 10, 31), CpdType::Course}});
    }

    Ledger& l() { return *m_ledger; }

    void add(const char* id, RegistrationBody body, const std::vector<Entry>& entries) {
        Staff s;
        s.employeeId = id;
        s.fullName = std::string("Person ") + id;
        s.team = "East";
        s.role = "Practitioner";
        s.startDate = makeDate(2020, 1, 6);
        s.registrationBody = body;
        s.registrationNumber = std::string(body == RegistrationBody::Hcpc ? "OT" : "SW") + "12345";
        l().staff().add(s, kToday, "test");
        int n = 0;
        for (const Entry& e : entries) {
            CpdEntry c;
            c.employeeId = id;
            c.date = e.date;
            c.title = "Entry " + std::to_string(++n);
            c.type = e.type;
            c.hours = 100;
            c.description = "Did";
            c.learning = "Learnt";
            c.impact = "Changed";
            c.peerReflection = e.peer ? e.peerText : "";
            c.status = e.status;
            l().cpd().save(c, kToday, "test");
        }
    }

    /// The report's line for `id`, without its line end; empty when the report has none.
    static std::string lineOf(const std::string& csv, const std::string& id) {
        std::istringstream in(csv);
        for (std::string line; std::getline(in, line);) {
            if (line.rfind(id + ",", 0) == 0) {
                return line;
            }
        }
        return {};
    }
    std::string swe(Date asOf, std::optional<int> year, const char* id) {
        return lineOf(formatCpdCsv(l().cpd().cpdReport(asOf, year)), id);
    }
    std::string hcpc(Date asOf, const char* id) {
        return lineOf(formatHcpcCsv(l().cpd().hcpcReport(asOf)), id);
    }

    std::optional<Ledger> m_ledger;
};

INSTANTIATE_TEST_SUITE_P(Engines, CpdExamples, test::kEngines, test::engineName);

TEST_P(CpdExamples, SocialWorkEnglandWorkedExamples) {
    EXPECT_EQ(swe(makeDate(2025, 11, 30), {}, "S1"), "S1,East,2025,2,1,0,met");
    EXPECT_EQ(swe(makeDate(2025, 11, 29), {}, "S1"), "S1,East,2025,1,1,1,not_met");
    EXPECT_EQ(swe(makeDate(2025, 12, 1), {}, "S3"), "S3,East,2026,1,1,364,not_met");
    EXPECT_EQ(swe(makeDate(2025, 12, 1), 2025, "S3"), "S3,East,2025,1,1,0,not_met");
    EXPECT_EQ(swe(makeDate(2025, 6, 30), {}, "S5"), "S5,East,2025,1,0,153,not_met");
    EXPECT_EQ(swe(makeDate(2025, 9, 1), {}, "S6"), "S6,East,2025,2,0,90,not_met");
    // Anyone registered with HCPC is not applicable: no row, whatever their entries.
    EXPECT_EQ(swe(makeDate(2025, 11, 30), {}, "H1"), "");
}

TEST_P(CpdExamples, HcpcWorkedExamples) {
    const Date d = makeDate(2024, 4, 30);
    EXPECT_EQ(hcpc(d, "H1"), "H1,East,2025-10-31,2,formal_educational;work_based,0,,met,");
    EXPECT_EQ(hcpc(d, "H2"), "H2,East,2025-10-31,2,formal_educational;work_based,1,"
                             "2023-11-20..2024-02-20,not_met,gaps");
    EXPECT_EQ(hcpc(d, "H3"), "H3,East,2025-10-31,2,formal_educational;self_directed,1,"
                             "2024-01-31..2024-04-30,not_met,gaps");
    EXPECT_EQ(hcpc(makeDate(2024, 3, 15), "H4"),
              "H4,East,2025-10-31,2,work_based,1,2023-11-01..2024-02-01,not_met,gaps;mixture");
    EXPECT_EQ(hcpc(makeDate(2025, 11, 1), "H5"), "H5,East,2027-10-31,0,,0,,not_met,mixture");
    // Anyone registered with Social Work England is not applicable here.
    EXPECT_EQ(hcpc(d, "S1"), "");
}

} // namespace
} // namespace ledger
