// Schema step 6 on a ledger file written by the previous version: audit themes keep their
// ids, titles, links and change links, gain the key `TH-<id>`, their notes become the
// description and `ombudsman_finding` becomes `ombudsman`; the session tables start empty.

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

TEST(SchemaSix, AVersion5LedgersThemesAreKeyedAndKeepTheirLinks) {
    ScratchDir dir;
    const auto path = dir / "v5.ledger";
    test::writeLedgerAtVersion(
        path, kPassphrase, 5,
        "INSERT INTO module (id, code, title) VALUES (1, 'MCA', 'Mental capacity'), "
        "(2, 'FIRE', 'Fire');"
        "INSERT INTO audit_theme (id, title, source, raised_on, priority, status, notes) "
        "VALUES (3, 'Capacity not decision-specific', 'ombudsman_finding', "
        "'2026-01-05', 'high', 'open', 'LGSCO finding'), "
        "(7, 'Fire risk', 'peer_challenge', '2026-02-01', 'low', 'closed', '');"
        "INSERT INTO audit_theme_module VALUES (3, 1), (3, 2), (7, 2);");
    Ledger ledger = Ledger::open(path, kPassphrase);
    // Through step 6 and on to the latest (step 7 adds CPD, step 8 trusted assessors: empty
    // here).
    EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
    EXPECT_TRUE(ledger.cpd().all().empty());
    EXPECT_TRUE(ledger.check().empty());
    const std::vector<AuditTheme> themes = ledger.themes().all();
    ASSERT_EQ(themes.size(), 2u);
    EXPECT_EQ(themes[0].id, 3);
    EXPECT_EQ(themes[0].key, "TH-3");
    EXPECT_EQ(themes[0].description, "LGSCO finding");
    EXPECT_EQ(themes[0].source, ThemeSource::Ombudsman);
    EXPECT_EQ(themes[0].moduleCodes, (std::vector<std::string>{"FIRE", "MCA"}));
    EXPECT_EQ(themes[1].key, "TH-7");
    EXPECT_EQ(themes[1].moduleCodes, (std::vector<std::string>{"FIRE"}));
    EXPECT_TRUE(ledger.sessions().all().empty());
    EXPECT_TRUE(ledger.check().empty());
    // Themes are saved and linked as before.
    AuditTheme edited = themes[1];
    edited.status = ThemeStatus::Open;
    edited.source = ThemeSource::Other;
    ledger.themes().save(edited, makeDate(2026, 11, 25), "test");
    EXPECT_EQ(ledger.themes().all()[1].source, ThemeSource::Other);
}

} // namespace
} // namespace ledger
