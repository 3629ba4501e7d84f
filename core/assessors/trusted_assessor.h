#pragma once

// A trusted-assessor authorisation (rules/learning-record.md section 7): who may assess
// people for which community equipment, at which level, once trained, observed and signed
// off, for as long as their refreshers keep them in date; its status on a date D; its fields
// as the `trusted-assessors` import's columns (section 8); and what makes one valid
// (section 9). "Trusted assessor" here is the community-equipment meaning, not the NHS
// hospital-discharge model.

#include "base/date.h"
#include "base/error.h"
#include "base/field_spec.h"
#include "base/ids.h"
#include "base/validation.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class AssessorLevel { Level3, Level4, InHouse };

/// `level_3`, `level_4`, `in_house`.
[[nodiscard]] std::string assessorLevelCode(AssessorLevel level);
[[nodiscard]] std::optional<AssessorLevel> parseAssessorLevel(std::string_view code);
/// How a person reads a level: `Level 3 (minor adaptations)`, `Level 4 (major adaptations)`,
/// `In-house`.
[[nodiscard]] std::string_view assessorLevelLabel(AssessorLevel level);
/// Every level, by code, with its label (for the app's choices).
[[nodiscard]] std::span<const ChoiceOption> assessorLevelOptions();

/// The equipment categories the ledger's list is seeded with (section 7), in the page's
/// order, each with its label: `toilet_frames` (Toilet frames), `grab_rails`, `commodes`,
/// `bathing_equipment`, `perching_stools`, `chair_raisers`, `bed_raisers`, `other`.
[[nodiscard]] std::span<const ChoiceOption> seededEquipmentCategories();
/// Whether `code` is one of the seeded categories, exactly.
[[nodiscard]] bool isSeededCategory(std::string_view code);
/// Whether `code` has the form of a category code the app may add: `[a-z0-9_]{1,40}`.
[[nodiscard]] bool isCategoryCode(std::string_view code);

/// The longest category code (section 7).
inline constexpr std::size_t kMaxCategoryCodeLength = 40;
/// observed_assessments runs from 0 to this (section 9); it defaults to 0.
inline constexpr int kMaxObservedAssessments = 999;
/// refresher_months runs from 1 to this (section 9) ...
inline constexpr int kMaxRefresherMonths = 120;
/// ... and defaults to this (section 7).
inline constexpr int kDefaultRefresherMonths = 12;

/// One authorisation, keyed (employee_id, level).
struct TrustedAssessor {
    RecordId id = 0;
    std::string employeeId;
    AssessorLevel level = AssessorLevel::Level3;
    std::set<std::string> categories; ///< codes of the ledger's list (a set: byte order)
    Date trainedOn{};
    int observedAssessments = 0;                   ///< 0 to kMaxObservedAssessments
    std::string signedOffBy;                       ///< the signer's employee id; empty when none
    std::optional<Date> signedOffOn;               ///< empty when not signed off
    int refresherMonths = kDefaultRefresherMonths; ///< 1 to kMaxRefresherMonths
    std::set<Date> refreshers;                     ///< by date (a set: no repeats)
    std::string restrictions;                      ///< free text, at most 10,000 code points
    std::optional<Date> withdrawnOn;
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const TrustedAssessor&, const TrustedAssessor&) = default;
};

enum class AssessorStatus { Authorised, InTraining, Lapsed, Withdrawn };

/// `authorised`, `in_training`, `lapsed`, `withdrawn`.
[[nodiscard]] std::string assessorStatusCode(AssessorStatus status);
[[nodiscard]] std::optional<AssessorStatus> parseAssessorStatus(std::string_view code);
/// `Authorised`, `In training`, `Lapsed`, `Withdrawn`.
[[nodiscard]] std::string_view assessorStatusLabel(AssessorStatus status);

/// An authorisation's figures on D.
struct AssessorFigures {
    AssessorStatus status = AssessorStatus::InTraining;
    /// add_months(base, refresher_months) - 1 day, base the latest of signed_off_on and the
    /// refreshers dated <= D; empty when withdrawn or in training.
    std::optional<Date> refresherDue;
    /// The latest refresher dated <= D, whatever the status; empty when none.
    std::optional<Date> lastRefresher;

    friend bool operator==(const AssessorFigures&, const AssessorFigures&) = default;
};

/// Section 7 on D (`asOf`), the first that holds: `withdrawn` when withdrawn_on <= D;
/// `in_training` when there is no sign-off or signed_off_on > D; else `authorised` when
/// D <= refresher_due, `lapsed` after it.
[[nodiscard]] AssessorFigures checkTrustedAssessor(const TrustedAssessor& assessor,
                                                   const Date& asOf);

/// Whether the person may assess for equipment `category` on D: authorised on D (section 7)
/// and the category is one of theirs.
[[nodiscard]] bool mayAssess(const TrustedAssessor& assessor, std::string_view category,
                             const Date& asOf);

/// Whether an authorisation in date on D lapses within `days` of it: authorised on D and
/// refresher_due <= D + days (the team view's "lapses in the next 90 days").
[[nodiscard]] bool lapsesWithin(const TrustedAssessor& assessor, const Date& asOf, int days);

/// The fields of an authorisation, in the order of the `trusted-assessors` import's columns
/// (section 8): list cells `categories` and `refreshers` are written in byte order with `;`
/// between and read back without trimming (an empty cell is an empty list).
[[nodiscard]] const RecordSpec<TrustedAssessor>& trustedAssessorSpec();

/// What an authorisation may refer to: people and today's date (`base`), the ledger's
/// category list, and what a signer was on the day they signed off. A lookup left empty is
/// not asked: categories are then checked against the seeded list, and the signer's
/// activity and role are not checked.
struct TrustedAssessorContext {
    const ValidationContext& base;
    /// Whether `code` is in the ledger's equipment-category list.
    std::function<bool(std::string_view code)> hasCategory;
    /// Whether the person was active on `day` (compliance rules section 2).
    std::function<bool(std::string_view employeeId, const Date& day)> wasActiveOn;
    /// Whether the person's role has `can_sign_off`.
    std::function<bool(std::string_view employeeId)> canSignOff;
    /// Whether the signer's activity and role are checked: section 9 checks them for rows
    /// that add or change a record, so an import passes false for a row it leaves unchanged.
    bool checkSigner = true;
};

/// Every problem with one authorisation, field by field, each named by its column (section
/// 9; file and line left empty). An empty list means it may be stored. Repeated items in a
/// list cell are the business of whoever parses the cell: here the lists are sets.
[[nodiscard]] std::vector<FieldError>
validateTrustedAssessor(const TrustedAssessor& assessor, const TrustedAssessorContext& context);

} // namespace ledger
