#include "cpd/cpd_export.h"

#include "io/csv.h"

#include <algorithm>
#include <set>

namespace ledger {
namespace {

bool byDateThenTitle(const CpdEntry& a, const CpdEntry& b) {
    if (a.date != b.date) {
        return a.date < b.date;
    }
    return a.title < b.title;
}

/// A choice's label from the CPD spec (`practice_forum` is "Practice forum").
std::string choiceLabel(std::string_view field, const std::string& code) {
    for (const ChoiceOption& o : cpdSpec().at(field).choices) {
        if (o.code == code) {
            return std::string(o.label);
        }
    }
    return code;
}

std::string typeLabel(CpdType type) {
    return choiceLabel("type", cpdTypeCode(type));
}

std::string hcpcTypeLabel(HcpcType type) {
    switch (type) {
    case HcpcType::FormalEducational:
        return "Formal or educational";
    case HcpcType::WorkBased:
        return "Work-based learning";
    case HcpcType::SelfDirected:
        return "Self-directed learning";
    case HcpcType::Professional:
        return "Professional activity";
    case HcpcType::Other:
        return "Other";
    }
    return "Other";
}

std::string joined(const std::vector<std::string>& items, std::string_view between) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) {
            out += between;
        }
        out += item;
    }
    return out;
}

std::string themesText(const CpdEntry& e, const std::map<std::string, std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& key : e.themes) {
        const auto found = names.find(key);
        out.push_back(found == names.end() ? key : found->second);
    }
    return joined(out, "; ");
}

std::string standardsText(const CpdEntry& e) {
    return joined(std::vector<std::string>(e.standards.begin(), e.standards.end()), ", ");
}

std::string sizeText(std::int64_t bytes) {
    if (bytes < 1024) {
        return std::to_string(bytes) + " bytes";
    }
    if (bytes < 1024 * 1024) {
        return std::to_string((bytes + 512) / 1024) + " KB";
    }
    const std::int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

std::string evidenceText(const std::vector<Attachment>& files) {
    std::vector<std::string> lines;
    for (const Attachment& a : files) {
        lines.push_back(a.name + " (" + sizeText(a.size) + ", SHA-256 " + a.sha256 + ")");
    }
    return joined(lines, "\n");
}

const std::vector<Attachment>& evidenceOf(const CpdExportData& data, RecordId id) {
    static const std::vector<Attachment> kNone;
    const auto found = data.evidence.find(id);
    return found == data.evidence.end() ? kNone : found->second;
}

std::string period(Date from, Date to) {
    return formatUk(from) + " to " + formatUk(to);
}

std::string personLine(const Staff& p) {
    std::string out = p.fullName + " (" + p.employeeId + ")";
    if (!p.role.empty()) {
        out += ", " + p.role;
    }
    if (!p.team.empty()) {
        out += ", " + p.team;
    }
    return out;
}

std::string registrationLine(const Staff& p) {
    std::string body;
    switch (p.registrationBody) {
    case RegistrationBody::SocialWorkEngland:
        body = "Social Work England";
        break;
    case RegistrationBody::Hcpc:
        body = "Health and Care Professions Council";
        break;
    case RegistrationBody::Nmc:
        body = "Nursing and Midwifery Council";
        break;
    case RegistrationBody::None:
        return "Not registered with a regulator in this ledger";
    }
    return "Registered with " + body +
           (p.registrationNumber.empty() ? std::string() : ", number " + p.registrationNumber);
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

void sweStatus(doc::Document& out, const CpdExportData& data, Date today) {
    const SocialWorkEnglandCheck check =
        checkSocialWorkEngland(data.person.registrationBody, data.entries, today);
    if (!check.figures) {
        return;
    }
    const SocialWorkEnglandFigures& f = *check.figures;
    const bool met = check.status == RegistrationStatus::Met;
    std::string detail =
        "Registration year " + std::to_string(f.registrationYear) + " (" +
        period(sweRegistrationYearStart(f.registrationYear),
               sweRegistrationYearEnd(f.registrationYear)) +
        "): " + counted(static_cast<std::size_t>(f.entries), "final entry", "final entries") +
        ", " + std::to_string(f.withPeerReflection) + " with peer reflection, as of " +
        formatUk(today) + ".";
    if (!met) {
        detail += " Social Work England asks for at least two, one with peer reflection, by " +
                  formatUk(sweRegistrationYearEnd(f.registrationYear)) + " (" +
                  counted(static_cast<std::size_t>(f.daysLeft), "day", "days") + " left).";
    }
    out.blocks.push_back(doc::Status{"Social Work England CPD requirement", met ? "Met" : "Not met",
                                     detail, met ? doc::Tone::Good : doc::Tone::Bad});
}

void sweEntry(doc::Document& out, const CpdExportData& data, const CpdEntry& e) {
    out.blocks.push_back(doc::Heading{formatUk(e.date) + "  " + e.title, 2});
    out.blocks.push_back(doc::Field{"Type of CPD", typeLabel(e.type)});
    out.blocks.push_back(
        doc::Field{"Description of the activity and why it is relevant", e.description});
    out.blocks.push_back(doc::Field{"Date", formatUk(e.date)});
    out.blocks.push_back(doc::Field{"What did you learn?", e.learning});
    out.blocks.push_back(doc::Field{
        "How has it had a positive impact on your practice and the people you work with?",
        e.impact});
    out.blocks.push_back(
        doc::Field{"P: What have you learnt from discussing this CPD activity with a peer?",
                   e.hasPeerReflection() ? e.peerReflection : std::string()});
    std::string also = "Hours: " + formatHours(e.hours);
    if (!e.standards.empty()) {
        also += ". Standards: " + standardsText(e);
    }
    if (!e.themes.empty()) {
        also += ". Audit themes: " + themesText(e, data.themeNames);
    }
    out.blocks.push_back(doc::Paragraph{also + ".", true});
    const auto& files = evidenceOf(data, e.id);
    if (!files.empty()) {
        out.blocks.push_back(doc::Field{"Evidence kept in the ledger", evidenceText(files)});
    }
}

std::string generatedLine(Date today) {
    return "Written by Practice Ledger on " + formatUk(today);
}

std::string defaultSummary(const Staff& p) {
    std::string out = p.fullName + " works";
    out += p.role.empty() ? std::string() : " as " + p.role;
    out += p.team.empty() ? std::string() : " in " + p.team;
    out += ", and has done so since " + formatUk(p.startDate) + ".";
    return out;
}

} // namespace

std::vector<CpdEntry> finalEntriesByDate(const std::vector<CpdEntry>& entries) {
    std::vector<CpdEntry> out;
    std::copy_if(entries.begin(), entries.end(), std::back_inserter(out),
                 [](const CpdEntry& e) { return e.status == CpdStatus::Final; });
    std::stable_sort(out.begin(), out.end(), byDateThenTitle);
    return out;
}

std::string formatCpdRecordCsv(const std::vector<CpdEntry>& entries) {
    std::string out = "date,type,title,description,learning,impact,peer_reflection,hours,"
                      "standards,themes\n";
    for (const CpdEntry& e : finalEntriesByDate(entries)) {
        out += csvLine(
            {formatIso(e.date), spreadsheetSafe(cpdTypeCode(e.type)), spreadsheetSafe(e.title),
             spreadsheetSafe(e.description), spreadsheetSafe(e.learning), spreadsheetSafe(e.impact),
             spreadsheetSafe(e.peerReflection), formatHours(e.hours),
             spreadsheetSafe(joinCpdList(e.standards)), spreadsheetSafe(joinCpdList(e.themes))});
    }
    return out;
}

doc::Document cpdRecordDocument(const CpdExportData& data, Date today) {
    doc::Document out;
    out.title = "CPD record: " + data.person.fullName;
    out.subtitle = personLine(data.person) + "\n" + registrationLine(data.person) + "\n" +
                   generatedLine(today);
    out.footer = "CPD record of " + data.person.fullName + " (" + data.person.employeeId + ")";
    out.author = "Practice Ledger";
    const std::vector<CpdEntry> entries = finalEntriesByDate(data.entries);
    sweStatus(out, data, today);
    out.blocks.push_back(doc::Paragraph{
        counted(entries.size(), "final entry", "final entries") +
            ", oldest first, each in the order of Social Work England's CPD form. Drafts are "
            "not included.",
        true});
    int year = 0;
    for (const CpdEntry& e : entries) {
        const int entryYear = sweRegistrationYearContaining(e.date);
        if (entryYear != year) {
            year = entryYear;
            out.blocks.push_back(doc::Heading{
                "Registration year " + std::to_string(year) + " (" +
                    period(sweRegistrationYearStart(year), sweRegistrationYearEnd(year)) + ")",
                1});
        }
        sweEntry(out, data, e);
    }
    if (entries.empty()) {
        out.blocks.push_back(doc::Paragraph{"No final CPD entries are recorded."});
    }
    return out;
}

int countWords(std::string_view text) {
    int words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space =
            c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
        if (!space && !inWord) {
            ++words;
        }
        inWord = !space;
    }
    return words;
}

std::vector<CpdEntry> statementEntries(const CpdExportData& data, const HcpcProfileChoice& choice,
                                       Date today) {
    const std::vector<CpdEntry> finals = finalEntriesByDate(data.entries);
    std::vector<CpdEntry> out;
    if (!choice.statementEntries.empty()) {
        const std::set<RecordId> chosen(choice.statementEntries.begin(),
                                        choice.statementEntries.end());
        std::copy_if(finals.begin(), finals.end(), std::back_inserter(out),
                     [&](const CpdEntry& e) { return chosen.count(e.id) > 0; });
        return out;
    }
    const int cycle = hcpcCycleContaining(today);
    const Date from = hcpcCycleStart(cycle);
    const Date to = std::min(today, hcpcCycleEnd(cycle));
    for (auto it = finals.rbegin();
         it != finals.rend() && out.size() < kHcpcDefaultStatementEntries; ++it) {
        if (it->date >= from && it->date <= to) {
            out.insert(out.begin(), *it);
        }
    }
    return out;
}

doc::Document hcpcProfileDocument(const CpdExportData& data, const HcpcProfileChoice& choice,
                                  Date today) {
    const int cycle = hcpcCycleContaining(today);
    // The activities and gaps are the HCPC check's own (section 4), whatever the person's
    // regulator: the profile is HCPC's form, and the check is what an auditor would apply.
    const HcpcCheck check = checkHcpc(RegistrationBody::Hcpc, data.entries, today, cycle);
    const HcpcFigures& figures = *check.figures;

    doc::Document out;
    out.title = "CPD profile: " + data.person.fullName;
    out.subtitle = personLine(data.person) + "\n" + registrationLine(data.person) + "\n" +
                   "Registration cycle " + period(hcpcCycleStart(cycle), hcpcCycleEnd(cycle)) +
                   "\n" + generatedLine(today);
    out.footer =
        "HCPC CPD profile of " + data.person.fullName + " (" + data.person.employeeId + ")";
    out.author = "Practice Ledger";

    const bool met = check.status == RegistrationStatus::Met;
    std::vector<std::string> reasons;
    for (const HcpcReason r : figures.reasons) {
        reasons.push_back(r == HcpcReason::Gaps ? "a gap of three months or more"
                                                : "fewer than two types of activity");
    }
    std::vector<std::string> types;
    for (const HcpcType t : figures.types) {
        types.push_back(hcpcTypeLabel(t));
    }
    out.blocks.push_back(
        doc::Status{"HCPC CPD standards 1 and 2 (a continuous record, a mixture of activities)",
                    met ? "Met" : "Not met",
                    counted(figures.activities.size(), "activity", "activities") + " from " +
                        formatUk(hcpcCycleStart(cycle)) + " to " +
                        formatUk(std::min(today, hcpcCycleEnd(cycle))) +
                        "; types: " + (types.empty() ? std::string("none") : joined(types, ", ")) +
                        "." + (met ? std::string() : " Not met: " + joined(reasons, " and ") + "."),
                    met ? doc::Tone::Good : doc::Tone::Bad});

    out.blocks.push_back(doc::Heading{"1. Summary of practice history", 1});
    const std::string summary =
        choice.practiceSummary.empty() ? defaultSummary(data.person) : choice.practiceSummary;
    out.blocks.push_back(doc::Paragraph{summary});
    const int summaryWords = countWords(summary);
    out.blocks.push_back(doc::Paragraph{
        std::to_string(summaryWords) +
            (summaryWords > kHcpcSummaryWords
                 ? " words: over HCPC's limit of " + std::to_string(kHcpcSummaryWords) +
                       "; shorten it before it is sent."
                 : " words (HCPC's limit is " + std::to_string(kHcpcSummaryWords) + ")."),
        true});

    out.blocks.push_back(doc::Heading{"2. Dated list of CPD activities since the last renewal", 1});
    doc::Table list;
    list.header = {"Date", "Activity", "Type", "HCPC type", "Hours"};
    list.widths = {1.7, 4.0, 1.9, 1.9, 1.1};
    // Each gap is listed where it falls: before the first activity on or after its end.
    std::size_t gap = 0;
    const auto gapRow = [&](const HcpcGap& g) {
        list.rows.push_back(doc::TableRow{
            {formatUk(g.from), std::string(g.open ? "Gap still open: " : "Gap: ") +
                                   std::to_string(daysBetween(g.from, g.to)) +
                                   " days with no CPD activity, " + formatUk(g.from) + " to " +
                                   formatUk(g.to) + " (three months or more: explain it)"},
            true,
            true});
    };
    for (const std::size_t index : figures.activities) {
        const CpdEntry& e = data.entries[index];
        while (gap < figures.gaps.size() && figures.gaps[gap].to <= e.date) {
            gapRow(figures.gaps[gap++]);
        }
        list.rows.push_back(doc::TableRow{{formatUk(e.date), e.title, typeLabel(e.type),
                                           hcpcTypeLabel(hcpcTypeOf(e.type)), formatHours(e.hours)},
                                          false});
    }
    while (gap < figures.gaps.size()) {
        gapRow(figures.gaps[gap++]);
    }
    if (list.rows.empty()) {
        out.blocks.push_back(doc::Paragraph{"No final CPD entries in this cycle."});
    } else {
        out.blocks.push_back(std::move(list));
    }

    out.blocks.push_back(doc::Heading{"3. Personal statement", 1});
    const std::vector<CpdEntry> chosen = statementEntries(data, choice, today);
    int words = 0;
    for (const CpdEntry& e : chosen) {
        out.blocks.push_back(doc::Heading{formatUk(e.date) + "  " + e.title, 2});
        out.blocks.push_back(doc::Field{"What I did", typeLabel(e.type) + ", " +
                                                          formatHours(e.hours) + " hours\n" +
                                                          e.description});
        out.blocks.push_back(doc::Field{"What I learnt", e.learning});
        out.blocks.push_back(
            doc::Field{"How it improved my practice and benefited service users", e.impact});
        words += countWords(e.description) + countWords(e.learning) + countWords(e.impact);
        if (e.hasPeerReflection()) {
            out.blocks.push_back(
                doc::Field{"What I learnt from discussing it with a peer", e.peerReflection});
            words += countWords(e.peerReflection);
        }
    }
    if (chosen.empty()) {
        out.blocks.push_back(doc::Paragraph{"No entries were chosen for the statement."});
    } else {
        out.blocks.push_back(doc::Paragraph{
            counted(chosen.size(), "activity", "activities") +
                " described (HCPC suggests four "
                "to six); about " +
                std::to_string(words) +
                (words > kHcpcStatementWords
                     ? " words: over HCPC's limit of " + std::to_string(kHcpcStatementWords) +
                           "; choose fewer entries or shorten them."
                     : " words (HCPC's limit is " + std::to_string(kHcpcStatementWords) + ")."),
            true});
    }

    out.blocks.push_back(doc::Heading{"4. Supporting evidence", 1});
    doc::Table evidence;
    evidence.header = {"For the activity", "File", "Size", "SHA-256"};
    evidence.widths = {2.8, 2.4, 1.0, 3.8};
    for (const CpdEntry& e : chosen) {
        for (const Attachment& a : evidenceOf(data, e.id)) {
            evidence.rows.push_back(doc::TableRow{
                {formatUk(e.date) + " " + e.title, a.name, sizeText(a.size), a.sha256}, false});
        }
    }
    if (evidence.rows.empty()) {
        out.blocks.push_back(
            doc::Paragraph{"No evidence files are attached to the entries of the statement."});
    } else {
        out.blocks.push_back(doc::Paragraph{
            "The files are kept in the ledger; the SHA-256 shows a copy is the one recorded.",
            true});
        out.blocks.push_back(std::move(evidence));
    }
    return out;
}

} // namespace ledger
