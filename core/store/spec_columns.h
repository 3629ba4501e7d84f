#pragma once

// The columns a record kind keeps in a store, from its field spec: each Storage::Column field
// is the column of its own name, in both engines. Statements are written from these lists
// (names, parameters, assignments, key conditions) and values are bound as each field's
// canonical text and read back through its parse, so that a new field needs its spec and a
// migration per engine, not a new line in every statement. Fields kept by a repository
// itself (Storage::ByRepository: references such as team_id, link tables) are written by
// hand around them. Each engine adds its own binding and reading (sqlcipher/spec_columns.h,
// postgres/spec_params.h). Private to core.

#include "base/field_spec.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// Which of a kind's column fields a part of a statement names.
enum class Fields {
    All,        ///< every column field
    Values,     ///< FieldRole::Value: what an update by natural key changes
    Keys,       ///< FieldRole::Key and FieldRole::Identity: the natural key's columns
    Changeable, ///< all but FieldRole::Identity: what an update by row id may change
};

/// How an engine writes statement parameter N.
enum class Placeholder {
    Question, ///< SQLite: `?N`
    Dollar,   ///< PostgreSQL: `$N::type`, typed from the field (a date, a whole number, text)
};

/// The Storage::Column fields of one kind, in spec order, bound to the consecutive statement
/// parameters first, first + 1, ...: every statement built from one list takes the same
/// bindings, so an insert and its update share them.
template <typename Record> class SpecColumnList {
public:
    SpecColumnList(const RecordSpec<Record>& spec, int first, Placeholder placeholder)
        : m_first(first), m_placeholder(placeholder) {
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
    /// The fields, in names() order.
    [[nodiscard]] const std::vector<const FieldSpec<Record>*>& fields() const { return m_fields; }

    /// `a, b, c`, each column name after `prefix` (a table alias such as `s.`).
    [[nodiscard]] std::string names(std::string_view prefix = {},
                                    Fields which = Fields::All) const {
        return join(which, ", ", [&](const FieldSpec<Record>& f, int) {
            return std::string(prefix) + std::string(f.name);
        });
    }
    /// `?3, ?4, ?5`: every column's parameter, for the VALUES of an insert of names().
    [[nodiscard]] std::string parameters() const {
        return join(Fields::All, ", ", [this](const FieldSpec<Record>& f, int parameter) {
            return placeholder(f, parameter);
        });
    }
    /// `a = ?3, b = ?4`: for the SET of an update.
    [[nodiscard]] std::string assignments(Fields which) const {
        return join(which, ", ", [this](const FieldSpec<Record>& f, int parameter) {
            return std::string(f.name) + " = " + placeholder(f, parameter);
        });
    }
    /// `a = ?3 AND b = ?4`: for the WHERE of a statement by natural key.
    [[nodiscard]] std::string conditions(Fields which = Fields::Keys) const {
        return join(which, " AND ", [this](const FieldSpec<Record>& f, int parameter) {
            return std::string(f.name) + " = " + placeholder(f, parameter);
        });
    }

    /// Whether a statement naming the `which` columns binds field `f`.
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

    /// The value a column keeps: the field's canonical text, or nullopt (NULL) for an absent
    /// optional value (empty text, or the field's noneWord). A number's text is its decimal
    /// form.
    [[nodiscard]] static std::optional<std::string> stored(const FieldSpec<Record>& f,
                                                           const Record& record) {
        std::string text = f.format(record);
        if (f.optional && (text.empty() || (!f.noneWord.empty() && text == f.noneWord))) {
            return std::nullopt;
        }
        return text;
    }

protected:
    [[nodiscard]] int first() const { return m_first; }

private:
    [[nodiscard]] std::string placeholder(const FieldSpec<Record>& f, int parameter) const {
        if (m_placeholder == Placeholder::Question) {
            return "?" + std::to_string(parameter);
        }
        const char* type = f.type == FieldType::DateValue ? "::date"
                           : f.type == FieldType::Number  ? "::integer"
                                                          : "::text";
        return "$" + std::to_string(parameter) + type;
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
    Placeholder m_placeholder;
    std::vector<const FieldSpec<Record>*> m_fields;
};

} // namespace ledger
