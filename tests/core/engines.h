#pragma once

// One suite, two engines: a test written once runs on the ledger file and on a PostgreSQL
// server (the throwaway cluster of tests/pg/cluster.sh). Its instances are named `.../File`
// and `.../Postgres`; ctest runs the latter with the cluster (tests/core/CMakeLists.txt).

#include "ledger.h"
#include "postgres/pg_test_cluster.h"
#include "postgres/server_admin.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace ledger::test {

enum class Engine { File, Postgres };

inline std::string engineName(const ::testing::TestParamInfo<Engine>& info) {
    return info.param == Engine::File ? "File" : "Postgres";
}

/// Where one test keeps its ledger on its engine.
class EngineLedger {
public:
    explicit EngineLedger(Engine engine) : m_engine(engine) {}

    [[nodiscard]] Engine engine() const { return m_engine; }
    [[nodiscard]] bool available() const {
        return m_engine == Engine::File || m_scratch.cluster().available();
    }
    [[nodiscard]] const PgClusterInfo& cluster() const { return m_scratch.cluster(); }

    /// A new empty ledger, open for writing: a file made by Ledger::create, or a new database
    /// made by `server init` and opened by its administrator.
    Ledger create(std::string_view actor = "test") { return create(actor, {}); }

    /// As above, with `fill` adding records first: Ledger::create's fill on a file; on a
    /// server, run on the new database, which is then opened again (so that, as on a file,
    /// the ledger returned has no changes to take).
    Ledger create(std::string_view actor, const std::function<void(Ledger&)>& fill) {
        if (m_engine == Engine::File) {
            m_location = std::make_unique<Location>(Location::file(m_dir / "ledger.ledger"));
            return Ledger::create(m_location->path(), kPassphrase, actor, fill);
        }
        if (fill) {
            Ledger filling = createOnServer();
            fill(filling);
            return open();
        }
        return createOnServer();
    }

    /// The ledger create() made, opened again (by its administrator, on a server).
    Ledger open(OpenMode mode = OpenMode::ReadWrite) {
        return Ledger::open(*m_location, m_engine == Engine::File ? kPassphrase : "", mode);
    }

    [[nodiscard]] const Location& location() const { return *m_location; }
    [[nodiscard]] PgScratch& scratch() { return m_scratch; }
    [[nodiscard]] const std::string& database() const { return m_database; }

    static constexpr const char* kPassphrase = "correct horse";

private:
    Ledger createOnServer() {
        const std::string db = m_scratch.createDatabase();
        m_scratch.trackLedgerRoles(db);
        pg::Connection admin = pg::Connection::open(m_scratch.conninfo(db));
        pg::initServer(admin);
        m_database = db;
        m_location = std::make_unique<Location>(Location::parse(m_scratch.uri(db)));
        return Ledger::open(*m_location, "", OpenMode::ReadWrite);
    }

    Engine m_engine;
    ScratchDir m_dir;
    PgScratch m_scratch;
    std::unique_ptr<Location> m_location;
    std::string m_database;
};

/// A test run once per engine (INSTANTIATE_TEST_SUITE_P(Engines, Suite, kEngines,
/// engineName)). Without a cluster its Postgres instance skips, or fails when the cluster
/// is required (PRACTICE_LEDGER_REQUIRE_PG=1, as in CI).
class EngineTest : public ::testing::TestWithParam<Engine> {
protected:
    void SetUp() override {
        if (!m_ledger.available()) {
            if (pgRequired()) {
                FAIL() << m_ledger.cluster().unavailable << " (and PRACTICE_LEDGER_REQUIRE_PG=1)";
            }
            GTEST_SKIP() << m_ledger.cluster().unavailable;
        }
    }

    [[nodiscard]] EngineLedger& ledgers() { return m_ledger; }

private:
    EngineLedger m_ledger{GetParam()};
};

inline const auto kEngines = ::testing::Values(Engine::File, Engine::Postgres);

} // namespace ledger::test
