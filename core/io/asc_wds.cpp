#include "io/asc_wds.h"

#include <array>

namespace ledger {

namespace {
// shared/domain.md section 1.3 (ASC-WDS trainingCategory reference and rename migrations).
constexpr std::array<AscWdsCategory, 48> kCategories{{
    {1, "Control and restraint"},
    {2, "Dementia care"},
    {5, "Emergency aid awareness"},
    {6, "Fire safety"},
    {7, "Basic life support and first aid"},
    {8, "Food hygiene"},
    {9, "Health and safety awareness"},
    {10, "Infection prevention and control"},
    {11, "Leadership and management"},
    {12, "Learning disability"},
    {13, "Medication management"},
    {14, "Mental capacity and liberty safeguards"},
    {15, "Assisting and moving people"},
    {16, "Nutrition and hydration"},
    {17, "Palliative, end of life care"},
    {18, "Physical disability"},
    {19, "Positive behaviour support and non-restrictive practice"},
    {20, "Safeguarding adults"},
    {21, "Other"},
    {22, "Dignity, respect, person-centered care"},
    {23, "Equality and diversity"},
    {25, "Children's, young people's related training"},
    {26, "Data management and GDPR"},
    {27, "Epilepsy"},
    {28, "Communication"},
    {29, "Diabetes"},
    {30, "COSHH"},
    {31, "Mental health"},
    {32, "Autism"},
    {33, "Continence care"},
    {34, "Duty of care"},
    {35, "Supervision, performance management"},
    {36, "Stroke"},
    {37, "Complaints handling, conflict resolution"},
    {38, "Personal care"},
    {39, "Activity provision, wellbeing"},
    {40, "Sensory disability"},
    {41, "Oliver McGowan Mandatory Training (elearning)"},
    {42, "Oliver McGowan Mandatory Training (Tier 1)"},
    {43, "Oliver McGowan Mandatory Training (Tier 2)"},
    {44, "Oral health"},
    {45, "Moving and handling objects"},
    {46, "Assisted digital and accessibility"},
    {47, "Digital leadership skills"},
    {48, "In-house systems and applications"},
    {49, "Online safety and security"},
    {50, "Social media and communications"},
    {51, "Working with digital technology"},
}};
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

} // namespace ledger
