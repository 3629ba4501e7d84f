#include "sqlcipher/sqlcipher_store.h"

#include "sqlcipher/sqlite_util.h"
#include "store/change_feed.h"

#include <sqlcipher/sqlite3.h>

// A ledger file's change feed: SQLite's data_version moves when another connection commits
// to the file, and the change-log entries after the last one known here say what changed.
// A file has one writer at a time, so its entries' ids follow the order of their commits.

namespace ledger {

namespace {

class FileChangeFeed final : public ChangeFeed {
public:
    explicit FileChangeFeed(sql::Connection& conn) : m_conn(conn) { ownCommit(); }

    [[nodiscard]] int socket() const override { return -1; }
    bool drain() override { return false; }

    [[nodiscard]] std::vector<ChangeLogEntry> news() override {
        const std::int64_t version = dataVersion();
        if (version == m_dataVersion) {
            return {};
        }
        m_dataVersion = version;
        sql::Statement st(m_conn.db(),
                          "SELECT c.id, c.at, c.actor, c.entity, c.record_key, c.action, "
                          "coalesce(s.employee_id, '') FROM change_log c LEFT JOIN staff s ON "
                          "s.id = c.subject_id WHERE c.id > ?1 ORDER BY c.id");
        st.bind(1, m_lastSeen);
        std::vector<ChangeLogEntry> entries;
        while (st.step()) {
            ChangeLogEntry e;
            e.id = st.integer(0);
            e.at = st.text(1);
            e.actor = st.text(2);
            e.entity = st.text(3);
            e.recordKey = st.text(4);
            e.action = st.text(5);
            e.subject = st.text(6);
            m_lastSeen = e.id;
            entries.push_back(std::move(e));
        }
        return entries;
    }

    void ownCommit() override {
        m_dataVersion = dataVersion();
        sql::Statement st(m_conn.db(), "SELECT coalesce(max(id), 0) FROM change_log");
        m_lastSeen = st.step() ? st.integer(0) : 0;
    }

private:
    std::int64_t dataVersion() {
        sql::Statement st(m_conn.db(), "PRAGMA data_version");
        return st.step() ? st.integer(0) : 0;
    }

    sql::Connection& m_conn;
    std::int64_t m_dataVersion = 0;
    RecordId m_lastSeen = 0;
};

} // namespace

std::unique_ptr<ChangeFeed> SqlCipherStore::changeFeed() {
    return std::make_unique<FileChangeFeed>(m_conn);
}

} // namespace ledger
