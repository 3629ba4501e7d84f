#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ledger {

/// The root of every error core throws; the app turns each kind into a message a person
/// understands.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The ledger file does not exist (opening never creates one).
class LedgerMissing : public Error {
public:
    using Error::Error;
};

/// The file exists but is not a Practice Ledger ledger (empty, plaintext, text, another
/// application's database).
class NotALedger : public Error {
public:
    using Error::Error;
};

/// The file could not be decrypted: the passphrase is wrong or the file is damaged.
class WrongPassphrase : public Error {
public:
    using Error::Error;
};

/// A file beside the ledger (`-journal`, `-wal`) that SQLite would use is not the ledger's,
/// or the ledger has an unfinished write that cannot be undone here. Nothing was changed;
/// the message says which file and what to do.
class CompanionFileProblem : public Error {
public:
    using Error::Error;
};

/// Pages of the ledger fail their integrity code (a bit flip, a bad disk, a partial copy);
/// the message says where and what to do (restore a backup copy).
class LedgerDamaged : public Error {
public:
    using Error::Error;
};

/// The ledger was written by a newer program; it is refused and never touched.
class NewerSchema : public Error {
public:
    using Error::Error;
};

/// A ledger on a server written by an older program, which its administrator upgrades
/// (`server upgrade`) before this program opens it; it is never touched on opening.
class OlderSchema : public Error {
public:
    using Error::Error;
};

/// Creating a ledger where a file already exists.
class AlreadyExists : public Error {
public:
    using Error::Error;
};

/// The ledger is held by another writer, or a record changed underneath.
class Conflict : public Error {
public:
    using Error::Error;
};

/// Saving over a record that someone else saved after it was read (its RecordVersion moved
/// on): refused, nothing written. `actor` and `at` (UTC, ISO 8601) say who saved it and
/// when, where the ledger knows (empty otherwise).
class StaleRecord : public Conflict {
public:
    StaleRecord(const std::string& message, std::string actor, std::string at)
        : Conflict(message), m_actor(std::move(actor)), m_at(std::move(at)) {}
    [[nodiscard]] const std::string& actor() const { return m_actor; }
    [[nodiscard]] const std::string& at() const { return m_at; }

private:
    std::string m_actor;
    std::string m_at;
};

/// A booking action the rules refuse (rules/sessions.md section 3): the message is theirs
/// (`already booked`, `session has started`); nothing was written.
class ActionRefused : public Error {
public:
    using Error::Error;
};

/// The account may not do this: the server refused it (a PostgreSQL ledger's roles and
/// row-level security decide what each account may read and write).
class NotPermitted : public Error {
public:
    using Error::Error;
};

/// A long task was cancelled by the person who started it; nothing was written.
class Cancelled : public Error {
public:
    using Error::Error;
};

/// A store operation failed for a reason outside the user's input (disk full, I/O error).
class StorageError : public Error {
public:
    using Error::Error;
};

/// One problem with one field of user input. `line` is 1-based where the input came from a
/// file (0 when it did not), `field` is the column or form field name.
struct FieldError {
    std::string file;
    int line = 0;
    std::string field;
    std::string message;

    friend bool operator==(const FieldError&, const FieldError&) = default;
};

/// Every problem found in one piece of input, all at once.
class ValidationError : public Error {
public:
    explicit ValidationError(std::vector<FieldError> errors);
    [[nodiscard]] const std::vector<FieldError>& errors() const { return m_errors; }

private:
    std::vector<FieldError> m_errors;
};

/// `FILE:LINE: field: message` (or `field: message` without a file).
[[nodiscard]] std::string formatFieldError(const FieldError& error);

} // namespace ledger
