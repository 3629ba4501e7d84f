#include "cpd/cpd_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "io/csv.h"
#include "io/importer.h"
#include "reports/report.h"
#include "reports/report_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace ledger {

namespace {

std::string entryKey(const CpdEntry& e) {
    return e.employeeId + "/" + formatIso(e.date) + "/" + e.title;
}

/// 26214401 as `26,214,401`.
std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

/// Staff registered with `body` and active on `asOf`, by employee id, with their entries.
template <typename Visit>
void forRegistered(Store& store, RegistrationBody body, Date asOf, const Visit& visit) {
    std::vector<Staff> people = store.staff().everyone();
    std::sort(people.begin(), people.end(),
              [](const Staff& a, const Staff& b) { return a.employeeId < b.employeeId; });
    std::map<std::string, std::vector<CpdEntry>> byPerson;
    for (CpdEntry& e : store.cpd().entries()) {
        byPerson[e.employeeId].push_back(std::move(e));
    }
    static const std::vector<CpdEntry> kNone;
    for (const Staff& s : people) {
        if (s.registrationBody != body || !employedOn(s, asOf)) {
            continue;
        }
        const auto found = byPerson.find(s.employeeId);
        visit(s, found == byPerson.end() ? kNone : found->second);
    }
}

} // namespace

CpdService::CpdService(UnitOfWork& work) : m_work(work) {
}

std::vector<CpdEntry> CpdService::all() {
    std::vector<CpdEntry> out;
    out = m_work.store().cpd().entries();
    return out;
}

std::vector<CpdEntry> CpdService::of(std::string_view employeeId) {
    std::vector<CpdEntry> out;
    out = m_work.store().cpd().entriesOf(employeeId);
    return out;
}

std::optional<CpdEntry> CpdService::find(RecordId id) {
    std::optional<CpdEntry> out;
    out = m_work.store().cpd().entry(id);
    return out;
}

PersonCpd CpdService::personCpd(const Staff& person, Date asOf) {
    PersonCpd out;
    out.entries = of(person.employeeId);
    out.socialWorkEngland = checkSocialWorkEngland(person.registrationBody, out.entries, asOf);
    out.hcpc = checkHcpc(person.registrationBody, out.entries, asOf);
    return out;
}

std::optional<CpdExportData> CpdService::exportData(std::string_view employeeId) {
    Store& store = m_work.store();
    std::optional<Staff> person = store.staff().staffMember(employeeId);
    if (!person) {
        return std::nullopt;
    }
    CpdExportData out;
    out.person = std::move(*person);
    out.entries = store.cpd().entriesOf(employeeId);
    for (const CpdEntry& e : out.entries) {
        if (e.status == CpdStatus::Final) {
            out.evidence[e.id] = store.cpd().attachments(AttachmentOwner::CpdEntry, e.id);
        }
    }
    for (const AuditTheme& t : store.themes().auditThemes()) {
        out.themeNames[t.key] = t.title;
    }
    return out;
}

RecordId CpdService::save(const CpdEntry& entry, Date today, std::string_view actor) {
    RecordId id = entry.id;
    m_work.run([&] {
        Store& store = m_work.store();
        const ValidationContext base = storedContext(store.staff(), store.training(), today);
        std::unordered_set<std::string> themeKeys;
        for (const AuditTheme& t : store.themes().auditThemes()) {
            themeKeys.insert(t.key);
        }
        const CpdContext context{base, [&](std::string_view key) {
                                     return themeKeys.count(std::string(key)) > 0;
                                 }};
        std::vector<FieldError> errors = validateCpdEntry(entry, context);
        throwIfAny(errors);
        if (const auto same = store.cpd().entryByKey(entry.employeeId, entry.date, entry.title);
            same && same->id != entry.id) {
            throw ValidationError({FieldError{{},
                                              0,
                                              "title",
                                              "another entry on " + formatUk(entry.date) +
                                                  " already has this title"}});
        }
        std::optional<CpdEntry> before;
        if (entry.id != 0) {
            before = store.cpd().entry(entry.id);
            if (!before) {
                throw Conflict("the CPD entry was removed meanwhile");
            }
            if (before->employeeId != entry.employeeId) {
                throw ValidationError(
                    {FieldError{{}, 0, "employee_id", "an entry stays with its person"}});
            }
        }
        CpdEntry saved = entry;
        if (before) {
            saveOver(store.changeLog(), "cpd_entry", entry.id, "this CPD entry", entry.version,
                     before->version, [&] { id = store.cpd().putEntry(saved); });
        } else {
            id = store.cpd().putEntry(saved);
        }
        saved.id = id;
        logged(store.changeLog(), "cpd_entry", id,
               changeEntry(actor, "cpd_entry", entryKey(saved), before ? &*before : nullptr, saved),
               !before);
        m_work.changed(LedgerChange::Kind::Cpd, entry.employeeId);
    });
    return id;
}

void CpdService::remove(RecordId id, std::string_view actor) {
    m_work.run([&] {
        Store& store = m_work.store();
        const std::optional<CpdEntry> entry = store.cpd().entry(id);
        if (!entry) {
            throw Conflict("the CPD entry was removed meanwhile");
        }
        store.cpd().removeEntry(id);
        ChangeLogEntry log =
            logEntry(actor, "cpd_entry", entryKey(*entry), "remove", json(fieldsOf(*entry)), "");
        log.subject = entry->employeeId;
        store.changeLog().append(log);
        m_work.changed(LedgerChange::Kind::Cpd, entry->employeeId);
    });
}

std::vector<Attachment> CpdService::attachments(AttachmentOwner owner, RecordId ownerId) {
    std::vector<Attachment> out;
    out = m_work.store().cpd().attachments(owner, ownerId);
    return out;
}

RecordId CpdService::attach(AttachmentOwner owner, RecordId ownerId, std::string_view name,
                            std::string_view mediaType, std::string_view bytes,
                            std::string_view actor) {
    std::vector<FieldError> errors;
    if (blank(name)) {
        addFieldError(errors, "file", "a file needs a name");
    } else {
        checkText(errors, "file", name, TextKind::Name, kMaxTitleLength);
    }
    if (static_cast<std::int64_t>(bytes.size()) > kMaxAttachmentBytes) {
        addFieldError(errors, "file",
                      std::string(name) + " is " +
                          grouped(static_cast<std::int64_t>(bytes.size())) +
                          " bytes: a file may be at most " + grouped(kMaxAttachmentBytes) +
                          " bytes (25 MiB)");
    }
    checkText(errors, "media_type", mediaType, TextKind::Name, kMaxTitleLength);
    throwIfAny(errors);
    Attachment file;
    file.name = std::string(name);
    file.mediaType = std::string(mediaType);
    file.size = static_cast<std::int64_t>(bytes.size());
    file.sha256 = sha256Hex(bytes);
    RecordId id = 0;
    m_work.run([&] {
        Store& store = m_work.store();
        id = store.cpd().addAttachment(owner, ownerId, file, bytes);
        const bool evidence = owner == AttachmentOwner::CpdEntry;
        std::string key;
        std::string subject;
        if (evidence) {
            if (const auto entry = store.cpd().entry(ownerId)) {
                key = entryKey(*entry);
                subject = entry->employeeId;
            }
        } else {
            key = "completion " + std::to_string(ownerId);
            // About the person, so that on a server only who sees them reads the entry.
            if (const auto completion = store.training().completion(ownerId)) {
                subject = completion->employeeId;
            }
        }
        ChangeLogEntry log =
            logEntry(actor, evidence ? "cpd_evidence" : "certificate", key, "add", "",
                     json({{"name", file.name},
                           {"size", std::to_string(file.size)},
                           {"sha256", file.sha256}}));
        log.subject = subject;
        store.changeLog().append(log);
        m_work.changed(evidence ? LedgerChange::Kind::Cpd : LedgerChange::Kind::Completions,
                       subject);
    });
    return id;
}

std::optional<Attachment> CpdService::attachment(RecordId id) {
    std::optional<Attachment> out;
    out = m_work.store().cpd().attachment(id);
    return out;
}

std::optional<std::string> CpdService::attachmentBytes(RecordId id) {
    std::optional<std::string> out;
    out = m_work.store().cpd().attachmentBytes(id);
    return out;
}

void CpdService::detach(RecordId attachmentId, std::string_view actor) {
    m_work.run([&] {
        Store& store = m_work.store();
        const std::optional<Attachment> file = store.cpd().attachment(attachmentId);
        if (!file) {
            throw Conflict("the file was removed meanwhile");
        }
        // About the person, as its adding was: on a server only who sees them reads it.
        const bool evidence = file->owner == AttachmentOwner::CpdEntry;
        std::string key;
        std::string subject;
        if (evidence) {
            if (const auto entry = store.cpd().entry(file->ownerId)) {
                key = entryKey(*entry);
                subject = entry->employeeId;
            }
        } else {
            key = "completion " + std::to_string(file->ownerId);
            if (const auto completion = store.training().completion(file->ownerId)) {
                subject = completion->employeeId;
            }
        }
        store.cpd().removeAttachment(attachmentId);
        ChangeLogEntry log =
            logEntry(actor, evidence ? "cpd_evidence" : "certificate", key, "remove",
                     json({{"name", file->name}, {"sha256", file->sha256}}), "");
        log.subject = subject;
        store.changeLog().append(log);
        m_work.changed(evidence ? LedgerChange::Kind::Cpd : LedgerChange::Kind::Completions,
                       subject);
    });
}

std::vector<CpdReportRow> CpdService::cpdReport(Date asOf, std::optional<int> year) {
    std::vector<CpdReportRow> rows;
    {
        forRegistered(m_work.store(), RegistrationBody::SocialWorkEngland, asOf,
                      [&](const Staff& s, const std::vector<CpdEntry>& entries) {
                          const SocialWorkEnglandCheck check =
                              checkSocialWorkEngland(s.registrationBody, entries, asOf, year);
                          rows.push_back(CpdReportRow{
                              s.employeeId, s.team,
                              check.figures.value_or(SocialWorkEnglandFigures{}), check.status});
                      });
    }
    return rows;
}

std::vector<HcpcReportRow> CpdService::hcpcReport(Date asOf) {
    std::vector<HcpcReportRow> rows;
    {
        forRegistered(m_work.store(), RegistrationBody::Hcpc, asOf,
                      [&](const Staff& s, const std::vector<CpdEntry>& entries) {
                          const HcpcCheck check = checkHcpc(s.registrationBody, entries, asOf);
                          rows.push_back(HcpcReportRow{s.employeeId, s.team,
                                                       check.figures.value_or(HcpcFigures{}),
                                                       check.status});
                      });
    }
    return rows;
}

std::string formatGap(const HcpcGap& gap) {
    return formatIso(gap.from) + ".." + formatIso(gap.to);
}

namespace {

ReportCell registrationStatusCell(RegistrationStatus status) {
    const CellTone tone = status == RegistrationStatus::Met      ? CellTone::Good
                          : status == RegistrationStatus::NotMet ? CellTone::Bad
                                                                 : CellTone::None;
    return codeCell(registrationStatusCode(status), {}, tone);
}

std::string typesCell(const HcpcFigures& f) {
    std::string out;
    for (const HcpcType t : f.types) {
        out += (out.empty() ? "" : ";") + hcpcTypeCode(t);
    }
    return out;
}

std::string gapsCell(const HcpcFigures& f) {
    std::string out;
    for (const HcpcGap& g : f.gaps) {
        out += (out.empty() ? "" : ";") + formatGap(g);
    }
    return out;
}

std::string reasonsCell(const HcpcFigures& f) {
    std::string out;
    for (const HcpcReason r : f.reasons) {
        out += (out.empty() ? "" : ";") + hcpcReasonCode(r);
    }
    return out;
}

} // namespace

ReportSheet cpdSheet(const std::vector<CpdReportRow>& rows) {
    ReportSheet sheet;
    sheet.title = "Social Work England CPD";
    sheet.columns = {{"employee_id", "Employee", CellKind::Text},
                     {"team", "Team", CellKind::Text, 0, 2.0},
                     {"registration_year", "Registration year", CellKind::Integer},
                     {"entries", "Entries", CellKind::Integer},
                     {"with_peer_reflection", "With peer reflection", CellKind::Integer},
                     {"days_left", "Days left", CellKind::Integer},
                     {"status", "Status", CellKind::Code}};
    for (const CpdReportRow& r : rows) {
        sheet.rows.push_back(
            {textCell(r.employeeId), textCell(r.team), integerCell(r.figures.registrationYear),
             integerCell(r.figures.entries), integerCell(r.figures.withPeerReflection),
             integerCell(r.figures.daysLeft), registrationStatusCell(r.status)});
    }
    return sheet;
}

std::string formatCpdCsv(const std::vector<CpdReportRow>& rows) {
    return formatCsv(cpdSheet(rows));
}

ReportSheet hcpcSheet(const std::vector<HcpcReportRow>& rows) {
    ReportSheet sheet;
    sheet.title = "HCPC CPD";
    sheet.columns = {{"employee_id", "Employee", CellKind::Text},
                     {"team", "Team", CellKind::Text, 0, 2.0},
                     {"cycle_end", "Cycle ends", CellKind::Day},
                     {"activities", "Activities", CellKind::Integer},
                     {"types", "Types", CellKind::Code, 0, 2.0},
                     {"gaps", "Gaps", CellKind::Integer},
                     {"gap_list", "Gap list", CellKind::Code, 0, 2.5},
                     {"status", "Status", CellKind::Code},
                     {"reasons", "Reasons", CellKind::Code, 0, 2.0}};
    for (const HcpcReportRow& r : rows) {
        sheet.rows.push_back(
            {textCell(r.employeeId), textCell(r.team), dateCell(hcpcCycleEnd(r.figures.cycle)),
             integerCell(static_cast<std::int64_t>(r.figures.activities.size())),
             codeCell(typesCell(r.figures)),
             integerCell(static_cast<std::int64_t>(r.figures.gaps.size()),
                         r.figures.gaps.empty() ? CellTone::None : CellTone::Warning),
             codeCell(gapsCell(r.figures)), registrationStatusCell(r.status),
             codeCell(reasonsCell(r.figures))});
    }
    return sheet;
}

std::string formatHcpcCsv(const std::vector<HcpcReportRow>& rows) {
    return formatCsv(hcpcSheet(rows));
}

std::string formatCpdTable(const std::vector<CpdReportRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const CpdReportRow& r : rows) {
        cells.push_back({r.employeeId, r.team, std::to_string(r.figures.registrationYear),
                         std::to_string(r.figures.entries),
                         std::to_string(r.figures.withPeerReflection),
                         std::to_string(r.figures.daysLeft), registrationStatusCode(r.status)});
    }
    return formatTable(
        {"Employee", "Team", "Year", "Entries", "With peer reflection", "Days left", "Status"},
        std::move(cells), {false, false, true, true, true, true, false});
}

std::string formatHcpcTable(const std::vector<HcpcReportRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const HcpcReportRow& r : rows) {
        cells.push_back({r.employeeId, r.team, formatUk(hcpcCycleEnd(r.figures.cycle)),
                         std::to_string(r.figures.activities.size()), typesCell(r.figures),
                         std::to_string(r.figures.gaps.size()), gapsCell(r.figures),
                         registrationStatusCode(r.status), reasonsCell(r.figures)});
    }
    return formatTable({"Employee", "Team", "Cycle ends", "Activities", "Types", "Gaps", "Gap list",
                        "Status", "Reasons"},
                       std::move(cells),
                       {false, false, false, true, false, true, false, false, false});
}

} // namespace ledger
