#include "sqlcipher/sqlcipher_store.h"

#include "base/error.h"
#include "base/kill_point.h"
#include "sqlcipher/cipher_file.h"
#include "sqlcipher/companion_files.h"
#include "sqlcipher/ledger_file.h"
#include "sqlcipher/page_check.h"
#include "sqlcipher/repositories.h"
#include "sqlcipher/schema.h"
#include "sqlcipher/schema_fill.h"
#include "sqlcipher/sqlite_util.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <span>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ledger {

namespace fs = std::filesystem;
using sql::Statement;

SqlCipherStore::SqlCipherStore(sqlite3* db, fs::path path, bool readOnly)
    : m_path(std::move(path)), m_readOnly(readOnly) {
    m_conn.reset(db);
}

SqlCipherStore::~SqlCipherStore() {
    // The connection first (its statements, then the handle), before the file is let go.
    m_conn.close();
    // Never published: the half-made ledger goes, with anything SQLite left beside it.
    m_building.reset();
}

std::string_view SqlCipherStore::schemaStep(int version) {
    if (version < 1 || version > kSchemaVersion) {
        return {};
    }
    return schema::kSteps[static_cast<std::size_t>(version - 1)];
}

std::unique_ptr<SqlCipherStore> SqlCipherStore::open(const fs::path& path,
                                                     std::string_view passphrase, bool readOnly) {
    return open(path, passphrase, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
}

std::unique_ptr<SqlCipherStore> SqlCipherStore::open(const fs::path& path,
                                                     std::string_view passphrase, OpenMode mode) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw LedgerMissing("there is no ledger at " + path.string());
    }
    if (!fs::is_regular_file(path, ec)) {
        throw NotALedger(path.string() + " is not a file");
    }
    auto file = LedgerFile::join(path);
    checkLooksLikeLedger(path, *file);

    // The passphrase is checked against the file's first page before SQLite opens anything:
    // a refused ledger keeps every byte, and so do the files beside it.
    const LedgerKeys keys = keysFor(path, *file, passphrase);
    const std::string rawKey = keys.rawKey();
    const bool canWrite = file->writable() && folderWritable(path.parent_path());
    const bool writer = mode != OpenMode::ReadOnly && canWrite && file->becomeWriter();
    if (mode == OpenMode::ReadWrite && !writer) {
        if (!canWrite) {
            throw Conflict(path.string() + " cannot be changed here: the file or its folder is "
                                           "read-only. It can still be opened read-only for "
                                           "reports and checks.");
        }
        throw Conflict(path.string() + " is open for writing in another Practice Ledger; close "
                                       "it there, or open this one read-only");
    }
    const bool liveWriter = !writer && file->otherWriterAlive();
    if (writer) {
        removeDeadBuilds(path);
    }

    std::vector<std::string> notices;
    int version = 0;
    if (liveWriter) {
        // Its journal, if any, is in use: SQLite's own locks keep us to committed pages.
        version = checkOpened(openKeyed(path, rawKey, SQLITE_OPEN_READONLY, false).get(), path);
        refuseStrayWal(path, version);
    } else if (inspectLeftJournal(path, *file, keys) == LeftJournal::Unfinished) {
        // A write stopped part-way on this file: undo it now (SQLite plays the journal back
        // at the first read of a connection that may write), so that every reader sees the
        // last committed state. That needs the writer lock, if only for the moment.
        const bool borrowed = !writer && canWrite && file->becomeWriter();
        if (!writer && !borrowed) {
            if (!canWrite) {
                throw CompanionFileProblem(unfinishedWriteHere(path));
            }
            throw Conflict(path.string() + " is being opened for writing by another Practice "
                                           "Ledger; try again in a moment");
        }
        {
            auto db = openKeyed(path, rawKey, SQLITE_OPEN_READWRITE, false);
            version = checkOpened(db.get(), path);
        }
        if (fs::exists(journalOf(path), ec) && fs::file_size(journalOf(path), ec) > 0) {
            throw StorageError("the unfinished write in " + path.string() + " could not be undone");
        }
        if (borrowed) {
            file->stopWriting();
        }
        notices.push_back("A write to " + path.string() +
                          " that stopped part-way (a program was killed or the power failed) "
                          "was undone from " +
                          journalOf(path).filename().string() +
                          ": the ledger is as its last completed change left it.");
        refuseStrayWal(path, version);
    } else {
        version = checkOpened(openKeyed(path, rawKey, SQLITE_OPEN_READONLY, true).get(), path);
        refuseStrayWal(path, version);
    }

    auto db = openKeyed(path, rawKey, writer ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, false);
    version = checkOpened(db.get(), path);
    sqlite3* raw = db.release();
    std::unique_ptr<SqlCipherStore> store(new SqlCipherStore(raw, path, !writer));
    store->m_file = std::move(file);
    store->m_keys = std::make_unique<LedgerKeys>(keys);
    store->m_notices = std::move(notices);
    sql::exec(raw, "PRAGMA foreign_keys = ON;");
    sqlite3_busy_timeout(raw, 5000);
    if (writer) {
        sql::exec(raw, "PRAGMA synchronous = FULL;");
    }
    if (const char* pages = std::getenv("PRACTICE_LEDGER_TEST_CACHE_PAGES")) {
        // Tests make a writer spill changed pages into the file before it commits, as a
        // large import does, to kill it with its journal really needed.
        sql::exec(raw, ("PRAGMA cache_size = " + std::to_string(std::atoi(pages)) + ";").c_str());
    }
    if (version < kSchemaVersion) {
        if (!writer) {
            throw Conflict(path.string() + " needs an upgrade and is open read-only");
        }
        store->migrate(version);
    }
    return store;
}

std::unique_ptr<SqlCipherStore> SqlCipherStore::beginCreate(const fs::path& path,
                                                            std::string_view passphrase) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) {
        throw AlreadyExists("a file already exists at " + path.string());
    }
    if (passphrase.empty()) {
        throw ValidationError({FieldError{{}, 0, "passphrase", "a passphrase is required"}});
    }
    // Built beside its final name under a name of its own, locked while this program lives,
    // and linked into place only when complete: a half-made ledger never appears at `path`,
    // an existing file is never replaced, and a later run can prove a leftover dead.
    auto file = std::make_unique<FileBeingMade>(path, "");
    const fs::path temp = file->path();
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<SqlCipherStore> building(new SqlCipherStore(raw, temp, false));
    building->m_building = std::move(file);
    if (rc != SQLITE_OK) {
        sql::fail(raw, "creating " + path.string());
    }
    applyKey(raw, passphrase);
    // No journal file while building: a build that fails or dies is thrown away whole. The
    // file is flushed to the disk once, before it is linked into place.
    sql::exec(raw, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; "
                   "PRAGMA foreign_keys = ON;");
    sql::exec(raw, ("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    building->migrate(0);
    return building;
}

void SqlCipherStore::publish() {
    if (!m_building) {
        throw StorageError("this ledger is already in place");
    }
    m_conn.forgetStatements();
    if (sqlite3_close(m_conn.db()) != SQLITE_OK) {
        sql::fail(m_conn.db(), "finishing " + m_building->target().string());
    }
    m_conn.release();
    m_building->putInPlace("create");
    m_path = m_building->target();
    m_building.reset();
}

void SqlCipherStore::migrate(int from) {
    if (from > 0) {
        // A copy of the (still encrypted) file before changing its shape, holding every
        // commit: refuse while another program's reader keeps the log from being folded in.
        Statement checkpoint(m_conn.db(), "PRAGMA wal_checkpoint(TRUNCATE)");
        if (checkpoint.step() && checkpoint.integer(0) != 0) {
            throw Conflict(m_path.string() +
                           " needs an upgrade, and another program is reading it; close it "
                           "there and open it again");
        }
        checkpoint.reset();
        try {
            m_backups.push_back(
                m_file->copyToNew(m_path.string() + ".v" + std::to_string(from) + ".bak"));
        } catch (const Error& e) {
            throw StorageError("cannot back up " + m_path.string() +
                               " before upgrading it: " + e.what());
        }
        killPoint("upgrade-backed-up");
    }
    if (from > 0 && from < 3) {
        // Schema 3: the ledger is one file (see schema step 3). The write-ahead log was just
        // folded in; leave WAL mode, which needs no transaction and no other connection.
        Statement mode(m_conn.db(), "PRAGMA journal_mode = DELETE");
        if (!mode.step() || mode.text(0) != "delete") {
            throw Conflict(m_path.string() + " needs an upgrade, and another program is "
                                             "reading it; close it there and open it again");
        }
    }
    for (int version = from; version < kSchemaVersion; ++version) {
        sql::exec(m_conn.db(), "BEGIN IMMEDIATE;");
        try {
            sql::exec(m_conn.db(), schema::kSteps[static_cast<std::size_t>(version)]);
            if (version + 1 == 4) {
                schema::fillSchema4(
                    m_conn.db()); // the change links of the records and entries already there
            }
            sql::exec(m_conn.db(),
                      ("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
            sql::exec(m_conn.db(), "COMMIT;");
        } catch (...) {
            sqlite3_exec(m_conn.db(), "ROLLBACK;", nullptr, nullptr, nullptr);
            throw;
        }
        if (pragmaInt(m_conn.db(), "user_version") != version + 1) {
            throw StorageError("upgrading the ledger to schema " + std::to_string(version + 1) +
                               " did not take");
        }
    }
}

int SqlCipherStore::schemaVersion() {
    return pragmaInt(m_conn.db(), "user_version");
}

void SqlCipherStore::begin() {
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only: another Practice Ledger is writing it");
    }
    sql::exec(m_conn.db(), "BEGIN IMMEDIATE;");
}

void SqlCipherStore::commit() {
    sql::exec(m_conn.db(), "COMMIT;");
}

void SqlCipherStore::rollback() {
    if (!sqlite3_get_autocommit(m_conn.db())) {
        sqlite3_exec(m_conn.db(), "ROLLBACK;", nullptr, nullptr, nullptr);
    }
}

std::int64_t SqlCipherStore::setCacheSize(std::int64_t value) {
    const std::int64_t previous = pragmaInteger(m_conn.db(), "cache_size");
    sql::exec(m_conn.db(), ("PRAGMA cache_size = " + std::to_string(value)).c_str());
    return previous;
}

namespace {

std::string pageList(const std::vector<std::uint32_t>& pages, std::uint64_t total) {
    std::string out;
    const std::size_t shown = std::min<std::size_t>(pages.size(), 5);
    for (std::size_t i = 0; i < shown; ++i) {
        const std::uint64_t first = (pages[i] - 1) * kLedgerPageSize;
        out += (i == 0 ? "" : ", ") + std::string("page ") + std::to_string(pages[i]) + " (bytes " +
               std::to_string(first) + " to " + std::to_string(first + kLedgerPageSize - 1) + ")";
    }
    if (pages.size() > shown) {
        out += " and " + std::to_string(pages.size() - shown) + " more";
    }
    return std::to_string(pages.size()) + (pages.size() == 1 ? " page" : " pages") + " of " +
           std::to_string(total) + " fail" + (pages.size() == 1 ? "s" : "") +
           " their integrity check: " + out;
}

std::string damageAdvice() {
    return ". The records on those pages cannot be trusted or read. Restore the latest backup "
           "copy of the ledger in its place (keep this file aside in case it is needed), then "
           "run check again.";
}

/// The backup copies beside `ledger` (`NAME.v1.bak`, `NAME.v1.1.bak`...) whose first page
/// carries an integrity code under `keys`: copies still readable with that passphrase.
std::vector<fs::path> backupsUnderKeys(const fs::path& ledger, const LedgerKeys& keys) {
    std::vector<fs::path> found;
    const fs::path folder = ledger.parent_path().empty() ? fs::path(".") : ledger.parent_path();
    const std::string prefix = ledger.filename().string() + ".v";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix) || !name.ends_with(".bak") || !entry.is_regular_file(ec)) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::string page(kLedgerPageSize, '\0');
        in.read(page.data(), static_cast<std::streamsize>(page.size()));
        if (in.gcount() == static_cast<std::streamsize>(page.size()) && pageIntact(keys, 1, page)) {
            found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

std::vector<std::string> SqlCipherStore::checkIntegrity() {
    // Each page's own integrity code first: it says where the damage is, which SQLite does
    // not ("SQL logic error" is all it reports for a page that fails its code).
    const std::vector<std::uint32_t> failing = pagesFailingIntegrity(*m_file, *m_keys);
    if (!failing.empty()) {
        throw LedgerDamaged(m_path.string() + " is damaged: " +
                            pageList(failing, m_file->size() / kLedgerPageSize) + damageAdvice());
    }
    std::vector<std::string> problems;
    try {
        {
            Statement st(m_conn.db(), "PRAGMA integrity_check");
            while (st.step()) {
                const std::string line = st.text(0);
                if (line != "ok") {
                    problems.push_back(line);
                }
            }
        }
        {
            Statement st(m_conn.db(), "PRAGMA foreign_key_check");
            while (st.step()) {
                problems.push_back("foreign key: row " + std::to_string(st.integer(1)) + " of " +
                                   st.text(0) + " refers to a missing " + st.text(2));
            }
        }
    } catch (const StorageError& e) {
        throw LedgerDamaged(m_path.string() +
                            " is damaged: its pages carry sound integrity "
                            "codes but SQLite cannot read them (" +
                            e.what() + ")" + damageAdvice());
    }
    if (pragmaInt(m_conn.db(), "application_id") != kApplicationId) {
        problems.emplace_back("application id is not Practice Ledger's");
    }
    return problems;
}

std::vector<fs::path> SqlCipherStore::changePassphrase(std::string_view newPassphrase,
                                                       const ChangeLogEntry& entry) {
    if (newPassphrase.empty()) {
        throw ValidationError({FieldError{{}, 0, "passphrase", "a passphrase is required"}});
    }
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only");
    }
    // The file is replaced whole, so nobody else may have it open: another program would
    // go on with the old file, and a reader's open pages would keep old-key bytes alive.
    if (!m_file->alone() || !m_file->keepOthersOut()) {
        throw Conflict(m_path.string() + " is open in another program (the app, or a report "
                                         "or import running now); close it there, then change "
                                         "the passphrase");
    }
    // The ledger is re-encrypted into a new file beside it, flushed to the disk, and renamed
    // over it in one step: at every moment the ledger's name holds a whole ledger under
    // exactly one of the two passphrases, and afterwards no byte of it is under the old one
    // (SQLCipher's rekey rewrites pages in place, through a journal holding old-key pages).
    FileBeingMade temp(m_path, "rekey");
    {
        Statement attach(m_conn.db(), "ATTACH DATABASE ?1 AS rekeyed KEY ?2");
        attach.bind(1, temp.path().string()).bind(2, newPassphrase).run();
    }
    try {
        sql::exec(m_conn.db(),
                  "PRAGMA rekeyed.kdf_iter = 256000; PRAGMA rekeyed.cipher_page_size = 4096; "
                  "PRAGMA rekeyed.journal_mode = MEMORY; PRAGMA rekeyed.synchronous = OFF;");
        // Tests can stop the program in the middle of the export, as a power cut would.
        sqlite3_progress_handler(
            m_conn.db(), 1000,
            [](void*) {
                killPoint("passphrase-exporting");
                return 0;
            },
            nullptr);
        sql::exec(m_conn.db(), "SELECT sqlcipher_export('rekeyed');");
        sqlite3_progress_handler(m_conn.db(), 0, nullptr, nullptr);
        killPoint("passphrase-exported");
        sql::exec(m_conn.db(),
                  ("PRAGMA rekeyed.user_version = " + std::to_string(schemaVersion()) +
                   "; PRAGMA rekeyed.application_id = " + std::to_string(kApplicationId) + ";")
                      .c_str());
        Statement log(m_conn.db(),
                      "INSERT INTO rekeyed.change_log (at, actor, entity, record_key, "
                      "action, old_values, new_values) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        sql::bindChangeLogEntry(log, entry).run();
    } catch (...) {
        sqlite3_progress_handler(m_conn.db(), 0, nullptr, nullptr);
        sqlite3_exec(m_conn.db(), "DETACH DATABASE rekeyed;", nullptr, nullptr, nullptr);
        throw;
    }
    sql::exec(m_conn.db(), "DETACH DATABASE rekeyed;");
    temp.flush();
    killPoint("passphrase-before-rename");
    if (::rename(temp.path().c_str(), m_path.c_str()) != 0) {
        throw StorageError("cannot replace " + m_path.string() + ": " +
                           std::generic_category().message(errno));
    }
    temp.forget();
    syncFolder(m_path.parent_path());
    killPoint("passphrase-renamed");

    // Go on with the new file as its writer.
    const LedgerKeys oldKeys = *m_keys;
    m_conn.close();
    m_file.reset();
    m_file = LedgerFile::join(m_path);
    if (!m_file->becomeWriter()) {
        m_readOnly = true;
    }
    const LedgerKeys keys = keysFor(m_path, *m_file, newPassphrase);
    auto db = openKeyed(m_path, keys.rawKey(),
                        m_readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, false);
    checkOpened(db.get(), m_path);
    m_conn.reset(db.release());
    m_keys = std::make_unique<LedgerKeys>(keys);
    sql::exec(m_conn.db(), "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    sqlite3_busy_timeout(m_conn.db(), 5000);
    return backupsUnderKeys(m_path, oldKeys);
}

} // namespace ledger
