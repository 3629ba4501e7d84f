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

bool Session::inTransaction() const {
    const PGTransactionStatusType status = PQtransactionStatus(m_connection.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

} // namespace ledger::pg
