#pragma once

#include "postgres/repositories.h"
#include "postgres/session.h"
#include "store/store.h"

#include <memory>
#include <optional>
#include <string>

namespace ledger::pg {

/// A ledger on a PostgreSQL server (`server init` made its schema and roles). Several people
/// work on it at once, each through their own login: the server's roles and row-level
/// security decide what each sees and may write, and the server stamps the change log's actor
/// and time. A login that is a member of the ledger's owner role and is nobody's account (the
/// database administrator) works as the owner, for setting the ledger up.
class PgStore final : public Store {
public:
    /// Connects to `conninfo` (a `postgresql://` URI; a password only from `password`, a
    /// password file or the environment). Throws what pg::Connection::open throws,
    /// NotALedger when the database holds no ledger, NewerSchema when a newer program wrote
    /// it. ReadOnly makes every transaction read-only; Auto is ReadWrite (a server has many
    /// writers).
    static std::unique_ptr<PgStore> open(const std::string& conninfo,
                                         const std::optional<std::string>& password, OpenMode mode);

    [[nodiscard]] StaffRepository& staff() override { return m_staff; }
    [[nodiscard]] TrainingRepository& training() override { return m_training; }
    [[nodiscard]] ThemeRepository& themes() override { return m_themes; }
    [[nodiscard]] SessionRepository& sessions() override { return m_sessions; }
    [[nodiscard]] CpdRepository& cpd() override { return m_cpd; }
    [[nodiscard]] AssessorRepository& assessors() override { return m_assessors; }
    [[nodiscard]] ProgrammeRepository& programmes() override { return m_programmes; }
    [[nodiscard]] ChangeLogRepository& changeLog() override { return m_changeLog; }
    [[nodiscard]] SettingsRepository& settings() override { return m_settings; }

    [[nodiscard]] int schemaVersion() override;
    [[nodiscard]] bool readOnly() const override { return m_readOnly; }
    [[nodiscard]] std::unique_ptr<ChangeFeed> changeFeed() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    std::int64_t setCacheSize(std::int64_t value) override;
    [[nodiscard]] std::vector<std::string> checkIntegrity() override;
    void readRows(const TableColumns& table,
                  const std::function<void(const RawRow&)>& visit) override;
    void beginSnapshot() override;
    void endSnapshot() override;
    [[nodiscard]] std::unique_ptr<RowWriter> rowWriter(const TableColumns& table) override;
    std::vector<std::filesystem::path> changePassphrase(std::string_view newPassphrase,
                                                        const ChangeLogEntry& entry) override;
    [[nodiscard]] std::vector<std::string> notices() const override { return m_notices; }
    [[nodiscard]] std::vector<std::filesystem::path> backupsMade() const override { return {}; }

    /// The store's connection, for what no repository does (tests set session settings
    /// through it).
    [[nodiscard]] Connection& connection() { return m_session.connection(); }

    /// The login the server accepted.
    [[nodiscard]] std::string account() const override { return m_login; }
    [[nodiscard]] std::string accountEmployeeId() override;

private:
    PgStore(Connection connection, bool readOnly);
    /// Throws NotPermitted unless this connection works as the ledger's owner.
    void requireOwner(const char* what) const;

    Session m_session;
    bool m_readOnly;
    bool m_asOwner = false; ///< the administrator, working as the owner role
    std::string m_login;
    std::vector<std::string> m_notices;
    StaffRepo m_staff{m_session};
    TrainingRepo m_training{m_session};
    ThemeRepo m_themes{m_session};
    SessionRepo m_sessions{m_session};
    CpdRepo m_cpd{m_session};
    AssessorRepo m_assessors{m_session};
    ProgrammeRepo m_programmes{m_session};
    ChangeLogRepo m_changeLog{m_session};
    SettingsRepo m_settings{m_session};
};

} // namespace ledger::pg
