// The ASC-WDS training file's pure parts (domain.md section 1.1): ASC-WDS's own quoting, each
// rule of one row with its error code, and the remembered mappings' text.

#include "io/asc_wds_training.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger {
namespace {

const Date kToday = makeDate(2026, 11, 25);

AscWdsTrainingRow goodRow() {
    return AscWdsTrainingRow{"J1", "E1", "6",  "Fire safety", "1",          "2",
                             "88", "1",  "12", "01/03/2025",  "28/02/2026", "Notes"};
}

/// The columns of a row's problems, in order.
std::vector<std::string> columns(const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const FieldError& e : errors) {
        out.push_back(e.field);
    }
    return out;
}

TEST(AscWdsTraining, QuotesAsAscWdsDownloadDoes) {
    EXPECT_EQ(ascWdsQuoted("Fire safety"), "Fire safety"); // spaces alone: not quoted
    EXPECT_EQ(ascWdsQuoted("a,b"), "\"a,b\"");
    EXPECT_EQ(ascWdsQuoted("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(ascWdsQuoted("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(ascWdsQuoted("tab\there"), "\"tab\there\"");
    EXPECT_EQ(ascWdsQuoted("=1+2"), "=1+2"); // no spreadsheet prefix in this file
    EXPECT_EQ(ascWdsQuoted(""), "");
}

TEST(AscWdsTraining, AGoodRowHasNoProblemOrWarning) {
    std::vector<FieldError> warnings;
    EXPECT_TRUE(checkAscWdsRow(goodRow(), kToday, &warnings).empty());
    EXPECT_TRUE(warnings.empty());
    AscWdsTrainingRow never = goodRow();
    never.validity = "none";
    never.expiryDate.clear();
    EXPECT_TRUE(checkAscWdsRow(never, kToday, &warnings).empty());
    EXPECT_TRUE(warnings.empty());
}

TEST(AscWdsTraining, EachRuleOfSectionOneOneIsCheckedWithItsCode) {
    const auto problemsOf = [](void (*change)(AscWdsTrainingRow&)) {
        AscWdsTrainingRow row = goodRow();
        change(row);
        const std::vector<FieldError> errors = checkAscWdsRow(row, kToday);
        return errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                  : std::to_string(errors.size()) + " problems";
    };
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.localEstId.clear(); }),
              "LOCALESTID: the workplace id is missing (1000)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.localEstId = std::string(51, 'J'); }),
              "LOCALESTID: more than 50 characters (1000)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.uniqueWorkerId = std::string(51, 'E'); }),
              "UNIQUEWORKERID: more than 50 characters (1010)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.category = "24"; }),
              "CATEGORY: '24' is not an ASC-WDS training category code (1050)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.category.clear(); }),
              "CATEGORY: CATEGORY has not been supplied (1050)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.trainingName = std::string(121, 't'); }),
              "TRAININGNAME: more than 120 characters (1040)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.accredited = "yes"; }),
              "ACCREDITED: 'yes' is not 1, 0 or 999 (1060)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.whoDelivered = "3"; }),
              "WHODELIVERED: '3' is not 1 or 2 (1080)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.providerName = "Acme"; }),
              "PROVIDERNAME: 'Acme' is not a provider's numeric code (1090)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.howDelivered = "0"; }),
              "HOWDELIVERED: '0' is not 1 or 2 (1100)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.validity = "1000"; }),
              "VALIDITY: '1000' is not none or a whole number of months from 1 to 999 (1110)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.validity = "None"; }),
              "VALIDITY: 'None' is not none or a whole number of months from 1 to 999 (1110)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.dateCompleted = "2025-03-01"; }),
              "DATECOMPLETED: '2025-03-01' is not a date in the form DD/MM/YYYY (1020)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.dateCompleted = "31/02/2025"; }),
              "DATECOMPLETED: '31/02/2025' is not a date in the form DD/MM/YYYY (1020)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) {
                  r.dateCompleted = "26/11/2026";
                  r.expiryDate = "25/11/2027";
              }),
              "DATECOMPLETED: 26/11/2026 is in the future (1020)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.expiryDate = "1/3/2026"; }),
              "EXPIRYDATE: '1/3/2026' is not a date in the form DD/MM/YYYY (1030)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.expiryDate = r.dateCompleted; }),
              "EXPIRYDATE: must be later than DATECOMPLETED (1030)");
    EXPECT_EQ(problemsOf([](AscWdsTrainingRow& r) { r.notes = std::string(1001, 'n'); }),
              "NOTES: more than 1,000 characters (1070)");
    // 1,000 characters of two bytes each are 1,000 characters.
    AscWdsTrainingRow wide = goodRow();
    wide.notes.clear();
    for (int i = 0; i < 1000; ++i) {
        wide.notes += "\xC3\xA9";
    }
    EXPECT_TRUE(checkAscWdsRow(wide, kToday).empty());
}

TEST(AscWdsTraining, WarningsAreNotProblems) {
    std::vector<FieldError> warnings;
    AscWdsTrainingRow row = goodRow();
    row.whoDelivered = "1"; // a provider code for in-house training: ignored (2090)
    row.validity = "6";     // six months do not give 28/02/2026 (2110)
    EXPECT_TRUE(checkAscWdsRow(row, kToday, &warnings).empty());
    EXPECT_EQ(columns(warnings), (std::vector<std::string>{"PROVIDERNAME", "VALIDITY"}));
    EXPECT_NE(warnings[0].message.find("(2090)"), std::string::npos);
    EXPECT_NE(warnings[1].message.find("(2110)"), std::string::npos);
}

TEST(AscWdsTraining, TheFileHasTheHeaderAndAscWdsQuoting) {
    AscWdsTrainingRow row = goodRow();
    row.notes = "Room 2, \"B\"";
    EXPECT_EQ(
        ascWdsTrainingCsv({row}),
        std::string(kAscWdsTrainingHeader) +
            "\nJ1,E1,6,Fire safety,1,2,88,1,12,01/03/2025,28/02/2026,\"Room 2, \"\"B\"\"\"\n");
}

TEST(AscWdsTraining, MappingsReadBackAsWrittenAndOneReplacesItsNamesake) {
    std::vector<AscWdsMapping> mappings{{21, "Domestic abuse", "DA"},
                                        {6, "Fire, \"refresher\"", "FIRE"}};
    EXPECT_EQ(parseAscWdsMappings(formatAscWdsMappings(mappings)), mappings);
    mappings = withAscWdsMapping(mappings, {21, "Domestic abuse", "DA2"});
    EXPECT_EQ(mappings, (std::vector<AscWdsMapping>{{6, "Fire, \"refresher\"", "FIRE"},
                                                    {21, "Domestic abuse", "DA2"}}));
    EXPECT_EQ(parseAscWdsMappingArgument("21|Care Act | law=CA"),
              (AscWdsMapping{21, "Care Act | law", "CA"}));
    EXPECT_EQ(parseAscWdsMappingArgument("21|=CA"), (AscWdsMapping{21, "", "CA"}));
    EXPECT_EQ(parseAscWdsMappingArgument("24|Anything=CA"), std::nullopt); // not a category
    EXPECT_EQ(parseAscWdsMappingArgument("21|Care Act="), std::nullopt);
    EXPECT_EQ(parseAscWdsMappingArgument("Care Act=CA"), std::nullopt);
}

} // namespace
} // namespace ledger
