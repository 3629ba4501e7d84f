// The ASC-WDS training categories and their groups (domain.md sections 1.2 and 1.3).

#include "io/asc_wds.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ledger {
namespace {

TEST(AscWdsCategories, FortyEightCodesWithoutThreeFourAndTwentyFourInCodeOrder) {
    const auto categories = ascWdsCategories();
    ASSERT_EQ(categories.size(), 48U);
    std::set<int> codes;
    int previous = 0;
    for (const AscWdsCategory& c : categories) {
        EXPECT_GT(c.code, previous) << c.code;
        previous = c.code;
        EXPECT_FALSE(c.name.empty()) << c.code;
        codes.insert(c.code);
    }
    EXPECT_EQ(codes.size(), 48U);
    for (const int unused : {3, 4, 24}) {
        EXPECT_FALSE(findAscWdsCategory(unused).has_value()) << unused;
        EXPECT_EQ(ascWdsGroupOf(unused), AscWdsGroup::None) << unused;
        EXPECT_EQ(ascWdsGroupName(unused), "") << unused;
    }
    EXPECT_EQ(*codes.begin(), 1);
    EXPECT_EQ(*codes.rbegin(), 51);
    EXPECT_EQ(findAscWdsCategory(20)->name, "Safeguarding adults");
    EXPECT_EQ(findAscWdsCategory(41)->name, "Oliver McGowan Mandatory Training (elearning)");
}

TEST(AscWdsCategories, EachCategoryIsInItsGroupAndOtherInNone) {
    // domain.md section 1.3's Group column, group by group.
    const std::map<AscWdsGroup, std::vector<int>> expected{
        {AscWdsGroup::CareSkills, {1, 10, 13, 14, 15, 16, 17, 19, 20, 22, 23, 33, 34, 38, 39, 44}},
        {AscWdsGroup::HealthAndSafety, {5, 6, 7, 8, 9, 30, 45}},
        {AscWdsGroup::DigitalAndData, {26, 46, 47, 48, 49, 50, 51}},
        {AscWdsGroup::SpecificConditions, {2, 12, 18, 27, 29, 31, 32, 36, 40, 41, 42, 43}},
        {AscWdsGroup::StaffDevelopment, {11, 25, 28, 35, 37}},
        {AscWdsGroup::None, {21}},
    };
    std::size_t total = 0;
    for (const auto& [group, codes] : expected) {
        for (const int code : codes) {
            EXPECT_EQ(ascWdsGroupOf(code), group) << code;
            EXPECT_EQ(ascWdsGroupName(code), ascWdsGroupName(group)) << code;
        }
        total += codes.size();
    }
    EXPECT_EQ(total, 48U);
    EXPECT_EQ(ascWdsGroupName(21), "");
}

TEST(AscWdsCategories, TheFiveGroupsHaveAscWdsNames) {
    std::vector<std::string> names;
    for (const AscWdsGroup g : ascWdsGroups()) {
        names.emplace_back(ascWdsGroupName(g));
    }
    EXPECT_EQ(names, (std::vector<std::string>{
                         "Care skills and knowledge", "Health and safety in the workplace",
                         "IT, digital and data in the workplace",
                         "Specific conditions and disabilities", "Staff development"}));
    EXPECT_EQ(ascWdsGroupName(AscWdsGroup::None), "");
    EXPECT_EQ(ascWdsGroupName(15), "Care skills and knowledge");
    EXPECT_EQ(ascWdsGroupName(45), "Health and safety in the workplace");
}

} // namespace
} // namespace ledger
