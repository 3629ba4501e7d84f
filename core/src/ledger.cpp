#include "ledger/ledger.h"

#include "ledger/sqlcipher_store.h"
#include "ledger/validation.h"

#include <ctime>
#include <map>
#include <unordered_map>

namespace ledger {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string optionalIso(const std::optional<Date>& date) {
    return date ? formatIso(*date) : "";
}

std::string optionalNumber(const std::optional<int>& value) {
    return value ? std::to_string(*value) : "";
}

Fields fieldsOf(const Staff& s) {
    return {{"full_name", s.fullName},
            {"email", s.email},
            {"team", s.team},
            {"role", s.role},
            {"start_date", formatIso(s.startDate)},
            {"leave_date", optionalIso(s.leaveDate)},
            {"line_manager_id", s.lineManagerId},
            {"registration_body", registrationBodyCode(s.registrationBody)},
            {"registration_number", s.registrationNumber}};
}

Fields fieldsOf(const Module& m) {
    return {{"title", m.title},
            {"renewal_months", m.renewalMonths ? std::to_string(*m.renewalMonths) : "none"},
            {"renewal_basis", renewalBasisCode(m.renewalBasis)},
            {"window_days", std::to_string(m.windowDays)},
            {"due_soon_days", std::to_string(m.dueSoonDays)},
            {"asc_wds_category", optionalNumber(m.ascWdsCategory)}};
}

Fields fieldsOf(const Requirement& r) {
    return {{"due_within_days", std::to_string(r.dueWithinDays)},
            {"effective_from", optionalIso(r.effectiveFrom)}};
}

Fields fieldsOf(const Completion& c) {
    return {{"expires_on", optionalIso(c.expiresOn)}, {"evidence", c.evidence}};
}

Fields fieldsOf(const AuditTheme& t) {
    std::string modules;
    for (const std::string& code : t.moduleCodes) {
        modules += (modules.empty() ? "" : " ") + code;
    }
    return {{"title", t.title},
            {"source", themeSourceCode(t.source)},
            {"raised_on", formatIso(t.raisedOn)},
            {"priority", themePriorityCode(t.priority)},
            {"status", themeStatusCode(t.status)},
            {"notes", t.notes},
            {"modules", modules}};
}

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out.push_back(c);
            }
        }
    }
    return out + "\"";
}

std::string json(const Fields& fields) {
    std::string out = "{";
    for (const auto& [name, value] : fields) {
        out += (out.size() > 1 ? "," : "") + jsonString(name) + ":" + jsonString(value);
    }
    return out + "}";
}

/// The old and new values of the fields that differ.
std::pair<std::string, std::string> diff(const Fields& before, const Fields& after) {
    Fields oldValues, newValues;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        if (before[i].second != after[i].second) {
            oldValues.push_back(before[i]);
            newValues.push_back(after[i]);
        }
    }
    return {json(oldValues), json(newValues)};
}

template <typename Record>
ChangeLogEntry changeEntry(std::string_view actor, const char* entity, std::string key,
                           const Record* before, const Record& after) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = entity;
    entry.recordKey = std::move(key);
    if (before) {
        entry.action = "update";
        std::tie(entry.oldValues, entry.newValues) = diff(fieldsOf(*before), fieldsOf(after));
    } else {
        entry.action = "add";
        entry.newValues = json(fieldsOf(after));
    }
    return entry;
}

/// Compares each incoming record with the stored one under the same key and writes only
/// what is new or different.
template <typename Record, typename KeyOf, typename Put>
void applyRecords(const std::vector<Record>& stored, const std::vector<Record>& incoming,
                  KeyOf keyOf, Put put, const char* entity, bool dryRun, std::string_view actor,
                  Store& store, ImportSummary& summary) {
    std::unordered_map<std::string, const Record*> byKey;
    byKey.reserve(stored.size());
    for (const Record& r : stored) {
        byKey.emplace(keyOf(r), &r);
    }
    for (Record record : incoming) {
        const std::string key = keyOf(record);
        const auto it = byKey.find(key);
        const Record* before = it == byKey.end() ? nullptr : it->second;
        if (before) {
            record.id = before->id;
            if (*before == record) {
                ++summary.unchanged;
                continue;
            }
            ++summary.updated;
        } else {
            ++summary.added;
        }
        if (!dryRun) {
            put(store, record);
            store.appendChangeLog(changeEntry(actor, entity, key, before, record));
        }
    }
}

std::string requirementKey(const Requirement& r) {
    return r.moduleCode + "/" + scopeCode(r.scope) + (r.value.empty() ? "" : "/" + r.value);
}

std::string completionKey(const Completion& c) {
    return c.employeeId + "/" + c.moduleCode + "/" + formatIso(c.completedOn);
}

} // namespace

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

Ledger::Ledger(std::unique_ptr<Store> store) : m_store(std::move(store)) {
}

Ledger Ledger::create(const std::filesystem::path& path, std::string_view passphrase,
                      std::string_view actor) {
    Ledger ledger(SqlCipherStore::create(path, passphrase));
    ledger.inTransaction([&] {
        ChangeLogEntry entry;
        entry.at = utcTimestamp();
        entry.actor = std::string(actor);
        entry.entity = "ledger";
        entry.recordKey = path.filename().string();
        entry.action = "create";
        ledger.m_store->appendChangeLog(entry);
    });
    return ledger;
}

Ledger Ledger::open(const std::filesystem::path& path, std::string_view passphrase, bool readOnly) {
    return Ledger(SqlCipherStore::open(path, passphrase, readOnly));
}

void Ledger::inTransaction(const std::function<void()>& work) {
    m_store->begin();
    try {
        work();
        m_store->commit();
    } catch (...) {
        m_store->rollback();
        throw;
    }
}

ImportSummary Ledger::importCsv(ImportKind kind, std::string_view fileName, std::string_view text,
                                Date today, bool dryRun, std::string_view actor) {
    // Parse against the records as they are inside the write transaction, so that what is
    // validated is what is written.
    ImportSummary summary;
    const auto run = [&] {
        const LedgerData stored = m_store->loadAll();
        const ParsedImport parsed = parseImport(kind, fileName, text, stored, today);
        summary = apply(parsed, stored, dryRun, actor);
    };
    if (dryRun) {
        run();
    } else {
        inTransaction(run);
    }
    return summary;
}

ImportSummary Ledger::apply(const ParsedImport& parsed, const LedgerData& stored, bool dryRun,
                            std::string_view actor) {
    if (!parsed.errors.empty()) {
        throw ValidationError(parsed.errors);
    }
    ImportSummary summary;
    summary.notices = parsed.notices;
    summary.unchanged = parsed.repeats;
    Store& store = *m_store;
    switch (parsed.kind) {
    case ImportKind::Staff:
        applyRecords(
            stored.staff, parsed.staff, [](const Staff& s) { return s.employeeId; },
            [](Store& st, const Staff& s) { st.putStaff(s); }, "staff", dryRun, actor, store,
            summary);
        break;
    case ImportKind::Modules:
        applyRecords(
            stored.modules, parsed.modules, [](const Module& m) { return m.code; },
            [](Store& st, const Module& m) { st.putModule(m); }, "module", dryRun, actor, store,
            summary);
        break;
    case ImportKind::Requirements:
        applyRecords(
            stored.requirements, parsed.requirements, requirementKey,
            [](Store& st, const Requirement& r) { st.putRequirement(r); }, "requirement", dryRun,
            actor, store, summary);
        break;
    case ImportKind::Completions:
        applyRecords(
            stored.completions, parsed.completions, completionKey,
            [](Store& st, const Completion& c) { st.putCompletion(c); }, "completion", dryRun,
            actor, store, summary);
        break;
    }
    return summary;
}

ImportSummary Ledger::importRecords(const LedgerData& records, Date today, std::string_view actor) {
    ImportSummary total;
    inTransaction([&] {
        for (const ImportKind kind : {ImportKind::Staff, ImportKind::Modules,
                                      ImportKind::Requirements, ImportKind::Completions}) {
            const LedgerData stored = m_store->loadAll();
            ValidationContext context = makeValidationContext(stored, today);
            ParsedImport parsed;
            parsed.kind = kind;
            const auto check = [&](std::vector<FieldError> found, std::size_t index) {
                for (FieldError& e : found) {
                    e.file = "<" + importKindName(kind) + ">";
                    e.line = static_cast<int>(index + 1);
                    parsed.errors.push_back(std::move(e));
                }
            };
            switch (kind) {
            case ImportKind::Staff:
                for (const Staff& s : records.staff) {
                    context.employeeIds.insert(s.employeeId);
                }
                parsed.staff = records.staff;
                for (std::size_t i = 0; i < records.staff.size(); ++i) {
                    check(validateStaff(records.staff[i], context), i);
                }
                break;
            case ImportKind::Modules:
                parsed.modules = records.modules;
                for (std::size_t i = 0; i < records.modules.size(); ++i) {
                    check(validateModule(records.modules[i]), i);
                }
                break;
            case ImportKind::Requirements:
                parsed.requirements = records.requirements;
                for (std::size_t i = 0; i < records.requirements.size(); ++i) {
                    check(validateRequirement(records.requirements[i], context), i);
                }
                break;
            case ImportKind::Completions:
                parsed.completions = records.completions;
                for (std::size_t i = 0; i < records.completions.size(); ++i) {
                    check(validateCompletion(records.completions[i], context), i);
                }
                break;
            }
            const ImportSummary part = apply(parsed, stored, false, actor);
            total.added += part.added;
            total.updated += part.updated;
            total.unchanged += part.unchanged;
        }
    });
    return total;
}

LedgerData Ledger::data() {
    return m_store->loadAll();
}

ComplianceEngine Ledger::engine() {
    return ComplianceEngine(m_store->loadAll());
}

RecordId Ledger::saveAuditTheme(const AuditTheme& theme, Date today, std::string_view actor) {
    RecordId id = 0;
    inTransaction([&] {
        const auto errors =
            validateAuditTheme(theme, makeValidationContext(m_store->loadAll(), today));
        if (!errors.empty()) {
            throw ValidationError(errors);
        }
        std::optional<AuditTheme> before;
        if (theme.id != 0) {
            for (const AuditTheme& t : m_store->auditThemes()) {
                if (t.id == theme.id) {
                    before = t;
                }
            }
            if (!before) {
                throw Conflict("the audit theme was removed meanwhile");
            }
        }
        id = m_store->putAuditTheme(theme);
        AuditTheme after = theme;
        after.id = id;
        m_store->appendChangeLog(changeEntry(actor, "audit_theme", std::to_string(id),
                                             before ? &*before : nullptr, after));
    });
    return id;
}

std::vector<std::string> Ledger::check() {
    return m_store->checkIntegrity();
}

int Ledger::schemaVersion() {
    return m_store->schemaVersion();
}

void Ledger::changePassphrase(std::string_view newPassphrase, std::string_view actor) {
    m_store->changePassphrase(newPassphrase);
    inTransaction([&] {
        ChangeLogEntry entry;
        entry.at = utcTimestamp();
        entry.actor = std::string(actor);
        entry.entity = "ledger";
        entry.action = "change passphrase";
        m_store->appendChangeLog(entry);
    });
}

} // namespace ledger
