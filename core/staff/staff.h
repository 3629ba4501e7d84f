#pragma once

#include "base/date.h"
#include "base/field_spec.h"
#include "base/ids.h"

#include <optional>
#include <string>
#include <string_view>

namespace ledger {

enum class RegistrationBody { None, SocialWorkEngland, Hcpc, Nmc };

/// `SWE`, `HCPC`, `NMC`, or empty for None.
[[nodiscard]] std::string registrationBodyCode(RegistrationBody body);
[[nodiscard]] std::optional<RegistrationBody> parseRegistrationBody(std::string_view code);

struct Team {
    RecordId id = 0;
    std::string name;
};

struct Role {
    RecordId id = 0;
    std::string name;
};

struct Staff {
    RecordId id = 0;
    std::string employeeId;
    std::string fullName;
    std::string email;
    std::string team; ///< team name (teams are created by name)
    std::string role; ///< role name
    Date startDate{};
    std::optional<Date> leaveDate; ///< the last day of employment
    std::string lineManagerId;     ///< employee id of the line manager, empty when none
    RegistrationBody registrationBody = RegistrationBody::None;
    std::string registrationNumber;
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const Staff&, const Staff&) = default;
};

/// Whether the person is employed on `d`: started, and not past their leave date (rules/
/// compliance.md section 2's "active on D").
[[nodiscard]] bool employedOn(const Staff& s, Date d);

/// A staff record's fields (the import's columns, the change log's values, the form).
[[nodiscard]] const RecordSpec<Staff>& staffSpec();

} // namespace ledger
