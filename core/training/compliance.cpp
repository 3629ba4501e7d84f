#include "training/compliance.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace ledger {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

DayNumber monthsAfter(DayNumber day, int months) {
    return toDayNumber(addMonths(fromDayNumber(day), months));
}

void fillExpiries(const RenewalRule& rule, std::span<const CompletionDates> ordered,
                  std::span<DayNumber> out) {
    DayNumber previous = kNoDay;
    bool hasPrevious = false;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const CompletionDates& c = ordered[i];
        DayNumber expiry = kNoDay;
        if (c.explicitExpiresOn != kNoDay) {
            expiry = c.explicitExpiresOn;
        } else if (!rule.renewalMonths) {
            expiry = kNoDay;
        } else if (rule.basis == RenewalBasis::Expiry && hasPrevious && previous != kNoDay &&
                   previous - rule.windowDays <= c.completedOn && c.completedOn <= previous) {
            // An on-time renewal inside the window runs on from the previous expiry.
            expiry = monthsAfter(previous + 1, *rule.renewalMonths) - 1;
        } else {
            expiry = monthsAfter(c.completedOn, *rule.renewalMonths) - 1;
        }
        out[i] = expiry;
        previous = expiry;
        hasPrevious = true;
    }
}

template <typename Key>
std::uint32_t intern(std::unordered_map<Key, std::uint32_t>& index, std::vector<Key>& names,
                     const Key& name) {
    const auto [it, inserted] = index.try_emplace(name, static_cast<std::uint32_t>(names.size()));
    if (inserted) {
        names.push_back(name);
    }
    return it->second;
}

} // namespace

std::string statusCode(Status status) {
    switch (status) {
    case Status::Compliant:
        return "compliant";
    case Status::DueSoon:
        return "due_soon";
    case Status::Overdue:
        return "overdue";
    case Status::NotYetDue:
        return "not_yet_due";
    }
    return {};
}

std::vector<DayNumber> computeExpiries(const RenewalRule& rule,
                                       std::span<const CompletionDates> ordered) {
    std::vector<DayNumber> out(ordered.size(), kNoDay);
    fillExpiries(rule, ordered, out);
    return out;
}

PairStatus evaluatePair(DayNumber asOf, DayNumber firstDueOn, bool hasLatest,
                        DayNumber latestExpiry, int dueSoonDays) {
    PairStatus result;
    if (hasLatest && (latestExpiry == kNoDay || asOf <= latestExpiry)) {
        result.expiresOn = latestExpiry;
        if (latestExpiry == kNoDay) {
            result.status = Status::Compliant;
            result.dueOn = kNoDay;
        } else {
            result.status =
                latestExpiry - asOf <= dueSoonDays ? Status::DueSoon : Status::Compliant;
            result.dueOn = std::max(firstDueOn, latestExpiry + 1);
        }
        return result;
    }
    result.dueOn = firstDueOn;
    if (hasLatest) {
        result.expiresOn = latestExpiry;
        result.dueOn = std::max(firstDueOn, latestExpiry + 1);
    }
    result.status = asOf >= result.dueOn ? Status::Overdue : Status::NotYetDue;
    return result;
}

std::optional<int> coverageTenths(int compliant, int dueSoon, int overdue) {
    const long long covered = static_cast<long long>(compliant) + dueSoon;
    const long long denominator = covered + overdue;
    if (denominator == 0) {
        return std::nullopt;
    }
    // round(1000 * covered / denominator), halves up, in integers.
    return static_cast<int>((2000 * covered + denominator) / (2 * denominator));
}

std::string formatPercent(std::optional<int> tenths) {
    if (!tenths) {
        return {};
    }
    return std::to_string(*tenths / 10) + "." + std::to_string(*tenths % 10);
}

void CoverageCell::add(Status status) {
    ++required;
    switch (status) {
    case Status::Compliant:
        ++compliant;
        break;
    case Status::DueSoon:
        ++dueSoon;
        break;
    case Status::Overdue:
        ++overdue;
        break;
    case Status::NotYetDue:
        ++notYetDue;
        break;
    }
}

void ComplianceEngine::indexStaff(const LedgerData& data) {
    const std::size_t staffCount = data.staff.size();
    m_staffIds.reserve(staffCount);
    m_employeeIds.reserve(staffCount);
    m_staffTeam.reserve(staffCount);
    m_staffRole.reserve(staffCount);
    m_staffStart.reserve(staffCount);
    m_staffLeave.reserve(staffCount);
    for (const Staff& s : data.staff) {
        m_staffIndex.emplace(s.employeeId, static_cast<std::uint32_t>(m_employeeIds.size()));
        m_staffIds.push_back(s.id);
        m_employeeIds.push_back(s.employeeId);
        m_staffTeam.push_back(intern(m_teamIndex, m_teamNames, s.team));
        m_staffRole.push_back(intern(m_roleIndex, m_roleNames, s.role));
        m_staffStart.push_back(toDayNumber(s.startDate));
        m_staffLeave.push_back(s.leaveDate ? toDayNumber(*s.leaveDate) : kNoDay);
    }
    std::unordered_map<std::string, std::uint32_t> moduleIndex;
    for (const Module& m : data.modules) {
        moduleIndex.emplace(m.code, static_cast<std::uint32_t>(m_moduleCodes.size()));
        m_moduleCodes.push_back(m.code);
        m_moduleIds.push_back(m.id);
        m_dueSoonDays.push_back(m.dueSoonDays);
        m_renewal.push_back(
            RenewalRule{m.renewalMonths, m.renewalBasis, m.windowDays, m.dueSoonDays});
    }
    m_rulesByTeam.resize(m_teamNames.size());
    m_rulesByRole.resize(m_roleNames.size());
    for (const Requirement& r : data.requirements) {
        const auto module = moduleIndex.find(r.moduleCode);
        if (module == moduleIndex.end()) {
            continue;
        }
        const Rule rule{module->second, r.effectiveFrom ? toDayNumber(*r.effectiveFrom) : kNoDay,
                        r.dueWithinDays};
        switch (r.scope) {
        case Scope::All:
            m_rulesAll.push_back(rule);
            break;
        case Scope::Team:
            if (const auto team = m_teamIndex.find(r.value); team != m_teamIndex.end()) {
                m_rulesByTeam[team->second].push_back(rule);
            }
            break;
        case Scope::Role:
            if (const auto role = m_roleIndex.find(r.value); role != m_roleIndex.end()) {
                m_rulesByRole[role->second].push_back(rule);
            }
            break;
        }
    }
}

ComplianceEngine::ComplianceEngine(const LedgerData& data) {
    indexStaff(data);
    std::unordered_map<std::string_view, std::uint32_t> moduleIndex;
    for (std::size_t m = 0; m < m_moduleCodes.size(); ++m) {
        moduleIndex.emplace(m_moduleCodes[m], static_cast<std::uint32_t>(m));
    }
    std::vector<Row> rows;
    rows.reserve(data.completions.size());
    for (const Completion& c : data.completions) {
        if (c.voided) {
            continue;
        }
        const auto staff = m_staffIndex.find(c.employeeId);
        const auto module = moduleIndex.find(c.moduleCode);
        if (staff == m_staffIndex.end() || module == moduleIndex.end()) {
            continue;
        }
        rows.push_back(Row{staff->second, module->second,
                           CompletionDates{toDayNumber(c.completedOn),
                                           c.expiresOn ? toDayNumber(*c.expiresOn) : kNoDay}});
    }
    build(std::move(rows));
}

namespace {

/// Store ids to indices: a table when the ids are dense (as SQLite's are), else a map.
class IdIndex {
public:
    explicit IdIndex(const std::vector<RecordId>& ids) {
        RecordId top = 0;
        for (const RecordId id : ids) {
            top = std::max(top, id);
        }
        if (top <= static_cast<RecordId>(4 * ids.size() + 1024)) {
            m_table.assign(static_cast<std::size_t>(top) + 1, kNone);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                if (ids[i] > 0) {
                    m_table[static_cast<std::size_t>(ids[i])] = static_cast<std::uint32_t>(i);
                }
            }
        } else {
            for (std::size_t i = 0; i < ids.size(); ++i) {
                m_map.emplace(ids[i], static_cast<std::uint32_t>(i));
            }
        }
    }
    [[nodiscard]] std::optional<std::uint32_t> find(RecordId id) const {
        if (!m_table.empty() || m_map.empty()) {
            if (id <= 0 || static_cast<std::size_t>(id) >= m_table.size() ||
                m_table[static_cast<std::size_t>(id)] == kNone) {
                return std::nullopt;
            }
            return m_table[static_cast<std::size_t>(id)];
        }
        const auto it = m_map.find(id);
        if (it == m_map.end()) {
            return std::nullopt;
        }
        return it->second;
    }

private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> m_table;
    std::unordered_map<RecordId, std::uint32_t> m_map;
};

} // namespace

ComplianceEngine::ComplianceEngine(const LedgerData& records, std::vector<CompletionRow> rows) {
    indexStaff(records);
    const IdIndex staffIndex(m_staffIds);
    const IdIndex moduleIndex(m_moduleIds);
    const auto known = [&](const CompletionRow& r) {
        return staffIndex.find(r.staffId) && moduleIndex.find(r.moduleId);
    };
    // A counting sort by person (two linear passes), then each person's rows by module and
    // date: at county scale much cheaper than one sort of two million rows.
    m_staffOffset.assign(m_employeeIds.size() + 1, 0);
    for (const CompletionRow& r : rows) {
        if (known(r)) {
            ++m_staffOffset[*staffIndex.find(r.staffId) + 1];
        }
    }
    std::partial_sum(m_staffOffset.begin(), m_staffOffset.end(), m_staffOffset.begin());
    std::vector<Row> sorted(m_staffOffset.back());
    {
        std::vector<std::uint32_t> next(m_staffOffset.begin(), m_staffOffset.end() - 1);
        for (const CompletionRow& r : rows) {
            const auto staff = staffIndex.find(r.staffId);
            const auto module = moduleIndex.find(r.moduleId);
            if (staff && module) {
                sorted[next[*staff]++] =
                    Row{*staff, *module, CompletionDates{r.completedOn, r.explicitExpiresOn}};
            }
        }
    }
    rows.clear();
    rows.shrink_to_fit();
    sortEachPerson(sorted);
    fillAll(sorted);
}

void ComplianceEngine::build(std::vector<Row> rows) {
    m_staffOffset.assign(m_employeeIds.size() + 1, 0);
    for (const Row& r : rows) {
        ++m_staffOffset[r.staff + 1];
    }
    std::partial_sum(m_staffOffset.begin(), m_staffOffset.end(), m_staffOffset.begin());
    std::vector<Row> sorted(rows.size());
    {
        std::vector<std::uint32_t> next(m_staffOffset.begin(), m_staffOffset.end() - 1);
        for (const Row& r : rows) {
            sorted[next[r.staff]++] = r;
        }
    }
    rows.clear();
    rows.shrink_to_fit();
    sortEachPerson(sorted);
    fillAll(sorted);
}

void ComplianceEngine::sortEachPerson(std::vector<Row>& rows) const {
    const auto before = [](const Row& a, const Row& b) {
        return a.module != b.module ? a.module < b.module
                                    : a.dates.completedOn < b.dates.completedOn;
    };
    for (std::size_t s = 0; s + 1 < m_staffOffset.size(); ++s) {
        const auto first = rows.begin() + m_staffOffset[s];
        const auto last = rows.begin() + m_staffOffset[s + 1];
        if (!std::is_sorted(first, last, before)) {
            std::sort(first, last, before);
        }
    }
}

void ComplianceEngine::fillAll(std::vector<Row>& rows) {
    m_completionModule.resize(rows.size());
    m_completedOn.resize(rows.size());
    m_expiresOn.resize(rows.size());
    fillCompletions(rows, 0);
}

void ComplianceEngine::fillCompletions(std::span<Row> rows, std::size_t at) {
    std::vector<CompletionDates> group;
    const std::size_t n = rows.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i;
        group.clear();
        while (j < n && rows[j].staff == rows[i].staff && rows[j].module == rows[i].module) {
            group.push_back(rows[j].dates);
            ++j;
        }
        fillExpiries(m_renewal[rows[i].module], group,
                     std::span(m_expiresOn).subspan(at + i, j - i));
        for (std::size_t k = i; k < j; ++k) {
            m_completionModule[at + k] = rows[k].module;
            m_completedOn[at + k] = rows[k].dates.completedOn;
        }
        i = j;
    }
}

void ComplianceEngine::replaceCompletionsOf(std::size_t staff,
                                            std::span<const CompletionRow> replacement) {
    const IdIndex moduleIndex(m_moduleIds);
    std::vector<Row> rows;
    rows.reserve(replacement.size());
    for (const CompletionRow& r : replacement) {
        if (const auto module = moduleIndex.find(r.moduleId)) {
            rows.push_back(Row{static_cast<std::uint32_t>(staff), *module,
                               CompletionDates{r.completedOn, r.explicitExpiresOn}});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.module != b.module ? a.module < b.module
                                    : a.dates.completedOn < b.dates.completedOn;
    });
    const std::size_t from = m_staffOffset[staff];
    const std::size_t to = m_staffOffset[staff + 1];
    const auto oldEnd = static_cast<std::ptrdiff_t>(to);
    const auto newEnd = static_cast<std::ptrdiff_t>(from + rows.size());
    const auto resize = [&](auto& v) {
        using T = typename std::decay_t<decltype(v)>::value_type;
        if (rows.size() > to - from) {
            v.insert(v.begin() + oldEnd, rows.size() - (to - from), T{});
        } else {
            v.erase(v.begin() + newEnd, v.begin() + oldEnd);
        }
    };
    resize(m_completionModule);
    resize(m_completedOn);
    resize(m_expiresOn);
    const auto delta =
        static_cast<std::int64_t>(rows.size()) - static_cast<std::int64_t>(to - from);
    for (std::size_t s = staff + 1; s < m_staffOffset.size(); ++s) {
        m_staffOffset[s] =
            static_cast<std::uint32_t>(static_cast<std::int64_t>(m_staffOffset[s]) + delta);
    }
    fillCompletions(rows, from);
}

bool ComplianceEngine::putStaff(const Staff& s) {
    const auto team = m_teamIndex.find(s.team);
    const auto role = m_roleIndex.find(s.role);
    if (team == m_teamIndex.end() || role == m_roleIndex.end()) {
        return false;
    }
    std::uint32_t index = 0;
    if (const auto known = m_staffIndex.find(s.employeeId); known != m_staffIndex.end()) {
        index = known->second;
    } else {
        index = static_cast<std::uint32_t>(m_employeeIds.size());
        m_staffIndex.emplace(s.employeeId, index);
        m_staffIds.push_back(s.id);
        m_employeeIds.push_back(s.employeeId);
        m_staffTeam.push_back(0);
        m_staffRole.push_back(0);
        m_staffStart.push_back(0);
        m_staffLeave.push_back(kNoDay);
        m_staffOffset.push_back(m_staffOffset.back());
    }
    if (s.id != 0) {
        m_staffIds[index] = s.id;
    }
    m_staffTeam[index] = team->second;
    m_staffRole[index] = role->second;
    m_staffStart[index] = toDayNumber(s.startDate);
    m_staffLeave[index] = s.leaveDate ? toDayNumber(*s.leaveDate) : kNoDay;
    return true;
}

std::optional<std::size_t> ComplianceEngine::findStaffById(RecordId id) const {
    const auto it = std::find(m_staffIds.begin(), m_staffIds.end(), id);
    if (id == 0 || it == m_staffIds.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - m_staffIds.begin());
}

std::optional<std::size_t> ComplianceEngine::findStaff(std::string_view employeeId) const {
    const auto it = m_staffIndex.find(std::string(employeeId));
    if (it == m_staffIndex.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<std::size_t> ComplianceEngine::findModule(std::string_view code) const {
    const auto it = std::find(m_moduleCodes.begin(), m_moduleCodes.end(), code);
    if (it == m_moduleCodes.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - m_moduleCodes.begin());
}

std::optional<std::size_t> ComplianceEngine::findTeam(std::string_view name) const {
    const auto it = std::find(m_teamNames.begin(), m_teamNames.end(), name);
    if (it == m_teamNames.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - m_teamNames.begin());
}

std::optional<std::size_t> ComplianceEngine::findRole(std::string_view name) const {
    const auto it = m_roleIndex.find(std::string(name));
    if (it == m_roleIndex.end()) {
        return std::nullopt;
    }
    return it->second;
}

bool ComplianceEngine::isActive(std::size_t staff, DayNumber asOf) const {
    return m_staffStart[staff] <= asOf &&
           (m_staffLeave[staff] == kNoDay || asOf <= m_staffLeave[staff]);
}

template <typename Visit>
void ComplianceEngine::visitStaff(std::size_t staff, DayNumber asOf,
                                  std::vector<DayNumber>& firstDue,
                                  std::vector<std::uint32_t>& touched,
                                  std::vector<std::uint32_t>& latest, Visit&& visit) const {
    if (!isActive(staff, asOf)) {
        return;
    }
    const DayNumber start = m_staffStart[staff];
    touched.clear();
    const auto apply = [&](const std::vector<Rule>& rules) {
        for (const Rule& rule : rules) {
            if (rule.effectiveFrom != kNoDay && rule.effectiveFrom > asOf) {
                continue;
            }
            const DayNumber assigned =
                rule.effectiveFrom == kNoDay ? start : std::max(start, rule.effectiveFrom);
            const DayNumber due = assigned + rule.dueWithinDays;
            DayNumber& slot = firstDue[rule.module];
            if (slot == kNoDay) {
                touched.push_back(rule.module);
                slot = due;
            } else if (due < slot) {
                slot = due;
            }
        }
    };
    apply(m_rulesAll);
    apply(m_rulesByTeam[m_staffTeam[staff]]);
    apply(m_rulesByRole[m_staffRole[staff]]);
    if (touched.empty()) {
        return;
    }
    const std::uint32_t end = m_staffOffset[staff + 1];
    for (std::uint32_t i = m_staffOffset[staff]; i < end; ++i) {
        const std::uint32_t module = m_completionModule[i];
        if (firstDue[module] != kNoDay && m_completedOn[i] <= asOf) {
            latest[module] = i; // completions are in date order within a module
        }
    }
    for (const std::uint32_t module : touched) {
        const std::uint32_t l = latest[module];
        const PairStatus status =
            evaluatePair(asOf, firstDue[module], l != kNone, l != kNone ? m_expiresOn[l] : kNoDay,
                         m_dueSoonDays[module]);
        visit(module, status);
        firstDue[module] = kNoDay;
        latest[module] = kNone;
    }
}

std::vector<StatusRow> ComplianceEngine::statuses(DayNumber asOf) const {
    return statuses(asOf, nullptr);
}

std::vector<StatusRow> ComplianceEngine::statuses(DayNumber asOf,
                                                  const StaffFilter& counted) const {
    std::vector<DayNumber> firstDue(moduleCount(), kNoDay);
    std::vector<std::uint32_t> latest(moduleCount(), kNone);
    std::vector<std::uint32_t> touched;
    std::vector<StatusRow> rows;
    for (std::size_t s = 0; s < staffCount(); ++s) {
        if (counted && !counted(s)) {
            continue;
        }
        const std::size_t begin = rows.size();
        visitStaff(s, asOf, firstDue, touched, latest, [&](std::uint32_t module, PairStatus st) {
            rows.push_back(StatusRow{static_cast<std::uint32_t>(s), module, st});
        });
        std::sort(rows.begin() + static_cast<std::ptrdiff_t>(begin), rows.end(),
                  [](const StatusRow& a, const StatusRow& b) { return a.module < b.module; });
    }
    return rows;
}

std::vector<StatusRow> ComplianceEngine::statusesOf(std::size_t staff, DayNumber asOf) const {
    std::vector<DayNumber> firstDue(moduleCount(), kNoDay);
    std::vector<std::uint32_t> latest(moduleCount(), kNone);
    std::vector<std::uint32_t> touched;
    std::vector<StatusRow> rows;
    visitStaff(staff, asOf, firstDue, touched, latest, [&](std::uint32_t module, PairStatus st) {
        rows.push_back(StatusRow{static_cast<std::uint32_t>(staff), module, st});
    });
    std::sort(rows.begin(), rows.end(),
              [](const StatusRow& a, const StatusRow& b) { return a.module < b.module; });
    return rows;
}

std::vector<StatusRow> ComplianceEngine::statusesIn(std::size_t team, std::size_t module,
                                                    DayNumber asOf) const {
    std::vector<DayNumber> firstDue(moduleCount(), kNoDay);
    std::vector<std::uint32_t> latest(moduleCount(), kNone);
    std::vector<std::uint32_t> touched;
    std::vector<StatusRow> rows;
    for (std::size_t s = 0; s < staffCount(); ++s) {
        if (m_staffTeam[s] != team) {
            continue;
        }
        visitStaff(s, asOf, firstDue, touched, latest, [&](std::uint32_t m, PairStatus st) {
            if (m == module) {
                rows.push_back(StatusRow{static_cast<std::uint32_t>(s), m, st});
            }
        });
    }
    return rows;
}

CoverageTable ComplianceEngine::coverageByTeam(DayNumber asOf) const {
    return coverageByTeam(asOf, nullptr);
}

CoverageTable ComplianceEngine::coverageByTeam(DayNumber asOf, const StaffFilter& counted) const {
    CoverageTable table(teamCount(), moduleCount());
    std::vector<DayNumber> firstDue(moduleCount(), kNoDay);
    std::vector<std::uint32_t> latest(moduleCount(), kNone);
    std::vector<std::uint32_t> touched;
    for (std::size_t s = 0; s < staffCount(); ++s) {
        if (counted && !counted(s)) {
            continue;
        }
        const std::uint32_t team = m_staffTeam[s];
        visitStaff(s, asOf, firstDue, touched, latest, [&](std::uint32_t module, PairStatus st) {
            table.cell(team, module).add(st.status);
            table.total(module).add(st.status);
        });
    }
    return table;
}

} // namespace ledger
