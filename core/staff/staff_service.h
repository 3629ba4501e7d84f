#pragma once

#include "staff/staff.h"
#include "store/unit_of_work.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// The staff use cases: people, and the teams and roles they belong to. Each validates the
/// whole record first (every problem at once, as ValidationError with field names and line
/// 0), runs as one unit of work, and appends to the change log; on any error nothing is
/// written.
class StaffService {
public:
    explicit StaffService(UnitOfWork& work);

    /// A new person; `employee_id` must not be in use. Team and role are created by name.
    void add(const Staff& staff, Date today, std::string_view actor);
    /// Corrects a person found by employee id (team moves, leavers, corrections).
    void update(const Staff& staff, Date today, std::string_view actor);
    /// One person, by employee id.
    [[nodiscard]] std::optional<Staff> find(std::string_view employeeId);

    [[nodiscard]] std::vector<std::string> teams(); ///< sorted by name
    [[nodiscard]] std::vector<std::string> roles(); ///< sorted by name
    void addTeam(std::string_view name, std::string_view actor);
    /// Renames a team; staff and team-scoped rules follow the new name, which must be new.
    void renameTeam(std::string_view from, std::string_view to, std::string_view actor);
    /// Removes a team nobody belongs to and no rule names (otherwise ValidationError saying
    /// how many people and rules use it).
    void removeTeam(std::string_view name, std::string_view actor);
    void addRole(std::string_view name, std::string_view actor);
    void renameRole(std::string_view from, std::string_view to, std::string_view actor);
    void removeRole(std::string_view name, std::string_view actor);

private:
    void addName(NameKind kind, std::string_view name, std::string_view actor);
    void renameName(NameKind kind, std::string_view from, std::string_view to,
                    std::string_view actor);
    void removeName(NameKind kind, std::string_view name, std::string_view actor);

    UnitOfWork& m_work;
    StaffRepository& m_staff;
    TrainingRepository& m_training;
    ChangeLogRepository& m_changes;
};

} // namespace ledger
