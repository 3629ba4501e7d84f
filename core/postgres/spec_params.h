#pragma once

// The PostgreSQL half of a kind's spec columns (store/spec_columns.h): statements written
// with `$N::type` parameters, values bound as each field's canonical text (the server casts
// it) and read back through its parse. Private to core.

#include "postgres/pg.h"
#include "store/spec_columns.h"

#include <string>

namespace ledger::pg {

/// A kind's column list for PostgreSQL statements, with its binding and reading.
template <typename Record> class SpecParams : public SpecColumnList<Record> {
public:
    SpecParams(const RecordSpec<Record>& spec, int first)
        : SpecColumnList<Record>(spec, first, Placeholder::Dollar) {}

    /// Puts each column's value at its parameter in `params` (only the `which` columns, for
    /// a statement naming only those; grown to the last of them, as the server takes exactly
    /// the parameters a statement names): NULL for an absent optional value.
    void bind(Params& params, const Record& record, Fields which = Fields::All) const {
        int parameter = this->first();
        for (const FieldSpec<Record>* f : this->fields()) {
            if (this->wanted(*f, which)) {
                const auto index = static_cast<std::size_t>(parameter - 1);
                if (params.size() <= index) {
                    params.resize(index + 1);
                }
                params[index] = this->stored(*f, record);
            }
            ++parameter;
        }
    }

    /// Reads the columns, in names() order, from column `column` of `row` on: each through
    /// its field's parse, NULL as empty text.
    void read(const Result& result, int row, int column, Record& record) const {
        for (const FieldSpec<Record>* f : this->fields()) {
            (void)f->parse(record, result.view(row, column));
            ++column;
        }
    }
};

} // namespace ledger::pg
