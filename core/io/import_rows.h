#pragma once

// What the feature imports of rules/sessions.md and rules/learning-record.md share: a data
// row read by column name, the problems of one import (each naming file, line and column,
// thrown sorted), `;` list cells, and the checks of titles, long texts, lists and whole
// numbers as those pages word them. Private to core.

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/validation.h"
#include "io/csv.h"
#include "io/import_service.h"
#include "io/importer.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ledger::csvimport {

/// One data row of an import, with the file's column positions.
class Row {
public:
    Row(const CsvRecord& record, const std::map<std::string, std::size_t>& columns)
        : m_record(record), m_columns(columns) {}

    [[nodiscard]] const std::string& operator[](const char* column) const {
        static const std::string kEmpty;
        const auto found = m_columns.find(column);
        return found == m_columns.end() || found->second >= m_record.fields.size()
                   ? kEmpty
                   : m_record.fields[found->second];
    }
    [[nodiscard]] int line() const { return m_record.line; }

private:
    const CsvRecord& m_record;
    const std::map<std::string, std::size_t>& m_columns;
};

/// The problems of one import: each names the file, the line and the column.
class Problems {
public:
    Problems(std::string file, const ImportColumns& columns)
        : m_file(std::move(file)), m_order(columns.required) {}

    void add(int line, std::string column, std::string message) {
        m_errors.push_back(FieldError{m_file, line, std::move(column), std::move(message)});
    }
    void take(std::vector<FieldError>& errors) {
        for (FieldError& e : errors) {
            m_errors.push_back(std::move(e));
        }
        errors.clear();
    }
    [[nodiscard]] bool any() const { return !m_errors.empty(); }
    /// How many problems line `line` has so far.
    [[nodiscard]] std::size_t countOn(int line) const {
        return static_cast<std::size_t>(std::count_if(
            m_errors.begin(), m_errors.end(), [&](const FieldError& e) { return e.line == line; }));
    }
    /// Throws every problem, by line and then by the column's place in the import's list; one
    /// problem per column and line (the first found: the CSV's and the characters' first).
    void throwIfAny() {
        if (m_errors.empty()) {
            return;
        }
        const auto place = [&](const std::string& column) {
            const auto found = std::find(m_order.begin(), m_order.end(), column);
            return static_cast<std::size_t>(found - m_order.begin());
        };
        std::stable_sort(m_errors.begin(), m_errors.end(),
                         [&](const FieldError& a, const FieldError& b) {
                             if (a.line != b.line) {
                                 return a.line < b.line;
                             }
                             return place(a.field) < place(b.field);
                         });
        std::set<std::pair<int, std::string>> seen;
        std::vector<FieldError> kept;
        for (FieldError& e : m_errors) {
            if (e.field.empty() || seen.emplace(e.line, e.field).second) {
                kept.push_back(std::move(e));
            }
        }
        throw ValidationError(std::move(kept));
    }

private:
    std::string m_file;
    std::vector<std::string> m_order;
    std::vector<FieldError> m_errors;
};

/// A `;` list, nothing trimmed; an empty cell is an empty list.
inline std::vector<std::string> splitList(std::string_view cell) {
    std::vector<std::string> items;
    if (cell.empty()) {
        return items;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t semi = cell.find(';', start);
        items.emplace_back(
            cell.substr(start, semi == std::string_view::npos ? std::string::npos : semi - start));
        if (semi == std::string_view::npos) {
            return items;
        }
        start = semi + 1;
    }
}

/// Checks a list: no empty or repeated item, each one known.
inline void checkList(Problems& problems, int line, const char* column,
                      const std::vector<std::string>& items,
                      const std::function<bool(const std::string&)>& known, const char* what) {
    std::set<std::string> seen;
    for (const std::string& item : items) {
        if (item.empty()) {
            problems.add(line, column, "empty item");
            return;
        }
        if (!seen.insert(item).second) {
            problems.add(line, column, "repeated item " + item);
            return;
        }
        if (!known(item)) {
            problems.add(line, column, std::string("unknown ") + what + " " + item);
            return;
        }
    }
}

/// Digits only, from `lo` to `hi`.
inline std::optional<int> digitsIn(std::string_view text, int lo, int hi) {
    if (text.empty() || text.size() > 6 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    const int value = std::stoi(std::string(text));
    return value >= lo && value <= hi ? std::optional(value) : std::nullopt;
}

/// A text that must hold something (not blank) and at most `most` code points.
inline void checkTitle(Problems& problems, int line, const char* column, const std::string& text) {
    if (blank(text)) {
        problems.add(line, column, "blank");
    } else if (codePoints(text) > kMaxTitleLength) {
        problems.add(line, column, "more than 200 characters");
    }
}

inline void checkLongText(Problems& problems, int line, const char* column,
                          const std::string& text) {
    if (codePoints(text) > kMaxLongTextLength) {
        problems.add(line, column, "more than 10,000 characters");
    }
}

inline ChangeLogEntry importEntry(std::string_view actor, std::string_view fileName,
                                  std::string_view kind, const ImportSummary& summary) {
    return logEntry(actor, "import", std::string(fileName), "import", "",
                    json({{"kind", std::string(kind)},
                          {"added", std::to_string(summary.added)},
                          {"updated", std::to_string(summary.updated)},
                          {"unchanged", std::to_string(summary.unchanged)}}));
}

} // namespace ledger::csvimport
