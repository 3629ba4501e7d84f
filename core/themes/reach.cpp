#include "themes/reach.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace ledger {

ThemeReach themeReach(const std::vector<ThemeTouch>& touches, Date from, Date to) {
    ThemeReach reach;
    std::set<std::string> reached;
    for (const ThemeTouch& t : touches) {
        if (t.date <= to && (!reach.lastTouchedOn || *reach.lastTouchedOn < t.date)) {
            reach.lastTouchedOn = t.date;
        }
        if (from > to || t.date < from || t.date > to) {
            continue;
        }
        switch (t.kind) {
        case ThemeTouch::Kind::HeldSession:
            ++reach.sessionsHeld;
            break;
        case ThemeTouch::Kind::Completion:
            ++reach.completions;
            break;
        case ThemeTouch::Kind::CpdEntry:
            ++reach.cpdEntries;
            break;
        }
        reached.insert(t.people.begin(), t.people.end());
    }
    reach.staffReached = static_cast<int>(reached.size());
    return reach;
}

std::vector<TopicSuggestion> topicSuggestions(const std::vector<ThemeWithTouches>& themes,
                                              Date asOf, int periodMonths) {
    const Date since = addMonths(asOf, -periodMonths);
    std::vector<TopicSuggestion> out;
    for (const ThemeWithTouches& t : themes) {
        if ((t.status != ThemeStatus::Open && t.status != ThemeStatus::BeingAddressed) ||
            t.raisedOn > asOf) {
            continue;
        }
        const ThemeReach recent = themeReach(t.touches, since, asOf);
        TopicSuggestion s;
        s.key = t.key;
        s.title = t.title;
        s.priority = t.priority;
        s.status = t.status;
        s.lastTouchedOn = recent.lastTouchedOn; // with to = asOf, however early
        s.staffReached = recent.staffReached;
        s.stale = !s.lastTouchedOn || *s.lastTouchedOn < since;
        out.push_back(std::move(s));
    }
    // Stale first; high before medium before low (the enum runs low to high); untouched,
    // then older touches, first; then title and key in byte order.
    const auto before = [](const TopicSuggestion& a, const TopicSuggestion& b) {
        const auto rankOf = [](const TopicSuggestion& s) {
            return std::make_tuple(!s.stale, -static_cast<int>(s.priority),
                                   s.lastTouchedOn.has_value(),
                                   s.lastTouchedOn ? toDayNumber(*s.lastTouchedOn) : 0);
        };
        const auto left = rankOf(a);
        const auto right = rankOf(b);
        if (left != right) {
            return left < right;
        }
        return std::tie(a.title, a.key) < std::tie(b.title, b.key);
    };
    std::sort(out.begin(), out.end(), before);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].rank = static_cast<int>(i + 1);
    }
    return out;
}

} // namespace ledger
