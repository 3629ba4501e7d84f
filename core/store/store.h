#pragma once

#include "assessors/assessor_repository.h"
#include "audit/change_log.h"
#include "audit/change_log_repository.h"
#include "cpd/cpd_repository.h"
#include "programmes/programme_repository.h"
#include "sessions/session_repository.h"
#include "settings/settings_repository.h"
#include "staff/staff_repository.h"
#include "store/ledger_data.h"
#include "themes/theme_repository.h"
#include "training/training_repository.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

class ChangeFeed;

/// How a ledger is opened. A ledger has at most one writer at a time, across processes.
enum class OpenMode {
    ReadWrite, ///< as its writer; Conflict when another store already writes it
    ReadOnly,  ///< only reading, whoever writes it
    Auto,      ///< as its writer, or read-only while another store writes it
};

/// A table's columns as copying a whole ledger moves them (see ledger_copy.h).
struct TableColumns {
    std::string table;
    std::vector<std::string> columns; ///< the first is `id` (or the key, for `setting`)
    bool update = false; ///< rows change existing rows by their first column, not add rows
    /// A column of bytes (a file's content), carried in a RawRow as lower-case hex.
    std::string hexColumn = {};
    /// Rows the schema itself writes (a seeded list): a target holding only those is still
    /// empty, and the copy writes over them.
    bool seeded = false;
};

/// One row of a table: each column's value as the engine's text (nullopt: NULL).
using RawRow = std::vector<std::optional<std::string>>;

/// Writes rows into one table for a copy, inside the store's transaction.
class RowWriter {
public:
    virtual ~RowWriter() = default;
    virtual void write(const RawRow& row) = 0;
    /// After the last row (e.g. moves the table's id sequence past the ids written).
    virtual void finish() = 0;
};

/// The seam between the ledger and where its records live: one open connection to an
/// engine (the SQLCipher file first; a shared PostgreSQL server next), its transactions,
/// and one repository per feature over that connection. The domain, the compliance engine
/// and the services never know which engine they run on.
///
/// Writes happen only between begin() and commit(); the services run each use case as one
/// such unit (UnitOfWork) and roll back on any failure. The repositories live as long as the
/// store.
class Store {
public:
    virtual ~Store() = default;

    // Each feature's records.
    [[nodiscard]] virtual StaffRepository& staff() = 0;
    [[nodiscard]] virtual TrainingRepository& training() = 0;
    [[nodiscard]] virtual ThemeRepository& themes() = 0;
    [[nodiscard]] virtual SessionRepository& sessions() = 0;
    [[nodiscard]] virtual CpdRepository& cpd() = 0;
    [[nodiscard]] virtual AssessorRepository& assessors() = 0;
    [[nodiscard]] virtual ProgrammeRepository& programmes() = 0;
    [[nodiscard]] virtual ChangeLogRepository& changeLog() = 0;
    [[nodiscard]] virtual SettingsRepository& settings() = 0;

    [[nodiscard]] virtual int schemaVersion() = 0;
    [[nodiscard]] virtual bool readOnly() const = 0;
    /// A new feed of what other connections commit (see ChangeFeed); it uses this store's
    /// connection and must not outlive it.
    [[nodiscard]] virtual std::unique_ptr<ChangeFeed> changeFeed() = 0;

    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    /// Sets the page cache of this connection (as SQLite's cache_size: negative in KiB,
    /// positive in pages), so that a long write keeps its memory bounded; returns the
    /// previous setting, to put back.
    virtual std::int64_t setCacheSize(std::int64_t value) = 0;

    /// Integrity and foreign-key problems, one line each; empty when the ledger is sound.
    [[nodiscard]] virtual std::vector<std::string> checkIntegrity() = 0;

    /// Re-encrypts the whole ledger under a new passphrase and appends `entry` to its change
    /// log, all or nothing; refused (Conflict) while another program has it open. Returns
    /// the backup copies beside it that are still readable with the old passphrase.
    virtual std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                                const ChangeLogEntry& entry) = 0;
    /// What opening had to do that a person should hear of (an interrupted write undone).
    [[nodiscard]] virtual std::vector<std::string> notices() const = 0;
    /// The backup copies opening made (before an upgrade).
    [[nodiscard]] virtual std::vector<std::filesystem::path> backupsMade() const = 0;
    // Copying a whole ledger between engines (ledger_copy.h), ids, links and change log as
    // they are. Dates are ISO text and flags 0 or 1 in both directions.

    /// Calls `visit` with every row of the table, in the order of its first column.
    virtual void readRows(const TableColumns& table,
                          const std::function<void(const RawRow&)>& visit) = 0;
    /// Until endSnapshot(), the reads of readRows() all see the ledger as it was at one moment,
    /// whatever other connections commit meanwhile (so that a ledger read table by table is
    /// whole: no completion of a person added after the staff were read).
    virtual void beginSnapshot() = 0;
    virtual void endSnapshot() = 0;
    /// A writer of rows into the table (inside begin() ... commit()). Throws NotPermitted
    /// when this connection may not write a ledger whole (a server account that is not its
    /// administrator).
    [[nodiscard]] virtual std::unique_ptr<RowWriter> rowWriter(const TableColumns& table) = 0;

    /// The account the engine knows the user by: the login on a server; empty for a file,
    /// whose passphrase is all it knows.
    [[nodiscard]] virtual std::string account() const { return {}; }
    /// The employee id of the person the account is tied to: empty for a file, and for a
    /// server login tied to no one.
    [[nodiscard]] virtual std::string accountEmployeeId() { return {}; }
};

/// Staff (with team and role names), modules and requirement rules: everything but the
/// completions (which are most of a ledger, and are read per person or as integer rows).
[[nodiscard]] inline LedgerData loadWithoutCompletions(StaffRepository& staff,
                                                       TrainingRepository& training) {
    LedgerData data = training.loadCatalog();
    data.staff = staff.everyone();
    return data;
}

} // namespace ledger
