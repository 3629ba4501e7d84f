#pragma once

// Small checks the use cases share: collecting field errors, blank and trimmed text, and
// counted phrases for refusals ("2 people and 1 rule use team East").

#include "base/error.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

inline void require(std::vector<FieldError>& errors, bool ok, const char* field,
                    std::string message) {
    if (!ok) {
        errors.push_back(FieldError{{}, 0, field, std::move(message)});
    }
}

inline void throwIfAny(const std::vector<FieldError>& errors) {
    if (!errors.empty()) {
        throw ValidationError(errors);
    }
}

/// Unicode code points in valid UTF-8 (continuation bytes are not counted).
inline std::size_t codePoints(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
    return count;
}

inline bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

inline std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

/// "1 person", "3 people".
inline std::string counted(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// "a uses", "a and b use", "a, b and c use" (each part a count, so plural when joined).
inline std::string usedBy(const std::vector<std::string>& parts) {
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    const bool one = parts.size() == 1 && parts[0].starts_with("1 ");
    return text + (one ? " uses" : " use");
}

} // namespace ledger
