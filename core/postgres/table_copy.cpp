// PgStore's rows for copying a whole ledger between engines (store/ledger_copy.h). Only the
// administrator, working as the owner role (which row-level security does not filter and
// whose change-log entries keep their actor and time), reads or writes a ledger whole.

#include "postgres/pg_store.h"

namespace ledger::pg {

namespace {

class PgRowWriter final : public RowWriter {
public:
    PgRowWriter(Session& session, const TableColumns& table)
        : m_session(session), m_table(table.table) {
        Connection& c = session.connection();
        const auto& columns = table.columns;
        if (table.update) {
            m_text = "UPDATE ledger." + c.quoteIdentifier(table.table) + " SET ";
            for (std::size_t i = 1; i < columns.size(); ++i) {
                m_text += (i == 1 ? "" : ", ") + c.quoteIdentifier(columns[i]) + " = $" +
                          std::to_string(i + 1);
            }
            m_text += " WHERE " + c.quoteIdentifier(columns.front()) + " = $1";
        } else {
            std::string names;
            std::string values;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                names += (i == 0 ? "" : ", ") + c.quoteIdentifier(columns[i]);
                const std::string parameter = "$" + std::to_string(i + 1);
                values += (i == 0 ? "" : ", ") + (columns[i] == table.hexColumn
                                                      ? "decode(" + parameter + ", 'hex')"
                                                      : parameter);
            }
            m_text = "INSERT INTO ledger." + c.quoteIdentifier(table.table) + " (" + names +
                     ") VALUES (" + values + ")";
            if (table.seeded) {
                // A seeded list (the schema's own rows) is written over, row by row.
                m_text +=
                    " ON CONFLICT (" + c.quoteIdentifier(columns.front()) + ") DO UPDATE SET ";
                for (std::size_t i = 1; i < columns.size(); ++i) {
                    m_text += (i == 1 ? "" : ", ") + c.quoteIdentifier(columns[i]) +
                              " = EXCLUDED." + c.quoteIdentifier(columns[i]);
                }
            }
            m_hasIdentity = columns.front() == "id";
        }
    }

    void write(const RawRow& row) override { m_session.run(m_text, row); }

    void finish() override {
        if (!m_hasIdentity) {
            return;
        }
        // New rows made on the server continue after the ids copied in.
        Connection& c = m_session.connection();
        c.execParams("SELECT setval(pg_get_serial_sequence($1, 'id'), max(id)) FROM ledger." +
                         c.quoteIdentifier(m_table) + " HAVING max(id) IS NOT NULL",
                     {"ledger." + m_table});
    }

private:
    Session& m_session;
    std::string m_table;
    std::string m_text;
    bool m_hasIdentity = false;
};

} // namespace

void PgStore::requireOwner(const char* what) const {
    if (!m_asOwner) {
        throw NotPermitted(std::string(what) +
                           " needs the ledger's administrator (a member of its owner role): "
                           "an account sees and writes only its own scope");
    }
}

void PgStore::beginSnapshot() {
    m_session.connection().exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void PgStore::endSnapshot() {
    if (m_session.inTransaction()) {
        m_session.connection().exec("ROLLBACK");
    }
}

void PgStore::readRows(const TableColumns& table, const std::function<void(const RawRow&)>& visit) {
    requireOwner("copying a ledger");
    Connection& c = m_session.connection();
    // Flags as 0 or 1 and dates as ISO text, as the file keeps them; an import's counts
    // folded back into its entry.
    const Result types =
        c.execParams("SELECT column_name, data_type FROM information_schema.columns "
                     "WHERE table_schema = 'ledger' AND table_name = $1",
                     {table.table});
    std::string select;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const std::string& name = table.columns[i];
        std::string expression = "t." + c.quoteIdentifier(name);
        for (int r = 0; r < types.rows(); ++r) {
            if (types.view(r, 0) == name && types.view(r, 1) == "boolean") {
                expression = "(" + expression + ")::integer";
            }
        }
        if (name == table.hexColumn) {
            expression = "encode(" + expression + ", 'hex')";
        }
        if (table.table == "change_log" && name == "new_values") {
            expression = "COALESCE((SELECT i.new_values FROM ledger.import_result i WHERE "
                         "i.change_id = t.id), t.new_values)";
        }
        select += (i == 0 ? "" : ", ") + expression;
    }
    const std::string query = "SELECT " + select + " FROM ledger." +
                              c.quoteIdentifier(table.table) + " t ORDER BY t." +
                              c.quoteIdentifier(table.columns.front());
    RawRow row(table.columns.size());
    m_session.forEachBatch(query, [&](const Result& r) {
        for (int i = 0; i < r.rows(); ++i) {
            for (std::size_t j = 0; j < row.size(); ++j) {
                row[j] = r.optionalText(i, static_cast<int>(j));
            }
            visit(row);
        }
    });
}

std::unique_ptr<RowWriter> PgStore::rowWriter(const TableColumns& table) {
    requireOwner("copying a ledger");
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only");
    }
    return std::make_unique<PgRowWriter>(m_session, table);
}

} // namespace ledger::pg
