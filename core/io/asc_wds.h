#pragma once

// Skills for Care's ASC-WDS training categories (domain.md sections 1.2 and 1.3): the
// bulk-upload codes, their exact names and the group each belongs to.

#include <optional>
#include <span>
#include <string_view>

namespace ledger {

/// The five training-category groups ASC-WDS added in July 2024 (section 1.2). "Other" (21)
/// belongs to none.
enum class AscWdsGroup {
    None = 0,
    CareSkills = 1,         ///< Care skills and knowledge
    HealthAndSafety = 2,    ///< Health and safety in the workplace
    DigitalAndData = 3,     ///< IT, digital and data in the workplace
    SpecificConditions = 4, ///< Specific conditions and disabilities
    StaffDevelopment = 5,   ///< Staff development
};

/// One Skills for Care ASC-WDS training category: its bulk-upload code, exact name and
/// group.
struct AscWdsCategory {
    int code;
    std::string_view name;
    AscWdsGroup group = AscWdsGroup::None;
};

/// Every current category (48 of them; codes 3, 4 and 24 are not used), by code.
[[nodiscard]] std::span<const AscWdsCategory> ascWdsCategories();

/// The category with this bulk-upload code, if there is one.
[[nodiscard]] std::optional<AscWdsCategory> findAscWdsCategory(int code);

/// The five groups, in ASC-WDS's order (None is not among them).
[[nodiscard]] std::span<const AscWdsGroup> ascWdsGroups();
/// A group's name as ASC-WDS shows it ("Care skills and knowledge"); "" for None.
[[nodiscard]] std::string_view ascWdsGroupName(AscWdsGroup group);
/// The group of the category with this bulk-upload code: None for 21 "Other" and for a code
/// that is no category.
[[nodiscard]] AscWdsGroup ascWdsGroupOf(int category);
/// The name of that group; "" when it has none (ascWdsGroupName(ascWdsGroupOf(category))).
[[nodiscard]] std::string_view ascWdsGroupName(int category);

} // namespace ledger
