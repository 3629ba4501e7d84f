#pragma once

// The Assessed and Supported Year in Employment (rules/learning-record.md section 5): one
// enrolment per person, its review dates, the reviews overdue and the next review on a date
// D, and the gaps between supervisions; the `asye` and `supervisions` import columns
// (section 8); and what makes an enrolment or a supervision valid (section 9). Pure: no
// store, no clock (D and today are given).

#include "base/date.h"
#include "base/error.h"
#include "base/field_spec.h"
#include "base/ids.h"
#include "base/validation.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// The reviews of the year, in the order reports list them (`3m;6m;9m;final`).
enum class AsyeReview { ThreeMonth, SixMonth, NineMonth, Final };

/// `3m`, `6m`, `9m`, `final`.
[[nodiscard]] std::string asyeReviewCode(AsyeReview review);
[[nodiscard]] std::optional<AsyeReview> parseAsyeReview(std::string_view code);

/// A review's outcome; an empty cell is no outcome (std::nullopt). `not_held` is an outcome.
enum class ReviewOutcome { OnTrack, Concerns, NotHeld };

/// `on_track`, `concerns`, `not_held`.
[[nodiscard]] std::string reviewOutcomeCode(ReviewOutcome outcome);
[[nodiscard]] std::optional<ReviewOutcome> parseReviewOutcome(std::string_view code);

/// The programme's outcome; an empty cell is none yet (std::nullopt).
enum class AsyeOutcome { Passed, Extended, NotPassed, Withdrawn };

/// `passed`, `extended`, `not_passed`, `withdrawn`.
[[nodiscard]] std::string asyeOutcomeCode(AsyeOutcome outcome);
[[nodiscard]] std::optional<AsyeOutcome> parseAsyeOutcome(std::string_view code);

/// The most months a year may be extended by (section 9).
inline constexpr int kMaxExtensionMonths = 12;

/// One person's ASYE enrolment, keyed by employee_id (one per person). Outcomes are undated
/// current values: they count on every D.
struct AsyeEnrolment {
    RecordId id = 0;
    std::string employeeId;
    Date start{}; ///< S
    std::string assessorId;
    std::string supervisorId;
    int protectedTimePercent = 10; ///< 0 to 100; used in no figure
    bool nineMonthReview = false;  ///< whether there is a `9m` review
    int extensionMonths = 0;       ///< 0 to 12; moves the final review
    std::optional<ReviewOutcome> outcome3m;
    std::optional<ReviewOutcome> outcome6m;
    std::optional<ReviewOutcome> outcome9m; ///< empty unless nineMonthReview
    std::optional<ReviewOutcome> outcomeFinal;
    std::optional<AsyeOutcome> outcome;
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const AsyeEnrolment&, const AsyeEnrolment&) = default;
};

/// One supervision of an enrolled person, keyed (employee_id, date): one per person and day.
struct Supervision {
    RecordId id = 0;
    std::string employeeId;
    Date date{};
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const Supervision&, const Supervision&) = default;
};

/// Whether the programme is closed (section 5): its outcome is `passed`, `not_passed` or
/// `withdrawn` (`extended` keeps it open).
[[nodiscard]] bool isClosed(const AsyeEnrolment& enrolment);

/// The outcome recorded for one review, if any.
[[nodiscard]] std::optional<ReviewOutcome> reviewOutcome(const AsyeEnrolment& enrolment,
                                                         AsyeReview review);

/// The review dates (section 5), each add_months from S in one step.
struct AsyeReviewDates {
    Date threeMonth{};               ///< add_months(S, 3)
    Date sixMonth{};                 ///< add_months(S, 6)
    std::optional<Date> nineMonth{}; ///< add_months(S, 9), only with nine_month_review
    Date finalReview{};              ///< add_months(S, 12 + extension_months)

    /// The date of one review; nullopt for `9m` without nine_month_review.
    [[nodiscard]] std::optional<Date> of(AsyeReview review) const;

    friend bool operator==(const AsyeReviewDates&, const AsyeReviewDates&) = default;
};

/// Section 5's review dates of an enrolment (`final` from 2024-02-29 with 1 month's extension
/// is 2025-03-29: thirteen months in one step, not twelve and then one).
[[nodiscard]] AsyeReviewDates asyeReviewDates(const AsyeEnrolment& enrolment);

/// The supervision expected from a gap point on (section 5: the phase of the point): weekly
/// for six weeks from S, fortnightly to add_months(S, 6), then monthly.
enum class SupervisionCadence { Weekly, Fortnightly, Monthly };

/// A gap between supervisions: `from..to`, both gap points (section 5), and the cadence the
/// phase of `from` expected.
struct SupervisionGap {
    Date from{};
    Date to{};
    SupervisionCadence cadence = SupervisionCadence::Weekly;

    friend bool operator==(const SupervisionGap&, const SupervisionGap&) = default;
};

/// Section 5's supervision gaps on D. With E = min(D, final review date), the gap points are
/// the distinct dates among S, the supervisions dated S to E (others are ignored; their order
/// and repeats do not matter) and, unless closed, E itself, ascending; none when E < S. For
/// each consecutive pair (a, b) the phase of a decides: weekly while a < S + 42 days (a gap
/// when b - a > 7 days), fortnightly while a < add_months(S, 6) (b - a > 14 days), then
/// monthly (b > add_months(a, 1)). By date.
[[nodiscard]] std::vector<SupervisionGap>
asyeSupervisionGaps(const AsyeEnrolment& enrolment, std::span<const Date> supervisionDates,
                    const Date& asOf);

/// The figures of one enrolment on D (the `report asye` columns but team and outcome).
struct AsyeFigures {
    AsyeReviewDates reviews;
    /// Reviews dated before D without an outcome, in the order 3m, 6m, 9m, final; none when
    /// closed.
    std::vector<AsyeReview> overdue;
    /// The earliest review dated on or after D without an outcome; none when closed.
    std::optional<Date> nextReview;
    std::vector<SupervisionGap> gaps; ///< by date (asyeSupervisionGaps)

    friend bool operator==(const AsyeFigures&, const AsyeFigures&) = default;
};

/// Section 5 for one enrolment: `supervisionDates` are the person's supervisions (any order),
/// `asOf` is D.
[[nodiscard]] AsyeFigures checkAsye(const AsyeEnrolment& enrolment,
                                    std::span<const Date> supervisionDates, const Date& asOf);

/// The fields of an enrolment, in the order of the `asye` import's columns (section 8).
[[nodiscard]] const RecordSpec<AsyeEnrolment>& asyeSpec();

/// The fields of a supervision, in the order of the `supervisions` import's columns.
[[nodiscard]] const RecordSpec<Supervision>& supervisionSpec();

/// Every problem with one enrolment, field by field, named by column (section 9: the common
/// rules for its columns and the `asye` rules; file and line left empty). An empty list means
/// the enrolment may be stored.
[[nodiscard]] std::vector<FieldError> validateAsyeEnrolment(const AsyeEnrolment& enrolment,
                                                            const ValidationContext& context);

/// Every problem with one supervision (section 9: the common rules for its columns and the
/// `supervisions` rules). `enrolmentStart` gives the start date of a person's enrolment, or
/// nullopt when they are not enrolled.
[[nodiscard]] std::vector<FieldError>
validateSupervision(const Supervision& supervision, const ValidationContext& context,
                    const std::function<std::optional<Date>(std::string_view)>& enrolmentStart);

} // namespace ledger
