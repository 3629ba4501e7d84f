#include "sqlcipher/sqlcipher_store.h"

#include "base/error.h"
#include "base/kill_point.h"
#include "sqlcipher/companion_files.h"
#include "sqlcipher/ledger_file.h"
#include "sqlcipher/page_check.h"
#include "sqlcipher/schema.h"
#include "sqlcipher/schema_fill.h"
#include "sqlcipher/spec_columns.h"
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

/// A cached prepared statement on loan; reset (bindings cleared) when the loan ends, so that
/// no statement keeps a read transaction open.
class SqlCipherStore::StatementLease {
public:
    explicit StatementLease(Statement& statement) : m_statement(&statement) {}
    ~StatementLease() { m_statement->reset(); }
    StatementLease(const StatementLease&) = delete;
    StatementLease& operator=(const StatementLease&) = delete;

    Statement* operator->() const { return m_statement; }
    Statement& operator*() const { return *m_statement; }

private:
    Statement* m_statement;
};

namespace {

constexpr std::uintmax_t kPageSize = kLedgerPageSize;

/// Keys a new connection with a passphrase or the raw-key form (LedgerKeys::rawKey).
void applyKey(sqlite3* db, std::string_view passphrase) {
    if (sqlite3_key(db, passphrase.data(), static_cast<int>(passphrase.size())) != SQLITE_OK) {
        sql::fail(db, "setting the passphrase");
    }
    // Only honoured after the key and before the first read (see docs/toolchain notes).
    sql::exec(db, "PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;");
}

/// `path` for a `file:` URI: absolute, with the characters a URI gives meaning escaped.
std::string uriPath(const fs::path& path) {
    const std::string whole = fs::absolute(path).string();
    std::string out;
    for (const char c : whole) {
        if (c == '%' || c == '?' || c == '#') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0F];
        } else {
            out += c;
        }
    }
    return out;
}

/// Refuses files that cannot be a ledger before SQLCipher looks at them, so that "not a
/// ledger" and "wrong passphrase" stay distinct.
void checkLooksLikeLedger(const fs::path& path, const LedgerFile& file) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        throw NotALedger(path.string() + " is not a Practice Ledger file (" + ec.message() + ")");
    }
    if (size == 0) {
        throw NotALedger(path.string() + " is an empty file, not a Practice Ledger file");
    }
    std::array<char, 512> head{};
    const std::size_t got = file.read(0, head);
    if (std::string_view(head.data(), got).starts_with(std::string_view("SQLite format 3\0", 16))) {
        throw NotALedger(path.string() +
                         " is an unencrypted SQLite database, not a Practice Ledger file");
    }
    if (size % kPageSize != 0) {
        throw NotALedger(path.string() + " is not a Practice Ledger file");
    }
    bool allText = true;
    for (std::size_t i = 0; i < got && allText; ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        allText = c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F);
    }
    if (allText) {
        throw NotALedger(path.string() + " is a text file, not a Practice Ledger file");
    }
}

std::int64_t pragmaInteger(sqlite3* db, const char* pragma) {
    Statement st(db, std::string("PRAGMA ") + pragma);
    return st.step() ? st.integer(0) : 0;
}

int pragmaInt(sqlite3* db, const char* pragma) {
    return static_cast<int>(pragmaInteger(db, pragma));
}

std::optional<std::string> optionalDate(const std::optional<Date>& date) {
    if (!date) {
        return std::nullopt;
    }
    return formatIso(*date);
}

/// Binds a change-log entry to ?1..?7 in the column order (at, actor, entity, record_key,
/// action, old_values, new_values).
Statement& bindChangeLogEntry(Statement& st, const ChangeLogEntry& e) {
    return st.bind(1, e.at)
        .bind(2, e.actor)
        .bind(3, e.entity)
        .bind(4, e.recordKey)
        .bind(5, e.action)
        .bind(6, e.oldValues)
        .bind(7, e.newValues);
}

std::optional<Date> optionalDateColumn(const Statement& st, int column) {
    if (st.isNull(column)) {
        return std::nullopt;
    }
    return parseIsoDate(st.text(column));
}

// Each kind's Storage::Column fields (spec_columns.h), bound after the references its
// repository writes by hand: staff after team_id ?1 and role_id ?2; a requirement after
// module_id ?1; a completion after staff_id ?1 and module_id ?2 (or its id ?1 and module code
// ?2), followed by voided and void_reason, which are not fields of its spec but of its state.
using sql::Fields;
using sql::SpecColumns;

const SpecColumns<Staff>& staffColumns() {
    static const SpecColumns<Staff> kColumns(staffSpec(), 3);
    return kColumns;
}
const SpecColumns<Module>& moduleColumns() {
    static const SpecColumns<Module> kColumns(moduleSpec(), 1);
    return kColumns;
}
const SpecColumns<Requirement>& requirementColumns() {
    static const SpecColumns<Requirement> kColumns(requirementSpec(), 2);
    return kColumns;
}
const SpecColumns<Completion>& completionColumns() {
    static const SpecColumns<Completion> kColumns(completionSpec(), 3);
    return kColumns;
}
const SpecColumns<AuditTheme>& themeColumns() {
    static const SpecColumns<AuditTheme> kColumns(auditThemeSpec(), 1);
    return kColumns;
}

/// The staff SELECT up to its WHERE or ORDER BY: id, team and role names, then the columns.
std::string staffSelect() {
    return "SELECT s.id, t.name, r.name, " + staffColumns().names("s.") +
           " FROM staff s JOIN team t ON t.id = s.team_id JOIN role r ON r.id = s.role_id ";
}

Staff staffRow(const Statement& st) {
    Staff s;
    s.id = st.integer(0);
    s.team = st.text(1);
    s.role = st.text(2);
    staffColumns().read(st, 3, s);
    return s;
}

/// The completion columns as a SELECT reads them after its joins (completionRow's order).
std::string completionColumnList() {
    return "c.id, s.employee_id, m.code, c.voided, c.void_reason, " +
           completionColumns().names("c.");
}

/// The completion SELECT up to its WHERE or ORDER BY.
std::string completionSelect() {
    return "SELECT " + completionColumnList() +
           " FROM completion c JOIN staff s ON s.id = c.staff_id "
           "JOIN module m ON m.id = c.module_id ";
}

Completion completionRow(const Statement& st) {
    Completion c;
    c.id = st.integer(0);
    c.employeeId = st.text(1);
    c.moduleCode = st.text(2);
    c.voided = st.integer(3) != 0;
    c.voidReason = st.text(4);
    completionColumns().read(st, 5, c);
    return c;
}

const char* scopeFor(NameKind kind) {
    return kind == NameKind::Team ? "team" : "role";
}

} // namespace

SqlCipherStore::SqlCipherStore(sqlite3* db, fs::path path, bool readOnly)
    : m_db(db), m_path(std::move(path)), m_readOnly(readOnly) {
}

SqlCipherStore::~SqlCipherStore() {
    // Statements first, so that the connection really closes before the file is let go.
    m_statements.clear();
    sqlite3_close_v2(m_db);
    if (m_building) {
        // Never published: the half-made ledger goes, with anything SQLite left beside it.
        std::error_code ec;
        fs::remove(m_building->temp, ec);
        fs::remove(journalOf(m_building->temp), ec);
        ::close(m_building->fd);
    }
}

std::string_view SqlCipherStore::schemaStep(int version) {
    if (version < 1 || version > kSchemaVersion) {
        return {};
    }
    return schema::kSteps[static_cast<std::size_t>(version - 1)];
}

SqlCipherStore::StatementLease SqlCipherStore::statement(const char* sqlText) {
    auto& slot = m_statements[sqlText];
    if (!slot) {
        slot = std::make_unique<Statement>(m_db, sqlText);
    }
    return StatementLease(*slot);
}

namespace {

/// Reads the schema with the key applied; throws WrongPassphrase, NotALedger or
/// NewerSchema; returns the schema version.
int checkOpened(sqlite3* db, const fs::path& path) {
    sqlite3_stmt* probe = nullptr;
    const int prc =
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &probe, nullptr);
    const int src = prc == SQLITE_OK ? sqlite3_step(probe) : prc;
    sqlite3_finalize(probe);
    if (src == SQLITE_NOTADB || src == SQLITE_CORRUPT) {
        throw WrongPassphrase("the passphrase is wrong, or " + path.string() + " is damaged");
    }
    if (src != SQLITE_ROW) {
        sql::fail(db, "reading " + path.string());
    }
    if (pragmaInt(db, "application_id") != SqlCipherStore::kApplicationId) {
        throw NotALedger(path.string() + " is an encrypted database of another program");
    }
    const int version = pragmaInt(db, "user_version");
    if (version > SqlCipherStore::kSchemaVersion) {
        throw NewerSchema(path.string() + " was written by a newer Practice Ledger (schema " +
                          std::to_string(version) + ", this program reads up to " +
                          std::to_string(SqlCipherStore::kSchemaVersion) +
                          "); please update the program");
    }
    if (version < 1) {
        throw NotALedger(path.string() + " is an unfinished ledger");
    }
    return version;
}

using Connection = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

/// A connection to `path` keyed with `key` (a passphrase, or the raw-key form).
/// `immutable` reads the file alone: no lock, no companion file read or made.
Connection connect(const fs::path& path, std::string_view key, int flags, bool immutable) {
    sqlite3* raw = nullptr;
    const std::string name = immutable ? "file:" + uriPath(path) + "?immutable=1" : path.string();
    const int rc =
        sqlite3_open_v2(name.c_str(), &raw,
                        flags | SQLITE_OPEN_FULLMUTEX | (immutable ? SQLITE_OPEN_URI : 0), nullptr);
    Connection db(raw, sqlite3_close_v2);
    if (rc != SQLITE_OK) {
        sql::fail(raw, "opening " + path.string());
    }
    applyKey(raw, key);
    return db;
}

/// The page-integrity keys of the ledger at `file` for `passphrase`, after checking them
/// against page 1 (without SQLite, so that nothing beside the file is read or changed).
LedgerKeys keysFor(const fs::path& path, const LedgerFile& file, std::string_view passphrase) {
    std::array<char, kLedgerPageSize> page{};
    std::size_t got = file.read(0, page);
    LedgerKeys keys = deriveKeys(passphrase, std::string_view(page.data(), kSaltSize));
    // A writer in another program may be rewriting page 1 at this very moment: look again
    // a few times before calling the passphrase wrong.
    for (int attempt = 0; !pageIntact(keys, 1, std::string_view(page.data(), got)); ++attempt) {
        if (attempt == 3 || !file.otherWriterAlive()) {
            throw WrongPassphrase("the passphrase is wrong, or " + path.string() + " is damaged");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        got = file.read(0, page);
    }
    return keys;
}

/// Removes the half-made ledgers that creating `path` left in its folder when the program
/// making them died: each is locked by its maker while it lives, so one that can be locked
/// now is proved dead.
void removeDeadBuilds(const fs::path& path) {
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const std::string prefix = path.filename().string() + ".creating-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix) || name.ends_with("-journal") || !entry.is_regular_file(ec) ||
            entry.is_symlink(ec)) {
            continue;
        }
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            fs::remove(entry.path(), ec);
            fs::remove(journalOf(entry.path()), ec);
        }
        ::close(fd);
    }
}

} // namespace

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
        version = checkOpened(connect(path, rawKey, SQLITE_OPEN_READONLY, false).get(), path);
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
            auto db = connect(path, rawKey, SQLITE_OPEN_READWRITE, false);
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
        version = checkOpened(connect(path, rawKey, SQLITE_OPEN_READONLY, true).get(), path);
        refuseStrayWal(path, version);
    }

    auto db = connect(path, rawKey, writer ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, false);
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
    removeDeadBuilds(path);
    // Built beside its final name under a name of its own, locked while this program lives,
    // and linked into place only when complete: a half-made ledger never appears at `path`,
    // an existing file is never replaced, and a later run can prove a leftover dead.
    std::random_device random;
    fs::path temp;
    int fd = -1;
    while (fd < 0) {
        temp = path.string() + ".creating-" + std::to_string(::getpid()) + "-" +
               std::to_string(random() % 1000000);
        try {
            fd = createPrivateFile(temp);
        } catch (const AlreadyExists&) {
        }
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        fs::remove(temp, ec);
        throw StorageError("cannot lock " + temp.string() + ": " +
                           std::generic_category().message(error));
    }
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<SqlCipherStore> building(new SqlCipherStore(raw, temp, false));
    building->m_building = Building{path, temp, fd};
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
    m_statements.clear();
    if (sqlite3_close(m_db) != SQLITE_OK) {
        sql::fail(m_db, "finishing " + m_building->path.string());
    }
    m_db = nullptr;
    if (::fsync(m_building->fd) != 0) {
        throw StorageError("cannot write " + m_building->path.string() + ": " +
                           std::generic_category().message(errno));
    }
    killPoint("create-before-link");
    if (::link(m_building->temp.c_str(), m_building->path.c_str()) != 0) {
        const int error = errno;
        if (error == EEXIST) {
            throw AlreadyExists("a file already exists at " + m_building->path.string());
        }
        throw StorageError("cannot create " + m_building->path.string() + ": " +
                           std::generic_category().message(error));
    }
    syncFolder(m_building->path.parent_path());
    killPoint("create-linked");
    std::error_code ec;
    fs::remove(m_building->temp, ec);
    syncFolder(m_building->path.parent_path());
    ::close(m_building->fd);
    m_path = m_building->path;
    m_building.reset();
}

void SqlCipherStore::migrate(int from) {
    if (from > 0) {
        // A copy of the (still encrypted) file before changing its shape, holding every
        // commit: refuse while another program's reader keeps the log from being folded in.
        Statement checkpoint(m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
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
        Statement mode(m_db, "PRAGMA journal_mode = DELETE");
        if (!mode.step() || mode.text(0) != "delete") {
            throw Conflict(m_path.string() + " needs an upgrade, and another program is "
                                             "reading it; close it there and open it again");
        }
    }
    for (int version = from; version < kSchemaVersion; ++version) {
        sql::exec(m_db, "BEGIN IMMEDIATE;");
        try {
            sql::exec(m_db, schema::kSteps[static_cast<std::size_t>(version)]);
            if (version + 1 == 4) {
                schema::fillSchema4(
                    m_db); // the change links of the records and entries already there
            }
            sql::exec(m_db, ("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
            sql::exec(m_db, "COMMIT;");
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK;", nullptr, nullptr, nullptr);
            throw;
        }
        if (pragmaInt(m_db, "user_version") != version + 1) {
            throw StorageError("upgrading the ledger to schema " + std::to_string(version + 1) +
                               " did not take");
        }
    }
}

int SqlCipherStore::schemaVersion() {
    return pragmaInt(m_db, "user_version");
}

std::int64_t SqlCipherStore::dataVersion() {
    return pragmaInteger(m_db, "data_version");
}

void SqlCipherStore::begin() {
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only: another Practice Ledger is writing it");
    }
    sql::exec(m_db, "BEGIN IMMEDIATE;");
}

void SqlCipherStore::commit() {
    sql::exec(m_db, "COMMIT;");
}

void SqlCipherStore::rollback() {
    if (!sqlite3_get_autocommit(m_db)) {
        sqlite3_exec(m_db, "ROLLBACK;", nullptr, nullptr, nullptr);
    }
}

std::optional<Staff> SqlCipherStore::staffMember(std::string_view employeeId) {
    static const std::string kText = staffSelect() + "WHERE s.employee_id = ?1";
    Statement st(m_db, kText);
    st.bind(1, employeeId);
    if (!st.step()) {
        return std::nullopt;
    }
    return staffRow(st);
}

void SqlCipherStore::loadReferences(LedgerData& data, bool withStaff) {
    if (withStaff) {
        static const std::string kText = staffSelect() + "ORDER BY s.employee_id";
        Statement st(m_db, kText);
        while (st.step()) {
            data.staff.push_back(staffRow(st));
        }
    }
    {
        static const std::string kText =
            "SELECT id, " + moduleColumns().names() + " FROM module ORDER BY code";
        Statement st(m_db, kText);
        while (st.step()) {
            Module m;
            m.id = st.integer(0);
            moduleColumns().read(st, 1, m);
            data.modules.push_back(std::move(m));
        }
    }
    {
        static const std::string kText = "SELECT r.id, m.code, " +
                                         requirementColumns().names("r.") +
                                         " FROM requirement r JOIN module m ON m.id = r.module_id "
                                         "ORDER BY m.code, r.scope, r.value";
        Statement st(m_db, kText);
        while (st.step()) {
            Requirement r;
            r.id = st.integer(0);
            r.moduleCode = st.text(1);
            requirementColumns().read(st, 2, r);
            data.requirements.push_back(std::move(r));
        }
    }
}

LedgerData SqlCipherStore::loadWithoutCompletions() {
    LedgerData data;
    loadReferences(data);
    return data;
}

RecordId SqlCipherStore::nameId(NameKind kind, std::string_view name) {
    const bool team = kind == NameKind::Team;
    if (const auto id = lookup(team ? "SELECT id FROM team WHERE name = ?1"
                                    : "SELECT id FROM role WHERE name = ?1",
                               name)) {
        return *id;
    }
    addName(kind, name);
    return sqlite3_last_insert_rowid(m_db);
}

std::optional<RecordId> SqlCipherStore::lookup(const char* sqlText, std::string_view key) {
    auto st = statement(sqlText);
    st->bind(1, key);
    if (st->step()) {
        return st->integer(0);
    }
    return std::nullopt;
}

RecordId SqlCipherStore::putStaff(const Staff& s) {
    const RecordId team = nameId(NameKind::Team, s.team);
    const RecordId role = nameId(NameKind::Role, s.role);
    const auto existing = lookup("SELECT id FROM staff WHERE employee_id = ?1", s.employeeId);
    const SpecColumns<Staff>& columns = staffColumns();
    static const std::string kUpdate = "UPDATE staff SET team_id = ?1, role_id = ?2, " +
                                       columns.assignments(Fields::Values) + " WHERE " +
                                       columns.conditions();
    static const std::string kInsert = "INSERT INTO staff (team_id, role_id, " + columns.names() +
                                       ") VALUES (?1, ?2, " + columns.parameters() + ")";
    auto st = statement(existing ? kUpdate.c_str() : kInsert.c_str());
    st->bind(1, team).bind(2, role);
    columns.bind(*st, s);
    st->run();
    return existing ? *existing : sqlite3_last_insert_rowid(m_db);
}

RecordId SqlCipherStore::putModule(const Module& m) {
    const auto existing = lookup("SELECT id FROM module WHERE code = ?1", m.code);
    const SpecColumns<Module>& columns = moduleColumns();
    static const std::string kUpdate = "UPDATE module SET " + columns.assignments(Fields::Values) +
                                       " WHERE " + columns.conditions();
    static const std::string kInsert =
        "INSERT INTO module (" + columns.names() + ") VALUES (" + columns.parameters() + ")";
    auto st = statement(existing ? kUpdate.c_str() : kInsert.c_str());
    columns.bind(*st, m);
    st->run();
    return existing ? *existing : sqlite3_last_insert_rowid(m_db);
}

void SqlCipherStore::removeModule(std::string_view code) {
    statement("DELETE FROM module WHERE code = ?1")->bind(1, code).run();
}

RecordId SqlCipherStore::putRequirement(const Requirement& r) {
    const auto module = lookup("SELECT id FROM module WHERE code = ?1", r.moduleCode);
    if (!module) {
        throw ValidationError({FieldError{{}, 0, "module", "no module " + r.moduleCode}});
    }
    const SpecColumns<Requirement>& columns = requirementColumns();
    bool exists = false;
    RecordId id = 0;
    {
        static const std::string kFind =
            "SELECT id FROM requirement WHERE module_id = ?1 AND " + columns.conditions();
        auto find = statement(kFind.c_str());
        find->bind(1, *module);
        columns.bind(*find, r, Fields::Keys);
        exists = find->step();
        if (exists) {
            id = find->integer(0);
        }
    }
    static const std::string kUpdate = "UPDATE requirement SET " +
                                       columns.assignments(Fields::Values) +
                                       " WHERE module_id = ?1 AND " + columns.conditions();
    static const std::string kInsert = "INSERT INTO requirement (module_id, " + columns.names() +
                                       ") VALUES (?1, " + columns.parameters() + ")";
    auto st = statement(exists ? kUpdate.c_str() : kInsert.c_str());
    st->bind(1, *module);
    columns.bind(*st, r);
    st->run();
    return exists ? id : sqlite3_last_insert_rowid(m_db);
}

void SqlCipherStore::removeRequirement(const Requirement& r) {
    static const std::string kText =
        "DELETE FROM requirement WHERE module_id = (SELECT id FROM module WHERE code = ?1) AND " +
        requirementColumns().conditions();
    auto st = statement(kText.c_str());
    st->bind(1, r.moduleCode);
    requirementColumns().bind(*st, r, Fields::Keys);
    st->run();
}

RecordId SqlCipherStore::putCompletion(const Completion& c) {
    const auto staff = lookup("SELECT id FROM staff WHERE employee_id = ?1", c.employeeId);
    const auto module = lookup("SELECT id FROM module WHERE code = ?1", c.moduleCode);
    if (!staff || !module) {
        throw ValidationError(
            {FieldError{{}, 0, !staff ? "employee_id" : "module", "no such record"}});
    }
    const SpecColumns<Completion>& columns = completionColumns();
    const int voided = columns.next();
    std::optional<RecordId> existing;
    {
        static const std::string kFind =
            "SELECT id FROM completion WHERE staff_id = ?1 AND module_id = ?2 AND " +
            columns.conditions();
        auto find = statement(kFind.c_str());
        find->bind(1, *staff).bind(2, *module);
        columns.bind(*find, c, Fields::Keys);
        if (find->step()) {
            existing = find->integer(0);
        }
    }
    static const std::string kUpdate =
        "UPDATE completion SET " + columns.assignments(Fields::Values) + ", voided = ?" +
        std::to_string(voided) + ", void_reason = ?" + std::to_string(voided + 1) +
        " WHERE staff_id = ?1 AND module_id = ?2 AND " + columns.conditions();
    static const std::string kInsert = "INSERT INTO completion (staff_id, module_id, " +
                                       columns.names() + ", voided, void_reason) VALUES (?1, ?2, " +
                                       columns.parameters() + ", ?" + std::to_string(voided) +
                                       ", ?" + std::to_string(voided + 1) + ")";
    auto st = statement(existing ? kUpdate.c_str() : kInsert.c_str());
    st->bind(1, *staff).bind(2, *module);
    columns.bind(*st, c);
    st->bind(voided, c.voided ? 1 : 0).bind(voided + 1, c.voidReason).run();
    return existing ? *existing : sqlite3_last_insert_rowid(m_db);
}

void SqlCipherStore::updateCompletion(const Completion& c) {
    const SpecColumns<Completion>& columns = completionColumns();
    const int voided = columns.next();
    static const std::string kText =
        "UPDATE completion SET module_id = (SELECT id FROM module WHERE code = ?2), " +
        columns.assignments(Fields::Changeable) + ", voided = ?" + std::to_string(voided) +
        ", void_reason = ?" + std::to_string(voided + 1) + " WHERE id = ?1";
    auto st = statement(kText.c_str());
    st->bind(1, c.id).bind(2, c.moduleCode);
    columns.bind(*st, c, Fields::Changeable);
    st->bind(voided, c.voided ? 1 : 0).bind(voided + 1, c.voidReason).run();
    if (sqlite3_changes(m_db) == 0) {
        throw Conflict("the completion was removed meanwhile");
    }
}

std::optional<Completion> SqlCipherStore::completion(RecordId id) {
    static const std::string kText = completionSelect() + "WHERE c.id = ?1";
    Statement st(m_db, kText);
    st.bind(1, id);
    if (st.step()) {
        return completionRow(st);
    }
    return std::nullopt;
}

std::vector<Completion> SqlCipherStore::completionsOf(std::string_view employeeId) {
    static const std::string kText =
        completionSelect() + "WHERE s.employee_id = ?1 ORDER BY c.completed_on DESC, m.code";
    Statement st(m_db, kText);
    st.bind(1, employeeId);
    std::vector<Completion> out;
    while (st.step()) {
        out.push_back(completionRow(st));
    }
    return out;
}

void SqlCipherStore::forEachCountedCompletion(const std::function<void(const Completion&)>& visit) {
    // Staff first, in employee id order (its unique index), then each person's completions
    // by the (staff, module, date) index: SQLite sorts only one person's completions at a
    // time by module code and date ("temp b-tree for right part of order by"), never the
    // whole table. CROSS JOIN keeps that loop order whatever the planner's statistics say.
    static const std::string kText = "SELECT " + completionColumnList() +
                                     " FROM staff s CROSS JOIN completion c ON c.staff_id = s.id "
                                     "JOIN module m ON m.id = c.module_id WHERE c.voided = 0 "
                                     "ORDER BY s.employee_id, m.code, c.completed_on";
    Statement st(m_db, kText);
    while (st.step()) {
        visit(completionRow(st));
    }
}

std::int64_t SqlCipherStore::completionCount(std::string_view moduleCode) {
    auto st = statement("SELECT count(*) FROM completion WHERE module_id = "
                        "(SELECT id FROM module WHERE code = ?1)");
    st->bind(1, moduleCode);
    return st->step() ? st->integer(0) : 0;
}

std::vector<std::string> SqlCipherStore::names(NameKind kind) {
    Statement st(m_db, kind == NameKind::Team ? "SELECT name FROM team ORDER BY name"
                                              : "SELECT name FROM role ORDER BY name");
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

void SqlCipherStore::addName(NameKind kind, std::string_view name) {
    statement(kind == NameKind::Team ? "INSERT INTO team (name) VALUES (?1)"
                                     : "INSERT INTO role (name) VALUES (?1)")
        ->bind(1, name)
        .run();
}

void SqlCipherStore::renameName(NameKind kind, std::string_view from, std::string_view to) {
    statement(kind == NameKind::Team ? "UPDATE team SET name = ?2 WHERE name = ?1"
                                     : "UPDATE role SET name = ?2 WHERE name = ?1")
        ->bind(1, from)
        .bind(2, to)
        .run();
    statement("UPDATE requirement SET value = ?3 WHERE scope = ?1 AND value = ?2")
        ->bind(1, scopeFor(kind))
        .bind(2, from)
        .bind(3, to)
        .run();
}

void SqlCipherStore::removeName(NameKind kind, std::string_view name) {
    statement(kind == NameKind::Team ? "DELETE FROM team WHERE name = ?1"
                                     : "DELETE FROM role WHERE name = ?1")
        ->bind(1, name)
        .run();
}

std::vector<AuditTheme> SqlCipherStore::auditThemes() {
    std::vector<AuditTheme> themes;
    static const std::string kText =
        "SELECT id, " + themeColumns().names() + " FROM audit_theme ORDER BY raised_on, id";
    Statement st(m_db, kText);
    Statement links(m_db, "SELECT m.code FROM audit_theme_module l JOIN module m ON "
                          "m.id = l.module_id WHERE l.theme_id = ?1 ORDER BY m.code");
    while (st.step()) {
        AuditTheme t;
        t.id = st.integer(0);
        themeColumns().read(st, 1, t);
        links.bind(1, t.id);
        while (links.step()) {
            t.moduleCodes.push_back(links.text(0));
        }
        links.reset();
        themes.push_back(std::move(t));
    }
    return themes;
}

RecordId SqlCipherStore::putAuditTheme(const AuditTheme& t) {
    RecordId id = t.id;
    {
        const SpecColumns<AuditTheme>& columns = themeColumns();
        static const std::string kInsert = "INSERT INTO audit_theme (" + columns.names() +
                                           ") VALUES (" + columns.parameters() + ")";
        static const std::string kUpdate = "UPDATE audit_theme SET " +
                                           columns.assignments(Fields::Changeable) +
                                           " WHERE id = ?" + std::to_string(columns.next());
        Statement st(m_db, id == 0 ? kInsert : kUpdate);
        columns.bind(st, t);
        if (id != 0) {
            st.bind(columns.next(), id);
        }
        st.run();
        if (id == 0) {
            id = sqlite3_last_insert_rowid(m_db);
        } else if (sqlite3_changes(m_db) == 0) {
            throw Conflict("the audit theme was removed meanwhile");
        }
    }
    Statement clear(m_db, "DELETE FROM audit_theme_module WHERE theme_id = ?1");
    clear.bind(1, id).run();
    Statement link(m_db, "INSERT INTO audit_theme_module (theme_id, module_id) "
                         "SELECT ?1, id FROM module WHERE code = ?2");
    for (const std::string& code : t.moduleCodes) {
        link.bind(1, id).bind(2, code);
        link.step();
        if (sqlite3_changes(m_db) == 0) {
            throw ValidationError({FieldError{{}, 0, "modules", "no module " + code}});
        }
        link.reset();
    }
    return id;
}

void SqlCipherStore::removeAuditTheme(RecordId id) {
    // Its module links go with it (ON DELETE CASCADE).
    statement("DELETE FROM audit_theme WHERE id = ?1")->bind(1, id).run();
}

RecordId SqlCipherStore::appendChangeLog(const ChangeLogEntry& e) {
    auto st = statement("INSERT INTO change_log (at, actor, entity, record_key, action, "
                        "old_values, new_values, subject_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                        "(SELECT id FROM staff WHERE employee_id = ?8))");
    bindChangeLogEntry(*st, e);
    if (e.subject.empty()) {
        st->bindNull(8);
    } else {
        st->bind(8, e.subject);
    }
    st->run();
    return sqlite3_last_insert_rowid(m_db);
}

void SqlCipherStore::setChangeLogNewValues(RecordId change, std::string_view newValues) {
    statement("UPDATE change_log SET new_values = ?2 WHERE id = ?1")
        ->bind(1, change)
        .bind(2, newValues)
        .run();
}

namespace {

#define PL_CHANGE_COLUMNS                                                                          \
    "SELECT c.id, c.at, c.actor, c.entity, c.record_key, c.action, c.old_values, "                 \
    "c.new_values, coalesce(s.employee_id, '') FROM change_log c "                                 \
    "LEFT JOIN staff s ON s.id = c.subject_id "

std::vector<ChangeLogEntry> changeLogRows(Statement& st) {
    std::vector<ChangeLogEntry> entries;
    while (st.step()) {
        entries.push_back(ChangeLogEntry{st.integer(0), st.text(1), st.text(2), st.text(3),
                                         st.text(4), st.text(5), st.text(6), st.text(7),
                                         st.text(8)});
    }
    return entries;
}

/// The table of a record entity, or nullptr for one that has no change links.
const char* linkedTable(std::string_view entity) {
    for (const char* table : {"staff", "module", "requirement", "completion", "audit_theme"}) {
        if (entity == table) {
            return table;
        }
    }
    return nullptr;
}

} // namespace

std::vector<ChangeLogEntry> SqlCipherStore::changeLog(std::string_view entity,
                                                      std::string_view recordKey) {
    Statement st(m_db, entity.empty() ? PL_CHANGE_COLUMNS "ORDER BY c.id"
                                      : PL_CHANGE_COLUMNS
                           "WHERE c.entity = ?1 AND c.record_key = ?2 ORDER BY c.id");
    if (!entity.empty()) {
        st.bind(1, entity).bind(2, recordKey);
    }
    return changeLogRows(st);
}

void SqlCipherStore::linkChange(std::string_view entity, RecordId id, RecordId change,
                                bool created) {
    const char* table = linkedTable(entity);
    if (!table) {
        return;
    }
    const std::string sqlText = std::string("UPDATE ") + table + " SET " +
                                (created ? "created_change" : "changed_change") +
                                " = ?2 WHERE id = ?1";
    Statement st(m_db, sqlText);
    st.bind(1, id).bind(2, change).run();
}

RecordOrigin SqlCipherStore::recordOrigin(std::string_view entity, RecordId id) {
    RecordOrigin origin;
    const char* table = linkedTable(entity);
    if (!table) {
        return origin;
    }
    Statement links(m_db, std::string("SELECT created_change, changed_change FROM ") + table +
                              " WHERE id = ?1");
    links.bind(1, id);
    if (!links.step()) {
        return origin;
    }
    const auto entry = [&](int column) -> std::optional<ChangeLogEntry> {
        const auto change = links.optionalInteger(column);
        if (!change) {
            return std::nullopt;
        }
        Statement st(m_db, PL_CHANGE_COLUMNS "WHERE c.id = ?1");
        st.bind(1, *change);
        auto rows = changeLogRows(st);
        return rows.empty() ? std::nullopt : std::optional<ChangeLogEntry>(std::move(rows[0]));
    };
    origin.created = entry(0);
    origin.changed = entry(1);
    return origin;
}

std::vector<ChangeLogEntry> SqlCipherStore::historyOfSubject(std::string_view employeeId) {
    const auto staff = lookup("SELECT id FROM staff WHERE employee_id = ?1", employeeId);
    if (!staff) {
        return {};
    }
    // The person's entries by the subject index; the imports that created their records by
    // the links of their staff row and of their completions (the (staff, module, date)
    // index), a handful of distinct entries.
    Statement st(m_db, PL_CHANGE_COLUMNS
                 "WHERE c.subject_id = ?1 OR c.id IN (SELECT created_change FROM staff "
                 "WHERE id = ?1 UNION SELECT created_change FROM completion WHERE staff_id = ?1) "
                 "ORDER BY c.id");
    st.bind(1, *staff);
    return changeLogRows(st);
}

std::unordered_map<std::string, RecordId> SqlCipherStore::staffIds() {
    std::unordered_map<std::string, RecordId> ids;
    Statement st(m_db, "SELECT employee_id, id FROM staff");
    while (st.step()) {
        ids.emplace(st.text(0), st.integer(1));
    }
    return ids;
}

std::unordered_map<std::string, RecordId> SqlCipherStore::moduleIds() {
    std::unordered_map<std::string, RecordId> ids;
    Statement st(m_db, "SELECT code, id FROM module");
    while (st.step()) {
        ids.emplace(st.text(0), st.integer(1));
    }
    return ids;
}

std::optional<StoredCompletion> SqlCipherStore::findCompletion(RecordId staffId, RecordId moduleId,
                                                               Date completedOn) {
    auto st = statement("SELECT id, expires_on, evidence, voided, created_change, changed_change "
                        "FROM completion WHERE staff_id = ?1 AND module_id = ?2 AND "
                        "completed_on = ?3");
    st->bind(1, staffId).bind(2, moduleId).bind(3, formatIso(completedOn));
    if (!st->step()) {
        return std::nullopt;
    }
    StoredCompletion c;
    c.id = st->integer(0);
    c.moduleId = moduleId;
    c.completedOn = completedOn;
    c.expiresOn = optionalDateColumn(*st, 1);
    c.evidence = st->text(2);
    c.voided = st->integer(3) != 0;
    c.createdChange = st->optionalInteger(4).value_or(0);
    c.changedChange = st->optionalInteger(5).value_or(0);
    return c;
}

void SqlCipherStore::storedCompletionsOf(RecordId staffId, std::vector<StoredCompletion>& out) {
    out.clear();
    // A range of the (staff, module, date) index: one search for the person's rows.
    auto st = statement("SELECT id, module_id, completed_on, expires_on, evidence, voided, "
                        "created_change, changed_change FROM completion WHERE staff_id = ?1");
    st->bind(1, staffId);
    while (st->step()) {
        // A stored date that is not a calendar date is no key an import can have.
        const std::optional<Date> completedOn = parseIsoDate(st->textView(2));
        if (!completedOn) {
            continue;
        }
        StoredCompletion& c = out.emplace_back();
        c.id = st->integer(0);
        c.moduleId = st->integer(1);
        c.completedOn = *completedOn;
        if (!st->isNull(3)) {
            c.expiresOn = parseIsoDate(st->textView(3));
        }
        c.evidence = st->textView(4);
        c.voided = st->integer(5) != 0;
        c.createdChange = st->optionalInteger(6).value_or(0);
        c.changedChange = st->optionalInteger(7).value_or(0);
    }
}

// The bulk import's path (findCompletion, the two inserts and updateCompletionValues) binds a
// completion's columns by hand, not through completionColumns(), for speed: a county import
// runs it two million times. A new completion column is added here as well as to the spec.

namespace {

/// Runs an insert of a new completion (not voided) created by change-log entry
/// `createdChange` (none when 0): both insert statements take the same values. Its text is
/// bound without a copy, alive until the statement has run (two million rows an import).
void runNewCompletion(sql::Statement& st, RecordId staffId, RecordId moduleId, const Completion& c,
                      RecordId createdChange) {
    const std::string completedOn = formatIso(c.completedOn);
    const std::string expiresOn = c.expiresOn ? formatIso(*c.expiresOn) : std::string();
    st.bind(1, staffId).bind(2, moduleId).bindStatic(3, completedOn);
    if (c.expiresOn) {
        st.bindStatic(4, expiresOn);
    } else {
        st.bindNull(4);
    }
    st.bindStatic(5, c.evidence);
    if (createdChange == 0) {
        st.bindNull(6);
    } else {
        st.bind(6, createdChange);
    }
    st.run();
}

} // namespace

RecordId SqlCipherStore::insertCompletion(RecordId staffId, RecordId moduleId, const Completion& c,
                                          RecordId createdChange) {
    auto st = statement("INSERT INTO completion (staff_id, module_id, completed_on, expires_on, "
                        "evidence, created_change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    runNewCompletion(*st, staffId, moduleId, c, createdChange);
    return sqlite3_last_insert_rowid(m_db);
}

std::optional<RecordId> SqlCipherStore::insertCompletionIfNew(RecordId staffId, RecordId moduleId,
                                                              const Completion& c,
                                                              RecordId createdChange) {
    // OR IGNORE: only the key's uniqueness can stop it (the row was validated, and foreign
    // keys are not ignored).
    auto st = statement("INSERT OR IGNORE INTO completion (staff_id, module_id, completed_on, "
                        "expires_on, evidence, created_change) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    runNewCompletion(*st, staffId, moduleId, c, createdChange);
    if (sqlite3_changes(m_db) == 0) {
        return std::nullopt;
    }
    return sqlite3_last_insert_rowid(m_db);
}

void SqlCipherStore::updateCompletionValues(RecordId id, const Completion& c,
                                            RecordId changedChange) {
    statement("UPDATE completion SET expires_on = ?2, evidence = ?3, changed_change = ?4 "
              "WHERE id = ?1")
        ->bind(1, id)
        .bind(2, optionalDate(c.expiresOn))
        .bind(3, c.evidence)
        .bind(4, changedChange)
        .run();
}

std::int64_t SqlCipherStore::setCacheSize(std::int64_t value) {
    const std::int64_t previous = pragmaInteger(m_db, "cache_size");
    sql::exec(m_db, ("PRAGMA cache_size = " + std::to_string(value)).c_str());
    return previous;
}

std::string SqlCipherStore::setting(std::string_view key) {
    auto st = statement("SELECT value FROM setting WHERE key = ?1");
    st->bind(1, key);
    return st->step() ? st->text(0) : std::string();
}

void SqlCipherStore::setSetting(std::string_view key, std::string_view value) {
    statement("INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)")
        ->bind(1, key)
        .bind(2, value)
        .run();
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
            Statement st(m_db, "PRAGMA integrity_check");
            while (st.step()) {
                const std::string line = st.text(0);
                if (line != "ok") {
                    problems.push_back(line);
                }
            }
        }
        {
            Statement st(m_db, "PRAGMA foreign_key_check");
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
    if (pragmaInt(m_db, "application_id") != kApplicationId) {
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
    removeDeadBuilds(m_path);
    const fs::path temp = m_path.string() + ".creating-rekey-" + std::to_string(::getpid());
    const int fd = createPrivateFile(temp);
    struct TempFile {
        fs::path path;
        int fd;
        bool keep = false;
        ~TempFile() {
            if (!keep) {
                std::error_code ec;
                fs::remove(path, ec);
                fs::remove(journalOf(path), ec);
            }
            ::close(fd);
        }
    } guard{temp, fd};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        throw StorageError("cannot lock " + temp.string());
    }
    {
        Statement attach(m_db, "ATTACH DATABASE ?1 AS rekeyed KEY ?2");
        attach.bind(1, temp.string()).bind(2, newPassphrase).run();
    }
    try {
        sql::exec(m_db, "PRAGMA rekeyed.kdf_iter = 256000; PRAGMA rekeyed.cipher_page_size = 4096; "
                        "PRAGMA rekeyed.journal_mode = MEMORY; PRAGMA rekeyed.synchronous = OFF;");
        // Tests can stop the program in the middle of the export, as a power cut would.
        sqlite3_progress_handler(
            m_db, 1000,
            [](void*) {
                killPoint("passphrase-exporting");
                return 0;
            },
            nullptr);
        sql::exec(m_db, "SELECT sqlcipher_export('rekeyed');");
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        killPoint("passphrase-exported");
        sql::exec(m_db,
                  ("PRAGMA rekeyed.user_version = " + std::to_string(schemaVersion()) +
                   "; PRAGMA rekeyed.application_id = " + std::to_string(kApplicationId) + ";")
                      .c_str());
        Statement log(m_db, "INSERT INTO rekeyed.change_log (at, actor, entity, record_key, "
                            "action, old_values, new_values) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        bindChangeLogEntry(log, entry).run();
    } catch (...) {
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        sqlite3_exec(m_db, "DETACH DATABASE rekeyed;", nullptr, nullptr, nullptr);
        throw;
    }
    sql::exec(m_db, "DETACH DATABASE rekeyed;");
    if (::fsync(fd) != 0) {
        throw StorageError("cannot write " + temp.string() + ": " +
                           std::generic_category().message(errno));
    }
    killPoint("passphrase-before-rename");
    if (::rename(temp.c_str(), m_path.c_str()) != 0) {
        throw StorageError("cannot replace " + m_path.string() + ": " +
                           std::generic_category().message(errno));
    }
    guard.keep = true;
    syncFolder(m_path.parent_path());
    killPoint("passphrase-renamed");

    // Go on with the new file as its writer.
    const LedgerKeys oldKeys = *m_keys;
    m_statements.clear();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_file.reset();
    m_file = LedgerFile::join(m_path);
    if (!m_file->becomeWriter()) {
        m_readOnly = true;
    }
    const LedgerKeys keys = keysFor(m_path, *m_file, newPassphrase);
    auto db = connect(m_path, keys.rawKey(),
                      m_readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, false);
    checkOpened(db.get(), m_path);
    m_db = db.release();
    m_keys = std::make_unique<LedgerKeys>(keys);
    sql::exec(m_db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    sqlite3_busy_timeout(m_db, 5000);
    return backupsUnderKeys(m_path, oldKeys);
}

} // namespace ledger
