// Section 10's ASYE, apprenticeship and trusted-assessor worked examples of
// rules/learning-record.md, through the store on both engines: each example's records are
// saved for a person of their own, and `report asye`, `report apprenticeships` and `report
// trusted-assessors` as of the example's day give its row. (The same examples test the pure
// rules in test_asye_rules.cpp, test_apprenticeship_rules.cpp and
// test_trusted_assessor_rules.cpp; here they prove that what the engines keep and hand back,
// outcomes, breaks, hours and refreshers included, gives the same figures.)

#include "engines.h"
#include "ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace ledger {
namespace {

using test::EngineTest;

const Date kToday = makeDate(2026, 11, 25);

constexpr Date d(int y, unsigned m, unsigned day) {
    return makeDate(y, m, day);
}

/// The report's line for `id`, without its line end; empty when the report has none.
std::string lineOf(const std::string& csv, const std::string& id) {
    std::istringstream in(csv);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(id + ",", 0) == 0) {
            return line;
        }
    }
    return {};
}

/// Mondays from `first` to `last`, both included.
std::vector<Date> weekly(Date first, Date last) {
    std::vector<Date> out;
    for (Date day = first; day <= last; day = addDays(day, 7)) {
        out.push_back(day);
    }
    return out;
}

class ProgrammeExamples : public EngineTest {
protected:
    void SetUp() override {
        EngineTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        m_ledger.emplace(ledgers().create("test"));
        person("AS", "Practice Educator");
        person("SU", "Senior Social Worker");
        person("OT", "Occupational Therapist");
        l().assessors().setRoleCanSignOff("Occupational Therapist", true, "test");
    }

    Ledger& l() { return *m_ledger; }

    void person(const std::string& id, const std::string& role = "Practitioner") {
        Staff s;
        s.employeeId = id;
        s.fullName = "Person " + id;
        s.team = "East";
        s.role = role;
        s.startDate = d(2020, 1, 6);
        l().staff().add(s, kToday, "test");
    }

    /// Enrols a new person `id` from `start` with `setup`, and logs `supervisions`.
    void enrol(const std::string& id, Date start, const std::function<void(AsyeEnrolment&)>& setup,
               const std::vector<Date>& supervisions = {}) {
        person(id);
        AsyeEnrolment e;
        e.employeeId = id;
        e.start = start;
        e.assessorId = "AS";
        e.supervisorId = "SU";
        if (setup) {
            setup(e);
        }
        l().programmes().save(e, kToday, "test");
        for (const Date day : supervisions) {
            Supervision s;
            s.employeeId = id;
            s.date = day;
            l().programmes().save(s, kToday, "test");
        }
    }

    std::string asye(Date asOf, const std::string& id) {
        return lineOf(formatAsyeCsv(l().programmes().asyeReport(asOf)), id);
    }

    /// A new person `id` on ST0510 from 2025-01-01 to 2025-12-31 (reviews every 12 weeks)
    /// with `planned` hundredths planned, `setup` done, and these OTJ hours and reviews.
    void apprentice(const std::string& id, Hundredths planned,
                    const std::function<void(Apprenticeship&)>& setup,
                    const std::vector<std::pair<Date, Hundredths>>& otj,
                    const std::vector<Date>& reviews = {}) {
        person(id);
        Apprenticeship a;
        a.employeeId = id;
        a.standardCode = "ST0510";
        a.standardTitle = "Advanced clinical practitioner";
        a.provider = "University of Example";
        a.startDate = d(2025, 1, 1);
        a.plannedEndDate = d(2025, 12, 31);
        a.plannedOtjHours = planned;
        if (setup) {
            setup(a);
        }
        l().programmes().save(a, kToday, "test");
        for (const auto& [day, hours] : otj) {
            OtjEntry o;
            o.employeeId = id;
            o.standardCode = "ST0510";
            o.date = day;
            o.hours = hours;
            l().programmes().save(o, kToday, "test");
        }
        for (const Date day : reviews) {
            ApprenticeshipReview r;
            r.employeeId = id;
            r.standardCode = "ST0510";
            r.date = day;
            r.outcome = ApprenticeshipReviewOutcome::OnTrack;
            l().programmes().save(r, kToday, "test");
        }
    }

    std::string apprenticeship(Date asOf, const std::string& id) {
        return lineOf(formatApprenticeshipsCsv(l().programmes().apprenticeshipReport(asOf)), id);
    }

    /// A new person `id` signed off by OT on `signedOff` (trained a month before), with
    /// `setup` done.
    void assessor(const std::string& id, Date signedOff,
                  const std::function<void(TrustedAssessor&)>& setup = nullptr) {
        person(id);
        TrustedAssessor a;
        a.employeeId = id;
        a.categories = {"grab_rails"};
        a.trainedOn = d(2024, 1, 2);
        a.signedOffBy = "OT";
        a.signedOffOn = signedOff;
        if (setup) {
            setup(a);
        }
        l().assessors().save(a, kToday, "test");
    }

    /// `status,refresher_due` of `id`'s authorisation on `asOf`.
    std::string authorisation(Date asOf, const std::string& id) {
        for (const TrustedAssessorReportRow& r : l().assessors().report(asOf)) {
            if (r.assessor.employeeId == id) {
                return assessorStatusCode(r.figures.status) + "," +
                       (r.figures.refresherDue ? formatIso(*r.figures.refresherDue) : "");
            }
        }
        return {};
    }

    std::optional<Ledger> m_ledger;
};

INSTANTIATE_TEST_SUITE_P(Engines, ProgrammeExamples, test::kEngines, test::engineName);

TEST_P(ProgrammeExamples, AsyeWorkedExamples) {
    enrol("Y1", d(2024, 2, 29), [](AsyeEnrolment& e) {
        e.nineMonthReview = true;
        e.outcome3m = ReviewOutcome::OnTrack;
    });
    enrol("Y2", d(2024, 2, 29), [](AsyeEnrolment& e) {
        e.extensionMonths = 1;
        e.outcome3m = ReviewOutcome::OnTrack;
        e.outcome6m = ReviewOutcome::OnTrack;
        e.outcome = AsyeOutcome::Extended;
    });
    enrol("Y3", d(2025, 8, 31), [](AsyeEnrolment& e) { e.nineMonthReview = true; });
    enrol("Y4", d(2024, 1, 31), [](AsyeEnrolment& e) {
        e.extensionMonths = 12;
        e.outcome = AsyeOutcome::Withdrawn;
    });
    const Date s = d(2025, 1, 6);
    enrol("Y5", s, nullptr, {d(2025, 1, 13), d(2025, 1, 20), d(2025, 1, 29)});
    std::vector<Date> six = weekly(d(2025, 1, 13), d(2025, 2, 10));
    six.insert(six.end(), {d(2025, 2, 16), d(2025, 2, 26)});
    enrol("Y6", s, nullptr, six);
    std::vector<Date> seven = weekly(d(2025, 1, 13), d(2025, 2, 17));
    seven.insert(seven.end(), {d(2025, 2, 27), d(2025, 3, 14)});
    enrol("Y7", s, nullptr, seven);
    enrol("Y8", s, nullptr, {d(2025, 7, 6), d(2025, 8, 6), d(2025, 9, 7)});

    EXPECT_EQ(asye(d(2024, 8, 30), "Y1"), "Y1,East,2024-02-29,2024-05-29,2024-08-29,2024-11-29,"
                                          "2025-02-28,6m,2024-11-29,1,2024-02-29..2024-08-30,");
    EXPECT_EQ(asye(d(2025, 3, 29), "Y2"), "Y2,East,2024-02-29,2024-05-29,2024-08-29,,2025-03-29,,"
                                          "2025-03-29,1,2024-02-29..2025-03-29,extended");
    EXPECT_EQ(asye(d(2025, 12, 1), "Y3"), "Y3,East,2025-08-31,2025-11-30,2026-02-28,2026-05-31,"
                                          "2026-08-31,3m,2026-02-28,1,2025-08-31..2025-12-01,");
    EXPECT_EQ(asye(d(2025, 1, 1), "Y4"),
              "Y4,East,2024-01-31,2024-04-30,2024-07-31,,2026-01-31,,,0,,withdrawn");
    const std::string reviews = "2025-01-06,2025-04-06,2025-07-06,,2026-01-06,";
    EXPECT_EQ(asye(d(2025, 2, 3), "Y5"),
              "Y5,East," + reviews + ",2025-04-06,1,2025-01-20..2025-01-29,");
    EXPECT_EQ(asye(d(2025, 3, 1), "Y6"),
              "Y6,East," + reviews + ",2025-04-06,1,2025-02-16..2025-02-26,");
    EXPECT_EQ(asye(d(2025, 3, 31), "Y7"),
              "Y7,East," + reviews +
                  ",2025-04-06,2,2025-02-27..2025-03-14;2025-03-14..2025-03-31,");
    EXPECT_EQ(asye(d(2025, 10, 1), "Y8"),
              "Y8,East," + reviews +
                  "3m;6m,2026-01-06,2,2025-01-06..2025-07-06;2025-08-06..2025-09-07,");
}

TEST_P(ProgrammeExamples, ApprenticeshipWorkedExamples) {
    const std::vector<std::pair<Date, Hundredths>> first = {{d(2025, 1, 31), 3000},
                                                            {d(2025, 2, 28), 2800}};
    apprenticeship(d(2025, 2, 28), "none"); // nothing yet
    apprentice("P1", 36500, nullptr, first);
    auto second = first;
    second.push_back({d(2025, 3, 20), 3000});
    apprentice("P2", 36500, nullptr, second);
    const auto withBreak = [](Apprenticeship& a) {
        a.breaks = {DatePeriod{d(2025, 3, 1), d(2025, 3, 31)}};
    };
    const std::vector<std::pair<Date, Hundredths>> third = {{d(2025, 1, 31), 3000},
                                                            {d(2025, 2, 28), 4000}};
    apprentice("P3", 40000, withBreak, third, {d(2025, 2, 20)});
    auto fourth = third;
    fourth.push_back({d(2025, 4, 10), 1263});
    apprentice("P4", 40000, withBreak, fourth, {d(2025, 2, 20)});
    apprentice("P5", 40000,
               [&](Apprenticeship& a) {
                   withBreak(a);
                   a.epaDate = d(2025, 12, 15);
                   a.epaResult = EpaResult::Merit;
               },
               fourth, {d(2025, 2, 20)});

    const std::string head = ",East,ST0510,Advanced clinical practitioner,";
    EXPECT_EQ(apprenticeship(d(2025, 2, 28), "P1"),
              "P1" + head +
                  "active,2025-01-01,2025-12-31,59,365,365.00,59.00,58.00,no,,"
                  "2025-03-26,no,,,,no");
    EXPECT_EQ(apprenticeship(d(2025, 3, 27), "P2"),
              "P2" + head +
                  "active,2025-01-01,2025-12-31,86,365,365.00,86.00,88.00,yes,,"
                  "2025-03-26,yes,,,,no");
    EXPECT_EQ(apprenticeship(d(2025, 3, 15), "P3"),
              "P3" + head +
                  "on_break,2025-01-01,2025-12-31,59,334,400.00,70.66,70.00,no,"
                  "2025-02-20,2025-05-15,no,,,,no");
    EXPECT_EQ(apprenticeship(d(2025, 4, 10), "P4"),
              "P4" + head +
                  "active,2025-01-01,2025-12-31,69,334,400.00,82.63,82.63,no,"
                  "2025-02-20,2025-05-15,no,,,,no");
    EXPECT_EQ(apprenticeship(d(2026, 1, 10), "P5"),
              "P5" + head +
                  "completed,2025-01-01,2025-12-31,334,334,400.00,400.00,82.63,,"
                  "2025-02-20,,,,2025-12-15,merit,");
}

TEST_P(ProgrammeExamples, TrustedAssessorWorkedExamples) {
    assessor("T1", d(2024, 10, 15));
    assessor("T3", d(2024, 10, 15), [](TrustedAssessor& a) { a.refreshers = {d(2025, 11, 1)}; });
    assessor("T4", d(2024, 2, 29));
    assessor("T5", d(2024, 10, 15), [](TrustedAssessor& a) {
        a.refreshers = {d(2025, 9, 1)};
        a.refresherMonths = 6;
    });
    assessor("T6", d(2025, 3, 1));
    assessor("T7", d(2024, 10, 15), [](TrustedAssessor& a) { a.withdrawnOn = d(2025, 6, 1); });

    EXPECT_EQ(authorisation(d(2025, 10, 14), "T1"), "authorised,2025-10-14");
    EXPECT_EQ(authorisation(d(2025, 10, 15), "T1"), "lapsed,2025-10-14");
    EXPECT_EQ(authorisation(d(2025, 11, 1), "T3"), "authorised,2026-10-31");
    EXPECT_EQ(authorisation(d(2025, 2, 28), "T4"), "lapsed,2025-02-27");
    EXPECT_EQ(authorisation(d(2025, 6, 1), "T5"), "lapsed,2025-04-14");
    EXPECT_EQ(authorisation(d(2025, 2, 20), "T6"), "in_training,");
    EXPECT_EQ(authorisation(d(2025, 6, 1), "T7"), "withdrawn,");
}

} // namespace
} // namespace ledger
