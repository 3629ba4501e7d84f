// The demo council's CPD goes through the import's checks and gives what a workforce lead
// expects to see: social workers and occupational therapists with entries of many types,
// some with peer reflections, some drafts, and some people short of this year's requirement
// or with a gap in their HCPC cycle.

#include "demo/generator.h"
#include "io/csv.h"
#include "ledger.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <set>

namespace ledger {
namespace {

TEST(DemoCpd, RegisteredStaffHaveCpdThatImportsAndSomeAreShort) {
    test::ScratchDir dir;
    GeneratorOptions options;
    options.seed = 2026;
    options.today = makeDate(2026, 11, 29);
    Ledger l = Ledger::create(dir / "demo.ledger", "demo passphrase", "test");
    const LedgerData council = generateCouncil(options);
    l.imports().records(council, options.today, "test");
    for (const AuditTheme& theme : generateAuditThemes(council, options.today)) {
        l.themes().save(theme, options.today, "test");
    }
    const std::string csv = generateCpdCsv(council, options.today, options.seed);
    EXPECT_EQ(csv, generateCpdCsv(council, options.today, options.seed)); // deterministic
    MemoryCsvSource rows(csv);
    const ImportSummary made = l.cpdImport().run("demo CPD", rows, options.today, false, "test");
    EXPECT_GT(made.added, 500);

    std::set<CpdType> types;
    int drafts = 0, peer = 0, themed = 0;
    for (const CpdEntry& e : l.cpd().all()) {
        types.insert(e.type);
        drafts += e.status == CpdStatus::Draft ? 1 : 0;
        peer += e.hasPeerReflection() ? 1 : 0;
        themed += e.themes.empty() ? 0 : 1;
    }
    EXPECT_EQ(types.size(), 10u);
    EXPECT_GT(drafts, 5);
    EXPECT_GT(peer, 50);
    EXPECT_GT(themed, 100);

    int sweMet = 0, sweShort = 0, hcpcMet = 0, hcpcShort = 0;
    for (const CpdReportRow& r : l.cpd().cpdReport(options.today)) {
        (r.status == RegistrationStatus::Met ? sweMet : sweShort) += 1;
    }
    for (const HcpcReportRow& r : l.cpd().hcpcReport(options.today)) {
        (r.status == RegistrationStatus::Met ? hcpcMet : hcpcShort) += 1;
    }
    EXPECT_GT(sweMet, sweShort);
    EXPECT_GT(sweShort, 10);
    EXPECT_GT(hcpcMet, 10);
    EXPECT_GT(hcpcShort, 5);
    // CPD entries now reach the audit themes.
    int touches = 0;
    for (const ThemeWithTouches& t : l.sessions().themesWithTouches()) {
        for (const ThemeTouch& touch : t.touches) {
            touches += touch.kind == ThemeTouch::Kind::CpdEntry ? 1 : 0;
        }
    }
    EXPECT_GT(touches, 100);
}

} // namespace
} // namespace ledger
