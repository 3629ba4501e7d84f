#include "io/asc_wds_training.h"

#include "base/checks.h"
#include "base/validation.h"
#include "io/asc_wds.h"
#include "io/csv.h"
#include "training/compliance.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace ledger {

namespace {

/// Digits only, no sign or spaces, at most `digits` of them: ASC-WDS reads its codes as
/// whole numbers and refuses anything else.
std::optional<int> wholeNumber(std::string_view text, std::size_t digits) {
    if (text.empty() || text.size() > digits ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string optionalCode(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

/// The first `most` code points of valid UTF-8 text.
std::string firstCodePoints(std::string_view text, std::size_t most) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
            if (count == most) {
                return std::string(text.substr(0, i));
            }
            ++count;
        }
    }
    return std::string(text);
}

FieldError problem(std::string where, std::string column, std::string message) {
    return FieldError{std::move(where), 0, std::move(column), std::move(message)};
}

bool activeOn(const Staff& s, Date day) {
    return s.startDate <= day && (!s.leaveDate || day <= *s.leaveDate);
}

/// The expiry each counted completion of one (staff, module) gets by rules section 4.
std::vector<DayNumber> expiriesOf(const Module& module, const std::vector<Completion>& ordered) {
    std::vector<CompletionDates> dates;
    dates.reserve(ordered.size());
    for (const Completion& c : ordered) {
        dates.push_back(CompletionDates{toDayNumber(c.completedOn),
                                        c.expiresOn ? toDayNumber(*c.expiresOn) : kNoDay});
    }
    const RenewalRule rule{module.renewalMonths, module.renewalBasis, module.windowDays,
                           module.dueSoonDays};
    return computeExpiries(rule, dates);
}

} // namespace

std::array<std::string, 12> AscWdsTrainingRow::cells() const {
    return {localEstId,   uniqueWorkerId, category, trainingName,  accredited, whoDelivered,
            providerName, howDelivered,   validity, dateCompleted, expiryDate, notes};
}

std::string ascWdsTrainingName(const Module& module) {
    return module.title;
}

int ascWdsCategoryOf(const Module& module) {
    return module.ascWdsCategory.value_or(kAscWdsOtherCategory);
}

std::vector<FieldError> checkAscWdsRow(const AscWdsTrainingRow& row, Date today,
                                       std::vector<FieldError>* warnings) {
    std::vector<FieldError> errors;
    const auto refuse = [&](const char* column, std::string message) {
        errors.push_back(problem({}, column, std::move(message)));
    };
    const auto warn = [&](const char* column, std::string message) {
        if (warnings) {
            warnings->push_back(problem({}, column, std::move(message)));
        }
    };
    // 1000, 1010: the two references are required and at most 50 characters.
    if (row.localEstId.empty()) {
        refuse("LOCALESTID", "the workplace id is missing (1000)");
    } else if (codePoints(row.localEstId) > kAscWdsMaxIdLength) {
        refuse("LOCALESTID", "more than 50 characters (1000)");
    }
    if (row.uniqueWorkerId.empty()) {
        refuse("UNIQUEWORKERID", "the worker id is missing (1010)");
    } else if (codePoints(row.uniqueWorkerId) > kAscWdsMaxIdLength) {
        refuse("UNIQUEWORKERID", "more than 50 characters (1010)");
    }
    // 1050: a code of the category table.
    const auto category = wholeNumber(row.category, 3);
    if (!category || !findAscWdsCategory(*category)) {
        refuse("CATEGORY", row.category.empty() ? "CATEGORY has not been supplied (1050)"
                                                : "'" + row.category +
                                                      "' is not an ASC-WDS training category "
                                                      "code (1050)");
    }
    if (codePoints(row.trainingName) > kAscWdsMaxNameLength) {
        refuse("TRAININGNAME", "more than 120 characters (1040)");
    }
    const auto oneOf = [&](const char* column, const std::string& value,
                           std::initializer_list<int> allowed, const char* words, int code) {
        if (value.empty()) {
            return;
        }
        const auto n = wholeNumber(value, 3);
        if (!n || std::find(allowed.begin(), allowed.end(), *n) == allowed.end()) {
            refuse(column, "'" + value + "' is not " + words + " (" + std::to_string(code) + ")");
        }
    };
    oneOf("ACCREDITED", row.accredited, {1, 0, 999}, "1, 0 or 999", 1060);
    oneOf("WHODELIVERED", row.whoDelivered, {1, 2}, "1 or 2", 1080);
    oneOf("HOWDELIVERED", row.howDelivered, {1, 2}, "1 or 2", 1100);
    if (!row.providerName.empty()) {
        if (!wholeNumber(row.providerName, 5)) {
            refuse("PROVIDERNAME",
                   "'" + row.providerName + "' is not a provider's numeric code (1090)");
        } else if (row.whoDelivered != "2") {
            warn("PROVIDERNAME", "a provider code is ignored unless WHODELIVERED is 2 (2090)");
        }
    }
    int months = 0; // 0: none or not given
    if (!row.validity.empty() && row.validity != "none") {
        months = wholeNumber(row.validity, 3).value_or(0);
        if (months < 1 || months > 999) {
            refuse("VALIDITY", "'" + row.validity +
                                   "' is not none or a whole number of months from 1 to 999 "
                                   "(1110)");
            months = 0;
        }
    }
    const auto date = [&](const char* column, const std::string& value,
                          int code) -> std::optional<Date> {
        if (value.empty()) {
            return std::nullopt;
        }
        const auto parsed = parseUkDate(value);
        if (!parsed || *parsed < kEarliestDate || *parsed > kLatestDate) {
            refuse(column, "'" + value + "' is not a date in the form DD/MM/YYYY (" +
                               std::to_string(code) + ")");
            return std::nullopt;
        }
        return parsed;
    };
    const auto completed = date("DATECOMPLETED", row.dateCompleted, 1020);
    const auto expires = date("EXPIRYDATE", row.expiryDate, 1030);
    if (completed && *completed > today) {
        refuse("DATECOMPLETED", row.dateCompleted + " is in the future (1020)");
    }
    if (completed && expires && *expires <= *completed) {
        refuse("EXPIRYDATE", "must be later than DATECOMPLETED (1030)");
    }
    if (completed && expires && months > 0 &&
        addDays(addMonths(*completed, months), -1) != *expires) {
        warn("VALIDITY", "VALIDITY " + row.validity + " months from " + row.dateCompleted +
                             " does not give EXPIRYDATE " + row.expiryDate + " (2110)");
    }
    if (expires && row.validity == "none") {
        warn("VALIDITY", "VALIDITY none with an EXPIRYDATE (2110)");
    }
    if (codePoints(row.notes) > kAscWdsMaxNotesLength) {
        refuse("NOTES", "more than 1,000 characters (1070)");
    }
    return errors;
}

AscWdsExport buildAscWdsExport(
    const LedgerData& records,
    const std::function<void(const std::function<void(const Completion&)>&)>& completions,
    std::string_view workplaceId, Date asOf, Date today) {
    AscWdsExport out;
    if (workplaceId.empty()) {
        out.problems.push_back(problem("settings", "LOCALESTID",
                                       "no ASC-WDS workplace id (LOCALESTID) is set in "
                                       "the settings"));
    } else if (codePoints(workplaceId) > kAscWdsMaxIdLength) {
        out.problems.push_back(
            problem("settings", "LOCALESTID", "the workplace id is more than 50 characters"));
    }
    std::unordered_map<std::string, const Staff*> staff;
    for (const Staff& s : records.staff) {
        staff.emplace(s.employeeId, &s);
    }
    std::unordered_map<std::string, const Module*> modules;
    for (const Module& m : records.modules) {
        modules.emplace(m.code, &m);
    }
    // A title too long is its module's problem, reported once (first) however many rows
    // carry it; a module nobody's row carries does not stop the export.
    std::vector<FieldError> titles;
    std::set<std::string> titled;

    std::vector<Completion> pair; // one (staff, module)'s counted completions, by date
    const auto flush = [&] {
        if (pair.empty()) {
            return;
        }
        const auto person = staff.find(pair.front().employeeId);
        const auto module = modules.find(pair.front().moduleCode);
        if (person == staff.end() || module == modules.end() || !activeOn(*person->second, asOf)) {
            pair.clear();
            return;
        }
        const Module& m = *module->second;
        if (pair.front().completedOn <= asOf &&
            codePoints(ascWdsTrainingName(m)) > kAscWdsMaxNameLength &&
            titled.insert(m.code).second) {
            titles.push_back(problem("module " + m.code, "TRAININGNAME",
                                     "the title is more than 120 characters; shorten it "
                                     "before exporting (1040)"));
        }
        const std::vector<DayNumber> expiries = expiriesOf(m, pair);
        for (std::size_t i = 0; i < pair.size(); ++i) {
            const Completion& c = pair[i];
            if (c.completedOn > asOf) {
                break;
            }
            AscWdsTrainingRow row;
            row.localEstId = std::string(workplaceId);
            row.uniqueWorkerId = c.employeeId;
            row.category = std::to_string(ascWdsCategoryOf(m));
            row.trainingName = ascWdsTrainingName(m);
            row.accredited = optionalCode(m.ascWdsAccredited);
            row.whoDelivered = optionalCode(m.ascWdsWhoDelivered);
            row.providerName = optionalCode(m.ascWdsProvider);
            row.howDelivered = optionalCode(m.ascWdsHowDelivered);
            row.dateCompleted = formatUk(c.completedOn);
            if (expiries[i] == kNoDay) {
                row.validity = "none";
            } else {
                const Date expires = fromDayNumber(expiries[i]);
                row.expiryDate = formatUk(expires);
                if (m.renewalMonths &&
                    addDays(addMonths(c.completedOn, *m.renewalMonths), -1) == expires) {
                    row.validity = std::to_string(*m.renewalMonths);
                }
            }
            const std::string where =
                c.employeeId + " " + c.moduleCode + " " + formatIso(c.completedOn);
            row.notes = c.evidence;
            if (codePoints(row.notes) > kAscWdsMaxNotesLength) {
                row.notes = firstCodePoints(c.evidence, kAscWdsMaxNotesLength);
                out.warnings.push_back(problem(where, "NOTES",
                                               "the evidence is cut to its first 1,000 "
                                               "characters"));
            }
            for (FieldError& e : checkAscWdsRow(row, today)) {
                // The workplace's and the titles' problems are reported once above.
                if (e.field == "LOCALESTID" || e.field == "TRAININGNAME") {
                    continue;
                }
                if (e.field == "EXPIRYDATE" && !row.expiryDate.empty() &&
                    row.expiryDate == row.dateCompleted) {
                    e.message = "the completion expires on the day it was completed, and "
                                "ASC-WDS needs an expiry later than the completion (1030); "
                                "correct its expires_on";
                }
                e.file = where;
                out.problems.push_back(std::move(e));
            }
            out.rows.push_back(std::move(row));
        }
        pair.clear();
    };
    completions([&](const Completion& c) {
        if (!pair.empty() &&
            (pair.front().employeeId != c.employeeId || pair.front().moduleCode != c.moduleCode)) {
            flush();
        }
        pair.push_back(c);
    });
    flush();
    out.problems.insert(out.problems.begin(), titles.begin(), titles.end());
    if (!out.problems.empty()) {
        out.rows.clear();
    }
    return out;
}

std::string ascWdsQuoted(std::string_view value) {
    bool quote = false;
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        return std::string(value);
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

std::string ascWdsTrainingCsv(const std::vector<AscWdsTrainingRow>& rows) {
    std::string out(kAscWdsTrainingHeader);
    out += '\n';
    for (const AscWdsTrainingRow& r : rows) {
        const std::array<std::string, 12> cells{ascWdsQuoted(r.localEstId),
                                                ascWdsQuoted(r.uniqueWorkerId),
                                                r.category,
                                                ascWdsQuoted(r.trainingName),
                                                r.accredited,
                                                r.whoDelivered,
                                                r.providerName,
                                                r.howDelivered,
                                                r.validity,
                                                r.dateCompleted,
                                                r.expiryDate,
                                                ascWdsQuoted(r.notes)};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += (i == 0 ? "" : ",");
            out += cells[i];
        }
        out += '\n';
    }
    return out;
}

std::vector<AscWdsMapping> parseAscWdsMappings(std::string_view text) {
    std::vector<AscWdsMapping> out;
    for (const CsvRecord& r : parseCsv(text).records) {
        if (r.fields.size() != 3) {
            continue;
        }
        const auto category = wholeNumber(r.fields[0], 3);
        if (!category || r.fields[2].empty()) {
            continue;
        }
        out.push_back(AscWdsMapping{*category, r.fields[1], r.fields[2]});
    }
    return out;
}

std::string formatAscWdsMappings(const std::vector<AscWdsMapping>& mappings) {
    std::string out;
    for (const AscWdsMapping& m : mappings) {
        out += csvLine({std::to_string(m.category), m.trainingName, m.moduleCode});
    }
    return out;
}

std::vector<AscWdsMapping> withAscWdsMapping(std::vector<AscWdsMapping> mappings,
                                             const AscWdsMapping& added) {
    std::erase_if(mappings, [&](const AscWdsMapping& m) {
        return m.category == added.category && m.trainingName == added.trainingName;
    });
    mappings.push_back(added);
    return mappings;
}

std::optional<AscWdsMapping> parseAscWdsMappingArgument(std::string_view text) {
    const std::size_t bar = text.find('|');
    const std::size_t equals = text.rfind('=');
    if (bar == std::string_view::npos || equals == std::string_view::npos || equals < bar) {
        return std::nullopt;
    }
    const auto category = wholeNumber(text.substr(0, bar), 3);
    const std::string_view module = text.substr(equals + 1);
    if (!category || !findAscWdsCategory(*category) || module.empty()) {
        return std::nullopt;
    }
    return AscWdsMapping{*category, std::string(text.substr(bar + 1, equals - bar - 1)),
                         std::string(module)};
}

ParsedAscWdsTraining parseAscWdsTraining(std::string_view fileName, std::string_view text,
                                         const LedgerData& records,
                                         const std::vector<AscWdsMapping>& mappings,
                                         std::string_view workplaceId, Date today) {
    ParsedAscWdsTraining out;
    const std::string file(fileName);
    const auto refuse = [&](int line, std::string column, std::string message) {
        out.errors.push_back(FieldError{file, line, std::move(column), std::move(message)});
    };

    // ASC-WDS takes the first line, trims it, and compares it with its header.
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
        body.remove_prefix(3);
    }
    const std::string header = trimmed(body.substr(0, body.find_first_of("\r\n")));
    if (header == kAscWdsOldTrainingHeader) {
        out.oldFormat = true;
    } else if (header != kAscWdsTrainingHeader) {
        refuse(1, "",
               "not an ASC-WDS training file: the first line must be exactly " +
                   std::string(kAscWdsTrainingHeader) + " (or the older " +
                   std::string(kAscWdsOldTrainingHeader) + ")");
        return out;
    }
    const std::size_t columns = out.oldFormat ? 8 : 12;
    const std::vector<std::string> names = [&] {
        std::vector<std::string> n;
        const CsvDocument h = parseCsv(header);
        return h.records.empty() ? n : h.records.front().fields;
    }();

    std::unordered_map<std::string, const Staff*> staff;
    for (const Staff& s : records.staff) {
        staff.emplace(s.employeeId, &s);
    }
    std::unordered_map<std::string, const Module*> byCode;
    std::map<std::pair<int, std::string>, std::vector<const Module*>> byName;
    for (const Module& m : records.modules) {
        byCode.emplace(m.code, &m);
        byName[{ascWdsCategoryOf(m), ascWdsTrainingName(m)}].push_back(&m);
    }
    std::map<std::pair<int, std::string>, std::string> remembered;
    for (const AscWdsMapping& m : mappings) {
        remembered[{m.category, m.trainingName}] = m.moduleCode;
    }
    std::map<std::pair<int, std::string>, std::size_t> unmappedAt;

    CsvDocument document = parseCsv(text);
    for (const CsvError& e : document.errors) {
        refuse(e.line, e.column < names.size() ? names[e.column] : "", e.message);
    }
    for (std::size_t i = 1; i < document.records.size(); ++i) {
        const CsvRecord& record = document.records[i];
        const int line = record.line;
        if (record.fields.size() != columns) {
            refuse(line, "",
                   std::to_string(record.fields.size()) + " fields where the header has " +
                       std::to_string(columns));
            continue;
        }
        const auto& f = record.fields;
        AscWdsTrainingRow row;
        if (out.oldFormat) {
            row = AscWdsTrainingRow{f[0], f[1], f[2], f[3], f[6], {}, {}, {}, {}, f[4], f[5], f[7]};
        } else {
            row = AscWdsTrainingRow{f[0], f[1], f[2], f[3], f[4],  f[5],
                                    f[6], f[7], f[8], f[9], f[10], f[11]};
        }
        const std::string nameColumn = out.oldFormat ? "DESCRIPTION" : "TRAININGNAME";
        const auto rename = [&](FieldError e) {
            e.file = file;
            e.line = line;
            if (e.field == "TRAININGNAME") {
                e.field = nameColumn;
            }
            return e;
        };
        const std::size_t before = out.errors.size();
        std::vector<FieldError> warnings;
        for (FieldError& e : checkAscWdsRow(row, today, &warnings)) {
            out.errors.push_back(rename(std::move(e)));
        }
        for (FieldError& w : warnings) {
            out.warnings.push_back(rename(std::move(w)));
        }
        if (!row.localEstId.empty() && codePoints(row.localEstId) <= kAscWdsMaxIdLength &&
            !workplaceId.empty() && row.localEstId != workplaceId) {
            refuse(line, "LOCALESTID",
                   "'" + row.localEstId + "' is not this ledger's workplace id (" +
                       std::string(workplaceId) + ")");
        }
        const auto person = staff.find(row.uniqueWorkerId);
        if (!row.uniqueWorkerId.empty() && codePoints(row.uniqueWorkerId) <= kAscWdsMaxIdLength &&
            person == staff.end()) {
            refuse(line, "UNIQUEWORKERID",
                   "no one in the ledger has employee id '" + row.uniqueWorkerId + "' (996)");
        }
        if (row.dateCompleted.empty()) {
            refuse(line, "DATECOMPLETED", "a completion needs the date it was completed");
        }
        if (out.errors.size() > before) {
            continue;
        }

        const int category = *wholeNumber(row.category, 3);
        const std::pair<int, std::string> key{category, row.trainingName};
        const Module* module = nullptr;
        if (const auto mapped = remembered.find(key); mapped != remembered.end()) {
            const auto found = byCode.find(mapped->second);
            if (found == byCode.end()) {
                refuse(line, nameColumn,
                       "mapped to module " + mapped->second + ", which the ledger does not have");
                continue;
            }
            module = found->second;
        } else if (const auto named = byName.find(key);
                   named != byName.end() && named->second.size() == 1) {
            module = named->second.front();
        }
        if (!module) {
            const auto [at, fresh] = unmappedAt.emplace(key, out.unmapped.size());
            if (fresh) {
                out.unmapped.push_back(AscWdsUnmapped{category, row.trainingName, {}});
            }
            out.unmapped[at->second].lines.push_back(line);
            continue;
        }

        Completion c;
        c.employeeId = row.uniqueWorkerId;
        c.moduleCode = module->code;
        c.completedOn = *parseUkDate(row.dateCompleted);
        std::optional<Date> expires;
        if (!row.expiryDate.empty()) {
            expires = parseUkDate(row.expiryDate);
        } else if (!row.validity.empty() && row.validity != "none") {
            expires = addDays(addMonths(c.completedOn, *wholeNumber(row.validity, 3)), -1);
        }
        // Where the module's renewal counts from the completion (rules section 4, step 4),
        // an expiry it gives itself is left to it, so that the completion reads as any other.
        // Where it counts from the previous expiry, the day depends on the completions
        // before, which the ledger may not hold as ASC-WDS did: the expiry is kept.
        const bool moduleGivesIt =
            expires && module->renewalMonths && module->renewalBasis == RenewalBasis::Completion &&
            addDays(addMonths(c.completedOn, *module->renewalMonths), -1) == *expires;
        if (expires && !moduleGivesIt) {
            c.expiresOn = expires;
        }
        if (!expires && module->renewalMonths && row.validity == "none") {
            out.warnings.push_back(FieldError{file, line, "VALIDITY",
                                              "none, but module " + module->code +
                                                  " renews every " +
                                                  std::to_string(*module->renewalMonths) +
                                                  " months: the module's renewal applies"});
        }
        c.evidence = row.notes;
        out.completions.push_back(std::move(c));
        out.lines.push_back(line);
    }
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const FieldError& a, const FieldError& b) { return a.line < b.line; });
    return out;
}

AscWdsCompletionsCsv ascWdsCompletionsCsv(const ParsedAscWdsTraining& parsed) {
    AscWdsCompletionsCsv out;
    out.text = "employee_id,module,completed_on,expires_on,evidence\n";
    out.sourceLines = {0, 0};
    for (std::size_t i = 0; i < parsed.completions.size(); ++i) {
        const Completion& c = parsed.completions[i];
        const std::string line =
            // The completions import reads text cells as spreadsheet-safe ones.
            csvLine({spreadsheetSafe(c.employeeId), spreadsheetSafe(c.moduleCode),
                     formatIso(c.completedOn),
                     c.expiresOn ? formatIso(*c.expiresOn) : std::string(),
                     spreadsheetSafe(c.evidence)});
        out.text += line;
        // A quoted evidence with line breaks spans several lines; each maps to its row.
        const auto spans = std::count(line.begin(), line.end(), '\n');
        for (std::ptrdiff_t k = 0; k < spans; ++k) {
            out.sourceLines.push_back(parsed.lines[i]);
        }
    }
    return out;
}

FieldError toAscWdsProblem(const FieldError& error, std::string_view fileName,
                           const AscWdsCompletionsCsv& csv) {
    static const std::map<std::string, std::string> kColumns{{"employee_id", "UNIQUEWORKERID"},
                                                             {"module", "TRAININGNAME"},
                                                             {"completed_on", "DATECOMPLETED"},
                                                             {"expires_on", "EXPIRYDATE"},
                                                             {"evidence", "NOTES"}};
    FieldError out = error;
    out.file = std::string(fileName);
    if (error.line >= 0 && static_cast<std::size_t>(error.line) < csv.sourceLines.size()) {
        out.line = csv.sourceLines[static_cast<std::size_t>(error.line)];
    }
    if (const auto found = kColumns.find(error.field); found != kColumns.end()) {
        out.field = found->second;
    }
    return out;
}

} // namespace ledger
