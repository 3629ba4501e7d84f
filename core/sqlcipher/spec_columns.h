#pragma once

// The columns a record kind keeps in the ledger file, from its field spec: each
// Storage::Column field is the column of its own name. Statements are written from these
// lists (names, parameters, assignments, key conditions), values are bound from each field's
// canonical text and read back through its parse, so that a new field needs its spec and its
// migration, not a new line in every statement. Fields kept by the repository itself
// (Storage::ByRepository: references such as team_id, link tables) are written by hand around
// them. Private to core.

#include "base/field_spec.h"
#include "sqlcipher/sqlite_util.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger::sql {

/// Which of a kind's column fields a part of a statement names.
enum class Fields {
    All,        ///< every column field
    Values,     ///< FieldRole::Value: what an update by natural key changes
    Keys,       ///< FieldRole::Key and FieldRole::Identity: the natural key's columns
    Changeable, ///< all but FieldRole::Identity: what an update by row id may change
};

/// The Storage::Column fields of one kind, in spec order, bound to the consecutive statement
/// parameters ?first, ?first + 1, ...: every statement built from one SpecColumns takes the
/// same bindings, so an insert and its update share them.
template <typename Record> class SpecColumns {
public:
    SpecColumns(const RecordSpec<Record>& spec, int first) : m_first(first) {
        for (const FieldSpec<Record>& f : spec.fields) {
            if (f.storage == Storage::Column) {
                m_fields.push_back(&f);
            }
        }
    }

    /// How many parameters the columns take.
    [[nodiscard]] int size() const { return static_cast<int>(m_fields.size()); }
    /// The parameter after the last column's.
    [[nodiscard]] int next() const { return m_first + size(); }

    /// `a, b, c`, each column name after `prefix` (a table alias such as `s.`).
    [[nodiscard]] std::string names(std::string_view prefix = {},
                                    Fields which = Fields::All) const {
        return join(which, ", ", [&](const FieldSpec<Record>& f, int) {
            return std::string(prefix) + std::string(f.name);
        });
    }
    /// `?3, ?4, ?5`: every column's parameter, for the VALUES of an insert of names().
    [[nodiscard]] std::string parameters() const {
        return join(Fields::All, ", ", [](const FieldSpec<Record>&, int parameter) {
            return "?" + std::to_string(parameter);
        });
    }
    /// `a = ?3, b = ?4`: for the SET of an update.
    [[nodiscard]] std::string assignments(Fields which) const {
        return join(which, ", ", [](const FieldSpec<Record>& f, int parameter) {
            return std::string(f.name) + " = ?" + std::to_string(parameter);
        });
    }
    /// `a = ?3 AND b = ?4`: for the WHERE of a statement by natural key.
    [[nodiscard]] std::string conditions(Fields which = Fields::Keys) const {
        return join(which, " AND ", [](const FieldSpec<Record>& f, int parameter) {
            return std::string(f.name) + " = ?" + std::to_string(parameter);
        });
    }

    /// Binds each column's value to its parameter (only the `which` columns, for a statement
    /// naming only those): the field's canonical text; NULL for an absent optional value
    /// (empty text, or the field's noneWord); numbers as integers, as their INTEGER columns
    /// keep them.
    void bind(Statement& st, const Record& record, Fields which = Fields::All) const {
        int parameter = m_first;
        for (const FieldSpec<Record>* f : m_fields) {
            if (!wanted(*f, which)) {
                ++parameter;
                continue;
            }
            const std::string text = f->format(record);
            if (f->optional && (text.empty() || (!f->noneWord.empty() && text == f->noneWord))) {
                st.bindNull(parameter);
            } else if (f->type == FieldType::Number) {
                // The text of a number field is its decimal form (format's own output).
                st.bind(parameter, spec::parseWholeNumber(text).value_or(0));
            } else {
                st.bind(parameter, text);
            }
            ++parameter;
        }
    }

    /// Reads the columns, in names() order, from result column `column` on: each through its
    /// field's parse, NULL as empty text. What the schema's checks let in always parses.
    void read(const Statement& st, int column, Record& record) const {
        for (const FieldSpec<Record>* f : m_fields) {
            (void)f->parse(record, st.isNull(column) ? std::string() : st.text(column));
            ++column;
        }
    }

private:
    [[nodiscard]] static bool wanted(const FieldSpec<Record>& f, Fields which) {
        switch (which) {
        case Fields::All:
            return true;
        case Fields::Values:
            return f.role == FieldRole::Value;
        case Fields::Keys:
            return f.role != FieldRole::Value;
        case Fields::Changeable:
            return f.role != FieldRole::Identity;
        }
        return false;
    }

    template <typename Part>
    [[nodiscard]] std::string join(Fields which, std::string_view separator, Part part) const {
        std::string out;
        int parameter = m_first;
        for (const FieldSpec<Record>* f : m_fields) {
            if (wanted(*f, which)) {
                out += (out.empty() ? "" : std::string(separator)) + part(*f, parameter);
            }
            ++parameter;
        }
        return out;
    }

    int m_first;
    std::vector<const FieldSpec<Record>*> m_fields;
};

} // namespace ledger::sql
