#include "base/validation.h"

#include "base/checks.h"
#include "io/asc_wds.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace ledger {

namespace {

/// Unicode general category Cf (Unicode 15), as inclusive ranges.
constexpr std::array<std::pair<char32_t, char32_t>, 20> kFormatCharacters{{
    {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
    {0x070F, 0x070F},   {0x08E2, 0x08E2},   {0x180E, 0x180E},   {0x200B, 0x200F},
    {0x202A, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},   {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
}};

/// Unicode general category Zs: what counts as a space at either end of a name.
bool isSpace(char32_t c) {
    return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/// The names people know a few of these characters by.
const char* characterName(char32_t c) {
    switch (c) {
    case 0x00:
        return "NUL";
    case 0x09:
        return "tab";
    case 0x0A:
        return "line feed";
    case 0x0D:
        return "carriage return";
    case 0x7F:
        return "delete";
    case 0xA0:
        return "no-break space";
    case 0xAD:
        return "soft hyphen";
    case 0x200B:
        return "zero width space";
    case 0x200C:
        return "zero width non-joiner";
    case 0x200D:
        return "zero width joiner";
    case 0x200E:
        return "left-to-right mark";
    case 0x200F:
        return "right-to-left mark";
    case 0x2060:
        return "word joiner";
    case 0xFEFF:
        return "byte order mark";
    default:
        return nullptr;
    }
}

/// `U+FEFF (byte order mark)`.
std::string describe(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    std::string text = code;
    if (const char* name = characterName(c)) {
        text += std::string(" (") + name + ")";
    }
    return text;
}

/// Decodes the code point at `i` of valid UTF-8 and moves past it; nullopt (and `i`
/// unchanged) where the bytes are not valid UTF-8.
std::optional<char32_t> decode(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(text[k]);
    };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t c = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        c = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        c = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        c = lead & 0x07u;
    } else {
        return std::nullopt;
    }
    if (i + length > text.size()) {
        return std::nullopt;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return std::nullopt;
        }
        c = (c << 6) | (byte(i + k) & 0x3Fu);
    }
    const bool overlong =
        (length == 2 && c < 0x80) || (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return std::nullopt;
    }
    i += length;
    return c;
}

/// The character problems of every text field of a record, then the range problems of its
/// dates, from its spec (a date that could not be read is left to its reader's problem).
template <typename Record>
void checkFields(std::vector<FieldError>& errors, const RecordSpec<Record>& spec,
                 const Record& record) {
    for (const FieldSpec<Record>& f : spec.fields) {
        if (f.textOf) {
            const std::string_view name = f.name;
            if (auto problem = textProblem(f.textOf(record), textKindOf(name))) {
                errors.push_back(FieldError{{}, 0, std::string(name), std::move(*problem)});
            }
        }
    }
    for (const FieldSpec<Record>& f : spec.fields) {
        if (f.dateOf) {
            const std::optional<Date> date = f.dateOf(record);
            if (date && date->ok()) {
                if (auto problem = dateProblem(*date)) {
                    errors.push_back(FieldError{{}, 0, std::string(f.name), std::move(*problem)});
                }
            }
        }
    }
}

/// The errors with one problem per field where the first `checked` errors (characters and
/// date ranges) already name it: the other checks of such a field would only repeat it.
std::vector<FieldError> oncePerField(std::vector<FieldError> errors, std::size_t checked) {
    std::vector<FieldError> out;
    for (std::size_t i = 0; i < errors.size(); ++i) {
        const bool repeat =
            i >= checked &&
            std::any_of(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(checked),
                        [&](const FieldError& e) { return e.field == errors[i].field; });
        if (!repeat) {
            out.push_back(std::move(errors[i]));
        }
    }
    return out;
}

/// `E1 (Ann Worker)`, or `E1` where the name is not known.
std::string personLabel(const std::string& employeeId, const std::string& name) {
    return name.empty() ? employeeId : employeeId + " (" + name + ")";
}

/// The loop of line managers through `s` (starting and ending with them), or empty. Each
/// chain is followed once per context: people whose chain ends, or who lead into a loop
/// they are not part of, are remembered, and so is every loop found.
std::vector<std::string> lineManagerLoop(const Staff& s, const ValidationContext& context) {
    if (const auto known = context.loops.find(s.employeeId); known != context.loops.end()) {
        return known->second;
    }
    if (context.chainEnds.contains(s.employeeId)) {
        return {};
    }
    std::vector<std::string> path{s.employeeId};
    std::unordered_map<std::string, std::size_t> position{{s.employeeId, 0}};
    std::string next = s.lineManagerId;
    for (;;) {
        const auto at = position.find(next);
        if (at != position.end()) {
            // A loop: path[at->second..] goes round; anyone before it only leads into it.
            const std::vector<std::string> loop(
                path.begin() + static_cast<std::ptrdiff_t>(at->second), path.end());
            for (std::size_t k = 0; k < loop.size(); ++k) {
                std::vector<std::string>& from = context.loops[loop[k]];
                from.assign(loop.begin() + static_cast<std::ptrdiff_t>(k), loop.end());
                from.insert(from.end(), loop.begin(),
                            loop.begin() + static_cast<std::ptrdiff_t>(k));
            }
            context.chainEnds.insert(path.begin(),
                                     path.begin() + static_cast<std::ptrdiff_t>(at->second));
            return at->second == 0 ? context.loops[s.employeeId] : std::vector<std::string>{};
        }
        const StaffLink* person = next.empty() ? nullptr : context.person(next);
        if (person == nullptr || context.chainEnds.contains(next) || context.loops.contains(next)) {
            context.chainEnds.insert(path.begin(), path.end());
            return {};
        }
        position.emplace(next, path.size());
        path.push_back(next);
        next = person->lineManagerId;
    }
}

bool plausibleEmail(const std::string& email) {
    const auto at = email.find('@');
    return at != std::string::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string::npos &&
           email.find_first_of(" \t,;<>") == std::string::npos &&
           email.find('.', at) != std::string::npos;
}

bool inDays(int value) {
    return value >= 0 && value <= kMaxDays;
}

} // namespace

bool ValidationContext::hasEmployee(const std::string& employeeId) const {
    return employeeIds.contains(employeeId) || person(employeeId) != nullptr;
}

const StaffLink* ValidationContext::person(const std::string& employeeId) const {
    if (const auto known = people.find(employeeId); known != people.end()) {
        return &known->second;
    }
    if (lookUpPerson) {
        if (auto found = lookUpPerson(employeeId)) {
            employeeIds.insert(employeeId);
            return &people.emplace(employeeId, std::move(*found)).first->second;
        }
    }
    return nullptr;
}

bool ValidationContext::hasModule(const std::string& code) const {
    if (moduleCodes.contains(code)) {
        return true;
    }
    if (lookUpModule && lookUpModule(code)) {
        moduleCodes.insert(code);
        return true;
    }
    return false;
}

ValidationContext makeValidationContext(const LedgerData& data, Date today) {
    ValidationContext context;
    context.today = today;
    const auto byId = [](const Staff& a, const Staff& b) {
        return a.employeeId < b.employeeId;
    };
    if (std::is_sorted(data.staff.begin(), data.staff.end(), byId)) {
        // As a store loads them: each person is looked up when a check asks (a county has
        // twenty thousand people, and one form names one or two).
        const std::vector<Staff>* staff = &data.staff;
        context.lookUpPerson = [staff](std::string_view id) -> std::optional<StaffLink> {
            const auto at = std::lower_bound(
                staff->begin(), staff->end(), id,
                [](const Staff& s, std::string_view key) { return s.employeeId < key; });
            if (at == staff->end() || at->employeeId != id) {
                return std::nullopt;
            }
            return StaffLink{at->lineManagerId, at->fullName};
        };
    } else {
        for (const Staff& s : data.staff) {
            context.employeeIds.insert(s.employeeId);
            context.people.emplace(s.employeeId, StaffLink{s.lineManagerId, s.fullName});
        }
    }
    for (const Module& m : data.modules) {
        context.moduleCodes.insert(m.code);
    }
    return context;
}

std::vector<FieldError> validateStaff(const Staff& s, const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkFields(errors, staffSpec(), s);
    const std::size_t checked = errors.size();
    require(errors, !s.employeeId.empty(), "employee_id", "an employee id is required");
    require(errors, s.employeeId.size() <= kMaxIdLength, "employee_id",
            "an employee id is at most 50 characters");
    require(errors, !s.fullName.empty(), "full_name", "a name is required");
    require(errors, s.email.empty() || plausibleEmail(s.email), "email",
            "'" + s.email + "' is not an email address");
    require(errors, !s.team.empty(), "team", "a team is required");
    require(errors, !s.role.empty(), "role", "a role is required");
    require(errors, s.startDate.ok(), "start_date", "a start date is required");
    require(errors, !s.leaveDate || *s.leaveDate >= s.startDate, "leave_date",
            "the leave date is before the start date");
    if (!s.lineManagerId.empty()) {
        require(errors, s.lineManagerId != s.employeeId, "line_manager_id",
                "a person cannot be their own line manager");
        require(errors, context.hasEmployee(s.lineManagerId), "line_manager_id",
                "no staff member has employee id " + s.lineManagerId);
        if (s.lineManagerId != s.employeeId) {
            const std::vector<std::string> loop = lineManagerLoop(s, context);
            std::string chain;
            for (const std::string& id : loop) {
                const StaffLink* person = id == s.employeeId ? nullptr : context.person(id);
                const std::string& name = id == s.employeeId  ? s.fullName
                                          : person != nullptr ? person->fullName
                                                              : std::string();
                chain += personLabel(id, name) + " -> ";
            }
            require(errors, loop.empty(), "line_manager_id",
                    "the line managers go round in a loop: " + chain +
                        personLabel(s.employeeId, s.fullName));
        }
    }
    require(errors, s.registrationBody != RegistrationBody::None || s.registrationNumber.empty(),
            "registration_body", "a registration number needs its body (SWE, HCPC or NMC)");
    require(errors, s.registrationBody == RegistrationBody::None || !s.registrationNumber.empty(),
            "registration_number", "the registration number is missing");
    return oncePerField(std::move(errors), checked);
}

std::vector<FieldError> validateModule(const Module& m) {
    std::vector<FieldError> errors;
    checkFields(errors, moduleSpec(), m);
    const std::size_t checked = errors.size();
    require(errors, !m.code.empty(), "code", "a module code is required");
    require(errors, !m.title.empty(), "title", "a title is required");
    require(errors,
            !m.renewalMonths || (*m.renewalMonths >= 1 && *m.renewalMonths <= kMaxRenewalMonths),
            "renewal_months", "renewal is a whole number of months from 1 to 999, or none");
    require(errors, inDays(m.windowDays), "window_days", "a whole number of days from 0 to 3650");
    require(errors, inDays(m.dueSoonDays), "due_soon_days",
            "a whole number of days from 0 to 3650");
    require(
        errors, !m.ascWdsCategory || findAscWdsCategory(*m.ascWdsCategory).has_value(),
        "asc_wds_category",
        "not an ASC-WDS training category code" +
            (m.ascWdsCategory ? " (" + std::to_string(*m.ascWdsCategory) + ")" : std::string()));
    require(errors,
            !m.ascWdsAccredited || *m.ascWdsAccredited == 0 || *m.ascWdsAccredited == 1 ||
                *m.ascWdsAccredited == 999,
            "asc_wds_accredited", "ASC-WDS accredited is 1 (yes), 0 (no) or 999 (don't know)");
    // ASC-WDS reads a provider code only for an external provider and ignores it otherwise
    // with warning 2090: refused here, so that no exported row carries an ignored value.
    require(errors, !m.ascWdsProvider || m.ascWdsWhoDelivered == 2, "asc_wds_provider",
            "a provider code is only for training delivered by an external provider");
    return oncePerField(std::move(errors), checked);
}

std::vector<FieldError> validateRequirement(const Requirement& r,
                                            const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkFields(errors, requirementSpec(), r);
    const std::size_t checked = errors.size();
    if (r.moduleCode.empty()) {
        require(errors, false, "module", "a module is required");
    } else {
        require(errors, context.hasModule(r.moduleCode), "module",
                "no module has code " + r.moduleCode);
    }
    if (r.scope == Scope::All) {
        require(errors, r.value.empty(), "value", "a rule for all staff takes no value");
    } else {
        require(errors, !r.value.empty(), "value",
                std::string("a ") + (r.scope == Scope::Team ? "team" : "role") +
                    " name is required");
    }
    require(errors, inDays(r.dueWithinDays), "due_within_days",
            "a whole number of days from 0 to 3650");
    return oncePerField(std::move(errors), checked);
}

std::vector<FieldError> validateCompletion(const Completion& c, const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkFields(errors, completionSpec(), c);
    const std::size_t checked = errors.size();
    if (c.employeeId.empty()) {
        require(errors, false, "employee_id", "an employee id is required");
    } else {
        require(errors, context.hasEmployee(c.employeeId), "employee_id",
                "no staff member has employee id " + c.employeeId);
    }
    if (c.moduleCode.empty()) {
        require(errors, false, "module", "a module is required");
    } else {
        require(errors, context.hasModule(c.moduleCode), "module",
                "no module has code " + c.moduleCode);
    }
    require(errors, c.completedOn.ok(), "completed_on", "a completion date is required");
    require(errors, c.completedOn <= context.today, "completed_on",
            "the completion date " + formatIso(c.completedOn) + " is after today (" +
                formatIso(context.today) + ")");
    require(errors, !c.expiresOn || *c.expiresOn >= c.completedOn, "expires_on",
            "the expiry date is before the completion date");
    return oncePerField(std::move(errors), checked);
}

std::optional<std::string> keyProblem(std::string_view key) {
    if (key.empty() || key.size() > kMaxKeyLength) {
        return "1 to " + std::to_string(kMaxKeyLength) + " characters";
    }
    const auto alnum = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    if (!alnum(key.front())) {
        return "begins with a letter or digit";
    }
    for (const char c : key) {
        if (!alnum(c) && c != '.' && c != '_' && c != '-') {
            return "only letters, digits, '.', '_' and '-'";
        }
    }
    return std::nullopt;
}

std::vector<FieldError> validateAuditTheme(const AuditTheme& t, const ValidationContext& context) {
    std::vector<FieldError> errors;
    checkFields(errors, auditThemeSpec(), t); // the module codes one by one, below
    for (const std::string& code : t.moduleCodes) {
        if (auto problem = textProblem(code, TextKind::Name)) {
            errors.push_back(FieldError{{}, 0, "modules", std::move(*problem)});
            break;
        }
    }
    const std::size_t checked = errors.size();
    if (auto problem = keyProblem(t.key)) {
        errors.push_back(FieldError{{}, 0, "key", std::move(*problem)});
    }
    require(errors, !t.title.empty(), "title", "a title is required");
    require(errors, t.raisedOn.ok(), "raised_on", "the date raised is required");
    require(errors, t.ownerId.empty() || context.hasEmployee(t.ownerId), "owner_id",
            "no staff member has employee id " + t.ownerId);
    require(errors, t.raisedOn <= context.today, "raised_on", "the date raised is after today");
    for (const std::string& code : t.moduleCodes) {
        require(errors, context.hasModule(code), "modules", "no module has code " + code);
    }
    return oncePerField(std::move(errors), checked);
}

std::optional<std::string> dateProblem(const Date& date) {
    if (!date.ok()) {
        return "a real calendar date is required";
    }
    if (date < kEarliestDate) {
        return formatIso(date) + " is before " + formatIso(kEarliestDate) +
               ", the earliest date the ledger takes";
    }
    if (date > kLatestDate) {
        return formatIso(date) + " is after " + formatIso(kLatestDate) +
               ", the latest date the ledger takes";
    }
    return std::nullopt;
}

void addFieldError(std::vector<FieldError>& errors, const char* field, std::string message) {
    errors.push_back(FieldError{{}, 0, field, std::move(message)});
}

void checkText(std::vector<FieldError>& errors, const char* field, std::string_view text,
               TextKind kind, std::size_t most) {
    if (auto problem = textProblem(text, kind)) {
        addFieldError(errors, field, *problem);
    } else if (codePoints(text) > most) {
        addFieldError(errors, field, "at most " + std::to_string(most) + " characters");
    }
}

TextKind textKindOf(std::string_view field) {
    constexpr std::array<std::string_view, 4> kFreeText{"evidence", "notes", "description",
                                                        "reason"};
    return std::find(kFreeText.begin(), kFreeText.end(), field) != kFreeText.end()
               ? TextKind::FreeText
               : TextKind::Name;
}

bool isControlCharacter(char32_t c) {
    return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
}

bool isFormatCharacter(char32_t c) {
    if (c < kFormatCharacters.front().first) {
        return false; // ASCII and Latin-1 letters: most of any ledger's text
    }
    return std::any_of(kFormatCharacters.begin(), kFormatCharacters.end(),
                       [c](const auto& range) { return c >= range.first && c <= range.second; });
}

std::optional<std::string> textProblem(std::string_view text, TextKind kind) {
    std::size_t i = 0;
    std::size_t position = 0; // 1-based, in characters
    char32_t first = 0;
    char32_t last = 0;
    while (i < text.size()) {
        ++position;
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) { // printable ASCII: nothing to check but spaces
            first = position == 1 ? byte : first;
            last = byte;
            ++i;
            continue;
        }
        const auto c = decode(text, i);
        if (!c) {
            return "is not valid UTF-8 text (at character " + std::to_string(position) + ")";
        }
        const bool allowed =
            (kind == TextKind::FreeText && (*c == '\t' || *c == '\n' || *c == '\r')) ||
            (kind == TextKind::AnyText && *c != 0);
        if (isControlCharacter(*c) && !allowed) {
            return "holds the control character " + describe(*c) + " at character " +
                   std::to_string(position) +
                   (kind == TextKind::FreeText ? " (only tabs and line breaks may be used)" : "") +
                   (kind == TextKind::AnyText ? " (no text may hold it)" : "");
        }
        if (kind == TextKind::Name && isFormatCharacter(*c)) {
            return "holds the invisible character " + describe(*c) + " at character " +
                   std::to_string(position);
        }
        first = position == 1 ? *c : first;
        last = *c;
    }
    if (kind == TextKind::Name && position > 0 && isSpace(first)) {
        return "begins with a space";
    }
    if (kind == TextKind::Name && position > 0 && isSpace(last)) {
        return "ends with a space";
    }
    return std::nullopt;
}

} // namespace ledger
