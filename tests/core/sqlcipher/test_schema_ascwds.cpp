// Schema step 10 on a ledger file written by the previous version: its modules stay as they
// were with the four ASC-WDS delivery fields unset, which can then be kept and read back;
// the file refuses a provider code without an external provider, and a module file written
// before the step (without the new columns) still imports, keeping what is stored.

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

TEST(SchemaTen, AVersion9LedgerKeepsItsModulesAndCanKeepTheirAscWdsFields) {
    ScratchDir dir;
    const auto path = dir / "v9.ledger";
    test::writeLedgerAtVersion(
        path, kPassphrase, 9,
        "INSERT INTO module (id, code, title, renewal_months, asc_wds_category) VALUES "
        "(1, 'FIRE', 'Fire safety', 12, 6), (2, 'CARE-ACT', 'Care Act', NULL, NULL);");
    Ledger ledger = Ledger::open(path, kPassphrase);
    EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
    EXPECT_EQ(ledger.schemaVersion(), 10);
    EXPECT_TRUE(ledger.check().empty());
    LedgerData records = ledger.training().records();
    ASSERT_EQ(records.modules.size(), 2U);
    Module fire = records.modules[1];
    ASSERT_EQ(fire.code, "FIRE");
    EXPECT_EQ(fire.title, "Fire safety");
    EXPECT_EQ(fire.renewalMonths, 12);
    EXPECT_EQ(fire.ascWdsCategory, 6);
    EXPECT_EQ(fire.ascWdsAccredited, std::nullopt);
    EXPECT_EQ(fire.ascWdsWhoDelivered, std::nullopt);
    EXPECT_EQ(fire.ascWdsProvider, std::nullopt);
    EXPECT_EQ(fire.ascWdsHowDelivered, std::nullopt);

    fire.ascWdsAccredited = 999;
    fire.ascWdsWhoDelivered = 2;
    fire.ascWdsProvider = 88;
    fire.ascWdsHowDelivered = 1;
    ledger.training().saveModule(fire, false, "test");
    const Module saved = ledger.training().records().modules[1];
    EXPECT_EQ(saved.ascWdsAccredited, 999);
    EXPECT_EQ(saved.ascWdsWhoDelivered, 2);
    EXPECT_EQ(saved.ascWdsProvider, 88);
    EXPECT_EQ(saved.ascWdsHowDelivered, 1);

    // A provider code belongs to an external provider only; accredited is 1, 0 or 999.
    Module inHouse = saved;
    inHouse.ascWdsWhoDelivered = 1;
    EXPECT_THROW(ledger.training().saveModule(inHouse, false, "test"), ValidationError);
    Module unsure = saved;
    unsure.ascWdsAccredited = 2;
    EXPECT_THROW(ledger.training().saveModule(unsure, false, "test"), ValidationError);

    // A module file of the old columns updates the title and keeps the ASC-WDS fields.
    const ImportSummary summary = ledger.imports().csv(
        ImportKind::Modules, "modules.csv",
        "code,title,renewal_months,renewal_basis,window_days,due_soon_days,asc_wds_category\n"
        "FIRE,Fire safety awareness,12,,,,6\n",
        makeDate(2026, 11, 25), false, "test");
    EXPECT_EQ(summary.updated, 1);
    const Module kept = ledger.training().records().modules[1];
    EXPECT_EQ(kept.title, "Fire safety awareness");
    EXPECT_EQ(kept.ascWdsProvider, 88);
    EXPECT_EQ(kept.ascWdsWhoDelivered, 2);
}

TEST(SchemaTen, TheFileRefusesAProviderCodeWithoutAnExternalProvider) {
    ScratchDir dir;
    const auto path = dir / "raw.ledger";
    { Ledger::create(path, kPassphrase, "test"); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string key = std::string("PRAGMA key = '") + kPassphrase +
                            "'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;";
    ASSERT_EQ(sqlite3_exec(db, key.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db,
                           "INSERT INTO module (code, title, asc_wds_who_delivered, "
                           "asc_wds_provider) VALUES ('X', 'X', 1, 88)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db,
                           "INSERT INTO module (code, title, asc_wds_accredited) VALUES "
                           "('Y', 'Y', 5)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db,
                           "INSERT INTO module (code, title, asc_wds_accredited, "
                           "asc_wds_who_delivered, asc_wds_provider, asc_wds_how_delivered) "
                           "VALUES ('Z', 'Z', 0, 2, 88, 2)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
}

} // namespace
} // namespace ledger
