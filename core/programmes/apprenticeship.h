#pragma once

// Apprenticeships (rules/learning-record.md section 6): an apprenticeship against a standard,
// its off-the-job (OTJ) hours and its progress reviews; the figures derived from them on an
// as-of date D (status, counting days, expected and logged hours, reviews and EPA); the
// fields of the `apprenticeships`, `otj-hours` and `apprenticeship-reviews` imports (section
// 8); and what makes each valid (section 9). Pure functions: no store, no clock.

#include "base/date.h"
#include "base/error.h"
#include "base/field_spec.h"
#include "base/ids.h"
#include "base/validation.h"
#include "cpd/cpd_entry.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// A period of days, both ends included; written `FROM..TO` (section 1).
struct DatePeriod {
    Date from{};
    Date to{};

    /// Whether `d` lies in the period (from <= d <= to).
    [[nodiscard]] bool contains(const Date& d) const { return from <= d && d <= to; }

    friend bool operator==(const DatePeriod&, const DatePeriod&) = default;
};

/// `2025-03-01..2025-03-31`.
[[nodiscard]] std::string formatDatePeriod(const DatePeriod& period);
/// A period written exactly `YYYY-MM-DD..YYYY-MM-DD` with real dates; nullopt otherwise.
/// FROM after TO is read as written (validation's business).
[[nodiscard]] std::optional<DatePeriod> parseDatePeriod(std::string_view text);

/// A list cell of periods (the `breaks` cell, section 1): the periods by date (FROM, then TO;
/// the byte order of their text) with `;` between; empty for none.
[[nodiscard]] std::string formatDatePeriods(std::span<const DatePeriod> periods);
/// A list cell of periods read back, nothing trimmed: an empty cell is no periods; nullopt
/// when any item (including an empty one, as in `a..b;`) is not a period. Items keep their
/// order; repeats and overlaps are validation's to report.
[[nodiscard]] std::optional<std::vector<DatePeriod>> parseDatePeriods(std::string_view cell);

/// The end-point assessment's result (section 6).
enum class EpaResult { Pass, Merit, Distinction, Fail };

/// `pass`, `merit`, `distinction`, `fail`.
[[nodiscard]] std::string epaResultCode(EpaResult result);
[[nodiscard]] std::optional<EpaResult> parseEpaResult(std::string_view code);

/// A progress review's outcome (section 6).
enum class ApprenticeshipReviewOutcome { OnTrack, Concerns };

/// `on_track`, `concerns`.
[[nodiscard]] std::string apprenticeshipReviewOutcomeCode(ApprenticeshipReviewOutcome outcome);
[[nodiscard]] std::optional<ApprenticeshipReviewOutcome>
parseApprenticeshipReviewOutcome(std::string_view code);

/// An apprenticeship's status on D, derived, never typed in (section 6).
enum class ApprenticeshipStatus { Active, OnBreak, Completed, Withdrawn };

/// `active`, `on_break`, `completed`, `withdrawn`.
[[nodiscard]] std::string apprenticeshipStatusCode(ApprenticeshipStatus status);
[[nodiscard]] std::optional<ApprenticeshipStatus> parseApprenticeshipStatus(std::string_view code);

/// The default of `review_interval_weeks` (section 6) and its range (section 9).
inline constexpr int kDefaultReviewIntervalWeeks = 12;
inline constexpr int kMinReviewIntervalWeeks = 1;
inline constexpr int kMaxReviewIntervalWeeks = 52;
/// The most planned OTJ hours (section 9), in hundredths.
inline constexpr Hundredths kMaxPlannedOtjHours = 10000 * 100;
/// The fewest and most hours one OTJ entry may record (section 9), in hundredths.
inline constexpr Hundredths kMinOtjEntryHours = 1;
inline constexpr Hundredths kMaxOtjEntryHours = 1000 * 100;

/// One apprenticeship, keyed (employee_id, standard_code), with the fields of the
/// `apprenticeships` import (section 8).
struct Apprenticeship {
    RecordId id = 0;
    std::string employeeId;
    std::string standardCode; ///< `ST` and four digits, e.g. `ST0510`
    std::string standardTitle;
    std::string provider;
    Date startDate{};
    Date plannedEndDate{};
    Hundredths plannedOtjHours = 0; ///< 0 to 10000 hours (0 to kMaxPlannedOtjHours)
    int reviewIntervalWeeks = kDefaultReviewIntervalWeeks; ///< 1 to 52
    std::vector<DatePeriod> breaks;                        ///< breaks in learning
    std::optional<Date> gatewayDate;
    std::optional<Date> epaDate;
    std::optional<EpaResult> epaResult;
    std::optional<Date> withdrawnOn;
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const Apprenticeship&, const Apprenticeship&) = default;
};

/// Off-the-job hours on one day, keyed (employee_id, standard_code, date).
struct OtjEntry {
    RecordId id = 0;
    std::string employeeId;
    std::string standardCode;
    Date date{};
    Hundredths hours = 0; ///< 0.01 to 1000 hours (kMinOtjEntryHours to kMaxOtjEntryHours)
    RecordVersion version;

    friend bool operator==(const OtjEntry&, const OtjEntry&) = default;
};

/// A progress review on one day, keyed (employee_id, standard_code, date).
struct ApprenticeshipReview {
    RecordId id = 0;
    std::string employeeId;
    std::string standardCode;
    Date date{};
    ApprenticeshipReviewOutcome outcome = ApprenticeshipReviewOutcome::OnTrack;
    std::string notes;
    RecordVersion version;

    friend bool operator==(const ApprenticeshipReview&, const ApprenticeshipReview&) = default;
};

/// Whether `d` lies in one of the breaks (section 6: a day *counts* when it does not).
[[nodiscard]] bool inBreak(std::span<const DatePeriod> breaks, const Date& d);

/// The counting days from `from` to `to`, both included: days in no break (section 6). 0 when
/// `to < from`. Overlapping breaks are counted once.
[[nodiscard]] std::int64_t countingDays(const Date& from, const Date& to,
                                        std::span<const DatePeriod> breaks);

/// The status on D, the first that holds (section 6): `withdrawn` when withdrawn_on <= D;
/// `completed` when the result is pass, merit or distinction and epa_date <= D; `on_break`
/// when D lies in a break; else `active`.
[[nodiscard]] ApprenticeshipStatus apprenticeshipStatus(const Apprenticeship& a, const Date& asOf);

/// Every figure of section 6 for one apprenticeship on D (the `report apprenticeships` row's
/// figures, section 8).
struct ApprenticeshipFigures {
    ApprenticeshipStatus status = ApprenticeshipStatus::Active;
    std::int64_t durationDays = 0; ///< counting days from start to planned end
    std::int64_t elapsedDays = 0;  ///< counting days from start to min(D, planned end); 0 when
                                   ///< D < start
    Hundredths planned = 0;        ///< planned_otj_hours
    Hundredths logged = 0;         ///< the sum of the OTJ hours dated <= D
    /// planned x elapsed / duration, rounded half up to whole hundredths; for display only
    /// (0 when duration is 0, which validation refuses).
    Hundredths expected = 0;
    /// logged x duration >= planned x elapsed, exactly; empty when completed or withdrawn.
    std::optional<bool> onTrack;
    std::optional<Date> lastReview; ///< the latest review dated <= D
    /// (last review, or start) + 7 x review_interval_weeks days; empty when completed or
    /// withdrawn.
    std::optional<Date> nextReviewDue;
    /// D > next review due when active; `no` when on a break; empty when completed or
    /// withdrawn.
    std::optional<bool> reviewOverdue;
    /// D > planned end when active; `no` when on a break; empty when completed or withdrawn.
    std::optional<bool> epaOverdue;

    friend bool operator==(const ApprenticeshipFigures&, const ApprenticeshipFigures&) = default;
};

/// Section 6 for one apprenticeship on D = `asOf`. Only the OTJ entries and reviews with the
/// apprenticeship's key (employee_id, standard_code) count; others given are skipped. Exact
/// in 64-bit integers for any valid record (hours and dates as section 9 allows); no floating
/// point.
[[nodiscard]] ApprenticeshipFigures
checkApprenticeship(const Apprenticeship& apprenticeship, std::span<const OtjEntry> otjEntries,
                    std::span<const ApprenticeshipReview> reviews, const Date& asOf);

/// The fields of an apprenticeship in the order of the `apprenticeships` import's columns
/// (section 8); the hours (whole hundredths) kept by the repository.
[[nodiscard]] const RecordSpec<Apprenticeship>& apprenticeshipSpec();
/// The fields of an OTJ entry in the order of the `otj-hours` import's columns.
[[nodiscard]] const RecordSpec<OtjEntry>& otjEntrySpec();
/// The fields of a review in the order of the `apprenticeship-reviews` import's columns.
[[nodiscard]] const RecordSpec<ApprenticeshipReview>& apprenticeshipReviewSpec();

/// Whether `code` is a standard's code: `ST` and four ASCII digits, exactly.
[[nodiscard]] bool isStandardCode(std::string_view code);

/// Every problem with one apprenticeship, field by field, each named by its column (section 9;
/// file and line left empty). An empty list means it may be stored. A repeated or overlapping
/// break is reported as an overlap.
[[nodiscard]] std::vector<FieldError> validateApprenticeship(const Apprenticeship& apprenticeship,
                                                             const ValidationContext& context);

/// Every problem with one OTJ entry (section 9): `apprenticeship` is the one with the entry's
/// key, or nullptr when there is none; the entry is dated from its start to today, with 0.01
/// to 1000 hours.
[[nodiscard]] std::vector<FieldError> validateOtjEntry(const OtjEntry& entry,
                                                       const Apprenticeship* apprenticeship,
                                                       const ValidationContext& context);

/// Every problem with one progress review (section 9): `apprenticeship` is the one with the
/// review's key, or nullptr when there is none; the review is dated from its start to today,
/// with an outcome.
[[nodiscard]] std::vector<FieldError>
validateApprenticeshipReview(const ApprenticeshipReview& review,
                             const Apprenticeship* apprenticeship,
                             const ValidationContext& context);

} // namespace ledger
