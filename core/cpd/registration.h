#pragma once

// The registration checks on a person's CPD entries (rules/learning-record.md sections 3
// and 4): Social Work England's registration year and HCPC's two-year cycle. Pure functions
// of the person's registration body, their entries and the as-of date D.

#include "base/date.h"
#include "cpd/cpd_entry.h"
#include "staff/staff.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class RegistrationStatus { Met, NotMet, NotApplicable };

/// `met`, `not_met`, `not_applicable`.
[[nodiscard]] std::string registrationStatusCode(RegistrationStatus status);
[[nodiscard]] std::optional<RegistrationStatus> parseRegistrationStatus(std::string_view code);

// --- Social Work England (section 3) ---

/// The registration year containing `d`: `d.year + 1` in December, else `d.year`.
[[nodiscard]] int sweRegistrationYearContaining(const Date& d);
/// Registration year `year` runs from (year-1)-12-01 ...
[[nodiscard]] Date sweRegistrationYearStart(int year);
/// ... to year-11-30, both included.
[[nodiscard]] Date sweRegistrationYearEnd(int year);

/// The figures of a person registered with Social Work England.
struct SocialWorkEnglandFigures {
    int registrationYear = 0;
    int entries = 0;            ///< final entries dated from the year's start to min(D, year's end)
    int withPeerReflection = 0; ///< how many of those have peer reflection
    int daysLeft = 0;           ///< max(0, year's end - D)

    friend bool operator==(const SocialWorkEnglandFigures&,
                           const SocialWorkEnglandFigures&) = default;
};

struct SocialWorkEnglandCheck {
    RegistrationStatus status = RegistrationStatus::NotApplicable;
    /// Empty when not applicable (the person is not registered with SWE): no figures.
    std::optional<SocialWorkEnglandFigures> figures;
};

/// Section 3 for one person: `entries` are theirs (drafts are skipped here), `asOf` is D,
/// `year` the registration year asked for (default: the year containing D). Met when at least
/// 2 entries are counted and at least 1 of them has peer reflection.
[[nodiscard]] SocialWorkEnglandCheck checkSocialWorkEngland(RegistrationBody body,
                                                            std::span<const CpdEntry> entries,
                                                            const Date& asOf,
                                                            std::optional<int> year = {});

// --- HCPC (section 4) ---

/// The cycle containing `d`: `d.year + 1` in November or December, else `d.year`; then the
/// next year when that is even (cycles end in odd years).
[[nodiscard]] int hcpcCycleContaining(const Date& d);
/// Cycle `year` (odd) runs from (year-2)-11-01 ...
[[nodiscard]] Date hcpcCycleStart(int year);
/// ... to year-10-31, both included.
[[nodiscard]] Date hcpcCycleEnd(int year);

enum class HcpcReason { Gaps, Mixture };

/// `gaps`, `mixture`.
[[nodiscard]] std::string hcpcReasonCode(HcpcReason reason);

/// A period of at least 3 months with no activity: `from..to`, both gap points.
struct HcpcGap {
    Date from{};
    Date to{};
    bool open = false; ///< it ends at P = min(D, cycle end): the gap still running

    friend bool operator==(const HcpcGap&, const HcpcGap&) = default;
};

/// The figures of a person registered with HCPC, for one cycle.
struct HcpcFigures {
    int cycle = 0; ///< the cycle's end year; it ends on cycle-10-31
    /// The activities: indices into the entries given, of the final entries dated from the
    /// cycle's start to P, by date then title (byte order).
    std::vector<std::size_t> activities;
    std::vector<HcpcGap> gaps; ///< by date
    std::vector<HcpcType>
        types; ///< the distinct HCPC types of the activities, by code (byte order)
    std::vector<HcpcReason> reasons; ///< why not met: gaps, then mixture; empty when met

    friend bool operator==(const HcpcFigures&, const HcpcFigures&) = default;
};

struct HcpcCheck {
    RegistrationStatus status = RegistrationStatus::NotApplicable;
    /// Empty when not applicable (the person is not registered with HCPC): no figures.
    std::optional<HcpcFigures> figures;
};

/// Section 4 for one person: `entries` are theirs (drafts are skipped here), `asOf` is D,
/// `cycle` the cycle asked for (its odd end year; default: the cycle containing D). Met when
/// there is no gap and the activities have at least 2 HCPC types. D before the cycle's start:
/// no activities, no gaps, not met (mixture).
[[nodiscard]] HcpcCheck checkHcpc(RegistrationBody body, std::span<const CpdEntry> entries,
                                  const Date& asOf, std::optional<int> cycle = {});

} // namespace ledger
