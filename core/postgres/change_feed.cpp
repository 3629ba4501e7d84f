#include "postgres/pg_store.h"

#include "store/change_feed.h"

#include <algorithm>
#include <charconv>

// A server's change feed: a second connection LISTENs on the channel the schema's trigger
// announces each committed change-log entry on (its id; step 2 of postgres/schema.h). The
// entries themselves are read through the ledger's own connection, so row-level security
// decides which of them this account hears of.

namespace ledger::pg {

namespace {

class PgChangeFeed final : public ChangeFeed {
public:
    PgChangeFeed(Connection listening, Session& session)
        : m_listening(std::move(listening)), m_session(session),
          m_ownPid(session.connection().backendPid()) {
        m_listening.exec("LISTEN practice_ledger");
    }

    [[nodiscard]] int socket() const override { return m_listening.socket(); }

    bool drain() override {
        for (const Connection::Notification& n : m_listening.takeNotifications()) {
            if (n.channel != "practice_ledger" || n.senderPid == m_ownPid) {
                continue; // this connection's own commits are known here
            }
            RecordId id = 0;
            const char* end = n.payload.data() + n.payload.size();
            if (std::from_chars(n.payload.data(), end, id).ptr == end && id > 0) {
                m_pending.push_back(id);
            }
        }
        return !m_pending.empty();
    }

    [[nodiscard]] std::vector<ChangeLogEntry> news() override {
        drain();
        if (m_pending.empty()) {
            return {};
        }
        std::string ids = "{";
        for (std::size_t i = 0; i < m_pending.size(); ++i) {
            ids += (i == 0 ? "" : ",") + std::to_string(m_pending[i]);
        }
        ids += "}";
        m_pending.clear();
        // Values left out: what to refresh needs only the kind of record and its person.
        const Result r = m_session.run(
            "SELECT c.id, c.at, c.actor, c.entity, c.record_key, c.action, "
            "coalesce(s.employee_id, '') FROM change_log c LEFT JOIN staff s ON s.id = "
            "c.subject_id WHERE c.id = ANY($1::bigint[]) ORDER BY c.id",
            {ids});
        std::vector<ChangeLogEntry> entries;
        for (int i = 0; i < r.rows(); ++i) {
            ChangeLogEntry e;
            e.id = r.int64(i, 0);
            e.at = r.text(i, 1);
            e.actor = r.text(i, 2);
            e.entity = r.text(i, 3);
            e.recordKey = r.text(i, 4);
            e.action = r.text(i, 5);
            e.subject = r.text(i, 6);
            entries.push_back(std::move(e));
        }
        return entries;
    }

private:
    Connection m_listening;
    Session& m_session;
    int m_ownPid;
    std::vector<RecordId> m_pending;
};

} // namespace

std::unique_ptr<ChangeFeed> PgStore::changeFeed() {
    return std::make_unique<PgChangeFeed>(m_session.connection().openAnother(), m_session);
}

} // namespace ledger::pg
