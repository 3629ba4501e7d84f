// The demo council's programmes go through the imports' checks and give what the ASYE cohort
// and apprenticeship pages need to show: a cohort of about eight at different points of their
// year, one extended, one with a supervision gap and one with a review overdue; four
// apprentices on ST0510 and ST0517, one on a break and one behind on off-the-job hours.

#include "demo/generator.h"
#include "io/csv.h"
#include "ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <set>

namespace ledger {
namespace {

TEST(DemoProgrammes, ACohortAndFourApprenticesThatImportAndShowEachCase) {
    test::ScratchDir dir;
    GeneratorOptions options;
    options.seed = 2026;
    options.today = makeDate(2026, 11, 29);
    Ledger l = Ledger::create(dir / "demo.ledger", "demo passphrase", "test");
    const LedgerData council = generateCouncil(options);
    l.imports().records(council, options.today, "test");
    const DemoProgrammes demo = generateProgrammes(council, options.today, options.seed);
    const DemoProgrammes again = generateProgrammes(council, options.today, options.seed);
    EXPECT_EQ(demo.asyeCsv + demo.supervisionsCsv + demo.apprenticeshipsCsv + demo.otjCsv +
                  demo.reviewsCsv,
              again.asyeCsv + again.supervisionsCsv + again.apprenticeshipsCsv + again.otjCsv +
                  again.reviewsCsv); // deterministic
    const auto import = [&](ImportKind kind, const std::string& csv) {
        MemoryCsvSource rows(csv);
        return l.programmes().importFile(kind, "demo", rows, options.today, false, "test").added;
    };
    EXPECT_GE(import(ImportKind::Asye, demo.asyeCsv), 7);
    EXPECT_GT(import(ImportKind::Supervisions, demo.supervisionsCsv), 60);
    EXPECT_EQ(import(ImportKind::Apprenticeships, demo.apprenticeshipsCsv), 4);
    EXPECT_GT(import(ImportKind::OtjHours, demo.otjCsv), 100);
    EXPECT_GT(import(ImportKind::ApprenticeshipReviews, demo.reviewsCsv), 8);

    int extended = 0, withGaps = 0, overdue = 0;
    for (const AsyeReportRow& r : l.programmes().asyeReport(options.today)) {
        extended += r.enrolment.outcome == AsyeOutcome::Extended ? 1 : 0;
        withGaps += r.figures.gaps.empty() ? 0 : 1;
        overdue += r.figures.overdue.empty() ? 0 : 1;
    }
    EXPECT_EQ(extended, 1);
    EXPECT_EQ(withGaps, 1);
    EXPECT_EQ(overdue, 1);

    std::set<std::string> standards;
    int onBreak = 0, behind = 0, reviewOverdue = 0;
    for (const ApprenticeshipReportRow& r : l.programmes().apprenticeshipReport(options.today)) {
        standards.insert(r.apprenticeship.standardCode);
        onBreak += r.figures.status == ApprenticeshipStatus::OnBreak ? 1 : 0;
        behind += r.figures.onTrack == false ? 1 : 0;
        reviewOverdue += r.figures.reviewOverdue == true ? 1 : 0;
    }
    EXPECT_EQ(standards, (std::set<std::string>{"ST0510", "ST0517"}));
    EXPECT_EQ(onBreak, 1);
    EXPECT_EQ(behind, 1);
    EXPECT_EQ(reviewOverdue, 1);
}

} // namespace
} // namespace ledger
