#pragma once

// The SQLite half of a kind's spec columns (store/spec_columns.h): statements written with
// `?N` parameters, values bound from each field's canonical text (numbers as integers, as
// their INTEGER columns keep them) and read back through its parse. Private to core.

#include "sqlcipher/sqlite_util.h"
#include "store/spec_columns.h"

#include <string>

namespace ledger::sql {

using ledger::Fields;

/// A kind's column list for SQLite statements, with its binding and reading.
template <typename Record> class SpecColumns : public SpecColumnList<Record> {
public:
    SpecColumns(const RecordSpec<Record>& spec, int first)
        : SpecColumnList<Record>(spec, first, Placeholder::Question) {}

    /// Binds each column's value to its parameter (only the `which` columns, for a statement
    /// naming only those): NULL for an absent optional value; numbers as integers.
    void bind(Statement& st, const Record& record, Fields which = Fields::All) const {
        int parameter = this->first();
        for (const FieldSpec<Record>* f : this->fields()) {
            if (this->wanted(*f, which)) {
                const std::optional<std::string> text = this->stored(*f, record);
                if (!text) {
                    st.bindNull(parameter);
                } else if (f->type == FieldType::Number) {
                    st.bind(parameter, spec::parseWholeNumber(*text).value_or(0));
                } else {
                    st.bind(parameter, *text);
                }
            }
            ++parameter;
        }
    }

    /// Reads the columns, in names() order, from result column `column` on: each through its
    /// field's parse, NULL as empty text. What the schema's checks let in always parses.
    void read(const Statement& st, int column, Record& record) const {
        for (const FieldSpec<Record>* f : this->fields()) {
            (void)f->parse(record, st.isNull(column) ? std::string() : st.text(column));
            ++column;
        }
    }
};

} // namespace ledger::sql
