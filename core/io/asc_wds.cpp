#include "io/asc_wds.h"

#include <array>

namespace ledger {

namespace {
// shared/domain.md section 1.3 (ASC-WDS trainingCategory reference and rename migrations),
// with the groups of section 1.2 (migration 20240711151423-setTrainingGroupCategories.js).
constexpr std::array<AscWdsCategory, 48> kCategories{{
    {1, "Control and restraint", AscWdsGroup::CareSkills},
    {2, "Dementia care", AscWdsGroup::SpecificConditions},
    {5, "Emergency aid awareness", AscWdsGroup::HealthAndSafety},
    {6, "Fire safety", AscWdsGroup::HealthAndSafety},
    {7, "Basic life support and first aid", AscWdsGroup::HealthAndSafety},
    {8, "Food hygiene", AscWdsGroup::HealthAndSafety},
    {9, "Health and safety awareness", AscWdsGroup::HealthAndSafety},
    {10, "Infection prevention and control", AscWdsGroup::CareSkills},
    {11, "Leadership and management", AscWdsGroup::StaffDevelopment},
    {12, "Learning disability", AscWdsGroup::SpecificConditions},
    {13, "Medication management", AscWdsGroup::CareSkills},
    {14, "Mental capacity and liberty safeguards", AscWdsGroup::CareSkills},
    {15, "Assisting and moving people", AscWdsGroup::CareSkills},
    {16, "Nutrition and hydration", AscWdsGroup::CareSkills},
    {17, "Palliative, end of life care", AscWdsGroup::CareSkills},
    {18, "Physical disability", AscWdsGroup::SpecificConditions},
    {19, "Positive behaviour support and non-restrictive practice", AscWdsGroup::CareSkills},
    {20, "Safeguarding adults", AscWdsGroup::CareSkills},
    {21, "Other", AscWdsGroup::None},
    {22, "Dignity, respect, person-centered care", AscWdsGroup::CareSkills},
    {23, "Equality and diversity", AscWdsGroup::CareSkills},
    {25, "Children's, young people's related training", AscWdsGroup::StaffDevelopment},
    {26, "Data management and GDPR", AscWdsGroup::DigitalAndData},
    {27, "Epilepsy", AscWdsGroup::SpecificConditions},
    {28, "Communication", AscWdsGroup::StaffDevelopment},
    {29, "Diabetes", AscWdsGroup::SpecificConditions},
    {30, "COSHH", AscWdsGroup::HealthAndSafety},
    {31, "Mental health", AscWdsGroup::SpecificConditions},
    {32, "Autism", AscWdsGroup::SpecificConditions},
    {33, "Continence care", AscWdsGroup::CareSkills},
    {34, "Duty of care", AscWdsGroup::CareSkills},
    {35, "Supervision, performance management", AscWdsGroup::StaffDevelopment},
    {36, "Stroke", AscWdsGroup::SpecificConditions},
    {37, "Complaints handling, conflict resolution", AscWdsGroup::StaffDevelopment},
    {38, "Personal care", AscWdsGroup::CareSkills},
    {39, "Activity provision, wellbeing", AscWdsGroup::CareSkills},
    {40, "Sensory disability", AscWdsGroup::SpecificConditions},
    {41, "Oliver McGowan Mandatory Training (elearning)", AscWdsGroup::SpecificConditions},
    {42, "Oliver McGowan Mandatory Training (Tier 1)", AscWdsGroup::SpecificConditions},
    {43, "Oliver McGowan Mandatory Training (Tier 2)", AscWdsGroup::SpecificConditions},
    {44, "Oral health", AscWdsGroup::CareSkills},
    {45, "Moving and handling objects", AscWdsGroup::HealthAndSafety},
    {46, "Assisted digital and accessibility", AscWdsGroup::DigitalAndData},
    {47, "Digital leadership skills", AscWdsGroup::DigitalAndData},
    {48, "In-house systems and applications", AscWdsGroup::DigitalAndData},
    {49, "Online safety and security", AscWdsGroup::DigitalAndData},
    {50, "Social media and communications", AscWdsGroup::DigitalAndData},
    {51, "Working with digital technology", AscWdsGroup::DigitalAndData},
}};

constexpr std::array<AscWdsGroup, 5> kGroups{
    AscWdsGroup::CareSkills, AscWdsGroup::HealthAndSafety, AscWdsGroup::DigitalAndData,
    AscWdsGroup::SpecificConditions, AscWdsGroup::StaffDevelopment};
} // namespace

std::span<const AscWdsCategory> ascWdsCategories() {
    return kCategories;
}

std::optional<AscWdsCategory> findAscWdsCategory(int code) {
    for (const AscWdsCategory& c : kCategories) {
        if (c.code == code) {
            return c;
        }
    }
    return std::nullopt;
}

std::span<const AscWdsGroup> ascWdsGroups() {
    return kGroups;
}

std::string_view ascWdsGroupName(AscWdsGroup group) {
    switch (group) {
    case AscWdsGroup::CareSkills:
        return "Care skills and knowledge";
    case AscWdsGroup::HealthAndSafety:
        return "Health and safety in the workplace";
    case AscWdsGroup::DigitalAndData:
        return "IT, digital and data in the workplace";
    case AscWdsGroup::SpecificConditions:
        return "Specific conditions and disabilities";
    case AscWdsGroup::StaffDevelopment:
        return "Staff development";
    case AscWdsGroup::None:
        break;
    }
    return "";
}

AscWdsGroup ascWdsGroupOf(int category) {
    const auto found = findAscWdsCategory(category);
    return found ? found->group : AscWdsGroup::None;
}

std::string_view ascWdsGroupName(int category) {
    return ascWdsGroupName(ascWdsGroupOf(category));
}

} // namespace ledger
