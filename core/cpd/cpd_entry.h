#pragma once

// A CPD entry (rules/learning-record.md section 2): what a person learnt, when, for how many
// hours and against which standards and audit themes; its hours as written in files and
// forms (section 1); the HCPC type of each CPD type (section 4); and what makes one valid
// (section 9).

#include "base/date.h"
#include "base/error.h"
#include "base/field_spec.h"
#include "base/ids.h"
#include "base/validation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ledger {

enum class CpdType {
    Course,
    ELearning,
    PracticeForum,
    NqSession,
    Supervision,
    ReflectiveDiscussion,
    ReadingResearch,
    Shadowing,
    Conference,
    Other
};

/// `course`, `e_learning`, `practice_forum`, `nq_session`, `supervision`,
/// `reflective_discussion`, `reading_research`, `shadowing`, `conference`, `other`.
[[nodiscard]] std::string cpdTypeCode(CpdType type);
[[nodiscard]] std::optional<CpdType> parseCpdType(std::string_view code);

enum class CpdStatus { Draft, Final };

/// `draft`, `final`.
[[nodiscard]] std::string cpdStatusCode(CpdStatus status);
[[nodiscard]] std::optional<CpdStatus> parseCpdStatus(std::string_view code);

/// The HCPC's CPD activity types (section 4). No CPD type maps to Professional in this
/// version; it is here because HCPC names it.
enum class HcpcType { FormalEducational, WorkBased, SelfDirected, Professional, Other };

/// `formal_educational`, `work_based`, `self_directed`, `professional`, `other`.
[[nodiscard]] std::string hcpcTypeCode(HcpcType type);
[[nodiscard]] std::optional<HcpcType> parseHcpcType(std::string_view code);

/// The HCPC type of a CPD type (section 4).
[[nodiscard]] HcpcType hcpcTypeOf(CpdType type);

/// Hours held exactly, as whole hundredths of an hour (7.5 hours is 750); never floating point.
using Hundredths = std::int64_t;

/// The most hours one entry may record (section 9), in hundredths.
inline constexpr Hundredths kMaxCpdHours = 1000 * 100;

/// Parses hours written `[0-9]+(\.[0-9]{1,2})?` (section 1): `7.5` is 750, `0` is 0. Nullopt
/// when the text is not in that form (no sign, no spaces, no exponent, no `7.`, no `.5`) or is
/// too large to hold (more than 10^15 hours); the range is validation's business.
[[nodiscard]] std::optional<Hundredths> parseHours(std::string_view text);

/// Hours written with two decimals: 750 is `7.50`, 0 is `0.00`.
[[nodiscard]] std::string formatHours(Hundredths hours);

/// The source of an entry made from a session of theirs: the session's key.
struct CpdSessionSource {
    std::string sessionKey;
    friend bool operator==(const CpdSessionSource&, const CpdSessionSource&) = default;
};

/// The source of an entry made from a completion of theirs: the completion's id.
struct CpdCompletionSource {
    RecordId completionId = 0;
    friend bool operator==(const CpdCompletionSource&, const CpdCompletionSource&) = default;
};

/// Where an entry came from; set only by the app, kept by imports, used by no figure.
using CpdSource = std::variant<CpdSessionSource, CpdCompletionSource>;

/// One CPD entry, keyed (employee_id, date, title). Entries dated before the person started
/// count.
struct CpdEntry {
    RecordId id = 0;
    std::string employeeId;
    Date date{};
    std::string title;
    CpdType type = CpdType::Course;
    Hundredths hours = 0; ///< 0 to 1000 hours (0 to kMaxCpdHours)
    std::string description;
    std::string learning;
    std::string impact;
    std::string peerReflection;      ///< the peer named by job title only; empty when none
    std::set<std::string> standards; ///< `4.1`..`4.8` (a set: kept in byte order, no repeats)
    std::set<std::string> themes;    ///< audit theme keys (a set: byte order, no repeats)
    CpdStatus status = CpdStatus::Draft;
    std::optional<CpdSource> source;
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    /// When `peer_reflection` is not blank (section 1: empty or only spaces, tabs, CR, LF).
    [[nodiscard]] bool hasPeerReflection() const;

    friend bool operator==(const CpdEntry&, const CpdEntry&) = default;
};

/// The fields of an entry, in the order of the `cpd` import's columns, with the theme links,
/// the hours (whole hundredths) and the source kept by the repository.
[[nodiscard]] const RecordSpec<CpdEntry>& cpdSpec();

/// A list cell (standards, themes): the items in byte order with `;` between.
[[nodiscard]] std::string joinCpdList(const std::set<std::string>& items);
/// A list cell read back, nothing trimmed: an empty cell is an empty set (a repeated item is
/// the parser's to report first).
[[nodiscard]] std::set<std::string> splitCpdList(std::string_view cell);

/// How the change log names an entry's source: `session KEY`, `completion ID`, or empty.
[[nodiscard]] std::string cpdSourceText(const std::optional<CpdSource>& source);

/// Whether `code` is one of the standards `4.1`..`4.8`, exactly.
[[nodiscard]] bool isCpdStandard(std::string_view code);

/// What an entry may refer to: people and today's date (`base`), and the ledger's audit
/// themes (by key).
struct CpdContext {
    const ValidationContext& base;
    std::function<bool(std::string_view)> hasTheme;
};

/// Every problem with one entry, field by field (section 9; file and line left empty). An
/// empty list means the entry may be stored. Repeated items in a list cell are the business
/// of whoever parses the cell: here the lists are sets.
[[nodiscard]] std::vector<FieldError> validateCpdEntry(const CpdEntry& entry,
                                                       const CpdContext& context);

} // namespace ledger
