// A person's CPD taken away (issue 10, item 4): the CSV's rows and safety, which entries a
// profile's statement takes, where the gaps fall in the dated list, and the PDF's pages.

#include "cpd/cpd_export.h"
#include "export/pdf.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ledger {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

CpdEntry entry(RecordId id, Date date, std::string title, CpdType type,
               CpdStatus status = CpdStatus::Final) {
    CpdEntry e;
    e.id = id;
    e.employeeId = "E1";
    e.date = date;
    e.title = std::move(title);
    e.type = type;
    e.hours = 150;
    e.description = "What it was.";
    e.learning = "What I learnt.";
    e.impact = "What changed.";
    e.status = status;
    return e;
}

CpdExportData person(std::vector<CpdEntry> entries) {
    CpdExportData data;
    data.person.employeeId = "E1";
    data.person.fullName = "Ada Lovelace";
    data.person.role = "Occupational Therapist";
    data.person.team = "Reablement";
    data.person.startDate = d(2019, 4, 1);
    data.person.registrationBody = RegistrationBody::Hcpc;
    data.entries = std::move(entries);
    return data;
}

TEST(CpdRecordCsv, FinalEntriesOnlyByDateThenTitleWithSpreadsheetSafeText) {
    CpdEntry formula = entry(1, d(2026, 3, 1), "=HYPERLINK(\"x\")", CpdType::Course);
    formula.peerReflection = "-a manager";
    formula.standards = {"4.2", "4.1"};
    formula.themes = {"SAFE", "ADV"};
    formula.hours = 750;
    CpdEntry earlier = entry(2, d(2026, 1, 5), "B, with a comma", CpdType::Supervision);
    earlier.hours = 0;
    CpdEntry sameDay = entry(3, d(2026, 1, 5), "A\nsecond line", CpdType::Other);
    CpdEntry draft = entry(4, d(2025, 12, 1), "Draft", CpdType::Course, CpdStatus::Draft);
    EXPECT_EQ(formatCpdRecordCsv({formula, earlier, sameDay, draft}),
              "date,type,title,description,learning,impact,peer_reflection,hours,standards,"
              "themes\n"
              "2026-01-05,other,\"A\nsecond line\",What it was.,What I learnt.,What changed.,,"
              "1.50,,\n"
              "2026-01-05,supervision,\"B, with a comma\",What it was.,What I learnt.,What "
              "changed.,,0.00,,\n"
              "2026-03-01,course,\"'=HYPERLINK(\"\"x\"\")\",What it was.,What I learnt.,What "
              "changed.,'-a manager,7.50,4.1;4.2,ADV;SAFE\n");
    EXPECT_EQ(formatCpdRecordCsv({draft}),
              "date,type,title,description,learning,impact,peer_reflection,hours,standards,"
              "themes\n");
}

TEST(HcpcProfile, TheStatementTakesTheChosenEntriesElseTheSixLatestOfTheCycle) {
    std::vector<CpdEntry> entries;
    // Cycle 2027 runs from 2025-11-01; one entry before it, eight in it, one draft.
    entries.push_back(entry(1, d(2025, 10, 31), "Before", CpdType::Course));
    for (unsigned i = 0; i < 8; ++i) {
        entries.push_back(
            entry(10 + i, d(2026, 1 + i, 3), "In " + std::to_string(i), CpdType::Supervision));
    }
    entries.push_back(entry(30, d(2026, 10, 1), "Draft", CpdType::Course, CpdStatus::Draft));
    const CpdExportData data = person(entries);
    std::vector<std::string> titles;
    for (const CpdEntry& e : statementEntries(data, {}, d(2026, 11, 25))) {
        titles.push_back(e.title);
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"In 2", "In 3", "In 4", "In 5", "In 6", "In 7"}));
    // Chosen: in date order whatever the order given; a draft or unknown id is left out.
    titles.clear();
    for (const CpdEntry& e : statementEntries(data, {"", {13, 1, 30, 999}}, d(2026, 11, 25))) {
        titles.push_back(e.title);
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"Before", "In 3"}));
}

TEST(HcpcProfile, GapsAreMarkedWhereTheyFallInTheDatedList) {
    // Cycle 2027 from 2025-11-01: a gap to the first entry (2026-03-10), none to 2026-05-01,
    // and the open gap from then to D.
    CpdExportData data = person({entry(2, d(2026, 5, 1), "Second", CpdType::ReadingResearch),
                                 entry(1, d(2026, 3, 10), "First", CpdType::Course)});
    const doc::Document document = hcpcProfileDocument(data, {}, d(2026, 11, 25));
    const doc::Table* list = nullptr;
    for (const doc::Block& b : document.blocks) {
        if (const auto* t = std::get_if<doc::Table>(&b); t && t->header.at(1) == "Activity") {
            list = t;
        }
    }
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->rows.size(), 4U);
    EXPECT_TRUE(list->rows[0].marked);
    EXPECT_EQ(list->rows[0].cells[1], "Gap: 129 days with no CPD activity, 01/11/2025 to "
                                      "10/03/2026 (three months or more: explain it)");
    EXPECT_EQ(list->rows[1].cells, (std::vector<std::string>{"10/03/2026", "First", "Course",
                                                             "Formal or educational", "1.50"}));
    EXPECT_FALSE(list->rows[2].marked);
    EXPECT_EQ(list->rows[2].cells[3], "Self-directed learning");
    EXPECT_TRUE(list->rows[3].marked);
    EXPECT_EQ(list->rows[3].cells[1].rfind("Gap still open: 208 days", 0), 0U);
    // Not met, for the gaps; two types, so the mixture is there.
    const auto* status = std::get_if<doc::Status>(&document.blocks.front());
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->word, "Not met");
    EXPECT_EQ(status->tone, doc::Tone::Bad);
    EXPECT_NE(status->detail.find("a gap of three months or more"), std::string::npos);
    EXPECT_EQ(status->detail.find("fewer than two types"), std::string::npos);
}

TEST(HcpcProfile, TheSummaryIsTheirsOrOneFromTheRecordAndItsWordsAreCounted) {
    const CpdExportData data = person({});
    const auto paragraphs = [](const doc::Document& document) {
        std::vector<std::string> out;
        for (const doc::Block& b : document.blocks) {
            if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
                out.push_back(p->text);
            }
        }
        return out;
    };
    auto texts = paragraphs(hcpcProfileDocument(data, {}, d(2026, 11, 25)));
    ASSERT_GE(texts.size(), 2U);
    EXPECT_EQ(texts[0], "Ada Lovelace works as Occupational Therapist in Reablement, and has "
                        "done so since 01/04/2019.");
    EXPECT_EQ(texts[1], "14 words (HCPC's limit is 500).");
    std::string longSummary;
    for (int i = 0; i < 501; ++i) {
        longSummary += "word\n";
    }
    texts = paragraphs(hcpcProfileDocument(data, {longSummary, {}}, d(2026, 11, 25)));
    EXPECT_EQ(texts[1], "501 words: over HCPC's limit of 500; shorten it before it is sent.");
    EXPECT_EQ(countWords(" a\tb\n\nc  "), 3);
    EXPECT_EQ(countWords(""), 0);
}

TEST(CpdRecordDocument, EntriesFollowTheFormsOrderGroupedByRegistrationYear) {
    CpdExportData data =
        person({entry(2, d(2025, 12, 1), "Later", CpdType::PracticeForum),
                entry(1, d(2025, 11, 30), "Earlier", CpdType::Course),
                entry(3, d(2026, 1, 1), "Draft", CpdType::Course, CpdStatus::Draft)});
    data.person.registrationBody = RegistrationBody::SocialWorkEngland;
    data.entries[0].peerReflection = "Discussed with a senior practitioner.";
    const doc::Document document = cpdRecordDocument(data, d(2026, 11, 25));
    std::vector<std::string> shape;
    for (const doc::Block& b : document.blocks) {
        if (const auto* h = std::get_if<doc::Heading>(&b)) {
            shape.push_back("# " + h->text);
        } else if (const auto* f = std::get_if<doc::Field>(&b)) {
            shape.push_back(f->label + ": " + f->value);
        } else if (const auto* s = std::get_if<doc::Status>(&b)) {
            shape.push_back(s->word);
        }
    }
    EXPECT_EQ(shape,
              (std::vector<std::string>{
                  // One final entry in year 2026, without a peer reflection.
                  "Not met",
                  "# Registration year 2025 (01/12/2024 to 30/11/2025)",
                  "# 30/11/2025  Earlier",
                  "Type of CPD: Course",
                  "Description of the activity and why it is relevant: What it was.",
                  "Date: 30/11/2025",
                  "What did you learn?: What I learnt.",
                  "How has it had a positive impact on your practice and the people you work "
                  "with?: What changed.",
                  "P: What have you learnt from discussing this CPD activity with a peer?: ",
                  "# Registration year 2026 (01/12/2025 to 30/11/2026)",
                  "# 01/12/2025  Later",
                  "Type of CPD: Practice forum",
                  "Description of the activity and why it is relevant: What it was.",
                  "Date: 01/12/2025",
                  "What did you learn?: What I learnt.",
                  "How has it had a positive impact on your practice and the people you work "
                  "with?: What changed.",
                  "P: What have you learnt from discussing this CPD activity with a peer?: "
                  "Discussed with a senior practitioner.",
              }));
}

TEST(Pdf, ALongDocumentRunsOnOverPagesEachNumbered) {
    doc::Document document;
    document.title = "Pages";
    document.footer = "A footer";
    std::string longText;
    for (int i = 0; i < 900; ++i) {
        longText += "Sentence " + std::to_string(i) + " of a long reflection. ";
    }
    document.blocks.push_back(doc::Field{"A long answer", longText});
    doc::Table table;
    table.header = {"Date", "Activity"};
    for (int i = 0; i < 120; ++i) {
        table.rows.push_back({{"01/01/2026", "Row " + std::to_string(i)}, i % 7 == 0});
    }
    document.blocks.push_back(table);
    const std::string pdf = renderPdf(document);
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    // Cairo writes one `/Type /Page ` object per page (and one `/Type /Pages`).
    std::size_t pages = 0;
    for (std::size_t at = pdf.find("/Type /Page "); at != std::string::npos;
         at = pdf.find("/Type /Page ", at + 1)) {
        ++pages;
    }
    EXPECT_GE(pages, 5U);
    // An empty document is one page.
    EXPECT_EQ(renderPdf(doc::Document{}).rfind("%PDF-", 0), 0U);
}

} // namespace
} // namespace ledger
