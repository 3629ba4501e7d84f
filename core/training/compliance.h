#pragma once

#include "base/date.h"
#include "staff/staff.h"
#include "store/ledger_data.h"
#include "training/training.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace ledger {

/// The status of a required (staff, module) pair on a date (compliance rules section 5).
enum class Status : std::uint8_t { Compliant, DueSoon, Overdue, NotYetDue };

/// `compliant`, `due_soon`, `overdue`, `not_yet_due`.
[[nodiscard]] std::string statusCode(Status status);

/// True for the two statuses that count towards coverage.
[[nodiscard]] constexpr bool isCovered(Status status) {
    return status == Status::Compliant || status == Status::DueSoon;
}

/// "No date": an empty `expires_on` / `due_on`, an empty leave date, a never-expiring completion.
inline constexpr DayNumber kNoDay = std::numeric_limits<DayNumber>::max();

/// One completion as the expiry rule sees it.
struct CompletionDates {
    DayNumber completedOn = 0;
    DayNumber explicitExpiresOn = kNoDay; ///< kNoDay when the completion has none
};

/// The renewal settings of a module that decide expiry and due-soon.
struct RenewalRule {
    std::optional<int> renewalMonths; ///< nullopt: never expires
    RenewalBasis basis = RenewalBasis::Completion;
    int windowDays = 90;
    int dueSoonDays = 60;
};

/// Expiry of each completion of one (staff, module), given in completed_on order (rules
/// section 4). kNoDay where a completion never expires.
[[nodiscard]] std::vector<DayNumber> computeExpiries(const RenewalRule& rule,
                                                     std::span<const CompletionDates> ordered);

/// The status of one required pair, with the two report dates (kNoDay when empty).
struct PairStatus {
    Status status = Status::NotYetDue;
    DayNumber expiresOn = kNoDay;
    DayNumber dueOn = kNoDay;
};

/// Section 5 for one pair: `latestExpiry` is L's expiry (kNoDay if L never expires) when
/// `hasLatest`, `firstDueOn` the earliest first-due date of the applying rules.
[[nodiscard]] PairStatus evaluatePair(DayNumber asOf, DayNumber firstDueOn, bool hasLatest,
                                      DayNumber latestExpiry, int dueSoonDays);

/// Coverage percentage in tenths of a percent, rounded half up from exact integers
/// (rules section 6); nullopt when nobody counts for or against.
[[nodiscard]] std::optional<int> coverageTenths(int compliant, int dueSoon, int overdue);

/// `100.0`, `66.7`, or empty when undefined.
[[nodiscard]] std::string formatPercent(std::optional<int> tenths);

/// Counts for one group and module on a date.
struct CoverageCell {
    int required = 0;
    int compliant = 0;
    int dueSoon = 0;
    int overdue = 0;
    int notYetDue = 0;
    [[nodiscard]] std::optional<int> percentTenths() const {
        return coverageTenths(compliant, dueSoon, overdue);
    }
    void add(Status status);
};

/// One required pair's status on a date, by index into the engine's tables.
struct StatusRow {
    std::uint32_t staff = 0;
    std::uint32_t module = 0;
    PairStatus status;
};

/// Coverage by team and module (team-major: `cell(team, module)`), plus organisation totals.
class CoverageTable {
public:
    CoverageTable(std::size_t teams, std::size_t modules)
        : m_modules(modules), m_cells(teams * modules), m_totals(modules) {}
    [[nodiscard]] const CoverageCell& cell(std::size_t team, std::size_t module) const {
        return m_cells[team * m_modules + module];
    }
    CoverageCell& cell(std::size_t team, std::size_t module) {
        return m_cells[team * m_modules + module];
    }
    /// The whole organisation for one module.
    [[nodiscard]] const CoverageCell& total(std::size_t module) const { return m_totals[module]; }
    CoverageCell& total(std::size_t module) { return m_totals[module]; }
    [[nodiscard]] std::size_t moduleCount() const { return m_modules; }
    [[nodiscard]] std::size_t teamCount() const {
        return m_modules == 0 ? 0 : m_cells.size() / m_modules;
    }

private:
    std::size_t m_modules;
    std::vector<CoverageCell> m_cells;
    std::vector<CoverageCell> m_totals;
};

/// The compliance engine: built once from a ledger's records, it answers statuses and
/// coverage for any date, past or future, without touching the store. It keeps its data as
/// flat arrays so that coverage over a county (20,000 staff, 2,000,000 completions) stays
/// close to a bare loop.
class ComplianceEngine {
public:
    /// Builds the engine. The input must already be valid (rules section 7): completions
    /// naming unknown staff or modules are ignored, and so are voided completions.
    explicit ComplianceEngine(const LedgerData& data);
    /// Builds the engine from the compact load: `records` holds staff, modules and rules
    /// (with their store ids; its completions are ignored) and `rows` every counted
    /// completion by store ids. Rows naming unknown staff or modules are ignored.
    ComplianceEngine(const LedgerData& records, std::vector<CompletionRow> rows);

    // Keeping the engine current after a committed change, without reloading the ledger.

    /// Replaces every counted completion of one person (after a completion of theirs is
    /// recorded, corrected or voided). `rows` are that person's rows, by store ids.
    void replaceCompletionsOf(std::size_t staff, std::span<const CompletionRow> rows);
    /// Adds a person, or takes a person's new team, role and dates. False (and nothing
    /// changed) when the person's team or role is one the engine has not seen, whose rules
    /// it may not hold: rebuild the engine then.
    [[nodiscard]] bool putStaff(const Staff& staff);
    /// The person with this store id.
    [[nodiscard]] std::optional<std::size_t> findStaffById(RecordId id) const;

    [[nodiscard]] std::size_t staffCount() const { return m_staffStart.size(); }
    [[nodiscard]] std::size_t moduleCount() const { return m_moduleCodes.size(); }
    [[nodiscard]] std::size_t teamCount() const { return m_teamNames.size(); }
    /// The completions that count (voided ones and those of unknown people left out).
    [[nodiscard]] std::size_t completionCount() const { return m_completedOn.size(); }

    [[nodiscard]] const std::string& employeeId(std::size_t staff) const {
        return m_employeeIds[staff];
    }
    [[nodiscard]] std::uint32_t teamOf(std::size_t staff) const { return m_staffTeam[staff]; }
    [[nodiscard]] const std::string& teamName(std::size_t team) const { return m_teamNames[team]; }
    [[nodiscard]] const std::string& moduleCode(std::size_t module) const {
        return m_moduleCodes[module];
    }
    [[nodiscard]] std::optional<std::size_t> findStaff(std::string_view employeeId) const;
    [[nodiscard]] std::optional<std::size_t> findModule(std::string_view code) const;
    [[nodiscard]] std::optional<std::size_t> findTeam(std::string_view name) const;
    [[nodiscard]] std::size_t roleCount() const { return m_roleNames.size(); }
    [[nodiscard]] std::uint32_t roleOf(std::size_t staff) const { return m_staffRole[staff]; }
    [[nodiscard]] const std::string& roleName(std::size_t role) const { return m_roleNames[role]; }
    [[nodiscard]] std::optional<std::size_t> findRole(std::string_view name) const;

    /// Active on the date (rules section 2).
    [[nodiscard]] bool isActive(std::size_t staff, DayNumber asOf) const;

    /// Every required pair's status on the date, ordered by staff then module index.
    [[nodiscard]] std::vector<StatusRow> statuses(DayNumber asOf) const;

    /// One person's required modules on the date, ordered by module index.
    [[nodiscard]] std::vector<StatusRow> statusesOf(std::size_t staff, DayNumber asOf) const;

    /// The pairs behind one coverage cell, ordered by staff index.
    [[nodiscard]] std::vector<StatusRow> statusesIn(std::size_t team, std::size_t module,
                                                    DayNumber asOf) const;

    /// Coverage per team and module, with organisation totals.
    [[nodiscard]] CoverageTable coverageByTeam(DayNumber asOf) const;

    /// Which people a figure counts, by staff index.
    using StaffFilter = std::function<bool(std::size_t staff)>;
    /// As statuses(asOf), of the people `counted` keeps only (the others are not visited).
    [[nodiscard]] std::vector<StatusRow> statuses(DayNumber asOf, const StaffFilter& counted) const;
    /// As coverageByTeam(asOf), counting the people `counted` keeps only.
    [[nodiscard]] CoverageTable coverageByTeam(DayNumber asOf, const StaffFilter& counted) const;

private:
    struct Rule {
        std::uint32_t module;
        DayNumber effectiveFrom; ///< kNoDay: no effective date (always effective)
        int dueWithinDays;
    };

    template <typename Visit>
    void visitStaff(std::size_t staff, DayNumber asOf, std::vector<DayNumber>& firstDue,
                    std::vector<std::uint32_t>& touched, std::vector<std::uint32_t>& latest,
                    Visit&& visit) const;

    struct Row {
        std::uint32_t staff;
        std::uint32_t module;
        CompletionDates dates;
    };
    void indexStaff(const LedgerData& records);
    /// Rows by person (a counting sort), each person's by module and date, into the arrays.
    void build(std::vector<Row> rows);
    /// Sorts each person's rows (between m_staffOffset's bounds) by module and date.
    void sortEachPerson(std::vector<Row>& rows) const;
    /// Sorted rows into the flat completion arrays, with their expiries.
    void fillAll(std::vector<Row>& rows);
    /// Sorted rows of one or all people into the flat completion arrays from `at`.
    void fillCompletions(std::span<Row> rows, std::size_t at);

    // Staff, by index.
    std::vector<RecordId> m_staffIds; ///< store ids (0 for records never stored)
    std::unordered_map<std::string, std::uint32_t> m_staffIndex;
    std::unordered_map<std::string, std::uint32_t> m_teamIndex;
    std::unordered_map<std::string, std::uint32_t> m_roleIndex;
    std::vector<std::string> m_employeeIds;
    std::vector<std::uint32_t> m_staffTeam;
    std::vector<std::uint32_t> m_staffRole;
    std::vector<DayNumber> m_staffStart;
    std::vector<DayNumber> m_staffLeave;

    std::vector<std::string> m_teamNames;
    std::vector<std::string> m_roleNames;

    // Modules, by index.
    std::vector<std::string> m_moduleCodes;
    std::vector<RecordId> m_moduleIds; ///< store ids
    std::vector<int> m_dueSoonDays;
    std::vector<RenewalRule> m_renewal;

    // Requirement rules by scope.
    std::vector<Rule> m_rulesAll;
    std::vector<std::vector<Rule>> m_rulesByTeam;
    std::vector<std::vector<Rule>> m_rulesByRole;

    // Completions sorted by (staff, module, completed_on); staff s owns
    // [m_staffOffset[s], m_staffOffset[s + 1]).
    std::vector<std::uint32_t> m_staffOffset;
    std::vector<std::uint32_t> m_completionModule;
    std::vector<DayNumber> m_completedOn;
    std::vector<DayNumber> m_expiresOn;
};

} // namespace ledger
