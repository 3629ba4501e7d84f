#include "postgres/session.h"

#include <libpq-fe.h>

namespace ledger::pg {

Result Session::run(const std::string& sql, const Params& params) {
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        std::string name = "pl" + std::to_string(m_prepared.size() + 1);
        m_connection.prepare(name, sql);
        it = m_prepared.emplace(sql, std::move(name)).first;
    }
    return m_connection.execPrepared(it->second, params);
}

std::optional<RecordId> Session::lookup(const std::string& sql, std::string_view key) {
    const Result r = run(sql, {std::string(key)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return r.int64(0, 0);
}

void Session::forEachBatch(const std::string& query,
                           const std::function<void(const Result&)>& batch) {
    constexpr int kBatch = 5000;
    const bool own = !inTransaction();
    if (own) {
        m_connection.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    try {
        m_connection.exec("DECLARE pl_batches NO SCROLL CURSOR FOR " + query);
        for (;;) {
            const Result r =
                m_connection.exec("FETCH " + std::to_string(kBatch) + " FROM pl_batches");
            batch(r);
            if (r.rows() < kBatch) {
                break;
            }
        }
        m_connection.exec("CLOSE pl_batches");
        if (own) {
            m_connection.exec("COMMIT");
        }
    } catch (...) {
        if (own) {
            try {
                m_connection.exec("ROLLBACK");
            } catch (...) { // NOLINT(bugprone-empty-catch): the first failure is the one to report
            }
        }
        throw;
    }
}

bool Session::inTransaction() const {
    const PGTransactionStatusType status = PQtransactionStatus(m_connection.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

} // namespace ledger::pg
