#pragma once

#include "assessors/trusted_assessor.h"
#include "base/ids.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// One code of the ledger's equipment-category list (rules/learning-record.md section 7).
struct EquipmentCategory {
    std::string code; ///< `[a-z0-9_]{1,40}`
    std::string label;

    friend bool operator==(const EquipmentCategory&, const EquipmentCategory&) = default;
};

/// Where trusted-assessor authorisations, the equipment-category list and each role's
/// `can_sign_off` live (rules/learning-record.md section 7), in a ledger file or on a server
/// (where each account reads and writes only what row-level security lets it).
class AssessorRepository {
public:
    virtual ~AssessorRepository() = default;

    /// Every authorisation, by employee id, then level code (byte order).
    [[nodiscard]] virtual std::vector<TrustedAssessor> authorisations() = 0;
    /// The authorisation with this key, if any.
    [[nodiscard]] virtual std::optional<TrustedAssessor> authorisation(std::string_view employeeId,
                                                                       AssessorLevel level) = 0;
    /// Inserts when `assessor.id` is 0, else updates: refused (StaleRecord) when its known
    /// version is not the stored one, Conflict when it was removed meanwhile. ValidationError
    /// naming an unknown employee id. Returns its id.
    virtual RecordId put(const TrustedAssessor& assessor) = 0;

    /// The equipment-category list, by code (byte order).
    [[nodiscard]] virtual std::vector<EquipmentCategory> categories() = 0;
    /// Adds a code to the list (AlreadyExists when it is there).
    virtual void addCategory(const EquipmentCategory& category) = 0;

    /// Whether the role of this name may sign assessors off; nullopt when there is no such role.
    [[nodiscard]] virtual std::optional<bool> roleCanSignOff(std::string_view role) = 0;
    /// Sets a role's `can_sign_off`; ValidationError (on `role`) when there is no such role.
    virtual void setRoleCanSignOff(std::string_view role, bool canSignOff) = 0;
    /// The names of the roles that may sign assessors off, sorted.
    [[nodiscard]] virtual std::vector<std::string> signingRoles() = 0;
};

} // namespace ledger
