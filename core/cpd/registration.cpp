#include "cpd/registration.h"

#include "base/enum_codes.h"

#include <algorithm>

namespace ledger {

namespace {

constexpr CodeTable<RegistrationStatus, 3> kStatuses{{
    {RegistrationStatus::Met, "met"},
    {RegistrationStatus::NotMet, "not_met"},
    {RegistrationStatus::NotApplicable, "not_applicable"},
}};

constexpr CodeTable<HcpcReason, 2> kReasons{{
    {HcpcReason::Gaps, "gaps"},
    {HcpcReason::Mixture, "mixture"},
}};

int yearOf(const Date& d) {
    return static_cast<int>(d.year());
}

unsigned monthOf(const Date& d) {
    return static_cast<unsigned>(d.month());
}

bool counts(const CpdEntry& e, const Date& from, const Date& to) {
    return e.status == CpdStatus::Final && from <= e.date && e.date <= to;
}

} // namespace

std::string registrationStatusCode(RegistrationStatus status) {
    return codeOf(kStatuses, status);
}
std::optional<RegistrationStatus> parseRegistrationStatus(std::string_view code) {
    return parseCode(kStatuses, code);
}
std::string hcpcReasonCode(HcpcReason reason) {
    return codeOf(kReasons, reason);
}

int sweRegistrationYearContaining(const Date& d) {
    return monthOf(d) == 12 ? yearOf(d) + 1 : yearOf(d);
}
Date sweRegistrationYearStart(int year) {
    return makeDate(year - 1, 12, 1);
}
Date sweRegistrationYearEnd(int year) {
    return makeDate(year, 11, 30);
}

SocialWorkEnglandCheck checkSocialWorkEngland(RegistrationBody body,
                                              std::span<const CpdEntry> entries, const Date& asOf,
                                              std::optional<int> year) {
    if (body != RegistrationBody::SocialWorkEngland) {
        return {};
    }
    SocialWorkEnglandFigures f;
    f.registrationYear = year.value_or(sweRegistrationYearContaining(asOf));
    const Date start = sweRegistrationYearStart(f.registrationYear);
    const Date end = sweRegistrationYearEnd(f.registrationYear);
    const Date last = std::min(asOf, end);
    for (const CpdEntry& e : entries) {
        if (counts(e, start, last)) {
            ++f.entries;
            f.withPeerReflection += e.hasPeerReflection() ? 1 : 0;
        }
    }
    f.daysLeft = std::max(0, daysBetween(asOf, end));
    const bool met = f.entries >= 2 && f.withPeerReflection >= 1;
    return {met ? RegistrationStatus::Met : RegistrationStatus::NotMet, f};
}

int hcpcCycleContaining(const Date& d) {
    const int y = monthOf(d) >= 11 ? yearOf(d) + 1 : yearOf(d);
    return y % 2 == 0 ? y + 1 : y;
}
Date hcpcCycleStart(int year) {
    return makeDate(year - 2, 11, 1);
}
Date hcpcCycleEnd(int year) {
    return makeDate(year, 10, 31);
}

HcpcCheck checkHcpc(RegistrationBody body, std::span<const CpdEntry> entries, const Date& asOf,
                    std::optional<int> cycle) {
    if (body != RegistrationBody::Hcpc) {
        return {};
    }
    HcpcFigures f;
    f.cycle = cycle.value_or(hcpcCycleContaining(asOf));
    if (f.cycle % 2 == 0) {
        ++f.cycle; // cycles end in odd years: an even year asks for the one ending after it
    }
    const Date start = hcpcCycleStart(f.cycle);
    const Date p = std::min(asOf, hcpcCycleEnd(f.cycle));
    if (p >= start) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (counts(entries[i], start, p)) {
                f.activities.push_back(i);
            }
        }
        std::sort(f.activities.begin(), f.activities.end(), [&](std::size_t a, std::size_t b) {
            // std::string compares char_traits<char>, which compares as unsigned char: byte
            // order.
            const CpdEntry& x = entries[a];
            const CpdEntry& y = entries[b];
            return x.date != y.date ? x.date < y.date : x.title < y.title;
        });

        std::vector<Date> points{start};
        for (const std::size_t i : f.activities) {
            if (entries[i].date != points.back()) {
                points.push_back(entries[i].date);
            }
        }
        if (p != points.back()) {
            points.push_back(p);
        }
        for (std::size_t i = 1; i < points.size(); ++i) {
            if (points[i] >= addMonths(points[i - 1], 3)) {
                f.gaps.push_back(HcpcGap{points[i - 1], points[i], points[i] == p});
            }
        }

        for (const std::size_t i : f.activities) {
            f.types.push_back(hcpcTypeOf(entries[i].type));
        }
        const auto byCode = [](HcpcType a, HcpcType b) {
            return hcpcTypeCode(a) < hcpcTypeCode(b);
        };
        std::sort(f.types.begin(), f.types.end(), byCode);
        f.types.erase(std::unique(f.types.begin(), f.types.end()), f.types.end());
    }
    if (!f.gaps.empty()) {
        f.reasons.push_back(HcpcReason::Gaps);
    }
    if (f.types.size() < 2) {
        f.reasons.push_back(HcpcReason::Mixture);
    }
    return {f.reasons.empty() ? RegistrationStatus::Met : RegistrationStatus::NotMet, f};
}

} // namespace ledger
