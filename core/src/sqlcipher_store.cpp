#include "ledger/sqlcipher_store.h"

#include "ledger/error.h"
#include "ledger_file.h"
#include "schema.h"
#include "sqlite_util.h"

#include <array>
#include <cctype>
#include <span>
#include <system_error>

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

private:
    Statement* m_statement;
};

namespace {

constexpr std::uintmax_t kPageSize = 4096;

void applyKey(sqlite3* db, std::string_view passphrase) {
    if (sqlite3_key(db, passphrase.data(), static_cast<int>(passphrase.size())) != SQLITE_OK) {
        sql::fail(db, "setting the passphrase");
    }
    // Only honoured after the key and before the first read (see docs/toolchain notes).
    sql::exec(db, "PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096;");
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

Date dateColumn(const Statement& st, int column) {
    return parseIsoDate(st.text(column)).value_or(Date{});
}

std::optional<Date> optionalDateColumn(const Statement& st, int column) {
    if (st.isNull(column)) {
        return std::nullopt;
    }
    return parseIsoDate(st.text(column));
}

const char* const kCompletionColumns =
    "SELECT c.id, s.employee_id, m.code, c.completed_on, c.expires_on, c.evidence, c.voided, "
    "c.void_reason FROM completion c JOIN staff s ON s.id = c.staff_id "
    "JOIN module m ON m.id = c.module_id ";

Completion completionRow(const Statement& st) {
    Completion c;
    c.id = st.integer(0);
    c.employeeId = st.text(1);
    c.moduleCode = st.text(2);
    c.completedOn = dateColumn(st, 3);
    c.expiresOn = optionalDateColumn(st, 4);
    c.evidence = st.text(5);
    c.voided = st.integer(6) != 0;
    c.voidReason = st.text(7);
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

/// Reads the first page with the key applied; throws WrongPassphrase, NotALedger or
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

    // Passphrase, application id and schema are checked on a read-only connection: a
    // read-write one would fold a -wal left by a crash into the file when it closes, and a
    // refused ledger must keep every byte.
    const auto connect = [&](int flags) {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
        std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close_v2);
        if (rc != SQLITE_OK) {
            sql::fail(raw, "opening " + path.string());
        }
        applyKey(raw, passphrase);
        return db;
    };
    auto db = connect(SQLITE_OPEN_READONLY);
    const int version = checkOpened(db.get(), path);
    const bool writer = mode != OpenMode::ReadOnly && file->becomeWriter();
    if (mode == OpenMode::ReadWrite && !writer) {
        throw Conflict(path.string() + " is open for writing in another Practice Ledger; close "
                                       "it there, or open this one read-only");
    }
    const bool readOnly = !writer;
    if (writer) {
        db.reset();
        db = connect(SQLITE_OPEN_READWRITE);
        checkOpened(db.get(), path);
    }
    sqlite3* raw = db.release();
    std::unique_ptr<SqlCipherStore> store(new SqlCipherStore(raw, path, readOnly));
    store->m_file = std::move(file);
    sql::exec(raw, "PRAGMA foreign_keys = ON;");
    sqlite3_busy_timeout(raw, 5000);
    if (version < kSchemaVersion) {
        if (readOnly) {
            throw Conflict(path.string() + " needs an upgrade and is open read-only");
        }
        store->migrate(version);
    }
    return store;
}

std::unique_ptr<SqlCipherStore> SqlCipherStore::create(const fs::path& path,
                                                       std::string_view passphrase) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) {
        throw AlreadyExists("a file already exists at " + path.string());
    }
    if (passphrase.empty()) {
        throw ValidationError({FieldError{{}, 0, "passphrase", "a passphrase is required"}});
    }
    // Build the ledger beside its final name and link it into place only when complete, so
    // that a half-made ledger never appears and an existing file is never replaced.
    const fs::path temp = path.string() + ".creating-" + std::to_string(::getpid());
    fs::remove(temp, ec);
    {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(
            temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
            nullptr);
        SqlCipherStore building(raw, temp, false);
        try {
            if (rc != SQLITE_OK) {
                sql::fail(raw, "creating " + path.string());
            }
            applyKey(raw, passphrase);
            sql::exec(raw, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
            sql::exec(raw, ("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
            building.migrate(0);
        } catch (...) {
            sqlite3_close_v2(raw);
            building.m_db = nullptr;
            fs::remove(temp, ec);
            fs::remove(temp.string() + "-wal", ec);
            fs::remove(temp.string() + "-shm", ec);
            throw;
        }
    }
    if (::link(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        fs::remove(temp, ec);
        if (error == EEXIST) {
            throw AlreadyExists("a file already exists at " + path.string());
        }
        throw StorageError("cannot create " + path.string() + ": " +
                           std::generic_category().message(error));
    }
    fs::remove(temp, ec);
    return open(path, passphrase, OpenMode::ReadWrite);
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
        const fs::path backup = m_path.string() + ".v" + std::to_string(from) + ".bak";
        try {
            m_file->copyTo(backup);
        } catch (const StorageError& e) {
            throw StorageError("cannot back up " + m_path.string() +
                               " before upgrading it: " + e.what());
        }
    }
    for (int version = from; version < kSchemaVersion; ++version) {
        sql::exec(m_db, "BEGIN IMMEDIATE;");
        try {
            sql::exec(m_db, schema::kSteps[static_cast<std::size_t>(version)]);
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

void SqlCipherStore::loadReferences(LedgerData& data) {
    {
        Statement st(m_db, "SELECT s.id, s.employee_id, s.full_name, s.email, t.name, r.name, "
                           "s.start_date, s.leave_date, s.line_manager_id, s.registration_body, "
                           "s.registration_number FROM staff s JOIN team t ON t.id = s.team_id "
                           "JOIN role r ON r.id = s.role_id ORDER BY s.employee_id");
        while (st.step()) {
            Staff s;
            s.id = st.integer(0);
            s.employeeId = st.text(1);
            s.fullName = st.text(2);
            s.email = st.text(3);
            s.team = st.text(4);
            s.role = st.text(5);
            s.startDate = dateColumn(st, 6);
            s.leaveDate = optionalDateColumn(st, 7);
            s.lineManagerId = st.text(8);
            s.registrationBody = parseRegistrationBody(st.text(9)).value_or(RegistrationBody::None);
            s.registrationNumber = st.text(10);
            data.staff.push_back(std::move(s));
        }
    }
    {
        Statement st(m_db, "SELECT id, code, title, renewal_months, renewal_basis, window_days, "
                           "due_soon_days, asc_wds_category FROM module ORDER BY code");
        while (st.step()) {
            Module m;
            m.id = st.integer(0);
            m.code = st.text(1);
            m.title = st.text(2);
            if (const auto months = st.optionalInteger(3)) {
                m.renewalMonths = static_cast<int>(*months);
            }
            m.renewalBasis =
                st.text(4) == "expiry" ? RenewalBasis::Expiry : RenewalBasis::Completion;
            m.windowDays = static_cast<int>(st.integer(5));
            m.dueSoonDays = static_cast<int>(st.integer(6));
            if (const auto category = st.optionalInteger(7)) {
                m.ascWdsCategory = static_cast<int>(*category);
            }
            data.modules.push_back(std::move(m));
        }
    }
    {
        Statement st(m_db,
                     "SELECT r.id, m.code, r.scope, r.value, r.due_within_days, "
                     "r.effective_from FROM requirement r JOIN module m ON m.id = r.module_id "
                     "ORDER BY m.code, r.scope, r.value");
        while (st.step()) {
            Requirement r;
            r.id = st.integer(0);
            r.moduleCode = st.text(1);
            const std::string scope = st.text(2);
            r.scope = scope == "team" ? Scope::Team : scope == "role" ? Scope::Role : Scope::All;
            r.value = st.text(3);
            r.dueWithinDays = static_cast<int>(st.integer(4));
            r.effectiveFrom = optionalDateColumn(st, 5);
            data.requirements.push_back(std::move(r));
        }
    }
}

LedgerData SqlCipherStore::loadWithoutCompletions() {
    LedgerData data;
    loadReferences(data);
    return data;
}

LedgerData SqlCipherStore::loadAll() {
    LedgerData data;
    loadReferences(data);
    Statement st(m_db, kCompletionColumns);
    while (st.step()) {
        data.completions.push_back(completionRow(st));
    }
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

void SqlCipherStore::putStaff(const Staff& s) {
    const RecordId team = nameId(NameKind::Team, s.team);
    const RecordId role = nameId(NameKind::Role, s.role);
    const auto existing = lookup("SELECT id FROM staff WHERE employee_id = ?1", s.employeeId);
    auto st = statement(
        existing ? "UPDATE staff SET full_name = ?2, email = ?3, team_id = ?4, "
                   "role_id = ?5, start_date = ?6, leave_date = ?7, line_manager_id = ?8, "
                   "registration_body = ?9, registration_number = ?10 WHERE employee_id = ?1"
                 : "INSERT INTO staff (employee_id, full_name, email, team_id, role_id, "
                   "start_date, leave_date, line_manager_id, registration_body, "
                   "registration_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    st->bind(1, s.employeeId)
        .bind(2, s.fullName)
        .bind(3, s.email)
        .bind(4, team)
        .bind(5, role)
        .bind(6, formatIso(s.startDate))
        .bind(7, optionalDate(s.leaveDate))
        .bind(8, s.lineManagerId)
        .bind(9, registrationBodyCode(s.registrationBody))
        .bind(10, s.registrationNumber)
        .run();
}

void SqlCipherStore::putModule(const Module& m) {
    const auto existing = lookup("SELECT id FROM module WHERE code = ?1", m.code);
    auto st =
        statement(existing ? "UPDATE module SET title = ?2, renewal_months = ?3, "
                             "renewal_basis = ?4, window_days = ?5, due_soon_days = ?6, "
                             "asc_wds_category = ?7 WHERE code = ?1"
                           : "INSERT INTO module (code, title, renewal_months, renewal_basis, "
                             "window_days, due_soon_days, asc_wds_category) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st->bind(1, m.code)
        .bind(2, m.title)
        .bind(3, m.renewalMonths)
        .bind(4, renewalBasisCode(m.renewalBasis))
        .bind(5, m.windowDays)
        .bind(6, m.dueSoonDays)
        .bind(7, m.ascWdsCategory)
        .run();
}

void SqlCipherStore::removeModule(std::string_view code) {
    statement("DELETE FROM module WHERE code = ?1")->bind(1, code).run();
}

void SqlCipherStore::putRequirement(const Requirement& r) {
    const auto module = lookup("SELECT id FROM module WHERE code = ?1", r.moduleCode);
    if (!module) {
        throw ValidationError({FieldError{{}, 0, "module", "no module " + r.moduleCode}});
    }
    bool exists = false;
    {
        auto find = statement("SELECT id FROM requirement WHERE module_id = ?1 AND scope = ?2 "
                              "AND value = ?3");
        find->bind(1, *module).bind(2, scopeCode(r.scope)).bind(3, r.value);
        exists = find->step();
    }
    auto st = statement(exists ? "UPDATE requirement SET due_within_days = ?4, effective_from = ?5 "
                                 "WHERE module_id = ?1 AND scope = ?2 AND value = ?3"
                               : "INSERT INTO requirement (module_id, scope, value, "
                                 "due_within_days, effective_from) VALUES (?1, ?2, ?3, ?4, ?5)");
    st->bind(1, *module)
        .bind(2, scopeCode(r.scope))
        .bind(3, r.value)
        .bind(4, r.dueWithinDays)
        .bind(5, optionalDate(r.effectiveFrom))
        .run();
}

void SqlCipherStore::removeRequirement(const Requirement& r) {
    statement("DELETE FROM requirement WHERE module_id = (SELECT id FROM module WHERE code = ?1) "
              "AND scope = ?2 AND value = ?3")
        ->bind(1, r.moduleCode)
        .bind(2, scopeCode(r.scope))
        .bind(3, r.value)
        .run();
}

RecordId SqlCipherStore::putCompletion(const Completion& c) {
    const auto staff = lookup("SELECT id FROM staff WHERE employee_id = ?1", c.employeeId);
    const auto module = lookup("SELECT id FROM module WHERE code = ?1", c.moduleCode);
    if (!staff || !module) {
        throw ValidationError(
            {FieldError{{}, 0, !staff ? "employee_id" : "module", "no such record"}});
    }
    const std::string completedOn = formatIso(c.completedOn);
    std::optional<RecordId> existing;
    {
        auto find = statement("SELECT id FROM completion WHERE staff_id = ?1 AND module_id = ?2 "
                              "AND completed_on = ?3");
        find->bind(1, *staff).bind(2, *module).bind(3, completedOn);
        if (find->step()) {
            existing = find->integer(0);
        }
    }
    auto st = statement(existing ? "UPDATE completion SET expires_on = ?4, evidence = ?5, "
                                   "voided = ?6, void_reason = ?7 WHERE staff_id = ?1 AND "
                                   "module_id = ?2 AND completed_on = ?3"
                                 : "INSERT INTO completion (staff_id, module_id, completed_on, "
                                   "expires_on, evidence, voided, void_reason) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st->bind(1, *staff)
        .bind(2, *module)
        .bind(3, completedOn)
        .bind(4, optionalDate(c.expiresOn))
        .bind(5, c.evidence)
        .bind(6, c.voided ? 1 : 0)
        .bind(7, c.voidReason)
        .run();
    return existing ? *existing : sqlite3_last_insert_rowid(m_db);
}

void SqlCipherStore::updateCompletion(const Completion& c) {
    statement("UPDATE completion SET module_id = (SELECT id FROM module WHERE code = ?2), "
              "completed_on = ?3, expires_on = ?4, evidence = ?5, voided = ?6, void_reason = ?7 "
              "WHERE id = ?1")
        ->bind(1, c.id)
        .bind(2, c.moduleCode)
        .bind(3, formatIso(c.completedOn))
        .bind(4, optionalDate(c.expiresOn))
        .bind(5, c.evidence)
        .bind(6, c.voided ? 1 : 0)
        .bind(7, c.voidReason)
        .run();
    if (sqlite3_changes(m_db) == 0) {
        throw Conflict("the completion was removed meanwhile");
    }
}

std::optional<Completion> SqlCipherStore::completion(RecordId id) {
    Statement st(m_db, std::string(kCompletionColumns) + "WHERE c.id = ?1");
    st.bind(1, id);
    if (st.step()) {
        return completionRow(st);
    }
    return std::nullopt;
}

std::vector<Completion> SqlCipherStore::completionsOf(std::string_view employeeId) {
    Statement st(m_db, std::string(kCompletionColumns) +
                           "WHERE s.employee_id = ?1 ORDER BY c.completed_on DESC, m.code");
    st.bind(1, employeeId);
    std::vector<Completion> out;
    while (st.step()) {
        out.push_back(completionRow(st));
    }
    return out;
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
    Statement st(m_db, "SELECT id, title, source, raised_on, priority, status, notes "
                       "FROM audit_theme ORDER BY raised_on, id");
    Statement links(m_db, "SELECT m.code FROM audit_theme_module l JOIN module m ON "
                          "m.id = l.module_id WHERE l.theme_id = ?1 ORDER BY m.code");
    while (st.step()) {
        AuditTheme t;
        t.id = st.integer(0);
        t.title = st.text(1);
        t.source = parseThemeSource(st.text(2)).value_or(ThemeSource::CaseFileAudit);
        t.raisedOn = dateColumn(st, 3);
        t.priority = parseThemePriority(st.text(4)).value_or(ThemePriority::Medium);
        t.status = parseThemeStatus(st.text(5)).value_or(ThemeStatus::Open);
        t.notes = st.text(6);
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
        Statement st(m_db, id == 0 ? "INSERT INTO audit_theme (title, source, raised_on, priority, "
                                     "status, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                   : "UPDATE audit_theme SET title = ?1, source = ?2, raised_on = "
                                     "?3, priority = ?4, status = ?5, notes = ?6 WHERE id = ?7");
        st.bind(1, t.title)
            .bind(2, themeSourceCode(t.source))
            .bind(3, formatIso(t.raisedOn))
            .bind(4, themePriorityCode(t.priority))
            .bind(5, themeStatusCode(t.status))
            .bind(6, t.notes);
        if (id != 0) {
            st.bind(7, id);
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

void SqlCipherStore::appendChangeLog(const ChangeLogEntry& e) {
    statement("INSERT INTO change_log (at, actor, entity, record_key, action, old_values, "
              "new_values) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        ->bind(1, e.at)
        .bind(2, e.actor)
        .bind(3, e.entity)
        .bind(4, e.recordKey)
        .bind(5, e.action)
        .bind(6, e.oldValues)
        .bind(7, e.newValues)
        .run();
}

namespace {
std::vector<ChangeLogEntry> changeLogRows(Statement& st) {
    std::vector<ChangeLogEntry> entries;
    while (st.step()) {
        entries.push_back(ChangeLogEntry{st.integer(0), st.text(1), st.text(2), st.text(3),
                                         st.text(4), st.text(5), st.text(6), st.text(7)});
    }
    return entries;
}
} // namespace

std::vector<ChangeLogEntry> SqlCipherStore::changeLog(std::string_view entity,
                                                      std::string_view recordKey) {
    Statement st(m_db, entity.empty()
                           ? "SELECT id, at, actor, entity, record_key, action, old_values, "
                             "new_values FROM change_log ORDER BY id"
                           : "SELECT id, at, actor, entity, record_key, action, old_values, "
                             "new_values FROM change_log WHERE entity = ?1 AND record_key = ?2 "
                             "ORDER BY id");
    if (!entity.empty()) {
        st.bind(1, entity).bind(2, recordKey);
    }
    return changeLogRows(st);
}

std::vector<ChangeLogEntry> SqlCipherStore::changeLogByPrefix(std::string_view entity,
                                                              std::string_view keyPrefix) {
    // A range rather than LIKE, so that the (entity, record_key) index is used and no
    // character of the key is special. No UTF-8 text holds the byte 0xFF.
    Statement st(m_db, "SELECT id, at, actor, entity, record_key, action, old_values, new_values "
                       "FROM change_log WHERE entity = ?1 AND record_key >= ?2 AND "
                       "record_key < ?3 ORDER BY id");
    st.bind(1, entity).bind(2, keyPrefix).bind(3, std::string(keyPrefix) + '\xFF');
    return changeLogRows(st);
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

std::vector<std::string> SqlCipherStore::checkIntegrity() {
    std::vector<std::string> problems;
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
    if (pragmaInt(m_db, "application_id") != kApplicationId) {
        problems.emplace_back("application id is not Practice Ledger's");
    }
    return problems;
}

void SqlCipherStore::changePassphrase(std::string_view newPassphrase) {
    if (newPassphrase.empty()) {
        throw ValidationError({FieldError{{}, 0, "passphrase", "a passphrase is required"}});
    }
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only");
    }
    if (sqlite3_rekey(m_db, newPassphrase.data(), static_cast<int>(newPassphrase.size())) !=
        SQLITE_OK) {
        sql::fail(m_db, "changing the passphrase");
    }
}

} // namespace ledger
