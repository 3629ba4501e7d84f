#pragma once

#include "base/date.h"
#include "base/field_spec.h"
#include "base/ids.h"

#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace ledger {

enum class RenewalBasis { Completion, Expiry };

[[nodiscard]] std::string renewalBasisCode(RenewalBasis basis);
[[nodiscard]] std::optional<RenewalBasis> parseRenewalBasis(std::string_view code);

struct Module {
    RecordId id = 0;
    std::string code;
    std::string title;
    std::optional<int> renewalMonths; ///< nullopt: never expires
    RenewalBasis renewalBasis = RenewalBasis::Completion;
    int windowDays = 90;
    int dueSoonDays = 60;
    std::optional<int> ascWdsCategory;
    /// How Skills for Care's ASC-WDS training file describes the module (domain.md section
    /// 1.1); each is absent where unset and then written empty.
    std::optional<int> ascWdsAccredited;   ///< 1 yes, 0 no, 999 don't know
    std::optional<int> ascWdsWhoDelivered; ///< 1 in-house staff, 2 external provider
    std::optional<int> ascWdsProvider;     ///< ASC-WDS's numeric provider code (external only)
    std::optional<int> ascWdsHowDelivered; ///< 1 face to face, 2 e-learning
    RecordVersion version;                 ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const Module&, const Module&) = default;
};

enum class Scope { All, Team, Role };

[[nodiscard]] std::string scopeCode(Scope scope);
[[nodiscard]] std::optional<Scope> parseScope(std::string_view code);

struct Requirement {
    RecordId id = 0;
    std::string moduleCode;
    Scope scope = Scope::All;
    std::string value; ///< team or role name; empty for All
    int dueWithinDays = 0;
    std::optional<Date> effectiveFrom;
    RecordVersion version; ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const Requirement&, const Requirement&) = default;
};

struct Completion {
    RecordId id = 0;
    std::string employeeId;
    std::string moduleCode;
    Date completedOn{};
    std::optional<Date> expiresOn; ///< explicit expiry from a certificate or an import
    std::string evidence;
    bool voided = false;    ///< kept as evidence but no longer counts
    std::string voidReason; ///< why it was voided
    RecordVersion version;  ///< as read from the ledger (see RecordVersion)

    friend bool operator==(const Completion&, const Completion&) = default;
};

/// The fields of each kind (the import's columns, the change log's values, the forms).
[[nodiscard]] const RecordSpec<Module>& moduleSpec();
[[nodiscard]] const RecordSpec<Requirement>& requirementSpec();
[[nodiscard]] const RecordSpec<Completion>& completionSpec();

/// One counted (not voided) completion as the engine is fed it: integers only, the person and
/// the module by their store ids. A county's two million completions load as these, never as
/// Completion records with their strings.
struct CompletionRow {
    RecordId staffId = 0;
    RecordId moduleId = 0;
    DayNumber completedOn = 0;
    DayNumber explicitExpiresOn = std::numeric_limits<DayNumber>::max(); ///< kNoDay: none
};

} // namespace ledger
