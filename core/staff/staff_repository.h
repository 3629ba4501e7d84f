#pragma once

#include "base/ids.h"
#include "staff/staff.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ledger {

/// The two kinds of named group a person belongs to.
enum class NameKind { Team, Role };

/// Where the staff feature's records live: people, teams and roles. Each engine implements
/// it (core/sqlcipher/, later core/postgres/); writes happen inside the store's unit of
/// work.
class StaffRepository {
public:
    virtual ~StaffRepository() = default;

    /// Everyone (leavers included), with team and role names, in employee id order.
    [[nodiscard]] virtual std::vector<Staff> everyone() = 0;
    /// One person, by employee id.
    [[nodiscard]] virtual std::optional<Staff> staffMember(std::string_view employeeId) = 0;
    /// Every employee id with its record id (a cache for an import).
    [[nodiscard]] virtual std::unordered_map<std::string, RecordId> staffIds() = 0;
    /// How many people (leavers included) belong to a team or role.
    [[nodiscard]] virtual std::int64_t staffCount(NameKind kind, std::string_view name) = 0;
    /// Insert or update by employee id; teams and roles are created by name. Returns its id.
    virtual RecordId putStaff(const Staff& staff) = 0;

    /// Team or role names, sorted.
    [[nodiscard]] virtual std::vector<std::string> names(NameKind kind) = 0;
    virtual void addName(NameKind kind, std::string_view name) = 0;
    /// Renames a team or role (its members follow; rules scoped to it by name are the
    /// training repository's, see TrainingRepository::renameScopeValue).
    virtual void renameName(NameKind kind, std::string_view from, std::string_view to) = 0;
    virtual void removeName(NameKind kind, std::string_view name) = 0;
};

} // namespace ledger
