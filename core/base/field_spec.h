#pragma once

// One field spec per record kind: each field's name (the CSV column, the stored column, the
// change log's key and the form's field), its label, how it is read from text and written as
// text, and how a store keeps it. The importer, the change-log diff, the CSV writer, the
// stores and the app's editors all go through it, so adding a field to a kind touches its
// spec, its migration and its form.
//
// Text here is canonical: dates as YYYY-MM-DD, enums by their code, numbers in decimal. The
// app shows and reads dates as DD/MM/YYYY and turns them into canonical text first.

#include "base/date.h"
#include "base/enum_codes.h"

#include <charconv>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace ledger {

/// What kind of value a field holds.
enum class FieldType {
    Text,      ///< a string
    DateValue, ///< a date (optional or not)
    Number,    ///< a whole number in a range (optional or not)
    Choice,    ///< one of an enum's codes
    List,      ///< words separated by single spaces (e.g. module codes)
};

/// True for a field whose CSV cell is text (compliance rules section 9): text and lists, not
/// dates, numbers or choice codes, which a spreadsheet cannot take for a formula.
[[nodiscard]] constexpr bool isTextCell(FieldType type) {
    return type == FieldType::Text || type == FieldType::List;
}

/// How a store keeps a field.
enum class Storage {
    Column,       ///< a column of the field's own name: text, date or code as TEXT (NULL
                  ///< when an optional value is absent), numbers as INTEGER
    ByRepository, ///< a reference or a link table the repository writes itself
};

/// A field's place in its record.
enum class FieldRole {
    Value,    ///< an ordinary value: in the change log's before and after
    Key,      ///< part of the natural key: in the change-log entry's key, not its values
    Identity, ///< part of the key that can never change (an employee id, a module code)
};

/// One way a field's text cannot be read; each front end words it its own way (the importer
/// for a file, the app for a form).
struct FieldProblem {
    enum class Kind { Missing, NotADate, NotANumber, NotAChoice } kind = Kind::Missing;
    std::string value; ///< the text that could not be read
};

/// One of a choice field's values, by code, with how a person reads it.
struct ChoiceOption {
    std::string_view code;
    std::string_view label;
};

template <typename Record> struct FieldSpec {
    std::string_view name;
    std::string_view label;
    FieldType type = FieldType::Text;
    FieldRole role = FieldRole::Value;
    Storage storage = Storage::Column;
    bool optional = false; ///< the value may be absent (dates and numbers)
    /// An import file may leave the column out; the stored record's value is then kept.
    bool mayBeOmitted = false;
    /// Numbers: the range, the unit an import's message names, and the value an empty field
    /// takes (when not optional).
    int lo = 0;
    int hi = 0;
    std::string_view unit;
    std::optional<int> fallback;
    /// How a missing required text is named: `an employee id` (empty: the validator reports).
    std::string_view noun;
    /// The word an absent value is written as (e.g. `none` for a module that never expires);
    /// read back as absent, like empty text.
    std::string_view noneWord;
    /// Choices: every code and its label; an empty text reads as `emptyCode` when set.
    std::span<const ChoiceOption> choices;
    std::optional<std::string_view> emptyCode;

    std::function<std::string(const Record&)> format;
    /// Text fields: the text as held, without a copy (for the character checks).
    std::function<std::string_view(const Record&)> textOf;
    /// Date fields: the date, when there is one (for the range checks).
    std::function<std::optional<Date>(const Record&)> dateOf;
    /// Reads text into the record's field; a problem leaves a placeholder value.
    std::function<std::optional<FieldProblem>(Record&, std::string_view)> parse;

    /// The codes of a choice field, for messages: `SWE, HCPC or NMC` (empty codes left out).
    [[nodiscard]] std::string choiceCodes() const {
        std::vector<std::string_view> codes;
        for (const ChoiceOption& c : choices) {
            if (!c.code.empty()) {
                codes.push_back(c.code);
            }
        }
        std::string out;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            out += (i == 0 ? "" : i + 1 == codes.size() ? " or " : ", ");
            out += codes[i];
        }
        return out;
    }
};

/// Every field of one record kind, in the order of its columns.
template <typename Record> struct RecordSpec {
    std::string_view entity; ///< as the change log names the kind: `staff`, `module`
    std::vector<FieldSpec<Record>> fields;

    [[nodiscard]] const FieldSpec<Record>* find(std::string_view name) const {
        for (const FieldSpec<Record>& f : fields) {
            if (f.name == name) {
                return &f;
            }
        }
        return nullptr;
    }
    [[nodiscard]] const FieldSpec<Record>& at(std::string_view name) const {
        const FieldSpec<Record>* f = find(name);
        if (!f) {
            throw std::logic_error("no field " + std::string(name) + " in " + std::string(entity));
        }
        return *f;
    }
};

namespace spec {

inline std::optional<int> parseWholeNumber(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

/// A date from non-empty text, or the problem with it.
inline std::optional<FieldProblem> readDate(std::string_view value, std::optional<Date>& out) {
    out = parseIsoDate(value);
    return out ? std::nullopt
               : std::optional(FieldProblem{FieldProblem::Kind::NotADate, std::string(value)});
}

/// A whole number in [lo, hi] from non-empty text, or the problem with it.
inline std::optional<FieldProblem> readNumber(std::string_view value, int lo, int hi,
                                              std::optional<int>& out) {
    out = parseWholeNumber(value);
    if (!out || *out < lo || *out > hi) {
        out.reset();
        return FieldProblem{FieldProblem::Kind::NotANumber, std::string(value)};
    }
    return std::nullopt;
}

/// A field's name, label and type; the factories below fill the rest.
template <typename Record>
FieldSpec<Record> named(std::string_view name, std::string_view label, FieldType type) {
    FieldSpec<Record> f;
    f.name = name;
    f.label = label;
    f.type = type;
    return f;
}

template <typename Record>
FieldSpec<Record> text(std::string_view name, std::string_view label, std::string Record::*member) {
    FieldSpec<Record> f = named<Record>(name, label, FieldType::Text);
    f.format = [member](const Record& r) {
        return r.*member;
    };
    f.textOf = [member](const Record& r) {
        return std::string_view(r.*member);
    };
    f.parse = [member](Record& r, std::string_view value) -> std::optional<FieldProblem> {
        r.*member = std::string(value);
        return std::nullopt;
    };
    return f;
}

/// A text that must not be empty; `noun` names it in an import's message.
template <typename Record>
FieldSpec<Record> requiredText(std::string_view name, std::string_view label,
                               std::string Record::*member, std::string_view noun) {
    FieldSpec<Record> f = text(name, label, member);
    f.noun = noun;
    f.parse = [member](Record& r, std::string_view value) -> std::optional<FieldProblem> {
        r.*member = std::string(value);
        return value.empty() ? std::optional(FieldProblem{FieldProblem::Kind::Missing, {}})
                             : std::nullopt;
    };
    return f;
}

template <typename Record>
FieldSpec<Record> date(std::string_view name, std::string_view label, Date Record::*member) {
    FieldSpec<Record> f = named<Record>(name, label, FieldType::DateValue);
    f.format = [member](const Record& r) {
        return formatIso(r.*member);
    };
    f.dateOf = [member](const Record& r) {
        return std::optional<Date>(r.*member);
    };
    f.parse = [member](Record& r, std::string_view value) -> std::optional<FieldProblem> {
        if (value.empty()) {
            r.*member = Date{};
            return FieldProblem{FieldProblem::Kind::Missing, {}};
        }
        std::optional<Date> parsed;
        auto problem = readDate(value, parsed);
        r.*member = parsed.value_or(Date{});
        return problem;
    };
    return f;
}

template <typename Record>
FieldSpec<Record> optionalDate(std::string_view name, std::string_view label,
                               std::optional<Date> Record::*member) {
    FieldSpec<Record> f = named<Record>(name, label, FieldType::DateValue);
    f.optional = true;
    f.format = [member](const Record& r) {
        return (r.*member) ? formatIso(*(r.*member)) : std::string();
    };
    f.dateOf = [member](const Record& r) {
        return r.*member;
    };
    f.parse = [member](Record& r, std::string_view value) -> std::optional<FieldProblem> {
        r.*member = std::nullopt;
        return value.empty() ? std::nullopt : readDate(value, r.*member);
    };
    return f;
}

/// A number field's name, label, range and unit.
template <typename Record>
FieldSpec<Record> ranged(std::string_view name, std::string_view label, int lo, int hi,
                         std::string_view unit) {
    FieldSpec<Record> f = named<Record>(name, label, FieldType::Number);
    f.lo = lo;
    f.hi = hi;
    f.unit = unit;
    return f;
}

/// A whole number from lo to hi; an empty field takes `fallback`, or is missing without one.
template <typename Record>
FieldSpec<Record> number(std::string_view name, std::string_view label, int Record::*member, int lo,
                         int hi, std::string_view unit, std::optional<int> fallback) {
    FieldSpec<Record> f = ranged<Record>(name, label, lo, hi, unit);
    f.fallback = fallback;
    f.format = [member](const Record& r) {
        return std::to_string(r.*member);
    };
    f.parse = [member, lo, hi, fallback](Record& r,
                                         std::string_view value) -> std::optional<FieldProblem> {
        r.*member = fallback.value_or(lo);
        if (value.empty()) {
            return fallback ? std::nullopt
                            : std::optional(FieldProblem{FieldProblem::Kind::Missing, {}});
        }
        std::optional<int> parsed;
        auto problem = readNumber(value, lo, hi, parsed);
        r.*member = parsed.value_or(r.*member);
        return problem;
    };
    return f;
}

/// A whole number from lo to hi, or absent (empty text, or `noneWord` when given).
template <typename Record>
FieldSpec<Record> optionalNumber(std::string_view name, std::string_view label,
                                 std::optional<int> Record::*member, int lo, int hi,
                                 std::string_view unit, std::string_view noneWord = {}) {
    FieldSpec<Record> f = ranged<Record>(name, label, lo, hi, unit);
    f.optional = true;
    f.noneWord = noneWord;
    f.format = [member, noneWord](const Record& r) {
        return (r.*member) ? std::to_string(*(r.*member)) : std::string(noneWord);
    };
    f.parse = [member, lo, hi, noneWord](Record& r,
                                         std::string_view value) -> std::optional<FieldProblem> {
        r.*member = std::nullopt;
        if (value.empty() || (!noneWord.empty() && value == noneWord)) {
            return std::nullopt;
        }
        auto problem = readNumber(value, lo, hi, r.*member);
        if (problem) {
            r.*member = lo; // a placeholder, so that checks of the other fields run as usual
        }
        return problem;
    };
    return f;
}

/// One of an enum's values by its code (the enum's own parse/format pair); an empty text
/// reads as `emptyCode` when given.
template <typename Record, typename Enum, std::size_t N>
FieldSpec<Record> choice(std::string_view name, std::string_view label, Enum Record::*member,
                         const CodeTable<Enum, N>& codes, std::span<const ChoiceOption> options,
                         std::optional<std::string_view> emptyCode = std::nullopt) {
    FieldSpec<Record> f = named<Record>(name, label, FieldType::Choice);
    f.choices = options;
    f.emptyCode = emptyCode;
    f.format = [member, &codes](const Record& r) {
        return codeOf(codes, r.*member);
    };
    f.parse = [member, &codes, emptyCode](Record& r,
                                          std::string_view value) -> std::optional<FieldProblem> {
        const std::string_view code = value.empty() && emptyCode ? *emptyCode : value;
        if (const auto parsed = parseCode(codes, code)) {
            r.*member = *parsed;
            return std::nullopt;
        }
        return FieldProblem{FieldProblem::Kind::NotAChoice, std::string(value)};
    };
    return f;
}

/// Words separated by single spaces (e.g. the module codes a theme links to).
template <typename Record>
FieldSpec<Record> list(std::string_view name, std::string_view label,
                       std::vector<std::string> Record::*member) {
    FieldSpec<Record> f = named<Record>(name, label, FieldType::List);
    f.storage = Storage::ByRepository;
    f.format = [member](const Record& r) {
        std::string out;
        for (const std::string& word : r.*member) {
            out += (out.empty() ? "" : " ") + word;
        }
        return out;
    };
    f.parse = [member](Record& r, std::string_view value) -> std::optional<FieldProblem> {
        (r.*member).clear();
        std::size_t start = 0;
        while (start < value.size()) {
            const std::size_t space = value.find_first_of(" \t\n", start);
            const std::size_t end = space == std::string_view::npos ? value.size() : space;
            if (end > start) {
                (r.*member).emplace_back(value.substr(start, end - start));
            }
            start = end + 1;
        }
        return std::nullopt;
    };
    return f;
}

/// Marks a field: its role in the key, how it is stored, whether a file may leave it out.
template <typename Record>
FieldSpec<Record> with(FieldSpec<Record> f, FieldRole role, Storage storage = Storage::Column) {
    f.role = role;
    f.storage = storage;
    return f;
}
template <typename Record> FieldSpec<Record> stored(FieldSpec<Record> f, Storage storage) {
    f.storage = storage;
    return f;
}
template <typename Record> FieldSpec<Record> omittable(FieldSpec<Record> f) {
    f.mayBeOmitted = true;
    return f;
}

} // namespace spec

/// A record's fields as (name, canonical text), for the change log and the CSV writer.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

/// The fields of a record with the given roles, in spec order.
template <typename Record>
[[nodiscard]] FieldValues valuesOf(const RecordSpec<Record>& spec, const Record& record,
                                   bool values, bool keys, bool identity) {
    FieldValues out;
    for (const FieldSpec<Record>& f : spec.fields) {
        const bool wanted = (f.role == FieldRole::Value && values) ||
                            (f.role == FieldRole::Key && keys) ||
                            (f.role == FieldRole::Identity && identity);
        if (wanted) {
            out.emplace_back(std::string(f.name), f.format(record));
        }
    }
    return out;
}

/// How an import file's problem with a field reads: `'x' is not a date in the form
/// YYYY-MM-DD`.
template <typename Record>
[[nodiscard]] std::string importMessage(const FieldSpec<Record>& f, const FieldProblem& p) {
    using Kind = FieldProblem::Kind;
    switch (p.kind) {
    case Kind::Missing:
        if (f.type == FieldType::DateValue) {
            return "a date is required (YYYY-MM-DD)";
        }
        if (f.type == FieldType::Number) {
            return "a whole number of " + std::string(f.unit) + " is required";
        }
        return std::string(f.noun.empty() ? f.label : f.noun) + " is required";
    case Kind::NotADate:
        return "'" + p.value + "' is not a date in the form YYYY-MM-DD";
    case Kind::NotANumber:
        return "'" + p.value + "' is not a whole number of " + std::string(f.unit) + " from " +
               std::to_string(f.lo) + " to " + std::to_string(f.hi);
    case Kind::NotAChoice:
        return "'" + p.value + "' is not " + f.choiceCodes();
    }
    return {};
}

} // namespace ledger
