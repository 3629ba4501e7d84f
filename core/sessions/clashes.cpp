#include "sessions/clashes.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace ledger {

namespace {

bool overlap(const ClashSession& a, const ClashSession& b) {
    return a.startsAt < b.endsAt && b.startsAt < a.endsAt; // ends are exclusive
}

/// Who is in the session as facilitator or participant.
std::set<std::string> involved(const ClashSession& s) {
    std::set<std::string> ids(s.people.begin(), s.people.end());
    if (!s.facilitatorId.empty()) {
        ids.insert(s.facilitatorId);
    }
    return ids;
}

void shared(std::vector<Clash>& out, const ClashSession& a, const ClashSession& b, const char* what,
            const std::vector<std::string>& left, const std::vector<std::string>& right) {
    const std::set<std::string> rightSet(right.begin(), right.end());
    for (const std::string& v : std::set<std::string>(left.begin(), left.end())) {
        if (rightSet.count(v) > 0) {
            out.push_back(Clash{a.key, b.key, what, v});
        }
    }
}

} // namespace

std::vector<std::string> peopleForClashes(const BookingOutcome& outcome) {
    std::vector<std::string> ids;
    for (const Booking& b : outcome.people) {
        if (b.state == BookingState::Booked || b.state == BookingState::Waiting ||
            b.state == BookingState::Attended) {
            ids.push_back(b.employeeId);
        }
    }
    return ids;
}

std::vector<Clash> findClashes(const std::vector<ClashSession>& sessions) {
    std::vector<const ClashSession*> live;
    for (const ClashSession& s : sessions) {
        if (!s.cancelled) {
            live.push_back(&s);
        }
    }
    std::sort(live.begin(), live.end(),
              [](const ClashSession* x, const ClashSession* y) { return x->key < y->key; });
    std::vector<Clash> clashes;
    for (std::size_t i = 0; i < live.size(); ++i) {
        for (std::size_t j = i + 1; j < live.size(); ++j) {
            const ClashSession& a = *live[i];
            const ClashSession& b = *live[j];
            if (a.key == b.key || !overlap(a, b)) {
                continue;
            }
            if (!a.facilitatorId.empty() && a.facilitatorId == b.facilitatorId) {
                clashes.push_back(Clash{a.key, b.key, "facilitator", a.facilitatorId});
            }
            shared(clashes, a, b, "team", a.teams, b.teams);
            shared(clashes, a, b, "role", a.roles, b.roles);
            // A person in both, unless they facilitate both.
            const std::set<std::string> inB = involved(b);
            for (const std::string& id : involved(a)) {
                const bool facilitatesBoth = id == a.facilitatorId && id == b.facilitatorId;
                if (inB.count(id) > 0 && !facilitatesBoth) {
                    clashes.push_back(Clash{a.key, b.key, "person", id});
                }
            }
        }
    }
    std::sort(clashes.begin(), clashes.end(), [](const Clash& x, const Clash& y) {
        return std::tie(x.session, x.other, x.shared, x.value) <
               std::tie(y.session, y.other, y.shared, y.value);
    });
    return clashes;
}

} // namespace ledger
