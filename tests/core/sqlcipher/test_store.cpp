// The encrypted ledger file: opening, refusing, encryption at rest, migrations, passphrase.
#include "ledger.h"
#include "sqlcipher/sqlcipher_store.h"

#include "test_support.h"

#include <gtest/gtest.h>
#include <sqlcipher/sqlite3.h>

#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

using namespace ledger;
using ledger::test::readAll;
using ledger::test::ScratchDir;
using ledger::test::writeAll;

namespace {

const Date kToday = makeDate(2026, 11, 25);

const char* kStaffCsv = "employee_id,full_name,email,team,role,start_date,leave_date\n"
                        "E1,Zoë Ní Bhriain,zoe.secret-marker@example.org,Older People East,"
                        "Social Worker,2020-01-06,\n";

Ledger seeded(const std::filesystem::path& path) {
    Ledger ledger = Ledger::create(path, "correct horse", "test");
    ledger.imports().csv(ImportKind::Staff, "staff.csv", kStaffCsv, kToday, false, "test");
    return ledger;
}

/// Runs SQL on a plaintext SQLite database through SQLCipher's library with no key.
void makePlainDatabase(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
}

} // namespace

TEST(Store, CreatesALedgerThatOpensWithItsPassphrase) {
    ScratchDir dir;
    { seeded(dir / "l.ledger"); }
    Ledger ledger = Ledger::open(dir / "l.ledger", "correct horse");
    EXPECT_EQ(ledger.schemaVersion(), SqlCipherStore::kSchemaVersion);
    const LedgerData data = ledger.training().records();
    ASSERT_EQ(data.staff.size(), 1u);
    EXPECT_EQ(data.staff[0].fullName, "Zoë Ní Bhriain");
    EXPECT_EQ(data.staff[0].team, "Older People East");
    EXPECT_TRUE(ledger.check().empty());
}

/// Forks a writer that dies (SIGKILL) half-way through importing `csv` into `path`,
/// leaving the -journal of its unfinished write beside the ledger.
void killWriterMidImport(const std::filesystem::path& path, ImportKind kind, const char* csv) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::setenv("PRACTICE_LEDGER_KILL_AT", "import-halfway", 1);
        try {
            Ledger writer = Ledger::open(path, "correct horse");
            writer.imports().csv(kind, "in.csv", csv, kToday, false, "test");
        } catch (...) {
        }
        ::_exit(1); // not reached when the kill point fires
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

const char* kRenamedStaffCsv =
    "employee_id,full_name,email,team,role,start_date,leave_date\n"
    "E1,Zoë Ní Bhriain,zoe.secret-marker@example.org,Older People West,Social Worker,"
    "2020-01-06,\n"
    "E2,Ade Bello,ade@example.org,Older People West,Social Worker,2021-03-01,\n"
    "E3,Cai Evans,cai@example.org,Older People West,Social Worker,2022-05-09,\n";

TEST(Store, NoPlaintextInTheFileOrTheJournalOfAnUnfinishedWrite) {
    ScratchDir dir;
    const auto path = dir / "l.ledger";
    { seeded(path); }
    killWriterMidImport(path, ImportKind::Staff, kRenamedStaffCsv);
    const std::string file = readAll(path);
    const std::string journal = readAll(path.string() + "-journal");
    EXPECT_FALSE(file.empty());
    ASSERT_FALSE(journal.empty()); // it holds the pages the write changed: both are searched
    for (const char* plain : {"secret-marker", "Older People East", "Older People West"}) {
        EXPECT_EQ(file.find(plain), std::string::npos) << plain;
        EXPECT_EQ(journal.find(plain), std::string::npos) << plain;
    }
    EXPECT_EQ(file.find("SQLite format 3"), std::string::npos);
}

TEST(Store, WrongPassphraseIsRefusedAndChangesNoByte) {
    ScratchDir dir;
    const auto path = dir / "l.ledger";
    Ledger writer = seeded(path);
    const std::string file = readAll(path);
    EXPECT_THROW(Ledger::open(path, "wrong horse"), WrongPassphrase);
    EXPECT_THROW(Ledger::open(path, "wrong horse", true), WrongPassphrase);
    EXPECT_EQ(readAll(path), file);
    for (const char* beside : {"-journal", "-wal", "-shm"}) {
        EXPECT_FALSE(std::filesystem::exists(path.string() + beside)) << beside;
    }
}

TEST(Store, OpeningNeverCreatesAFile) {
    ScratchDir dir;
    EXPECT_THROW(Ledger::open(dir / "missing.ledger", "x"), LedgerMissing);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.ledger"));
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.ledger-wal"));
}

TEST(Store, RefusesFilesThatAreNotLedgersWithoutChangingThem) {
    ScratchDir dir;
    writeAll(dir / "empty", "");
    writeAll(dir / "text", std::string(8192, 'a'));
    writeAll(dir / "short", "employee_id,full_name\nE1,Pat\n");
    makePlainDatabase(dir / "plain.db");
    for (const char* name : {"empty", "text", "short", "plain.db"}) {
        const std::string before = readAll(dir / name);
        EXPECT_THROW(Ledger::open(dir / name, "x"), NotALedger) << name;
        EXPECT_EQ(readAll(dir / name), before) << name;
        EXPECT_FALSE(std::filesystem::exists(dir.path() / (std::string(name) + "-wal"))) << name;
    }
}

TEST(Store, RefusesAnEncryptedDatabaseOfAnotherProgram) {
    ScratchDir dir;
    const auto path = dir / "other.db";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db,
                 "PRAGMA key = 'x'; PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;"
                 "CREATE TABLE t(x); INSERT INTO t VALUES (1);",
                 nullptr, nullptr, nullptr);
    sqlite3_close(db);
    EXPECT_THROW(Ledger::open(path, "x"), NotALedger);
}

TEST(Store, RefusesANewerSchemaAndLeavesItUntouched) {
    ScratchDir dir;
    const auto path = dir / "l.ledger";
    { seeded(path); }
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        sqlite3_exec(db,
                     "PRAGMA key = 'correct horse'; PRAGMA kdf_iter = 256000; "
                     "PRAGMA cipher_page_size = 4096; PRAGMA user_version = 99;",
                     nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    const std::string before = readAll(path);
    EXPECT_THROW(Ledger::open(path, "correct horse"), NewerSchema);
    EXPECT_EQ(readAll(path), before);
}

TEST(Store, CreateRefusesAnExistingFile) {
    ScratchDir dir;
    writeAll(dir / "taken", "precious");
    EXPECT_THROW(Ledger::create(dir / "taken", "x", "test"), AlreadyExists);
    EXPECT_EQ(readAll(dir / "taken"), "precious");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator{}),
              1);
}

TEST(Store, ChangingThePassphraseLocksOutTheOldOne) {
    ScratchDir dir;
    const auto path = dir / "l.ledger";
    {
        Ledger ledger = seeded(path);
        ledger.changePassphrase("battery staple", "test");
    }
    EXPECT_THROW(Ledger::open(path, "correct horse"), WrongPassphrase);
    Ledger ledger = Ledger::open(path, "battery staple");
    EXPECT_EQ(ledger.training().records().staff.size(), 1u);
    const auto log = ledger.audit().changeLog("", "");
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log.back().action, "change passphrase");
}

TEST(Store, ReadOnlyLedgerRefusesWrites) {
    ScratchDir dir;
    const auto path = dir / "l.ledger";
    { seeded(path); }
    Ledger ledger = Ledger::open(path, "correct horse", true);
    EXPECT_EQ(ledger.training().records().staff.size(), 1u);
    EXPECT_THROW(ledger.imports().csv(ImportKind::Staff, "s.csv", kStaffCsv, kToday, false, "t"),
                 Conflict);
}

TEST(Store, ChangeLogRecordsWhoChangedWhatFromWhatToWhat) {
    ScratchDir dir;
    Ledger ledger = seeded(dir / "l.ledger");
    const std::string moved = "employee_id,full_name,email,team,role,start_date,leave_date\n"
                              "E1,Zoë Ní Bhriain,zoe.secret-marker@example.org,Mental Health,"
                              "Social Worker,2020-01-06,\n";
    ledger.imports().csv(ImportKind::Staff, "staff.csv", moved, kToday, false, "Sam Lead");
    // The import that created E1 is its creation (no entry per imported record); the
    // change is an entry of its own, with its before and after.
    const auto log = ledger.audit().changeLog("staff", "E1");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "update");
    EXPECT_EQ(log[0].actor, "Sam Lead");
    EXPECT_EQ(log[0].subject, "E1");
    EXPECT_EQ(log[0].oldValues, R"({"team":"Older People East"})");
    EXPECT_EQ(log[0].newValues, R"({"team":"Mental Health"})");
    const RecordId e1 = ledger.training().records().staff.at(0).id;
    const RecordOrigin origin = ledger.audit().originOf("staff", e1);
    ASSERT_TRUE(origin.created.has_value());
    EXPECT_EQ(origin.created->entity, "import");
    EXPECT_EQ(origin.created->action, "import");
    EXPECT_EQ(origin.created->recordKey, "staff.csv");
    ASSERT_TRUE(origin.changed.has_value());
    EXPECT_EQ(origin.changed->id, log[0].id);
}

TEST(Store, AuditThemesLinkToModulesAndLogTheirChanges) {
    ScratchDir dir;
    Ledger ledger = seeded(dir / "l.ledger");
    ledger.imports().csv(ImportKind::Modules, "m.csv",
                         "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                         "asc_wds_category\nCARE-ACT,Care Act,,,,,21\nSAFE,Safeguarding,36,,,,20\n",
                         kToday, false, "test");
    AuditTheme theme;
    theme.key = "CAR";
    theme.title = "Carers' assessments offered late";
    theme.source = ThemeSource::Complaint;
    theme.raisedOn = makeDate(2026, 9, 1);
    theme.priority = ThemePriority::High;
    theme.moduleCodes = {"CARE-ACT"};
    const RecordId id = ledger.themes().save(theme, kToday, "test");
    theme.id = id;
    theme.status = ThemeStatus::BeingAddressed;
    theme.moduleCodes = {"CARE-ACT", "SAFE"};
    ledger.themes().save(theme, kToday, "test");
    const auto themes = ledger.themes().all();
    ASSERT_EQ(themes.size(), 1u);
    EXPECT_EQ(themes[0], theme);
    const auto log = ledger.audit().changeLog("audit_theme", std::to_string(id));
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].newValues, R"({"status":"being_addressed","modules":"CARE-ACT SAFE"})");

    AuditTheme bad = theme;
    bad.id = 0;
    bad.title = "";
    bad.moduleCodes = {"NOPE"};
    try {
        ledger.themes().save(bad, kToday, "test");
        FAIL() << "expected a validation error";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 2u);
        EXPECT_EQ(e.errors()[0].field, "title");
        EXPECT_EQ(e.errors()[1].field, "modules");
    }
    EXPECT_EQ(ledger.themes().all().size(), 1u);
}

TEST(Store, RefusalsLeaveACrashedWritersJournalUntouched) {
    ScratchDir dir;
    const auto path = dir / "l.ledger";
    { seeded(path); }
    // A writer that dies part-way leaves its -journal behind.
    killWriterMidImport(path, ImportKind::Modules,
                        "code,title,renewal_months,renewal_basis,window_days,due_soon_days,"
                        "asc_wds_category\nFIRE,Fire safety,12,,,,6\n"
                        "BLS,Basic life support,12,,,,6\nMCA,Mental Capacity Act,36,,,,6\n");
    const std::string file = readAll(path);
    const std::string journal = readAll(path.string() + "-journal");
    ASSERT_FALSE(journal.empty());
    EXPECT_THROW(Ledger::open(path, "wrong horse"), WrongPassphrase);
    EXPECT_THROW(Ledger::open(path, "wrong horse", true), WrongPassphrase);
    EXPECT_EQ(readAll(path), file);
    EXPECT_EQ(readAll(path.string() + "-journal"), journal);
    // The right passphrase finds the ledger as the last completed write left it.
    Ledger ledger = Ledger::open(path, "correct horse", true);
    EXPECT_EQ(ledger.training().records().modules.size(), 0u);
    EXPECT_EQ(ledger.training().records().staff.size(), 1u);
}
