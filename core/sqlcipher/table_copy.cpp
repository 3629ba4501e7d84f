// SqlCipherStore's rows for copying a whole ledger between engines (store/ledger_copy.h).

#include "sqlcipher/sqlcipher_store.h"

#include "base/hex.h"
#include "sqlcipher/sqlite_util.h"

namespace ledger {

namespace {

std::string joined(const std::vector<std::string>& names, const std::string& separator,
                   const std::function<std::string(const std::string&, std::size_t)>& part) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += (i == 0 ? "" : separator) + part(names[i], i);
    }
    return out;
}

class SqlCipherRowWriter final : public RowWriter {
public:
    SqlCipherRowWriter(sqlite3* db, const TableColumns& table) {
        const auto& c = table.columns;
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (!table.hexColumn.empty() && c[i] == table.hexColumn) {
                m_hexColumn = static_cast<int>(i);
            }
        }
        const auto parameter = [](const std::string&, std::size_t i) {
            return "?" + std::to_string(i + 1);
        };
        std::string text;
        if (table.update) {
            const std::vector<std::string> rest(c.begin() + 1, c.end());
            text = "UPDATE " + table.table + " SET " +
                   joined(rest, ", ",
                          [](const std::string& name, std::size_t i) {
                              return name + " = ?" + std::to_string(i + 2);
                          }) +
                   " WHERE " + c.front() + " = ?1";
        } else {
            text = std::string(table.seeded ? "INSERT OR REPLACE INTO " : "INSERT INTO ") +
                   table.table + " (" +
                   joined(c, ", ", [](const std::string& name, std::size_t) { return name; }) +
                   ") VALUES (" + joined(c, ", ", parameter) + ")";
        }
        m_statement = std::make_unique<sql::Statement>(db, text);
    }

    void write(const RawRow& row) override {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (static_cast<int>(i) == m_hexColumn && row[i]) {
                auto bytes = fromHex(*row[i]);
                if (!bytes) {
                    throw StorageError("copying a ledger: a file's bytes are not hex");
                }
                m_bytes = std::move(*bytes); // kept until the statement is reset
                m_statement->bindBlob(static_cast<int>(i + 1), m_bytes);
            } else {
                m_statement->bind(static_cast<int>(i + 1), row[i]);
            }
        }
        m_statement->run();
        m_statement->reset();
    }
    void finish() override {}

private:
    std::unique_ptr<sql::Statement> m_statement;
    int m_hexColumn = -1;
    std::string m_bytes;
};

} // namespace

void SqlCipherStore::beginSnapshot() {
    // A read transaction: its snapshot is taken by its first read, here.
    sql::exec(m_conn.db(), "BEGIN; SELECT count(*) FROM sqlite_master;");
}

void SqlCipherStore::endSnapshot() {
    if (!sqlite3_get_autocommit(m_conn.db())) {
        sqlite3_exec(m_conn.db(), "ROLLBACK;", nullptr, nullptr, nullptr);
    }
}

void SqlCipherStore::readRows(const TableColumns& table,
                              const std::function<void(const RawRow&)>& visit) {
    const auto& c = table.columns;
    std::string names;
    for (std::size_t i = 0; i < c.size(); ++i) {
        names +=
            (i == 0 ? "" : ", ") + (c[i] == table.hexColumn ? "lower(hex(" + c[i] + "))" : c[i]);
    }
    sql::Statement st(m_conn.db(),
                      "SELECT " + names + " FROM " + table.table + " ORDER BY " + c.front());
    RawRow row(c.size());
    while (st.step()) {
        for (std::size_t i = 0; i < c.size(); ++i) {
            const int column = static_cast<int>(i);
            row[i] = st.isNull(column) ? std::nullopt : std::optional<std::string>(st.text(column));
        }
        visit(row);
    }
}

std::unique_ptr<RowWriter> SqlCipherStore::rowWriter(const TableColumns& table) {
    if (m_readOnly) {
        throw Conflict("this ledger is open read-only");
    }
    return std::make_unique<SqlCipherRowWriter>(m_conn.db(), table);
}

} // namespace ledger
